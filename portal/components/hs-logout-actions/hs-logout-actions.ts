/** "Log out" and, when cookie login is on, "Log out and forget this device". Emits `hs-logout`. */
import { LitElement, html, nothing } from 'lit';
import { LocaleController, t } from '../../i18n/runtime.ts';
import { base, controls } from '../../theme/base.ts';
import { emit } from '../events.ts';

export class HsLogoutActions extends LitElement {
  static override properties = {
    forget: { type: Boolean },
    note: {},
    busy: { type: Boolean },
  };
  /** Offer "forget this device" (erase-cookie). */
  declare forget: boolean;
  /** Extra note above the buttons (e.g. MAC-cookie logins end too). */
  declare note: string;
  declare busy: boolean;

  static override styles = [base, controls];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.forget = false;
    this.note = '';
    this.busy = false;
  }

  override render() {
    return html`${this.note ? html`<p class="hint">${this.note}</p>` : nothing}
      <button type="button" ?disabled=${this.busy} @click=${() => emit(this, 'hs-logout', { forget: false })}>${t('status.logout')}</button>
      ${this.forget
        ? html`<button type="button" class="secondary" aria-describedby="forget-hint" ?disabled=${this.busy} @click=${() => emit(this, 'hs-logout', { forget: true })}>
              ${t('status.forget')}
            </button>
            <p class="hint" id="forget-hint">${t('status.forgetHint')}</p>`
        : nothing}`;
  }
}

customElements.define('hs-logout-actions', HsLogoutActions);

declare global {
  interface HTMLElementTagNameMap {
    'hs-logout-actions': HsLogoutActions;
  }
}
