/**
 * The router under load: `guests` simulated devices at once, each one over and over fetching the
 * login page (GET /login), answering its CHAP challenge, posting the login (POST /login) and leaving
 * (GET /logout, so the router holds at most one session per guest, as with real guests coming and
 * going). Bounded by a login count and a time limit; every failed step is an error.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { chapAnswer, chapFromPage } from './chap.ts';
import { summarize, type Summary } from './stats.ts';

export interface LoadOptions {
  /** The router's HTTP address, e.g. http://127.0.0.1:8088. */
  routerUrl: string;
  guests: number;
  /** Stop starting new logins after this many attempts… */
  maxLogins: number;
  /** …or after this many seconds, whichever comes first. */
  maxSeconds: number;
  /** The account guest `i` logs in with. */
  user: (guest: number) => { name: string; password: string };
  /** Guest `i`'s MAC address (sent as x-vr-mac). */
  mac: (guest: number) => string;
  /** Is this body the page shown after a successful login? */
  isLoggedIn: (body: string) => boolean;
  requestTimeoutMs?: number;
}

export interface LoadResult {
  guests: number;
  attempts: number;
  logins: number;
  errors: number;
  /** Errors by kind, with the first message of each kind. */
  errorKinds: Record<string, { count: number; first: string }>;
  seconds: number;
  loginsPerSecond: number;
  /** HTTP requests sent (three per successful cycle). */
  requests: number;
  /** Milliseconds from GET /login to the logged-in page, per successful login. */
  loginMs: Summary | null;
}

class StepError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

interface Answer {
  status: number;
  body: string;
}

export async function chapLoad(o: LoadOptions): Promise<LoadResult> {
  const base = new URL(o.routerUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: o.guests });
  const timeout = o.requestTimeoutMs ?? 10_000;
  let requests = 0;
  const send = (method: 'GET' | 'POST', path: string, mac: string, form?: Record<string, string>): Promise<Answer> =>
    new Promise((resolve, reject) => {
      requests++;
      const body = form ? new URLSearchParams(form).toString() : undefined;
      const headers: Record<string, string> = { 'x-vr-mac': mac };
      if (body !== undefined) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        headers['content-length'] = String(Buffer.byteLength(body));
      }
      const req = request({ host: base.hostname, port: base.port, method, path, headers, agent, timeout }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new StepError('timeout', `${method} ${path} got no answer within ${timeout} ms`)));
      req.on('error', reject);
      req.end(body);
    });

  let attempts = 0;
  let logins = 0;
  const loginMs: number[] = [];
  const errorKinds: LoadResult['errorKinds'] = {};
  const fail = (err: unknown) => {
    const kind = err instanceof StepError ? err.kind : 'network';
    const message = err instanceof Error ? err.message : String(err);
    const k = (errorKinds[kind] ??= { count: 0, first: message });
    k.count++;
  };

  const started = performance.now();
  const deadline = started + o.maxSeconds * 1000;
  const guest = async (g: number) => {
    const mac = o.mac(g);
    const { name, password } = o.user(g);
    while (attempts < o.maxLogins && performance.now() < deadline) {
      attempts++;
      const t = performance.now();
      try {
        const page = await send('GET', '/login', mac);
        if (page.status !== 200) throw new StepError('login-page', `GET /login answered HTTP ${page.status}`);
        let answer: string;
        try {
          answer = chapAnswer(chapFromPage(page.body), password);
        } catch (err) {
          throw new StepError('no-challenge', (err as Error).message);
        }
        const res = await send('POST', '/login', mac, { username: name, password: answer, dst: '', popup: 'false' });
        if (res.status !== 200 || !o.isLoggedIn(res.body))
          throw new StepError('login-refused', `POST /login answered HTTP ${res.status} without the logged-in page`);
        loginMs.push(performance.now() - t);
        logins++;
        const out = await send('GET', '/logout', mac);
        if (out.status !== 200) throw new StepError('logout', `GET /logout answered HTTP ${out.status}`);
      } catch (err) {
        fail(err);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: o.guests }, (_, g) => guest(g)));
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  const errors = Object.values(errorKinds).reduce((n, k) => n + k.count, 0);
  return {
    guests: o.guests,
    attempts,
    logins,
    errors,
    errorKinds,
    seconds,
    loginsPerSecond: logins / seconds,
    requests,
    loginMs: loginMs.length ? summarize(loginMs, 'login time') : null,
  };
}
