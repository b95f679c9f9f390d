/**
 * Two kinds of failure, as the design notes ask: the user's (one sentence that names the fix, no stack
 * trace, non-zero exit) and the program's (full detail, a different exit code).
 */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Exit code for a bug in the toolkit itself (EX_SOFTWARE). */
export const INTERNAL_ERROR_EXIT = 70;
