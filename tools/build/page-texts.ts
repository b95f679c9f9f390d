/**
 * Which texts each page ships, and the data island that carries the default locale's texts inside
 * the page (no request on a first visit). The other locales stay JSON files fetched on demand
 * (tools/build/plugin-i18n.ts), so a guest downloads one extra language at most.
 */
import { TEXTS_ISLAND_ID } from '../../portal/i18n/island.ts';
import type { PortalConfig } from '../config/index.ts';
import type { LocaleCatalog } from './catalogs.ts';
import { COMMON_TEXT_GROUPS, type PageSpec } from './pages.ts';

/** Texts for features this config leaves out: no page shows them, so none ships them. */
export function unusedTexts(config: PortalConfig): Set<string> {
  const m = new Set(config.login.methods);
  const out = new Set<string>();
  // login.plainNote always ships: the router may allow PAP even when the config does not say so.
  if (!m.has('trial')) ['trial.offer', 'trial.button', 'trial.usedUp'].forEach((k) => out.add(k));
  if (!m.has('https')) out.add('login.secureNote');
  if (!config.brand.terms) ['terms.required'].forEach((k) => out.add(k));
  if (!config.brand.terms?.page && !config.brand.terms?.url) out.add('terms.read');
  // The terms page's own texts: the build writes them into terms.html, no script shows them.
  ['terms.title', 'terms.back'].forEach((k) => out.add(k));
  if (!m.has('voucher')) ['login.voucher', 'login.voucherHint', 'login.needVoucher'].forEach((k) => out.add(k));
  if (!m.has('member')) ['login.username', 'login.password', 'login.showPassword', 'login.needCredentials'].forEach((k) => out.add(k));
  if (!m.has('voucher') || !m.has('member')) ['login.modeLegend', 'login.modeMember', 'login.modeVoucher'].forEach((k) => out.add(k));
  if (!m.has('cookie')) ['status.forget', 'status.forgetHint'].forEach((k) => out.add(k));
  return out;
}

/** The texts of `catalog` a page uses: whole groups (`login`) or single keys (`errors.invalid-username`). */
export function pageMessages(
  catalog: LocaleCatalog,
  wanted: readonly string[],
  unused: ReadonlySet<string> = new Set(),
  common = true,
): Record<string, string> {
  const want = new Set([...(common ? COMMON_TEXT_GROUPS : []), ...wanted]);
  return Object.fromEntries(Object.entries(catalog.messages).filter(([k]) => !unused.has(k) && (want.has(k) || want.has(k.split('.')[0]!))));
}

/** The texts a page's script shows (its groups, the common ones and its title). */
export function pageTexts(catalog: LocaleCatalog, spec: PageSpec, unused: ReadonlySet<string>): Record<string, string> {
  return pageMessages(catalog, [...(spec.texts ?? []), spec.titleKey], unused);
}

/**
 * `<script type="application/json" id="hs-texts" data-locale="en">{…}</script>`. The JSON escapes
 * `<`, `>` and `&` (no `</script>` can end the element early) and `$` (nothing the router could take
 * for a variable, though the locale check already refuses `$(` in texts).
 */
export function textsIsland(code: string, messages: Readonly<Record<string, string>>): string {
  const json = JSON.stringify(messages).replace(/[<>&$\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/json" id="${TEXTS_ISLAND_ID}" data-locale="${code}">${json}</script>`;
}
