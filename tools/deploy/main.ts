/**
 * `npm run deploy -- HOST[:PORT] [HOST…]`: builds the portal, uploads it over SFTP into a new folder
 * on each router, verifies it, and switches the hotspot profile to it with a generated config script.
 * `--dry-run` shows the plan, `--rollback` returns to the previous version. See README "Deploying".
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { parseCommand, runAsScript, withUserErrors, type CliIo } from '../lib/command.ts';
import { UserError } from '../lib/errors.ts';
import type { RouterTarget } from './connection.ts';
import { parseTarget, readInventory, uniqueTargets } from './targets.ts';
import { connectOptions, positive, withLoginOptions, type LoginFlags } from './router-login.ts';
import { progressPrinter, resultsTable } from './terminal.ts';
import { PIPELINE } from './pipelined.ts';

interface Flags extends LoginFlags {
  dryRun?: boolean;
  rollback?: boolean;
  inventory?: string[];
  profile?: string;
  concurrency: string;
  transfers: string;
  dist: string;
  build: boolean;
}

const command = () =>
  withUserErrors(
    withLoginOptions(
      new Command('deploy')
        .description('Upload the portal to RouterOS routers over SFTP and switch their hotspot profile to it.')
        .argument('[routers...]', 'routers as HOST or HOST:PORT'),
    )
      .option('--dry-run', 'show what would change, change nothing')
      .option('--rollback', 'switch back to the version that served before the current one')
      .option('--inventory <file>', 'a file listing routers, one HOST[:PORT] a line (repeatable)', (v: string, all: string[] = []) => [...all, v])
      .option('--profile <name>', 'hotspot profile to change (default: router.profile in portal.config.ts, or the only one in use)')
      .option('--concurrency <n>', 'routers deployed at the same time', '4')
      .option('--transfers <n>', 'files in flight at once on each router connection (1: one at a time)', String(PIPELINE.transfers))
      .option('--dist <dir>', 'the built portal', 'dist/hotspot')
      .option('--no-build', 'deploy the existing --dist folder without building it first'),
  );

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const program = command();
  if (!parseCommand(program, argv, io)) return 0;
  const flags = program.opts<Flags>();
  const { tty } = io;
  if (flags.dryRun && flags.rollback) throw new UserError('--dry-run and --rollback cannot be used together: run one, then the other.');
  const listed = program.args.map((a) => parseTarget(a));
  for (const file of flags.inventory ?? []) listed.push(...(await readInventory(file)));
  const targets: RouterTarget[] = uniqueTargets(listed);
  if (!targets.length) throw new UserError('Name at least one router: npm run deploy -- 192.168.88.1 (or --inventory FILE).');
  const concurrency = positive('--concurrency', flags.concurrency, 64);
  const transfers = positive('--transfers', flags.transfers, 64);
  positive('--timeout', flags.timeout, 600);

  // Loaded only now, so that --help and a bad flag answer at once: the build pulls in the whole of Vite.
  const [{ loadConfig }, { deploySettings }, { buildManifest }, { deployFleet }, { loadDeployCertificate }] = await Promise.all([
    import('../config/load.ts'),
    import('./settings.ts'),
    import('./manifest.ts'),
    import('./deploy.ts'),
    import('./certificate.ts'),
  ]);
  const { config, dir } = await loadConfig();
  // The certificate is checked before any router is contacted: a bad one stops the deploy with nothing changed.
  const certificate = flags.rollback ? undefined : await loadDeployCertificate(config, dir, io.env);
  for (const w of certificate?.warnings ?? []) io.stderr.write(`warning: ${w}\n`);
  const settings = deploySettings(config, io.env, certificate);
  if (flags.profile) settings.profile = flags.profile;
  const distDir = resolve(flags.dist);
  if (flags.build && !flags.rollback) await (await import('../build/main.ts')).buildPortal({ outDir: flags.dist, quiet: true });
  if (!existsSync(join(distDir, 'login.html')))
    throw new UserError(`${flags.dist} holds no built portal: run npm run build first (or drop --no-build).`);
  const manifest = await buildManifest(distDir);

  const connect = { ...(await connectOptions(flags, tty, io.env)), transfers };
  const results = await deployFleet(
    targets,
    {
      distDir,
      manifest,
      settings,
      mode: flags.rollback ? 'rollback' : flags.dryRun ? 'dry-run' : 'deploy',
      emit: progressPrinter(io.stdout, Boolean((io.stdout as NodeJS.WriteStream).isTTY)),
      connect,
    },
    concurrency,
  );
  for (const r of results) if (r.planText) io.stdout.write(`\n${r.planText}\n`);
  io.stdout.write(`\n${resultsTable(results)}\n`);
  if (flags.dryRun) io.stdout.write('dry run: nothing was changed on any router.\n');
  const failed = results.filter((r) => !r.ok).length;
  if (failed) io.stderr.write(`error: ${failed} of ${results.length} router${results.length > 1 ? 's' : ''} failed; see the table above.\n`);
  return failed ? 1 : 0;
}

await runAsScript(import.meta.url, main);
