/**
 * The login page's view (login.html, also flogin), rendered by the build (the page ships no Lit):
 * member / voucher login, the terms gate and the free trial. The page's two scripts work on it as
 * rendered: the first (portal/pages/login.ts) makes the form send, the second (login-app.ts) brings
 * the language switch, the trial button, the router's error and the notes. What only a script can
 * know is here hidden, for it to show: the message box (empty: the router's error, or that a login
 * could not reach the router, is the second script's to write) and the notes on plain passwords. The trial is the router's to show
 * (`$(if trial == yes)`), so it takes its place with the page.
 */
import { css, html, nothing } from 'lit';
import { HsElement } from '../../components/hs-element.ts';
import '../../components/hs-login-form/hs-login-form.ts';
import '../../components/hs-message/hs-message.ts';
import '../../components/hs-terms/hs-terms.ts';
import '../../components/hs-trial/hs-trial.ts';
import { t } from '../../i18n/runtime.ts';
import { base } from '../../theme/base.ts';
import { pageEnv } from '../../hotspot/page-env.ts';
import { card } from '../shared/page-styles.ts';

export class HsLoginPage extends HsElement {
  static override styles = [
    base,
    card,
    css`
      hs-message[hidden] {
        display: none;
      }
    `,
  ];

  private readonly env = pageEnv();

  override render() {
    const { config } = this.env;
    return html`<section class="card" aria-labelledby="title">
      <h1 id="title">${t('login.title')}</h1>
      <p class="lead">${t('login.intro')}</p>
      <hs-message kind="error" data-hs="alert" hidden .later=${true}></hs-message>
      ${config.pap && config.modes.length ? html`<hs-message kind="warning" data-hs="plain" hidden .text=${t('login.plainNote')}></hs-message>` : nothing}
      ${config.https ? html`<hs-message data-hs="secure" hidden .text=${t('login.secureNote')}></hs-message>` : nothing}
      ${config.terms ? html`<hs-terms .text=${t('brand.terms')} .href=${config.termsLink}></hs-terms>` : nothing}
      ${config.modes.length ? html`<hs-login-form .modes=${config.modes} .mode=${config.defaultMode} .ready=${false}></hs-login-form>` : nothing}
      ${config.trial ? html`<hs-trial></hs-trial>` : nothing}
    </section>`;
  }
}
