/**
 * Login methods and limits through the servlet over HTTP: trial, cookie, MAC, MAC cookie, uptime and
 * traffic limits, shared users, MAC binding, and several devices at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RouterConfigInput } from '../../tools/routeros/config.ts';
import { startVirtualRouter, type VirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { byId, chapAnswer, Device } from '../support/hotspot-client.ts';

let vr: VirtualRouter | undefined;
afterEach(async () => {
  await vr?.close();
  vr = undefined;
});

async function router(config: RouterConfigInput) {
  vr = await startVirtualRouter({ htmlDir: 'test/fixtures/classic', clock: { frozen: true }, config });
  return vr;
}
const profile = (props: Record<string, string>) => ({ 'ip/hotspot/profile': [{ name: 'hsprof1', ...props }] });

async function chapLogin(d: Device, username: string, password: string) {
  const page = await d.get('/login');
  return d.post('/login', { username, password: chapAnswer(page.body, password) });
}
const trialLink = (html: string) => /href="([^"]*username=T-[^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');

describe('trial', () => {
  it('works once, then trial is no until trial-uptime-reset', async () => {
    const r = await router(profile({ 'login-by': 'http-chap,trial', 'trial-uptime-limit': '30m', 'trial-uptime-reset': '1d' }));
    const guest = new Device(r.url, '02:00:00:00:00:21');
    const page = await guest.get('/login');
    expect(byId(page.body, 'meta')).toContain('trial=yes');
    const link = trialLink(page.body);
    expect(link).toBe(`${r.url}/login?dst=&username=T-02%3A00%3A00%3A00%3A00%3A21`);

    const res = await guest.get(link!);
    expect(byId(res.body, 'alogin')).toBe('You are logged in as T-02:00:00:00:00:21 by trial.');
    const status = await guest.get('/status');
    expect(byId(status.body, 'welcome')).toBe('Welcome trial user!');
    expect(byId(status.body, 'left')).toBe('30m / 1800');

    r.clock.advance('30m');
    const after = await guest.get('/login');
    expect(after.body).toContain('name="login"'); // logged out: the form again
    expect(byId(after.body, 'meta')).toContain('trial=no');
    expect(trialLink(after.body)).toBeUndefined();
    const again = await guest.get(link!);
    expect(again.body).toContain('data-type="uptime-limit"');

    r.clock.advance('1d');
    expect(byId((await guest.get('/login')).body, 'meta')).toContain('trial=yes');
  });

  it('is not offered when trial is not in login-by', async () => {
    const r = await router(profile({ 'login-by': 'http-chap' }));
    const page = await new Device(r.url, '02:00:00:00:00:22').get('/login');
    expect(byId(page.body, 'meta')).toContain('trial=no');
  });
});

describe('cookie', () => {
  it('logs a returning browser in by its cookie until erase-cookie', async () => {
    const r = await router({
      ...profile({ 'login-by': 'http-chap,cookie', 'http-cookie-lifetime': '1d' }),
      'ip/hotspot/user': [{ name: 'alice', password: 'secret' }],
    });
    const guest = new Device(r.url, '02:00:00:00:00:31');
    await chapLogin(guest, 'alice', 'secret');
    expect(guest.cookies.has('mikrotik-hotspot')).toBe(true);
    await guest.post('/logout', {});
    const back = await guest.get('/login');
    expect(byId(back.body, 'alogin')).toBe('You are logged in as alice by cookie.');

    const bye = await guest.post('/logout', { 'erase-cookie': 'on' });
    expect(byId(bye.body, 'bye')).toContain('alice');
    expect(guest.cookies.has('mikrotik-hotspot')).toBe(false);
    const form = await guest.get('/login');
    expect(form.body).toContain('name="login"');
    expect(r.hotspot.cookies.all()).toHaveLength(0);
  });

  it('ignores the cookie after http-cookie-lifetime and from another MAC', async () => {
    const r = await router({
      ...profile({ 'login-by': 'http-chap,cookie', 'http-cookie-lifetime': '1h' }),
      'ip/hotspot/user': [{ name: 'alice', password: 'secret' }],
    });
    const guest = new Device(r.url, '02:00:00:00:00:32');
    await chapLogin(guest, 'alice', 'secret');
    await guest.post('/logout', {});
    const thief = new Device(r.url, '02:00:00:00:00:33');
    for (const [k, v] of guest.cookies) thief.cookies.set(k, v);
    expect((await thief.get('/login')).body).toContain('name="login"');
    r.clock.advance('2h');
    expect((await guest.get('/login')).body).toContain('name="login"');
  });
});

describe('MAC login', () => {
  it('logs a known MAC in with no page, and status hides logout', async () => {
    const r = await router({
      ...profile({ 'login-by': 'mac,http-chap', 'mac-auth-password': 'macpw' }),
      'ip/hotspot/user': [{ name: '02:00:00:00:00:41', password: 'macpw' }],
    });
    const phone = new Device(r.url, '02:00:00:00:00:41');
    const first = await phone.get('/login');
    expect(byId(first.body, 'alogin')).toBe('You are logged in as 02:00:00:00:00:41 by mac.');
    const status = await phone.get('/status');
    expect(byId(status.body, 'login-by')).toBe('mac');
    expect(status.body).not.toContain('id="logout"');
    expect(byId(status.body, 'welcome')).toBeUndefined();

    const stranger = new Device(r.url, '02:00:00:00:00:42');
    expect((await stranger.get('/login')).body).toContain('name="login"');
  });

  it('refuses MAC login when the password does not match mac-auth-password', async () => {
    const r = await router({
      ...profile({ 'login-by': 'mac,http-chap', 'mac-auth-password': 'other' }),
      'ip/hotspot/user': [{ name: '02:00:00:00:00:43', password: 'macpw' }],
    });
    expect((await new Device(r.url, '02:00:00:00:00:43').get('/login')).body).toContain('name="login"');
  });

  it('remembers a login by MAC cookie until logout', async () => {
    const r = await router({
      ...profile({ 'login-by': 'http-chap,mac-cookie' }),
      'ip/hotspot/user/profile': [{ name: 'default', 'add-mac-cookie': 'yes', 'mac-cookie-timeout': '3d' }],
      'ip/hotspot/user': [{ name: 'alice', password: 'secret' }],
    });
    const phone = new Device(r.url, '02:00:00:00:00:44');
    await chapLogin(phone, 'alice', 'secret');
    r.hotspot.end('02:00:00:00:00:44', 'admin'); // the session goes, the MAC cookie stays
    const fresh = new Device(r.url, '02:00:00:00:00:44'); // a new browser, same MAC: no HTTP cookie
    expect(byId((await fresh.get('/login')).body, 'alogin')).toBe('You are logged in as alice by mac-cookie.');
    await fresh.post('/logout', {});
    expect((await fresh.get('/login')).body).toContain('name="login"');
  });
});

describe('limits and errors', () => {
  const users: RouterConfigInput = {
    ...profile({ 'login-by': 'http-chap' }),
    'ip/hotspot/user/profile': [{ name: 'default', 'shared-users': '1', 'status-autorefresh': '1m' }],
    'ip/hotspot/user': [
      { name: 'timed', password: 'pw', 'limit-uptime': '1h' },
      { name: 'metered', password: 'pw', 'limit-bytes-total': '1000000' },
      { name: 'bound', password: 'pw', 'mac-address': '02:00:00:00:00:5F' },
      { name: 'shared', password: 'pw' },
    ],
  };

  it('ends a session at limit-uptime; the next login gets uptime-limit', async () => {
    const r = await router(users);
    const guest = new Device(r.url, '02:00:00:00:00:51');
    await chapLogin(guest, 'timed', 'pw');
    r.clock.advance('20m');
    const status = await guest.get('/status');
    expect(byId(status.body, 'uptime')).toBe('20m / 1200');
    expect(byId(status.body, 'left')).toBe('40m / 2400');
    expect(byId(status.body, 'refresh')).toBe('1m / 60');
    await guest.post('/logout', {});
    await chapLogin(guest, 'timed', 'pw'); // uptime adds up across sessions
    r.clock.advance('40m');
    expect((await guest.get('/status')).status).toBe(302); // logged out: redirect to login
    const again = await chapLogin(guest, 'timed', 'pw');
    expect(byId(again.body, 'error')).toBe('Your time is up, timed.');
  });

  it('ends a session at limit-bytes-total; the next login gets traffic-limit', async () => {
    const r = await router(users);
    const guest = new Device(r.url, '02:00:00:00:00:52');
    await chapLogin(guest, 'metered', 'pw');
    r.hotspot.addTraffic('02:00:00:00:00:52', { bytesIn: 100_000, bytesOut: 300_000, packetsIn: 80, packetsOut: 250 });
    const status = await guest.get('/status');
    expect(byId(status.body, 'bytes')).toBe('100000 / 300000 / 97.7 KiB / 293.0 KiB');
    expect(byId(status.body, 'packets')).toBe('80 / 250');
    expect(byId(status.body, 'remain')).toBe('--- / --- / 600000');
    expect(byId(status.body, 'limits')).toBe('--- / --- / 1000000');
    r.hotspot.addTraffic('02:00:00:00:00:52', { bytesOut: 600_000 });
    expect(r.hotspot.sessions.get('02:00:00:00:00:52')).toBeUndefined();
    const again = await chapLogin(guest, 'metered', 'pw');
    expect(byId(again.body, 'error')).toBe('Your data allowance is used up, metered.');
  });

  it('gives user-session-limit past shared-users, invalid-mac for a bound user, wrong-mac-username for a MAC-shaped name', async () => {
    const r = await router(users);
    await chapLogin(new Device(r.url, '02:00:00:00:00:53'), 'shared', 'pw');
    const second = await chapLogin(new Device(r.url, '02:00:00:00:00:54'), 'shared', 'pw');
    expect(byId(second.body, 'error')).toBe('no more sessions are allowed for user shared');
    const bound = await chapLogin(new Device(r.url, '02:00:00:00:00:55'), 'bound', 'pw');
    expect(byId(bound.body, 'error')).toBe('user bound is not allowed to log in from this MAC address');
    const owner = await chapLogin(new Device(r.url, '02:00:00:00:00:5F'), 'bound', 'pw');
    expect(byId(owner.body, 'alogin')).toContain('as bound');
    const mac = await chapLogin(new Device(r.url, '02:00:00:00:00:56'), '02:00:00:00:00:99', 'pw');
    expect(byId(mac.body, 'error')).toBe('invalid username (02:00:00:00:00:99): this MAC address is not yours');
    const unknown = await chapLogin(new Device(r.url, '02:00:00:00:00:57'), 'nobody', 'pw');
    expect(unknown.body).toContain('data-type="invalid-username"');
  });

  it('keeps two devices apart: separate sessions, counters and pages', async () => {
    const r = await router({ ...users, 'ip/hotspot/user/profile': [{ name: 'default', 'shared-users': '2' }] });
    const laptop = new Device(r.url, '02:00:00:00:00:61');
    const phone = new Device(r.url, '02:00:00:00:00:62');
    await chapLogin(laptop, 'shared', 'pw');
    r.clock.advance('5m');
    await chapLogin(phone, 'timed', 'pw');
    r.hotspot.addTraffic('02:00:00:00:00:61', { bytesOut: 4096 });
    r.clock.advance('1m');
    const a = await laptop.get('/status');
    const b = await phone.get('/status');
    expect(byId(a.body, 'username')).toBe('shared');
    expect(byId(b.body, 'username')).toBe('timed');
    expect(byId(a.body, 'uptime')).toBe('6m / 360');
    expect(byId(b.body, 'uptime')).toBe('1m / 60');
    expect(byId(a.body, 'bytes')).toMatch(/^0 \/ 4096 /);
    expect(byId(b.body, 'bytes')).toMatch(/^0 \/ 0 /);
    await laptop.post('/logout', {});
    expect((await laptop.get('/status')).status).toBe(302);
    expect((await phone.get('/status')).status).toBe(200);
    expect(byId((await laptop.get('/login')).body, 'meta')).toMatch(/mac=02:00:00:00:00:61 ip=10\.5\.50\.\d+/);
  });
});
