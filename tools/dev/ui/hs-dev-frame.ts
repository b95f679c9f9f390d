/**
 * One portal page in a window of a chosen size. JavaScript off is the browser's own no-script mode:
 * a sandboxed frame without `allow-scripts`, where `<noscript>` content shows as it does for a guest
 * whose browser runs no JavaScript (the dev server also leaves the scripts out of such pages, so the
 * browser has nothing to block). Emits `hs-dev-frame-load` with the URL the frame ended up on.
 */
import { LitElement, css, html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { emitDev } from './events.ts';

export interface FrameSize {
  width: number;
  height: number;
  label: string;
}

export class HsDevFrame extends LitElement {
  static override properties = {
    src: {},
    size: { attribute: false },
    js: { type: Boolean },
    label: {},
    /** Changing it loads the page again (a new language, say, which the URL does not show). */
    reloadKey: {},
  };
  declare src: string;
  declare size: FrameSize;
  declare js: boolean;
  declare label: string;
  declare reloadKey: string;

  static override styles = css`
    :host {
      display: block;
    }
    .window {
      box-sizing: content-box;
      border: 1px solid color-mix(in srgb, CanvasText 35%, transparent);
      border-radius: 6px;
      overflow: hidden;
      background: #fff;
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
    }
    iframe {
      display: block;
      border: 0;
    }
  `;

  constructor() {
    super();
    this.src = '';
    this.size = { width: 360, height: 740, label: 'Phone' };
    this.js = true;
    this.label = 'Portal page';
    this.reloadKey = '';
  }

  override render() {
    const { width, height } = this.size;
    const frame = html`<iframe
      src=${this.src}
      title=${`${this.label} (${width}×${height}${this.js ? '' : ', JavaScript off'})`}
      width=${width}
      height=${height}
      sandbox=${this.js ? nothing : 'allow-forms allow-same-origin'}
      @load=${this.onLoad}
    ></iframe>`;
    return html`<div class="window" style=${`width:${width}px`}>${keyed(`${this.src}|${this.js}|${this.reloadKey}`, frame)}</div>`;
  }

  private onLoad(e: Event) {
    let url = this.src;
    try {
      url = (e.target as HTMLIFrameElement).contentWindow?.location.href ?? url;
    } catch {
      // a frame on another origin (a link the guest followed) keeps its URL to itself
    }
    emitDev(this, 'hs-dev-frame-load', { url });
  }
}

customElements.define('hs-dev-frame', HsDevFrame);

declare global {
  interface HTMLElementTagNameMap {
    'hs-dev-frame': HsDevFrame;
  }
}
