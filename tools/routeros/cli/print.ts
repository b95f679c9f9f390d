/**
 * The three `print` layouts, modelled on RouterOS's console:
 * - plain: a `Flags:` legend, a column header and one row per item (`;;; comment` on its own line);
 *   menus with many properties (hotspot profiles, user profiles) print in the detail layout instead;
 * - `detail`: ` 0   name="hsprof1" login-by=http-chap,cookie …`, wrapped at 80 columns, string
 *   properties quoted, a blank line between items;
 * - `terse`: one line per item, ` 0   comment=acme dst-host=pay.example.com action=allow`, values
 *   quoted only when they need it (empty, blanks, quotes, `\`, `$`, `?`, `;`, control characters).
 *
 * Tools should parse `terse` (see output.ts `parseTerse`): one item per line, no wrapping, raw sizes.
 */
import { routerosString } from '../routeros-string.ts';
import type { Item, ListSource, ObjectValue } from './sources.ts';

const WIDTH = 80;

/** A RouterOS string literal (one implementation for the CLI and deploy's scripts). */
export const quote = routerosString;

const NEEDS_QUOTES = /^$|[\s"\\$?;[\]{}()#\x00-\x1f\x7f]/;

export function termValue(value: string): string {
  return NEEDS_QUOTES.test(value) ? quote(value) : value;
}

function flagWidth(items: readonly Item[]): number {
  return Math.max(1, ...items.map((i) => i.flags.length));
}

function prefix(index: number | string, flags: string, width: number): string {
  return `${String(index).padStart(2)} ${flags.padEnd(width)} `;
}

/** The properties an item shows (comment aside), in schema order. */
function shownProps(list: ListSource, item: Item): string[] {
  return list
    .props()
    .filter((p) => p !== 'comment' && p !== 'disabled' && !(list.omitEmpty && (item.props[p] ?? '') === '') && (list.shows?.(p, item.props) ?? true));
}

function legend(list: ListSource): string[] {
  return list.flagLegend ? [list.flagLegend] : [];
}

export function printTerse(list: ListSource, items: readonly Item[]): string[] {
  const width = flagWidth(items);
  return items.map((item, i) => {
    const parts = item.props.comment ? [`comment=${termValue(item.props.comment)}`] : [];
    for (const p of shownProps(list, item)) parts.push(`${p}=${termValue(item.props[p] ?? '')}`);
    return prefix(i, item.flags, width) + parts.join(' ');
  });
}

export function printDetail(list: ListSource, items: readonly Item[]): string[] {
  const width = flagWidth(items);
  const indent = ' '.repeat(prefix(0, '', width).length);
  const out = legend(list);
  items.forEach((item, i) => {
    if (i > 0) out.push('');
    let line = prefix(i, item.flags, width);
    if (item.props.comment) {
      out.push(line + ';;; ' + item.props.comment);
      line = indent;
    }
    let fresh = true;
    for (const p of shownProps(list, item)) {
      const raw = item.props[p] ?? '';
      const shown = list.display?.(p, raw) ?? raw;
      const token = `${p}=${list.isString(p) ? quote(shown) : termValue(shown)}`;
      if (!fresh && line.length + 1 + token.length > WIDTH) {
        out.push(line);
        line = indent + token;
      } else {
        line += (fresh ? '' : ' ') + token;
      }
      fresh = false;
    }
    out.push(line);
  });
  return out;
}

export function printTable(list: ListSource, items: readonly Item[]): string[] {
  const columns = list.columns ?? [];
  const width = flagWidth(items);
  const cells = items.map((item) => columns.map((c) => list.display?.(c, item.props[c] ?? '') ?? item.props[c] ?? ''));
  const widths = columns.map((c, k) => Math.max(c.length, ...cells.map((row) => row[k]!.length)));
  const row = (values: string[]) =>
    values
      .map((v, k) => (k === values.length - 1 ? v : v.padEnd(widths[k]!)))
      .join(' ')
      .trimEnd();
  const out = legend(list);
  out.push(`${' #'.padEnd(prefix(0, '', width).length)}${row(columns.map((c) => c.toUpperCase()))}`);
  items.forEach((item, i) => {
    if (item.props.comment) {
      out.push(prefix(i, item.flags, width) + ';;; ' + item.props.comment);
      out.push(' '.repeat(prefix(0, '', width).length) + row(cells[i]!));
    } else out.push(prefix(i, item.flags, width) + row(cells[i]!));
  });
  return out;
}

/** `/system resource print`: `name: value`, names right-aligned. */
export function printObject(values: readonly ObjectValue[]): string[] {
  const width = Math.max(...values.map((v) => v.name.length)) + 2;
  return values.map((v) => `${v.name.padStart(width)}: ${v.shown}`);
}
