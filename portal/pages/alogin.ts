/**
 * alogin.html: shown after a successful login. No pop-up (captive-portal windows block them): it
 * confirms the login inline and continues to the guest's page only when that is an http(s) URL.
 */
import { LitElement, html, nothing } from 'lit';
import { safeHttpUrl } from '../hotspot/links.ts';
import { readRouterValues } from '../hotspot/router-values.ts';
import { LocaleController, t } from '../i18n/runtime.ts';
import { base } from '../theme/base.ts';
import texts from 'virtual:hotspot/i18n/alogin';
import { boot, config } from './shared/boot.ts';
import { actions } from './shared/action-styles.ts';
import { card } from './shared/page-styles.ts';

class HsAloginPage extends LitElement {
  static override styles = [base, card, actions];
  private readonly i18n = new LocaleController(this);
  private readonly values = readRouterValues();
  /** Where to continue: the router's redirect target, else the original URL; never a non-http(s) URL. */
  private readonly target = safeHttpUrl(this.values.get('link-redirect')) ?? safeHttpUrl(this.values.get('link-orig'));
  private readonly status = safeHttpUrl(this.values.get('link-status'));

  override connectedCallback(): void {
    super.connectedCallback();
    const target = this.target;
    if (target && config.continueAfterSeconds > 0) {
      setTimeout(() => location.assign(target.href), config.continueAfterSeconds * 1000);
    }
  }

  override render() {
    const target = this.target;
    const ownPage = target && this.status && target.href === this.status.href;
    return html`<section class="card" aria-labelledby="title">
      <h1 id="title">${t('alogin.title')}</h1>
      ${target && config.continueAfterSeconds > 0 ? html`<p class="lead">${t('alogin.soon')}</p>` : nothing}
      ${target && !ownPage
        ? html`<a class="button" href=${target.href}>${t('alogin.continue', { host: target.host })}</a>`
        : html`<p>${t('alogin.browse')}</p>`}
      ${this.status ? html`<p class="links"><a href=${this.status.href}>${t('alogin.status')}</a></p>` : nothing}
    </section>`;
  }
}

void boot('hs-alogin-page', HsAloginPage, 'title.alogin', texts);
