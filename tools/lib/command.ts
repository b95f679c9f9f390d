/**
 * What every npm script shares: its main function runs with argv and an io (output streams, the
 * environment, whether a terminal is attached), so tests call it in-process; commander's own errors
 * (unknown option, missing value) become one UserError sentence with exit code 2; --help ends the
 * command cleanly; a UserError prints only its message, anything else is a bug and keeps its stack.
 */
import { pathToFileURL } from 'node:url';
import { CommanderError, type Command } from 'commander';
import { INTERNAL_ERROR_EXIT, UserError } from './errors.ts';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Whether questions (password, new host key) may be asked and progress drawn in place. */
  tty: boolean;
  /** Resolves when a command that keeps running (dev, router) should stop: Ctrl+C or SIGTERM for a process. */
  stopped: () => Promise<void>;
}

/** The io of the running process. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    tty: Boolean(process.stdin.isTTY && process.stderr.isTTY),
    stopped: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
  };
}

/** A command's main: returns its exit code (0 when it returns nothing), throws UserError for bad input. */
export type CliMain = (argv: readonly string[], io: CliIo) => Promise<number | void>;

/** Runs `main` and turns failures into one line on io.stderr; returns the exit code. */
export async function runMain(main: CliMain, argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return (await main(argv, io)) ?? 0;
  } catch (err) {
    if (err instanceof UserError) {
      io.stderr.write(`error: ${err.message}\n`);
      return err.exitCode;
    }
    io.stderr.write(`internal error (please report it): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return INTERNAL_ERROR_EXIT;
  }
}

/** Runs `main` on the process's arguments when `moduleUrl` is the file node was started with (not when imported). */
export async function runAsScript(moduleUrl: string, main: CliMain): Promise<void> {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  process.exitCode = await runMain(main, process.argv.slice(2), processIo());
}

/** Makes commander report bad flags as one UserError sentence instead of printing and exiting on its own. */
export function withUserErrors(program: Command): Command {
  return program.configureOutput({ outputError: () => undefined }).exitOverride((err) => {
    throw err.exitCode === 0
      ? err
      : new UserError(`${err.message.replace(/^error: /, '').replace(/\.?\s*$/, '')}; run with --help to see the options.`, 2);
  });
}

/**
 * Parses `argv` (user arguments); false when commander already answered (--help, --version), which
 * it writes to io.stdout.
 */
export function parseCommand(program: Command, argv: readonly string[], io?: Pick<CliIo, 'stdout' | 'stderr'>): boolean {
  if (io) program.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => undefined });
  try {
    program.parse(argv, { from: 'user' });
    return true;
  } catch (err) {
    if (err instanceof CommanderError && err.exitCode === 0) return false;
    throw err;
  }
}
