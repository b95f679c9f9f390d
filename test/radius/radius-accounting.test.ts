/**
 * Sessions RADIUS admitted, against a real FreeRADIUS: limits from the Access-Accept end them,
 * accounting Start / Interim-Update / Stop reach the server's detail files with the right octets and
 * time, and radclient's Disconnect-Request and CoA-Request to `/radius incoming` are obeyed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { radclient } from '../../tools/lib/freeradius.ts';
import { byId, Device } from '../support/hotspot-client.ts';
import { accountingRecords, chapLogin, SECRET, useRadiusRig } from './radius-harness.ts';

const rig = useRadiusRig(beforeAll, afterAll);

const records = (sessionId: string, count: number) => accountingRecords(rig().radius, sessionId, count);

describe('RADIUS sessions and accounting against FreeRADIUS', () => {
  it('sends Start, Interim-Update at the Acct-Interim-Interval, and Stop with octets, packets and time', async () => {
    const vr = await rig().router();
    const mac = '02:00:00:00:01:01';
    const guest = new Device(vr.url, mac);
    await chapLogin(guest, 'metered', 'meteredpass');
    // Start is answered before the virtual clock jumps, as it would be in the seconds a real router waits.
    await vr.hotspot.radius.settle();
    const id = vr.hotspot.sessions.get(mac)!.accounting!.acctSessionId;
    vr.hotspot.addTraffic(mac, { bytesIn: 1200, bytesOut: 34_000, packetsIn: 10, packetsOut: 30 });
    vr.clock.advance('61s');
    await vr.hotspot.radius.settle();
    vr.hotspot.addTraffic(mac, { bytesIn: 5_000_000_000, bytesOut: 800 });
    vr.clock.advance('30s');
    await guest.post('/logout', {});
    await vr.hotspot.radius.settle();

    const [start, interim, stop] = await records(id, 3);
    expect(start).toMatchObject({
      'Acct-Status-Type': 'Start',
      'User-Name': 'metered',
      'Calling-Station-Id': '02-00-00-00-01-01',
      'NAS-Identifier': 'MikroTik',
      'Called-Station-Id': 'hotspot1',
      'NAS-Port-Type': 'Wireless-802.11',
      Class: '0x706c616e2d3432',
    });
    expect(start!['Acct-Input-Octets']).toBeUndefined();
    expect(interim).toMatchObject({
      'Acct-Status-Type': 'Interim-Update',
      'Acct-Input-Octets': '1200',
      'Acct-Output-Octets': '34000',
      'Acct-Input-Packets': '10',
      'Acct-Output-Packets': '30',
      'Acct-Session-Time': '61',
    });
    // 5,000,001,200 bytes in: 1 Gigaword and 705,033,904 octets.
    expect(stop).toMatchObject({
      'Acct-Status-Type': 'Stop',
      'Acct-Input-Octets': '705033904',
      'Acct-Input-Gigawords': '1',
      'Acct-Output-Octets': '34800',
      'Acct-Session-Time': '91',
      'Acct-Terminate-Cause': 'User-Request',
    });
  });

  it('ends a session when its Session-Timeout runs out; the next page is the login page', async () => {
    const vr = await rig().router();
    const mac = '02:00:00:00:01:02';
    const guest = new Device(vr.url, mac);
    await chapLogin(guest, 'short', 'shortpass');
    await vr.hotspot.radius.settle();
    const id = vr.hotspot.sessions.get(mac)!.accounting!.acctSessionId;
    vr.clock.advance('59s');
    expect(vr.hotspot.sessions.get(mac)).toBeDefined();
    vr.clock.advance('1s');
    expect(vr.hotspot.sessions.get(mac)).toBeUndefined();
    expect(vr.hotspot.lastEnded(mac)?.reason).toBe('session-timeout');
    const next = await guest.viaProxy('http://example.com/');
    expect(next.body).toContain('/login');
    const [, stop] = await records(id, 2);
    expect(stop).toMatchObject({ 'Acct-Status-Type': 'Stop', 'Acct-Session-Time': '60', 'Acct-Terminate-Cause': 'Session-Timeout' });
  });

  it('ends a session when its Mikrotik-Total-Limit is used up', async () => {
    const vr = await rig().router();
    const mac = '02:00:00:00:01:03';
    const guest = new Device(vr.url, mac);
    await chapLogin(guest, 'alice', 'wonderland');
    vr.hotspot.addTraffic(mac, { bytesIn: 400_000, bytesOut: 500_000 });
    const status = await guest.get('/status');
    expect(byId(status.body, 'remain')).toBe('--- / --- / 100000');
    vr.hotspot.addTraffic(mac, { bytesOut: 100_000 });
    expect(vr.hotspot.sessions.get(mac)).toBeUndefined();
    expect(vr.hotspot.lastEnded(mac)?.reason).toBe('traffic-limit');
  });

  it('ends a session on a Disconnect-Request from radclient and answers Disconnect-ACK', async () => {
    const vr = await rig().router();
    const mac = '02:00:00:00:01:04';
    const guest = new Device(vr.url, mac);
    await chapLogin(guest, 'alice', 'wonderland');
    expect((await guest.viaProxy('http://example.com/')).body).toContain('logged in');

    const unknown = await radclient(rig().incomingPort, 'disconnect', SECRET, ['User-Name = "nobody"']);
    expect(unknown.output).toContain('Disconnect-NAK');
    expect(vr.hotspot.sessions.get(mac)).toBeDefined();

    const res = await radclient(rig().incomingPort, 'disconnect', SECRET, ['User-Name = "alice"', 'Calling-Station-Id = "02-00-00-00-01-04"']);
    expect(res.output).toContain('Disconnect-ACK');
    expect(vr.hotspot.sessions.get(mac)).toBeUndefined();
    expect(vr.hotspot.lastEnded(mac)?.reason).toBe('radius-disconnect');
    const next = await guest.viaProxy('http://example.com/');
    expect(next.body).toContain('/login');
  });

  it('drops a Disconnect-Request signed with the wrong secret', async () => {
    const vr = await rig().router();
    const mac = '02:00:00:00:01:05';
    const guest = new Device(vr.url, mac);
    await chapLogin(guest, 'alice', 'wonderland');
    const res = await radclient(rig().incomingPort, 'disconnect', 'not-the-secret', ['User-Name = "alice"']);
    expect(res.output).not.toContain('Disconnect-ACK');
    expect(vr.hotspot.sessions.get(mac)).toBeDefined();
  });

  it('changes a session on a CoA-Request: new Session-Timeout and rate limit', async () => {
    const vr = await rig().router();
    const mac = '02:00:00:00:01:06';
    const guest = new Device(vr.url, mac);
    await chapLogin(guest, 'alice', 'wonderland');
    const res = await radclient(rig().incomingPort, 'coa', SECRET, [
      'User-Name = "alice"',
      'Session-Timeout = 120',
      'Mikrotik-Rate-Limit = "512k/1M"',
    ]);
    expect(res.output).toContain('CoA-ACK');
    const page = await guest.get('/radius.html');
    expect(byId(page.body, 'left')).toBe('120');
    expect(vr.hotspot.sessions.get(mac)?.radius?.grant.rateLimit).toBe('512k/1M');
  });
});
