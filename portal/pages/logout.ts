/** logout.html: confirms the logout with the session's final figures and offers to log in again. */
import { LitElement, html } from 'lit';
import '../components/hs-status-figures/hs-status-figures.ts';
import { safeHttpUrl } from '../hotspot/links.ts';
import { readRouterValues } from '../hotspot/router-values.ts';
import { LocaleController, t } from '../i18n/runtime.ts';
import { base } from '../theme/base.ts';
import texts from 'virtual:hotspot/i18n/logout';
import { boot } from './shared/boot.ts';
import { sessionFigures } from './shared/figures.ts';
import { actions } from './shared/action-styles.ts';
import { card } from './shared/page-styles.ts';

class HsLogoutPage extends LitElement {
  static override styles = [base, card, actions];
  private readonly i18n = new LocaleController(this);
  private readonly values = readRouterValues();

  override render() {
    const login = safeHttpUrl(this.values.get('link-login-only'))?.href ?? 'login';
    const figures = sessionFigures(this.values, { withIp: false, withLimits: false });
    return html`<section class="card" aria-labelledby="title">
      <h1 id="title">${t('logout.title')}</h1>
      ${figures.length ? html`<h2 class="lead">${t('logout.summary')}</h2><hs-status-figures .items=${figures}></hs-status-figures>` : ''}
      <a class="button" href=${login}>${t('logout.again')}</a>
    </section>`;
  }
}

void boot('hs-logout-page', HsLogoutPage, 'title.logout', texts);
