/**
 * The router `npm run router` (alone) and `npm run dev` simulate comes from portal.config.ts: the
 * profile's login-by is derived from login.methods and the router.* settings are the ones a deploy
 * would set, so the preview is the router the brand will run on.
 */
import { describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { validateConfig, type PortalConfigInput } from '../../tools/config/index.ts';
import { DEMO_MAC_DEVICE, exampleRouter, identityFor } from '../../tools/router/example-config.ts';
import { createRouterDb } from '../../tools/routeros/config.ts';
import { readSettings, readUserProfile } from '../../tools/routeros/hotspot/settings.ts';

const settingsOf = (input: PortalConfigInput) => {
  const { db, identity } = createRouterDb(exampleRouter(validateConfig(input)));
  return { db, identity, s: readSettings(db) };
};

describe('the example router', () => {
  it('is the router portal.config.ts describes', () => {
    const { db, identity, s } = settingsOf(example);
    expect(identity).toBe('Acme-Guest-Wi-Fi');
    expect([...s.loginBy]).toEqual(['http-chap', 'cookie', 'trial']);
    expect([s.cookieLifetimeMs, s.trialUptimeLimitMs, s.trialUptimeResetMs]).toEqual([3 * 86_400_000, 30 * 60_000, 86_400_000]);
    const profile = readUserProfile(db, 'default');
    expect([profile.statusAutorefreshMs, profile.openStatusPage]).toEqual([60_000, 'http-login']);
    expect(db.rows('ip/hotspot/user').map((u) => u.name)).toEqual(['alice', 'bob', 'HC7K3QPX', 'HC9M2TWB']);
  });

  it('follows the config: other login methods, a DNS name, MAC login and the walled garden', () => {
    const { db, s } = settingsOf({
      ...example,
      login: { methods: ['pap', 'voucher', 'mac', 'trial'] },
      walledGarden: { hosts: ['pay.example.com'] },
      router: { dnsName: 'wifi.acme.example', trialUptimeLimit: '15m' },
    });
    expect([...s.loginBy]).toEqual(['http-pap', 'trial', 'mac']);
    expect(s.dnsName).toBe('wifi.acme.example');
    expect(s.trialUptimeLimitMs).toBe(15 * 60_000);
    expect(db.byName('ip/hotspot/user', DEMO_MAC_DEVICE)?.password).toBe('');
    expect(db.rows('ip/hotspot/walled-garden').map((w) => [w['dst-host'], w.action, w.comment])).toEqual([
      ['pay.example.com', 'allow', 'hotspot-toolkit:acme-guest-wi-fi'],
    ]);
    expect(db.rows('ip/hotspot/walled-garden/ip').map((w) => [w['dst-host'], w.action])).toEqual([['pay.example.com', 'accept']]);
  });

  it('names the router after the brand, in the characters an identity takes', () => {
    expect(identityFor('Café "Harbour" Wi-Fi')).toBe('Cafe-Harbour-Wi-Fi');
    expect(identityFor('***')).toBe('MikroTik');
  });
});
