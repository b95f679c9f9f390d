/**
 * Rules that span several fields of portal.config.ts: locales that exist, login methods that can work
 * together on a real router, translated texts for every locale, and readable brand colours.
 */
import { contrastRatio } from './contrast.ts';
import { darkPalette, MIN_CONTRAST, TEXT_PAIRS, type Palette } from './dark.ts';
import type { Localized, LoginMethodName } from './schema.ts';
import type { z } from 'zod';
import type { portalConfigSchema } from './schema.ts';

type Parsed = z.output<typeof portalConfigSchema>;

export interface RuleIssue {
  path: (string | number)[];
  message: string;
}

/** RouterOS login-by words for the configured methods, in the order the router prints them. */
export function deriveLoginBy(methods: readonly LoginMethodName[]): string[] {
  const has = new Set(methods);
  const out: string[] = [];
  if (has.has('chap')) out.push('http-chap');
  if (has.has('https')) out.push('https');
  if (has.has('pap')) out.push('http-pap');
  if (has.has('cookie')) out.push('cookie');
  if (has.has('trial')) out.push('trial');
  if (has.has('mac')) out.push('mac');
  return out;
}

/**
 * No text of the config may hold `$(`: the router substitutes it wherever it lands in a served file
 * (a page, api.json, errors.txt), so `$(username)` in a brand name would print what a guest typed
 * into every page. One walk over every string of the config, whatever its field, so that a field
 * added later is checked without anyone remembering to.
 */
export function routerMarkupIssues(value: unknown, path: (string | number)[] = []): RuleIssue[] {
  if (typeof value === 'string') {
    return value.includes('$(')
      ? [
          {
            path,
            message: `contains "$(", which the router would take for one of its variables in every page it serves (filled with what a guest typed, for some); remove it`,
          },
        ]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => routerMarkupIssues(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => routerMarkupIssues(v, [...path, k]));
  return [];
}

/** Second-level suffixes open to anyone's registration: a pattern must name a host below them. */
const PUBLIC_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'me.uk',
  'com.au',
  'net.au',
  'org.au',
  'co.nz',
  'co.za',
  'co.jp',
  'ne.jp',
  'com.br',
  'com.cn',
  'com.mx',
  'com.tr',
  'co.in',
  'co.kr',
  'com.sg',
  'com.hk',
  'com.tw',
]);

/**
 * Why a walled-garden host pattern opens more than one site to guests who have not logged in, or
 * undefined. `*`, `*.*`, `com`, `*.com` and `*example.com` (anyone can register `evilexample.com`)
 * all do: the labels right of the last wildcard must name a registrable domain.
 */
export function tooWideHost(pattern: string): string | undefined {
  const labels = pattern.toLowerCase().split('.');
  let fixed = labels.length;
  while (fixed > 0 && !/[*?]/.test(labels[fixed - 1]!)) fixed--;
  const literal = labels.slice(fixed);
  if (literal.length === 0) return 'matches every host';
  if (literal.length === 1 || PUBLIC_SUFFIXES.has(literal.join('.'))) {
    return `${fixed === 0 ? 'is a whole top-level domain' : 'matches hosts anyone can register'} under ".${literal.join('.')}"`;
  }
  return undefined;
}

export function checkRules(c: Parsed): RuleIssue[] {
  const issues: RuleIssue[] = routerMarkupIssues(c);
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });

  const locales = c.locales.list;
  if (!locales.includes(c.locales.default)) {
    add(['locales', 'default'], `is "${c.locales.default}", which is not in locales.list; add it there or pick one of ${locales.join(', ')}`);
  }
  locales.forEach((l, i) => {
    if (locales.indexOf(l) !== i) add(['locales', 'list', i], `lists "${l}" twice; keep one`);
  });
  for (const l of Object.keys(c.texts)) {
    if (!locales.includes(l)) add(['texts', l], `is for locale "${l}", which is not in locales.list; add it there or remove these texts`);
  }

  // The walled garden is what guests reach before logging in (adverts' hosts are added to it).
  const garden = (path: (string | number)[], host: string, lead: string) => {
    const why = tooWideHost(host);
    if (why)
      add(
        path,
        `${lead}${why}, so guests could reach all of them without logging in; name the sites themselves, such as "pay.example.com" or "*.pay.example.com"`,
      );
  };
  c.walledGarden.hosts.forEach((h, i) => garden(['walledGarden', 'hosts', i], h, `("${h}") `));
  c.adverts?.urls.forEach((u, i) => {
    const host = URL.canParse(u) ? new URL(u).hostname : u;
    garden(['adverts', 'urls', i], host, `has the host "${host}", which the walled garden would open: it `);
  });
  const terms = c.brand.terms;
  if (terms?.url) {
    const host = new URL(terms.url).hostname;
    garden(['brand', 'terms', 'url'], host, `has the host "${host}", which the walled garden would open: it `);
    if (terms.page) add(['brand', 'terms'], 'has both page and url; give the full terms one way: a page of the portal or an address on another site');
  }
  const m = new Set(c.login.methods);
  c.login.methods.forEach((x, i) => {
    if (c.login.methods.indexOf(x) !== i) add(['login', 'methods', i], `lists "${x}" twice; keep one`);
  });
  const transport = m.has('chap') || m.has('pap') || m.has('https');
  for (const mode of ['member', 'voucher'] as const) {
    if (m.has(mode) && !transport) {
      add(
        ['login', 'methods'],
        `has "${mode}" but neither "chap", "https" nor "pap"; add "https" or "chap" so the form does not send the password in clear`,
      );
    }
  }
  if (transport && !m.has('member') && !m.has('voucher')) {
    add(['login', 'methods'], 'has "chap", "https" or "pap" but no form to use them; add "member" or "voucher"');
  }
  if (m.has('https')) {
    // RouterOS serves the https login with the profile's ssl-certificate, which must match dns-name (fact sheet §4.4).
    if (!c.router.dnsName)
      add(['router', 'dnsName'], 'is missing; the "https" login method needs the DNS name the certificate is for, such as "wifi.example.com"');
    if (!c.router.https)
      add(
        ['router', 'https'],
        'is missing; the "https" login method needs a certificate: { certificate: "certs/wifi.pem", key: "certs/wifi.key" } or { name: "<certificate on the router>" }',
      );
  }
  if (c.router.https && !c.router.dnsName) {
    add(['router', 'dnsName'], "is missing; a certificate is checked against the hotspot's DNS name, so give the name it is for");
  }
  if (m.has('cookie') && !transport) {
    add(['login', 'methods'], 'has "cookie", which RouterOS only uses together with another HTTP login; add "chap"');
  }
  if (!m.has('member') && !m.has('voucher') && !m.has('trial') && !m.has('mac')) {
    add(['login', 'methods'], 'lets nobody log in; add "member", "voucher", "trial" or "mac"');
  }
  if (c.login.defaultMode && !m.has(c.login.defaultMode)) {
    add(['login', 'defaultMode'], `is "${c.login.defaultMode}", which is not in login.methods; add it there or remove defaultMode`);
  }

  const needAll = (value: Localized | undefined, path: (string | number)[]) => {
    if (value === undefined || typeof value === 'string') return;
    for (const l of locales) {
      if (!value[l])
        add([...path, l], `is missing; give the text in every locale of locales.list (${locales.join(', ')}), or one plain text for all`);
    }
  };
  needAll(c.brand.terms?.text, ['brand', 'terms', 'text']);
  needAll(c.brand.support?.text, ['brand', 'support', 'text']);

  const { dark, ...light } = c.brand.colors;
  // The same check for both schemes; a derived dark colour is named as the dark field to set.
  const readable = (col: Palette, path: string[], scheme: string) => {
    for (const [fg, bg] of TEXT_PAIRS) {
      const ratio = contrastRatio(col[fg], col[bg]);
      if (ratio < MIN_CONTRAST) {
        add(
          [...path, fg],
          `(${col[fg]}) on ${bg} (${col[bg]})${scheme} has a contrast of ${ratio.toFixed(2)}:1; readable text needs at least ${MIN_CONTRAST}:1, so pick a darker or lighter colour`,
        );
      }
    }
  };
  readable(light, ['brand', 'colors'], '');
  readable(darkPalette(light, dark), ['brand', 'colors', 'dark'], ' in dark mode');
  return issues;
}
