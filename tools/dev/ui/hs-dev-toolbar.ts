/**
 * The dev toolbar: every switch of a page's state, as labelled native controls in groups. It holds no
 * state of its own: `state` comes in, and each change goes out as `hs-dev-change` with the whole new
 * state (made coherent, so the page it names can show). `info` is what the simulated router served.
 */
import { LitElement, css, html, nothing } from 'lit';
import { coherent, megabytes, viewUrl, type DevMeta, type DevState } from '../state.ts';
import { emitDev } from './events.ts';
import { addMinutes, choices, type Choice } from './options.ts';
import type { ScenarioInfo } from './api.ts';

type Field = Exclude<keyof DevState, 'js'>;
const NUMBER_FIELDS = new Set<keyof DevState>(['limitBytes', 'download', 'upload']);

export class HsDevToolbar extends LitElement {
  static override properties = {
    state: { attribute: false },
    meta: { attribute: false },
    info: { attribute: false },
  };
  declare state: DevState;
  declare meta: DevMeta | undefined;
  declare info: ScenarioInfo | undefined;

  static override styles = css`
    :host {
      display: block;
      font: 14px/1.4 system-ui, sans-serif;
    }
    h1 {
      font-size: 1rem;
      margin: 0 0 0.5rem;
    }
    fieldset {
      border: 1px solid color-mix(in srgb, CanvasText 25%, transparent);
      border-radius: 6px;
      margin: 0 0 0.625rem;
      padding: 0.375rem 0.625rem 0.625rem;
    }
    legend {
      font-weight: 700;
      padding: 0 0.25rem;
    }
    label {
      display: block;
      margin-top: 0.375rem;
    }
    select {
      display: block;
      width: 100%;
      font: inherit;
      min-height: 2rem;
    }
    .row {
      display: flex;
      gap: 0.375rem;
      align-items: end;
    }
    .row > :first-child {
      flex: 1;
    }
    button {
      font: inherit;
      min-height: 2rem;
      white-space: nowrap;
    }
    .check {
      display: flex;
      gap: 0.375rem;
      align-items: center;
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      margin: 0 0 0.625rem;
    }
    :focus-visible {
      outline: 3px solid Highlight;
      outline-offset: 1px;
    }
    ol {
      margin: 0;
      padding-inline-start: 1.25rem;
      font-family: ui-monospace, monospace;
      font-size: 12px;
      overflow-wrap: anywhere;
    }
    .note {
      color: #a4161a;
    }
  `;

  constructor() {
    super();
    this.state = {} as DevState;
    this.meta = undefined;
    this.info = undefined;
  }

  private change(field: keyof DevState, value: DevState[keyof DevState]) {
    emitDev(this, 'hs-dev-change', { state: coherent({ ...this.state, [field]: value }, field) });
  }

  private select(field: Field, label: string, list: readonly Choice[]) {
    const id = `f-${field}`;
    const current = String(this.state[field]);
    return html`<label for=${id}>${label}</label>
      <select
        id=${id}
        name=${field}
        @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          this.change(field, NUMBER_FIELDS.has(field) ? Number(v) : v);
        }}
      >
        ${list.map((c) => html`<option value=${c.value} ?selected=${c.value === current}>${c.label}</option>`)}
      </select>`;
  }

  override render() {
    if (!this.meta) return html`<p role="status">Loading…</p>`;
    const s = this.state;
    const c = choices(this.meta, s);
    const session = s.session !== 'none';
    return html`<h1>${this.meta.brand}: every page, every state</h1>
      <p class="links">
        <a href=${viewUrl(s)} target="_blank" rel="noopener">Open this page alone</a>
        <a href="/__gallery">Gallery</a>
        <a href="/__dev/">Start over</a>
      </p>
      <form @submit=${(e: Event) => e.preventDefault()} aria-label="Page and state">
        <fieldset>
          <legend>Page</legend>
          ${this.select('page', 'Page', c.page)} ${this.select('error', 'Next login fails with (errors.txt)', c.error)}
        </fieldset>
        <fieldset>
          <legend>Guest</legend>
          ${this.select('session', 'Logged in', c.session)} ${this.select('trial', 'Free trial', c.trial)}
          ${this.select('auth', 'Router login (login-by)', c.auth)}
        </fieldset>
        <fieldset ?disabled=${!session}>
          <legend>Session</legend>
          ${this.select('limitTime', 'Time limit', c.limitTime)} ${this.select('limitBytes', 'Data limit', c.limitBytes)}
          <div class="row">
            <div>${this.select('uptime', 'Connected for', c.uptime)}</div>
            <button type="button" @click=${() => this.change('uptime', addMinutes(s.uptime, 5))}>+5 min</button>
          </div>
          <div class="row">
            <div>${this.select('download', 'Downloaded', c.download)}</div>
            <button type="button" @click=${() => this.change('download', s.download + 50_000_000)}>+50 MB</button>
          </div>
          ${this.select('upload', 'Uploaded', c.upload)}
        </fieldset>
        <fieldset>
          <legend>View</legend>
          ${this.select('locale', 'Language', c.locale)} ${this.select('viewport', 'Window', c.viewport)}
          ${this.select('scheme', 'Colours (device setting)', c.scheme)}
          <label class="check"
            ><input type="checkbox" name="js" .checked=${s.js} @change=${(e: Event) => this.change('js', (e.target as HTMLInputElement).checked)} />
            JavaScript on</label
          >
        </fieldset>
      </form>
      ${this.renderInfo()}`;
  }

  private renderInfo() {
    const info = this.info;
    if (!info) return nothing;
    const session = info.router.sessions.find((x) => x.mac === info.mac);
    return html`<section aria-labelledby="served-title">
      <h2 id="served-title" style="font-size:1rem;margin:.5rem 0 .25rem">What the router did</h2>
      <div role="status" aria-live="polite">
        ${info.notes.map((n) => html`<p class="note">${n}</p>`)}
        <ol>
          ${info.served.map((r) => html`<li>${r.method} ${r.path} → ${r.status} ${r.page ?? ''}${r.location ? ` → ${r.location.replace(/^https?:\/\/[^/]+/, '')}` : ''}</li>`)}
        </ol>
        <p>
          ${
            session
              ? `${session.user} logged in by ${session.loginBy}, up ${session.uptime}${session.timeLeft ? `, ${session.timeLeft} left` : ''}, ${megabytes(session.bytesOut)} down, ${megabytes(session.bytesIn)} up`
              : 'No session on this device.'
          }
          Device ${info.mac}, trial ${info.router.hosts.find((h) => h.mac === info.mac)?.trial === 'yes' ? 'available' : 'not available'}.
        </p>
      </div>
    </section>`;
  }
}

customElements.define('hs-dev-toolbar', HsDevToolbar);

declare global {
  interface HTMLElementTagNameMap {
    'hs-dev-toolbar': HsDevToolbar;
  }
}
