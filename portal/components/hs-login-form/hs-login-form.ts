/**
 * The login form: member mode (username + password) and voucher mode (one code), switchable when both
 * are enabled. It never submits anything itself: it emits `hs-login` with what was typed, and the
 * page decides how it travels (CHAP hash or plain), so the typed password never leaves the page here.
 */
import { HsElement } from '../hs-element.ts';
import { css, html, nothing } from 'lit';
import { LocaleController, t } from '../../i18n/runtime.ts';
import { base, controls, visuallyHidden } from '../../theme/base.ts';
import { icons, iconStyles } from '../../theme/icons.ts';
import { emit } from '../events.ts';

export type LoginMode = 'member' | 'voucher';

export class HsLoginForm extends HsElement {
  static override properties = {
    modes: { attribute: false },
    mode: { type: String, reflect: true },
    username: {},
    voucher: {},
    busy: { type: Boolean },
    ready: { type: Boolean },
    problem: { state: true },
    reveal: { state: true },
  };
  declare modes: readonly LoginMode[];
  declare mode: LoginMode;
  /** Pre-filled user name (the router echoes it back after a failed login). */
  declare username: string;
  /** Pre-filled voucher code (from a `?voucher=` link or a failed voucher login). */
  declare voucher: string;
  declare busy: boolean;
  /** False in the page as the build renders it: the page's script enables the button once it can send. */
  declare ready: boolean;
  declare problem: '' | 'credentials' | 'voucher';
  /** The password shows as text (the guest pressed "Show password"). */
  declare reveal: boolean;

  static override styles = [
    base,
    controls,
    iconStyles,
    visuallyHidden,
    css`
      #password {
        padding-inline-end: 3rem;
      }
      /* Inside the password field's end, so it takes no room and nothing moves when it appears. */
      button.reveal {
        position: absolute;
        inset-inline-end: 0;
        top: 0;
        width: 2.75rem;
        min-height: 2.75rem;
        margin: 0;
        padding: 0;
        display: grid;
        place-items: center;
        color: var(--hs-muted);
        background: none;
        border: 0;
      }
      button.reveal[aria-pressed='true'] {
        color: var(--hs-primary);
      }
      [aria-pressed='false'] .off {
        display: none;
      }
      fieldset {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1.5rem;
        margin: 0 0 0.5rem;
        padding: 0;
        border: 0;
      }
      legend {
        font-weight: 600;
        padding: 0;
      }
      label.mode {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        min-height: 2.75rem;
        margin: 0;
      }
      label.mode input {
        width: 1.25rem;
        height: 1.25rem;
        margin: 0;
        accent-color: var(--hs-primary);
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.modes = ['member'];
    this.mode = 'member';
    this.username = '';
    this.voucher = '';
    this.busy = false;
    this.ready = true;
    this.problem = '';
    this.reveal = false;
  }

  // The show-password button's name is text (a .sr span), not aria-label, so that a lookup of the
  // password by its label finds the field alone.
  override render() {
    const member = this.mode === 'member';
    return html`
      ${
        this.modes.length > 1
          ? html`<fieldset>
            <legend>${t('login.modeLegend')}</legend>
            ${this.modes.map(
              (m) => html`<label class="mode"
                ><input type="radio" id=${`mode-${m}`} name="mode" value=${m} ?checked=${this.mode === m} .checked=${this.mode === m} @change=${() => this.switchMode(m)} />${t(
                  m === 'member' ? 'login.modeMember' : 'login.modeVoucher',
                )}</label
              >`,
            )}
          </fieldset>`
          : nothing
      }
      <form novalidate @submit=${this.onSubmit}>
        ${
          member
            ? html`<label for="username">${t('login.username')}</label>
              <div class="field">
                ${icons.user}
                <input
                  id="username"
                  name="username"
                  type="text"
                  autocomplete="username"
                  autocapitalize="none"
                  spellcheck="false"
                  .value=${this.username}
                  aria-invalid=${this.problem === 'credentials' ? 'true' : 'false'}
                />
              </div>
              <label for="password">${t('login.password')}</label>
              <div class="field">
                ${icons.lock}
                <input
                  id="password"
                  name="password"
                  type=${this.reveal ? 'text' : 'password'}
                  autocomplete="current-password"
                  aria-invalid=${this.problem === 'credentials' ? 'true' : 'false'}
                />
                <button
                  type="button"
                  class="reveal"
                  aria-pressed=${this.reveal ? 'true' : 'false'}
                  aria-controls="password"
                  ?hidden=${!this.ready}
                  @click=${() => (this.reveal = !this.reveal)}
                >
                  ${icons.eye}<span class="sr">${t('login.showPassword')}</span>
                </button>
              </div>`
            : html`<label for="voucher">${t('login.voucher')}</label>
              <div class="field">
                ${icons.ticket}
                <input
                  id="voucher"
                  name="voucher"
                  type="text"
                  autocomplete="off"
                  autocapitalize="none"
                  spellcheck="false"
                  aria-describedby="voucher-hint"
                  .value=${this.voucher}
                  aria-invalid=${this.problem === 'voucher' ? 'true' : 'false'}
                />
              </div>
              <p class="hint" id="voucher-hint">${t('login.voucherHint')}</p>`
        }
        ${
          this.ready
            ? html`<p class="problem" role="alert">${this.problem ? t(this.problem === 'voucher' ? 'login.needVoucher' : 'login.needCredentials') : ''}</p>`
            : // As the build renders the form, the page's first script shows this one when a field is empty.
              html`<p class="problem" role="alert" hidden>${t(member ? 'login.needCredentials' : 'login.needVoucher')}</p>`
        }
        <button type="submit" ?disabled=${this.busy || !this.ready}>${this.busy ? t('login.sending') : t('login.submit')}</button>
      </form>
    `;
  }

  private field(id: string): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${id}`);
  }

  private switchMode(mode: LoginMode) {
    this.mode = mode;
    this.problem = '';
    emit(this, 'hs-mode-change', { mode });
  }

  private onSubmit(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
    if (this.mode === 'member') {
      const user = this.field('username');
      const pass = this.field('password');
      const username = user?.value.trim() ?? '';
      const password = pass?.value ?? '';
      if (!username || !password) {
        this.problem = 'credentials';
        (username ? pass : user)?.focus();
        emit(this, 'hs-login-incomplete', {});
        return;
      }
      this.problem = '';
      // Hidden again as it leaves: a shown password is not left on screen while the page moves on.
      this.reveal = false;
      emit(this, 'hs-login', { mode: 'member', username, password });
    } else {
      const input = this.field('voucher');
      const code = input?.value.trim() ?? '';
      if (!code) {
        this.problem = 'voucher';
        input?.focus();
        emit(this, 'hs-login-incomplete', {});
        return;
      }
      this.problem = '';
      emit(this, 'hs-login', { mode: 'voucher', username: code, password: code });
    }
  }
}

customElements.define('hs-login-form', HsLoginForm);

declare global {
  interface HTMLElementTagNameMap {
    'hs-login-form': HsLoginForm;
  }
}
