/**
 * status.html's view, rendered by the build (the page ships no Lit): who is logged in, for how long,
 * how much data, what is left, and the way out. The router fills the figures and picks, by its own
 * conditionals, the greeting (trial, MAC login: none, else the user name) and whether there is a
 * logout button (not for MAC logins, as RouterOS's own page; a note says why). Cookie logins can also
 * be forgotten (erase-cookie). The page's script (portal/pages/status.ts) puts it in the guest's
 * language and units; without JavaScript it reads as the router wrote it.
 */
import { html } from 'lit';
import { HsElement } from '../../components/hs-element.ts';
import '../../components/hs-logout-actions/hs-logout-actions.ts';
import '../../components/hs-message/hs-message.ts';
import '../../components/hs-status-figures/hs-status-figures.ts';
import { pageEnv, routerMarkup as r } from '../../hotspot/page-env.ts';
import { t } from '../../i18n/runtime.ts';
import { base } from '../../theme/base.ts';
import { sessionFigures } from '../shared/figures.ts';
import { card } from '../shared/page-styles.ts';

export class HsStatusPage extends HsElement {
  static override styles = [base, card];
  private readonly env = pageEnv();

  override render() {
    const v = this.env.values;
    // The user name is the guest's own choice: as the build renders it, only its URL-encoded form is safe.
    const welcome = `${r('if login-by == trial')}${t('status.trialWelcome')}${r('elif login-by == mac')}${r('elif login-by-mac == yes')}${r('else')}${t('status.welcome', { username: r('username-esc') })}${r('endif')}`;
    const macNote = html`<hs-message kind="info" .text=${t('status.macNote')}></hs-message>`;
    return html`<section class="card" aria-labelledby="title">
      <h1 id="title">${t('status.title', { brand: this.env.config.brand })}</h1>
      <p class="lead">${welcome}</p>
      <hs-status-figures .items=${sessionFigures(v, { withIp: true, withLimits: true })}></hs-status-figures>
      ${r('if login-by == mac')}${macNote}${r('elif login-by-mac == yes')}${macNote}${r('else')}<hs-logout-actions
        action="logout"
        .forget=${this.env.config.cookie}
        .note=${`${r('if login-by == mac-cookie')}${t('status.macCookieNote')}${r('endif')}`}
      ></hs-logout-actions>${r('endif')}
      ${r('if refresh-timeout')}<p class="lead">${t('status.refreshNote', { time: r('refresh-timeout') })}</p>${r('endif')}
    </section>`;
  }
}
