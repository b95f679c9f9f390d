/**
 * `npm run build`: validates portal.config.ts, builds dist/hotspot/ with Vite, runs the build check
 * and the size budgets (both Vite plugins), and prints the sizes. Any problem is one plain message
 * and a non-zero exit.
 */
import { Command } from 'commander';
import { loadConfig, validateConfig, type PortalConfigInput } from '../config/index.ts';
import { parseCommand, runAsScript, withUserErrors, type CliIo } from '../lib/command.ts';
import { UserError } from '../lib/errors.ts';
import { findUserError } from './build-error.ts';

export interface BuildOptions {
  outDir?: string;
  quiet?: boolean;
  /** Build with this config instead of portal.config.ts (tests build variants this way). */
  config?: PortalConfigInput;
}

export async function buildPortal(options: BuildOptions = {}, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const loaded = options.config ? { config: validateConfig(options.config), dir: process.cwd() } : await loadConfig();
  // Vite picks production builds (Lit's minified build, no dev warnings) from NODE_ENV, which test
  // runners set to "test": the portal is always built for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    // Vite's own file table is replaced by the hotspot:budgets report (raw sizes, the router does not gzip).
    const started = Date.now();
    // Loaded here, not at the top: Vite is most of what this command loads, and --help needs none of it.
    const [{ build }, { hotspotViteConfig }] = await Promise.all([import('vite'), import('./vite-config.ts')]);
    // configFile: false, or Vite would also load vite.config.ts and run every plugin twice.
    await build({ ...hotspotViteConfig(loaded, options), configFile: false, logLevel: 'warn' });
    if (!options.quiet)
      out.write(
        `built ${options.outDir ?? 'dist/hotspot'}/ in ${((Date.now() - started) / 1000).toFixed(1)} s; the build check found no problems.\n`,
      );
  } catch (err) {
    const user = findUserError(err);
    if (user) throw user;
    // Errors from the bundler (a syntax error in portal/…) already say where; keep them whole.
    if (err instanceof Error && !(err instanceof UserError)) throw new UserError(`the build failed: ${err.message}`);
    throw err;
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** `npm run build`. No flags yet: anything on the command line is a mistake, said as one sentence instead of ignored. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const program = withUserErrors(
    new Command('build').description('Build dist/hotspot/ from portal.config.ts and portal/, with the build check and size budgets.'),
  );
  if (!parseCommand(program, argv, io)) return 0;
  await buildPortal({}, io.stdout);
  return 0;
}

await runAsScript(import.meta.url, main);
