/**
 * Splitting RouterOS console input and .rsc scripts into commands and words. A word is what stands
 * between blanks: bare text, quoted strings and `[ … ]` substitutions glued together
 * (`comment="acme portal"` is the bare `comment=` plus a quoted piece). Rules followed (RouterOS
 * scripting manual, "Line structure" and "Constant escape sequences"):
 * - a command ends at a newline or `;`; a `\` at the end of a line joins the next one;
 * - `#` at the start of a command is a comment to the end of the line;
 * - strings take `\"` `\\` `\n` `\r` `\t` `\$` `\?` `\_` (space) `\a` `\b` `\f` `\v` and `\XX` (two
 *   upper-case hex digits); any other escape is a syntax error;
 * - `$name` inside a string is a variable; none are defined here, so it reads as empty (what v6 does
 *   with an undefined variable; UNCERTAIN for v7);
 * - `( … )` is an expression (its words: `[:len [find]] = 0`) and `{ … }` a block of commands, as
 *   `:if (…) do={ … } else={ … }` takes them;
 * - outside strings, `$` and a stray `\` are not supported and are a syntax error.
 */
import { syntaxError, type Pos } from './errors.ts';

export type Piece =
  | { kind: 'bare'; text: string; pos: Pos }
  | { kind: 'quoted'; text: string; pos: Pos }
  | { kind: 'sub'; commands: RawCommand[]; pos: Pos }
  | { kind: 'block'; commands: RawCommand[]; pos: Pos }
  | { kind: 'expr'; words: Word[]; pos: Pos };

export interface Word {
  pieces: Piece[];
  pos: Pos;
}

export interface RawCommand {
  words: Word[];
  pos: Pos;
}

/** RouterOS string escapes of one character (`\\n`, `\\_`, …); the console's output reader uses them too. */
export const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  n: '\n',
  r: '\r',
  t: '\t',
  $: '$',
  '?': '?',
  _: ' ',
  a: '\x07',
  b: '\x08',
  f: '\x0c',
  v: '\x0b',
};

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const isEol = (c: string | undefined) => c === '\n' || c === '\r';
/** Characters that end a bare piece. */
const STOP = new Set([' ', '\t', '\n', '\r', ';', '"', '[', ']', '(', ')', '{', '}']);
/** Characters that end a word: blanks, the end of a command, and the closing brackets. */
const WORD_END = new Set([' ', '\t', '\n', '\r', ';', ']', ')', '}']);

class Lexer {
  private i = 0;
  private line = 1;
  private col = 1;
  constructor(private readonly src: string) {}

  private get ch(): string | undefined {
    return this.src[this.i];
  }
  private pos(): Pos {
    return { line: this.line, column: this.col };
  }
  private next(): void {
    const c = this.src[this.i++];
    if (c === '\n' || (c === '\r' && this.src[this.i] !== '\n')) {
      this.line++;
      this.col = 1;
    } else if (c !== '\r') this.col++;
  }
  /** A `\` directly before the end of a line: a continuation. */
  private atContinuation(): boolean {
    return this.ch === '\\' && (isEol(this.src[this.i + 1]) || this.i + 1 === this.src.length);
  }
  private skipContinuation(): void {
    this.next(); // the backslash
    if (this.ch === '\r') this.next();
    if (this.ch === '\n') this.next();
  }
  private skipBlanks(): void {
    for (;;) {
      if (isBlank(this.ch)) this.next();
      else if (this.atContinuation()) this.skipContinuation();
      else return;
    }
  }

  /** Commands up to the end of the input, or up to the `]` closing a substitution or the `}` closing a block. */
  commands(close?: ']' | '}', open?: Pos): RawCommand[] {
    const out: RawCommand[] = [];
    let words: Word[] = [];
    const end = () => {
      if (words.length) out.push({ words, pos: words[0]!.pos });
      words = [];
    };
    for (;;) {
      this.skipBlanks();
      const c = this.ch;
      if (c === undefined) {
        if (close) throw syntaxError(open ?? this.pos());
        end();
        return out;
      }
      if (isEol(c) || c === ';') {
        end();
        this.next();
      } else if (c === '#' && !words.length) {
        while (this.ch !== undefined && !isEol(this.ch)) this.next();
      } else if (c === ']' || c === '}' || c === ')') {
        if (c !== close) throw syntaxError(this.pos());
        end();
        this.next();
        return out;
      } else words.push(this.word());
    }
  }

  private word(): Word {
    const pos = this.pos();
    const pieces: Piece[] = [];
    for (;;) {
      const c = this.ch;
      if (c === undefined || WORD_END.has(c)) break;
      if (c === '"') pieces.push(this.quoted());
      else if (c === '[' || c === '{') {
        const open = this.pos();
        this.next();
        const commands = this.commands(c === '[' ? ']' : '}', open);
        pieces.push({ kind: c === '[' ? 'sub' : 'block', commands, pos: open });
      } else if (c === '(') pieces.push(this.expression());
      else if (this.atContinuation()) break;
      else if (c === '\\' || c === '$') throw syntaxError(this.pos());
      else {
        const start = this.pos();
        let text = '';
        while (this.ch !== undefined && !STOP.has(this.ch) && this.ch !== '$' && this.ch !== '\\') {
          text += this.ch;
          this.next();
        }
        pieces.push({ kind: 'bare', text, pos: start });
      }
    }
    return { pieces, pos };
  }

  /** `( word word … )`, on one line. */
  private expression(): Piece {
    const pos = this.pos();
    this.next();
    const words: Word[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.ch === ')') {
        this.next();
        return { kind: 'expr', words, pos };
      }
      if (this.ch === undefined || isEol(this.ch) || this.ch === ';' || this.ch === ']' || this.ch === '}') throw syntaxError(pos);
      words.push(this.word());
    }
  }

  private quoted(): Piece {
    const pos = this.pos();
    this.next(); // opening quote
    let text = '';
    for (;;) {
      const c = this.ch;
      if (c === undefined) throw syntaxError(pos);
      if (c === '"') {
        this.next();
        return { kind: 'quoted', text, pos };
      }
      if (c === '\\') {
        const at = this.pos();
        this.next();
        const e = this.ch;
        if (e === undefined) throw syntaxError(at);
        if (isEol(e)) {
          if (e === '\r') this.next();
          if (this.ch === '\n') this.next();
          continue;
        }
        if (e in SIMPLE_ESCAPES) {
          text += SIMPLE_ESCAPES[e];
          this.next();
          continue;
        }
        const hex = this.src.slice(this.i, this.i + 2);
        if (/^[0-9A-F]{2}$/.test(hex)) {
          text += String.fromCharCode(parseInt(hex, 16));
          this.next();
          this.next();
          continue;
        }
        throw syntaxError(at);
      }
      if (c === '$' && /[A-Za-z0-9_]/.test(this.src[this.i + 1] ?? '')) {
        // An undefined variable: it reads as empty.
        this.next();
        while (/[A-Za-z0-9_-]/.test(this.ch ?? '')) this.next();
        continue;
      }
      text += c;
      this.next();
    }
  }
}

/** The commands of a console line or script; throws a positioned `syntax error` on malformed input. */
export function lex(source: string): RawCommand[] {
  return new Lexer(source).commands();
}

/** The literal text of a word, or undefined when it holds a `[ … ]` substitution. */
export function literal(word: Word): string | undefined {
  let out = '';
  for (const p of word.pieces) {
    if (p.kind !== 'bare' && p.kind !== 'quoted') return undefined;
    out += p.text;
  }
  return out;
}

/** A word that is one bare piece (a path, a command name, a flag such as `detail`). */
export function bareText(word: Word): string | undefined {
  return word.pieces.length === 1 && word.pieces[0]!.kind === 'bare' ? word.pieces[0]!.text : undefined;
}
