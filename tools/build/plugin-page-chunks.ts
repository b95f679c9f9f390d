/**
 * `hotspot:page-chunks`: one script per page, plus the shared `portal` chunk on Lit pages. On weak
 * Wi-Fi every file costs a request; a few hundred bytes copied into two or three pages cost nothing
 * a guest notices. So:
 *  - code every Lit page runs (Lit, the i18n runtime, the page frame, reading router values, …)
 *    is the `portal` chunk, loaded once and shared;
 *  - code only some pages use (the status figures, the not-logged-in page, …) is copied into each
 *    of those pages' entry scripts instead of becoming a chunk of its own;
 *  - light pages (redirect, rlogin, radvert: no Lit) get their own copies of everything they use,
 *    so they never load the portal chunk;
 *  - the pages the build renders whole (alogin, status, logout, error, fstatus, flogout: no Lit)
 *    share one copy of what they use, the `static` chunk, and never load the portal chunk; so does the login page's first script (the small CHAP
 *    path, `early`), which then loads the page's full script (`app`) with Lit.
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

/** Modules every Lit page uses: the `portal` chunk. */
export const SHARED_BY_LIT_PAGES =
  /[\\/]node_modules[\\/](?:lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]|[\\/]portal[\\/]i18n[\\/](?:runtime|choose|island)\.ts$|[\\/]portal[\\/]theme[\\/]|[\\/]portal[\\/]pages[\\/]shared[\\/](?:boot|page-styles|error-text)\.ts$|[\\/]portal[\\/]components[\\/](?:events\.ts|hs-element\.ts|hs-(?:message|language-picker)[\\/])|[\\/]portal[\\/]hotspot[\\/](?:send|links|router-values|page-env)\.ts$|virtual:hotspot\/config$/;

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
      entries.set(path.join(root, p.app), name(p));
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
      // The client config is tiny: a light page gets its own copy instead of the portal chunk.
      if (resolved?.id === CONFIG_ID && light.has(page)) return { ...resolved, id: `${CONFIG_ID}${TAG}${page}` };
      if (!resolved || resolved.external || /[\0?]/.test(resolved.id) || /[\\/]node_modules[\\/]/.test(resolved.id)) return resolved;
      if (entries.has(resolved.id)) return resolved;
      if (SHARED_BY_LIT_PAGES.test(resolved.id) && !light.has(page)) return resolved;
      return { ...resolved, id: `${resolved.id}${TAG}${page}` };
    },
  };
}
