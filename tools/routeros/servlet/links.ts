/**
 * The servlet's `$(link-…)` URLs (fact sheet §2.2), built in one place for pages, redirects and the
 * Location header. `dst` is form-encoded like every `-esc` value.
 */
import { formEscape } from '../engine/index.ts';

export interface HotspotLinks {
  loginOnly: string;
  /** The login URL carrying the original URL as `dst`, when one is known. */
  login: string;
  logout: string;
  status: string;
  orig: string;
}

/**
 * `origin` is where the page was fetched from; `loginOrigin` (when it differs) is where the login links
 * point and `plainOrigin` where status and logout point. With `login-by=https`, RouterOS sends guests
 * to `https://<dns-name>/login` (3P note), while the manual warns that some links stay hard-coded
 * `http://`: the virtual router takes the worst case, status and logout always on http, so pages that
 * keep the guest's scheme are tested against it (docs/routeros-fidelity.md, fact sheet §2.2).
 */
export function hotspotLinks(origin: string, targetDir: string, orig: string, loginOrigin = origin, plainOrigin = origin): HotspotLinks {
  const loginOnly = `${loginOrigin}/${targetDir}login`;
  return {
    loginOnly,
    login: orig ? `${loginOnly}?dst=${formEscape(orig)}` : loginOnly,
    logout: `${plainOrigin}/${targetDir}logout`,
    status: `${plainOrigin}/${targetDir}status`,
    orig,
  };
}
