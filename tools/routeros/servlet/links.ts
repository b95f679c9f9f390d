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

export function hotspotLinks(origin: string, targetDir: string, orig: string): HotspotLinks {
  const base = `${origin}/${targetDir}`;
  const loginOnly = `${base}login`;
  return {
    loginOnly,
    login: orig ? `${loginOnly}?dst=${formEscape(orig)}` : loginOnly,
    logout: `${base}logout`,
    status: `${base}status`,
    orig,
  };
}
