/** Language switcher: a labelled native select (works with every screen reader). Emits `hs-locale-change`. */
import { HsElement } from '../hs-element.ts';
import { css, html } from 'lit';
import { LocaleController, t } from '../../i18n/runtime.ts';
import { base, visuallyHidden } from '../../theme/base.ts';
import { emit } from '../events.ts';

export interface PickerLocale {
  code: string;
  name: string;
}

export class HsLanguagePicker extends HsElement {
  static override properties = {
    locales: { attribute: false },
    value: {},
  };
  declare locales: readonly PickerLocale[];
  declare value: string;

  static override styles = [
    base,
    visuallyHidden,
    css`
      /* Compact: the select alone (its label is for screen readers), so it never takes a row of its own. */
      :host {
        font-size: 0.875rem;
      }
      select {
        width: 100%;
        font: inherit;
        min-height: 2.75rem;
        padding: 0.25rem 0.5rem;
        color: var(--hs-text);
        background: var(--hs-surface);
        border: 1px solid var(--hs-muted);
        border-radius: 0.5rem;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.locales = [];
    this.value = '';
  }

  override render() {
    if (this.locales.length < 2) return html``;
    return html`<label class="sr" for="lang">${t('common.language')}</label>
      <select id="lang" @change=${this.onChange}>
        ${this.locales.map((l) => html`<option value=${l.code} lang=${l.code} ?selected=${l.code === this.value}>${l.name}</option>`)}
      </select>`;
  }

  private onChange(e: Event) {
    this.value = (e.target as HTMLSelectElement).value;
    emit(this, 'hs-locale-change', { locale: this.value });
  }
}

customElements.define('hs-language-picker', HsLanguagePicker);

declare global {
  interface HTMLElementTagNameMap {
    'hs-language-picker': HsLanguagePicker;
  }
}
