/**
 * The page × state combinations the gallery (/__gallery) shows side by side and `npm run screenshots`
 * photographs: every page the portal ships, in the states a guest can meet it in. Browser-safe.
 */
import { DEFAULT_STATE, type DevState } from './state.ts';

export interface GalleryEntry {
  /** File-name-safe id: `status-trial`. */
  name: string;
  label: string;
  state: DevState;
  /** Photographed by npm run screenshots (redirects and data files are not pictures). */
  screenshot: boolean;
}

const entry = (name: string, label: string, state: Partial<DevState>, screenshot = true): GalleryEntry => ({
  name,
  label,
  state: { ...DEFAULT_STATE, ...state },
  screenshot,
});

export const GALLERY: readonly GalleryEntry[] = [
  entry('login', 'Login', {}),
  entry('login-error', 'Login, wrong password', { error: 'invalid-username' }),
  entry('login-limit', 'Login, data allowance used up', { error: 'traffic-limit' }),
  entry('login-trial-used', 'Login, free trial used up', { trial: 'used' }),
  entry('login-pap', 'Login, router allows PAP only', { auth: 'pap' }),
  entry('login-nojs', 'Login without JavaScript', { js: false }),
  entry('alogin', 'Logged in (alogin)', { page: 'alogin', session: 'member' }),
  entry('status', 'Status, member with limits', { page: 'status', session: 'member' }),
  entry('status-unlimited', 'Status, no limits', { page: 'status', session: 'member', limitTime: '', limitBytes: 0 }),
  entry('status-voucher', 'Status, voucher', { page: 'status', session: 'voucher' }),
  entry('status-trial', 'Status, free trial', { page: 'status', session: 'trial', uptime: '10m' }),
  entry('status-mac', 'Status, logged in by MAC', { page: 'status', session: 'mac' }),
  entry('status-cookie', 'Status, logged in by cookie', { page: 'status', session: 'cookie' }),
  entry('status-nojs', 'Status without JavaScript', { page: 'status', session: 'member', js: false }),
  entry('logout', 'Logged out', { page: 'logout', session: 'member' }),
  entry('logout-nojs', 'Logged out, without JavaScript', { page: 'logout', session: 'member', js: false }),
  entry('error', 'Fatal error', { page: 'error', error: 'internal-error' }),
  entry('error-nojs', 'Fatal error, without JavaScript', { page: 'error', error: 'internal-error', js: false }),
  entry('fstatus', 'Status, not logged in', { page: 'fstatus' }),
  entry('flogout', 'Log out, not logged in', { page: 'flogout' }),
  entry('rlogin', 'rlogin.html (302 to login)', { page: 'rlogin' }, false),
  entry('redirect', 'redirect.html (302 to status)', { page: 'redirect', session: 'member' }, false),
  entry('api', 'api.json, logged in', { page: 'api', session: 'member' }, false),
];
