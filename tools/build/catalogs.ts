/**
 * The texts each locale ships: the built-in catalog (portal/i18n/locales), the config's `texts`
 * overrides, and the brand's localised texts (terms, support). Locales must end up with exactly the
 * reference catalog's keys, and the same `{placeholders}`; otherwise the build stops.
 */
import { BUILT_IN_CATALOGS, REFERENCE_CATALOG } from '../../portal/i18n/locales/index.ts';
import type { Localized, PortalConfig } from '../config/index.ts';
import { UserError } from '../lib/errors.ts';

export interface LocaleCatalog {
  code: string;
  name: string;
  dir: 'ltr' | 'rtl';
  messages: Record<string, string>;
}

export const BRAND_KEYS = ['brand.terms', 'brand.support'] as const;

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

function localizedText(value: Localized | undefined, code: string): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value[code];
}

/** Problems with a set of catalogs, each one sentence; empty when every locale matches the reference. */
export function catalogProblems(
  catalogs: ReadonlyArray<{ code: string; messages: Readonly<Record<string, string>> }>,
  reference: Readonly<Record<string, string>>,
): string[] {
  const problems: string[] = [];
  const refKeys = Object.keys(reference);
  for (const { code, messages } of catalogs) {
    const missing = refKeys.filter((k) => typeof messages[k] !== 'string');
    const extra = Object.keys(messages).filter((k) => !(k in reference) && !(BRAND_KEYS as readonly string[]).includes(k));
    if (missing.length) {
      problems.push(
        `locale "${code}" lacks ${missing.length} text${missing.length > 1 ? 's' : ''} (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}); add them to texts.${code} in portal.config.ts`,
      );
    }
    if (extra.length)
      problems.push(
        `locale "${code}" has unknown text key${extra.length > 1 ? 's' : ''} ${extra.slice(0, 5).join(', ')}; keys must be those of portal/i18n/locales/en.ts`,
      );
    for (const k of refKeys) {
      const text = messages[k];
      if (typeof text !== 'string') continue;
      const want = placeholders(reference[k]!);
      // `{brand}` (brand.name) may appear in any text.
      const unknown = placeholders(text).filter((p) => p !== 'brand' && !want.includes(p));
      if (unknown.length)
        problems.push(
          `text "${k}" of locale "${code}" uses {${unknown[0]}}, which "${k}" does not provide (it has ${[...want, 'brand'].map((p) => `{${p}}`).join(', ')})`,
        );
      if (text.includes('$(')) problems.push(`text "${k}" of locale "${code}" contains "$(", which the router would take for a variable; remove it`);
      if (k.startsWith('errors.') && /[\r\n]/.test(text))
        problems.push(`text "${k}" of locale "${code}" has a line break; errors.txt messages must be one line`);
    }
    const dir = messages['locale.dir'];
    if (dir !== undefined && dir !== 'ltr' && dir !== 'rtl') {
      problems.push(`text "locale.dir" of locale "${code}" must be "ltr" or "rtl"`);
    }
  }
  return problems;
}

/** The catalogs of every configured locale, or a UserError naming the first problem. */
export function buildCatalogs(config: PortalConfig): LocaleCatalog[] {
  const catalogs = config.locales.list.map((code) => {
    const messages: Record<string, string> = { ...(BUILT_IN_CATALOGS[code] ?? {}), ...(config.texts[code] ?? {}) };
    const terms = localizedText(config.brand.terms?.text, code);
    const support = localizedText(config.brand.support?.text, code);
    if (terms !== undefined) messages['brand.terms'] = terms;
    if (support !== undefined) messages['brand.support'] = support;
    return { code, messages };
  });
  const problems = catalogProblems(catalogs, REFERENCE_CATALOG);
  if (problems.length) {
    throw new UserError(
      `${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more locale problem${problems.length > 2 ? 's' : ''})` : ''}.`,
    );
  }
  return catalogs.map(({ code, messages }) => ({
    code,
    name: messages['locale.name']!,
    dir: messages['locale.dir'] as 'ltr' | 'rtl',
    messages,
  }));
}
