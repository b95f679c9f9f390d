/**
 * The load generator and the router host: simulated guests log in by CHAP on the baseline page against a
 * virtual router running in a child process; wrong passwords are counted as errors, not as logins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapLoad } from '../../tools/bench/load.ts';
import { BASELINE_DIR } from '../../tools/bench/main.ts';
import { RouterHost, type HostedRouter } from '../../tools/bench/router-host-client.ts';

const USERS = [
  { name: 'ann', password: 'one' },
  { name: 'ben', password: 'two' },
  { name: 'cai', password: 'three' },
];
const mac = (g: number) => `02:00:00:00:0B:${String(g).padStart(2, '0')}`;
const isLoggedIn = (body: string) => body.includes('<h1>You are connected</h1>');

let host: RouterHost;
let router: HostedRouter;
beforeAll(async () => {
  host = await RouterHost.start();
  [router] = (await host.start([
    { htmlDir: BASELINE_DIR, config: { 'ip/hotspot/profile': [{ name: 'hsprof1', 'login-by': 'http-chap' }], 'ip/hotspot/user': USERS } },
  ])) as [HostedRouter];
});
afterAll(async () => {
  await host?.stop();
});

describe('CHAP load on the baseline page', () => {
  it('logs every guest in, again and again, with no errors, and stops at the login count', async () => {
    const r = await chapLoad({ routerUrl: router.url, guests: 3, maxLogins: 12, maxSeconds: 30, user: (g) => USERS[g]!, mac, isLoggedIn });
    expect(r.errorKinds).toEqual({});
    expect(r).toMatchObject({ guests: 3, attempts: 12, logins: 12, errors: 0, requests: 36 });
    expect(r.loginMs?.n).toBe(12);
    // Every guest logged out again: the router holds no session.
    const state = (await (await fetch(`${router.url}/__vr/state`)).json()) as { sessions: unknown[] };
    expect(state.sessions).toEqual([]);
  });

  it('counts a refused login as an error of its kind, never as a login', async () => {
    const r = await chapLoad({
      routerUrl: router.url,
      guests: 2,
      maxLogins: 4,
      maxSeconds: 30,
      user: (g) => ({ name: USERS[g]!.name, password: 'wrong' }),
      mac,
      isLoggedIn,
    });
    expect(r.logins).toBe(0);
    expect(r.loginMs).toBeNull();
    expect(r.errors).toBe(4);
    expect(r.errorKinds['login-refused']?.count).toBe(4);
  });

  it('counts a router that is gone as network errors', async () => {
    const r = await chapLoad({ routerUrl: 'http://127.0.0.1:9', guests: 1, maxLogins: 2, maxSeconds: 30, user: () => USERS[0]!, mac, isLoggedIn });
    expect(r.logins).toBe(0);
    expect(r.errorKinds['network']?.count).toBe(2);
  });
});

describe('the router host', () => {
  it("closes its routers on request and ends with its parent's stop", async () => {
    const other = await RouterHost.start();
    const [r] = await other.start([{ htmlDir: BASELINE_DIR }]);
    expect((await fetch(`${r!.url}/login`)).status).toBe(200);
    await other.closeRouters();
    await expect(fetch(`${r!.url}/login`)).rejects.toThrow();
    await other.stop();
    await expect(other.start([{ htmlDir: BASELINE_DIR }])).rejects.toThrow(/ended/);
  });

  it('passes a router that cannot start back as an error', async () => {
    await expect(host.start([{ htmlDir: '/nonexistent/pages' }])).rejects.toThrow(/does not exist/);
  });
});
