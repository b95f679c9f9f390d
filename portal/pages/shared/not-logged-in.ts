/** fstatus.html and flogout.html: /status or /logout asked for by a guest who is not logged in. */
import { LitElement, html } from 'lit';
import { safeHttpUrl } from '../../hotspot/links.ts';
import { readRouterValues } from '../../hotspot/router-values.ts';
import { LocaleController, t } from '../../i18n/runtime.ts';
import { base } from '../../theme/base.ts';
import type { I18nBundle } from '../../i18n/types.ts';
import { boot } from './boot.ts';
import { actions } from './action-styles.ts';
import { card } from './page-styles.ts';

class HsNotLoggedInPage extends LitElement {
  static override styles = [base, card, actions];
  private readonly i18n = new LocaleController(this);
  private readonly values = readRouterValues();

  override render() {
    const login = safeHttpUrl(this.values.get('link-login-only'))?.href ?? 'login';
    return html`<section class="card" aria-labelledby="title">
      <h1 id="title">${t('notLoggedIn.title')}</h1>
      <p class="lead">${t('errors.not-logged-in', { ip: this.values.get('ip') })}</p>
      <a class="button" href=${login}>${t('notLoggedIn.login')}</a>
    </section>`;
  }
}

export function startNotLoggedIn(texts: I18nBundle): void {
  void boot('hs-not-logged-in-page', HsNotLoggedInPage, 'title.notLoggedIn', texts);
}
