/**
 * Languages: the shipped catalogs have the same keys (and placeholders) as English, cover every
 * RouterOS error key, and the build refuses a locale whose texts do not match.
 */
import { describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { BUILT_IN_CATALOGS, REFERENCE_CATALOG } from '../../portal/i18n/locales/index.ts';
import { matchLocale } from '../../portal/i18n/choose.ts';
import { buildCatalogs, catalogProblems } from '../../tools/build/catalogs.ts';
import { validateConfig } from '../../tools/config/index.ts';
import { ERROR_KEYS } from '../../tools/routeros/data/error-messages.ts';

const config = validateConfig(example);

describe('locales', () => {
  it('ship English and at least two more, one of them right to left', () => {
    const codes = Object.keys(BUILT_IN_CATALOGS);
    expect(codes).toContain('en');
    expect(codes.length).toBeGreaterThanOrEqual(3);
    expect(Object.values(BUILT_IN_CATALOGS).some((c) => c['locale.dir'] === 'rtl')).toBe(true);
  });

  it('have exactly the keys and placeholders of the English catalog', () => {
    const catalogs = Object.entries(BUILT_IN_CATALOGS).map(([code, messages]) => ({ code, messages }));
    expect(catalogProblems(catalogs, REFERENCE_CATALOG)).toEqual([]);
    for (const { messages } of catalogs) expect(Object.keys(messages).sort()).toEqual(Object.keys(REFERENCE_CATALOG).sort());
  });

  it('translate every RouterOS error key (fact sheet §6.2)', () => {
    for (const messages of Object.values(BUILT_IN_CATALOGS)) {
      const keys = Object.keys(messages)
        .filter((k) => k.startsWith('errors.'))
        .map((k) => k.slice(7));
      expect(new Set(keys)).toEqual(new Set(ERROR_KEYS));
    }
  });

  it('report a missing text, an unknown key and a wrong placeholder', () => {
    const { 'login.submit': _dropped, ...missing } = BUILT_IN_CATALOGS['es']!;
    expect(catalogProblems([{ code: 'es', messages: missing }], REFERENCE_CATALOG)).toEqual([
      'locale "es" lacks 1 text (login.submit); add them to texts.es in portal.config.ts',
    ]);
    expect(catalogProblems([{ code: 'es', messages: { ...BUILT_IN_CATALOGS['es']!, 'login.titel': 'x' } }], REFERENCE_CATALOG)).toEqual([
      'locale "es" has unknown text key login.titel; keys must be those of portal/i18n/locales/en.ts',
    ]);
    expect(
      catalogProblems([{ code: 'es', messages: { ...BUILT_IN_CATALOGS['es']!, 'status.welcome': 'Hola, {usuario}.' } }], REFERENCE_CATALOG),
    ).toEqual(['text "status.welcome" of locale "es" uses {usuario}, which "status.welcome" does not provide (it has {username}, {brand})']);
  });

  it('stop the build for a configured locale without its texts, and for a config text with an unknown key', () => {
    const withFrench = validateConfig({
      ...example,
      locales: { default: 'en', list: ['en', 'fr'] },
      texts: {},
      brand: { ...example.brand, terms: undefined, support: undefined },
    });
    expect(() => buildCatalogs(withFrench)).toThrow(
      /^locale "fr" lacks \d+ texts \(locale\.name, locale\.dir, common\.language, common\.email, common\.phone, …\); add them to texts\.fr in portal\.config\.ts\.$/,
    );
    const typo = validateConfig({ ...example, texts: { en: { 'login.titel': 'Hi' } } });
    expect(() => buildCatalogs(typo)).toThrow('locale "en" has unknown text key login.titel; keys must be those of portal/i18n/locales/en.ts.');
  });

  it('merge config texts and brand texts into every locale', () => {
    const catalogs = buildCatalogs(config);
    expect(catalogs.map((c) => [c.code, c.dir])).toEqual([
      ['en', 'ltr'],
      ['es', 'ltr'],
      ['ar', 'rtl'],
    ]);
    expect(catalogs[0]!.messages['login.title']).toBe('Welcome to {brand}'); // filled with brand.name where shown
    expect(catalogs[2]!.messages['login.title']).toBe('مرحبًا بك في شبكة {brand}'); // portal.config.ts texts.ar
    for (const c of catalogs) expect(c.messages['brand.terms']).toBeTruthy();
  });

  it('pick the guest language from the browser list', () => {
    const available = ['en', 'es', 'ar'];
    expect(matchLocale(['ar-EG', 'en'], available, 'en')).toBe('ar');
    expect(matchLocale(['fr-FR', 'es-MX'], available, 'en')).toBe('es');
    expect(matchLocale(['de'], available, 'en')).toBe('en');
    expect(matchLocale(['pt-PT'], ['en', 'pt-br'], 'en')).toBe('pt-br');
  });
});
