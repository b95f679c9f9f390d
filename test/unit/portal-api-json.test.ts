/**
 * api.json (RFC 8908) as the build renders it: valid JSON after substitution in every state,
 * `captive` false only when logged in, seconds-remaining and bytes-remaining only when limited.
 */
import { describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { buildCatalogs } from '../../tools/build/catalogs.ts';
import { createShells } from '../../tools/build/shells.ts';
import { validateConfig } from '../../tools/config/index.ts';
import { render } from '../../tools/routeros/engine/index.ts';

const config = validateConfig(example);
const api = createShells({ config, root: process.cwd(), catalogs: buildCatalogs(config) }).renderApiJson();

function serve(vars: Record<string, string>) {
  const out = render(api, 'api.json', { vars: { 'link-login-only': 'http://10.5.50.1/login', ...vars } });
  return { json: JSON.parse(out.body) as Record<string, unknown>, headers: Object.fromEntries(out.headers), unknown: out.unknown };
}

describe('api.json', () => {
  it('says captive to a guest who is not logged in, and nothing about limits', () => {
    const { json, headers, unknown } = serve({ 'logged-in': 'no', 'session-timeout-secs': '0', 'remain-bytes-total': '' });
    expect(json).toEqual({ captive: true, 'user-portal-url': 'http://10.5.50.1/login', 'can-extend-session': true });
    expect(headers).toEqual({ 'Cache-Control': 'no-store', 'Content-Type': 'application/captive+json' });
    expect(unknown).toEqual([]);
  });

  it('gives a limited session its seconds and bytes remaining', () => {
    const { json } = serve({ 'logged-in': 'yes', 'session-timeout-secs': '1740', 'remain-bytes-total': '850000' });
    expect(json).toEqual({
      captive: false,
      'user-portal-url': 'http://10.5.50.1/login',
      'seconds-remaining': 1740,
      'bytes-remaining': 850000,
      'can-extend-session': true,
    });
  });

  it.each([
    ['no limits (0 and empty)', { 'session-timeout-secs': '0', 'remain-bytes-total': '' }],
    ['no limits (empty and ---)', { 'session-timeout-secs': '', 'remain-bytes-total': '---' }],
  ])('leaves the remaining figures out for a logged-in guest with %s', (_, vars) => {
    const { json } = serve({ 'logged-in': 'yes', ...vars });
    expect(json).toEqual({ captive: false, 'user-portal-url': 'http://10.5.50.1/login', 'can-extend-session': true });
  });

  it('uses https://<dns-name>/login as the portal URL when the config names the hotspot', () => {
    const named = validateConfig({
      ...example,
      router: { ...example.router, dnsName: 'wifi.acme.example' },
      captivePortalApi: { venueInfoUrl: 'https://acme.example/venue' },
    });
    const text = createShells({ config: named, root: process.cwd(), catalogs: buildCatalogs(named) }).renderApiJson();
    const json = JSON.parse(render(text, 'api.json', { vars: { 'logged-in': 'no' } }).body);
    expect(json['user-portal-url']).toBe('https://wifi.acme.example/login');
    expect(json['venue-info-url']).toBe('https://acme.example/venue');
  });
});
