/** The terms-of-use checkbox that must be ticked before any login. Emits `hs-terms-change`. */
import { HsElement } from '../hs-element.ts';
import { css, html, nothing } from 'lit';
import { LocaleController, t } from '../../i18n/runtime.ts';
import { base } from '../../theme/base.ts';
import { emit } from '../events.ts';

export class HsTerms extends HsElement {
  static override shadowRootOptions = { ...HsElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    text: {},
    href: {},
    accepted: { type: Boolean },
    invalid: { type: Boolean, reflect: true },
  };
  declare text: string;
  /** The full terms, when the brand gives them (a page of the portal or an outside address). */
  declare href: string;
  declare accepted: boolean;
  declare invalid: boolean;

  static override styles = [
    base,
    css`
      .row {
        display: flex;
        gap: 0.625rem;
        align-items: flex-start;
        margin: 0 0 1rem;
      }
      input {
        flex: none;
        width: 1.5rem;
        height: 1.5rem;
        margin: 0;
        accent-color: var(--hs-primary);
      }
      label {
        overflow-wrap: anywhere;
      }
      .more {
        margin: -0.5rem 0 1rem;
        padding-inline-start: 2.125rem;
      }
      a {
        display: inline-block;
        padding: 0.25rem 0;
        color: var(--hs-primary);
        text-underline-offset: 0.15em;
      }
      .problem {
        color: var(--hs-error);
        font-weight: 600;
        margin: -0.5rem 0 1rem;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.text = '';
    this.href = '';
    this.accepted = false;
    this.invalid = false;
  }

  override render() {
    return html`<div class="row">
        <input
          id="accept"
          type="checkbox"
          .checked=${this.accepted}
          aria-invalid=${this.invalid ? 'true' : nothing}
          aria-describedby="problem"
          @change=${this.onChange}
        />
        <label for="accept">${this.text}</label>
      </div>
      ${this.href ? html`<p class="more"><a href=${this.href}>${t('terms.read')}</a></p>` : nothing}
      <p class="problem" id="problem" ?hidden=${!this.invalid}>${t('terms.required')}</p>`;
  }

  private onChange(e: Event) {
    this.accepted = (e.target as HTMLInputElement).checked;
    if (this.accepted) this.invalid = false;
    emit(this, 'hs-terms-change', { accepted: this.accepted });
  }
}

customElements.define('hs-terms', HsTerms);

declare global {
  interface HTMLElementTagNameMap {
    'hs-terms': HsTerms;
  }
}
