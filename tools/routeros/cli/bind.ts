/**
 * Binding lexed commands to menus and commands, and checking their arguments, before anything runs.
 * RouterOS parses a whole script (or an imported file) first: a bad command name, an unknown
 * argument or a value of the wrong type anywhere stops it before its first line runs. Only what
 * needs the router's state (`no such item`, a name already taken) fails later, at its line.
 *
 * Paths: `/ip hotspot profile set` (v6 and v7) and `/ip/hotspot/profile/set` (v7). RouterOS 6 reads
 * a `/` inside a word as "back to the root", so the slash spelling fails there with
 * `bad command name hotspot (line 1 column 5)`; whether 6.49 accepts it is UNCERTAIN, and refusing
 * it keeps deploy scripts to the spelling both accept (fact sheet §8.4).
 */
import { badCommand, CliError, expectedEnd, syntaxError, type Pos } from './errors.ts';
import { bareText, literal, type Piece, type RawCommand, type Word } from './lexer.ts';
import { EXPORT_FLAGS } from './export.ts';
import { ROOT, type Menu } from './menus.ts';
import { isV7, type RouterEnv } from './router-env.ts';
import type { ListSource } from './sources.ts';

export interface BoundValue {
  parts: Array<string | Bound[]>;
  pos: Pos;
}

export type Term = { prop: string; op: '=' | '!=' | '~'; value: BoundValue; pos: Pos } | { prop: string; op: 'flag'; pos: Pos };

/** Alternatives (`or`) of conjunctions (`and`, or just blanks). */
export type Cond = Term[][];

export interface BoundArg {
  name: string;
  value: BoundValue;
  pos: Pos;
}

export type Bound =
  | { kind: 'context'; menu: Menu; pos: Pos }
  | {
      kind: 'command';
      menu: Menu;
      name: string;
      pos: Pos;
      items?: BoundValue;
      prop?: BoundValue;
      args: BoundArg[];
      flags: Set<string>;
      where?: Cond;
    }
  | { kind: 'put'; value?: BoundValue; pos: Pos }
  | { kind: 'len'; value: BoundValue; pos: Pos }
  /** `:if (left = right) do={ … } else={ … }` (also `!=`). */
  | { kind: 'if'; left: BoundValue; op: '=' | '!='; right: BoundValue; then: Bound[]; else: Bound[]; pos: Pos };

const PRINT_FLAGS = new Set(['detail', 'terse', 'brief', 'count-only', 'without-paging']);
const FLAG_PROPS: Record<string, string> = { disabled: 'X', default: '*' };

export const missingValue = (what: string) => new CliError(`missing value(s) of argument(s) ${what}`, 'value');
const at = (pos: Pos, offset: number): Pos => ({ line: pos.line, column: pos.column + offset });

/** Binds a whole script, following menu context lines (`/ip hotspot walled-garden` then `add …`). */
export function bindScript(commands: RawCommand[], env: RouterEnv, start: Menu = ROOT): Bound[] {
  let context = start;
  return commands.map((raw) => {
    const bound = bindCommand(raw, env, context);
    if (bound.kind === 'context') context = bound.menu;
    return bound;
  });
}

function bindCommand(raw: RawCommand, env: RouterEnv, context: Menu): Bound {
  const words = raw.words;
  const first = bareText(words[0]!);
  if (first?.startsWith(':')) return bindIce(first.slice(1), words, env, context);

  let menu = context;
  let command: string | undefined;
  let i = 0;
  for (; i < words.length && !command; i++) {
    const text = bareText(words[i]!);
    if (text === undefined || text.includes('=')) break;
    const pos = words[i]!.pos;
    let offset = 0;
    const segs = text.split('/');
    for (let k = 0; k < segs.length; k++) {
      const seg = segs[k]!;
      // A leading `/` starts from the root; on v6 so does any later one.
      if (k > 0 && ((k === 1 && segs[0] === '') || !isV7(env))) menu = ROOT;
      if (seg === '') {
        /* nothing to walk */
      } else if (command) throw expectedEnd(at(pos, offset));
      else if (seg === '..') menu = menu.parent ?? menu;
      else if (menu.children.has(seg)) menu = menu.children.get(seg)!;
      else if (menu.commands(env).has(seg)) command = seg;
      else throw badCommand(seg, at(pos, offset));
      offset += seg.length + 1;
    }
  }
  if (!command) {
    if (i === words.length) return { kind: 'context', menu, pos: raw.pos };
    throw new CliError('expected command name', 'syntax', words[i]!.pos);
  }
  const bound: Extract<Bound, { kind: 'command' }> = { kind: 'command', menu, name: command, pos: raw.pos, args: [], flags: new Set() };
  bindArgs(bound, words.slice(i), env);
  return bound;
}

function bindIce(name: string, words: Word[], env: RouterEnv, context: Menu): Bound {
  const pos = words[0]!.pos;
  if (name === 'if') return bindIf(words, env, context);
  if (name !== 'put' && name !== 'len') throw badCommand(name, at(pos, 1));
  if (words.length > 2) throw expectedEnd(words[2]!.pos);
  const arg = words[1];
  if (name === 'put') return { kind: 'put', value: arg && bindValue(arg.pieces, arg.pos, env, context), pos };
  if (!arg) throw missingValue('value');
  return { kind: 'len', value: bindValue(arg.pieces, arg.pos, env, context), pos };
}

/** `:if (A = B) do={…}` with an optional `else={…}`: blocks run in the menu the `:if` stands in. */
function bindIf(words: Word[], env: RouterEnv, context: Menu): Bound {
  const pos = words[0]!.pos;
  if (!words[1]) throw missingValue('condition');
  const cond = words[1].pieces[0];
  if (words[1].pieces.length !== 1 || cond?.kind !== 'expr') throw syntaxError(words[1].pos);
  const [left, op, right, extra] = cond.words;
  const opText = op && bareText(op);
  if (!left || !right || (opText !== '=' && opText !== '!=')) throw syntaxError(cond.pos);
  if (extra) throw syntaxError(extra.pos);
  const blocks: Record<string, Bound[]> = {};
  for (const word of words.slice(2)) {
    const named = splitNamed(word, NAMED);
    const block = named?.pieces[0];
    if (!named || named.pieces.length !== 1 || block?.kind !== 'block' || !['do', 'else'].includes(named.name) || blocks[named.name])
      throw expectedEnd(word.pos);
    blocks[named.name] = bindScript(block.commands, env, context);
  }
  if (!blocks.do) throw missingValue('do');
  return {
    kind: 'if',
    left: bindValue(left.pieces, left.pos, env, context),
    op: opText,
    right: bindValue(right.pieces, right.pos, env, context),
    then: blocks.do,
    else: blocks.else ?? [],
    pos,
  };
}

export function bindValue(pieces: Piece[], pos: Pos, env: RouterEnv, menu: Menu): BoundValue {
  return {
    parts: pieces.map((p) => {
      if (p.kind === 'sub') return bindScript(p.commands, env, menu);
      if (p.kind === 'block' || p.kind === 'expr') throw syntaxError(p.pos);
      return p.text;
    }),
    pos,
  };
}

/** `name=value` split off a word: the name, and the value's pieces (possibly quoted or `[…]`). */
function splitNamed(word: Word, ops: RegExp): { name: string; op: string; pieces: Piece[] } | undefined {
  const head = word.pieces[0];
  if (!head || head.kind !== 'bare') return undefined;
  const m = ops.exec(head.text);
  if (!m) return undefined;
  const restText = head.text.slice(m[0].length);
  const rest: Piece[] = restText ? [{ kind: 'bare', text: restText, pos: at(head.pos, m[0].length) }] : [];
  return { name: m[1]!, op: m[2]!, pieces: [...rest, ...word.pieces.slice(1)] };
}

const NAMED = /^([A-Za-z][A-Za-z0-9.-]*)(=)/;
const TERM = /^([A-Za-z][A-Za-z0-9.-]*)(!=|=|~)/;

function bindArgs(b: Extract<Bound, { kind: 'command' }>, words: Word[], env: RouterEnv): void {
  const list = b.menu.list?.(env);
  const unnamed: Word[] = [];
  const value = (pieces: Piece[], pos: Pos) => bindValue(pieces, pos, env, b.menu);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const text = bareText(word);
    if (b.name === 'print' || b.name === 'find') {
      if (text === 'where') {
        b.where = bindCond(words.slice(i + 1), list, env, b.menu);
        break;
      }
      if (b.name === 'print' && text !== undefined && PRINT_FLAGS.has(text) && (list || text === 'without-paging')) {
        b.flags.add(text);
        continue;
      }
      if (b.name === 'find') {
        const named = splitNamed(word, NAMED);
        if (named && list?.props().includes(named.name)) {
          b.where = [[...(b.where?.[0] ?? []), { prop: named.name, op: '=', value: value(named.pieces, word.pos), pos: word.pos }]];
          continue;
        }
      }
      throw expectedEnd(word.pos);
    }
    const named = splitNamed(word, NAMED);
    if (!named) {
      unnamed.push(word);
      continue;
    }
    b.args.push({ name: named.name, value: value(named.pieces, word.pos), pos: word.pos });
  }

  const take = (n: number) => {
    if (unnamed.length > n) throw expectedEnd(unnamed[n]!.pos);
  };
  const allow = (names: readonly string[]) => {
    for (const a of b.args) if (!names.includes(a.name)) throw expectedEnd(a.pos);
  };
  switch (b.name) {
    case 'print':
    case 'find':
      return;
    case 'export':
      allow([]);
      for (const w of unnamed) {
        const flag = bareText(w);
        if (flag === undefined || !EXPORT_FLAGS.has(flag)) throw expectedEnd(w.pos);
        b.flags.add(flag);
      }
      return;
    case 'import': {
      if (b.menu.path === 'certificate') allow(['file-name', 'passphrase', 'name', 'trusted']);
      else allow(isV7(env) ? ['file-name', 'verbose'] : ['file-name']);
      take(1);
      const file = b.args.find((a) => a.name === 'file-name')?.value ?? (unnamed[0] && value(unnamed[0].pieces, unnamed[0].pos));
      if (!file) throw missingValue('file-name');
      b.prop = file;
      return;
    }
    case 'get': {
      allow([]);
      if (list && !list.single) {
        take(2);
        if (!unnamed[0]) throw missingValue('numbers');
        b.items = value(unnamed[0].pieces, unnamed[0].pos);
        const propWord = unnamed[1];
        if (!propWord) throw missingValue('value-name');
        const name = literal(propWord);
        if (name !== undefined && !list.props().includes(name) && !list.hidden?.includes(name)) {
          throw new CliError('input does not match any value of value-name', 'value', propWord.pos);
        }
        b.prop = value(propWord.pieces, propWord.pos);
      } else {
        take(1);
        if (!unnamed[0]) throw missingValue('value-name');
        b.prop = value(unnamed[0].pieces, unnamed[0].pos);
      }
      return;
    }
    case 'set':
    case 'remove':
      if (b.name === 'set' && list?.single) {
        take(0);
        checkWrites(b.args, list);
        return;
      }
      take(1);
      if (!unnamed[0]) throw missingValue('numbers');
      b.items = value(unnamed[0].pieces, unnamed[0].pos);
      if (b.name === 'remove') allow([]);
      else checkWrites(b.args, list!);
      return;
    case 'add':
      take(0);
      checkWrites(b.args, list!);
      return;
  }
}

/** Unknown properties and literal values of the wrong type fail at parse time, with their column. */
function checkWrites(args: BoundArg[], list: ListSource): void {
  const known = list.writable ?? list.props();
  for (const a of args) {
    if (!known.includes(a.name)) throw expectedEnd(a.pos);
    const text = a.value.parts.every((p) => typeof p === 'string') ? (a.value.parts as string[]).join('') : undefined;
    if (text === undefined) continue;
    try {
      list.check(a.name, text);
    } catch (err) {
      if (err instanceof CliError) throw new CliError(err.message, err.kind, a.pos);
      throw err;
    }
  }
}

function bindCond(words: Word[], list: ListSource | undefined, env: RouterEnv, menu: Menu): Cond {
  const groups: Term[][] = [[]];
  const props = list?.props() ?? [];
  for (const word of words) {
    const text = bareText(word);
    if (text === 'and') continue;
    if (text === 'or') {
      groups.push([]);
      continue;
    }
    const term = splitNamed(word, TERM);
    if (term && props.includes(term.name)) {
      groups[groups.length - 1]!.push({
        prop: term.name,
        op: term.op as '=' | '!=' | '~',
        value: bindValue(term.pieces, word.pos, env, menu),
        pos: word.pos,
      });
    } else if (text !== undefined && (text in FLAG_PROPS || props.includes(text))) {
      groups[groups.length - 1]!.push({ prop: text, op: 'flag', pos: word.pos });
    } else throw expectedEnd(word.pos);
  }
  return groups.filter((g) => g.length);
}

export { FLAG_PROPS };
