/**
 * Rendering the Handlebars page shells (templates/pages/*.hbs) and the two data files
 * (templates/errors.txt.hbs, templates/api.json.hbs) with the portal config. The shells carry
 * RouterOS `$(...)` markup as plain text; values inserted by Handlebars are build-time constants.
 * Router values reach the page one way only: the data island written by `routerData` below. The
 * default locale's texts (build-time designer texts, never router values) have an island of their own.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { isKnownVariable } from '../routeros/engine/index.ts';
import type { PortalConfig } from '../config/index.ts';
import { darkPalette } from '../config/dark.ts';
import { UserError } from '../lib/errors.ts';
import { inlineLogo, isSvg, readBrandSvg, svgDataUrl } from './brand-svg.ts';
import { pixelSize } from './image-size.ts';
import type { LocaleCatalog } from './catalogs.ts';
import { pageTexts, textsIsland, unusedTexts } from './page-texts.ts';
import type { PageSpec } from './pages.ts';
import { renderLightPage, renderPicker, renderView, type SsrContext } from './ssr.ts';
import { termsLink } from './plugin-i18n.ts';
import { fill } from '../../portal/i18n/runtime.ts';
import type { Catalog } from '../../portal/i18n/types.ts';

export interface ShellOptions {
  config: PortalConfig;
  /** Folder of portal.config.ts (brand files are relative to it); also the Vite root. */
  root: string;
  templatesDir?: string;
  catalogs: readonly LocaleCatalog[];
  /** The views to render the pages with, when not the toolkit's own (the dev server's fresh load). */
  views?: SsrContext['views'];
}

const CHAP_VARS = new Set(['chap-id', 'chap-challenge']);

/** The raw-text element that carries a page's router values, URL-encoded by the router (`-esc`). */
export function routerDataIsland(fields: readonly string[]): string {
  for (const f of fields) {
    if (!isKnownVariable(f) || f.endsWith('-esc'))
      throw new UserError(`page data field "${f}" is not a RouterOS variable name; check tools/build/pages.ts.`);
    if (CHAP_VARS.has(f)) throw new UserError(`"${f}" may only appear in the CHAP inline script of login.html, never in the data island.`);
  }
  return `<script type="application/x-hotspot" id="hs-data">${fields.map((f) => `${f}=$(${f}-esc)`).join('&')}</script>`;
}

/** A root-absolute URL for a file under the Vite root, which Vite then bundles and hashes. */
export function rootUrl(root: string, file: string): string {
  const abs = path.resolve(root, file);
  const rel = path.relative(root, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel))
    throw new UserError(`${file} is outside the project folder; keep brand files next to portal.config.ts.`);
  if (!existsSync(abs)) throw new UserError(`${file} (named in portal.config.ts) does not exist; add the file or fix the path.`);
  return '/' + rel.split(path.sep).join('/');
}

function firstFamily(list: string): string {
  return (list.split(',')[0] ?? '').trim().replace(/^["']|["']$/g, '');
}

export interface Shells {
  renderPage(spec: PageSpec): string;
  renderErrorsTxt(catalog: LocaleCatalog): string;
  renderApiJson(): string;
  /** terms.html: the brand's terms page (brand.terms.page) in the portal's layout. */
  renderTermsPage(): string;
  /** Template files read, for watch mode. */
  files: string[];
}

export function createShells(opts: ShellOptions): Shells {
  const { config, root, catalogs } = opts;
  const dir = opts.templatesDir ?? path.join(root, 'templates');
  const hb = Handlebars.create();
  const files: string[] = [];
  const read = (file: string) => {
    files.push(file);
    return readFileSync(file, 'utf8');
  };
  const compile = (file: string) => hb.compile(read(file), { strict: true });
  const partialsDir = path.join(dir, 'partials');
  if (existsSync(partialsDir)) {
    for (const f of readdirSync(partialsDir).filter((n) => n.endsWith('.hbs'))) {
      hb.registerPartial(f.slice(0, -4), read(path.join(partialsDir, f)));
    }
  }

  const def = catalogs.find((c) => c.code === config.locales.default) ?? catalogs[0]!;
  const unused = unusedTexts(config);
  hb.registerHelper('or', (a: unknown, b: unknown) => Boolean(a) || Boolean(b));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('and', (a: unknown, b: unknown) => Boolean(a) && Boolean(b));
  hb.registerHelper('t', (key: unknown) => {
    const text = typeof key === 'string' ? def.messages[key] : undefined;
    if (text === undefined)
      throw new UserError(`a template uses {{t "${String(key)}"}}, which names no text; use a key of portal/i18n/locales/en.ts.`);
    return fill(text, { brand: config.brand.name });
  });

  const ssr: SsrContext = { config, locale: def.code, views: opts.views };
  const brand = config.brand;
  const { dark, ...colors } = brand.colors;
  const favicon = brand.favicon ?? brand.logo;
  // Brand SVGs are read here, on every createShells: the dev server renders again when one changes.
  const common = {
    lang: def.code,
    dir: def.dir,
    brand: {
      name: brand.name,
      // SVGs are part of the page (no request); raster images stay files.
      logoSvg: isSvg(brand.logo) ? inlineLogo(readBrandSvg(root, brand.logo)) : '',
      logoUrl: isSvg(brand.logo) ? '' : rootUrl(root, brand.logo),
      // The picture's own shape (40 × 40 when its format is not one read here): the box is right before it arrives.
      logoPixels: isSvg(brand.logo) ? undefined : (pixelSize(readFileSync(path.resolve(root, brand.logo))) ?? { width: 40, height: 40 }),
      logoLarge: brand.logoSize === 'large',
      heroUrl: brand.hero ? rootUrl(root, brand.hero) : '',
      faviconUrl: isSvg(favicon) ? svgDataUrl(readBrandSvg(root, favicon)) : rootUrl(root, favicon),
    },
    colors,
    dark: darkPalette(colors, dark),
    fontFamily: brand.font.family,
    fontFaces: brand.font.files.map((f) => ({
      family: firstFamily(brand.font.family),
      url: rootUrl(root, f.file),
      format: f.file.toLowerCase().endsWith('.woff2') ? 'woff2' : 'woff',
      weight: f.weight,
      style: f.style,
    })),
    methods: Object.fromEntries(config.login.methods.map((m) => [m, true])),
    voucher: config.login.voucher,
    terms: def.messages['brand.terms'] ?? '',
    termsLink: termsLink(config),
    support: {
      shown: brand.support !== undefined,
      text: def.messages['brand.support'] ?? '',
      email: brand.support?.email ?? '',
      phone: brand.support?.phone ?? '',
      tel: (brand.support?.phone ?? '').replace(/[^+0-9]/g, ''),
    },
  };

  const run = (file: string, context: object) => {
    const template = compile(file);
    try {
      return template(context);
    } catch (err) {
      if (err instanceof UserError) throw err;
      // Handlebars parses lazily (partials included), so syntax errors surface here too.
      const [first = '', ...context] = (err as Error).message.split('\n');
      throw new UserError(
        `${path.relative(root, file)}: ${first.replace(/:$/, '')}${context.length ? `\n    ${context.slice(0, 2).join('\n    ')}` : ''}`,
      );
    }
  };

  const locales = catalogs.map((c) => ({ code: c.code, name: c.name }));
  /** The page's view and language picker, and for a light-DOM page their styles. */
  const rendered = (spec: PageSpec, texts: Catalog): { app: string; picker: string; appStyle: string } => {
    const anchored = spec.static || Boolean(spec.app);
    const withPicker = !spec.minimal && catalogs.length > 1;
    if (spec.view && spec.lightDom) {
      const light = renderLightPage(ssr, spec.view, texts, anchored, withPicker ? locales : undefined);
      return { app: light.html, picker: light.picker, appStyle: light.css };
    }
    return {
      app: spec.view ? renderView(ssr, spec.view, texts, anchored) : '',
      // The language picker as the build renders it; the page's script wires it.
      picker: withPicker ? renderPicker(ssr, locales, texts) : '',
      appStyle: '',
    };
  };

  return {
    files,
    renderPage(spec) {
      const texts = pageTexts(def, spec, unused);
      return run(path.join(dir, 'pages', `${spec.template}.hbs`), {
        ...common,
        methods: { chap: false, pap: false, ...common.methods },
        page: spec.file,
        title: fill(def.messages[spec.titleKey] ?? '', { brand: brand.name }),
        entry: spec.entry,
        appScript: spec.app ?? '',
        minimal: spec.minimal ?? false,
        routerData: routerDataIsland(spec.fields),
        // Pages that run the Lit app get their texts in the default locale with the page.
        textsData: spec.minimal || spec.app ? '' : textsIsland(def.code, texts),
        // The page's view and the language picker, rendered by the build from the Lit components.
        ...rendered(spec, texts),
      });
    },
    renderErrorsTxt(catalog) {
      // One pass: the brand name goes in as written and is not read again for placeholders.
      const params = { username: '$(username)', ip: '$(ip)', detail: '$(error-orig)', brand: brand.name.replace(/[\r\n]/g, ' ') };
      const messages = Object.entries(catalog.messages)
        .filter(([k]) => k.startsWith('errors.'))
        .map(([k, text]) => ({ key: k.slice('errors.'.length), text: fill(text, params) }));
      return run(path.join(dir, 'errors.txt.hbs'), {
        brand: brand.name.replace(/[\r\n]/g, ' '),
        code: catalog.code,
        localeName: catalog.name,
        messages,
      });
    },
    renderTermsPage() {
      const page = config.brand.terms?.page;
      if (!page) throw new Error('renderTermsPage needs brand.terms.page');
      return run(path.join(dir, 'pages', 'terms.hbs'), {
        ...common,
        methods: {},
        page: 'terms.html',
        title: def.messages['terms.title'],
        entry: '',
        appScript: '',
        minimal: true,
        routerData: '',
        textsData: '',
        app: '',
        appStyle: '',
        picker: false,
        termsBody: readFileSync(path.resolve(root, rootUrl(root, page).slice(1)), 'utf8'),
      });
    },
    renderApiJson() {
      const portal = config.router.dnsName ? JSON.stringify(`https://${config.router.dnsName}/login`) : '"$(link-login-only)"';
      const venue = config.captivePortalApi.venueInfoUrl;
      return run(path.join(dir, 'api.json.hbs'), { userPortalUrl: portal, venueInfoUrl: venue ? JSON.stringify(venue) : '' });
    },
  };
}
