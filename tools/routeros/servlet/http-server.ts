/**
 * The servlet over real HTTP. It answers both as a web server (the preview: http://127.0.0.1:PORT/login)
 * and as a proxy (a browser started with --proxy-server sends `GET http://example.com/`), which is how
 * a hotspot sees a guest's traffic. Each request is mapped to a simulated device by its MAC.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { SecureContext, TLSSocket } from 'node:tls';
import { UserError } from '../../lib/errors.ts';
import { TemplateError } from '../engine/index.ts';
import { randomMac } from '../hotspot/hosts.ts';
import { normalizeMac } from '../hotspot/settings.ts';
import type { Servlet, ServletRequest, ServletResponse } from './servlet.ts';

/** Header a test or tool sends to act as a given device; see docs/routeros-fidelity.md. */
export const MAC_HEADER = 'x-vr-mac';
export const IP_HEADER = 'x-vr-ip';
/** Cookie that remembers the MAC the simulator gave a browser that did not choose one. */
export const MAC_COOKIE = 'vr-mac';
const MAX_BODY = 64 * 1024;

export interface HttpOptions {
  servlet: Servlet;
  /** Host names and addresses that are the hotspot itself; the first is the one links use (`$(hostname)`). */
  hotspotNames: () => string[];
  /** Extra handler tried first (the control API); returns true when it answered. */
  intercept?: (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<boolean>;
  log?: (line: string) => void;
  /**
   * Path the servlet is mounted under, when it shares a server with other things (the dev server
   * serves each simulated state below its own path): `link-*` URLs start with it. The caller takes
   * it off `req.url` before handing the request over.
   */
  mountPath?: string;
  /**
   * The other listener's origin (`https://127.0.0.1:8443` for a request that came over HTTP), for
   * links that change scheme when the client reached the servlet on a loopback address rather than
   * by the hotspot's name. Undefined when there is no such listener.
   */
  listenerOrigin?: (scheme: 'http' | 'https') => string | undefined;
}

/** What the HTTPS listener needs: the TLS context of the profile's ssl-certificate, read per handshake. */
export interface TlsOptions {
  context: () => SecureContext | undefined;
  /** Port of the HTTPS listener: CONNECT to a hotspot name on 443 is tunnelled there. */
  port: () => number | undefined;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new UserError('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The servlet as a Node request listener (a server of its own, or a middleware of the dev server). */
export function createHttpHandler(o: HttpOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(o, req, res).catch((err: unknown) => {
      const known = err instanceof TemplateError || err instanceof UserError;
      // The log gets the whole story; the client only a sentence: never a stack trace or a server path.
      o.log?.(`error: ${req.method} ${req.url}: ${known ? (err as Error).message : String((err as Error)?.stack ?? err)}`);
      const status = err instanceof TemplateError || !known ? 500 : 400;
      if (!res.headersSent) res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${known ? (err as Error).message : 'internal error: the virtual router could not answer this request (see its log).'}\n`);
    });
  };
}

export function createHttpServer(o: HttpOptions, tls?: TlsOptions): Server {
  const server = createServer(createHttpHandler(o));
  // Tunnels leave the HTTP server's bookkeeping: close them with its connections.
  const tunnels = new Set<Socket>();
  const closeAll = server.closeAllConnections.bind(server);
  server.closeAllConnections = () => {
    closeAll();
    for (const t of tunnels) t.destroy();
  };
  server.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    // Node takes its own error listener off a socket it hands to 'connect': without one, a client
    // resetting a refused tunnel would be an uncaught ECONNRESET.
    socket.on('error', () => socket.destroy());
    // A browser using the servlet as its proxy reaches https://<dns-name>/ through CONNECT: that is the
    // hotspot itself, so it goes to the HTTPS listener. Other HTTPS is rejected for clients (RouterOS
    // 7.5+), and there is no upstream here anyway.
    const [host = '', port = '443'] = (req.url ?? '').split(/:(?=\d+$)/);
    const tlsPort = tls?.port();
    const names = o.hotspotNames().map((n) => n.toLowerCase());
    if (!tlsPort || port !== '443' || !names.includes(host.toLowerCase())) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(tlsPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    tunnels.add(socket).add(upstream);
    const drop = () => {
      upstream.destroy();
      socket.destroy();
    };
    socket.on('close', () => {
      tunnels.delete(socket);
      tunnels.delete(upstream);
      upstream.destroy();
    });
    upstream.on('error', drop);
    socket.on('error', drop);
  });
  return server;
}

/**
 * The servlet over TLS, serving the certificate the profile names when a client asks for the
 * hotspot's name (SNI); a router without a usable certificate refuses the handshake.
 */
export function createHttpsServer(o: HttpOptions, tls: TlsOptions): Server {
  return createTlsServer(
    {
      SNICallback: (_name, done) => {
        const context = tls.context();
        if (context) done(null, context);
        else done(new Error('the hotspot profile has no usable ssl-certificate'));
      },
    },
    createHttpHandler(o),
  );
}

async function handle(o: HttpOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = req.method === 'POST' ? await readBody(req) : Buffer.alloc(0);
  if (o.intercept && (await o.intercept(req, res, body))) return;

  const raw = req.url ?? '/';
  const secure = (req.socket as TLSSocket).encrypted === true;
  const absolute = /^https?:\/\//i.test(raw);
  const url = requestUrl(absolute ? raw : `${secure ? 'https' : 'http'}://${req.headers.host ?? '127.0.0.1'}${raw}`);
  const local = server(req);
  const names = o.hotspotNames().map((n) => n.toLowerCase());
  const byName = names.includes(url.hostname.toLowerCase());
  const toHotspot = byName || local.has(url.host.toLowerCase());
  const mount = o.mountPath ?? '';
  // Links point back at the servlet: as the client reached it, or by the hotspot's own name.
  const own = toHotspot ? `${url.protocol}//${url.host}${mount}` : `http://${names[0] ?? '127.0.0.1'}`;
  const other = (scheme: 'http' | 'https') => {
    const listener = toHotspot && !byName ? o.listenerOrigin?.(scheme) : undefined;
    return listener ? `${listener}${mount}` : `${scheme}://${names[0] ?? url.hostname}`;
  };

  const params = new URLSearchParams(url.search);
  if (body.length && /application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params.set(k, v);
  }
  const cookies = parseCookies(req.headers.cookie);
  const setCookies: string[] = [];
  const headerMac = req.headers[MAC_HEADER];
  let mac: string | undefined;
  if (typeof headerMac === 'string') {
    mac = normalizeMac(headerMac);
    if (!mac) throw new UserError(`${MAC_HEADER} "${headerMac}" is not a MAC address like 02:00:00:00:00:01.`);
  } else {
    mac = normalizeMac(cookies[MAC_COOKIE] ?? '');
    if (!mac) {
      mac = randomMac();
      setCookies.push(`${MAC_COOKIE}=${mac}; Path=/; SameSite=Lax`);
    }
  }
  const ipHeader = req.headers[IP_HEADER];
  const sreq: ServletRequest = {
    method: req.method ?? 'GET',
    url,
    toHotspot,
    secure,
    origin: own,
    origins: { http: secure ? other('http') : own, https: secure ? own : other('https') },
    params,
    mac,
    ip: typeof ipHeader === 'string' && /^\d{1,3}(\.\d{1,3}){3}$/.test(ipHeader) ? ipHeader : undefined,
    cookies,
    userAgent: req.headers['user-agent'] ?? '',
  };
  const out = await o.servlet.handle(sreq);
  if (out.unknown?.length) o.log?.(`warning: ${out.page}: unknown variables ${out.unknown.map((n) => `$(${n})`).join(', ')} rendered empty`);
  send(res, out, setCookies, req.method === 'HEAD');
}

/** The request's URL; a Host header or request line that makes no URL is the client's mistake. */
function requestUrl(text: string): URL {
  if (!URL.canParse(text)) throw new UserError('Bad request: the Host header or the request line is not a valid URL.');
  return new URL(text);
}

function send(res: ServerResponse, out: ServletResponse, setCookies: string[], head: boolean): void {
  const cookies = [...setCookies, ...out.headers.filter(([n]) => n.toLowerCase() === 'set-cookie').map(([, v]) => v)];
  // Header values come from page text and variables: drop what HTTP cannot carry instead of failing.
  for (const [name, value] of out.headers)
    if (name.toLowerCase() !== 'set-cookie') res.setHeader(name, value.replace(/[^\t\x20-\x7e\x80-\xff]/g, ''));
  if (cookies.length) res.setHeader('Set-Cookie', cookies);
  res.statusCode = out.status;
  if (out.statusMessage) res.statusMessage = out.statusMessage.replace(/[^\t\x20-\x7e]/g, '');
  res.end(head ? undefined : out.body);
}

/** The authorities this server is reachable at on loopback (`127.0.0.1:PORT`, `localhost:PORT`). */
function server(req: IncomingMessage): Set<string> {
  const { port, address } = req.socket.address() as AddressInfo;
  // Also the address the request came in on (a phone on the LAN reaching a server on --host 0.0.0.0).
  const own = address.replace(/^::ffff:/, '');
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, own.includes(':') ? `[${own}]:${port}` : `${own}:${port}`]);
}
