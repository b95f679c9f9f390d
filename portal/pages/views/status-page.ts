/**
 * status.html's view: who is logged in, for how long, how much data, what is left, and the way out.
 * Figures come from the raw counters; MAC logins get no logout button (as RouterOS's own page) and a
 * note saying why; cookie logins can also be forgotten (erase-cookie). As the build renders it
 * (without JavaScript) the router fills the figures and the logout buttons are a plain form.
 */
import { html, nothing } from 'lit';
import { HsElement } from '../../components/hs-element.ts';
import '../../components/hs-logout-actions/hs-logout-actions.ts';
import '../../components/hs-message/hs-message.ts';
import '../../components/hs-status-figures/hs-status-figures.ts';
import type { HsEvent } from '../../components/events.ts';
import { safeHttpUrl } from '../../hotspot/links.ts';
import { pageEnv, routerMarkup } from '../../hotspot/page-env.ts';
import { sendForm } from '../../hotspot/send.ts';
import { formatSeconds } from '../../i18n/format.ts';
import { LocaleController, t } from '../../i18n/runtime.ts';
import { base } from '../../theme/base.ts';
import { sessionFigures } from '../shared/figures.ts';
import { card } from '../shared/page-styles.ts';

export class HsStatusPage extends HsElement {
  static override properties = { busy: { state: true } };
  declare busy: boolean;
  static override styles = [base, card];
  private readonly i18n = new LocaleController(this);
  private readonly env = pageEnv();

  constructor() {
    super();
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // status-autorefresh of the user profile: reload to show fresh counters.
    const secs = this.env.values.number('refresh-timeout-secs');
    if (secs) setTimeout(() => location.reload(), secs * 1000);
  }

  private get byMac(): boolean {
    const v = this.env.values;
    return v.is('login-by', 'mac') || v.is('login-by-mac', 'yes');
  }

  private welcome(): string {
    const v = this.env.values;
    // The user name is the guest's own choice: as the build renders it, only its URL-encoded form is safe.
    if (this.env.server) return t('status.welcome', { username: routerMarkup('username-esc') });
    if (v.is('login-by', 'trial')) return t('status.trialWelcome');
    return this.byMac || !v.get('username') ? '' : t('status.welcome', { username: v.get('username') });
  }

  override render() {
    const v = this.env.values;
    const refresh = v.number('refresh-timeout-secs');
    return html`<section class="card" aria-labelledby="title">
      <h1 id="title">${t('status.title', { brand: this.env.config.brand })}</h1>
      <p class="lead">${this.welcome()}</p>
      <hs-status-figures .items=${sessionFigures(v, { withIp: true, withLimits: true })}></hs-status-figures>
      ${
        this.byMac
          ? html`<hs-message kind="info" .text=${t('status.macNote')}></hs-message>`
          : html`<hs-logout-actions
            .action=${(!this.env.server && safeHttpUrl(v.get('link-logout'))?.href) || 'logout'}
            .forget=${this.env.config.cookie}
            .note=${v.is('login-by', 'mac-cookie') ? t('status.macCookieNote') : ''}
            .busy=${this.busy}
            @hs-logout=${this.onLogout}
          ></hs-logout-actions>`
      }
      ${refresh ? html`<p class="lead">${t('status.refreshNote', { time: formatSeconds(refresh) })}</p>` : nothing}
    </section>`;
  }

  private onLogout = (e: HsEvent<'hs-logout'>) => {
    e.preventDefault();
    const action = safeHttpUrl(this.env.values.get('link-logout'))?.href ?? 'logout';
    this.busy = sendForm(action, e.detail.forget ? { 'erase-cookie': 'on' } : {});
  };
}
