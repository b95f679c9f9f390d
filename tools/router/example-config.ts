/**
 * The router `npm run router` (alone) and `npm run dev` simulate: the router model of portal.config.ts
 * (tools/router-model/, the rows a deploy sets) and demo guests. The guests are simulator demo
 * accounts, not secrets; real routers get their users from RouterOS or RADIUS, never from this file.
 */
import type { PortalConfig } from '../config/index.ts';
import { routerModel, values } from '../router-model/router-model.ts';
import type { RouterConfigInput } from '../routeros/config.ts';
import type { PropInput } from '../routeros/db/router-db.ts';
import type { TablePath } from '../routeros/db/schema.ts';

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

/** A RADIUS server the preview asks instead of the config's (the dev server's demo one). */
export interface PreviewRadius {
  address: string;
  port: number;
  secret: string;
}

/** What the preview's routers take from outside the config: the environment (RADIUS secret) and a demo RADIUS server. */
export interface PreviewSetup {
  env: NodeJS.ProcessEnv;
  radius?: PreviewRadius;
}

/**
 * The preview's router: the router model of the config applied to a wizard-made router, plus demo
 * guests. With `radius`, the hotspot uses that server (and only it) with use-radius=yes.
 */
export function exampleRouter(config: PortalConfig, env: NodeJS.ProcessEnv = process.env, radius?: PreviewRadius): RouterConfigInput {
  const r = config.router;
  const profile = r.profile ?? EXAMPLE_PROFILE;
  const model = routerModel(config, profile);
  const out: RouterConfigInput = { identity: identityFor(config.brand.name) };
  const rows = (path: Exclude<TablePath, 'radius/incoming'>) => (out[path] ??= []);
  for (const change of model.changes) {
    if (change.name) rows(change.menu as Exclude<TablePath, 'radius/incoming'>).push({ name: change.name.value, ...values(change.props) });
    else out[change.menu as 'radius/incoming'] = values(change.props);
  }
  for (const owned of model.owned)
    for (const row of owned.rows) rows(owned.menu as Exclude<TablePath, 'radius/incoming'>).push({ ...values(row), comment: model.tag });
  // The preview asks the configured RADIUS servers with the secret from the same variable deploy reads.
  const secret = r.radius ? env[r.radius.secretEnv] : undefined;
  if (secret) for (const row of out.radius ?? []) row.secret = secret;
  if (radius) {
    const row = (out['ip/hotspot/profile'] ??= []).find((p) => p.name === profile);
    if (row) row['use-radius'] = 'yes';
    else out['ip/hotspot/profile']!.push({ name: profile, 'use-radius': 'yes' });
    const port = String(radius.port);
    out.radius = [{ address: radius.address, secret: radius.secret, service: 'hotspot', 'authentication-port': port, 'accounting-port': port }];
  }
  if (r.profile) out['ip/hotspot'] = [{ name: 'hotspot1', profile: r.profile }];

  const u = DEMO_USERS;
  const users: PropInput[] = [
    { ...u.member, profile: r.userProfile, 'limit-uptime': '2h', 'limit-bytes-total': 524_288_000 },
    { ...u.unlimited, profile: r.userProfile },
    { ...u.voucher, profile: r.userProfile, 'limit-uptime': '1h', comment: 'voucher' },
    { ...u.dataVoucher, profile: r.userProfile, 'limit-bytes-total': 104_857_600, comment: 'voucher' },
  ];
  // mac-as-username: the user is the MAC, its password the profile's mac-auth-password (empty here).
  if (config.login.methods.includes('mac')) {
    const password = r.macAuthMode === 'mac-as-username-and-password' ? DEMO_MAC_DEVICE : '';
    users.push({ name: DEMO_MAC_DEVICE, password, profile: r.userProfile, comment: 'demo device, MAC login' });
  }
  out['ip/hotspot/user'] = users;
  return out;
}
