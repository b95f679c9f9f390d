/**
 * Session figures as a description list. Byte counts carry the raw number in `<data value>` and
 * durations an ISO duration in `<time datetime>`, next to the human text.
 */
import { HsElement } from '../hs-element.ts';
import { css, html, nothing } from 'lit';
import { routerMarkup } from '../../hotspot/page-env.ts';
import { base } from '../../theme/base.ts';

export interface Figure {
  /** Stable name for styling and tests, e.g. "download". */
  name: string;
  label: string;
  text: string;
  /** Raw bytes or seconds behind the text (as the build renders a page: the RouterOS markup the router fills with it). */
  value?: number | string;
  /** The allowance `value` is left of (time or data left): shown as a bar too. */
  max?: number;
  kind: 'bytes' | 'duration' | 'text';
  /** Only as the build renders a page: the RouterOS variable that must be set for the row to show. */
  when?: string;
}

export class HsStatusFigures extends HsElement {
  static override properties = {
    items: { attribute: false },
  };
  declare items: readonly Figure[];

  static override styles = [
    base,
    css`
      dl {
        margin: 0 0 1rem;
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 1px;
        background: var(--hs-muted);
        border: 1px solid var(--hs-muted);
        border-radius: 0.5rem;
        overflow: hidden;
      }
      div {
        background: var(--hs-surface);
        padding: 0.5rem 0.75rem;
      }
      /* An odd last figure takes the whole row, so no empty cell shows the grid's lines colour. */
      div:last-child:nth-child(odd) {
        grid-column: 1 / -1;
      }
      dt {
        font-size: 0.875rem;
        color: var(--hs-muted);
      }
      progress {
        display: block;
        width: 100%;
        height: 0.5rem;
        margin-top: 0.25rem;
        accent-color: var(--hs-primary);
      }
      dd {
        margin: 0;
        font-size: 1.125rem;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
    `,
  ];

  constructor() {
    super();
    this.items = [];
  }

  override render() {
    return html`<dl>
      ${this.items.map(
        (f) => html`${f.when ? routerMarkup(`if ${f.when}`) : nothing}<div data-figure=${f.name}>
          <dt>${f.label}</dt>
          <dd>
            ${
              f.kind === 'bytes' && f.value !== undefined
                ? html`<data value=${f.value}>${f.text}</data>`
                : f.kind === 'duration' && f.value !== undefined
                  ? html`<time datetime=${`PT${f.value}S`}>${f.text}</time>`
                  : f.text
            }
            ${f.max !== undefined && f.value !== undefined ? html`<progress value=${f.value} max=${f.max} aria-label=${f.label}></progress>` : nothing}
          </dd>
        </div>${f.when ? routerMarkup('endif') : nothing}`,
      )}
    </dl>`;
  }
}

customElements.define('hs-status-figures', HsStatusFigures);

declare global {
  interface HTMLElementTagNameMap {
    'hs-status-figures': HsStatusFigures;
  }
}
