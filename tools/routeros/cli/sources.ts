/**
 * The lists and objects behind CLI menus: the RouterDb tables (ip/hotspot/…), the file store
 * (`/file`), and the read-only objects `/system resource` and `/system identity`.
 */
import { RouterDbError } from '../db/router-db.ts';
import { normalize } from '../db/router-db.ts';
import { TABLES, type PropSpec, type TablePath } from '../db/schema.ts';
import { StoreError, type FileEntry } from '../files/file-store.ts';
import { formatBytes, formatDuration } from '../time.ts';
import { sendsMessageAuth } from '../radius/message-auth.ts';
import { CliError, failure, noSuchItem } from './errors.ts';
import { boardOf, hasFileAdd, isV7, versionLabel, type RouterEnv } from './router-env.ts';

export interface Item {
  id: string;
  /** Every property, stored as RouterOS prints it; `comment` and `disabled` included. */
  props: Record<string, string>;
  /** Flag letters for the print's flag column (`X` disabled, `*` default). */
  flags: string;
}

export interface ListSource {
  readonly named: boolean;
  /** A settings object (`/radius incoming`): one item, `set`/`get` without an item number. */
  readonly single?: boolean;
  /** Property names this router knows for the menu (what print shows and set/add/find accept). */
  props(): readonly string[];
  /** Quoted in `print detail` (RouterOS quotes string properties there). */
  isString(prop: string): boolean;
  /** What add/set accept, when it differs from props() (`/file add contents=`). */
  readonly writable?: readonly string[];
  /** Table columns of plain `print`; none means plain print looks like `print detail`. */
  readonly columns?: readonly string[];
  readonly flagLegend: string;
  /** Leave empty properties out of detail/terse (walled garden, users), as RouterOS does. */
  readonly omitEmpty: boolean;
  /** Whether print shows a property of this item (RouterOS hides settings of features not in use). */
  shows?(prop: string, props: Record<string, string>): boolean;
  items(): Promise<Item[]>;
  /** The stored form of a value, or a CliError worded as RouterOS words it. */
  check(prop: string, value: string): string;
  add?(props: Record<string, string>): Promise<string>;
  set?(id: string, props: Record<string, string>): Promise<void>;
  remove?(id: string): Promise<void>;
  /** Values `get` can read that print does not show (`/file get … contents`). */
  readonly hidden?: readonly string[];
  read?(id: string, prop: string): Promise<string>;
  /** Display form of a value for table/detail (sizes as 3.5KiB); terse prints the stored form. */
  display?(prop: string, value: string): string;
}

/** Properties a router of this version does not have (fact sheet §8.4). */
export function hiddenOn(env: RouterEnv, path: TablePath): Set<string> {
  if (!isV7(env) && path === 'ip/hotspot/profile') return new Set(['html-directory-override']);
  if (path === 'radius' && !sendsMessageAuth(env.version)) return new Set(['require-message-auth']);
  return new Set();
}

/** RouterDbError → what the console prints for it. */
export function valueError(err: RouterDbError, spec: PropSpec | undefined): CliError {
  if (err.problem === 'bad-value' && err.prop) {
    const kind = spec?.type.kind;
    const words =
      kind === 'set' || kind === 'enum' || kind === 'bool'
        ? `input does not match any value of ${err.prop}`
        : `invalid value for argument ${err.prop}`;
    return new CliError(words, 'value');
  }
  return new CliError(err.message.startsWith('failure:') ? err.message : `failure: ${err.message}`, 'runtime');
}

/**
 * `/ip hotspot profile print` shows the trial settings only with trial in login-by, the MAC ones
 * only with mac, ssl-certificate only with https and the RADIUS details only with use-radius=yes.
 */
function profileShows(prop: string, props: Record<string, string>): boolean {
  const loginBy = (props['login-by'] ?? '').split(',');
  if (prop.startsWith('trial-')) return loginBy.includes('trial');
  if (prop.startsWith('mac-auth-')) return loginBy.includes('mac');
  if (prop === 'ssl-certificate') return loginBy.includes('https');
  if (prop.startsWith('radius-') || prop === 'nas-port-type') return props['use-radius'] === 'yes';
  return true;
}

const TABLE_COLUMNS: Partial<Record<TablePath, readonly string[]>> = {
  'ip/hotspot': ['name', 'interface', 'address-pool', 'profile', 'idle-timeout'],
  'ip/hotspot/user': ['server', 'name', 'address', 'profile'],
  'ip/hotspot/walled-garden': ['action', 'server', 'src-address', 'method', 'dst-host', 'dst-port', 'path'],
  'ip/hotspot/walled-garden/ip': ['action', 'server', 'src-address', 'dst-address', 'protocol', 'dst-port', 'dst-host'],
};

export function tableSource(env: RouterEnv, path: TablePath): ListSource {
  const spec = TABLES[path].props as Readonly<Record<string, PropSpec>>;
  const hidden = hiddenOn(env, path);
  const props = Object.keys(spec).filter((p) => !hidden.has(p));
  const hasDefault = path === 'ip/hotspot/profile' || path === 'ip/hotspot/user/profile';
  const db = env.db;
  const rowOf = (id: string) => db.rows(path).find((r) => r['.id'] === id);
  const wrap = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof RouterDbError) throw valueError(err, err.prop ? spec[err.prop] : undefined);
      throw err;
    }
  };
  return {
    named: TABLES[path].named,
    single: 'single' in TABLES[path],
    props: () => props,
    isString: (p) => spec[p]?.type.kind === 'string' || spec[p]?.type.kind === 'mac',
    columns: TABLE_COLUMNS[path],
    flagLegend: hasDefault ? 'Flags: * - default' : 'Flags: X - disabled',
    omitEmpty: !hasDefault && path !== 'ip/hotspot',
    shows: path === 'ip/hotspot/profile' ? profileShows : undefined,
    items: async () =>
      db.rows(path).map((r) => {
        const { '.id': id, ...rest } = r;
        const flags = (r.disabled === 'yes' ? 'X' : '') + (hasDefault && r.name === 'default' ? '*' : '');
        return { id, props: Object.fromEntries(props.map((p) => [p, rest[p] ?? ''])), flags };
      }),
    check: (prop, value) => wrap(() => normalize(path, { [prop]: value })[prop]!),
    add: async (input) => wrap(() => db.add(path, input)['.id']),
    set: async (id, input) => {
      const row = rowOf(id);
      if (!row) throw noSuchItem();
      wrap(() => db.set(path, row, input));
    },
    remove: async (id) => {
      const row = rowOf(id);
      if (!row) throw noSuchItem();
      if (hasDefault && row.name === 'default') throw failure('cannot remove default profile');
      db.remove(path, row);
    },
  };
}

/** `3551` → `3.5KiB`, as RouterOS shows sizes; below 1 KiB the plain number. */
export const formatSize = (bytes: number): string => formatBytes(bytes, 'console');

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** File dates in UTC: v6 writes `jan/02/2026 10:00:00`, v7 `2026-01-02 10:00:00`. */
export function formatFileTime(ms: number, v7: boolean): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  const time = `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  return v7
    ? `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${time}`
    : `${MONTHS[d.getUTCMonth()]}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${time}`;
}

function storeFailure(err: unknown): never {
  if (err instanceof StoreError) {
    if (err.code === 'no-space') throw failure('not enough space on disk');
    if (err.code === 'exists') throw failure('file with such name already exists');
    throw noSuchItem();
  }
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') throw failure('parent directory does not exist');
  throw err;
}

/** Largest file whose `contents` the console reads or writes (60 KB, M-FILES). */
export const FILE_CONTENTS_LIMIT = 60 * 1024;

/** `/file`: the store as a list. Times: `last-modified` on v7, `creation-time` on v6. */
export function fileSource(env: RouterEnv): ListSource {
  const store = env.files;
  const v7 = isV7(env);
  const timeProp = v7 ? 'last-modified' : 'creation-time';
  const props = ['name', 'type', 'size', timeProp];
  const entries = async (): Promise<FileEntry[]> => (store ? store.list() : []);
  return {
    named: true,
    props: () => props,
    isString: (p) => p === 'name' || p === 'type',
    writable: ['name', 'type', 'contents'],
    // RouterOS reads and writes `contents` for files up to 60 KB (fact sheet §8.2, M-FILES).
    hidden: ['contents'],
    read: async (id, prop) => {
      const name = store?.nameOfId(id);
      if (!name || !store || prop !== 'contents') throw noSuchItem();
      const entry = (await store.list()).find((e) => e.name === name);
      if (!entry || entry.directory) throw failure('not a file');
      if (entry.size > FILE_CONTENTS_LIMIT) throw failure('file too big');
      return store.readText(name);
    },
    columns: ['name', 'type', 'size', timeProp],
    flagLegend: '',
    omitEmpty: true,
    items: async () =>
      (await entries()).map((e) => ({
        id: store!.idOf(e.name),
        props: { name: e.name, type: e.type, size: e.directory ? '' : String(e.size), [timeProp]: formatFileTime(e.mtimeMs, v7) },
        flags: '',
      })),
    check: (prop, value) => {
      if (prop === 'type' && value !== 'file' && value !== 'directory') throw new CliError('input does not match any value of type', 'value');
      return value;
    },
    add: hasFileAdd(env)
      ? async (input) => {
          if (!store) throw failure('no file system');
          const name = input.name ?? '';
          if (!name) throw new CliError('missing value(s) of argument(s) name', 'value');
          try {
            if (input.type === 'directory') await store.mkdir(name);
            else {
              if (await store.exists(name)) throw new StoreError('exists', 'exists');
              await store.writeText(name, input.contents ?? '');
            }
          } catch (err) {
            storeFailure(err);
          }
          return store.idOf(store.nameOf(store.resolve(name)));
        }
      : undefined,
    remove: async (id) => {
      const name = store?.nameOfId(id);
      if (!name || !store) throw noSuchItem();
      // Gone already: removed with its folder earlier in the same command.
      if (!(await store.exists(name))) return;
      try {
        await store.remove(name);
      } catch (err) {
        storeFailure(err);
      }
    },
    display: (prop, value) => (prop === 'size' && value !== '' ? formatSize(Number(value)) : value),
  };
}

export interface ObjectValue {
  name: string;
  /** What `get` returns (bytes for sizes). */
  raw: string;
  /** What `print` shows (3.5KiB for sizes). */
  shown: string;
}

export interface ObjectSource {
  values(): Promise<ObjectValue[]>;
}

const MIB = 1024 * 1024;

export function resourceSource(env: RouterEnv): ObjectSource {
  return {
    values: async () => {
      const board = boardOf(env);
      const free = env.files ? await env.files.freeBytes() : 0;
      const total = env.files ? env.files.totalBytes() : 0;
      const v = (name: string, raw: string, shown = raw): ObjectValue => ({ name, raw, shown });
      const size = (name: string, bytes: number) => v(name, String(bytes), formatSize(bytes));
      return [
        v('uptime', formatDuration(env.uptimeMs())),
        v('version', versionLabel(env.version)),
        v('factory-software', env.version),
        size('free-memory', 200 * MIB),
        size('total-memory', 256 * MIB),
        v('cpu', board.cpu),
        v('cpu-count', '1'),
        v('cpu-load', '1%'),
        size('free-hdd-space', free),
        size('total-hdd-space', total),
        v('architecture-name', board.architectureName),
        v('board-name', board.boardName),
        v('platform', 'MikroTik'),
      ];
    },
  };
}

export function identitySource(env: RouterEnv): ObjectSource {
  return { values: async () => [{ name: 'name', raw: env.identity(), shown: env.identity() }] };
}
