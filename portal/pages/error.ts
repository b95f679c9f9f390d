/**
 * error.html: the page as the build rendered it (views/notice-page.ts); the router picked the
 * message by its error type. This script shows it in the guest's language, or the router's own
 * text (as text, never markup) for an error the catalog has no text for.
 */
import texts from 'virtual:hotspot/i18n/error';
import { routerErrorText } from './shared/error-text.ts';
import { startStaticPage, shadowOf } from './shared/static-page.ts';

void startStaticPage({
  titleKey: 'title.error',
  texts,
  update: (v) => {
    const box = shadowOf('hs-notice-page')?.querySelector('hs-message')?.shadowRoot?.querySelector('[role="alert"]');
    if (box) box.textContent = routerErrorText(v);
  },
});
