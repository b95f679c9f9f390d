/**
 * HTTPS login in the pages (docs/https.md): where a login posts when the profile has login-by=https,
 * and links that keep the guest on the scheme they logged in with, whatever the router writes: RouterOS
 * hard-codes some link variables as http:// (fact sheet §2.2).
 */
import type { ChapValues } from './chap.ts';

export interface LoginRoute {
  /** The form action. */
  action: string;
  /** The CHAP values to hash with; undefined sends the plain password. */
  chap: ChapValues | undefined;
  /** The password travels inside TLS (the page says so). */
  overTls: boolean;
}

export interface LoginRouteInput {
  /** `https` is among the configured login methods. */
  https: boolean;
  chap: ChapValues | undefined;
  /** `$(link-login-only)` as the router wrote it. */
  linkLoginOnly: string;
  /** `$(hostname)`: the hotspot's DNS name, which the certificate is for. */
  hostname: string;
  /** The page's own URL. */
  page: URL;
}

/**
 * With HTTPS login on, a page that came over TLS posts the plain password back to its own origin
 * (`login` beside the page keeps the host and a language folder); no CHAP there. A plain-HTTP page
 * uses CHAP when the router offers it, else posts to `https://<hostname>/login` so the password still
 * travels inside TLS. Without HTTPS login nothing changes: CHAP when offered, else plain to link-login-only.
 */
export function loginRoute(o: LoginRouteInput): LoginRoute {
  const plainAction = o.linkLoginOnly || 'login';
  if (!o.https) return { action: plainAction, chap: o.chap, overTls: o.page.protocol === 'https:' && !o.chap };
  if (o.page.protocol === 'https:') return { action: new URL('login', o.page).href, chap: undefined, overTls: true };
  if (o.chap) return { action: plainAction, chap: o.chap, overTls: false };
  const secure = /^https:\/\//i.test(o.linkLoginOnly) ? o.linkLoginOnly : o.hostname ? `https://${o.hostname}/login` : plainAction;
  return { action: secure, chap: undefined, overTls: secure.startsWith('https:') };
}

/**
 * A hotspot link as the guest should follow it: on an https page, an http:// link to the same host
 * becomes https:// on the page's own port. Links to other hosts (the guest's own site) are left alone.
 */
export function keepScheme(link: URL, page: URL): URL {
  if (page.protocol !== 'https:' || link.protocol !== 'http:' || link.hostname !== page.hostname) return link;
  const out = new URL(link.href);
  out.protocol = 'https:';
  out.port = page.port;
  return out;
}
