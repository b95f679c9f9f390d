/**
 * Starting a page the build rendered whole (login, alogin, status, logout, error, not logged in): no Lit.
 * The page reads as it is; this script puts it in the guest's language (its text anchors and the shell
 * texts), wires the language picker the build rendered, and lets the page fill in what only a script
 * can know (figures in the guest's units, checked links). Router values come from the data island only.
 */
import config from 'virtual:hotspot/config';
import { safeHttpUrl } from '../../hotspot/links.ts';
import { readRouterValues, type RouterValues } from '../../hotspot/router-values.ts';
import { configureI18n, currentLocale, initLocale, onLocaleChange, setLocale, useTitle, type TextKey } from '../../i18n/runtime.ts';
import type { I18nBundle } from '../../i18n/types.ts';
import { loadPictures } from './pictures.ts';
import { translateShell } from './shell-texts.ts';
import { applyTextAnchors, findTextAnchors } from './text-anchors.ts';

export { config };

export interface StaticPage {
  titleKey: TextKey;
  /** The page's own `virtual:hotspot/i18n/<page>` module. */
  texts: I18nBundle;
  /** Values for the texts' {placeholders} (brand is given). */
  params?: (v: RouterValues) => Record<string, string | number>;
  /** Fills what only a script knows; runs at start and after every language switch. */
  update?: (v: RouterValues) => void;
}

/** The open shadow root of the first `tag` in the document. */
export function shadowOf(tag: string, root: ParentNode = document): ShadowRoot | null {
  return root.querySelector(tag)?.shadowRoot ?? null;
}

/** The build's relative links and form actions, and the router's own link for each (fact sheet §2.2). */
const ROUTER_LINKS: Record<string, string> = { login: 'link-login-only', status: 'link-status', logout: 'link-logout' };

/** Relative links as the build wrote them become the router's links (with its host, scheme and language folder) when those are http(s). */
function useRouterLinks(root: Node, v: RouterValues): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode() as Element | null; n; n = walker.nextNode() as Element | null) {
    if (n.shadowRoot) useRouterLinks(n.shadowRoot, v);
    const attr = n instanceof HTMLAnchorElement ? 'href' : n instanceof HTMLFormElement ? 'action' : undefined;
    const name = attr && ROUTER_LINKS[n.getAttribute(attr) ?? ''];
    const url = name && safeHttpUrl(v.get(name));
    if (url) n.setAttribute(attr!, url.href);
  }
}

export async function startStaticPage(page: StaticPage): Promise<RouterValues> {
  loadPictures();
  const values = readRouterValues();
  useRouterLinks(document, values);
  configureI18n(page.texts, Boolean(values.get('error')));
  const anchors = findTextAnchors();
  const picker = document.querySelector('hs-language-picker');
  // In its shadow root, or in light DOM on the login page (tools/build/light-dom.ts).
  const select = (picker?.shadowRoot ?? picker)?.querySelector('select');
  const render = () => {
    const params = { brand: config.brand, ...page.params?.(values) };
    applyTextAnchors(anchors, params);
    translateShell(params);
    page.update?.(values);
    if (select) select.value = currentLocale();
  };
  await initLocale();
  useTitle(page.titleKey, config.brand);
  render();
  onLocaleChange(render);
  select?.addEventListener('change', () => void setLocale(select.value, true));
  // The page as the build rendered it is now in the guest's language (tests and the bench wait for it).
  document.documentElement.setAttribute('data-hs-app', '');
  return values;
}
