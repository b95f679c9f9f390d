/**
 * The servlet pages the portal ships (fact sheet §1.2): which Handlebars shell renders each, which
 * entry script it loads, and which router values its data island carries. login.html also serves
 * as flogin (the servlet falls back to it); rstatus falls back to redirect.html.
 */
import type { MessageKey } from '../../portal/i18n/locales/en.ts';
import type { PortalConfig } from '../config/index.ts';
import { ERROR_MESSAGES } from '../routeros/data/error-messages.ts';
import type { PageView } from './ssr.ts';

export interface PageSpec {
  /** File name in dist/hotspot/. */
  file: string;
  /** templates/pages/<template>.hbs */
  template: string;
  /** Entry script, root-relative (Vite builds it into /assets/). */
  entry: string;
  titleKey: MessageKey;
  /** Router values the page reads, sent through the data island as `name=$(name-esc)`. */
  fields: readonly string[];
  /** The page's full script when `entry` is a small first script that loads it (login: the CHAP path first). */
  app?: string;
  /** The Lit view the build renders into the page (tools/build/ssr.ts); none on the light pages. */
  view?: PageView;
  /**
   * The view is rendered in light DOM, its components' styles in the page's one stylesheet
   * (light-dom.ts): for a page whose scripts only work on the markup, where shadow roots only cost bytes.
   */
  lightDom?: boolean;
  /** Pages without the language picker and footer (redirects load no Lit). */
  minimal?: boolean;
  /**
   * The page is its view as the build renders it, complete, and its script is plain TypeScript that
   * puts in the guest's language and what only a script can know (no Lit: portal/pages/shared/static-page.ts).
   */
  static?: boolean;
  /**
   * Texts the page's script uses: groups (`login` = every `login.*` key) or single keys
   * (`errors.invalid-username`), besides the ones every page gets (common, brand) and its title.
   * The build ships a page only these texts.
   */
  texts?: readonly string[];
  /** Texts fetched only when the router reports an error (a separate small file per locale). */
  errorTexts?: readonly string[];
}

/**
 * Variables a page may print outside its data island, for reading without JavaScript: figures the
 * router computes itself (never a value a guest chooses), and `-esc` (URL-encoded) forms, which hold
 * no markup: the user name on the status page, and the trial link as MikroTik's own login page builds it.
 */
export const ROUTER_FILLED: Readonly<Record<string, readonly string[]>> = {
  'login.html': ['link-orig-esc', 'mac-esc'],
  'status.html': [
    'username-esc',
    'ip',
    'uptime',
    'session-time-left',
    'bytes-out-nice',
    'bytes-in-nice',
    'remain-bytes-total-nice',
    'refresh-timeout',
    'radius8-14988-esc',
    // The raw numbers behind the figures (<data value>, <time datetime>).
    'uptime-secs',
    'session-time-left-secs',
    'bytes-out',
    'bytes-in',
    'remain-bytes-total',
  ],
  // The error's text as the router picks it by type: its own figures and URL-encoded guest values.
  'error.html': ['username-esc', 'ip', 'error-orig-esc'],
  'logout.html': ['uptime', 'bytes-out-nice', 'bytes-in-nice', 'uptime-secs', 'bytes-out', 'bytes-in'],
  'fstatus.html': ['ip'],
  'flogout.html': ['ip'],
};

export const COMMON_TEXT_GROUPS = ['common', 'brand'];

/** Errors the login form can show: the non-fatal ones (fatal ones go to error.html, fact sheet §1.1). */
const LOGIN_ERRORS = ERROR_MESSAGES.filter((e) => !e.fatal && e.key !== 'not-logged-in').map((e) => `errors.${e.key}`);

const LINKS = ['link-login-only', 'link-logout', 'link-status', 'link-orig'];
const ERROR = ['error', 'error-type', 'error-orig'];
const SESSION = ['uptime-secs', 'bytes-in', 'bytes-out'];

const ALL: readonly PageSpec[] = [
  {
    file: 'login.html',
    template: 'login',
    entry: '/portal/pages/login.ts',
    app: '/portal/pages/login-app.ts',
    view: { tag: 'hs-login-page' },
    lightDom: true,
    titleKey: 'title.login',
    texts: ['login', 'terms', 'trial'],
    errorTexts: LOGIN_ERRORS,
    fields: ['username', ...ERROR, 'ip', 'mac', 'trial', 'plain-passwd', 'var', 'link-login-only', 'link-orig'],
  },
  {
    file: 'alogin.html',
    template: 'alogin',
    entry: '/portal/pages/alogin.ts',
    static: true,
    view: { tag: 'hs-alogin-page' },
    titleKey: 'title.alogin',
    texts: ['alogin'],
    fields: ['username', 'login-by', 'link-redirect', 'link-orig', 'link-status'],
  },
  {
    file: 'status.html',
    template: 'status',
    entry: '/portal/pages/status.ts',
    static: true,
    view: { tag: 'hs-status-page' },
    titleKey: 'title.status',
    texts: ['status'],
    fields: [
      'username',
      'ip',
      'mac',
      'login-by',
      'login-by-mac',
      ...SESSION,
      'session-time-left-secs',
      'session-timeout-secs',
      'remain-bytes-total',
      'limit-bytes-total',
      'refresh-timeout-secs',
      'link-logout',
      'link-login-only',
      // Mikrotik-Rate-Limit from RADIUS (vendor 14988, attribute 8): the speed the guest was granted.
      'radius8-14988',
    ],
  },
  {
    file: 'logout.html',
    template: 'logout',
    entry: '/portal/pages/logout.ts',
    static: true,
    view: { tag: 'hs-notice-page', attrs: { kind: 'logout' } },
    titleKey: 'title.logout',
    texts: ['logout', 'status'],
    fields: ['username', 'ip', ...SESSION, 'link-login-only'],
  },
  {
    file: 'error.html',
    template: 'error',
    entry: '/portal/pages/error.ts',
    static: true,
    view: { tag: 'hs-notice-page', attrs: { kind: 'error' } },
    titleKey: 'title.error',
    texts: ['error', 'errors'],
    fields: [...ERROR, 'username', 'ip', ...LINKS],
  },
  {
    file: 'fstatus.html',
    template: 'fstatus',
    entry: '/portal/pages/fstatus.ts',
    static: true,
    view: { tag: 'hs-notice-page', attrs: { kind: 'not-logged-in' } },
    titleKey: 'title.notLoggedIn',
    texts: ['notLoggedIn', 'errors.not-logged-in'],
    fields: ['ip', 'link-login-only'],
  },
  {
    file: 'flogout.html',
    template: 'flogout',
    entry: '/portal/pages/flogout.ts',
    static: true,
    view: { tag: 'hs-notice-page', attrs: { kind: 'not-logged-in' } },
    titleKey: 'title.notLoggedIn',
    texts: ['notLoggedIn', 'errors.not-logged-in'],
    fields: ['ip', 'link-login-only'],
  },
  {
    file: 'redirect.html',
    template: 'redirect',
    entry: '/portal/pages/redirect.ts',
    titleKey: 'title.redirect',
    fields: ['link-redirect', 'link-login-only'],
    minimal: true,
  },
  {
    file: 'rlogin.html',
    template: 'rlogin',
    entry: '/portal/pages/rlogin.ts',
    titleKey: 'title.redirect',
    fields: ['link-redirect', 'link-login-only'],
    minimal: true,
  },
  {
    file: 'radvert.html',
    template: 'radvert',
    entry: '/portal/pages/radvert.ts',
    titleKey: 'title.advert',
    fields: ['link-redirect', 'link-login-only'],
    minimal: true,
  },
];

/** The pages this config needs: radvert.html only when adverts are configured. */
export function pagesFor(config: PortalConfig): PageSpec[] {
  return ALL.filter((p) => p.file !== 'radvert.html' || config.adverts !== undefined);
}
