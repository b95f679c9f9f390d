/**
 * One router model: the router the preview simulates (`npm run dev`, `npm run router`) holds exactly
 * the settings a deploy makes. The example build is deployed over SSH into a virtual router made as
 * the HotSpot wizard leaves it, and its `/ip hotspot export` is compared with the preview router's.
 * Only what is not a setting differs: the demo guests, and the folder the deployed profile serves. User
 * profiles the config names are added when the router lacks them (a `set` would miss them silently).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { validateConfig, type PortalConfigInput } from '../../tools/config/index.ts';
import { deployRouter } from '../../tools/deploy/deploy.ts';
import { exampleRouter } from '../../tools/router/example-config.ts';
import { runConsole } from '../../tools/routeros/cli/index.ts';
import { VirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { DeployLab, target } from './deploy-harness.ts';

let lab: DeployLab;
let dist: string;
beforeAll(async () => {
  lab = await DeployLab.create();
  dist = await lab.build('example');
});
afterAll(() => lab.dispose());

/** The hotspot and RADIUS exports, one line per entry; users (demo guests, or the router's own) left out. */
async function settings(vr: VirtualRouter): Promise<string[]> {
  const { output, error } = await runConsole('/ip hotspot export terse\n/radius export terse', vr.cliEnv);
  expect(error).toBeUndefined();
  return output.split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('/ip hotspot user add'));
}

const RICH: PortalConfigInput = {
  ...example,
  brand: { ...example.brand, terms: { text: example.brand.terms!.text, url: 'https://legal.acme.example/wifi-terms' } },
  login: { ...example.login, methods: [...example.login.methods, 'mac'] },
  walledGarden: { hosts: ['pay.example.com', '*.cdn.example.net'] },
  adverts: { urls: ['https://ads.example.com/spring?from=hotspot'], interval: '15m', timeout: '30s' },
  router: {
    ...example.router,
    dnsName: 'wifi.acme.example',
    macAuthMode: 'mac-as-username-and-password',
    macCookieTimeout: '1d',
    trialUptimeLimit: '20m',
  },
};

/** RADIUS servers, accounting, MAC format, location and `/radius incoming` (the secret comes from the environment). */
const WITH_RADIUS: PortalConfigInput = {
  ...example,
  login: { ...example.login, methods: [...example.login.methods, 'mac'] },
  router: {
    ...example.router,
    radius: {
      servers: [{ address: '10.0.0.5' }, { address: '10.0.0.6', authenticationPort: 11812, accountingPort: 11813, timeout: '1s' }],
      interimUpdate: '2m',
      incoming: { port: 13799 },
      requireMessageAuth: false,
      macFormat: 'xx-xx-xx-xx-xx-xx',
      locationId: 'isocc=us,cc=1,ac=408,network=ACME',
      locationName: 'Acme "Lobby"',
    },
  },
};

describe('the preview router and a deployed router', () => {
  it.each([
    ['the example config', example],
    ['a config with MAC login, a DNS name, a walled garden, adverts and terms on another site', RICH],
    ['a config with RADIUS', WITH_RADIUS],
  ])('hold the same hotspot and RADIUS settings: %s', async (name, config) => {
    const deployed = await lab.router(name.replace(/\W+/g, '-'));
    const r = await deployRouter(target(deployed), await lab.job(dist, 'deploy', config, undefined, { RADIUS_SECRET: 'model-secret' }));
    expect(r.error).toBeUndefined();
    const preview = new VirtualRouter({ config: exampleRouter(validateConfig(config)) });

    const got = (await settings(deployed)).map((l) => l.replace(` html-directory-override=${r.folder}`, ''));
    const want = await settings(preview);
    expect(got).toEqual(want);
    // The comparison covers the settings a deploy makes (it would miss nothing but users and the folder).
    expect(want.join('\n')).toContain('login-by=http-chap,cookie,trial');
    if (config === WITH_RADIUS) {
      expect(want).toContain(
        '/radius add accounting-port=11813 address=10.0.0.6 authentication-port=11812 comment=hotspot-toolkit:acme-guest-wi-fi require-message-auth=no service=hotspot timeout=1s',
      );
      expect(want).toContain('/radius incoming set accept=yes port=13799');
      expect(want.join('\n')).toMatch(/radius-interim-update=2m .*radius-mac-format=xx-xx-xx-xx-xx-xx .*use-radius=yes/);
      // The secret never appears in an export (v7 hides sensitive values), on either router.
      expect(got.join('\n')).not.toContain('model-secret');
    }
    if (config === RICH) {
      expect(want).toContain(
        '/ip hotspot walled-garden ip add action=accept comment=hotspot-toolkit:acme-guest-wi-fi disabled=no dst-host=ads.example.com',
      );
      expect(want).toContain(
        '/ip hotspot walled-garden ip add action=accept comment=hotspot-toolkit:acme-guest-wi-fi disabled=no dst-host=legal.acme.example',
      );
      expect(want.join('\n')).toMatch(
        /advertise=yes advertise-interval=15m advertise-timeout=30s advertise-url="https:\/\/ads.example.com\/spring\\\?from=hotspot"/,
      );
    }
  });

  it('adds the user profiles the config names when the router lacks them, then sets them as the preview has them', async () => {
    const config: PortalConfigInput = { ...example, router: { ...example.router, userProfile: 'guests', trialUserProfile: 'trial-guests' } };
    const deployed = await lab.router('missing-profiles');
    const names = () => deployed.db.rows('ip/hotspot/user/profile').map((p) => p.name);
    expect(names()).toEqual(['default']);
    const r = await deployRouter(target(deployed), await lab.job(dist, 'deploy', config));
    expect(r.error).toBeUndefined();
    expect(names()).toEqual(['default', 'guests', 'trial-guests']);
    expect(deployed.db.byName('ip/hotspot/user/profile', 'guests')).toMatchObject({ 'open-status-page': 'http-login', 'status-autorefresh': '1m' });
    const preview = new VirtualRouter({ config: exampleRouter(validateConfig(config)) });
    expect((await settings(deployed)).map((l) => l.replace(` html-directory-override=${r.folder}`, ''))).toEqual(await settings(preview));
    // A redeploy finds them and adds nothing.
    const again = await deployRouter(
      target(deployed),
      await lab.job(dist, 'deploy', { ...config, router: { ...config.router, statusAutorefresh: '2m' } }),
    );
    expect(again.error).toBeUndefined();
    expect(names()).toEqual(['default', 'guests', 'trial-guests']);
    expect(deployed.db.byName('ip/hotspot/user/profile', 'trial-guests')!['status-autorefresh']).toBe('2m');
  });

  it('the control API serves the same export', async () => {
    const vr = await new VirtualRouter({ htmlDir: dist, config: exampleRouter(validateConfig(example)) }).listen();
    try {
      const res = await fetch(`${vr.url}/__vr/export`);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      const text = await res.text();
      expect(text).toMatch(/^# \d{4}-\d\d-\d\d \d\d:\d\d:\d\d by RouterOS 7\.19\.4\n\/ip hotspot profile\n/);
      expect(text.split('\n').slice(1)).toEqual((await runConsole('/ip hotspot export', vr.cliEnv)).output.split('\n').slice(1));
      expect(text).not.toContain('wonderland');
    } finally {
      await vr.close();
    }
  });
});
