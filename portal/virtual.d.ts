/** Modules the build generates from portal.config.ts (tools/build/plugin-i18n.ts). */
declare module 'virtual:hotspot/i18n/*' {
  import type { I18nBundle } from './i18n/types.ts';
  const bundle: I18nBundle;
  export default bundle;
}

declare module 'virtual:hotspot/config' {
  export interface ClientConfig {
    brand: string;
    modes: ReadonlyArray<'member' | 'voucher'>;
    defaultMode: 'member' | 'voucher';
    trial: boolean;
    cookie: boolean;
    /** PAP is a login method: where the router has no CHAP the form sends the plain password (with a note on http). */
    pap: boolean;
    /** `https` is a login method: over TLS the form sends the plain password and says the page is secure. */
    https: boolean;
    terms: boolean;
    /** The full terms: '/terms.html' (shipped with the portal), an outside http(s) address, or ''. */
    termsLink: string;
    continueAfterSeconds: number;
    /** How a typed voucher code is normalised and sent (portal/hotspot/login.ts `voucherLogin`). */
    voucher: import('./hotspot/login.ts').VoucherSettings;
  }
  const config: ClientConfig;
  export default config;
}
