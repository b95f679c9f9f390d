/**
 * login.html (and flogin): member / voucher login by CHAP or PAP, free trial, terms gate, and the
 * router's error translated into the guest's language.
 */
import { LitElement, html, nothing } from 'lit';
import '../components/hs-login-form/hs-login-form.ts';
import '../components/hs-message/hs-message.ts';
import '../components/hs-terms/hs-terms.ts';
import '../components/hs-trial/hs-trial.ts';
import type { HsEvent } from '../components/events.ts';
import type { LoginMode } from '../components/hs-login-form/hs-login-form.ts';
import { readChap } from '../hotspot/chap.ts';
import { safeHttpUrl } from '../hotspot/links.ts';
import { loginFields, trialUsername } from '../hotspot/login.ts';
import { readRouterValues } from '../hotspot/router-values.ts';
import { sendForm } from '../hotspot/send.ts';
import { LocaleController, t } from '../i18n/runtime.ts';
import { base } from '../theme/base.ts';
import texts from 'virtual:hotspot/i18n/login';
import { boot, config } from './shared/boot.ts';
import { routerErrorText } from './shared/error-text.ts';
import { card } from './shared/page-styles.ts';

const values = readRouterValues();

class HsLoginPage extends LitElement {
  static override properties = {
    termsAccepted: { state: true },
    termsInvalid: { state: true },
    busy: { state: true },
  };
  declare termsAccepted: boolean;
  declare termsInvalid: boolean;
  declare busy: boolean;

  static override styles = [base, card];

  private readonly i18n = new LocaleController(this);
  private readonly values = values;
  private readonly chap = readChap();
  private readonly mode: LoginMode;
  private readonly prefill: { username: string; voucher: string };

  constructor() {
    super();
    this.termsAccepted = false;
    this.termsInvalid = false;
    this.busy = false;
    const linkVoucher = new URLSearchParams(location.search).get('voucher')?.trim() ?? '';
    const failed = this.values.get('username');
    // After a failed login the router echoes `var` (fact sheet §2.6): the form the guest used.
    const wanted = linkVoucher ? 'voucher' : this.values.get('var');
    this.mode = config.modes.find((m) => m === wanted) ?? config.defaultMode;
    this.prefill = {
      username: this.mode === 'member' ? failed : '',
      voucher: linkVoucher || (this.mode === 'voucher' ? failed : ''),
    };
  }

  /** Plain passwords travel readable unless the page came over TLS. */
  private get plainOverHttp(): boolean {
    return !this.chap && this.values.is('plain-passwd', 'yes') && location.protocol !== 'https:';
  }

  private get trialState(): 'available' | 'used' | '' {
    if (!config.trial) return '';
    const trial = this.values.get('trial');
    return trial === 'yes' ? 'available' : trial === 'no' ? 'used' : '';
  }

  override render() {
    return html`<section class="card" aria-labelledby="title">
      <h1 id="title">${t('login.title')}</h1>
      <p class="lead">${t('login.intro')}</p>
      <hs-message kind="error" .text=${routerErrorText(this.values)}></hs-message>
      ${this.plainOverHttp && config.modes.length ? html`<hs-message kind="warning" .text=${t('login.plainNote')}></hs-message>` : nothing}
      ${config.https && !this.chap && location.protocol === 'https:' ? html`<hs-message .text=${t('login.secureNote')}></hs-message>` : nothing}
      ${config.terms
        ? html`<hs-terms
            .text=${t('brand.terms')}
            .accepted=${this.termsAccepted}
            .invalid=${this.termsInvalid}
            @hs-terms-change=${(e: HsEvent<'hs-terms-change'>) => {
              this.termsAccepted = e.detail.accepted;
              if (this.termsAccepted) this.termsInvalid = false;
            }}
          ></hs-terms>`
        : nothing}
      ${config.modes.length
        ? html`<hs-login-form
            .modes=${config.modes}
            .mode=${this.mode}
            .username=${this.prefill.username}
            .voucher=${this.prefill.voucher}
            .busy=${this.busy}
            @hs-login=${this.onLogin}
          ></hs-login-form>`
        : nothing}
      <hs-trial .state=${this.trialState} .busy=${this.busy} @hs-trial=${this.onTrial}></hs-trial>
    </section>`;
  }

  /** Every login needs the terms ticked first (when the brand has terms). */
  private termsOk(): boolean {
    if (!config.terms || this.termsAccepted) return true;
    this.termsInvalid = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector('hs-terms')?.focus());
    return false;
  }

  private dst(): string {
    return safeHttpUrl(this.values.get('link-orig'))?.href ?? '';
  }

  private action(): string {
    return this.values.get('link-login-only') || 'login';
  }

  private onLogin = (e: HsEvent<'hs-login'>) => {
    if (!this.termsOk()) return;
    const fields = loginFields({ username: e.detail.username, password: e.detail.password }, this.chap, this.dst());
    this.busy = sendForm(this.action(), { ...fields, var: e.detail.mode });
  };

  private onTrial = () => {
    if (!this.termsOk()) return;
    const mac = this.values.get('mac');
    if (!mac) return;
    this.busy = sendForm(this.action(), { username: trialUsername(mac), dst: this.dst(), popup: 'false' });
  };
}

void boot('hs-login-page', HsLoginPage, 'title.login', texts, Boolean(values.get('error')));
