/**
 * alogin.html's view: shown after a successful login. No pop-up (captive-portal windows block them): it
 * confirms the login inline and continues to the guest's page only when that is an http(s) URL.
 */
import { html, nothing } from 'lit';
import { HsElement } from '../../components/hs-element.ts';
import { safeHttpUrl } from '../../hotspot/links.ts';
import { LocaleController, t } from '../../i18n/runtime.ts';
import { base } from '../../theme/base.ts';
import { actions } from '../shared/action-styles.ts';
import { pageEnv } from '../../hotspot/page-env.ts';
import { card } from '../shared/page-styles.ts';

export class HsAloginPage extends HsElement {
  static override styles = [base, card, actions];
  private readonly i18n = new LocaleController(this);
  private readonly env = pageEnv();

  /** Where to continue: the router's redirect target, else the original URL; never a non-http(s) URL. */
  private get target(): URL | undefined {
    if (this.env.server) return undefined;
    const v = this.env.values;
    return safeHttpUrl(v.get('link-redirect')) ?? safeHttpUrl(v.get('link-orig'));
  }

  private get status(): URL | undefined {
    return this.env.server ? undefined : safeHttpUrl(this.env.values.get('link-status'));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const target = this.target;
    const secs = this.env.config.continueAfterSeconds;
    if (target && secs > 0) setTimeout(() => location.assign(target.href), secs * 1000);
  }

  override render() {
    const target = this.target;
    const status = this.status;
    const ownPage = target && status && target.href === status.href;
    // As the build renders it (and without JavaScript), the status page is the relative `status`.
    const statusHref = this.env.server ? 'status' : status?.href;
    return html`<section class="card" aria-labelledby="title">
      <h1 id="title">${t('alogin.title', { brand: this.env.config.brand })}</h1>
      ${target && this.env.config.continueAfterSeconds > 0 ? html`<p class="lead">${t('alogin.soon')}</p>` : nothing}
      ${
        target && !ownPage
          ? html`<a class="button" href=${target.href}>${t('alogin.continue', { host: target.host })}</a>`
          : html`<p>${t('alogin.browse')}</p>`
      }
      ${statusHref ? html`<p class="links"><a href=${statusHref}>${t('alogin.status')}</a></p>` : nothing}
    </section>`;
  }
}
