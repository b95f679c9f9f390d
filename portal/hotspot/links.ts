/**
 * Navigation targets taken from the router (dst, link-redirect, link-login-only…) are followed only
 * when they are http or https URLs: a `javascript:` dst (CVE-2025-6563) must never run.
 */
export function safeHttpUrl(value: string | undefined, base: string = location.href): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
