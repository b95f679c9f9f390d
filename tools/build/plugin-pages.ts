/**
 * `hotspot:pages`: renders the Handlebars shells into the HTML entries Vite builds (one per servlet
 * page, as virtual files at the root), and emits the files no page imports (./extra-files.ts).
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import type { PortalConfig } from '../config/index.ts';
import { buildCatalogs } from './catalogs.ts';
import { extraFiles } from './extra-files.ts';
import { pagesFor, type PageSpec } from './pages.ts';
import { createShells, type Shells } from './shells.ts';

export interface PagesOptions {
  config: PortalConfig;
  root: string;
}

/**
 * Vite's input map: page name → virtual HTML file at the root, and `<page>-app` → the full script of a
 * page whose first script loads it later (login): an entry of its own, so that first script carries
 * no loader code, only the URL the page gives it (`<meta name="hs-app">`).
 */
export function pageInputs(config: PortalConfig, root: string): Record<string, string> {
  const pages = pagesFor(config);
  return Object.fromEntries([
    ...pages.map((p) => [p.file.replace(/\.html$/, ''), path.join(root, p.file)]),
    ...pages.filter((p) => p.app).map((p) => [`${p.file.replace(/\.html$/, '')}-app`, path.join(root, p.app!)]),
  ]);
}

/** `<meta name="hs-app" content="/portal/…ts">` → the built chunk of that entry. */
function appMeta(html: string, root: string, chunks: Iterable<{ type: string; fileName: string; facadeModuleId?: string | null }>): string {
  return html.replace(/(<meta name="hs-app" content=")([^"]+)(")/, (whole, open: string, src: string, close: string) => {
    const abs = path.join(root, src.replace(/^\//, ''));
    const chunk = [...chunks].find((c) => c.type === 'chunk' && c.facadeModuleId === abs);
    if (!chunk) throw new Error(`no built script for ${src}`);
    return `${open}/${chunk.fileName}${close}`;
  });
}

/**
 * The page's script first in its head, where Vite put it last: the browser asks for it as soon as the
 * page's first bytes arrive instead of after the stylesheet and the data island, so on a slow link it
 * is on its way while the rest of the page still is (a module script runs once the page is parsed,
 * wherever it stands).
 */
export function scriptFirst(html: string): string {
  const script = /[ \t]*<script type="module"[^>]*\ssrc="[^"]+"[^>]*><\/script>\n?/.exec(html);
  // After the charset, which stays the head's first element.
  const head = /<meta charset="[^"]*">\n?/.exec(html) ?? /<head>\n?/.exec(html);
  if (!script || !head || script.index < head.index) return html;
  const without = html.slice(0, script.index) + html.slice(script.index + script[0].length);
  const at = head.index + head[0].length;
  return `${without.slice(0, at)}${script[0].trim()}\n${without.slice(at)}`;
}

/** Marks a brand picture in the shells (layout.hbs) whose loading `deferPictures` hands to the page's script. */
export const DEFER_ATTR = 'data-hs-defer';

/**
 * Brand pictures (a raster logo, the hero) are asked for by the page's script once it runs
 * (portal/pages/shared/pictures.ts), not by the markup: on a slow link a picture asked for with the
 * page shares the link with the page's first script and holds the form back (an 18 KB logo and a
 * 19 KB hero cost the login form 130 ms at 1 Mbit/s). The boxes are reserved by width, height and the
 * stylesheet, so nothing moves when they arrive; without JavaScript a <noscript> copy shows them.
 * Runs after Vite has named the built files, so `src` is the built URL.
 */
export function deferPictures(html: string): string {
  let deferred = false;
  const out = html.replace(new RegExp(`<img ([^>]*?)\\s${DEFER_ATTR}([^>]*)>`, 'g'), (whole, before: string, after: string) => {
    const attrs = `${before}${after}`;
    const src = /\ssrc="([^"]+)"/.exec(` ${attrs}`)?.[1];
    if (!src) return whole;
    deferred = true;
    return `<img ${attrs.replace(/\s?src="[^"]+"/, ` data-hs-src="${src}"`).trim()}><noscript><img ${attrs}></noscript>`;
  });
  return deferred ? out.replace('</head>', '<noscript><style>img[data-hs-src]{display:none}</style></noscript>\n</head>') : out;
}

export function hotspotPages({ config, root }: PagesOptions): Plugin {
  const pages = new Map<string, PageSpec>(pagesFor(config).map((p) => [path.join(root, p.file), p]));
  let shells: Shells | undefined;
  const getShells = () => (shells ??= createShells({ config, root, catalogs: buildCatalogs(config) }));

  return {
    name: 'hotspot:pages',
    config() {
      return { build: { rolldownOptions: { input: pageInputs(config, root) } } };
    },
    buildStart() {
      shells = undefined; // re-read templates on every build (watch mode)
    },
    resolveId(id) {
      const abs = path.isAbsolute(id) && pages.has(id) ? id : path.join(root, id.replace(/^\//, ''));
      return pages.has(abs) ? abs : undefined;
    },
    load(id) {
      const spec = pages.get(id);
      if (!spec) return undefined;
      const s = getShells();
      const html = s.renderPage(spec);
      for (const f of s.files) this.addWatchFile(f);
      return html;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        return deferPictures(scriptFirst(appMeta(html, root, Object.values(ctx.bundle) as Parameters<typeof appMeta>[2])));
      },
    },
    generateBundle(_options, bundle) {
      // Files Vite did not build (terms.html) name brand files by their source path: use the built ones.
      const built = new Map<string, string>();
      for (const out of Object.values(bundle)) {
        if (out.type !== 'asset') continue;
        for (const orig of out.originalFileNames)
          built.set(`/${path.relative(root, path.resolve(root, orig)).split(path.sep).join('/')}`, `/${out.fileName}`);
      }
      const withBuiltUrls = (text: string) =>
        text.replace(/(\ssrc=")([^"]+)"/g, (whole, open: string, url: string) => (built.has(url) ? `${open}${built.get(url)}"` : whole));
      for (const [fileName, source] of extraFiles(config, root, getShells(), buildCatalogs(config))) {
        this.emitFile({ type: 'asset', fileName, source: typeof source === 'string' ? withBuiltUrls(source) : source });
      }
    },
  };
}
