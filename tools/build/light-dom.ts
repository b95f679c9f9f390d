/**
 * A rendered view in light DOM with one stylesheet, for a page whose components never run in the
 * browser (the login page: its scripts work on the markup as rendered). Declarative shadow roots
 * there only cost bytes: each carries its own copy of the shared rules (base, buttons…). Here the
 * roots are unwrapped and every component's `static styles` are scoped to its element and written
 * once: a style sheet several components share is scoped to the outermost of them (an element inside
 * another that uses the same sheet gets its rules through the outer one), `:host` rules to each.
 * The Lit components stay the one source of the markup and its styles.
 */
import type { CSSResultOrNative } from 'lit';
import { UserError } from '../lib/errors.ts';
import { minifyCss } from './plugin-lit-templates.ts';

export interface LightView {
  html: string;
  /** The components' styles, scoped: for the page's one stylesheet. */
  css: string;
}

const ROOT_OPEN = /<template shadowrootmode="open"[^>]*>(?:<style>[\s\S]*?<\/style>)?/g;
const ELEMENT_TAG = /<(\/?)([a-z][a-z0-9]*-[a-z0-9-]*)[\s>]/g;

/** Every component element's tag, with the tag of the component element around it (if any). */
function componentTree(html: string): Map<string, Set<string>> {
  const ancestors = new Map<string, Set<string>>();
  const open: string[] = [];
  for (const [, close, tag] of html.matchAll(ELEMENT_TAG)) {
    if (close) {
      open.splice(open.lastIndexOf(tag!), 1);
      continue;
    }
    const around = ancestors.get(tag!) ?? new Set<string>();
    for (const a of open) around.add(a);
    ancestors.set(tag!, around);
    open.push(tag!);
  }
  return ancestors;
}

/** Splits at top-level commas (not those inside `(…)` or `[…]`). */
function selectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of list) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  return [...out, cur.trim()].filter(Boolean);
}

/** One selector of a component's sheet as it reads in the page: `:host` is the element, the rest is inside it. */
function scopeSelector(sel: string, hosts: readonly string[], scopes: readonly string[]): string[] {
  if (sel.includes('::slotted') || sel.includes(':host-context'))
    throw new UserError(
      `a component of the login page styles "${sel}", which has no meaning without a shadow root (the login page is rendered in light DOM); style the element itself instead.`,
    );
  const host = /^:host(?:\(([^()]*(?:\([^()]*\))?[^()]*)\))?(.*)$/.exec(sel);
  if (host) return hosts.map((t) => `${t}${host[1] ?? ''}${host[2] ?? ''}`);
  return scopes.map((t) => `${t} ${sel}`);
}

/** A minified sheet with every rule's selectors scoped (at-rule blocks such as @media are scoped inside). */
function scopeSheet(css: string, hosts: readonly string[], scopes: readonly string[]): string {
  let out = '';
  let at = 0;
  while (at < css.length) {
    const brace = css.indexOf('{', at);
    if (brace < 0) break;
    const prelude = css.slice(at, brace).trim();
    // The block's end: its matching brace.
    let depth = 1;
    let end = brace + 1;
    for (; end < css.length && depth; end++) depth += css[end] === '{' ? 1 : css[end] === '}' ? -1 : 0;
    const body = css.slice(brace + 1, end - 1);
    if (prelude.startsWith('@')) out += `${prelude}{${scopeSheet(body, hosts, scopes)}}`;
    else
      out += `${selectors(prelude)
        .flatMap((s) => scopeSelector(s, hosts, scopes))
        .join(',')}{${body}}`;
    at = end;
  }
  return out;
}

/**
 * `html` (a view as ssr.ts renders it) without its shadow roots, and the styles those held, scoped.
 * `stylesOf(tag)`: the component's styles as Lit finalized them (`elementStyles`).
 */
export function toLightDom(html: string, stylesOf: (tag: string) => readonly CSSResultOrNative[]): LightView {
  const tree = componentTree(html);
  // Each sheet once, in the order the components first use it, with the elements that use it.
  const users = new Map<CSSResultOrNative, string[]>();
  for (const tag of tree.keys()) for (const sheet of stylesOf(tag)) users.set(sheet, [...(users.get(sheet) ?? []), tag]);
  let css = '';
  for (const [sheet, tags] of users) {
    const text = 'cssText' in sheet ? sheet.cssText : [...sheet.cssRules].map((r) => r.cssText).join('');
    const outermost = tags.filter((t) => ![...tree.get(t)!].some((a) => tags.includes(a)));
    css += scopeSheet(minifyCss(text), tags, outermost);
  }
  const unwrapped = html.replace(ROOT_OPEN, '').replace(/<\/template>/g, '');
  if (/<template[\s>]/.test(unwrapped))
    throw new UserError(
      'a component of the login page renders a <template>, which its light-DOM rendering cannot tell from a shadow root; render the content itself.',
    );
  return { html: unwrapped, css };
}

/**
 * A text anchor (`<!--t:key-->text<!--/t-->`, ssr.ts) that is all its element holds becomes the
 * element's `data-t="key"`, as the shell's own texts carry theirs (portal/pages/shared/shell-texts.ts):
 * 8 bytes less per text. Only in light DOM, where the page's script finds every `[data-t]`.
 */
export function keysOnElements(html: string): string {
  return html.replace(
    /<([a-z][a-z0-9-]*)((?:\s[^<>]*)?)><!--t:([\w.-]+)-->([^<]*)<!--\/t--><\/\1>/g,
    (whole, tag: string, attrs: string, key: string, text: string) =>
      /\sdata-t=/.test(attrs) || attrs.endsWith('/') ? whole : `<${tag}${attrs} data-t="${key}">${text}</${tag}>`,
  );
}
