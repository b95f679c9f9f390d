/**
 * Typed views of the router database for the servlet. They are read on every request, so a change
 * to the profile (from a config file or the CLI over SSH) applies to the next page.
 */
import type { RouterDb, Row } from '../db/router-db.ts';
import type { LoginBy } from '../db/schema.ts';
import { parseDuration } from '../time.ts';

/** A duration property where empty, `none` and `0s` all mean "no limit". */
export function limitMs(value: string | undefined): number | undefined {
  const ms = parseDuration(value ?? '');
  return ms === undefined || Number.isNaN(ms) || ms === 0 ? undefined : ms;
}

/** A byte limit where 0 means "no limit". */
export function byteLimit(value: string | undefined): number | undefined {
  const n = Number(value ?? 0);
  return n > 0 ? n : undefined;
}

export interface HotspotSettings {
  serverName: string;
  interfaceName: string;
  profile: Row;
  hotspotAddress: string;
  dnsName: string;
  /** `$(hostname)`: the DNS name, or the address when no name is set (fact sheet §2.1). */
  hostname: string;
  loginBy: ReadonlySet<LoginBy>;
  cookieLifetimeMs: number;
  trialUptimeLimitMs: number;
  trialUptimeResetMs: number;
  trialUserProfile: string;
  macAuthMode: string;
  macAuthPassword: string;
  /** The folder the profile serves pages from: html-directory-override when set (§8.1). */
  htmlDirectory: string;
  locationId: string;
  locationName: string;
  /** Name of the `/certificate` the HTTPS listener serves, or `none`. */
  sslCertificate: string;
}

/** The running server: the first enabled /ip hotspot entry, with its profile. */
export function readSettings(db: RouterDb): HotspotSettings {
  const server = db.rows('ip/hotspot').find((s) => s.disabled !== 'yes') ?? db.rows('ip/hotspot')[0];
  const profile = db.byName('ip/hotspot/profile', server?.profile ?? 'default') ?? db.byName('ip/hotspot/profile', 'default')!;
  const p = (name: string) => profile[name] ?? '';
  const address = p('hotspot-address');
  return {
    serverName: server?.name ?? 'hotspot1',
    interfaceName: server?.interface ?? 'bridge-hotspot',
    profile,
    hotspotAddress: address,
    dnsName: p('dns-name'),
    hostname: p('dns-name') || address,
    loginBy: new Set(p('login-by').split(',').filter(Boolean) as LoginBy[]),
    cookieLifetimeMs: limitMs(p('http-cookie-lifetime')) ?? 0,
    trialUptimeLimitMs: limitMs(p('trial-uptime-limit')) ?? 0,
    trialUptimeResetMs: limitMs(p('trial-uptime-reset')) ?? 0,
    trialUserProfile: p('trial-user-profile') || 'default',
    macAuthMode: p('mac-auth-mode'),
    macAuthPassword: p('mac-auth-password'),
    htmlDirectory: p('html-directory-override') || p('html-directory'),
    locationId: p('radius-location-id'),
    locationName: p('radius-location-name'),
    sslCertificate: p('ssl-certificate') || 'none',
  };
}

export interface UserProfileSettings {
  name: string;
  sharedUsers: number;
  openStatusPage: 'always' | 'http-login';
  statusAutorefreshMs: number | undefined;
  addMacCookie: boolean;
  macCookieTimeoutMs: number;
  sessionTimeoutMs: number | undefined;
  idleTimeoutMs: number | undefined;
  keepaliveTimeoutMs: number | undefined;
  advertise: boolean;
  advertiseUrls: string[];
  advertiseIntervalsMs: number[];
}

export function readUserProfile(db: RouterDb, name: string): UserProfileSettings {
  const row = db.byName('ip/hotspot/user/profile', name) ?? db.byName('ip/hotspot/user/profile', 'default');
  const p = (prop: string) => row?.[prop] ?? '';
  return {
    name: row?.name ?? 'default',
    sharedUsers: Number(p('shared-users') || 1),
    openStatusPage: p('open-status-page') === 'http-login' ? 'http-login' : 'always',
    statusAutorefreshMs: limitMs(p('status-autorefresh')),
    addMacCookie: p('add-mac-cookie') !== 'no',
    macCookieTimeoutMs: limitMs(p('mac-cookie-timeout')) ?? 0,
    sessionTimeoutMs: limitMs(p('session-timeout')),
    idleTimeoutMs: limitMs(p('idle-timeout')),
    keepaliveTimeoutMs: limitMs(p('keepalive-timeout')),
    advertise: p('advertise') === 'yes',
    advertiseUrls: p('advertise-url')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    advertiseIntervalsMs: p('advertise-interval')
      .split(',')
      .map((s) => limitMs(s.trim()))
      .filter((n): n is number => n !== undefined),
  };
}

/** The limits of a local user, each undefined when unlimited. */
export interface UserLimits {
  uptimeMs?: number;
  bytesIn?: number;
  bytesOut?: number;
  bytesTotal?: number;
}

export function readUserLimits(user: Row | undefined): UserLimits {
  if (!user) return {};
  return {
    uptimeMs: limitMs(user['limit-uptime']),
    bytesIn: byteLimit(user['limit-bytes-in']),
    bytesOut: byteLimit(user['limit-bytes-out']),
    bytesTotal: byteLimit(user['limit-bytes-total']),
  };
}

/** RouterOS writes MACs upper-case with colons. */
export function normalizeMac(mac: string): string | undefined {
  const m = mac.trim().replace(/-/g, ':').toUpperCase();
  return /^([0-9A-F]{2}:){5}[0-9A-F]{2}$/.test(m) ? m : undefined;
}
