/**
 * The files of the bundle that no page imports, rendered from the config: errors.txt for every locale
 * (the default locale's at the root, the others in `<locale>/`), api.json, favicon.ico when the brand
 * gives one, and terms.html when the brand's full terms are a page. The build and the dev server
 * both write these.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PortalConfig } from '../config/index.ts';
import type { LocaleCatalog } from './catalogs.ts';
import type { Shells } from './shells.ts';

export function extraFiles(config: PortalConfig, root: string, shells: Shells, catalogs: readonly LocaleCatalog[]): Map<string, string | Buffer> {
  const out = new Map<string, string | Buffer>();
  for (const catalog of catalogs) {
    out.set(catalog.code === config.locales.default ? 'errors.txt' : `${catalog.code}/errors.txt`, shells.renderErrorsTxt(catalog));
  }
  out.set('api.json', shells.renderApiJson());
  // Pages name their icon with <link rel="icon">; a favicon.ico is shipped only when the designer
  // gives one. Binary files cannot be copied on the router, so each one costs an upload per deploy.
  const fav = config.brand.favicon;
  if (fav?.toLowerCase().endsWith('.ico')) out.set('favicon.ico', readFileSync(path.resolve(root, fav)));
  // An .html file, so served before login like the pages (fact sheet §1.6) and checked like them.
  if (config.brand.terms?.page) out.set('terms.html', shells.renderTermsPage());
  return out;
}
