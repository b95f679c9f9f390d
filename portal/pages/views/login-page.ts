/**
 * The login page's view (login.html, also flogin): member / voucher login, terms gate, free trial, and
 * the router's error in the guest's language. How a login is sent is the entry's (`send`): the build
 * renders this view without one, the browser's entry gives it the shared CHAP path.
 */
import { css, html, nothing } from 'lit';
import { HsElement } from '../../components/hs-element.ts';
import '../../components/hs-login-form/hs-login-form.ts';
import '../../components/hs-message/hs-message.ts';
import '../../components/hs-terms/hs-terms.ts';
import '../../components/hs-trial/hs-trial.ts';
import type { HsEvent } from '../../components/events.ts';
import type { LoginMode } from '../../components/hs-login-form/hs-login-form.ts';
import type { LoginRequest } from '../../hotspot/login-submit.ts';
import { LocaleController, t } from '../../i18n/runtime.ts';
import { base } from '../../theme/base.ts';
import { pageEnv } from '../../hotspot/page-env.ts';
import { routerErrorText } from '../shared/error-text.ts';
import { card } from '../shared/page-styles.ts';

export class HsLoginPage extends HsElement {
  static override properties = {
    termsAccepted: { state: true },
    termsInvalid: { state: true },
    busy: { state: true },
    offline: { state: true },
  };
  declare termsAccepted: boolean;
  declare termsInvalid: boolean;
  declare busy: boolean;
  /** The last login could not reach the router: the guest is told, and may try again. */
  declare offline: boolean;

  static override styles = [
    base,
    card,
    css`
      hs-message[hidden] {
        display: none;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);
  private readonly env = pageEnv();
  private readonly mode: LoginMode;
  private readonly prefill: { username: string; voucher: string };

  constructor() {
    super();
    this.termsAccepted = false;
    this.termsInvalid = false;
    this.busy = false;
    this.offline = false;
    const { values, config, search } = this.env;
    const linkVoucher = search.get('voucher')?.trim() ?? '';
    const failed = values.get('username');
    // After a failed login the router echoes `var` (fact sheet §2.6): the form the guest used.
    const wanted = linkVoucher ? 'voucher' : values.get('var');
    this.mode = config.modes.find((m) => m === wanted) ?? config.defaultMode;
    this.prefill = {
      username: this.mode === 'member' ? failed : '',
      voucher: linkVoucher || (this.mode === 'voucher' ? failed : ''),
    };
  }

  /** Sends a login; the page's entry gives the real path. */
  protected send(_req: LoginRequest): boolean {
    return false;
  }

  /** The entry's send could not reach the router. */
  protected unreachable(): void {
    this.busy = false;
    this.offline = true;
  }

  /** Whether the terms were ticked for the login that just failed; the entry knows. */
  protected termsKept(): boolean {
    return false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.env.config.terms && this.termsKept()) this.termsAccepted = true;
  }

  /** Plain passwords travel readable unless the page came over TLS. */
  private get plainOverHttp(): boolean {
    return !this.env.chap && this.env.values.is('plain-passwd', 'yes') && location.protocol !== 'https:';
  }

  private get trialState(): 'available' | 'used' | '' {
    if (!this.env.config.trial) return '';
    const trial = this.env.values.get('trial');
    return trial === 'yes' ? 'available' : trial === 'no' ? 'used' : '';
  }

  override render() {
    const { config, server } = this.env;
    return html`<section class="card" aria-labelledby="title">
      <h1 id="title">${t('login.title')}</h1>
      <p class="lead">${t('login.intro')}</p>
      ${server ? nothing : html`<hs-message kind="error" .text=${routerErrorText(this.env.values)}></hs-message>`}
      ${
        // In the page as the build renders it, hidden until the first script needs it.
        server || this.offline
          ? html`<hs-message kind="error" data-hs="offline" ?hidden=${server} .text=${t('login.offline')}></hs-message>`
          : nothing
      }
      ${!server && this.plainOverHttp && config.modes.length ? html`<hs-message kind="warning" .text=${t('login.plainNote')}></hs-message>` : nothing}
      ${!server && config.https && !this.env.chap && location.protocol === 'https:' ? html`<hs-message .text=${t('login.secureNote')}></hs-message>` : nothing}
      ${
        config.terms
          ? html`<hs-terms
            .text=${t('brand.terms')}
            .href=${config.termsLink}
            .accepted=${this.termsAccepted}
            .invalid=${this.termsInvalid}
            @hs-terms-change=${(e: HsEvent<'hs-terms-change'>) => {
              this.termsAccepted = e.detail.accepted;
              if (this.termsAccepted) this.termsInvalid = false;
            }}
          ></hs-terms>`
          : nothing
      }
      ${
        config.modes.length
          ? html`<hs-login-form
            .modes=${config.modes}
            .mode=${this.mode}
            .username=${this.prefill.username}
            .voucher=${this.prefill.voucher}
            .busy=${this.busy}
            .ready=${!server}
            @hs-login=${this.onLogin}
            @hs-login-incomplete=${() => this.termsOk()}
          ></hs-login-form>`
          : nothing
      }
      ${server ? nothing : html`<hs-trial .state=${this.trialState} .busy=${this.busy} @hs-trial=${this.onTrial}></hs-trial>`}
    </section>`;
  }

  /** Every login needs the terms ticked first (when the brand has terms). */
  private termsOk(): boolean {
    if (!this.env.config.terms || this.termsAccepted) return true;
    this.termsInvalid = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector('hs-terms')?.focus());
    return false;
  }

  private onLogin = (e: HsEvent<'hs-login'>) => {
    if (!this.termsOk()) return;
    this.offline = false;
    this.busy = this.send({ mode: e.detail.mode, username: e.detail.username, password: e.detail.password });
  };

  private onTrial = () => {
    if (!this.termsOk()) return;
    this.offline = false;
    this.busy = this.send({ mode: 'trial' });
  };
}
