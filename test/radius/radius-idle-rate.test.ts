/**
 * Idle-Timeout and rate limits of sessions RADIUS admitted (FreeRADIUS's Access-Accept) and of local
 * users: a session with no traffic through the router for its idle-timeout ends (Acct-Terminate-Cause
 * Idle-Timeout), traffic and requests passed upstream keep it alive, pages of the hotspot itself do
 * not; `/ip hotspot active print` and the dynamic `/queue simple` entry show what is in force.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../tools/routeros/cli/index.ts';
import { byId, Device } from '../support/hotspot-client.ts';
import { chapLogin, useRadiusRig } from './radius-harness.ts';

const rig = useRadiusRig(beforeAll, afterAll);

const cli = async (vr: { cliEnv: Parameters<typeof runConsole>[1] }, command: string) => (await runConsole(command, vr.cliEnv)).output;

describe('idle-timeout', () => {
  it("ends a RADIUS session after Idle-Timeout without traffic; upstream requests and traffic reset it, the hotspot's pages do not", async () => {
    const vr = await rig().router();
    const mac = '02:00:00:00:0D:01';
    const guest = new Device(vr.url, mac);
    await chapLogin(guest, 'alice', 'wonderland'); // Idle-Timeout 300
    vr.clock.advance(200_000);
    expect((await guest.viaProxy('http://example.com/')).headers['x-vr-upstream']).toBe('logged in');
    vr.clock.advance(200_000);
    vr.hotspot.addTraffic(mac, { bytesOut: 1000 });
    vr.clock.advance(250_000);
    // Status pages are the router's own: they do not count as traffic.
    expect(byId((await guest.get('/status')).body, 'username')).toBe('alice');
    vr.clock.advance(49_000);
    expect(vr.hotspot.session(mac)?.user).toBe('alice');
    vr.clock.advance(1_000);
    expect(vr.hotspot.session(mac)).toBeUndefined();
    expect(vr.hotspot.lastEnded(mac)?.reason).toBe('idle-timeout');
    await vr.hotspot.radius.settle();
    const stop = (await rig().radius.accounting()).filter((r) => r['Acct-Status-Type'] === 'Stop' && r['Calling-Station-Id'] === '02-00-00-00-0D-01');
    expect(stop.at(-1)?.['Acct-Terminate-Cause']).toBe('Idle-Timeout');
    // The guest's next page is the login page.
    expect((await guest.get('/status')).headers.location ?? '').toMatch(/\/login/);
  });

  it("ends a local user's session after the user profile's idle-timeout", async () => {
    const vr = await rig().router({}, { 'ip/hotspot/user/profile': [{ name: 'default', 'idle-timeout': '10m' }] });
    const mac = '02:00:00:00:0D:02';
    const guest = new Device(vr.url, mac);
    await chapLogin(guest, 'bob', 'builder');
    expect(vr.hotspot.session(mac)?.radius).toBeUndefined();
    vr.clock.advance(599_000);
    expect(vr.hotspot.session(mac)?.user).toBe('bob');
    vr.clock.advance(1_000);
    expect(vr.hotspot.lastEnded(mac)?.reason).toBe('idle-timeout');
  });
});

describe('what the CLI shows', () => {
  it('/ip hotspot active print: the RADIUS session (flag R) with its session time left and idle-timeout; /queue simple: its rate limit', async () => {
    const vr = await rig().router();
    const mac = '02:00:00:00:0D:03';
    await chapLogin(new Device(vr.url, mac), 'alice', 'wonderland');
    vr.clock.advance(60_000);
    const active = await cli(vr, '/ip hotspot active print');
    expect(active).toMatch(/Flags: R - radius, B - blocked/);
    expect(active).toMatch(/ 0 R +alice +10\.5\.50\.\d+ +1m +59m +5m/);
    const detail = await cli(vr, '/ip hotspot active print detail');
    expect(detail).toContain('idle-time=1m');
    expect(detail).toContain('limit-bytes-total=1000000');
    expect(detail).toContain('radius=yes');
    expect(await cli(vr, '/queue simple print terse')).toMatch(/ 0 D name=<hotspot-alice> target=10\.5\.50\.\d+\/32 max-limit=2M\/4M/);
    await cli(vr, '/ip hotspot active remove [find user=alice]');
    expect(vr.hotspot.lastEnded(mac)?.reason).toBe('admin');
    expect(await cli(vr, '/queue simple print terse')).toBe('');
  });
});
