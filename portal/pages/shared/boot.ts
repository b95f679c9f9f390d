/**
 * Starting a page: pick the language, wire the shell's language picker and translated texts, give the
 * views their router values, then define the page's root element (so its first render, which takes
 * over the page as the build rendered it, is already in the guest's language).
 */
import type { ReactiveElement } from 'lit';
import config from 'virtual:hotspot/config';
import '../../components/hs-language-picker/hs-language-picker.ts';
import {
  configureI18n,
  currentLocale,
  initLocale,
  locales,
  onLocaleChange,
  setLocale,
  useTextParams,
  useTitle,
  type TextKey,
} from '../../i18n/runtime.ts';
import type { I18nBundle } from '../../i18n/types.ts';
import type { ChapValues } from '../../hotspot/chap.ts';
import { setPageEnv } from '../../hotspot/page-env.ts';
import { readRouterValues } from '../../hotspot/router-values.ts';
import { translateShell } from './shell-texts.ts';

export { config };

function wireShell(): void {
  const picker = document.querySelector('hs-language-picker');
  if (picker) {
    picker.locales = locales();
    picker.value = currentLocale();
    picker.addEventListener('hs-locale-change', (e) => {
      void setLocale(e.detail.locale, true).then(() => (picker.value = currentLocale()));
    });
  }
  translateShell();
  onLocaleChange(() => translateShell());
}

export interface BootOptions {
  /** The page shows a router error: fetch the error texts with the guest's language. */
  withErrors?: boolean;
  chap?: ChapValues;
}

/** `texts` is the page's own `virtual:hotspot/i18n/<page>` module. */
export async function boot(
  tag: string,
  element: CustomElementConstructor,
  titleKey: TextKey,
  texts: I18nBundle,
  options: BootOptions = {},
): Promise<void> {
  const values = readRouterValues();
  setPageEnv({ config, values, chap: options.chap, search: new URLSearchParams(location.search), server: false });
  configureI18n(texts, options.withErrors ?? Boolean(values.get('error')));
  useTextParams({ brand: config.brand });
  await initLocale();
  useTitle(titleKey, config.brand);
  wireShell();
  customElements.define(tag, element);
  // The page as the build rendered it is now the live page: say so (tests and the bench wait for it).
  await (document.querySelector(tag) as ReactiveElement | null)?.updateComplete;
  document.documentElement.setAttribute('data-hs-app', '');
}
