/**
 * `hotspot:page-chunks`: one script per page, plus one shared chunk. On weak Wi-Fi every file costs a
 * request; a few hundred bytes copied into two or three pages cost nothing a guest notices. So:
 *  - the pages the build renders whole (login's second script, alogin, status, logout, error,
 *    fstatus, flogout: no Lit at runtime) share one copy of what they use, the `static` chunk: a
 *    guest goes from login to alogin to status to logout, and the login's answer is shown in the
 *    same window, where the chunk is already loaded;
 *  - light pages (redirect, rlogin, radvert) and the login page's first script (the small CHAP path,
 *    `login-early`, which then loads the page's second script) get their own copies of everything
 *    they use, so they never wait for the shared chunk;
 *  - code only one page uses stays in that page's entry script.
 * Copies are made by giving a project module a different id per page (`?hs-page=<page>`), which the
 * bundler then treats as a separate module. Packages (node_modules) and virtual modules are never
 * copied. Build only: the dev server serves modules one by one.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import type { PageSpec } from './pages.ts';

const TAG = '?hs-page=';
const CONFIG_ID = '\0virtual:hotspot/config';

/** The tag of the code the pages the build renders whole share (no Lit): the `static` chunk. */
export const STATIC_PAGES = 'static';
export const SHARED_BY_STATIC_PAGES = new RegExp(`\\${TAG}${STATIC_PAGES}$`);
/**
 * What only the pages with figures (status, logout) use of the static chunk: a chunk of its own, so
 * the login page, which loads the static chunk too, does not carry it.
 */
export const FIGURES_OF_STATIC_PAGES = new RegExp(
  `[\\\\/]portal[\\\\/](?:pages[\\\\/]shared[\\\\/](?:fill-figures|figures)|hotspot[\\\\/](?:figures|rate-limit|page-env)|i18n[\\\\/]format)\\.ts\\${TAG}${STATIC_PAGES}$`,
);

/** The page a module id was copied for, and the id without the tag. */
export function untag(id: string): { id: string; page?: string } {
  const at = id.indexOf(TAG);
  return at < 0 ? { id } : { id: id.slice(0, at), page: id.slice(at + TAG.length) };
}

export function hotspotPageChunks(pages: readonly PageSpec[], root: string): Plugin {
  // Tags are page names without `.html`: the transform takes a module's language from how its id ends.
  const name = (p: PageSpec) => p.file.replace(/\.html$/, '');
  const entries = new Map<string, string>();
  const light = new Set([...pages.filter((p) => p.minimal).map(name), STATIC_PAGES]);
  for (const p of pages) {
    if (p.static) {
      // One copy for all of them (the `static` chunk): a guest goes from alogin to status to logout.
      entries.set(path.join(root, p.entry), STATIC_PAGES);
    } else if (p.app) {
      entries.set(path.join(root, p.entry), `${name(p)}-early`);
      light.add(`${name(p)}-early`);
      // The full script shares the static chunk: the pages after login find it already loaded.
      entries.set(path.join(root, p.app), STATIC_PAGES);
    } else {
      entries.set(path.join(root, p.entry), name(p));
    }
  }
  return {
    name: 'hotspot:page-chunks',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || source.startsWith('\0')) return null;
      const from = untag(importer);
      const page = from.page ?? entries.get(from.id);
      if (!page) return null; // imported by shared code (or not from a page at all): one module
      const resolved = await this.resolve(source, from.id, { ...options, skipSelf: true });
      // The client config is tiny: a light page (and the static chunk) gets its own copy, shared with no other.
      if (resolved?.id === CONFIG_ID && light.has(page)) return { ...resolved, id: `${CONFIG_ID}${TAG}${page}` };
      if (!resolved || resolved.external || /[\0?]/.test(resolved.id) || /[\\/]node_modules[\\/]/.test(resolved.id)) return resolved;
      if (entries.has(resolved.id)) return resolved;
      return { ...resolved, id: `${resolved.id}${TAG}${page}` };
    },
  };
}
