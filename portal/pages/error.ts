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
    const message = shadowOf('hs-notice-page')?.querySelector<HTMLElement & { text?: string }>('hs-message');
    const box = message?.shadowRoot?.querySelector('[role="alert"]');
    if (box) box.textContent = routerErrorText(v);
    // Written into the login page's window (a login sent by fetch), the message is a Lit element there.
    else if (message && customElements.get('hs-message')) message.text = routerErrorText(v);
  },
});
