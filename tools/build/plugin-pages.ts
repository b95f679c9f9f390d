/**
 * `hotspot:pages`: renders the Handlebars shells into the HTML entries Vite builds (one per servlet
 * page, as virtual files at the root), and emits the files no page imports: errors.txt for every
 * locale (the default locale's at the root, the others in `<locale>/`), api.json, and favicon.ico when the brand has one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import type { PortalConfig } from '../config/index.ts';
import { buildCatalogs } from './catalogs.ts';
import { pagesFor, type PageSpec } from './pages.ts';
import { createShells, type Shells } from './shells.ts';

export interface PagesOptions {
  config: PortalConfig;
  root: string;
}

/** Vite's input map: page name → virtual HTML file at the root. */
export function pageInputs(config: PortalConfig, root: string): Record<string, string> {
  return Object.fromEntries(pagesFor(config).map((p) => [p.file.replace(/\.html$/, ''), path.join(root, p.file)]));
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
    generateBundle() {
      const s = getShells();
      for (const catalog of buildCatalogs(config)) {
        const fileName = catalog.code === config.locales.default ? 'errors.txt' : `${catalog.code}/errors.txt`;
        this.emitFile({ type: 'asset', fileName, source: s.renderErrorsTxt(catalog) });
      }
      this.emitFile({ type: 'asset', fileName: 'api.json', source: s.renderApiJson() });
      // Pages name their icon with <link rel="icon">; a favicon.ico is shipped only when the designer
      // gives one. Binary files cannot be copied on the router, so each one costs an upload per deploy.
      const fav = config.brand.favicon;
      if (fav?.toLowerCase().endsWith('.ico')) this.emitFile({ type: 'asset', fileName: 'favicon.ico', source: readFileSync(path.resolve(root, fav)) });
    },
  };
}
