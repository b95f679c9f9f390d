/**
 * The virtual router as a RADIUS client against a real FreeRADIUS: CHAP, PAP and MAC logins accepted
 * and rejected, what an Access-Accept grants, Reply-Message as the error, local users first, and
 * radius-timeout when no server answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeUdpPorts } from '../../tools/lib/freeradius.ts';
import { byId, Device } from '../support/hotspot-client.ts';
import { chapLogin, SECRET, useRadiusRig } from './radius-harness.ts';

const rig = useRadiusRig(beforeAll, afterAll);

describe('RADIUS authentication against FreeRADIUS', () => {
  it('logs a guest in by HTTP-CHAP and applies what the Access-Accept grants', async () => {
    const vr = await rig().router();
    const guest = new Device(vr.url, '02:00:00:00:00:01');
    const res = await chapLogin(guest, 'alice', 'wonderland');
    expect(byId(res.body, 'alogin')).toBe('You are logged in as alice by http-chap.');
    const session = vr.hotspot.sessions.get('02:00:00:00:00:01')!;
    expect(session.radius?.grant).toMatchObject({
      sessionTimeoutMs: 3_600_000,
      idleTimeoutMs: 300_000,
      rateLimit: '2M/4M',
      limitBytesTotal: 1_000_000,
    });

    const page = await guest.get('/radius.html');
    expect(byId(page.body, 'r27')).toBe('3600 3600');
    expect(byId(page.body, 'r18')).toBe('Welcome, alice');
    expect(byId(page.body, 'rate')).toBe('2M/4M');
    expect(byId(page.body, 'total')).toBe('1000000');
    expect(byId(page.body, 'missing')).toBe('[] [0]');
    expect(byId(page.body, 'idle')).toBe('5m 300');
    expect(byId(page.body, 'left')).toBe('3600');

    const status = await guest.get('/status');
    expect(byId(status.body, 'left')).toBe('1h / 3600');
    expect(byId(status.body, 'limits')).toBe('--- / --- / 1000000');
    expect(byId(status.body, 'remain')).toBe('--- / --- / 1000000');
  });

  it('logs a guest in by PAP when the profile allows http-pap', async () => {
    const vr = await rig().router({ 'login-by': 'http-pap' });
    const guest = new Device(vr.url, '02:00:00:00:00:02');
    const res = await guest.post('/login', { username: 'short', password: 'shortpass' });
    expect(byId(res.body, 'alogin')).toBe('You are logged in as short by http-pap.');
    expect(vr.hotspot.sessions.get('02:00:00:00:00:02')?.radius?.grant.sessionTimeoutMs).toBe(60_000);
  });

  it('refuses a wrong CHAP or PAP password with invalid-username', async () => {
    const vr = await rig().router();
    const guest = new Device(vr.url, '02:00:00:00:00:03');
    // (alice's Reply-Message would come back with a reject too, as FreeRADIUS's access_reject filter keeps it.)
    const chap = await chapLogin(guest, 'short', 'not-the-password');
    expect(chap.body).toContain('data-type="invalid-username"');
    const pap = await guest.post('/login', { username: 'short', password: 'wrong' });
    expect(pap.body).toContain('data-type="invalid-username"');
    expect(vr.hotspot.sessions.get('02:00:00:00:00:03')).toBeUndefined();
  });

  it("shows a reject's Reply-Message as the radius-reply error", async () => {
    const vr = await rig().router();
    const guest = new Device(vr.url, '02:00:00:00:00:04');
    const res = await chapLogin(guest, 'expired', 'anything');
    expect(res.body).toContain('data-type="radius-reply"');
    // The classic page prints $(error) raw, as RouterOS's own pages do; the message arrives unchanged.
    expect(byId(res.body, 'error')).toBe('Your <b>plan</b> has "expired" & <script>alert(1)</script>');
  });

  it('reads 64-bit limits from their Gigawords and the user profile from Mikrotik-Group', async () => {
    const vr = await rig().router();
    const guest = new Device(vr.url, '02:00:00:00:00:05');
    await chapLogin(guest, 'capped', 'cappedpass');
    const page = await guest.get('/radius.html');
    expect(byId(page.body, 'limits')).toBe('4000 / 9000 / 5000000000');
    const other = new Device(vr.url, '02:00:00:00:00:06');
    await chapLogin(other, 'grouped', 'groupedpass');
    expect(vr.hotspot.sessions.get('02:00:00:00:00:06')?.userProfile).toBe('premium');
  });

  it('asks local users first: a local user logs in while RADIUS users are still asked', async () => {
    const vr = await rig().router();
    const guest = new Device(vr.url, '02:00:00:00:00:07');
    const res = await chapLogin(guest, 'bob', 'builder');
    expect(byId(res.body, 'alogin')).toBe('You are logged in as bob by http-chap.');
    expect(vr.hotspot.sessions.get('02:00:00:00:00:07')?.radius).toBeUndefined();
  });

  it('logs a device in by MAC through RADIUS, and shows the login page to a MAC it rejects', async () => {
    const vr = await rig().router({ 'login-by': 'mac,http-chap', 'mac-auth-password': 'macpass' });
    const known = new Device(vr.url, '02:00:00:00:00:4D');
    const res = await known.viaProxy('http://example.com/');
    expect(res.body).toContain('logged in');
    const session = vr.hotspot.sessions.get('02:00:00:00:00:4D')!;
    expect(session).toMatchObject({ user: '02-00-00-00-00-4D', loginBy: 'mac' });
    expect(session.radius?.grant.sessionTimeoutMs).toBe(1_800_000);

    const stranger = new Device(vr.url, '02:00:00:00:00:99');
    const refused = await stranger.viaProxy('http://example.com/');
    expect(refused.body).toContain('/login');
    expect(vr.hotspot.sessions.get('02:00:00:00:00:99')).toBeUndefined();
  });

  it('gives radius-timeout when no server answers, and local users still log in', async () => {
    const [deadPort] = (await freeUdpPorts(1)) as [number];
    const vr = await rig().router(
      {},
      {
        radius: [
          {
            address: '127.0.0.1',
            secret: SECRET,
            service: 'hotspot',
            'authentication-port': deadPort,
            'accounting-port': deadPort,
            timeout: '100ms',
          },
        ],
      },
    );
    const guest = new Device(vr.url, '02:00:00:00:00:08');
    const started = Date.now();
    const res = await chapLogin(guest, 'alice', 'wonderland');
    expect(res.body).toContain('data-type="radius-timeout"');
    expect(byId(res.body, 'error')).toBe('RADIUS server is not responding');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const local = await chapLogin(guest, 'bob', 'builder');
    expect(byId(local.body, 'alogin')).toBe('You are logged in as bob by http-chap.');
  });

  it('does not ask RADIUS when the profile has use-radius=no', async () => {
    const vr = await rig().router({ 'use-radius': 'no' });
    const guest = new Device(vr.url, '02:00:00:00:00:09');
    const res = await chapLogin(guest, 'alice', 'wonderland');
    expect(res.body).toContain('data-type="invalid-username"');
  });
});
