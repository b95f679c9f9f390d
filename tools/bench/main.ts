/**
 * `npm run bench`: builds the portal and measures, in one run, what guests, small routers and
 * technicians feel: page weight, a guest's time to log in on weak Wi-Fi against a plain baseline,
 * deploy cost, and the virtual router under a crowd of CHAP logins. Writes bench/results.json and
 * bench/results.md. `--quick` runs a few of each (CI's smoke test) and writes to bench/tmp/ instead,
 * so the committed results are only ever replaced by a full run.
 */
import { join, relative } from 'node:path';
import { Command } from 'commander';
import { parseCommand, runAsScript, withUserErrors, type CliIo } from '../lib/command.ts';
import { outputDir } from './settings.ts';

export { BASELINE_DIR, FULL, outputDir, QUICK } from './settings.ts';

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const program = withUserErrors(
    new Command('bench')
      .description("Measure page weight, a guest's login time on weak Wi-Fi, deploy cost and router load.")
      .option('--quick', 'a few runs of each, written to bench/tmp/ (the CI smoke test)')
      .option('--out <dir>', 'write results.json and results.md here'),
  );
  if (!parseCommand(program, argv, io)) return 0;
  const flags = program.opts<{ quick?: boolean; out?: string }>();
  const out = outputDir(Boolean(flags.quick), flags.out);
  const log = (line: string) => io.stdout.write(`bench: ${line}\n`);
  // Loaded only now: the run pulls in Vite, Playwright and the deploy.
  const [{ runBench }, { targetsTable }] = await Promise.all([import('./run.ts'), import('./report.ts')]);
  const r = await runBench(Boolean(flags.quick), out, log);
  const where = relative(process.cwd(), out) || '.';
  io.stdout.write(
    `\n${targetsTable(r.targets)}\n\nwrote ${join(where, 'results.md')} and ${join(where, 'results.json')} in ${Math.round(r.seconds)} s.\n`,
  );
  return 0;
}

await runAsScript(import.meta.url, main);
