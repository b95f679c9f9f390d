/**
 * `npm run dev`: the portal preview with hot reload, every page served through the virtual router,
 * and the workbench (toolbar) and gallery to see every page in every state.
 */
import { Command } from 'commander';
import { parseCommand, runAsScript, withUserErrors, type CliIo } from '../lib/command.ts';
import { UserError } from '../lib/errors.ts';
import type { DevServer } from './server.ts';

const command = () =>
  withUserErrors(
    new Command('dev')
      .description('Preview the portal through the virtual router, with hot reload, a state toolbar and a gallery.')
      .option('--port <port>', 'HTTP port (0 picks a free one; a busy port moves on to the next)', '5173')
      .option('--host <address>', 'address to listen on', '127.0.0.1')
      .option('--https', "serve over HTTPS with a local certificate, to see the pages' TLS states (browsers warn: it is not for guests)")
      .option('--radius <server>', 'demo: log guests in through a demo RADIUS server on this computer (users carol / radius and expired)')
      .option('--cache-dir <dir>', "where the rendered pages and Vite's dependency cache go (default node_modules/.hotspot-dev)"),
  );

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const program = command();
  if (!parseCommand(program, argv, io)) return 0;
  const flags = program.opts<{ port: string; host: string; cacheDir?: string; https?: boolean; radius?: string }>();
  if (!/^\d+$/.test(flags.port) || Number(flags.port) > 65535) throw new UserError(`--port "${flags.port}" is not a port number from 0 to 65535.`);
  if (flags.radius !== undefined && flags.radius !== 'demo')
    throw new UserError(`--radius "${flags.radius}" is not known: write --radius demo, or leave it out to use router.radius of portal.config.ts.`);
  // Loaded only after the flags are read, so that --help and a bad flag answer at once.
  const [{ DEMO_USERS }, { startDevServer }] = await Promise.all([import('../router/example-config.ts'), import('./server.ts')]);
  const dev = await startDevServer({
    port: Number(flags.port),
    host: flags.host,
    cacheDir: flags.cacheDir,
    https: flags.https,
    radius: flags.radius === 'demo' ? 'demo' : undefined,
    env: io.env,
  });
  const { config } = dev.portal;
  const member = DEMO_USERS.member;
  io.stdout.write(
    [
      '',
      `  ${config.brand.name}: dev server ready in ${dev.startMs} ms`,
      `  workbench:  ${dev.url}/__dev/        every page in every state, with the toolbar`,
      `  gallery:    ${dev.url}/__gallery     every page and state side by side`,
      `  portal:     ${dev.url}/login         the live virtual router (login-by ${config.router.loginBy.join(',')}; try ${member.name} / ${member.password})`,
      ...radiusLines(dev),
      ...(dev.caFile ? [`  HTTPS:      a local certificate; to avoid the browser warning, trust ${dev.caFile} (this computer only)`] : []),
      '  Edit portal.config.ts, templates/ or portal/: open pages update. Ctrl+C stops.',
      '',
      '',
    ].join('\n'),
  );
  await io.stopped();
  await dev.close();
  return 0;
}

/** What the preview's RADIUS is: the demo server and its users, or a warning that the secret is missing. */
function radiusLines(dev: DevServer): string[] {
  if (dev.demoRadius) {
    const { address, port, users } = dev.demoRadius;
    return [
      `  RADIUS:     demo server on ${address}:${port} (not a server for guests)`,
      ...users.map((u) => `              ${u.password === undefined ? u.name : `${u.name} / ${u.password}`}: ${u.about}`),
    ];
  }
  if (dev.missingSecretEnv)
    return [
      `  RADIUS:     router.radius is set but ${dev.missingSecretEnv} is not: RADIUS logins will end in radius-timeout. Set ${dev.missingSecretEnv} in the environment, or use --radius demo.`,
    ];
  return [];
}

await runAsScript(import.meta.url, main);
