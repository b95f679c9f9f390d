/**
 * Errors the way the RouterOS console words them. Syntax-class errors (`bad command name`, `syntax
 * error`, `expected end of command`) always carry `(line L column C)`; value and runtime errors
 * (`input does not match any value of login-by`, `no such item`, `failure: …`) do not when typed,
 * but inside `/import` every error names its line, so a technician can find it in the .rsc.
 */
export interface Pos {
  /** 1-based, physical lines of the source (a `\` continuation does not reset the count). */
  line: number;
  /** 1-based column of the offending token. */
  column: number;
}

export type CliErrorKind = 'syntax' | 'value' | 'runtime';

export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly kind: CliErrorKind,
    readonly pos?: Pos,
    /** The message is final (already positioned by an inner /import): print it as it is. */
    readonly final = false,
  ) {
    super(message);
  }

  /** The line the console prints. `inImport` adds the position to value and runtime errors too. */
  render(inImport = false): string {
    if (this.final || !this.pos) return this.message;
    if (this.kind === 'syntax' || inImport) return `${this.message} (line ${this.pos.line} column ${this.pos.column})`;
    return this.message;
  }
}

export const syntaxError = (pos: Pos) => new CliError('syntax error', 'syntax', pos);
export const expectedEnd = (pos: Pos) => new CliError('expected end of command', 'syntax', pos);
export const badCommand = (name: string, pos: Pos) => new CliError(`bad command name ${name}`, 'syntax', pos);
export const noSuchItem = (pos?: Pos) => new CliError('no such item', 'runtime', pos);
export const failure = (what: string, pos?: Pos) => new CliError(`failure: ${what}`, 'runtime', pos);
