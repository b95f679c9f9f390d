/**
 * The RouterOS tables the virtual router keeps, with their properties, types and defaults
 * (fact sheet §8.1, §8.3; source M-CLI and M-HS). Values are stored as RouterOS prints them: strings.
 */
import { RADIUS_MAC_FORMAT_VALUES } from '../radius/mac-format.ts';

export type PropType =
  | { kind: 'string' }
  | { kind: 'duration' }
  | { kind: 'bool' }
  | { kind: 'int'; min?: number }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'set'; values: readonly string[] }
  | { kind: 'ip' }
  | { kind: 'mac' };

export interface PropSpec {
  type: PropType;
  default: string;
  /** Masked wherever values are printed (logs, dry-run, state dumps). */
  secret?: boolean;
}

export interface TableSpec {
  path: TablePath;
  /** Whether rows are found by a unique `name`. */
  named: boolean;
  /** A settings object with exactly one row (`/radius incoming`), set but never added or removed. */
  single?: boolean;
  props: Readonly<Record<string, PropSpec>>;
}

const str = (d = ''): PropSpec => ({ type: { kind: 'string' }, default: d });
const dur = (d = ''): PropSpec => ({ type: { kind: 'duration' }, default: d });
const bool = (d: 'yes' | 'no'): PropSpec => ({ type: { kind: 'bool' }, default: d });
const int = (d: string, min = 0): PropSpec => ({ type: { kind: 'int', min }, default: d });
const oneOf = (values: readonly string[], d: string): PropSpec => ({ type: { kind: 'enum', values }, default: d });
const secret = (): PropSpec => ({ type: { kind: 'string' }, default: '', secret: true });

/** RouterOS `login-by` values (the portal's own login methods are config's LOGIN_METHODS). */
export const LOGIN_BY = ['mac', 'cookie', 'http-chap', 'https', 'http-pap', 'trial', 'mac-cookie'] as const;
export type LoginBy = (typeof LOGIN_BY)[number];

export const RADIUS_SERVICES = ['ppp', 'login', 'hotspot', 'wireless', 'dhcp', 'ipsec', 'dot1x'] as const;

const common = { comment: str(), disabled: bool('no') };

export const TABLES = {
  'ip/hotspot': {
    path: 'ip/hotspot',
    named: true,
    props: {
      ...common,
      name: str(),
      interface: str('bridge-hotspot'),
      profile: str('default'),
      'address-pool': str('none'),
      'addresses-per-mac': str('2'),
      'idle-timeout': dur('5m'),
      'keepalive-timeout': dur('none'),
      'login-timeout': dur('none'),
    },
  },
  'ip/hotspot/profile': {
    path: 'ip/hotspot/profile',
    named: true,
    props: {
      name: str(),
      'hotspot-address': { type: { kind: 'ip' }, default: '10.5.50.1' },
      'dns-name': str(),
      'html-directory': str('hotspot'),
      'html-directory-override': str(),
      'install-hotspot-queue': bool('no'),
      'rate-limit': str(),
      'http-proxy': str('0.0.0.0:0'),
      'smtp-server': str('0.0.0.0'),
      'login-by': { type: { kind: 'set', values: LOGIN_BY }, default: 'http-chap,cookie' },
      'mac-auth-mode': oneOf(['mac-as-username', 'mac-as-username-and-password'], 'mac-as-username'),
      'mac-auth-password': secret(),
      'http-cookie-lifetime': dur('3d'),
      'ssl-certificate': str('none'),
      'split-user-domain': bool('no'),
      'trial-uptime-limit': dur('30m'),
      'trial-uptime-reset': dur('1d'),
      'trial-user-profile': str('default'),
      'use-radius': bool('no'),
      'radius-accounting': bool('yes'),
      'radius-interim-update': str('received'),
      'nas-port-type': str('wireless-802.11'),
      'radius-default-domain': str(),
      'radius-location-id': str(),
      'radius-location-name': str(),
      'radius-mac-format': oneOf(RADIUS_MAC_FORMAT_VALUES, 'XX:XX:XX:XX:XX:XX'),
    },
  },
  'ip/hotspot/user/profile': {
    path: 'ip/hotspot/user/profile',
    named: true,
    props: {
      name: str(),
      'shared-users': int('1', 1),
      'open-status-page': oneOf(['always', 'http-login'], 'always'),
      'status-autorefresh': dur('1m'),
      'add-mac-cookie': bool('yes'),
      'mac-cookie-timeout': dur('3d'),
      'session-timeout': dur(),
      'idle-timeout': dur('none'),
      'keepalive-timeout': dur('2m'),
      'rate-limit': str(),
      'address-pool': str('none'),
      'transparent-proxy': bool('no'),
      advertise: bool('no'),
      'advertise-url': str(),
      'advertise-interval': str('30m,10m'),
      'advertise-timeout': dur('1m'),
    },
  },
  'ip/hotspot/user': {
    path: 'ip/hotspot/user',
    named: true,
    props: {
      ...common,
      name: str(),
      password: secret(),
      profile: str('default'),
      server: str('all'),
      'mac-address': { type: { kind: 'mac' }, default: '' },
      email: str(),
      address: str(),
      'limit-uptime': dur(),
      'limit-bytes-in': int('0'),
      'limit-bytes-out': int('0'),
      'limit-bytes-total': int('0'),
    },
  },
  /** RADIUS servers the router asks (M-CLI `/radius`); the hotspot uses rows whose service has `hotspot`. */
  radius: {
    path: 'radius',
    named: false,
    props: {
      ...common,
      address: { type: { kind: 'ip' }, default: '0.0.0.0' },
      secret: secret(),
      service: { type: { kind: 'set', values: RADIUS_SERVICES }, default: '' },
      'authentication-port': int('1812', 1),
      'accounting-port': int('1813', 1),
      timeout: dur('300ms'),
      'accounting-backup': bool('no'),
      'called-id': str(),
      domain: str(),
      realm: str(),
      'src-address': { type: { kind: 'ip' }, default: '0.0.0.0' },
      protocol: oneOf(['udp', 'radsec'], 'udp'),
      'require-message-auth': oneOf(['no', 'yes-for-request-resp'], 'yes-for-request-resp'),
    },
  },
  /** `/radius incoming`: one settings object (accept Disconnect and CoA requests, on this UDP port). */
  'radius/incoming': {
    path: 'radius/incoming',
    named: false,
    single: true,
    props: {
      accept: bool('no'),
      port: int('3799', 1),
    },
  },
  'ip/hotspot/walled-garden': {
    path: 'ip/hotspot/walled-garden',
    named: false,
    props: {
      ...common,
      server: str(),
      'src-address': str(),
      method: str(),
      'dst-host': str(),
      'dst-port': str(),
      path: str(),
      action: oneOf(['allow', 'deny'], 'allow'),
    },
  },
  'ip/hotspot/walled-garden/ip': {
    path: 'ip/hotspot/walled-garden/ip',
    named: false,
    props: {
      ...common,
      server: str(),
      'src-address': str(),
      'dst-address': str(),
      'dst-host': str(),
      protocol: str(),
      'dst-port': str(),
      'src-address-list': str(),
      'dst-address-list': str(),
      action: oneOf(['accept', 'drop', 'reject'], 'accept'),
    },
  },
  /**
   * `/certificate`: what `/certificate import` made of PEM files (the key material itself is kept
   * beside the table, never printed). Dates as RouterOS 7 prints them (`2027-01-31 12:00:00`).
   */
  certificate: {
    path: 'certificate',
    named: true,
    props: {
      name: str(),
      'common-name': str(),
      'subject-alt-name': str(),
      issuer: str(),
      fingerprint: str(),
      'invalid-before': str(),
      'invalid-after': str(),
      'private-key': bool('no'),
      trusted: bool('no'),
    },
  },
} as const satisfies Record<string, Omit<TableSpec, 'path'> & { path: string }>;

export type TablePath = keyof typeof TABLES;
export const TABLE_PATHS = Object.keys(TABLES) as TablePath[];
