/** The free-trial offer (router says trial = yes) or the "trial used up" note (trial = no). Emits `hs-trial`. */
import { HsElement } from '../hs-element.ts';
import { css, html, nothing } from 'lit';
import { LocaleController, t } from '../../i18n/runtime.ts';
import { base, controls } from '../../theme/base.ts';
import { emit } from '../events.ts';

export class HsTrial extends HsElement {
  static override properties = {
    state: {},
    busy: { type: Boolean },
  };
  declare state: 'available' | 'used' | '';
  declare busy: boolean;

  static override styles = [
    base,
    controls,
    css`
      .trial {
        margin-top: 1.5rem;
        padding-top: 1rem;
        border-top: 1px solid var(--hs-muted);
      }
      .used {
        color: var(--hs-muted);
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.state = '';
    this.busy = false;
  }

  override render() {
    if (this.state === 'available') {
      return html`<div class="trial">
        <p>${t('trial.offer')}</p>
        <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => emit(this, 'hs-trial', {})}>${t('trial.button')}</button>
      </div>`;
    }
    if (this.state === 'used') return html`<div class="trial"><p class="used" role="status">${t('trial.usedUp')}</p></div>`;
    return nothing;
  }
}

customElements.define('hs-trial', HsTrial);

declare global {
  interface HTMLElementTagNameMap {
    'hs-trial': HsTrial;
  }
}
