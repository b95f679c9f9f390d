/**
 * A simulated device for servlet tests: real HTTP to the virtual router on loopback, with its own MAC
 * (the x-vr-mac header) and its own cookie jar. `viaProxy` sends a request the way a browser behind
 * the hotspot does for some other site: absolute URL in the request line, that site's Host header.
 */
import { request } from 'node:http';
import { request as tlsRequest } from 'node:https';
import { createHash } from 'node:crypto';

export interface Reply {
  status: number;
  statusMessage: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export class Device {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly routerUrl: string,
    readonly mac: string,
    /** For an https:// routerUrl: the CA to trust and the name to ask for (SNI and certificate check). */
    readonly tls?: { ca: string; servername: string },
  ) {}

  get(pathOrUrl: string, extraHeaders: Record<string, string> = {}): Promise<Reply> {
    return this.send('GET', pathOrUrl, undefined, extraHeaders);
  }
  post(pathOrUrl: string, form: Record<string, string>, extraHeaders: Record<string, string> = {}): Promise<Reply> {
    return this.send('POST', pathOrUrl, new URLSearchParams(form).toString(), extraHeaders);
  }

  /** Requests `url` (on another host) through the router, as a proxied browser would. */
  viaProxy(url: string, method = 'GET'): Promise<Reply> {
    return this.send(method, url);
  }

  private send(method: string, pathOrUrl: string, body?: string, extraHeaders: Record<string, string> = {}): Promise<Reply> {
    const router = new URL(this.routerUrl);
    const absolute = /^https?:\/\//.test(pathOrUrl);
    const target = absolute ? new URL(pathOrUrl) : new URL(pathOrUrl, this.routerUrl);
    const headers: Record<string, string> = { 'x-vr-mac': this.mac, host: target.host, ...extraHeaders };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const secure = router.protocol === 'https:';
    const send = secure ? tlsRequest : request;
    if (secure && this.tls) headers.host = absolute ? target.host : this.tls.servername;
    return new Promise((resolve, reject) => {
      const req = send(
        {
          host: router.hostname,
          port: router.port,
          method,
          path: absolute ? target.href : target.pathname + target.search,
          headers,
          ...(secure ? { ...this.tls, agent: false } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            for (const c of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
              const [pair = '', ...attrs] = c.split(';');
              const i = pair.indexOf('=');
              const name = pair.slice(0, i).trim();
              const value = pair.slice(i + 1).trim();
              if (attrs.some((a) => /max-age=0/i.test(a.trim())) || value === '') this.cookies.delete(name);
              else this.cookies.set(name, value);
            }
            resolve({
              status: res.statusCode ?? 0,
              statusMessage: res.statusMessage ?? '',
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}

/** Bytes of a RouterOS `\ooo` octal-escaped string. */
export function octalBytes(escaped: string): Buffer {
  const groups = escaped.match(/\\[0-7]{3}/g) ?? [];
  if (groups.join('') !== escaped) throw new Error(`not an octal-escaped string: ${escaped}`);
  return Buffer.from(groups.map((g) => parseInt(g.slice(1), 8)));
}

/** The chap-id and chap-challenge a classic login page holds in `hexMD5('…' + … + '…')`. */
export function chapFromPage(html: string): { id: Buffer; challenge: Buffer } {
  const m = /hexMD5\('((?:\\[0-7]{3})+)'\s*\+[^+]+\+\s*'((?:\\[0-7]{3})+)'\)/.exec(html);
  if (!m) throw new Error('no hexMD5(chap-id + password + chap-challenge) call in the page');
  return { id: octalBytes(m[1]!), challenge: octalBytes(m[2]!) };
}

/** What a browser running md5.js sends: lower-case hex MD5(id ‖ password ‖ challenge), computed independently. */
export function chapAnswer(page: string, password: string): string {
  const { id, challenge } = chapFromPage(page);
  return createHash('md5')
    .update(Buffer.concat([id, Buffer.from(password, 'utf8'), challenge]))
    .digest('hex');
}

/** Text content of the element with this id in a simple page (tests' own fixture pages). */
export function byId(html: string, id: string): string | undefined {
  const m = new RegExp(`<([a-z]+)[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return m?.[2];
}
