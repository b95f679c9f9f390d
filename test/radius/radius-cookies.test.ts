/**
 * Cookies of RADIUS users and accounting of local users, against a real FreeRADIUS: an HTTP cookie or
 * MAC cookie left by a RADIUS login logs in again by sending the first login's credentials in a new
 * Access-Request (a new grant, a new accounting session); a reject removes the cookie; local users'
 * sessions are accounted too when the profile has use-radius and radius-accounting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoRadius, type DemoRadiusUser } from '../../tools/dev/demo-radius.ts';
import { HOTSPOT_COOKIE } from '../../tools/routeros/servlet/servlet.ts';
import { startVirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { byId, Device } from '../support/hotspot-client.ts';
import { accountingRecords, chapLogin, useRadiusRig } from './radius-harness.ts';

const rig = useRadiusRig(beforeAll, afterAll);

describe("a RADIUS user's cookies", () => {
  it('an HTTP cookie logs the browser in again through a new Access-Request with the same CHAP answer', async () => {
    const vr = await rig().router({ 'login-by': 'http-chap,cookie' });
    const mac = '02:00:00:00:0E:01';
    const guest = new Device(vr.url, mac);
    await chapLogin(guest, 'alice', 'wonderland');
    const first = vr.hotspot.sessions.get(mac)!;
    expect(guest.cookies.get(HOTSPOT_COOKIE)).toMatch(/^[0-9a-f]{32}$/);
    await guest.post('/logout', {});
    expect(vr.hotspot.sessions.get(mac)).toBeUndefined();

    const back = await guest.get('/login');
    expect(byId(back.body, 'alogin')).toBe('You are logged in as alice by cookie.');
    const again = vr.hotspot.sessions.get(mac)!;
    expect(again.loginBy).toBe('cookie');
    expect(again.radius?.grant.sessionTimeoutMs).toBe(3_600_000);
    expect(again.accounting!.acctSessionId).not.toBe(first.accounting!.acctSessionId);
    await vr.hotspot.radius.settle();
    const [start] = await accountingRecords(rig().radius, again.accounting!.acctSessionId, 1);
    expect(start).toMatchObject({ 'Acct-Status-Type': 'Start', 'User-Name': 'alice' });
  });

  it('a MAC cookie logs the device in again with no page, through RADIUS', async () => {
    const vr = await rig().router({ 'login-by': 'http-chap,mac-cookie' });
    const mac = '02:00:00:00:0E:02';
    const guest = new Device(vr.url, mac);
    await chapLogin(guest, 'alice', 'wonderland');
    vr.hotspot.end(mac, 'admin'); // an admin's removal keeps the MAC cookie (§5.4)
    await guest.viaProxy('http://example.com/');
    const again = vr.hotspot.sessions.get(mac)!;
    expect(again.loginBy).toBe('mac-cookie');
    expect(again.radius?.grant.rateLimit).toBe('2M/4M');
  });

  it('a cookie RADIUS now rejects is removed, and the browser gets the login form', async () => {
    const users: DemoRadiusUser[] = [{ name: 'dora', password: 'explorer', about: '', reply: [['Session-Timeout', 600]] }];
    const server = await startDemoRadius(users);
    const vr = await startVirtualRouter({
      htmlDir: rig().htmlDir,
      clock: { frozen: true },
      config: {
        'ip/hotspot/profile': [{ name: 'hsprof1', 'login-by': 'http-chap,cookie', 'use-radius': 'yes' }],
        radius: [
          { address: server.address, secret: server.secret, service: 'hotspot', 'authentication-port': server.port, 'accounting-port': server.port },
        ],
      },
    });
    try {
      const mac = '02:00:00:00:0E:03';
      const guest = new Device(vr.url, mac);
      await chapLogin(guest, 'dora', 'explorer');
      await guest.post('/logout', {});
      users[0]!.reject = 'Your plan has expired.';
      const back = await guest.get('/login');
      expect(back.body).toContain('<form name="login"');
      expect(vr.hotspot.sessions.get(mac)).toBeUndefined();
      expect(vr.hotspot.cookies.all().filter((c) => c.mac === mac)).toEqual([]);
    } finally {
      await vr.close();
      await server.close();
    }
  });
});

describe("local users' accounting", () => {
  it('sends Start and Stop for a local user when the profile has use-radius and radius-accounting, and nothing with radius-accounting=no', async () => {
    const vr = await rig().router();
    const mac = '02:00:00:00:0E:04';
    const guest = new Device(vr.url, mac);
    await chapLogin(guest, 'bob', 'builder');
    const session = vr.hotspot.sessions.get(mac)!;
    expect(session.radius).toBeUndefined();
    vr.hotspot.addTraffic(mac, { bytesIn: 300, bytesOut: 4000 });
    await guest.post('/logout', {});
    await vr.hotspot.radius.settle();
    const [start, stop] = await accountingRecords(rig().radius, session.accounting!.acctSessionId, 2);
    expect(start).toMatchObject({ 'Acct-Status-Type': 'Start', 'User-Name': 'bob', 'Calling-Station-Id': '02-00-00-00-0E-04' });
    expect(stop).toMatchObject({
      'Acct-Status-Type': 'Stop',
      'Acct-Input-Octets': '300',
      'Acct-Output-Octets': '4000',
      'Acct-Terminate-Cause': 'User-Request',
    });

    const off = await rig().router({ 'radius-accounting': 'no' });
    await chapLogin(new Device(off.url, '02:00:00:00:0E:05'), 'bob', 'builder');
    expect(off.hotspot.sessions.get('02:00:00:00:0E:05')?.accounting).toBeUndefined();
  });
});
