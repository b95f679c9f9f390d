/**
 * The servlet variables RouterOS documents or its default pages use (fact sheet §2), with the
 * source of each. Every name also has a `-esc` form (§2.8); RADIUS forms are matched by pattern (§2.7).
 * `scope` says where the router fills the value: `login` = pages answering /login, `status` = status
 * pages; other variables are defined on every page but may be empty.
 */
export interface VariableFact {
  name: string;
  source: string;
  scope?: 'login' | 'status';
}

export const VARIABLES: readonly VariableFact[] = [
  // §2.1 common server variables
  { name: 'hostname', source: 'M-CUST' },
  { name: 'identity', source: 'M-CUST' },
  { name: 'login-by', source: 'M-CUST, M-HS' },
  { name: 'plain-passwd', source: 'M-CUST' },
  { name: 'server-address', source: 'M-CUST' },
  { name: 'ssl-login', source: 'M-CUST' },
  { name: 'server-name', source: 'M-CUST' },
  // §2.2 links
  { name: 'link-login', source: 'M-CUST' },
  { name: 'link-login-only', source: 'M-CUST' },
  { name: 'link-logout', source: 'M-CUST' },
  { name: 'link-status', source: 'M-CUST' },
  { name: 'link-orig', source: 'M-CUST' },
  { name: 'link-redirect', source: 'DEF7' },
  { name: 'link-advert', source: 'DEF7' },
  // §2.3 client information
  { name: 'domain', source: 'M-CUST' },
  { name: 'interface-name', source: 'M-CUST' },
  { name: 'ip', source: 'M-CUST' },
  { name: 'host-ip', source: 'M-CUST' },
  { name: 'vlan-id', source: 'M-CUST' },
  { name: 'logged-in', source: 'M-CUST' },
  { name: 'mac', source: 'M-CUST' },
  { name: 'trial', source: 'M-CUST' },
  { name: 'username', source: 'M-CUST' },
  { name: 'login-by-mac', source: 'DEF7' },
  // §2.4 user status
  { name: 'idle-timeout', source: 'M-CUST' },
  { name: 'idle-timeout-secs', source: 'M-CUST' },
  { name: 'limit-bytes-in', source: 'M-CUST' },
  { name: 'limit-bytes-out', source: 'M-CUST' },
  { name: 'limit-bytes-total', source: 'third-party templates (UNCERTAIN)' },
  { name: 'refresh-timeout', source: 'M-CUST' },
  { name: 'refresh-timeout-secs', source: 'M-CUST' },
  { name: 'session-timeout', source: 'M-CUST' },
  { name: 'session-timeout-secs', source: 'M-CUST' },
  { name: 'session-time-left', source: 'M-CUST' },
  { name: 'session-time-left-secs', source: 'M-CUST' },
  { name: 'uptime', source: 'M-CUST' },
  { name: 'uptime-secs', source: 'M-CUST' },
  // §2.5 traffic counters (status pages only)
  { name: 'bytes-in', source: 'M-CUST', scope: 'status' },
  { name: 'bytes-in-nice', source: 'M-CUST', scope: 'status' },
  { name: 'bytes-out', source: 'M-CUST', scope: 'status' },
  { name: 'bytes-out-nice', source: 'M-CUST', scope: 'status' },
  { name: 'packets-in', source: 'M-CUST', scope: 'status' },
  { name: 'packets-out', source: 'M-CUST', scope: 'status' },
  { name: 'remain-bytes-in', source: 'M-CUST', scope: 'status' },
  { name: 'remain-bytes-out', source: 'M-CUST', scope: 'status' },
  { name: 'remain-bytes-total', source: 'API7', scope: 'status' },
  { name: 'remain-bytes-total-nice', source: 'third-party templates (UNCERTAIN)', scope: 'status' },
  // §2.6 miscellaneous
  { name: 'session-id', source: 'M-CUST' },
  { name: 'var', source: 'M-CUST' },
  { name: 'error', source: 'M-CUST', scope: 'login' },
  { name: 'error-orig', source: 'M-CUST', scope: 'login' },
  { name: 'error-type', source: 'DEF7', scope: 'login' },
  { name: 'chap-id', source: 'M-CUST', scope: 'login' },
  { name: 'chap-challenge', source: 'M-CUST', scope: 'login' },
  { name: 'popup', source: 'M-CUST', scope: 'login' },
  { name: 'advert-pending', source: 'M-CUST' },
  { name: 'blocked', source: 'DEF7' },
  { name: 'location-id', source: 'DEF7' },
  { name: 'location-name', source: 'DEF7' },
  { name: 'target-dir', source: 'M-CUST' },
  // request header detection (§2.6): the manual's example reads the user agent
  { name: 'user-agent', source: 'M-CUST (header detection; form UNCERTAIN)' },
];

const NAMES = new Set(VARIABLES.map((v) => v.name));

/** radius<id>, radius<id>u, radius<id>-<vendor>[u], each optionally indexed: radius18[0] (§2.7). */
export const RADIUS_NAME = /^radius(\d+)(?:-(\d+))?(u)?(?:\[(\d+)\])?$/;

/** True for a documented variable, its `-esc` form, or a RADIUS form. */
export function isKnownVariable(name: string): boolean {
  const base = name.endsWith('-esc') ? name.slice(0, -4) : name;
  return NAMES.has(base) || RADIUS_NAME.test(base);
}
