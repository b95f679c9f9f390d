/**
 * redirect.html, rlogin.html and radvert.html: the router answers with a real 302 where it can; this
 * script is the fallback. It follows link-redirect only when it is an http(s) URL, and loads no Lit.
 */
import { safeHttpUrl } from '../../hotspot/links.ts';
import { readRouterValues } from '../../hotspot/router-values.ts';

export function followRedirect(): void {
  const v = readRouterValues();
  const target = safeHttpUrl(v.get('link-redirect')) ?? safeHttpUrl(v.get('link-login-only'));
  if (!target) return;
  const link = document.getElementById('hs-continue');
  if (link instanceof HTMLAnchorElement) {
    link.href = target.href;
    link.hidden = false;
  }
  location.replace(target.href);
}
