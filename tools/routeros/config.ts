/**
 * Building the virtual router's database from a config object (a JSON file for `npm run router
 * --config`, or an object in tests). Keys are RouterOS menu paths, rows use RouterOS property names:
 *   { "ip/hotspot/profile": [{ "name": "hsprof1", "login-by": "http-chap,trial" }],
 *     "ip/hotspot/user": [{ "name": "alice", "password": "…", "limit-uptime": "1h" }] }
 */
import { UserError } from '../lib/errors.ts';
import { RouterDb, RouterDbError, type PropInput } from './db/router-db.ts';
import { TABLE_PATHS, TABLES, type PropSpec, type TablePath } from './db/schema.ts';

export type RouterConfigInput = Partial<Record<Exclude<TablePath, 'radius/incoming'>, PropInput[]>> & {
  /** `/radius incoming` may also be written as one object of settings. */
  'radius/incoming'?: PropInput | PropInput[];
  /** `/system identity` name. */
  identity?: string;
  /** RouterOS version the router presents, e.g. "7.19.4" or "6.49.13". */
  version?: string;
};

export interface RouterIdentity {
  identity: string;
  version: string;
}

/** A router as RouterOS ships after the HotSpot setup wizard: one server, its profile, a default user profile. */
function seed(db: RouterDb): void {
  db.add('ip/hotspot/profile', { name: 'default' });
  db.add('ip/hotspot/profile', { name: 'hsprof1', 'dns-name': '' });
  db.add('ip/hotspot/user/profile', { name: 'default' });
  db.add('ip/hotspot', { name: 'hotspot1', profile: 'hsprof1' });
  db.add('radius/incoming', {});
}

const KNOWN_KEYS = new Set<string>([...TABLE_PATHS, 'identity', 'version', '$schema']);

/** One sentence for a refused config row: which row, which property, and what it accepts. */
export function explain(where: string, path: TablePath, err: RouterDbError): string {
  const spec = TABLES[path].props as Readonly<Record<string, PropSpec>>;
  if (err.problem === 'unknown-property') {
    return `The router config's ${where} has no property "${err.prop}": check the spelling (${path} has ${Object.keys(spec).join(', ')}).`;
  }
  if (err.problem === 'bad-value' && err.prop) {
    return `The router config's ${where} sets ${err.prop} to "${err.value}", which RouterOS refuses: ${expected(spec[err.prop])}.`;
  }
  return `The router config's ${where} is refused (${err.message}): fix that row.`;
}

/** What a property accepts, in words. */
export function expected(p: PropSpec | undefined): string {
  const t = p?.type;
  switch (t?.kind) {
    case 'duration':
      return 'write a duration like 30m, 1h30m or 1d';
    case 'bool':
      return 'write yes or no';
    case 'int':
      return `write a whole number${t.min ? ` of at least ${t.min}` : ''}`;
    case 'enum':
      return `write one of ${t.values.join(', ')}`;
    case 'set':
      return `write one or more of ${t.values.join(', ')}, separated by commas`;
    case 'ip':
      return 'write an IPv4 address like 10.5.50.1';
    case 'mac':
      return 'write a MAC address like 02:00:00:00:00:01';
    default:
      return 'write a value on one line';
  }
}

/** The RouterOS version a router presents when its config names none. */
export const DEFAULT_VERSION = '7.19.4';

export function createRouterDb(input: RouterConfigInput = {}): { db: RouterDb } & RouterIdentity {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new UserError('The router config must be a JSON object whose keys are menu paths such as "ip/hotspot/user".');
  }
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.has(key))
      throw new UserError(`The router config has an unknown key "${key}": use one of ${[...TABLE_PATHS, 'identity', 'version'].join(', ')}.`);
  }
  const db = new RouterDb();
  seed(db);
  for (const path of TABLE_PATHS) {
    const given: unknown = input[path];
    if (given === undefined) continue;
    const single = 'single' in TABLES[path];
    // A settings object (`"radius/incoming": { "accept": "yes" }`) is written as an object or a one-row list.
    const rows = single && !Array.isArray(given) ? [given as PropInput] : given;
    if (!Array.isArray(rows) || (single && rows.length > 1)) {
      throw new UserError(
        single
          ? `"${path}" in the router config must be one object of settings, such as { "accept": "yes" }.`
          : `"${path}" in the router config must be a list of rows.`,
      );
    }
    rows.forEach((row, i) => {
      try {
        if (typeof row !== 'object' || row === null) throw new RouterDbError('a row must be an object of property values');
        if (single) db.set(path, db.rows(path)[0]!, row as PropInput);
        else db.upsert(path, row as PropInput);
      } catch (err) {
        if (err instanceof RouterDbError) throw new UserError(explain(`${path}[${i}]`, path, err));
        throw err;
      }
    });
  }
  const version = input.version ?? DEFAULT_VERSION;
  if (!/^[67]\.\d+(\.\d+)?$/.test(version))
    throw new UserError(`The router config's version "${version}" is not a RouterOS version such as 7.19.4 or 6.49.13.`);
  return { db, identity: input.identity ?? 'MikroTik', version };
}
