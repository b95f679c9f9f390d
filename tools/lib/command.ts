/**
 * Command-line parsing shared by every npm script: commander's own errors (unknown option, missing
 * value) become one UserError sentence with exit code 2, and --help ends the command cleanly.
 */
import { CommanderError, type Command } from 'commander';
import { UserError } from './errors.ts';

/** Makes commander report bad flags as one UserError sentence instead of printing and exiting on its own. */
export function withUserErrors(program: Command): Command {
  return program.configureOutput({ outputError: () => undefined }).exitOverride((err) => {
    throw err.exitCode === 0
      ? err
      : new UserError(`${err.message.replace(/^error: /, '').replace(/\.?\s*$/, '')}; run with --help to see the options.`, 2);
  });
}

/** Parses `argv` (user arguments), else process.argv; false when commander already answered (--help, --version). */
export function parseCommand(program: Command, argv?: readonly string[]): boolean {
  try {
    if (argv) program.parse(argv, { from: 'user' });
    else program.parse();
    return true;
  } catch (err) {
    if (err instanceof CommanderError && err.exitCode === 0) return false;
    throw err;
  }
}
