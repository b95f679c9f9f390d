/**
 * The router under load: `guests` simulated devices at once, each one over and over fetching the
 * login page (GET /login), answering its CHAP challenge, posting the login (POST /login) and leaving
 * (GET /logout, so the router holds at most one session per guest, as with real guests coming and
 * going). Bounded by a login count and a time limit; every failed step is an error.
 */
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { chapAnswer, chapFromPage, Device, GuestTimeout, type Reply } from '../lib/simulated-guest.ts';
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

export async function chapLoad(o: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.guests });
  const timeout = o.requestTimeoutMs ?? 10_000;
  let requests = 0;
  /** One request of a guest; a timeout is an error of its own kind. */
  const send = (reply: Promise<Reply>): Promise<Reply> => {
    requests++;
    return reply.catch((err: unknown) => {
      throw err instanceof GuestTimeout ? new StepError('timeout', err.message) : err;
    });
  };

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
    // No cookie jar: each cycle starts as a new visit, so the login page is never skipped by a cookie login.
    const device = new Device(o.routerUrl, o.mac(g), { agent, timeoutMs: timeout, cookies: false });
    const { name, password } = o.user(g);
    while (attempts < o.maxLogins && performance.now() < deadline) {
      attempts++;
      const t = performance.now();
      try {
        const page = await send(device.get('/login'));
        if (page.status !== 200) throw new StepError('login-page', `GET /login answered HTTP ${page.status}`);
        let answer: string;
        try {
          answer = chapAnswer(chapFromPage(page.body), password);
        } catch (err) {
          throw new StepError('no-challenge', (err as Error).message);
        }
        const res = await send(device.post('/login', { username: name, password: answer, dst: '', popup: 'false' }));
        if (res.status !== 200 || !o.isLoggedIn(res.body))
          throw new StepError('login-refused', `POST /login answered HTTP ${res.status} without the logged-in page`);
        loginMs.push(performance.now() - t);
        logins++;
        const out = await send(device.get('/logout'));
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
