/**
 * A message box: errors are announced at once (role=alert), notes politely (role=status).
 * The text is a Lit text binding, so a hostile router value shows as characters and never as markup.
 */
import { HsElement } from '../hs-element.ts';
import { css, html, nothing } from 'lit';
import { base } from '../../theme/base.ts';

export type MessageKind = 'error' | 'warning' | 'info';

export class HsMessage extends HsElement {
  static override properties = {
    kind: { type: String, reflect: true },
    text: {},
    later: { type: Boolean },
  };
  declare kind: MessageKind;
  declare text: string;
  /** The page's script writes the text later: the box is rendered even while it has none. */
  declare later: boolean;

  static override styles = [
    base,
    css`
      div {
        margin: 0 0 1rem;
        padding: 0.75rem 1rem;
        border-radius: 0.5rem;
        border: 2px solid var(--hs-muted);
        overflow-wrap: anywhere;
      }
      :host([kind='error']) div {
        border-color: var(--hs-error);
        color: var(--hs-error);
        font-weight: 600;
      }
    `,
  ];

  constructor() {
    super();
    this.kind = 'info';
    this.text = '';
    this.later = false;
  }

  override render() {
    if (!this.text && !this.later) return nothing;
    return html`<div role=${this.kind === 'error' ? 'alert' : 'status'}>${this.text}</div>`;
  }
}

customElements.define('hs-message', HsMessage);

declare global {
  interface HTMLElementTagNameMap {
    'hs-message': HsMessage;
  }
}
