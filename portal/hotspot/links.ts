/**
 * Navigation targets taken from the router (dst, link-redirect, link-login-only…) are followed only
 * when they are http or https URLs: a `javascript:` dst (CVE-2025-6563) must never run. On an https
 * page they also keep the guest on TLS: RouterOS writes some links to itself as hard-coded http://
 * (fact sheet §2.2), which would drop a guest who logged in over HTTPS back to plain HTTP.
 */
export function safeHttpUrl(value: string | undefined, base: string = location.href): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    const page = new URL(base);
    // An http:// link to the https page's own host is followed over TLS, on the page's port.
    if (page.protocol === 'https:' && url.protocol === 'http:' && url.hostname === page.hostname) {
      url.protocol = 'https:';
      url.port = page.port;
    }
    return url;
  } catch {
    return undefined;
  }
}
