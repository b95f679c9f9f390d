/**
 * The dev server behind `npm run dev`: Vite serving the portal's scripts with hot reload, and the
 * virtual router serving its pages (rendered from the current shells into an html directory the
 * routers read). Tests start it in-process on a free port, on a copy of the project if they edit it.
 */
import { mkdirSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import path from 'node:path';
import { createServer, type LogLevel, type ViteDevServer } from 'vite';
import { hotspotCryptoJs } from '../build/plugin-crypto-js.ts';
import { CONFIG_FILE, loadConfig } from '../config/index.ts';
import { UserError } from '../lib/errors.ts';
import { listenOn } from '../lib/listen.ts';
import { localPreviewCertificate } from '../lib/make-certificate.ts';
import { startDemoRadius, type DemoRadius } from './demo-radius.ts';
import { TOOLKIT_ROOT } from './dev-pages.ts';
import { DevPortal } from './dev-portal.ts';
import { hotspotDev, routeProxy } from './plugin-dev.ts';

export interface DevServerOptions {
  /** The project: portal.config.ts, templates/, portal/ (default: the working directory). */
  root?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Rendered pages and Vite's dependency cache (default node_modules/.hotspot-dev/ of the project). */
  cacheDir?: string;
  logLevel?: LogLevel;
  /** Serve over HTTPS with a local certificate (made once in cacheDir/tls), so pages show their TLS states. */
  https?: boolean;
  /** `demo`: start the demo RADIUS server (demo-radius.ts) and point the preview's hotspot at it. */
  radius?: 'demo';
  /** Where the config's RADIUS secret is read from (its secretEnv; default process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface DevServer {
  url: string;
  vite: ViteDevServer;
  portal: DevPortal;
  /** With `https`: the local CA a browser may be told to trust (the file), else undefined. */
  caFile?: string;
  /** With `radius: 'demo'`: the demo RADIUS server the routers ask. */
  demoRadius?: DemoRadius;
  /**
   * The config's RADIUS servers are asked, but the environment variable its secretEnv names is not
   * set: that variable's name (the preview's RADIUS logins then end in radius-timeout).
   */
  missingSecretEnv?: string;
  /** Milliseconds from the call to a listening server with the pages rendered. */
  startMs: number;
  close(): Promise<void>;
}

/** An address the server cannot listen on, said as the user's to fix (busy ports: listenOn). */
function listenError(err: unknown, host: string): unknown {
  const code = (err as NodeJS.ErrnoException)?.code ?? '';
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return new UserError(`${host} is not an address of this machine: choose another with --host (127.0.0.1 by default).`);
  return err;
}

export async function startDevServer(o: DevServerOptions = {}): Promise<DevServer> {
  const started = Date.now();
  const root = path.resolve(o.root ?? '.');
  const configFile = path.join(root, CONFIG_FILE);
  const { config } = await loadConfig(configFile);
  const cacheDir = path.resolve(o.cacheDir ?? path.join(root, 'node_modules', '.hotspot-dev'));
  const htmlDir = path.join(cacheDir, 'html');
  mkdirSync(htmlDir, { recursive: true });
  const tls = o.https ? await localPreviewCertificate(path.join(cacheDir, 'tls'), config.router.dnsName ? [config.router.dnsName] : []) : undefined;
  // Every simulated router serves the preview certificate, so login-by=https behaves as on a router with one.
  const demoRadius = o.radius === 'demo' ? await startDemoRadius() : undefined;
  const portal = new DevPortal({
    root,
    configFile,
    config,
    htmlDir,
    certificatePem: tls && `${tls.cert.certPem}\n${tls.cert.keyPem}`,
    setup: { env: o.env ?? process.env, radius: demoRadius },
  });

  // Vite runs as middleware of a server of our own: it then installs no SIGTERM or stdin handlers
  // of its own, and a busy port is refused in the same words as npm run router's.
  const http = tls ? createHttpsServer({ cert: tls.cert.certPem, key: tls.cert.keyPem }) : createHttpServer();
  const host = o.host ?? '127.0.0.1';
  const vite = await createServer({
    configFile: false,
    root,
    base: '/',
    appType: 'custom',
    publicDir: false,
    envDir: false,
    cacheDir: path.join(cacheDir, 'vite'),
    clearScreen: false,
    logLevel: o.logLevel ?? 'info',
    server: {
      middlewareMode: true,
      hmr: { server: http },
      // Rendering the pages at start-up would otherwise transform their scripts before the
      // dependencies are optimised, leaving stale dependency URLs (504 "Outdated Optimize Dep").
      preTransformRequests: false,
      // The dev UI lives in the toolkit, which may not be the project folder (tests use a copy).
      fs: { allow: [root, TOOLKIT_ROOT] },
    },
    // Known up front, so the first page load does not stop to optimise them and reload.
    optimizeDeps: { entries: ['portal/pages/*.ts'], include: ['lit', 'lit/directives/keyed.js', 'crypto-js/md5', 'crypto-js/enc-latin1'] },
    plugins: [hotspotCryptoJs(), portal.i18n.plugin, hotspotDev(portal)],
  });
  http.on('request', (req, res) => {
    if (/^https?:\/\//i.test(req.url ?? '')) routeProxy(portal, req, res, () => vite.middlewares(req, res));
    else vite.middlewares(req, res);
  });
  http.on('connect', (req, socket: Socket, head) => {
    // Node takes its own error listener off a socket it hands to 'connect' (see the virtual router's servlet).
    socket.on('error', () => socket.destroy());
    // In proxy mode the browser reaches Vite's hot-reload socket on the hotspot's name through a
    // tunnel; HTTPS to anywhere else is refused for guests, as on the virtual router (RouterOS 7.5+).
    const target = new URL(`http://${req.url ?? ''}`);
    if (!portal.scenarios.isLiveHotspot(target.hostname)) return void socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    const own = http.address() as AddressInfo;
    const tunnel = connect(own.port, /^(0\.0\.0\.0|::)$/.test(own.address) ? '127.0.0.1' : own.address, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      tunnel.write(head);
      tunnel.pipe(socket).pipe(tunnel);
    });
    tunnel.on('error', () => socket.destroy());
    socket.on('error', () => tunnel.destroy());
  });
  const close = async () => {
    await vite.close();
    await demoRadius?.close();
    http.closeAllConnections();
    await new Promise<void>((r) => http.close(() => r()));
  };
  let port: number;
  try {
    await portal.refresh(false, false);
    port = await listenOn(http, o.port ?? 5173, host, '--port');
  } catch (err) {
    await vite.close();
    await demoRadius?.close();
    throw listenError(err, host);
  }
  const secretEnv = config.router.radius?.secretEnv;
  return {
    url: `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    caFile: tls?.ca.certFile,
    vite,
    portal,
    demoRadius,
    missingSecretEnv: !demoRadius && secretEnv && !(o.env ?? process.env)[secretEnv] ? secretEnv : undefined,
    startMs: Date.now() - started,
    close,
  };
}
