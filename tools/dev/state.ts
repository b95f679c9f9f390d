/**
 * What the dev toolbar switches: the page to look at and the state of the simulated router and
 * guest. Shared by the dev server (which turns a state into a simulated router) and the toolbar in
 * the browser, so this module imports nothing from Node.
 *
 * A state travels in two forms: the workbench URL's query (every field that is not the default)
 * and a scenario key, the part the router needs (`session=member;trial=used`), which names the
 * simulated router that serves the page under /__dev/s/<key>/.
 */
import { DEMO_USERS } from '../router/example-config.ts';
import { ERROR_MESSAGES } from '../routeros/data/error-messages.ts';
import type { ColorScheme } from './color-scheme.ts';

export const SESSIONS = ['none', 'member', 'voucher', 'trial', 'mac', 'cookie'] as const;
export type SessionKind = (typeof SESSIONS)[number];

export const VIEWPORTS = {
  phone: { width: 360, height: 740, label: 'Phone 360×740' },
  captive: { width: 375, height: 667, label: 'Captive window 375×667' },
  tablet: { width: 768, height: 1024, label: 'Tablet 768×1024' },
  desktop: { width: 1280, height: 800, label: 'Desktop 1280×800' },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export interface DevState {
  /** Which page to look at (a PAGES id). */
  page: string;
  /** Logged out, or logged in by which method. */
  session: SessionKind;
  /** errors.txt key the next login attempt fails with ('' for none). */
  error: string;
  trial: 'available' | 'used';
  /** The profile's HTTP login: as portal.config.ts says (''), or forced to CHAP or PAP. */
  auth: '' | 'chap' | 'pap';
  /** The guest's limit-uptime ('' for none) and limit-bytes-total (0 for none). */
  limitTime: string;
  limitBytes: number;
  /** How long the session has run, and its counters (bytes the router sent / received). */
  uptime: string;
  download: number;
  upload: number;
  /** Page language ('' lets the page choose, as for a guest), window size, JavaScript on or off. */
  locale: string;
  viewport: ViewportName;
  js: boolean;
  /** The device's colour scheme: '' follows the designer's system, as a guest's page follows theirs. */
  scheme: '' | ColorScheme;
}

export const DEFAULT_STATE: Readonly<DevState> = {
  page: 'login',
  session: 'none',
  error: '',
  trial: 'available',
  auth: '',
  limitTime: '2h',
  limitBytes: 500_000_000,
  uptime: '25m',
  download: 120_000_000,
  upload: 18_000_000,
  locale: '',
  viewport: 'phone',
  js: true,
  scheme: '',
};

/** Errors that RouterOS answers with error.html instead of the login form (fact sheet §1.1). */
export const FATAL_ERRORS: ReadonlySet<string> = new Set(ERROR_MESSAGES.filter((e) => e.fatal).map((e) => e.key));

export interface PageInfo {
  id: string;
  label: string;
  /** The file the servlet answers with in the intended state. */
  file: string;
  /** Logged in (true), logged out (false), or either (undefined) for the page to appear. */
  session?: boolean;
  /** The request that shows it. */
  path(state: DevState): string;
}

/** A login attempt by the demo member: the forced error answers it (with its `$(username)`). */
const failedLogin = () => `/login?username=${DEMO_USERS.member.name}&var=member`;

export const PAGES: readonly PageInfo[] = [
  { id: 'login', label: 'Login', file: 'login.html', session: false, path: (s) => (s.error ? failedLogin() : '/login') },
  { id: 'alogin', label: 'Logged in (alogin)', file: 'alogin.html', session: true, path: () => '/login' },
  { id: 'status', label: 'Status', file: 'status.html', session: true, path: () => '/status' },
  { id: 'logout', label: 'Logged out', file: 'logout.html', session: true, path: () => '/logout' },
  { id: 'error', label: 'Fatal error', file: 'error.html', session: false, path: failedLogin },
  { id: 'fstatus', label: 'Status, not logged in', file: 'fstatus.html', session: false, path: () => '/status' },
  { id: 'flogout', label: 'Log out, not logged in', file: 'flogout.html', session: false, path: () => '/logout' },
  { id: 'rlogin', label: 'rlogin (302 to login)', file: 'rlogin.html', session: false, path: () => '/' },
  { id: 'redirect', label: 'redirect (302 to status)', file: 'redirect.html', session: true, path: () => '/' },
  { id: 'api', label: 'api.json', file: 'api.json', path: () => '/api' },
  { id: 'errors', label: 'errors.txt', file: 'errors.txt', path: () => '/errors.txt' },
];

export function pageInfo(id: string): PageInfo {
  return PAGES.find((p) => p.id === id) ?? PAGES[0]!;
}

/** Where a page goes when the guest logs in or out under it. */
const WHEN_LOGGED_IN: Readonly<Record<string, string>> = {
  login: 'status',
  error: 'status',
  fstatus: 'status',
  flogout: 'logout',
  rlogin: 'redirect',
};
const WHEN_LOGGED_OUT: Readonly<Record<string, string>> = { alogin: 'login', status: 'fstatus', logout: 'flogout', redirect: 'rlogin' };

/**
 * The state after one switch, with the others set so the page it names can show: picking "status"
 * logs the guest in, logging out on the status page shows fstatus, a fatal error goes to error.html.
 * The servlet still decides what it serves; this only saves setting the switches one by one.
 */
export function coherent(state: DevState, changed: keyof DevState): DevState {
  const s = { ...state };
  if (changed === 'error') {
    if (s.error) s.page = FATAL_ERRORS.has(s.error) ? 'error' : 'login';
    else if (s.page === 'error') s.page = 'login';
  }
  let sessionChanged = changed === 'session';
  if (changed === 'trial' && s.trial === 'used' && s.session === 'trial') {
    s.session = 'none';
    sessionChanged = true;
  }
  if (sessionChanged) {
    if (s.session === 'trial') s.trial = 'available';
    const moved = (s.session === 'none' ? WHEN_LOGGED_OUT : WHEN_LOGGED_IN)[s.page];
    if (moved) s.page = moved;
  }
  if (changed === 'page' && s.page === 'error' && !FATAL_ERRORS.has(s.error)) s.error = 'internal-error';
  const page = pageInfo(s.page);
  if (page.session === true && s.session === 'none') s.session = 'member';
  if (page.session === false) s.session = 'none';
  if (s.page !== 'login' && s.page !== 'error') s.error = '';
  if (s.page === 'login' && FATAL_ERRORS.has(s.error)) s.error = '';
  return s;
}

/**
 * The fields that name a simulated router: what shapes it, and the page, so that every view has a
 * router of its own (a view that logs the guest out cannot disturb one showing the status page).
 * Language and window size are the browser's business; JavaScript off and a forced colour scheme
 * change what the router's answers look like, so they name a router too.
 */
export const ROUTER_FIELDS = [
  'page',
  'session',
  'error',
  'trial',
  'auth',
  'limitTime',
  'limitBytes',
  'uptime',
  'download',
  'upload',
  'js',
  'scheme',
] as const;
type RouterField = (typeof ROUTER_FIELDS)[number];
export type RouterState = Pick<DevState, RouterField>;

const DURATION = /^(\d+[wdhms])+$/;

/** One field from its text form, or undefined when the text is not a value the field takes. */
function fieldValue(field: keyof DevState, text: string): DevState[keyof DevState] | undefined {
  switch (field) {
    case 'session':
      return (SESSIONS as readonly string[]).includes(text) ? (text as SessionKind) : undefined;
    case 'trial':
      return text === 'available' || text === 'used' ? text : undefined;
    case 'auth':
      return text === '' || text === 'chap' || text === 'pap' ? text : undefined;
    case 'viewport':
      return text in VIEWPORTS ? (text as ViewportName) : undefined;
    case 'js':
      return text === 'on' ? true : text === 'off' ? false : undefined;
    case 'scheme':
      return text === '' || text === 'light' || text === 'dark' ? text : undefined;
    case 'limitBytes':
    case 'download':
    case 'upload':
      return /^\d{1,13}$/.test(text) ? Number(text) : undefined;
    case 'limitTime':
      return text === '' || DURATION.test(text) ? text : undefined;
    case 'uptime':
      return text === '0s' || DURATION.test(text) ? text : undefined;
    case 'error':
    case 'locale':
      return text === '' || /^[a-z0-9-]{1,32}$/.test(text) ? text : undefined;
    case 'page':
      return PAGES.some((p) => p.id === text) ? text : undefined;
  }
}

function fieldText(value: DevState[keyof DevState]): string {
  return typeof value === 'boolean' ? (value ? 'on' : 'off') : String(value);
}

/** The workbench query: the fields that differ from the defaults. */
export function stateToQuery(state: DevState): string {
  const q = new URLSearchParams();
  for (const k of Object.keys(DEFAULT_STATE) as Array<keyof DevState>) {
    if (state[k] !== DEFAULT_STATE[k]) q.set(k, fieldText(state[k]));
  }
  return q.toString();
}

/** A state from a query; unknown fields and bad values fall back to the defaults (a stale bookmark still opens). */
export function stateFromQuery(query: string): DevState {
  const s: Record<string, unknown> = { ...DEFAULT_STATE };
  for (const [k, v] of new URLSearchParams(query)) {
    if (!(k in DEFAULT_STATE)) continue;
    const value = fieldValue(k as keyof DevState, v);
    if (value !== undefined) s[k] = value;
  }
  return s as unknown as DevState;
}

/** `session=member;trial=used`, or `default` when every router field has its default. */
export function scenarioKey(state: DevState | RouterState): string {
  const parts: string[] = [];
  for (const k of ROUTER_FIELDS) if (state[k] !== DEFAULT_STATE[k]) parts.push(`${k}=${fieldText(state[k])}`);
  return parts.length ? parts.join(';') : 'default';
}

/** The router state a key names; a malformed key is refused with the part that is wrong. */
export function parseScenarioKey(key: string): RouterState | { problem: string } {
  const s: Record<string, unknown> = Object.fromEntries(ROUTER_FIELDS.map((k) => [k, DEFAULT_STATE[k]]));
  if (key === 'default') return s as RouterState;
  for (const part of key.split(';')) {
    const i = part.indexOf('=');
    const k = part.slice(0, i) as RouterField;
    const value = i > 0 && (ROUTER_FIELDS as readonly string[]).includes(k) ? fieldValue(k, decodeURIComponent(part.slice(i + 1))) : undefined;
    if (value === undefined) return { problem: `"${part}" is not a state field and value (fields: ${ROUTER_FIELDS.join(', ')})` };
    s[k] = value;
  }
  return s as RouterState;
}

/** Where a page in a state is shown: a view URL (it starts the state afresh on every load). */
export function viewUrl(state: DevState): string {
  return `/__dev/v/${scenarioKey(state)}${pageInfo(state.page).path(state)}`;
}

/** Megabytes with one decimal at most, for labels. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 100_000) / 10} MB`;
}

/** What the dev server tells the toolbar and gallery about the portal (GET /__dev/meta). */
export interface DevMeta {
  brand: string;
  pages: ReadonlyArray<{ id: string; label: string; file: string }>;
  errors: ReadonlyArray<{ key: string; fatal: boolean }>;
  locales: ReadonlyArray<{ code: string; name: string; dir: 'ltr' | 'rtl' }>;
  /** The HTTP login portal.config.ts gives the router. */
  auth: 'chap' | 'pap';
  loginBy: readonly string[];
}
