/**
 * Every npm script's command line: `--help` prints the usage and exits 0, and an unknown flag is one
 * sentence on stderr with exit code 2, from the command's main in this process; and once as a real
 * process for the commands whose other tests run in-process only (build, vouchers, bench, screenshots),
 * so that the exit code a shell sees is tested for each.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { CliMain } from '../../tools/lib/command.ts';
import { runInProcess } from '../support/cli.ts';

const COMMANDS: Array<[string, string, () => Promise<{ main: CliMain }>]> = [
  ['build', 'tools/build/main.ts', () => import('../../tools/build/main.ts')],
  ['deploy', 'tools/deploy/main.ts', () => import('../../tools/deploy/main.ts')],
  ['dev', 'tools/dev/main.ts', () => import('../../tools/dev/main.ts')],
  ['router', 'tools/router/main.ts', () => import('../../tools/router/main.ts')],
  ['vouchers', 'tools/vouchers/main.ts', () => import('../../tools/vouchers/main.ts')],
  ['bench', 'tools/bench/main.ts', () => import('../../tools/bench/main.ts')],
  ['screenshots', 'tools/dev/screenshots-cli.ts', () => import('../../tools/dev/screenshots-cli.ts')],
];

describe.each(COMMANDS)('npm run %s', (name, _file, load) => {
  it('--help prints the usage on stdout and exits 0', async () => {
    const r = await runInProcess((await load()).main, ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: ${name} `));
    expect(r.stderr).toBe('');
  });

  it('an unknown flag: one sentence pointing at --help, exit code 2', async () => {
    const r = await runInProcess((await load()).main, ['--bogus']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "error: unknown option '--bogus'; run with --help to see the options.\n" });
  });
});

/** The commands none of whose other tests starts a process (deploy, dev and router have one each). */
const SPAWNED = COMMANDS.filter(([name]) => ['build', 'vouchers', 'bench', 'screenshots'].includes(name));

describe('as a process', () => {
  it.concurrent.each(SPAWNED)('npm run %s -- --bogus exits 2 with the sentence on stderr', async (_name, file) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect({ code, stdout, stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: unknown option '--bogus'; run with --help to see the options.\n",
    });
  });
});
