/**
 * Events the components send out: `hs-` names, typed details, bubbling and composed so a page can
 * listen on any ancestor across shadow roots.
 */
export interface HsLoginDetail {
  mode: 'member' | 'voucher';
  username: string;
  password: string;
}

export interface HsEventMap {
  'hs-login': HsLoginDetail;
  /** A submit with a field left empty: the page reports its own missing steps (terms) at the same time. */
  'hs-login-incomplete': Record<string, never>;
  'hs-mode-change': { mode: 'member' | 'voucher' };
  'hs-terms-change': { accepted: boolean };
  'hs-trial': Record<string, never>;
  'hs-locale-change': { locale: string };
  'hs-logout': { forget: boolean };
}

export type HsEvent<K extends keyof HsEventMap> = CustomEvent<HsEventMap[K]>;

declare global {
  interface HTMLElementEventMap {
    'hs-login': HsEvent<'hs-login'>;
    'hs-login-incomplete': HsEvent<'hs-login-incomplete'>;
    'hs-mode-change': HsEvent<'hs-mode-change'>;
    'hs-terms-change': HsEvent<'hs-terms-change'>;
    'hs-trial': HsEvent<'hs-trial'>;
    'hs-locale-change': HsEvent<'hs-locale-change'>;
    'hs-logout': HsEvent<'hs-logout'>;
  }
}

export function emit<K extends keyof HsEventMap>(from: EventTarget, name: K, detail: HsEventMap[K]): boolean {
  return from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
}
