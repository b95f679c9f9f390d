/**
 * Config values a hostile or careless designer could write: `$(` in any field that reaches a served
 * file, and walled-garden entries that would open the whole internet before login. Each refused
 * with one sentence naming the field.
 */
import { describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { validateConfig } from '../../tools/config/index.ts';
import { routerMarkupIssues, tooWideHost } from '../../tools/config/rules.ts';

type Patch = (c: any) => void;

function errorFor(patch: Patch): string {
  const raw = structuredClone(example) as any;
  patch(raw);
  try {
    validateConfig(raw);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the config was accepted');
}

describe('"$(" in the config', () => {
  it.each<[string, Patch]>([
    ['brand.name', (c) => (c.brand.name = 'Cafe $(username)')],
    ['brand.support.text', (c) => (c.brand.support = { ...c.brand.support, text: 'Ask $(username)' })],
    ['brand.font.family', (c) => (c.brand.font = { ...c.brand.font, family: 'x$(ip)' })],
    ['captivePortalApi.venueInfoUrl', (c) => (c.captivePortalApi = { venueInfoUrl: 'https://example.com/$(mac)' })],
    ['brand.terms.text.ar', (c) => (c.brand.terms.text.ar = '$(link-login)')],
  ])('is refused in %s', (field, patch) => {
    expect(errorFor(patch)).toBe(
      `portal.config.ts: ${field} contains "$(", which the router would take for one of its variables in every page it serves (filled with what a guest typed, for some); remove it.`,
    );
  });

  it('reaches every string of the config, whatever its field: a field added later is checked too', () => {
    const config = { ...validateConfig(example), someFutureField: { list: [{ label: 'ok' }, { label: 'a $(username) b' }] } };
    expect(routerMarkupIssues(config).map((i) => i.path.join('.'))).toEqual(['someFutureField.list.1.label']);
    expect(routerMarkupIssues(validateConfig(example))).toEqual([]);
  });

  it('allows a "$" that does not open a variable', () => {
    expect(() => validateConfig({ ...example, brand: { ...example.brand, name: 'Cafe $5 (daily)' } })).not.toThrow();
  });
});

describe('walled-garden entries that open everything', () => {
  it.each([
    ['*', 'matches every host'],
    ['*.*', 'matches every host'],
    ['com', 'is a whole top-level domain under ".com"'],
    ['*.com', 'matches hosts anyone can register under ".com"'],
    ['*example.com', 'matches hosts anyone can register under ".com"'],
    ['?', 'matches every host'],
    ['*.co.uk', 'matches hosts anyone can register under ".co.uk"'],
  ])('refuses %s', (host, why) => {
    expect(tooWideHost(host)).toBe(why);
    expect(errorFor((c) => (c.walledGarden = { hosts: ['pay.example.com', host] }))).toBe(
      `portal.config.ts: walledGarden.hosts[1] ("${host}") ${why}, so guests could reach all of them without logging in; name the sites themselves, such as "pay.example.com" or "*.pay.example.com".`,
    );
  });

  it.each(['pay.example.com', '*.example.com', '*.cdn.example.net', 'shop.example.co.uk', 'a?.example.org'])('accepts %s', (host) => {
    expect(tooWideHost(host)).toBeUndefined();
    expect(() => validateConfig({ ...example, walledGarden: { hosts: [host] } })).not.toThrow();
  });

  it('refuses an advert URL whose host is a wildcard, since its host is walled-gardened', () => {
    expect(errorFor((c) => (c.adverts = { urls: ['http://*/x'] }))).toBe(
      'portal.config.ts: adverts.urls[0] has the host "*", which the walled garden would open: it matches every host, so guests could reach all of them without logging in; name the sites themselves, such as "pay.example.com" or "*.pay.example.com".',
    );
  });
});
