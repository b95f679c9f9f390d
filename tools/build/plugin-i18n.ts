/**
 * `hotspot:i18n`: the browser's view of the config as virtual modules.
 *  - `virtual:hotspot/i18n/<page>`: the locale list and the URLs of that page's texts in each
 *    locale but the default one, whose texts are in the page itself
 *    (assets/texts-<code>-<page>-<hash>.json), plus, for the login page, the error texts it
 *    fetches only after a failed login (assets/errors-<code>-<page>-<hash>.json);
 *  - `virtual:hotspot/config`: the client settings (login modes, trial, terms, support contact).
 * Each page gets only the text groups it declares in tools/build/pages.ts. Building the catalogs
 * checks that every locale has the same keys, so a gap stops the build.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import type { VoucherSettings } from '../../portal/hotspot/login.ts';
import type { PortalConfig } from '../config/index.ts';
import { buildCatalogs, type LocaleCatalog } from './catalogs.ts';
import { pageMessages, pageTexts, unusedTexts } from './page-texts.ts';
import { pagesFor } from './pages.ts';
import { untag } from './plugin-page-chunks.ts';

const I18N = 'virtual:hotspot/i18n/';
const CONFIG = 'virtual:hotspot/config';

/** The full terms' address as pages link it (terms.html is at the hotspot's root, like the pages). */
export function termsLink(config: PortalConfig): string {
  const terms = config.brand.terms;
  return terms?.url ?? (terms?.page ? '/terms.html' : '');
}

export function clientConfig(config: PortalConfig) {
  const m = new Set(config.login.methods);
  const modes = (['member', 'voucher'] as const).filter((x) => m.has(x));
  return {
    brand: config.brand.name,
    modes,
    defaultMode: config.login.defaultMode ?? modes[0] ?? 'member',
    trial: m.has('trial'),
    cookie: m.has('cookie'),
    pap: m.has('pap'),
    https: m.has('https'),
    terms: config.brand.terms !== undefined,
    /** Where the full terms are: the portal's own terms.html, an outside address, or nowhere (''). */
    termsLink: termsLink(config),
    continueAfterSeconds: config.login.continueAfterSeconds,
    voucher: { ...config.login.voucher } satisfies VoucherSettings,
  };
}

export function hotspotI18n(config: PortalConfig): Plugin {
  let catalogs: LocaleCatalog[] = buildCatalogs(config);
  const pages = new Map(pagesFor(config).map((p) => [p.template, p]));
  const def = config.locales.default;
  const unused = unusedTexts(config);

  return {
    name: 'hotspot:i18n',
    buildStart() {
      catalogs = buildCatalogs(config);
    },
    resolveId(id) {
      if (id === CONFIG || id.startsWith(I18N)) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (!id.startsWith('\0virtual:hotspot/')) return undefined;
      // A light page's own copy of the config (hotspot:page-chunks) is the same module.
      const key = untag(id.slice(1)).id;
      if (key === CONFIG) return `export default ${JSON.stringify(clientConfig(config))};`;
      if (key.startsWith(I18N)) {
        const page = key.slice(I18N.length);
        const spec = pages.get(page);
        if (!spec) return undefined;
        const list = catalogs.map(({ code, name, dir }) => ({ code, name, dir }));
        // The default locale's texts are in the page (tools/build/page-texts.ts). The others travel
        // as JSON files, one per locale and page: a guest fetches only their language, the page
        // needs no module-preload helper, and there is nothing for the router to substitute.
        const emit = (kind: 'texts' | 'errors', code: string, messages: Record<string, string>) => {
          const json = JSON.stringify(messages);
          const fileName = `assets/${kind}-${code}-${page}-${createHash('sha256').update(json).digest('hex').slice(0, 8)}.json`;
          this.emitFile({ type: 'asset', fileName, source: json });
          return `/${fileName}`;
        };
        const urls: Record<string, string> = {};
        const errorUrls: Record<string, string> = {};
        for (const c of catalogs) {
          if (c.code !== def) urls[c.code] = emit('texts', c.code, pageTexts(c, spec, unused));
          if (spec.errorTexts?.length) errorUrls[c.code] = emit('errors', c.code, pageMessages(c, spec.errorTexts, unused, false));
        }
        // A page with a first script (login) carries its texts in its full script instead: the bytes the
        // form needs before it can be sent stay few, and the texts arrive with the code that uses them.
        const defCatalog = catalogs.find((c) => c.code === def);
        const inline = spec.app && defCatalog ? { locale: def, messages: pageTexts(defCatalog, spec, unused) } : undefined;
        return [
          `export default {`,
          ...(inline ? [`  inline: ${JSON.stringify(inline)},`] : []),
          `  defaultLocale: ${JSON.stringify(def)},`,
          `  locales: ${JSON.stringify(list)},`,
          `  urls: ${JSON.stringify(urls)},`,
          `  errorUrls: ${JSON.stringify(errorUrls)},`,
          `};`,
        ].join('\n');
      }
      return undefined;
    },
  };
}
