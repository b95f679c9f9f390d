/**
 * Rules that span several fields of portal.config.ts: locales that exist, login methods that can work
 * together on a real router, translated texts for every locale, and readable brand colours.
 */
import { contrastRatio } from './contrast.ts';
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

/** WCAG AA for normal text. */
const MIN_CONTRAST = 4.5;

export function checkRules(c: Parsed): RuleIssue[] {
  const issues: RuleIssue[] = [];
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

  const m = new Set(c.login.methods);
  c.login.methods.forEach((x, i) => {
    if (c.login.methods.indexOf(x) !== i) add(['login', 'methods', i], `lists "${x}" twice; keep one`);
  });
  const transport = m.has('chap') || m.has('pap') || m.has('https');
  for (const mode of ['member', 'voucher'] as const) {
    if (m.has(mode) && !transport) {
      add(['login', 'methods'], `has "${mode}" but neither "chap", "https" nor "pap"; add "https" or "chap" so the form does not send the password in clear`);
    }
  }
  if (transport && !m.has('member') && !m.has('voucher')) {
    add(['login', 'methods'], 'has "chap", "https" or "pap" but no form to use them; add "member" or "voucher"');
  }
  if (m.has('https')) {
    // RouterOS serves the https login with the profile's ssl-certificate, which must match dns-name (fact sheet §4.4).
    if (!c.router.dnsName) add(['router', 'dnsName'], 'is missing; the "https" login method needs the DNS name the certificate is for, such as "wifi.example.com"');
    if (!c.router.https) add(['router', 'https'], 'is missing; the "https" login method needs a certificate: { certificate: "certs/wifi.pem", key: "certs/wifi.key" } or { name: "<certificate on the router>" }');
  }
  if (c.router.https && !c.router.dnsName) {
    add(['router', 'dnsName'], 'is missing; a certificate is checked against the hotspot\'s DNS name, so give the name it is for');
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
      if (!value[l]) add([...path, l], `is missing; give the text in every locale of locales.list (${locales.join(', ')}), or one plain text for all`);
    }
  };
  needAll(c.brand.terms?.text, ['brand', 'terms', 'text']);
  needAll(c.brand.support?.text, ['brand', 'support', 'text']);

  const col = c.brand.colors;
  const pairs: Array<[keyof typeof col, keyof typeof col]> = [
    ['text', 'background'],
    ['text', 'surface'],
    ['muted', 'surface'],
    ['primary', 'surface'],
    ['onPrimary', 'primary'],
    ['error', 'surface'],
  ];
  for (const [fg, bg] of pairs) {
    const ratio = contrastRatio(col[fg], col[bg]);
    if (ratio < MIN_CONTRAST) {
      add(
        ['brand', 'colors', fg],
        `(${col[fg]}) on ${bg} (${col[bg]}) has a contrast of ${ratio.toFixed(2)}:1; readable text needs at least ${MIN_CONTRAST}:1, so pick a darker or lighter colour`,
      );
    }
  }
  return issues;
}
