/**
 * `export`, as RouterOS writes it (compared with real 6.49 and 7.18 exports):
 *
 *   # 2026-01-10 22:30:15 by RouterOS 7.19.4
 *   /ip hotspot profile
 *   set [ find default=yes ] login-by=cookie,http-pap
 *   add dns-name=wifi.example.com hotspot-address=10.5.50.1 login-by=\
 *       cookie,http-pap name=hsprof1
 *
 * - one section per menu that has something to say, properties that differ from the default only
 *   (`verbose`: all of them), in alphabetical order, `comment=` among them;
 * - the default entry of a menu is `set [ find default=yes ]`, a settings object (`/radius incoming`)
 *   `set`, every other entry `add`;
 * - values quoted only when they need it; lines wrapped before 78 columns with ` \` (before a
 *   property that does not fit) or `=\` (before its value), continued with four blanks;
 * - v7 leaves sensitive values (passwords) out unless `show-sensitive`; v6 writes them unless
 *   `hide-sensitive`;
 * - `terse`: every line starts with its menu and nothing is wrapped.
 */
import { TABLES, type PropSpec, type TablePath } from '../db/schema.ts';
import type { Menu } from './menus.ts';
import { termValue } from './print.ts';
import { isV7, type RouterEnv } from './router-env.ts';
import { formatFileTime, hiddenOn } from './sources.ts';

/** Sections in the order RouterOS exports them. */
const ORDER: readonly TablePath[] = [
  'ip/hotspot/profile',
  'ip/hotspot/user/profile',
  'ip/hotspot',
  'ip/hotspot/user',
  'ip/hotspot/walled-garden',
  'ip/hotspot/walled-garden/ip',
  'radius',
  'radius/incoming',
];

/** Properties exported even at their default value (seen in real exports). */
const ALWAYS: Partial<Record<TablePath, readonly string[]>> = {
  'ip/hotspot': ['disabled'],
  'ip/hotspot/walled-garden/ip': ['action', 'disabled'],
};

/** Menus whose entry named `default` is the built-in one (`set [ find default=yes ]`). */
const HAS_DEFAULT = new Set<TablePath>(['ip/hotspot/profile', 'ip/hotspot/user/profile']);

const WIDTH = 77;

export const EXPORT_FLAGS = new Set(['verbose', 'terse', 'compact', 'show-sensitive', 'hide-sensitive']);

/** `/ip hotspot walled-garden ip` for `ip/hotspot/walled-garden/ip`. */
const menuLine = (path: string) => `/${path.split('/').join(' ')}`;

/** One command, wrapped as RouterOS wraps exports. */
function wrap(head: string, props: Array<[string, string]>): string[] {
  const lines: string[] = [];
  let line = head;
  const push = (next: string) => {
    lines.push(line);
    line = next;
  };
  for (const [name, value] of props) {
    const whole = `${name}=${value}`;
    if (line.length + 1 + whole.length <= WIDTH) {
      line += ` ${whole}`;
      continue;
    }
    if (line.length + 1 + name.length + 1 <= WIDTH) {
      line += ` ${name}=\\`;
      push('    ');
    } else {
      line += ' \\';
      push(`    ${name}=`);
    }
    // A value longer than a line is cut wherever the line ends, as RouterOS does.
    let rest = value;
    while (line.length + rest.length > WIDTH) {
      const room = Math.max(1, WIDTH - line.length - 1);
      line += rest.slice(0, room) + '\\';
      rest = rest.slice(room);
      push('    ');
    }
    line += rest;
  }
  lines.push(line);
  return lines;
}

function section(env: RouterEnv, path: TablePath, flags: ReadonlySet<string>): string[] {
  const spec = TABLES[path].props as Readonly<Record<string, PropSpec>>;
  const v7 = isV7(env);
  const hideSecrets = v7 ? !flags.has('show-sensitive') : flags.has('hide-sensitive');
  const always = new Set(ALWAYS[path] ?? []);
  const hidden = hiddenOn(env, path);
  const names = Object.keys(spec)
    .filter((p) => !hidden.has(p))
    .sort();
  const out: string[] = [];
  for (const row of env.db.rows(path)) {
    const isDefault = HAS_DEFAULT.has(path) && row.name === 'default';
    // A settings object (`/radius incoming`) has one item and no `add`.
    const single = 'single' in TABLES[path];
    const props: Array<[string, string]> = [];
    for (const p of names) {
      if (isDefault && p === 'name') continue;
      if (hideSecrets && spec[p]!.secret) continue;
      const value = row[p] ?? '';
      if (flags.has('verbose') || always.has(p) || value !== spec[p]!.default) props.push([p, termValue(value)]);
    }
    if ((isDefault || single) && !props.length) continue;
    const verb = isDefault ? 'set [ find default=yes ]' : single ? 'set' : 'add';
    if (flags.has('terse')) out.push([menuLine(path), verb, ...props.map(([n, v]) => `${n}=${v}`)].join(' '));
    else out.push(...wrap(verb, props));
  }
  if (!out.length || flags.has('terse')) return out;
  return [menuLine(path), ...out];
}

/** The menus under `menu` (itself included) that export something. */
function tablesUnder(menu: Menu): TablePath[] {
  const prefix = menu.path ? `${menu.path}/` : '';
  return ORDER.filter((p) => p === menu.path || p.startsWith(prefix));
}

/** The export of `menu` and the menus below it, ending with a newline. */
export function exportMenu(env: RouterEnv, menu: Menu, flags: ReadonlySet<string>): string {
  const lines = [`# ${formatFileTime(env.now?.() ?? Date.now(), isV7(env))} by RouterOS ${env.version}`];
  for (const path of tablesUnder(menu)) lines.push(...section(env, path, flags));
  if (!menu.path)
    lines.push(
      ...(flags.has('terse')
        ? [`/system identity set name=${termValue(env.identity())}`]
        : ['/system identity', `set name=${termValue(env.identity())}`]),
    );
  return lines.join('\n');
}
