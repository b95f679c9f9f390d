/**
 * A simulated guest device, for the tests and the bench's load generator: real HTTP to a virtual
 * router on loopback, its MAC in the `x-vr-mac` header (how the virtual router tells devices apart),
 * its own cookie jar, and HTTP-CHAP answered from the values the served page holds (RouterOS writes
 * each byte of chap-id and chap-challenge as a `\ooo` octal escape; the answer is MD5(id ‖ password ‖
 * challenge) in lower-case hex, fact sheet §4.2). `viaProxy` sends a request the way a browser behind
 * the hotspot does for some other site: absolute URL in the request line, that site's Host header.
 */
import { createHash } from 'node:crypto';
import { request, type Agent } from 'node:http';
import { request as tlsRequest } from 'node:https';

export interface Reply {
  status: number;
  statusMessage: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface DeviceOptions {
  /** For an https:// router URL: the CA to trust and the name to ask for (SNI and certificate check). */
  tls?: { ca: string; servername: string };
  /** Keep the cookies the router sets and send them back (default), as a browser does. */
  cookies?: boolean;
  /** A connection pool to send through (the load generator keeps one keep-alive connection per guest). */
  agent?: Agent;
  /** Give up on a request after this long, with a GuestTimeout. */
  timeoutMs?: number;
}

/** A request that got no answer within the device's timeoutMs. */
export class GuestTimeout extends Error {
  override name = 'GuestTimeout';
}

export class Device {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly routerUrl: string,
    readonly mac: string,
    readonly options: DeviceOptions = {},
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
    const { tls, agent, timeoutMs, cookies = true } = this.options;
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
    if (secure && tls) headers.host = absolute ? target.host : tls.servername;
    const path = absolute ? target.href : target.pathname + target.search;
    return new Promise((resolve, reject) => {
      const req = send(
        {
          host: router.hostname,
          port: router.port,
          method,
          path,
          headers,
          ...(secure ? { ...tls, agent: false } : agent ? { agent } : {}),
          ...(timeoutMs ? { timeout: timeoutMs } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            if (cookies) this.keepCookies(res.headers['set-cookie']);
            resolve({
              status: res.statusCode ?? 0,
              statusMessage: res.statusMessage ?? '',
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
        },
      );
      req.on('timeout', () => req.destroy(new GuestTimeout(`${method} ${path} got no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  private keepCookies(setCookie: string[] | undefined): void {
    for (const c of setCookie ?? []) {
      const [pair = '', ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (attrs.some((a) => /max-age=0/i.test(a.trim())) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export interface ChapBytes {
  id: Buffer;
  challenge: Buffer;
}

/** Bytes of a RouterOS `\ooo` octal-escaped string. */
export function octalBytes(escaped: string): Buffer {
  const groups = escaped.match(/\\[0-7]{3}/g) ?? [];
  if (!escaped || groups.join('') !== escaped) throw new Error(`not an octal-escaped string: ${escaped.slice(0, 40)}`);
  return Buffer.from(groups.map((g) => parseInt(g.slice(1), 8)));
}

const OCTAL = String.raw`((?:\\[0-7]{3})+)`;
/** The portal's classic inline script: `var hsChap = { id: '…', challenge: '…' };` */
const PORTAL = new RegExp(String.raw`hsChap\s*=\s*\{\s*id:\s*'${OCTAL}',\s*challenge:\s*'${OCTAL}'`);
/** A classic page: `hexMD5('…' + password + '…')`. */
const CLASSIC = new RegExp(String.raw`hexMD5\(\s*'${OCTAL}'\s*\+[^+]+\+\s*'${OCTAL}'\s*\)`);

/** The CHAP values of a served login page (the portal's or a classic one), or an error saying none were found. */
export function chapFromPage(html: string): ChapBytes {
  const m = PORTAL.exec(html) ?? CLASSIC.exec(html);
  if (!m) throw new Error('the login page carries no chap-id and chap-challenge');
  return { id: octalBytes(m[1]!), challenge: octalBytes(m[2]!) };
}

/** What a browser running md5.js sends: lower-case hex MD5(id ‖ UTF-8 password ‖ challenge), from a page or its values. */
export function chapAnswer(pageOrChap: string | ChapBytes, password: string): string {
  const chap = typeof pageOrChap === 'string' ? chapFromPage(pageOrChap) : pageOrChap;
  return createHash('md5').update(chap.id).update(password, 'utf8').update(chap.challenge).digest('hex');
}
