/**
 * The one router model: what portal.config.ts asks of a router, as typed RouterOS rows. The preview's
 * router (tools/router/example-config.ts) is these rows plus demo guests; the deploy script
 * (templates/router/deploy.rsc.hbs) is rendered from these rows; a test diffs the two with
 * `/ip hotspot export`. A new router setting is added here, once: a row or a property below (and the
 * property in routeros/db/schema.ts, so that the virtual router knows it).
 */
import type { PortalConfig } from '../config/schema.ts';
import type { Shape } from '../deploy/rsc.ts';
import type { TABLES, TablePath } from '../routeros/db/schema.ts';
import { radiusModel } from './radius.ts';
import { gardenHosts } from '../config/garden.ts';

/** One value, with the config field it comes from (named in refusals) and the shape it must have. */
export interface Setting {
  value: string;
  from: string;
  shape: Shape;
}

export type PropName<P extends TablePath> = keyof (typeof TABLES)[P]['props'] & string;
export type Props<P extends TablePath> = Partial<Record<PropName<P>, Setting>>;

/**
 * A change to an entry every router has, found by name (the hotspot profile, a user profile), or to a
 * settings object, which has no name (`/radius incoming`).
 */
export type RouterChange = {
  [P in TablePath]: {
    menu: P;
    name?: Setting;
    props: Props<P>;
    /** Why it is a command of its own. */
    why?: string;
    /** The entry may be missing on a router (a user profile the config names): it is added first. */
    create?: boolean;
  };
}[TablePath];

/** Entries this portal owns, marked with `comment=<tag>`: a deploy replaces all of them at once. */
export type OwnedEntries = { [P in TablePath]: { menu: P; rows: Props<P>[] } }[TablePath];

export interface RouterModel {
  /** A short name of the portal: deploy's folder prefix. */
  portal: string;
  /** The comment that marks the portal's own entries. */
  tag: string;
  /** In the order a script must make them. */
  changes: RouterChange[];
  owned: OwnedEntries[];
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

/** The walled-garden comment that marks a portal's entries. */
export function gardenTag(portal: string): string {
  return `hotspot-toolkit:${portal}`;
}

const set = (from: string, shape: Shape, value: string): Setting => ({ value, from, shape });

/**
 * The router settings of a validated config. `profile` is the hotspot server profile they go to (a
 * deploy reads it from the router when the config names none).
 */
export function routerModel(config: PortalConfig, profile: string, certificateName?: string): RouterModel {
  const r = config.router;
  const portal = portalSlug(config.brand.name);
  const has = (m: string) => r.loginBy.includes(m);
  const profileName = set('hotspot profile', 'name', profile);

  const changes: RouterChange[] = [];
  // Pages (added by deploy) and login-by change in one command, so guests never meet new pages with old methods.
  const main: Props<'ip/hotspot/profile'> = {
    'login-by': set('login.methods', 'login-by', r.loginBy.join(',')),
    'http-cookie-lifetime': set('router.httpCookieLifetime', 'duration', r.httpCookieLifetime),
  };
  if (r.dnsName) main['dns-name'] = set('router.dnsName', 'host', r.dnsName);
  // The certificate the https login and the captive-portal API are served with: the name deploy gave the
  // imported PEM files (tools/deploy/certificate.ts), or one already on the router.
  const certificate = certificateName ?? (r.https && 'name' in r.https ? r.https.name : undefined);
  if (certificate) main['ssl-certificate'] = set('router.https', 'name', certificate);
  changes.push({ menu: 'ip/hotspot/profile', name: profileName, props: main });
  if (has('trial')) {
    changes.push({
      menu: 'ip/hotspot/profile',
      name: profileName,
      why: 'After login-by: a router may take the trial settings only once trial is in login-by (fact sheet §8.1).',
      props: {
        'trial-uptime-limit': set('router.trialUptimeLimit', 'duration', r.trialUptimeLimit),
        'trial-uptime-reset': set('router.trialUptimeReset', 'duration', r.trialUptimeReset),
        'trial-user-profile': set('router.trialUserProfile', 'name', r.trialUserProfile),
      },
    });
  }
  if (has('mac') && r.macAuthMode) {
    changes.push({ menu: 'ip/hotspot/profile', name: profileName, props: { 'mac-auth-mode': set('router.macAuthMode', 'name', r.macAuthMode) } });
  }

  // The status page's settings, for members and (when it differs) trial guests alike.
  const status: Props<'ip/hotspot/user/profile'> = {
    'open-status-page': set('router.openStatusPage', 'name', r.openStatusPage),
    'status-autorefresh': set('router.statusAutorefresh', 'duration', r.statusAutorefresh),
  };
  if (r.macCookieTimeout) status['mac-cookie-timeout'] = set('router.macCookieTimeout', 'duration', r.macCookieTimeout);
  const ads = config.adverts;
  if (ads) {
    status.advertise = set('adverts', 'yes-no', 'yes');
    status['advertise-url'] = set('adverts.urls', 'url-list', ads.urls.join(','));
    status['advertise-interval'] = set('adverts.interval', 'duration', ads.interval);
    status['advertise-timeout'] = set('adverts.timeout', 'duration', ads.timeout);
  }
  const userProfiles = [...new Set([r.userProfile, ...(has('trial') ? [r.trialUserProfile] : [])])];
  for (const name of userProfiles) {
    changes.push({
      menu: 'ip/hotspot/user/profile',
      name: set(name === r.userProfile ? 'router.userProfile' : 'router.trialUserProfile', 'name', name),
      props: status,
      // `set [find name=…]` on a missing profile does nothing and says nothing (fact sheet §8.2).
      create: true,
    });
  }

  // Hosts guests reach before login: the configured ones, the advert hosts and the terms' host. Exact
  // names also at IP level, so that HTTPS to them works (a dst-host there makes RouterOS resolve it, fact sheet §8.3).
  const hosts = gardenHosts(config);
  const owned: OwnedEntries[] = [
    {
      menu: 'ip/hotspot/walled-garden',
      rows: hosts.map((h) => ({ 'dst-host': set('walledGarden.hosts', 'host-pattern', h), action: set('walledGarden', 'name', 'allow') })),
    },
    {
      menu: 'ip/hotspot/walled-garden/ip',
      rows: hosts
        .filter((h) => !/[*?]/.test(h))
        .map((h) => ({ 'dst-host': set('walledGarden.hosts', 'host', h), action: set('walledGarden', 'name', 'accept') })),
    },
  ];
  const radius = radiusModel(config, profileName);
  return { portal, tag: gardenTag(portal), changes: [...changes, ...radius.changes], owned: [...owned, ...radius.owned] };
}

/** Plain property values of a row (what the virtual router stores). */
export function values(props: Partial<Record<string, Setting>>): Record<string, string> {
  return Object.fromEntries(Object.entries(props).map(([k, s]) => [k, s!.value]));
}
