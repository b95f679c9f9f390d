/**
 * The virtual router's configuration database: RouterOS tables as rows of string properties, the way
 * `print` shows them. The servlet reads it on every request, so a `set` (from a config file, the CLI
 * over SSH, or an imported deploy script) takes effect at once.
 */
import { parseDuration } from '../time.ts';
import { TABLES, type PropSpec, type TablePath } from './schema.ts';

export type Row = Record<string, string> & { '.id': string };
export type PropInput = Record<string, string | number | boolean>;

/**
 * A value RouterOS would refuse. `message` is what the RouterOS CLI prints for it; `problem`, `prop` and
 * `value` let other front ends (a JSON config, flags) say it in their own words.
 */
export class RouterDbError extends Error {
  override name = 'RouterDbError';
  constructor(
    message: string,
    readonly problem: 'unknown-property' | 'bad-value' | 'duplicate' | 'other' = 'other',
    readonly prop?: string,
    readonly value?: string,
  ) {
    super(message);
  }
}

export class RouterDb {
  private readonly tables = new Map<TablePath, Row[]>();
  private nextId = 1;
  /** PEM of each `/certificate` row by `.id`: what the HTTPS listener serves; never part of a row. */
  readonly keyMaterial = new Map<string, { certPem: string; keyPem?: string }>();

  rows(path: TablePath): readonly Row[] {
    return this.tables.get(path) ?? [];
  }

  byName(path: TablePath, name: string): Row | undefined {
    return this.rows(path).find((r) => r.name === name);
  }

  add(path: TablePath, input: PropInput): Row {
    const spec = TABLES[path];
    const props = normalize(path, input);
    if (spec.named) {
      if (!props.name) throw new RouterDbError('failure: name must be set', 'bad-value', 'name', '');
      if (this.byName(path, props.name))
        throw new RouterDbError(`failure: entry with name "${props.name}" already exists`, 'duplicate', 'name', props.name);
    }
    const row = { '.id': `*${(this.nextId++).toString(16).toUpperCase()}` } as Row;
    for (const [prop, p] of Object.entries(spec.props) as Array<[string, PropSpec]>) row[prop] = props[prop] ?? p.default;
    const list = this.tables.get(path) ?? [];
    list.push(row);
    this.tables.set(path, list);
    return row;
  }

  set(path: TablePath, row: Row, input: PropInput): void {
    const props = normalize(path, input);
    if (TABLES[path].named && props.name !== undefined && props.name !== row.name && this.byName(path, props.name)) {
      throw new RouterDbError(`failure: entry with name "${props.name}" already exists`, 'duplicate', 'name', props.name);
    }
    Object.assign(row, props);
  }

  remove(path: TablePath, row: Row): void {
    const list = this.tables.get(path) ?? [];
    const i = list.indexOf(row);
    if (i >= 0) list.splice(i, 1);
    this.keyMaterial.delete(row['.id']);
  }

  /** Adds the row, or updates the one of the same name. */
  upsert(path: TablePath, input: PropInput): Row {
    const existing = typeof input.name === 'string' ? this.byName(path, input.name) : undefined;
    if (!existing) return this.add(path, input);
    this.set(path, existing, input);
    return existing;
  }
}

/** Validates property names and values as RouterOS would, returning the stored string forms. */
export function normalize(path: TablePath, input: PropInput): Record<string, string> {
  const spec = TABLES[path].props as Readonly<Record<string, PropSpec>>;
  const out: Record<string, string> = {};
  for (const [prop, raw] of Object.entries(input)) {
    const p = spec[prop];
    if (!p) throw new RouterDbError(`expected end of command (line 1 column 1): unknown parameter ${prop}`, 'unknown-property', prop);
    const value = typeof raw === 'boolean' ? (raw ? 'yes' : 'no') : String(raw);
    out[prop] = checkValue(prop, p, value);
  }
  return out;
}

function checkValue(prop: string, p: PropSpec, value: string): string {
  const bad = (): never => {
    throw new RouterDbError(`invalid value for argument ${prop}: "${value}"`, 'bad-value', prop, value);
  };
  const t = p.type;
  switch (t.kind) {
    case 'string':
      if (/[\0\r\n]/.test(value)) bad();
      return value;
    case 'duration':
      if (value !== '' && value !== 'none' && Number.isNaN(parseDuration(value))) bad();
      return value;
    case 'bool':
      if (value !== 'yes' && value !== 'no') bad();
      return value;
    case 'int':
      if (!/^\d+$/.test(value) || Number(value) < (t.min ?? 0)) bad();
      return String(Number(value));
    case 'enum':
      if (!t.values.includes(value)) bad();
      return value;
    case 'set': {
      const items = value === '' ? [] : value.split(',').map((s) => s.trim());
      for (const item of items) {
        if (!t.values.includes(item)) throw new RouterDbError(`input does not match any value of ${prop}: "${item}"`, 'bad-value', prop, item);
      }
      return [...new Set(items)].join(',');
    }
    case 'ip':
      if (!/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(value) || value.split('.').some((o) => Number(o) > 255)) bad();
      return value;
    case 'mac':
      if (value === '') return value;
      if (!/^([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}$/.test(value)) bad();
      return value.toUpperCase();
  }
}
