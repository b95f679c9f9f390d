/**
 * The URLs a built file refers to: src/href/action/poster/srcset attributes and meta refresh targets
 * in HTML, url(…) in CSS (inline or in files), import specifiers and URL strings in JS.
 */
import { SourceMap } from '../routeros/engine/index.ts';

/** `navigation`: a link or form target (`<a href>`, `<form action>`), followed on a click, never loaded with the page. */
export type ReferenceKind = 'attribute' | 'navigation' | 'css-url' | 'js-import' | 'js-string';

export interface Reference {
  url: string;
  kind: ReferenceKind;
  line: number;
  col: number;
}

const TAG = /<[a-zA-Z][^>]*>/g;
const ATTR = /\s(src|href|action|formaction|poster|srcset|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const META_REFRESH = /\scontent\s*=\s*"[^"]*?url=([^"]*)"/i;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/g;
const JS_IMPORT = /(?:\bimport\s*\(?|\bfrom)\s*["']([^"']+)["']/g;
const JS_URL = /["'`]((?:https?:)?\/\/[^"'`\s]+|\/assets\/[^"'`\s]+)["'`]/g;

/** XML namespace names inside libraries (Lit's SVG/MathML support): identifiers, never fetched. */
export const NAMESPACE_URIS = new Set([
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/2000/xmlns/',
]);

function at(map: SourceMap, offset: number, url: string, kind: ReferenceKind): Reference {
  const { line, col } = map.position(offset);
  return { url, kind, line, col };
}

function cssUrls(text: string, map: SourceMap, base = 0): Reference[] {
  const out: Reference[] = [];
  for (const m of text.matchAll(CSS_URL)) out.push(at(map, base + m.index + 4, m[1] ?? m[2] ?? m[3] ?? '', 'css-url'));
  return out;
}

export function htmlReferences(text: string): Reference[] {
  const map = new SourceMap(text);
  const out: Reference[] = [];
  for (const tag of text.matchAll(TAG)) {
    const followed = /^<(?:a|area|form)\s/i.test(tag[0]);
    for (const a of tag[0].matchAll(ATTR)) {
      const value = a[2] ?? a[3] ?? a[4] ?? '';
      // point at the value itself, not at the attribute name
      const offset = tag.index + a.index + a[0].indexOf(value, a[0].indexOf('='));
      if (a[1]!.toLowerCase() === 'srcset') {
        for (const part of value.split(',')) {
          const url = part.trim().split(/\s+/)[0];
          if (url) out.push(at(map, offset, url, 'attribute'));
        }
      } else out.push(at(map, offset, value, followed || /^formaction$/i.test(a[1]!) ? 'navigation' : 'attribute'));
    }
    // The page's full script, which its first script loads (tools/build/pages.ts `app`).
    const app = /^<meta\s+name="hs-app"\s+content="([^"]*)"/.exec(tag[0]);
    if (app) out.push(at(map, tag.index + tag[0].indexOf(app[1]!, 10), app[1]!, 'attribute'));
    if (/^<meta\b/i.test(tag[0]) && /http-equiv\s*=\s*["']?refresh/i.test(tag[0])) {
      const m = META_REFRESH.exec(tag[0]);
      if (m) out.push(at(map, tag.index + m.index + m[0].indexOf('url=') + 4, m[1]!.trim(), 'attribute'));
    }
  }
  out.push(...cssUrls(text, map));
  return out;
}

export function cssReferences(text: string): Reference[] {
  return cssUrls(text, new SourceMap(text));
}

export function jsReferences(text: string): Reference[] {
  const map = new SourceMap(text);
  const out: Reference[] = [];
  for (const m of text.matchAll(JS_IMPORT)) out.push(at(map, m.index + m[0].length - m[1]!.length - 1, m[1]!, 'js-import'));
  const imported = new Set(out.map((r) => `${r.line}:${r.col}`));
  for (const m of text.matchAll(JS_URL)) {
    const ref = at(map, m.index + 1, m[1]!, 'js-string');
    if (!NAMESPACE_URIS.has(m[1]!) && !imported.has(`${ref.line}:${ref.col}`)) out.push(ref);
  }
  return out;
}

export function referencesOf(file: string, text: string): Reference[] {
  if (/\.html?$/i.test(file)) return htmlReferences(text);
  if (/\.css$/i.test(file)) return cssReferences(text);
  if (/\.m?js$/i.test(file)) return jsReferences(text);
  return [];
}
