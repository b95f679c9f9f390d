/** error.html: fatal errors only (fact sheet §1.1), translated, with a way back to the login page. */
import { LitElement, html } from 'lit';
import '../components/hs-message/hs-message.ts';
import { safeHttpUrl } from '../hotspot/links.ts';
import { readRouterValues } from '../hotspot/router-values.ts';
import { LocaleController, t } from '../i18n/runtime.ts';
import { base } from '../theme/base.ts';
import texts from 'virtual:hotspot/i18n/error';
import { boot } from './shared/boot.ts';
import { routerErrorText } from './shared/error-text.ts';
import { actions } from './shared/action-styles.ts';
import { card } from './shared/page-styles.ts';

class HsErrorPage extends LitElement {
  static override styles = [base, card, actions];
  private readonly i18n = new LocaleController(this);
  private readonly values = readRouterValues();

  override render() {
    const login = safeHttpUrl(this.values.get('link-login-only'))?.href ?? 'login';
    return html`<section class="card" aria-labelledby="title">
      <h1 id="title">${t('error.title')}</h1>
      <hs-message kind="error" .text=${routerErrorText(this.values)}></hs-message>
      <a class="button" href=${login}>${t('error.retry')}</a>
    </section>`;
  }
}

void boot('hs-error-page', HsErrorPage, 'title.error', texts);
