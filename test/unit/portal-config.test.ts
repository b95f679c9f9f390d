/** portal.config.ts validation: the example brand passes; each kind of bad value names its field. */
import { describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { deriveLoginBy, validateConfig } from '../../tools/config/index.ts';
import { routerMarkupIssues, tooWideHost } from '../../tools/config/rules.ts';
import { UserError } from '../../tools/lib/errors.ts';

type Patch = (c: any) => void;

function errorFor(patch: Patch): string {
  const raw = structuredClone(example) as any;
  patch(raw);
  try {
    validateConfig(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error('the config was accepted');
}

describe('portal config', () => {
  it('accepts the example brand and derives the profile login-by from the methods', () => {
    const c = validateConfig(example);
    expect(c.login.methods).toEqual(expect.arrayContaining(['member', 'voucher', 'trial', 'cookie']));
    expect(c.router.loginBy).toEqual(['http-chap', 'cookie', 'trial']);
    expect(c.budgets).toEqual({ loginPageKB: 36, pageKB: 24, imageKB: 30, totalKB: 150 });
  });

  it('derives login-by in RouterOS order whatever the order of methods', () => {
    expect(deriveLoginBy(['mac', 'trial', 'pap', 'member', 'chap', 'cookie'])).toEqual(['http-chap', 'http-pap', 'cookie', 'trial', 'mac']);
  });

  it.each<[string, Patch, string]>([
    [
      'a colour that is not hex',
      (c) => (c.brand.colors.primary = 'blue'),
      'portal.config.ts: brand.colors.primary must be a colour written as #rgb or #rrggbb, such as "#0b5cad" (got "blue").',
    ],
    ['a misspelt field', (c) => (c.brand.colour = '#fff'), 'portal.config.ts: brand has an unknown field "colour"; remove it or check its spelling.'],
    [
      'a negative budget',
      (c) => (c.budgets = { loginPageKB: -1 }),
      'portal.config.ts: budgets.loginPageKB must be a positive number of kilobytes (got -1).',
    ],
    [
      'an unknown login method',
      (c) => (c.login.methods = ['chap', 'member', 'telepathy']),
      'portal.config.ts: login.methods[2] must be one of "chap", "pap", "https", "voucher", "member", "cookie", "trial", "mac" (got "telepathy").',
    ],
    [
      'a form without a way to send it',
      (c) => (c.login.methods = ['member']),
      'portal.config.ts: login.methods has "member" but neither "chap", "https" nor "pap"; add "https" or "chap" so the form does not send the password in clear.',
    ],
    [
      'https login without a DNS name',
      (c) => ((c.login.methods = ['https', 'member']), (c.router = { https: { name: 'wifi' } })),
      'portal.config.ts: router.dnsName is missing; the "https" login method needs the DNS name the certificate is for, such as "wifi.example.com" (and 1 more problem).',
    ],
    [
      'https login without a certificate',
      (c) => ((c.login.methods = ['https', 'member']), (c.router = { dnsName: 'wifi.acme.example' })),
      'portal.config.ts: router.https is missing; the "https" login method needs a certificate: { certificate: "certs/wifi.pem", key: "certs/wifi.key" } or { name: "<certificate on the router>" }.',
    ],
    [
      'a certificate given half',
      (c) => (c.router = { dnsName: 'wifi.acme.example', https: { certificate: 'certs/wifi.pem' } }),
      'portal.config.ts: router.https must be { certificate: "certs/wifi.pem", key: "certs/wifi.key" } or { name: "<certificate on the router>" } (got an object).',
    ],
    [
      'a duration RouterOS would refuse',
      (c) => (c.router = { trialUptimeLimit: '30 minutes' }),
      'portal.config.ts: router.trialUptimeLimit must be a RouterOS duration such as "30m", "1h30m" or "1d" (got "30 minutes").',
    ],
    [
      'a logo on another host',
      (c) => (c.brand.logo = 'https://cdn.example.com/logo.svg'),
      'portal.config.ts: brand.logo must be a path relative to portal.config.ts ending in .svg, .png, .webp, .jpg, .jpeg, .gif (got "https://cdn.example.com/logo.svg").',
    ],
    ['a missing brand name', (c) => delete c.brand.name, 'portal.config.ts: brand.name is missing; it must be a string.'],
    [
      'a default locale not listed',
      (c) => (c.locales = { default: 'fr', list: ['en', 'es', 'ar'] }),
      'portal.config.ts: locales.default is "fr", which is not in locales.list; add it there or pick one of en, es, ar.',
    ],
    [
      'a terms text missing a locale',
      (c) => delete c.brand.terms.text.ar,
      'portal.config.ts: brand.terms.text.ar is missing; give the text in every locale of locales.list (en, es, ar), or one plain text for all.',
    ],
    [
      'unreadable colours',
      (c) => (c.brand.colors.primary = '#cccccc'),
      'portal.config.ts: brand.colors.primary (#cccccc) on surface (#ffffff) has a contrast of 1.61:1; readable text needs at least 4.5:1, so pick a darker or lighter colour (and 1 more problem).',
    ],
    [
      'a dark colour that is not a colour',
      (c) => (c.brand.colors.dark = { primary: 'navy' }),
      'portal.config.ts: brand.colors.dark.primary must be a colour written as #rgb or #rrggbb, such as "#0b5cad" (got "navy").',
    ],
    [
      'unreadable dark colours',
      (c) => (c.brand.colors.dark = { surface: '#f0f0f0', muted: '#777777', primary: '#0b5cad', error: '#b3261e' }),
      'portal.config.ts: brand.colors.dark.text (#e8edf3) on surface (#f0f0f0) in dark mode has a contrast of 1.03:1; readable text needs at least 4.5:1, so pick a darker or lighter colour (and 1 more problem).',
    ],
    [
      'a terms address that is not a web page',
      (c) => (c.brand.terms = { ...c.brand.terms, page: undefined, url: 'javascript:alert(1)' }),
      'portal.config.ts: brand.terms.url must be an http:// or https:// address with a host name, such as "https://acme.example/wifi-terms" (got "javascript:alert(1)").',
    ],
    [
      'a terms address without a host',
      (c) => (c.brand.terms = { ...c.brand.terms, page: undefined, url: 'https://' }),
      'portal.config.ts: brand.terms.url must be an http:// or https:// address with a host name, such as "https://acme.example/wifi-terms" (got "https://").',
    ],
    [
      'terms given both as a page and an address',
      (c) => (c.brand.terms = { ...c.brand.terms, page: 'brand/terms.html', url: 'https://acme.example/terms' }),
      'portal.config.ts: brand.terms has both page and url; give the full terms one way: a page of the portal or an address on another site.',
    ],
    [
      'a terms page that is not HTML',
      (c) => (c.brand.terms = { ...c.brand.terms, page: 'brand/terms.pdf' }),
      'portal.config.ts: brand.terms.page must be a path relative to portal.config.ts ending in .html, .htm (got "brand/terms.pdf").',
    ],
    [
      'a hero picture on another host',
      (c) => (c.brand.hero = 'https://cdn.example.com/hero.jpg'),
      'portal.config.ts: brand.hero must be a path relative to portal.config.ts ending in .webp, .avif, .jpg, .jpeg, .png (got "https://cdn.example.com/hero.jpg").',
    ],
    ['an unknown logo size', (c) => (c.brand.logoSize = 'huge'), 'portal.config.ts: brand.logoSize must be one of "normal", "large" (got "huge").'],
    [
      'a walled-garden entry that is not a host',
      (c) => (c.walledGarden = { hosts: ['https://pay.example.com/'] }),
      'portal.config.ts: walledGarden.hosts[0] must be a host name such as "pay.example.com" or "*.example.com" (got "https://pay.example.com/").',
    ],
  ])('refuses %s with the field path and what is expected', (_, patch, message) => {
    expect(errorFor(patch)).toBe(message);
  });

  it('derives login-by https beside CHAP, with the certificate named by files or on the router', () => {
    const raw = structuredClone(example) as any;
    raw.login.methods = ['chap', 'https', 'member', 'cookie'];
    raw.router = { dnsName: 'wifi.acme.example', https: { certificate: 'certs/wifi.pem', key: '/etc/ssl/private/wifi.key' } };
    const c = validateConfig(raw);
    expect(c.router.loginBy).toEqual(['http-chap', 'https', 'cookie']);
    expect(c.router.https).toEqual({ certificate: 'certs/wifi.pem', key: '/etc/ssl/private/wifi.key' });
    raw.login.methods = ['https', 'voucher'];
    delete raw.login.defaultMode;
    raw.router.https = { name: 'wifi.acme.example_0' };
    expect(validateConfig(raw).router.loginBy).toEqual(['https']);
  });

  it('says how many more problems there are, in one message', () => {
    expect(errorFor((c) => ((c.brand.colors.primary = 'blue'), (c.budgets = { totalKB: 0 })))).toMatch(
      /^portal\.config\.ts: brand\.colors\.primary .*\(and 1 more problem\)\.$/,
    );
  });
});

// Values a hostile or careless designer could write: "$(" in any field, and walled-garden entries that
// would open the whole internet before login.
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
