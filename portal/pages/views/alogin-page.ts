/**
 * alogin.html's view: shown after a successful login, rendered by the build (the page ships no Lit).
 * It confirms the login and links the status page; the way on to the guest's own page is in the page,
 * hidden, for the page's script (portal/pages/alogin.ts) to show once it has checked the URL.
 */
import { html, nothing } from 'lit';
import { HsElement } from '../../components/hs-element.ts';
import { t } from '../../i18n/runtime.ts';
import { base } from '../../theme/base.ts';
import { actions } from '../shared/action-styles.ts';
import { pageEnv } from '../../hotspot/page-env.ts';
import { card } from '../shared/page-styles.ts';

export class HsAloginPage extends HsElement {
  static override styles = [base, card, actions];
  private readonly env = pageEnv();

  override render() {
    const { brand, continueAfterSeconds } = this.env.config;
    return html`<section class="card" aria-labelledby="title">
      <h1 id="title">${t('alogin.title', { brand })}</h1>
      ${continueAfterSeconds > 0 ? html`<p class="lead" data-hs="soon" hidden>${t('alogin.soon')}</p>` : nothing}
      <a class="button" data-hs="continue" href="status" hidden>${t('alogin.continue')}</a>
      <p data-hs="browse">${t('alogin.browse')}</p>
      <p class="links"><a href="status">${t('alogin.status')}</a></p>
    </section>`;
  }
}
