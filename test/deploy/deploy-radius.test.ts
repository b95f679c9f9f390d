/**
 * Deploy sets RADIUS up when portal.config.ts asks (router.radius): this portal's own `/radius` entries
 * (tagged, replaced on every deploy), use-radius and the profile's RADIUS properties, `/radius incoming`;
 * the secret only from the environment, set over SSH on its own and never in a plan or file. Then a
 * guest of the deployed router logs in through a real FreeRADIUS.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { validateConfig, type PortalConfigInput } from '../../tools/config/index.ts';
import { deployRouter } from '../../tools/deploy/deploy.ts';
import { deploySettings } from '../../tools/deploy/settings.ts';
import { freeUdpPorts, startFreeRadius, type FreeRadius } from '../../tools/lib/freeradius.ts';
import { chapResponse } from '../../tools/routeros/hotspot/chap.ts';
import { exampleRouter } from '../../tools/router/example-config.ts';
import type { VirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { Device } from '../support/hotspot-client.ts';
import { DeployLab, target } from './deploy-harness.ts';

const SECRET = 'Dep"loy$ecret';
let lab: DeployLab;
let dist: string;
let radius: FreeRadius;
let incomingPort: number;
beforeAll(async () => {
  lab = await DeployLab.create();
  dist = await lab.build('radius');
  [incomingPort] = (await freeUdpPorts(1)) as [number];
  radius = await startFreeRadius({ secret: SECRET, users: [{ name: 'rita', password: 'radius-pass', reply: { 'Session-Timeout': 600 } }] });
});
afterAll(async () => {
  await lab?.dispose();
  await radius?.stop();
});

const config = (): PortalConfigInput => ({
  ...example,
  router: {
    ...example.router,
    radius: {
      servers: [{ address: '127.0.0.1', authenticationPort: radius.authPort, accountingPort: radius.acctPort, timeout: '1s' }],
      interimUpdate: '2m',
      incoming: { port: incomingPort },
      macFormat: 'XX-XX-XX-XX-XX-XX',
    },
  },
});

async function storeText(vr: VirtualRouter): Promise<string> {
  let all = '';
  for (const e of await readdir(vr.files!.root, { recursive: true, withFileTypes: true }))
    if (e.isFile()) all += await readFile(join(e.parentPath, e.name), 'utf8');
  return all;
}

describe('deploying router.radius', () => {
  it('refuses, in one sentence, to deploy without the secret in the environment', () => {
    expect(() => deploySettings(validateConfig(config()), {})).toThrow(
      /^router\.radius needs the RADIUS shared secret: set the RADIUS_SECRET environment variable/,
    );
  });

  it('shows the RADIUS commands in the plan with the secret masked', async () => {
    const vr = await lab.router('radius-dry', { flash: true });
    const plan = await deployRouter(target(vr), await lab.job(dist, 'dry-run', config(), undefined, { RADIUS_SECRET: SECRET }));
    expect(plan.planText).toContain('use-radius="yes" radius-accounting="yes" radius-interim-update="2m" radius-mac-format="XX-XX-XX-XX-XX-XX"');
    expect(plan.planText).toContain(`/radius incoming set accept="yes" port="${incomingPort}"`);
    expect(plan.planText).toMatch(
      /\/radius add address="127\.0\.0\.1" service="hotspot" authentication-port="\d+" accounting-port="\d+" timeout="1s" comment="hotspot-toolkit:acme-guest-wi-fi"/,
    );
    expect(plan.planText).toContain('/radius set [find comment="hotspot-toolkit:acme-guest-wi-fi"] secret="********"');
    expect(plan.planText).not.toContain('loy$ecret');
    expect(vr.db.rows('radius')).toHaveLength(0);
  });

  it('sets RADIUS up, replaces its own entries on a redeploy, and a guest logs in through FreeRADIUS', async () => {
    const vr = await lab.router('radius-deploy', {
      flash: true,
      config: { radius: [{ address: '10.9.9.9', service: 'login', comment: 'the router admin login' }] },
    });
    const job = await lab.job(dist, 'deploy', config(), undefined, { RADIUS_SECRET: SECRET });
    expect((await deployRouter(target(vr), job)).status).toBe('deployed');
    expect((await deployRouter(target(vr), { ...job })).error).toBeUndefined();
    const rows = vr.db.rows('radius');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ address: '10.9.9.9', comment: 'the router admin login' });
    expect(rows[1]).toMatchObject({
      address: '127.0.0.1',
      secret: SECRET,
      service: 'hotspot',
      comment: 'hotspot-toolkit:acme-guest-wi-fi',
      timeout: '1s',
    });
    expect(vr.db.byName('ip/hotspot/profile', 'hsprof1')).toMatchObject({
      'use-radius': 'yes',
      'radius-interim-update': '2m',
      'radius-mac-format': 'XX-XX-XX-XX-XX-XX',
    });
    expect(vr.db.rows('radius/incoming')[0]).toMatchObject({ accept: 'yes', port: String(incomingPort) });
    expect(vr.radiusIncoming.port).toBe(incomingPort);
    expect(await storeText(vr)).not.toContain('loy$ecret');

    // A CHAP login as the deployed login page sends it: the router's challenge, answered with MD5.
    const mac = '02:00:00:00:40:01';
    await new Device(vr.url, mac).get('/login');
    const c = vr.hotspot.chap.current(mac);
    const r = await vr.hotspot.authenticate(mac, { username: 'rita', password: chapResponse(c.id, 'radius-pass', c.challenge) });
    expect(r.ok && r.session.radius?.grant.sessionTimeoutMs).toBe(600_000);
  });

  it('sets require-message-auth when the config asks, and refuses a router older than 7.15 in one sentence before any change', async () => {
    const asking = (): PortalConfigInput => ({
      ...config(),
      router: { ...config().router, radius: { ...config().router!.radius!, requireMessageAuth: false } },
    });
    const vr = await lab.router('radius-ma', { flash: true });
    const plan = await deployRouter(target(vr), await lab.job(dist, 'dry-run', asking(), undefined, { RADIUS_SECRET: SECRET }));
    expect(plan.planText).toMatch(/\/radius add address="127\.0\.0\.1" service="hotspot" .* require-message-auth="no" comment=/);

    const old = await lab.router('radius-ma-old', { flash: true, version: '7.14.3' });
    const settingsNow = async () => (await old.export()).split('\n').slice(1); // without the date line
    const before = await settingsNow();
    const r = await deployRouter(target(old), await lab.job(dist, 'deploy', asking(), undefined, { RADIUS_SECRET: SECRET }));
    expect(r.error).toMatch(
      /runs RouterOS 7\.14\.3, which has no require-message-auth \(it came with 7\.15\): leave router\.radius\.requireMessageAuth out for this router, or upgrade it; nothing was changed\.$/,
    );
    expect(await settingsNow()).toEqual(before);
  });

  it('gives the preview router the same RADIUS rows, with the secret from the same variable', () => {
    const preview = exampleRouter(validateConfig(config()), { RADIUS_SECRET: SECRET });
    expect(preview.radius).toEqual([
      expect.objectContaining({ address: '127.0.0.1', secret: SECRET, service: 'hotspot', comment: 'hotspot-toolkit:acme-guest-wi-fi' }),
    ]);
    expect(preview['radius/incoming']).toEqual({ accept: 'yes', port: String(incomingPort) });
  });
});
