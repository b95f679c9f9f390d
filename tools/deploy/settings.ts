/**
 * What a deploy sets on the router, derived from portal.config.ts: the profile's login-by and the
 * settings the pages rely on, the user profile's status settings, and the walled garden.
 */
import type { PortalConfig } from '../config/schema.ts';

export interface DeploySettings {
  /** Folder-name prefix and walled-garden tag: a short name of the portal. */
  portal: string;
  /** Hotspot profile to change; undefined means "the only one in use". */
  profile?: string;
  userProfile: string;
  loginBy: string[];
  dnsName?: string;
  httpCookieLifetime: string;
  trialUptimeLimit: string;
  trialUptimeReset: string;
  trialUserProfile: string;
  macAuthMode?: string;
  /** From the MAC_AUTH_PASSWORD environment variable only; never from a file or an argument. */
  macAuthPassword?: string;
  openStatusPage: string;
  statusAutorefresh: string;
  macCookieTimeout?: string;
  /** Hosts guests may reach before login (HTTP walled garden; exact names also at IP level for HTTPS). */
  walledGarden: string[];
}

/** A folder-safe short name from the brand name: "Acme Guest Wi-Fi" → "acme-guest-wi-fi". */
export function portalSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 24)
    .replace(/-$/, '');
  return slug || 'portal';
}

export function deploySettings(config: PortalConfig, env: NodeJS.ProcessEnv = process.env): DeploySettings {
  const r = config.router;
  const hosts = [...config.walledGarden.hosts, ...(config.adverts?.urls ?? []).map((u) => new URL(u).hostname)];
  return {
    portal: portalSlug(config.brand.name),
    profile: r.profile,
    userProfile: r.userProfile,
    loginBy: r.loginBy,
    dnsName: r.dnsName,
    httpCookieLifetime: r.httpCookieLifetime,
    trialUptimeLimit: r.trialUptimeLimit,
    trialUptimeReset: r.trialUptimeReset,
    trialUserProfile: r.trialUserProfile,
    macAuthMode: r.macAuthMode,
    macAuthPassword: env.MAC_AUTH_PASSWORD || undefined,
    openStatusPage: r.openStatusPage,
    statusAutorefresh: r.statusAutorefresh,
    macCookieTimeout: r.macCookieTimeout,
    walledGarden: [...new Set(hosts)],
  };
}
