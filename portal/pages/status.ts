/**
 * status.html: who is logged in, for how long, how much data, what is left, and the way out.
 * Figures come from the raw counters; MAC logins get no logout button (as RouterOS's own page) and
 * a note saying why; cookie logins can also be forgotten (erase-cookie).
 */
import { LitElement, html, nothing } from 'lit';
import '../components/hs-logout-actions/hs-logout-actions.ts';
import '../components/hs-message/hs-message.ts';
import '../components/hs-status-figures/hs-status-figures.ts';
import type { HsEvent } from '../components/events.ts';
import { safeHttpUrl } from '../hotspot/links.ts';
import { readRouterValues } from '../hotspot/router-values.ts';
import { sendForm } from '../hotspot/send.ts';
import { formatSeconds } from '../i18n/format.ts';
import { LocaleController, t } from '../i18n/runtime.ts';
import { base } from '../theme/base.ts';
import texts from 'virtual:hotspot/i18n/status';
import { boot, config } from './shared/boot.ts';
import { sessionFigures } from './shared/figures.ts';
import { card } from './shared/page-styles.ts';

class HsStatusPage extends LitElement {
  static override properties = { busy: { state: true } };
  declare busy: boolean;
  static override styles = [base, card];
  private readonly i18n = new LocaleController(this);
  private readonly values = readRouterValues();

  constructor() {
    super();
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // status-autorefresh of the user profile: reload to show fresh counters.
    const secs = this.values.number('refresh-timeout-secs');
    if (secs) setTimeout(() => location.reload(), secs * 1000);
  }

  private get byMac(): boolean {
    return this.values.is('login-by', 'mac') || this.values.is('login-by-mac', 'yes');
  }

  override render() {
    const v = this.values;
    const trial = v.is('login-by', 'trial');
    const refresh = v.number('refresh-timeout-secs');
    return html`<section class="card" aria-labelledby="title">
      <h1 id="title">${t('status.title')}</h1>
      <p class="lead">${trial ? t('status.trialWelcome') : this.byMac || !v.get('username') ? '' : t('status.welcome', { username: v.get('username') })}</p>
      <hs-status-figures .items=${sessionFigures(v, { withIp: true, withLimits: true })}></hs-status-figures>
      ${this.byMac
        ? html`<hs-message kind="info" .text=${t('status.macNote')}></hs-message>`
        : html`<hs-logout-actions
            .forget=${config.cookie}
            .note=${v.is('login-by', 'mac-cookie') ? t('status.macCookieNote') : ''}
            .busy=${this.busy}
            @hs-logout=${this.onLogout}
          ></hs-logout-actions>`}
      ${refresh ? html`<p class="lead">${t('status.refreshNote', { time: formatSeconds(refresh) })}</p>` : nothing}
    </section>`;
  }

  private onLogout = (e: HsEvent<'hs-logout'>) => {
    const action = safeHttpUrl(this.values.get('link-logout'))?.href ?? 'logout';
    this.busy = sendForm(action, e.detail.forget ? { 'erase-cookie': 'on' } : {});
  };
}

void boot('hs-status-page', HsStatusPage, 'title.status', texts);
