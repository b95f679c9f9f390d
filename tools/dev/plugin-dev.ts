/**
 * `hotspot:dev`: the dev server's routes, ahead of Vite's own. Router paths (/, /login, /status,
 * /logout, /api, *.html, *.txt, api.json, /__vr/…, requests for other hosts in proxy mode) go to the
 * live virtual router; /__dev/s|v/<state>/… to the router of that toolbar state; /__dev/ and
 * /__gallery are the workbench and the gallery. Everything else (scripts, styles, images) is Vite's,
 * with hot reload. Edits to templates/, portal.config.ts and brand files re-render the pages.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin, ViteDevServer } from 'vite';
import { isServletPath } from '../build/files.ts';
import { UserError } from '../lib/errors.ts';
import { errorPageHtml, galleryHtml, workbenchHtml } from './dev-pages.ts';
import type { Change, DevPortal } from './dev-portal.ts';
import { devMeta } from './meta.ts';
import { scenarioRequest } from './scenarios.ts';

/** Paths the router answers at the root of the dev server. */
export function isRouterPath(pathname: string): boolean {
  return (
    pathname === '/' ||
    isServletPath(pathname) ||
    /\.(html?|txt)$/i.test(pathname) ||
    /(^|\/)api\.json$/.test(pathname) ||
    pathname === '/favicon.ico' ||
    pathname.startsWith('/__vr/')
  );
}

const INFO = /^\/__dev\/info\/([^/?]+)$/;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  res.end(body);
}

/**
 * Proxy mode: a browser started with --proxy-server sends every request here with an absolute URL.
 * The portal's own scripts on the hotspot's name go on to Vite (as requests for this server); the
 * rest is the live router's (other hosts get rlogin.html until the guest logs in). Handled before
 * Vite, whose DNS-rebinding guard would refuse the other hosts' names.
 */
export function routeProxy(portal: DevPortal, req: IncomingMessage, res: ServerResponse, toVite: () => void): void {
  const url = new URL(req.url!);
  if (portal.scenarios.isLiveHotspot(url.hostname) && !isRouterPath(url.pathname)) {
    req.url = url.pathname + url.search;
    req.headers.host = `127.0.0.1:${req.socket.localPort}`;
    return toVite();
  }
  if (portal.broken) return send(res, 500, 'text/html', errorPageHtml(portal.broken.message, portal.broken.source));
  portal.scenarios.handleLive(req, res);
}

export function hotspotDev(portal: DevPortal): Plugin {
  let server: ViteDevServer;

  const page = async (res: ServerResponse, url: string, html: string) => send(res, 200, 'text/html', await server.transformIndexHtml(url, html));
  const brokenPage = (res: ServerResponse) => send(res, 500, 'text/html', errorPageHtml(portal.broken!.message, portal.broken!.source));

  async function route(req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction): Promise<void> {
    const raw = req.url ?? '/';
    const pathname = raw.split('?')[0]!;
    if (pathname === '/__dev') {
      res.writeHead(302, { Location: '/__dev/' });
      return void res.end();
    }
    if (pathname === '/__dev/') return page(res, pathname, workbenchHtml(portal.config.brand.name));
    if (pathname === '/__gallery' || pathname === '/__gallery/') return page(res, pathname, galleryHtml(portal.config.brand.name));
    if (pathname === '/__dev/meta') return send(res, 200, 'application/json', JSON.stringify(devMeta(portal.config)));
    const info = INFO.exec(pathname);
    if (info) return send(res, 200, 'application/json', JSON.stringify(portal.scenarios.info(decodeURIComponent(info[1]!))));
    const scenario = scenarioRequest(raw);
    if (scenario) {
      if (portal.broken && !scenario.rest.startsWith('/__vr/')) return brokenPage(res);
      return portal.scenarios.handle(req, res, scenario.key, scenario.rest, scenario.view);
    }
    if (portal.i18n.serve(req, res)) return;
    if (isRouterPath(pathname)) {
      if (portal.broken && !pathname.startsWith('/__vr/')) return brokenPage(res);
      return portal.scenarios.handleLive(req, res);
    }
    next();
  }

  return {
    name: 'hotspot:dev',
    apply: 'serve',
    configureServer(s) {
      server = s;
      portal.server = s;
      const pending = new Set<Change>();
      let timer: NodeJS.Timeout | undefined;
      s.watcher.on('all', (_event, file) => {
        const change = portal.classify(file);
        if (change === 'none') return;
        if (change === 'restart') return portal.needsRestart(file);
        pending.add(change);
        // Editors often write a file in several steps: wait for the last one.
        clearTimeout(timer);
        timer = setTimeout(() => {
          const config = pending.has('config');
          pending.clear();
          void portal.refresh(config);
        }, 40);
      });
      s.middlewares.use((req, res, next) => {
        route(req, res, next).catch((err: unknown) => {
          if (!(err instanceof UserError)) return next(err);
          send(res, 400, 'text/plain', `${err.message}\n`);
        });
      });
    },
  };
}
