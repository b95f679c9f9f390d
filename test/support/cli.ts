/**
 * Runs an npm script's main in this process, as `npm run NAME -- ARGS` would run it, with what it
 * prints captured: flags and messages are tested this way, fast; one spawned run per command keeps
 * the process contract (exit code, stderr) tested.
 */
import { Writable } from 'node:stream';
import { runMain, type CliIo, type CliMain } from '../../tools/lib/command.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** The environment main sees (nothing of the test process's own unless given). */
  env?: NodeJS.ProcessEnv;
  tty?: boolean;
}

function sink(onWrite: (text: string) => void): Writable {
  return new Writable({ write: (chunk, _enc, done) => (onWrite(String(chunk)), done()) });
}

function captured(o: RunOptions, stop: Promise<void>, onOut: () => void = () => undefined): { io: CliIo; run: Omit<CliRun, 'code'> } {
  const run = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: sink((t) => ((run.stdout += t), onOut())),
    stderr: sink((t) => ((run.stderr += t), onOut())),
    env: o.env ?? {},
    tty: o.tty ?? false,
    stopped: () => stop,
  };
  return { io, run };
}

/** Runs a command that finishes on its own. */
export async function runInProcess(main: CliMain, argv: readonly string[], o: RunOptions = {}): Promise<CliRun> {
  const { io, run } = captured(o, new Promise(() => undefined));
  const code = await runMain(main, argv, io);
  return { code, ...run };
}

export interface Running {
  /** What it printed so far. */
  output: () => Omit<CliRun, 'code'>;
  /** Stops it, as Ctrl+C does, and waits until it has finished. */
  stop: () => Promise<CliRun>;
}

/**
 * Starts a command that keeps running (dev, router) and resolves once its stdout matches `ready`; fails
 * with what it printed when it ends first or does not get ready within `timeoutMs`.
 */
export async function startInProcess(
  main: CliMain,
  argv: readonly string[],
  ready: RegExp,
  o: RunOptions & { timeoutMs?: number } = {},
): Promise<Running> {
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let onOut = () => undefined as void;
  const { io, run } = captured(o, stopped, () => onOut());
  const finished = runMain(main, argv, io).then((code) => ({ code, ...run }));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`not ready within ${o.timeoutMs ?? 30_000} ms; printed:\n${run.stdout}${run.stderr}`)),
      o.timeoutMs ?? 30_000,
    );
    onOut = () => {
      if (!ready.test(run.stdout)) return;
      clearTimeout(timer);
      resolve();
    };
    void finished.then((r) => {
      clearTimeout(timer);
      reject(new Error(`ended with exit code ${r.code} before it was ready; printed:\n${r.stdout}${r.stderr}`));
    });
  });
  return { output: () => ({ ...run }), stop: () => (stop(), finished) };
}
