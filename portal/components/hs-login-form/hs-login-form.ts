/**
 * The login form as the build renders it into login.html: member mode (username + password) and
 * voucher mode (one code), both in the page, the one not chosen hidden, so the page's first script
 * (portal/pages/login.ts) switches between them and sends what was typed (CHAP hash or plain) without
 * rendering anything. The submit button is disabled until that script can send; the show-password
 * toggle is hidden until the page's second script wires it.
 */
import { HsElement } from '../hs-element.ts';
import { css, html, nothing } from 'lit';
import { t } from '../../i18n/runtime.ts';
import { base, buttons, controls, visuallyHidden } from '../../theme/base.ts';
import { icons, iconStyles } from '../../theme/icons.ts';

export type LoginMode = 'member' | 'voucher';

export class HsLoginForm extends HsElement {
  static override properties = {
    modes: { attribute: false },
    mode: { type: String },
  };
  declare modes: readonly LoginMode[];
  /** The mode shown first. */
  declare mode: LoginMode;

  static override styles = [
    base,
    controls,
    buttons,
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

  constructor() {
    super();
    this.modes = ['member'];
    this.mode = 'member';
  }

  // Fields carry aria-invalid only once the first script found them missing (absent: valid).
  // The show-password button's name is text (a .sr span), not aria-label, so that a lookup of the
  // password by its label finds the field alone.
  private fields(mode: LoginMode) {
    return mode === 'member'
      ? html`<label for="username">${t('login.username')}</label>
          <div class="field">
            ${icons.user}
            <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" />
          </div>
          <label for="password">${t('login.password')}</label>
          <div class="field">
            ${icons.lock}
            <input id="password" name="password" type="password" autocomplete="current-password" />
            <button type="button" class="reveal" aria-pressed="false" aria-controls="password" hidden>
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
            />
          </div>
          <p class="hint" id="voucher-hint">${t('login.voucherHint')}</p>`;
  }

  override render() {
    return html`
      ${
        this.modes.length > 1
          ? html`<fieldset>
            <legend>${t('login.modeLegend')}</legend>
            ${this.modes.map(
              (m) => html`<label class="mode"
                ><input type="radio" id=${`mode-${m}`} name="mode" value=${m} ?checked=${this.mode === m} />${t(
                  m === 'member' ? 'login.modeMember' : 'login.modeVoucher',
                )}</label
              >`,
            )}
          </fieldset>`
          : nothing
      }
      <form novalidate>
        ${this.modes.map(
          (m) =>
            html`<div data-mode=${m} ?hidden=${m !== this.mode}>
              ${this.fields(m)}
              <p class="problem" role="alert" hidden>${t(m === 'member' ? 'login.needCredentials' : 'login.needVoucher')}</p>
            </div>`,
        )}
        <button type="submit" disabled>${t('login.submit')}</button>
      </form>
    `;
  }
}

customElements.define('hs-login-form', HsLoginForm);

declare global {
  interface HTMLElementTagNameMap {
    'hs-login-form': HsLoginForm;
  }
}
