/**
 * The gallery at /__gallery: every page in every state of tools/dev/gallery-states.ts side by side at
 * phone size, each from its own simulated router, in the language picked at the top. Each caption
 * opens that state in the workbench.
 */
import { LitElement, css, html } from 'lit';
import { GALLERY } from '../gallery-states.ts';
import { stateFromQuery, stateToQuery, viewUrl, VIEWPORTS, type DevMeta, type DevState } from '../state.ts';
import { applyLocale, fetchMeta } from './api.ts';
import { SCHEME_CHOICES } from './options.ts';
import './hs-dev-frame.ts';

class HsDevGallery extends LitElement {
  static override properties = {
    meta: { state: true },
    locale: { state: true },
    scheme: { state: true },
  };
  declare meta: DevMeta | undefined;
  declare locale: string;
  declare scheme: DevState['scheme'];

  static override styles = css`
    :host {
      display: block;
      padding: 1rem;
      font: 14px/1.4 system-ui, sans-serif;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      align-items: center;
      margin-bottom: 1rem;
    }
    h1 {
      font-size: 1.25rem;
      margin: 0;
    }
    select {
      font: inherit;
      min-height: 2rem;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 1.5rem;
    }
    figure {
      margin: 0;
    }
    figcaption {
      margin-top: 0.375rem;
      max-width: 360px;
    }
    :focus-visible {
      outline: 3px solid Highlight;
      outline-offset: 1px;
    }
  `;

  constructor() {
    super();
    this.meta = undefined;
    // The view fields of a workbench query (?locale=ar&scheme=dark): a gallery link keeps them.
    const view = stateFromQuery(location.search);
    this.locale = view.locale;
    this.scheme = view.scheme;
    applyLocale(this.locale);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void fetchMeta().then((m) => (this.meta = m));
  }

  private onLocale(e: Event) {
    this.locale = (e.target as HTMLSelectElement).value;
    applyLocale(this.locale);
    this.keepInUrl();
  }

  private onScheme(e: Event) {
    this.scheme = (e.target as HTMLSelectElement).value as DevState['scheme'];
    this.keepInUrl();
  }

  private keepInUrl() {
    const q = new URLSearchParams();
    if (this.locale) q.set('locale', this.locale);
    if (this.scheme) q.set('scheme', this.scheme);
    history.replaceState(null, '', q.size ? `?${q}` : location.pathname);
  }

  override render() {
    const phone = VIEWPORTS.phone;
    return html`<header aria-label="Gallery">
        <h1>${this.meta?.brand ?? 'Portal'}: every page in every state</h1>
        <label
          >Language
          <select @change=${this.onLocale}>
            <option value="" ?selected=${!this.locale}>Guest's browser</option>
            ${(this.meta?.locales ?? []).map((l) => html`<option value=${l.code} ?selected=${l.code === this.locale}>${l.name}${l.dir === 'rtl' ? ' (right to left)' : ''}</option>`)}
          </select>
        </label>
        <label
          >Colours (device setting)
          <select @change=${this.onScheme}>
            ${SCHEME_CHOICES.map((c) => html`<option value=${c.value} ?selected=${c.value === this.scheme}>${c.label}</option>`)}
          </select>
        </label>
        <a href="/__dev/">Workbench</a>
      </header>
      <main aria-label="Every page in every state">
        <ul>
        ${GALLERY.map((g) => {
          const state = { ...g.state, locale: this.locale, scheme: this.scheme };
          return html`<li>
            <figure data-gallery=${g.name}>
              <hs-dev-frame .src=${viewUrl(state)} .size=${phone} .js=${state.js} .reloadKey=${this.locale} label=${g.label}></hs-dev-frame>
              <figcaption><a href=${`/__dev/?${stateToQuery(state)}`}>${g.label}</a></figcaption>
            </figure>
          </li>`;
        })}
        </ul>
      </main>`;
  }
}

customElements.define('hs-dev-gallery', HsDevGallery);
