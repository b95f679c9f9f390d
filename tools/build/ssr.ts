/**
 * Rendering each page's Lit view at build time (@lit-labs/ssr): the HTML the router serves holds the
 * page's header, card, form, figures and buttons as declarative shadow DOM, so it paints with the
 * HTML and its inline CSS, and reads without JavaScript. The view renders with no router values
 * (`server: true`); where the router can fill a figure itself, the view writes RouterOS markup
 * through `routerMarkup()` (portal/hotspot/page-env.ts), the only `$(` this output may contain.
 * In the browser no page runs Lit: each page's plain script works on the content as rendered.
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, type ReactiveElement } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import type { PickerLocale } from '../../portal/components/hs-language-picker/hs-language-picker.ts';
import { RouterValues } from '../../portal/hotspot/router-values.ts';
import { ROUTER_MARK_CLOSE, ROUTER_MARK_OPEN } from '../../portal/hotspot/page-env.ts';
import { TEXT_MARK_CLOSE, TEXT_MARK_OPEN, TEXT_MARK_SPLIT } from '../../portal/i18n/runtime.ts';
import type { Catalog } from '../../portal/i18n/types.ts';
import * as toolkitViews from '../../portal/pages/views/index.ts';
import type { PortalConfig } from '../config/index.ts';
import { keysOnElements, toLightDom, type LightView } from './light-dom.ts';
import { minifyCss } from './plugin-lit-templates.ts';
import { clientConfig } from './plugin-i18n.ts';

export interface PageView {
  tag: string;
  /** Attributes of the root element, e.g. `kind` of hs-notice-page. */
  attrs?: Readonly<Record<string, string>>;
}

const ATTR_NAME = /^[a-z][a-z-]*$/;

/** One element's markup (tag and attribute names are the build's own constants; values are escaped). */
function elementTemplate(view: PageView) {
  const attrs = Object.entries(view.attrs ?? {});
  for (const name of [view.tag, ...attrs.map(([n]) => n)]) if (!ATTR_NAME.test(name)) throw new Error(`not an element or attribute name: ${name}`);
  const open = attrs.map(([n, v]) => ` ${n}="${v.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}"`).join('');
  return staticHtml`<${unsafeStatic(view.tag + open)}></${unsafeStatic(view.tag)}>`;
}

const ANCHOR = new RegExp(`${TEXT_MARK_OPEN}([\\w.-]+)${TEXT_MARK_SPLIT}([^${TEXT_MARK_CLOSE}]*)${TEXT_MARK_CLOSE}`, 'g');

/**
 * Text anchors (portal/i18n/runtime.ts): inside a tag (an attribute) only the text stays; in content
 * the text is framed by `<!--t:key-->` and `<!--/t-->` for the page's script to translate in place.
 */
function anchors(out: string): string {
  return out
    .replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(ANCHOR, '$2'))
    .replace(ANCHOR, (_, key: string, text: string) => `<!--t:${key}-->${text}<!--/t-->`);
}

/**
 * SSR output made small and router-safe: no hydration comments (pages are taken over, not hydrated),
 * formatting whitespace gone as the Vite build minifies the same templates, styles minified, `false`
 * booleans dropped, every `$` escaped except the RouterOS markup the views asked for.
 */
export function tidy(out: string): string {
  return anchors(out)
    .replace(/<!--\/?lit-(?:part|node)[^>]*-->|<\?>/g, '')
    .replace(/ shadowroot="open"| defer-hydration/g, '')
    .replace(/<style>([\s\S]*?)<\/style>/g, (_, css: string) => `<style>${minifyCss(css)}</style>`)
    .replace(/ (checked|disabled|selected)="false"/g, '')
    .replace(/ (checked|disabled|selected)="true"/g, ' $1')
    .replace(/\s*\n\s*/g, (ws, at: number, all: string) => (all[at - 1] === '>' || /^[<>]|^\/>/.test(all.slice(at + ws.length)) ? '' : ' '))
    .replace(/ +(\/?>)/g, '$1')
    .replace(/\$/g, '&#36;')
    .replace(new RegExp(`${ROUTER_MARK_OPEN}([^${ROUTER_MARK_CLOSE}]*)${ROUTER_MARK_CLOSE}`, 'g'), (_, expr: string) => `$(${expr})`);
}

/**
 * The views and the setters of the modules they read texts and router values from; `registry`: where
 * their components defined themselves, when not in the process's own registry.
 */
export type ViewModule = typeof toolkitViews & { registry?: CustomElementRegistry };

export interface SsrContext {
  config: PortalConfig;
  locale: string;
  /**
   * The views to render, when not the toolkit's own: the dev server's fresh load of the project's
   * portal/pages/views/index.ts, whose components have defined themselves in a fresh registry.
   */
  views?: ViewModule;
}

/** Renders with the views' own texts, router values and component registry, then puts them back. */
function withViews<T>(ctx: SsrContext, texts: Catalog, anchored: boolean, fn: (v: ViewModule) => T): T {
  const v: ViewModule = ctx.views ?? toolkitViews;
  const registry = globalThis.customElements;
  if (v.registry) globalThis.customElements = v.registry;
  try {
    prepare(v, ctx, texts, anchored);
    return fn(v);
  } finally {
    v.useMessages(ctx.locale, texts);
    globalThis.customElements = registry;
  }
}

function prepare(v: ViewModule, ctx: SsrContext, texts: Catalog, anchored: boolean): void {
  for (const [tag, view] of Object.entries(v.VIEWS)) if (!customElements.get(tag)) customElements.define(tag, view);
  v.useMessages(ctx.locale, texts, anchored);
  v.useTextParams({ brand: ctx.config.brand.name });
  v.setPageEnv({
    config: clientConfig(ctx.config),
    values: new RouterValues(new Map()),
    chap: undefined,
    search: new URLSearchParams(),
    server: true,
  });
}

/**
 * A page's view as HTML, in the default locale with `texts` (the page's own). `anchored`: for a page
 * whose script is not Lit, every text keeps its key (text anchors) so the script can translate it.
 */
export function renderView(ctx: SsrContext, view: PageView, texts: Catalog, anchored = false): string {
  return withViews(ctx, texts, anchored, (v) => {
    if (!v.VIEWS[view.tag]) throw new Error(`no view for <${view.tag}>; add it to portal/pages/views/index.ts`);
    return tidy(collectResultSync(render(elementTemplate(view))));
  });
}

/** The language picker as the build renders it for a page without Lit (its script switches the texts). */
export function renderPicker(ctx: SsrContext, locales: readonly PickerLocale[], texts: Catalog): string {
  return withViews(ctx, texts, true, () =>
    tidy(collectResultSync(render(html`<hs-language-picker .locales=${locales} .value=${ctx.locale}></hs-language-picker>`))),
  );
}

export interface LightPage extends LightView {
  /** The language picker, in light DOM too ('' when there is none). */
  picker: string;
}

/**
 * A page's view and its language picker as renderView and renderPicker render them, in light DOM,
 * with the styles of all their components in one sheet (light-dom.ts).
 */
export function renderLightPage(ctx: SsrContext, view: PageView, texts: Catalog, anchored: boolean, locales?: readonly PickerLocale[]): LightPage {
  const split = '<!--hs-picker-->';
  const out = renderView(ctx, view, texts, anchored) + (locales ? split + renderPicker(ctx, locales, texts) : '');
  const registry = ctx.views?.registry ?? customElements;
  const light = toLightDom(out, (tag) => (registry.get(tag) as typeof ReactiveElement | undefined)?.elementStyles ?? []);
  const [html = '', picker = ''] = keysOnElements(light.html).split(split);
  return { html, picker, css: light.css };
}
