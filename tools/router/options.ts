/**
 * `npm run router` flags turned into a router config, each bad value refused with one sentence.
 */
import { readFile } from 'node:fs/promises';
import { UserError } from '../lib/errors.ts';
import type { RouterConfigInput } from '../routeros/config.ts';
import { expected } from '../routeros/config.ts';
import { normalize, RouterDbError, type PropInput } from '../routeros/db/router-db.ts';
import { TABLES, type PropSpec, type TablePath } from '../routeros/db/schema.ts';

/** A flag value checked as RouterOS checks the property it sets; refused with the flag's name. */
function checked(flag: string, path: TablePath, prop: string, value: string): string {
  try {
    return normalize(path, { [prop]: value })[prop]!;
  } catch (err) {
    if (!(err instanceof RouterDbError)) throw err;
    const spec = (TABLES[path].props as Readonly<Record<string, PropSpec>>)[prop];
    const bad = err.value !== undefined && err.value !== value ? `"${err.value}" in "${value}"` : `"${value}"`;
    throw new UserError(`${flag} ${bad} is not accepted: ${expected(spec)}.`);
  }
}

export interface RouterFlags {
  htmlDir?: string;
  httpPort: string;
  httpsPort?: string;
  httpsCert?: string;
  httpsKey?: string;
  host: string;
  config?: string;
  user: string[];
  loginBy?: string;
  dnsName?: string;
  httpCookieLifetime?: string;
  trialUptimeLimit?: string;
  trialUptimeReset?: string;
  statusAutorefresh?: string;
  sharedUsers?: string;
  openStatusPage?: string;
  chapLifetime?: string;
  frozenClock?: boolean;
}

const MAC_PREFIX = /^([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5})(?::|$)/;

/** `NAME:PASSWORD[:PROFILE]`; a MAC-address name (for MAC login) keeps its colons. */
export function parseUserFlag(value: string): PropInput {
  const mac = MAC_PREFIX.exec(value);
  const name = mac ? mac[1]! : value.split(':')[0]!;
  const rest = mac ? value.slice(mac[0].length) : value.slice(name.length + 1);
  const hasPassword = mac ? true : value.includes(':');
  const [password = '', profile, extra] = rest.split(':');
  if (!name || !hasPassword || extra !== undefined || /\s/.test(name)) {
    throw new UserError(`--user "${value}" is not NAME:PASSWORD or NAME:PASSWORD:PROFILE (for example --user alice:secret:default).`);
  }
  const row: PropInput = { name, password };
  if (profile) row.profile = profile;
  return row;
}

export function parsePort(value: string, flag = '--http-port'): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new UserError(`${flag} "${value}" is not a port number from 0 to 65535.`);
  return Number(value);
}

export async function readConfigFile(path: string): Promise<RouterConfigInput> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserError(`The router config file ${path} cannot be read: check the path given to --config.`);
  }
  try {
    return JSON.parse(text) as RouterConfigInput;
  } catch (err) {
    throw new UserError(`The router config file ${path} is not valid JSON (${(err as Error).message}).`);
  }
}

/** Merges flags over a base config: flags set the profile and user profile, --user adds users. */
export function applyFlags(base: RouterConfigInput, flags: RouterFlags): RouterConfigInput {
  const config: RouterConfigInput = { ...base };
  const profile: PropInput = { name: 'hsprof1' };
  const set = (row: PropInput, path: TablePath, flag: string, prop: string, v: string | undefined) => {
    if (v !== undefined) row[prop] = checked(flag, path, prop, v);
  };
  const hp = 'ip/hotspot/profile';
  set(profile, hp, '--login-by', 'login-by', flags.loginBy);
  set(profile, hp, '--dns-name', 'dns-name', flags.dnsName);
  set(profile, hp, '--http-cookie-lifetime', 'http-cookie-lifetime', flags.httpCookieLifetime);
  set(profile, hp, '--trial-uptime-limit', 'trial-uptime-limit', flags.trialUptimeLimit);
  set(profile, hp, '--trial-uptime-reset', 'trial-uptime-reset', flags.trialUptimeReset);
  if (Object.keys(profile).length > 1) config['ip/hotspot/profile'] = [...(base['ip/hotspot/profile'] ?? []), profile];
  const userProfile: PropInput = { name: 'default' };
  const up = 'ip/hotspot/user/profile';
  set(userProfile, up, '--status-autorefresh', 'status-autorefresh', flags.statusAutorefresh);
  set(userProfile, up, '--shared-users', 'shared-users', flags.sharedUsers);
  set(userProfile, up, '--open-status-page', 'open-status-page', flags.openStatusPage);
  if (Object.keys(userProfile).length > 1) config['ip/hotspot/user/profile'] = [...(base['ip/hotspot/user/profile'] ?? []), userProfile];
  if (flags.user.length) config['ip/hotspot/user'] = [...(base['ip/hotspot/user'] ?? []), ...flags.user.map(parseUserFlag)];
  return config;
}
