/**
 * Starting a page: pick the language, wire the shell's language picker and translated texts, then
 * define the page's root element (so its first render is already in the guest's language).
 */
import config from 'virtual:hotspot/config';
import '../../components/hs-language-picker/hs-language-picker.ts';
import { configureI18n, currentLocale, initLocale, locales, onLocaleChange, setLocale, t, useTitle, type TextKey } from '../../i18n/runtime.ts';
import type { I18nBundle } from '../../i18n/types.ts';

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
  // Static shell texts (the support footer) carry data-t with their text key.
  const translate = () => {
    for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) el.textContent = t(el.dataset['t'] as TextKey);
  };
  translate();
  onLocaleChange(translate);
}

/** `texts` is the page's own `virtual:hotspot/i18n/<page>` module; `withErrors` when it shows a router error. */
export async function boot(tag: string, element: CustomElementConstructor, titleKey: TextKey, texts: I18nBundle, withErrors = false): Promise<void> {
  configureI18n(texts, withErrors);
  await initLocale();
  useTitle(titleKey, config.brand);
  wireShell();
  customElements.define(tag, element);
}
