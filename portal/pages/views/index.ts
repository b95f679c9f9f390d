/**
 * The page views by tag, and the language picker, as the build renders them into the pages
 * (tools/build/ssr.ts). The dev server loads this module afresh from the project on every edit, so a
 * changed component or view reaches the open page.
 */
import '../../components/hs-language-picker/hs-language-picker.ts';
import { HsAloginPage } from './alogin-page.ts';
import { HsLoginPage } from './login-page.ts';
import { HsNoticePage } from './notice-page.ts';
import { HsStatusPage } from './status-page.ts';

export const VIEWS: Readonly<Record<string, CustomElementConstructor>> = {
  'hs-login-page': HsLoginPage,
  'hs-alogin-page': HsAloginPage,
  'hs-status-page': HsStatusPage,
  'hs-notice-page': HsNoticePage,
};

// What the build's render sets before rendering, from the same modules the views read it from.
export { useMessages, useTextParams } from '../../i18n/runtime.ts';
export { setPageEnv } from '../../hotspot/page-env.ts';
