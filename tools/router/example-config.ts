/**
 * The router `npm run router` (alone) and `npm run dev` simulate: the hotspot settings derived from
 * portal.config.ts (login-by from login.methods, the router.* settings, as a deploy would set them)
 * and demo guests. These are simulator demo accounts, not secrets; real routers get their users from
 * RouterOS or RADIUS, never from this file.
 */
import type { PortalConfig } from '../config/index.ts';
import type { RouterConfigInput } from '../routeros/config.ts';
import type { PropInput } from '../routeros/db/router-db.ts';

/** The hotspot server profile the RouterOS setup wizard makes, and the one the example changes. */
export const EXAMPLE_PROFILE = 'hsprof1';

/** Demo guests: a member with limits, one without, and two vouchers (one time-, one data-limited). */
export const DEMO_USERS = {
  member: { name: 'alice', password: 'wonderland' },
  unlimited: { name: 'bob', password: 'builder' },
  voucher: { name: 'HC7K3QPX', password: 'HC7K3QPX' },
  dataVoucher: { name: 'HC9M2TWB', password: 'HC9M2TWB' },
} as const;

/** The MAC of the demo device that logs in by MAC address when the brand uses MAC login. */
export const DEMO_MAC_DEVICE = '02:00:00:00:00:4D';

/** A RouterOS identity from the brand name: "Acme Guest Wi-Fi" → "Acme-Guest-Wi-Fi". */
export function identityFor(brandName: string): string {
  const id = brandName
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 32);
  return id || 'MikroTik';
}

export function exampleRouter(config: PortalConfig): RouterConfigInput {
  const r = config.router;
  const profile: PropInput = {
    name: r.profile ?? EXAMPLE_PROFILE,
    'login-by': r.loginBy.join(','),
    'dns-name': r.dnsName ?? '',
    'http-cookie-lifetime': r.httpCookieLifetime,
    'trial-uptime-limit': r.trialUptimeLimit,
    'trial-uptime-reset': r.trialUptimeReset,
    'trial-user-profile': r.trialUserProfile,
  };
  if (r.macAuthMode) profile['mac-auth-mode'] = r.macAuthMode;
  const status: PropInput = { 'status-autorefresh': r.statusAutorefresh, 'open-status-page': r.openStatusPage };
  if (r.macCookieTimeout) status['mac-cookie-timeout'] = r.macCookieTimeout;
  const ads = config.adverts;
  if (ads) Object.assign(status, { advertise: 'yes', 'advertise-url': ads.urls.join(','), 'advertise-interval': ads.interval, 'advertise-timeout': ads.timeout });
  const userProfiles: PropInput[] = [{ name: r.userProfile, 'shared-users': 1, ...status }];
  if (r.trialUserProfile !== r.userProfile) userProfiles.push({ name: r.trialUserProfile, 'shared-users': 1, ...status });
  userProfiles.push({ name: 'voucher', 'shared-users': 1, ...status });

  const u = DEMO_USERS;
  const users: PropInput[] = [
    { ...u.member, profile: r.userProfile, 'limit-uptime': '2h', 'limit-bytes-total': 524_288_000 },
    { ...u.unlimited, profile: r.userProfile },
    { ...u.voucher, profile: 'voucher', 'limit-uptime': '1h', comment: 'voucher' },
    { ...u.dataVoucher, profile: 'voucher', 'limit-bytes-total': 104_857_600, comment: 'voucher' },
  ];
  // mac-as-username: the user is the MAC, its password the profile's mac-auth-password (empty here).
  if (config.login.methods.includes('mac')) {
    const password = r.macAuthMode === 'mac-as-username-and-password' ? DEMO_MAC_DEVICE : '';
    users.push({ name: DEMO_MAC_DEVICE, password, profile: r.userProfile, comment: 'demo device, MAC login' });
  }
  const servers = r.profile ? { 'ip/hotspot': [{ name: 'hotspot1', profile: r.profile }] } : {};
  return {
    identity: identityFor(config.brand.name),
    ...servers,
    'ip/hotspot/profile': [profile],
    'ip/hotspot/user/profile': userProfiles,
    'ip/hotspot/user': users,
    'ip/hotspot/walled-garden': config.walledGarden.hosts.map((host) => ({ 'dst-host': host, action: 'allow' })),
  };
}
