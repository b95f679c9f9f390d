/**
 * "Log out" and, when cookie login is on, "Log out and forget this device": a real form posting to the
 * router, so it works before (and without) the page's script. Emits `hs-logout` first; a page that
 * cancels it sends the logout its own way.
 */
import { HsElement } from '../hs-element.ts';
import { css, html, nothing } from 'lit';
import { LocaleController, t } from '../../i18n/runtime.ts';
import { base, buttons, controls } from '../../theme/base.ts';
import { emit } from '../events.ts';

export class HsLogoutActions extends HsElement {
  static override properties = {
    action: {},
    forget: { type: Boolean },
    note: {},
    busy: { type: Boolean },
  };
  /** Where the form posts (the router's link-logout). */
  declare action: string;
  /** Offer "forget this device" (erase-cookie). */
  declare forget: boolean;
  /** Extra note above the buttons (e.g. MAC-cookie logins end too). */
  declare note: string;
  declare busy: boolean;
  static override styles = [base, controls, buttons, css`form { margin: 0; }`];
  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.action = 'logout';
    this.forget = false;
    this.note = '';
    this.busy = false;
  }

  override render() {
    return html`${this.note ? html`<p class="hint">${this.note}</p>` : nothing}
      <form method="post" action=${this.action} @submit=${this.onSubmit}>
        <button type="submit" class="secondary" ?disabled=${this.busy}>${t('status.logout')}</button>
        ${
          this.forget
            ? html`<button type="submit" class="secondary" name="erase-cookie" value="on" aria-describedby="forget-hint" ?disabled=${this.busy}>
                ${t('status.forget')}
              </button>
              <p class="hint" id="forget-hint">${t('status.forgetHint')}</p>`
            : nothing
        }
      </form>`;
  }

  private onSubmit(e: SubmitEvent) {
    const forget = (e.submitter as HTMLButtonElement | null)?.name === 'erase-cookie';
    if (!emit(this, 'hs-logout', { forget })) e.preventDefault();
  }
}

customElements.define('hs-logout-actions', HsLogoutActions);

declare global {
  interface HTMLElementTagNameMap {
    'hs-logout-actions': HsLogoutActions;
  }
}
