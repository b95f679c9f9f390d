/**
 * What a page view reads besides its texts: the build-time config, the router values, CHAP and the
 * query string. The page's entry (boot.ts) fills it from the browser; the build's server render
 * (tools/build/ssr.ts) fills it with no router values and `server: true`, so the HTML it writes is the
 * page before any router value is known, plus RouterOS markup where the router can fill a figure itself.
 */
import type { ClientConfig } from 'virtual:hotspot/config';
import type { ChapValues } from './chap-values.ts';
import { RouterValues } from './router-values.ts';

export interface PageEnv {
  config: ClientConfig;
  values: RouterValues;
  chap: ChapValues | undefined;
  search: URLSearchParams;
  /** Rendering at build time: no router values, RouterOS markup allowed through routerVar(). */
  server: boolean;
}

let env: PageEnv = {
  config: {
    brand: '',
    modes: ['member'],
    defaultMode: 'member',
    trial: false,
    cookie: false,
    pap: false,
    https: false,
    terms: false,
    termsLink: '',
    continueAfterSeconds: 0,
    voucher: { case: 'upper', ignore: ' -', password: 'same-as-code' },
  },
  values: new RouterValues(new Map()),
  chap: undefined,
  search: new URLSearchParams(),
  server: false,
};

export function setPageEnv(next: PageEnv): void {
  env = next;
}

export function pageEnv(): PageEnv {
  return env;
}

/**
 * A RouterOS variable the router fills in the served page itself (figures it computes, never a value a
 * guest chooses): written as a marker that the build turns into `$(name)`; '' when not rendering at build time.
 */
export const ROUTER_MARK_OPEN = '\u{E000}';
export const ROUTER_MARK_CLOSE = '\u{E001}';
export function routerMarkup(expr: string): string {
  return env.server ? `${ROUTER_MARK_OPEN}${expr}${ROUTER_MARK_CLOSE}` : '';
}
