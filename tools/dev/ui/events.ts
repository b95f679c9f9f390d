/** Events of the dev UI components: `hs-dev-` names, typed details, bubbling out of shadow roots. */
import type { DevState } from '../state.ts';

export interface HsDevEventMap {
  /** The toolbar's new state (already made coherent: the page it names can show). */
  'hs-dev-change': { state: DevState };
  /** A frame finished loading this URL. */
  'hs-dev-frame-load': { url: string };
}

export type HsDevEvent<K extends keyof HsDevEventMap> = CustomEvent<HsDevEventMap[K]>;

declare global {
  interface HTMLElementEventMap {
    'hs-dev-change': HsDevEvent<'hs-dev-change'>;
    'hs-dev-frame-load': HsDevEvent<'hs-dev-frame-load'>;
  }
}

export function emitDev<K extends keyof HsDevEventMap>(from: EventTarget, name: K, detail: HsDevEventMap[K]): boolean {
  return from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
