/**
 * The menu tree of the CLI subset: which menus exist, what each lists, and which commands each
 * takes. Anything else answers `bad command name …`, as RouterOS does for a menu it lacks.
 */
import type { TablePath } from '../db/schema.ts';
import { fileSource, identitySource, resourceSource, tableSource, type ListSource, type ObjectSource } from './sources.ts';
import { type RouterEnv } from './router-env.ts';
import { activeSource, queueSource } from './active.ts';

export interface Menu {
  name: string;
  /** `ip/hotspot/profile`; `''` for the root. */
  path: string;
  parent?: Menu;
  children: Map<string, Menu>;
  list?: (env: RouterEnv) => ListSource;
  object?: (env: RouterEnv) => ObjectSource;
  commands: (env: RouterEnv) => ReadonlySet<string>;
}

const LIST_COMMANDS = new Set(['print', 'get', 'set', 'add', 'remove', 'find', 'export']);
const OBJECT_COMMANDS = new Set(['print', 'get']);
const SETTINGS_COMMANDS = new Set(['print', 'get', 'set']);

function menu(name: string, parent: Menu | undefined, extra: Partial<Menu> = {}): Menu {
  const m: Menu = {
    name,
    path: parent && parent.path ? `${parent.path}/${name}` : name,
    parent,
    children: new Map(),
    commands: () => new Set(),
    ...extra,
  };
  parent?.children.set(name, m);
  return m;
}

function table(name: string, parent: Menu, path: TablePath): Menu {
  return menu(name, parent, { list: (env) => tableSource(env, path), commands: () => LIST_COMMANDS });
}

function build(): Menu {
  const root = menu('', undefined, { commands: () => new Set(['import', 'export']) });
  const system = menu('system', root);
  menu('resource', system, { object: resourceSource, commands: () => OBJECT_COMMANDS });
  menu('identity', system, { object: identitySource, commands: () => OBJECT_COMMANDS });
  menu('file', root, {
    list: fileSource,
    // `/file add` exists from 7.9 (fact sheet §8.2); `/file set contents=` is not simulated.
    commands: (env) => new Set(['print', 'get', 'remove', 'find', ...(fileSource(env).add ? ['add'] : [])]),
  });
  // `/certificate`: listed, renamed, removed and filled by `import` (no `add`: nothing is signed here).
  menu('certificate', root, {
    list: (env) => tableSource(env, 'certificate'),
    commands: () => new Set(['print', 'get', 'set', 'remove', 'find', 'import']),
  });
  const ip = menu('ip', root);
  const hotspot = table('hotspot', ip, 'ip/hotspot');
  table('profile', hotspot, 'ip/hotspot/profile');
  const user = table('user', hotspot, 'ip/hotspot/user');
  table('profile', user, 'ip/hotspot/user/profile');
  const garden = table('walled-garden', hotspot, 'ip/hotspot/walled-garden');
  table('ip', garden, 'ip/hotspot/walled-garden/ip');
  menu('active', hotspot, { list: activeSource, commands: () => new Set(['print', 'get', 'find', 'remove']) });
  menu('simple', menu('queue', root), { list: queueSource, commands: () => new Set(['print', 'get', 'find']) });
  const radius = table('radius', root, 'radius');
  menu('incoming', radius, { list: (env) => tableSource(env, 'radius/incoming'), commands: () => SETTINGS_COMMANDS });
  return root;
}

export const ROOT = build();
