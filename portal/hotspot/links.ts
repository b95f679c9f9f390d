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
    return url.protocol === 'http:' || url.protocol === 'https:' ? keepScheme(url, new URL(base)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A link as the guest should follow it: on an https page, an http:// link to the page's own host becomes
 * https:// on the page's port. Links to other hosts (the guest's own site) are left as they are.
 */
export function keepScheme(link: URL, page: URL): URL {
  if (page.protocol !== 'https:' || link.protocol !== 'http:' || link.hostname !== page.hostname) return link;
  const out = new URL(link.href);
  out.protocol = 'https:';
  out.port = page.port;
  return out;
}
