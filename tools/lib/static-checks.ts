/**
 * `npm test`'s checks before the tests: the type check, ESLint and Prettier's layout check, run side
 * by side (each keeps one CPU busy for seconds and they share nothing, so on two CPUs this takes
 * about half the time of one after the other). Each check's output is printed whole when it ends,
 * under its name; the exit code is 1 when any of them failed.
 */
import { spawn } from 'node:child_process';
import { runAsScript, type CliIo } from './command.ts';

export interface Check {
  name: string;
  command: string;
  args: readonly string[];
}

/** The package.json scripts `npm test` runs before the tests. */
export const STATIC_CHECKS: readonly Check[] = ['typecheck', 'lint', 'format:check'].map((script) => ({
  name: script,
  command: 'npm',
  args: ['run', '--silent', script],
}));

/** Runs the checks at once; resolves with the names of those that failed (empty when all passed). */
export async function runSideBySide(checks: readonly Check[], io: Pick<CliIo, 'stdout' | 'env'>): Promise<string[]> {
  const results = await Promise.all(
    checks.map(
      (check) =>
        new Promise<boolean>((resolve) => {
          const child = spawn(check.command, check.args, { env: io.env, stdio: ['ignore', 'pipe', 'pipe'] });
          const output: Buffer[] = [];
          child.stdout.on('data', (b: Buffer) => output.push(b));
          child.stderr.on('data', (b: Buffer) => output.push(b));
          let ended = false;
          const done = (ok: boolean, why = '') => {
            if (ended) return; // a failed start may be followed by 'close'
            ended = true;
            const text = Buffer.concat(output).toString();
            io.stdout.write(`${ok ? 'passed' : 'FAILED'}: ${check.name}${why}\n${text}${text && !text.endsWith('\n') ? '\n' : ''}`);
            resolve(ok);
          };
          child.on('error', (err) => done(false, ` (${err.message})`));
          child.on('close', (code) => done(code === 0));
        }),
    ),
  );
  return checks.filter((_, i) => !results[i]).map((c) => c.name);
}

export async function main(_argv: readonly string[], io: CliIo): Promise<number> {
  const failed = await runSideBySide(STATIC_CHECKS, io);
  if (failed.length) io.stderr.write(`${failed.join(', ')} failed: see the output above.\n`);
  return failed.length ? 1 : 0;
}

await runAsScript(import.meta.url, main);
