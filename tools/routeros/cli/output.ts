/**
 * Reading RouterOS console output, for the deploy tool (it talks to real routers and to the virtual
 * one alike), and masking secrets before anything is logged.
 *
 * What to parse:
 * - lists: `… print terse` (optionally `where …`): one item per line, ` N FLAGS name=value …`,
 *   values quoted RouterOS-style only when they need it → `parseTerse`;
 * - single values: `:put [/system resource get free-hdd-space]` (bytes), `:put [/system resource get
 *   version]` (`7.19.4 (stable)`; take the first word), `:put [:len [/ip hotspot walled-garden find
 *   where comment~"^acme"]]` → read the line as it is;
 * - `/system resource print` (`name: value` lines, sizes like `3.5MiB`) → `parseObject` + `parseSize`;
 * - errors: the console prints them where output goes and the SSH exit status says nothing (RouterOS
 *   exits 0), so check every answer with `findCliError`. `/import` ends with IMPORT_OK on success.
 * Lines may end in CRLF (the SSH side sends CRLF, as a terminal does); every parser here accepts both.
 */
import { TABLES, type PropSpec } from '../db/schema.ts';
import { SIMPLE_ESCAPES } from './lexer.ts';

export interface TerseItem {
  index: number;
  flags: string;
  props: Record<string, string>;
}

/** `name=value` pairs of one line; quoted values unescaped. Tolerant: bare values may hold anything but blanks. */
export function parseKeyValues(line: string): Record<string, string> {
  const props: Record<string, string> = {};
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && /\s/.test(line[i]!)) i++;
    const start = i;
    while (i < n && line[i] !== '=' && !/\s/.test(line[i]!)) i++;
    if (line[i] !== '=') continue; // a flag or stray word
    const key = line.slice(start, i++);
    let value = '';
    if (line[i] === '"') {
      i++;
      while (i < n && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < n) {
          const e = line[i + 1]!;
          const hex = line.slice(i + 1, i + 3);
          if (e in SIMPLE_ESCAPES) {
            value += SIMPLE_ESCAPES[e];
            i += 2;
          } else if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
            value += String.fromCharCode(parseInt(hex, 16));
            i += 3;
          } else {
            value += e;
            i += 2;
          }
        } else value += line[i++];
      }
      i++;
    } else {
      while (i < n && !/\s/.test(line[i]!)) value += line[i++];
    }
    props[key] = value;
  }
  return props;
}

/** Items of a `print terse` answer (blank lines, a `Flags:` legend and error lines are skipped). */
export function parseTerse(output: string): TerseItem[] {
  const items: TerseItem[] = [];
  for (const line of output.split(/\r?\n/)) {
    const m = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const rest = m[2]!;
    const firstProp = rest.search(/[A-Za-z0-9.-]+=/);
    const flags = (firstProp < 0 ? rest : rest.slice(0, firstProp)).replace(/\s+/g, '');
    items.push({ index: Number(m[1]), flags, props: firstProp < 0 ? {} : parseKeyValues(rest.slice(firstProp)) });
  }
  return items;
}

/** `name: value` lines, as `/system resource print` and `/system identity print` answer. */
export function parseObject(output: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of output.split(/\r?\n/)) {
    const m = /^\s*([a-z0-9-]+): (.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!.trimEnd();
  }
  return out;
}

/** `3551`, `3.5KiB`, `101.6MiB`, `1GiB` → bytes (rounded); NaN when it is not a size. */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(B|KiB|MiB|GiB|TiB)?\s*$/.exec(text);
  if (!m) return Number.NaN;
  const mult = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 }[m[2] ?? 'B']!;
  return Math.round(Number(m[1]) * mult);
}

/** Error lines of the RouterOS console (the ones this toolkit knows of). */
const ERROR_LINE =
  /^(bad command name .*|syntax error .*|expected end of command .*|expected command name .*|no such item.*|input does not match any value of .*|invalid value for argument .*|missing value\(s\) of argument\(s\) .*|failure: .*|invalid regular expression.*|value of .* out of range.*|ambiguous value .*|not enough permissions.*)$/;

/** The first line of `output` that is a RouterOS error, or undefined. */
export function findCliError(output: string): string | undefined {
  for (const line of output.split(/\r?\n/)) {
    const t = line.trim();
    if (ERROR_LINE.test(t)) return t;
  }
  return undefined;
}

/** Property names whose values are secrets (PropSpec.secret in db/schema.ts): `password`, `mac-auth-password`. */
export const SECRET_PROPS: readonly string[] = [
  ...new Set(
    Object.values(TABLES).flatMap((t) =>
      Object.entries(t.props as Readonly<Record<string, PropSpec>>)
        .filter(([, p]) => p.secret)
        .map(([name]) => name),
    ),
  ),
].sort((a, b) => b.length - a.length);

const SECRET_RE = new RegExp(
  `(^|[\\s;\\[{])(${SECRET_PROPS.map((p) => p.replace(/[-]/g, '\\-')).join('|')})(=|!=|~)("(?:[^"\\\\]|\\\\.)*"?|[^\\s;\\]]*)`,
  'gm',
);

/**
 * The text with every secret property's value replaced by `***`: for commands, scripts and print
 * output alike (`password="x y"`, `mac-auth-password=abc`). Use it on anything that goes to a log.
 */
export function maskSecrets(text: string): string {
  return text.replace(SECRET_RE, (_m, lead: string, prop: string, op: string) => `${lead}${prop}${op}***`);
}
