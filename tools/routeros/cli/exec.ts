/**
 * Running bound commands against a router: print/get/find/set/add/remove over lists, print/get over
 * objects, `/import`, `:put`, `:len` and `:if`. Execution stops at the first error, whose console line ends
 * the output (RouterOS prints errors where the output goes).
 *
 * `set`/`remove` on an empty `[find …]` do nothing and report nothing (fact sheet §8.2).
 */
import { bindScript, FLAG_PROPS, type Bound, type BoundValue, type Cond } from './bind.ts';
import { importPem, importReport } from '../certs/certificates.ts';
import { boundedRegex } from './bounded-regex.ts';
import { CliError, failure, noSuchItem } from './errors.ts';
import { exportMenu } from './export.ts';
import { lex } from './lexer.ts';
import type { Menu } from './menus.ts';
import { printDetail, printObject, printTable, printTerse } from './print.ts';
import type { RouterEnv } from './router-env.ts';
import type { Item, ListSource } from './sources.ts';

/** A script value: a string, or a list of internal ids (what `find` returns). */
export type Value = string | string[];

export interface CliResult {
  /** Everything printed, `\n`-separated, ending with a newline when not empty. */
  output: string;
  /** The error line that stopped it (also the last line of `output`). */
  error?: string;
}

export const IMPORT_OK = 'Script file loaded and executed successfully';

const toText = (v: Value | undefined): string => (v === undefined ? '' : Array.isArray(v) ? v.join(';') : v);

class Executor {
  constructor(
    readonly env: RouterEnv,
    readonly out: string[],
    readonly importDepth: number,
  ) {}

  async runAll(bound: Bound[]): Promise<Value | undefined> {
    let last: Value | undefined;
    for (const b of bound) {
      try {
        last = await this.run(b);
      } catch (err) {
        // A runtime error names its line when it happens inside an imported file.
        if (err instanceof CliError && !err.pos && !err.final) throw new CliError(err.message, err.kind, b.pos);
        throw err;
      }
    }
    return last;
  }

  async value(v: BoundValue): Promise<Value> {
    if (v.parts.length === 1 && typeof v.parts[0] !== 'string') return (await this.runAll(v.parts[0]!)) ?? '';
    let text = '';
    for (const p of v.parts) text += typeof p === 'string' ? p : toText(await this.runAll(p));
    return text;
  }

  private async run(b: Bound): Promise<Value | undefined> {
    switch (b.kind) {
      case 'context':
        return undefined;
      case 'put':
        this.out.push(toText(b.value && (await this.value(b.value))));
        return undefined;
      case 'len': {
        const v = await this.value(b.value);
        return String(v.length);
      }
      case 'if': {
        const equal = toText(await this.value(b.left)) === toText(await this.value(b.right));
        return this.runAll(equal === (b.op === '=') ? b.then : b.else);
      }
      case 'command':
        if (b.name === 'import') return b.menu.path === 'certificate' ? this.importCertificates(b) : this.import(b);
        if (b.name === 'export') {
          this.out.push(exportMenu(this.env, b.menu, b.flags));
          return undefined;
        }
        if (b.menu.object) return this.objectCommand(b);
        return this.listCommand(b, b.menu.list!(this.env));
    }
  }

  private async objectCommand(b: Extract<Bound, { kind: 'command' }>): Promise<Value | undefined> {
    const values = await b.menu.object!(this.env).values();
    if (b.name === 'print') {
      this.out.push(...printObject(values));
      return undefined;
    }
    const name = toText(await this.value(b.prop!));
    const found = values.find((v) => v.name === name);
    if (!found) throw new CliError('input does not match any value of value-name', 'value');
    return found.raw;
  }

  private async matches(item: Item, cond: Cond | undefined): Promise<boolean> {
    if (!cond) return true;
    for (const group of cond) {
      let all = true;
      for (const t of group) {
        const have = item.props[t.prop] ?? '';
        let ok: boolean;
        if (t.op === 'flag') ok = t.prop in FLAG_PROPS ? item.flags.includes(FLAG_PROPS[t.prop]!) : have === 'yes';
        else {
          const want = toText(await this.value(t.value));
          if (t.op === '~') {
            ok = boundedRegex(want, t.pos).test(have);
          } else ok = (have === want) === (t.op === '=');
        }
        if (!ok) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }

  /** The ids a `numbers` argument names: a `[find]` list, `*1F` ids, positions or names, comma-separated. */
  private async resolveItems(list: ListSource, items: Item[], v: Value): Promise<string[]> {
    if (Array.isArray(v)) return v.filter((id) => items.some((i) => i.id === id));
    const ids: string[] = [];
    for (const ref of v.split(',')) {
      const hit = /^\*[0-9A-Fa-f]+$/.test(ref)
        ? items.find((i) => i.id.toUpperCase() === ref.toUpperCase())
        : /^\d+$/.test(ref)
          ? items[Number(ref)]
          : list.named
            ? items.find((i) => i.props.name === ref)
            : undefined;
      if (!hit) throw noSuchItem();
      ids.push(hit.id);
    }
    return ids;
  }

  private async writes(b: Extract<Bound, { kind: 'command' }>, list: ListSource): Promise<Record<string, string>> {
    const props: Record<string, string> = {};
    for (const a of b.args) {
      try {
        props[a.name] = list.check(a.name, toText(await this.value(a.value)));
      } catch (err) {
        if (err instanceof CliError) throw new CliError(err.message, err.kind, a.pos);
        throw err;
      }
    }
    return props;
  }

  private async listCommand(b: Extract<Bound, { kind: 'command' }>, list: ListSource): Promise<Value | undefined> {
    const items = await list.items();
    switch (b.name) {
      case 'print': {
        const shown: Item[] = [];
        for (const item of items) if (await this.matches(item, b.where)) shown.push(item);
        if (list.single)
          this.out.push(...printObject(list.props().map((p) => ({ name: p, raw: items[0]?.props[p] ?? '', shown: items[0]?.props[p] ?? '' }))));
        else if (b.flags.has('count-only')) this.out.push(String(shown.length));
        else if (b.flags.has('terse')) this.out.push(...printTerse(list, shown));
        else if (b.flags.has('detail') || !list.columns) this.out.push(...printDetail(list, shown));
        else this.out.push(...printTable(list, shown));
        return undefined;
      }
      case 'find': {
        const ids: string[] = [];
        for (const item of items) if (await this.matches(item, b.where)) ids.push(item.id);
        return ids;
      }
      case 'get': {
        const [id] = list.single ? [items[0]?.id] : await this.resolveItems(list, items, await this.value(b.items!));
        const item = items.find((i) => i.id === id);
        if (!item) throw noSuchItem();
        const prop = toText(await this.value(b.prop!));
        if (list.hidden?.includes(prop) && list.read) return list.read(item.id, prop);
        if (!list.props().includes(prop)) throw new CliError('input does not match any value of value-name', 'value');
        return item.props[prop] ?? '';
      }
      case 'set': {
        const ids = list.single ? items.slice(0, 1).map((i) => i.id) : await this.resolveItems(list, items, await this.value(b.items!));
        const props = await this.writes(b, list);
        for (const id of ids) await list.set!(id, props);
        return undefined;
      }
      case 'add': {
        const props = await this.writes(b, list);
        if (list.named && !props.name) throw new CliError('missing value(s) of argument(s) name', 'value');
        return list.add!(props);
      }
      case 'remove': {
        const ids = await this.resolveItems(list, items, await this.value(b.items!));
        for (const id of ids) await list.remove!(id);
        return undefined;
      }
    }
    return undefined;
  }

  /** `/certificate import file-name=x.pem passphrase=…`: certificates and keys into the store. */
  private async importCertificates(b: Extract<Bound, { kind: 'command' }>): Promise<undefined> {
    const name = toText(await this.value(b.prop!));
    const arg = async (n: string) => {
      const a = b.args.find((x) => x.name === n);
      return a ? toText(await this.value(a.value)) : '';
    };
    let text: string;
    try {
      text = await this.env.files!.readText(name);
    } catch {
      throw failure('no such file');
    }
    const counts = importPem(this.env.db, text, name, await arg('passphrase'), (await arg('name')) || undefined);
    this.out.push(...importReport(counts));
    return undefined;
  }

  /** `/import file-name=x.rsc`: parse the whole file, then run it; errors carry the file's line. */
  private async import(b: Extract<Bound, { kind: 'command' }>): Promise<undefined> {
    const name = toText(await this.value(b.prop!));
    if (this.importDepth >= 8) throw failure('import nested too deep');
    let text: string;
    try {
      text = await this.env.files!.readText(name);
    } catch {
      throw failure('no such file');
    }
    const inner = new Executor(this.env, this.out, this.importDepth + 1);
    try {
      await inner.runAll(bindScript(lex(text), this.env));
    } catch (err) {
      if (err instanceof CliError) throw new CliError(err.render(true), err.kind, undefined, true);
      throw err;
    }
    this.out.push(IMPORT_OK);
    return undefined;
  }
}

/**
 * Runs console input or a script (what an SSH `exec` request carries) from the root menu. The whole
 * input is parsed first; a parse error runs nothing.
 */
export async function runConsole(source: string, env: RouterEnv, start?: Menu): Promise<CliResult> {
  const out: string[] = [];
  let error: string | undefined;
  try {
    const bound = bindScript(lex(source), env, start);
    const run = () => new Executor(env, out, 0).runAll(bound);
    await (env.files ? env.files.batch(run) : run());
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    error = err.render(false);
    out.push(error);
  }
  return { output: out.length ? out.join('\n') + '\n' : '', error };
}
