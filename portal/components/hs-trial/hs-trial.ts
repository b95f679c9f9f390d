/**
 * The free trial as the build renders it into login.html: the offer (router says trial = yes) or the
 * "trial used up" note (trial = no), each inside the router's own `$(if …)`, so the router serves
 * the one that applies and the page needs no script to show it. The offer's button is disabled until
 * the page's second script (portal/pages/login-app.ts) wires it.
 */
import { HsElement } from '../hs-element.ts';
import { css, html } from 'lit';
import { t } from '../../i18n/runtime.ts';
import { routerMarkup as r } from '../../hotspot/page-env.ts';
import { base, buttons } from '../../theme/base.ts';

export class HsTrial extends HsElement {
  static override styles = [
    base,
    buttons,
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

  override render() {
    return html`${r('if trial == yes')}<div class="trial">
        <p>${t('trial.offer')}</p>
        <button type="button" class="secondary" disabled>${t('trial.button')}</button>
      </div>${r('endif')}${r('if trial == no')}<div class="trial"><p class="used" role="status">${t('trial.usedUp')}</p></div>${r('endif')}`;
  }
}

customElements.define('hs-trial', HsTrial);

declare global {
  interface HTMLElementTagNameMap {
    'hs-trial': HsTrial;
  }
}
