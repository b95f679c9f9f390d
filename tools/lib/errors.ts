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

/**
 * Runs a command's main function and turns failures into one clear line and an exit code.
 * A UserError prints only its message; anything else is a bug and keeps its stack.
 */
export async function runCli(main: () => Promise<number | void>): Promise<void> {
  try {
    const code = await main();
    if (typeof code === 'number') process.exitCode = code;
  } catch (err) {
    if (err instanceof UserError) {
      process.stderr.write(`error: ${err.message}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    process.stderr.write(`internal error (please report it): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = INTERNAL_ERROR_EXIT;
  }
}
