import { UserError } from '../../lib/errors.ts';

/** Where something sits in a template: 1-based line and column. */
export interface Position {
  line: number;
  col: number;
}

/** Maps string offsets to line and column, and gives back the text of a line for error messages. */
export class SourceMap {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo]! + 1 };
  }
  lineText(line: number): string {
    const start = this.starts[line - 1] ?? 0;
    const end = this.starts[line] ?? this.text.length + 1;
    return this.text.slice(start, end - 1).replace(/\r$/, '');
  }
}

/**
 * A malformed template: names the file, line and column, says what is wrong, and shows the line.
 * It is the user's error (their page or errors.txt), so it prints as one sentence plus context.
 */
export class TemplateError extends UserError {
  override name = 'TemplateError';
  constructor(
    readonly file: string,
    readonly pos: Position,
    readonly problem: string,
    readonly lineText = '',
  ) {
    super(`${file}:${pos.line}:${pos.col}: ${problem}${lineText ? `\n    ${lineText.trim().slice(0, 160)}` : ''}`);
  }
}
