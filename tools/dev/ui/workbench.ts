/**
 * The workbench at /__dev/: the toolbar beside the page it describes. The state lives in the
 * workbench's URL (so a view can be bookmarked, and survives the reload an edit triggers); the page
 * is served by the state's own simulated router at its view URL.
 */
import { LitElement, css, html } from 'lit';
import { scenarioKey, stateFromQuery, stateToQuery, viewUrl, VIEWPORTS, type DevMeta, type DevState } from '../state.ts';
import { applyLocale, fetchInfo, fetchMeta, type ScenarioInfo } from './api.ts';
import type { HsDevEvent } from './events.ts';
import './hs-dev-frame.ts';
import './hs-dev-toolbar.ts';

class HsDevWorkbench extends LitElement {
  static override properties = {
    state: { state: true },
    meta: { state: true },
    info: { state: true },
    problem: { state: true },
  };
  declare state: DevState;
  declare meta: DevMeta | undefined;
  declare info: ScenarioInfo | undefined;
  declare problem: string;

  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: minmax(15rem, 19rem) 1fr;
      height: 100vh;
    }
    aside {
      overflow: auto;
      padding: 0.75rem;
      border-inline-end: 1px solid color-mix(in srgb, CanvasText 20%, transparent);
    }
    main {
      overflow: auto;
      padding: 1rem;
      background: color-mix(in srgb, CanvasText 6%, Canvas);
    }
    p {
      font: 13px system-ui, sans-serif;
      margin: 0 0 0.5rem;
    }
  `;

  constructor() {
    super();
    this.state = stateFromQuery(location.search);
    this.meta = undefined;
    this.info = undefined;
    this.problem = '';
    applyLocale(this.state.locale);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    fetchMeta().then(
      (m) => (this.meta = m),
      (e: unknown) => (this.problem = String(e)),
    );
  }

  private onChange = (e: HsDevEvent<'hs-dev-change'>) => {
    this.state = e.detail.state;
    applyLocale(this.state.locale);
    const query = stateToQuery(this.state);
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
  };

  private onLoad = () => {
    fetchInfo(scenarioKey(this.state)).then(
      (i) => (this.info = i),
      () => (this.info = undefined),
    );
  };

  override render() {
    const size = VIEWPORTS[this.state.viewport];
    return html`<aside aria-label="Toolbar">
        <hs-dev-toolbar .state=${this.state} .meta=${this.meta} .info=${this.info} @hs-dev-change=${this.onChange}></hs-dev-toolbar>
      </aside>
      <main aria-label="Page preview">
        ${this.problem ? html`<p role="alert">${this.problem}</p>` : ''}
        <p>${size.label} · <code>${viewUrl(this.state)}</code></p>
        <hs-dev-frame
          .src=${viewUrl(this.state)}
          .size=${size}
          .js=${this.state.js}
          .reloadKey=${this.state.locale}
          label="Portal page"
          @hs-dev-frame-load=${this.onLoad}
        ></hs-dev-frame>
      </main>`;
  }
}

customElements.define('hs-dev-workbench', HsDevWorkbench);
