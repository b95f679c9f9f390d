/**
 * `npm run router`: the virtual router on this machine. Alone it serves dist/hotspot/ with the router
 * settings portal.config.ts asks for (as `npm run dev` does) and demo guests; flags or a JSON config
 * describe any other router.
 */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { parseCommand, runAsScript, withUserErrors, type CliIo } from '../lib/command.ts';
import { KEY_PASSPHRASE_ENV } from '../lib/certificate.ts';
import { UserError } from '../lib/errors.ts';
import { applyFlags, parsePort, readConfigFile, type RouterFlags } from './options.ts';
import { ADMIN_PASSWORD_ENV, sshOptions, type SshFlags } from './ssh-flags.ts';

const command = () =>
  withUserErrors(
    new Command('router')
      .description('Run the virtual RouterOS HotSpot: the servlet over HTTP (and SSH with SFTP and a CLI subset), for previews and tests.')
      .option('--html-dir <dir>', 'serve the pages in this folder', undefined)
      .option('--http-port <port>', 'HTTP port (0 picks a free one)', '8088')
      .option('--host <address>', 'address to listen on', '127.0.0.1')
      .option('--https-port <port>', "HTTPS port serving the profile's ssl-certificate (0 picks a free one)")
      .option('--https-cert <file>', 'PEM certificate to import and serve over HTTPS (with --https-key; key passphrase from HOTSPOT_CERT_PASSPHRASE)')
      .option('--https-key <file>', 'PEM private key of --https-cert')
      .option('--config <file>', 'router config JSON: keys are menu paths such as "ip/hotspot/user"')
      .option('--user <name:password[:profile]>', 'add a hotspot user (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
      .option('--login-by <list>', 'profile login-by, e.g. http-chap,http-pap,cookie,trial,mac')
      .option('--dns-name <name>', 'profile dns-name')
      .option('--http-cookie-lifetime <duration>', 'profile http-cookie-lifetime')
      .option('--trial-uptime-limit <duration>', 'profile trial-uptime-limit')
      .option('--trial-uptime-reset <duration>', 'profile trial-uptime-reset')
      .option('--status-autorefresh <duration>', 'default user profile status-autorefresh')
      .option('--shared-users <n>', 'default user profile shared-users')
      .option('--open-status-page <when>', 'default user profile open-status-page: always or http-login')
      .option('--chap-lifetime <duration>', 'how long a CHAP challenge stays valid', '1h')
      .option('--frozen-clock', 'simulated time moves only through the control API')
      .option('--storage <dir>', "the router's file store (/file root); pages are served from the profile's html directory in it")
      .option('--ssh-port <port>', 'SSH port for SFTP and the CLI (0 picks a free one)')
      .option('--admin <name>', `SSH admin user; password from ${ADMIN_PASSWORD_ENV} (or NAME:PASSWORD, visible in the process list)`)
      .option('--routeros <version>', 'RouterOS version to present: 6.49.13 or 7.19.4')
      .option('--flash', 'the store has a flash/ folder and profiles default to flash/hotspot')
      .option('--free-space <bytes>', 'free disk space the router reports')
      .option('--host-key <file>', 'keep the SSH host key in this file (made when missing)')
      .option('--drop-after-bytes <n>', 'fault injection: drop the SSH connection once after n uploaded bytes'),
  );

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const program = command();
  if (!parseCommand(program, argv, io)) return 0;
  const flags = program.opts<RouterFlags & SshFlags>();
  const port = parsePort(flags.httpPort);
  const { version, ...ssh } = sshOptions(flags, io.env);
  const custom = Boolean(flags.config || flags.user.length);
  // Loaded only after the flags are read, so that --help and a bad flag answer at once.
  const [{ startVirtualRouter }, { loadConfig }, { exampleRouter }] = await Promise.all([
    import('../routeros/virtual-router.ts'),
    import('../config/load.ts'),
    import('./example-config.ts'),
  ]);
  const base = flags.config ? await readConfigFile(flags.config) : custom ? {} : exampleRouter((await loadConfig()).config, io.env);
  // With a file store the profile's html directory decides what is served, unless --html-dir overrides it.
  const htmlDir = flags.htmlDir ?? (flags.storage ? undefined : 'dist/hotspot');
  if (htmlDir && !flags.htmlDir && !existsSync(htmlDir)) {
    throw new UserError('dist/hotspot does not exist yet: build the portal with npm run build, or pass --html-dir with a folder of pages.');
  }
  const router = await startVirtualRouter({
    htmlDir,
    config: { ...applyFlags(base, flags), ...(version ? { version } : {}) },
    http: { host: flags.host, port },
    ...(flags.httpsPort !== undefined || flags.httpsCert
      ? {
          https: {
            port: parsePort(flags.httpsPort ?? '0', '--https-port'),
            certFile: flags.httpsCert,
            keyFile: flags.httpsKey,
            passphrase: io.env[KEY_PASSPHRASE_ENV],
          },
        }
      : {}),
    clock: { frozen: Boolean(flags.frozenClock) },
    defaultPages: true,
    chapLifetime: flags.chapLifetime,
    log: (line) => io.stderr.write(`${line}\n`),
    ...ssh,
  });
  const s = router.hotspot.settings();
  const users = router.db.rows('ip/hotspot/user').map((u) => u.name);
  io.stdout.write(
    [
      ...(router.createdDefaultPages ? [`${router.createdDefaultPages} was missing: wrote the router's default pages there`] : []),
      `virtual router "${router.identity}" (RouterOS ${router.version}) serving ${router.htmlDir().root}`,
      `  login page:  ${router.url}/login`,
      ...(router.httpsUrl ? [`  over TLS:    ${router.httpsUrl}/login (ssl-certificate ${s.sslCertificate})`] : []),
      `  login-by:    ${[...s.loginBy].join(',')}`,
      `  users:       ${users.join(', ') || '(none)'}${custom ? '' : ' (passwords in tools/router/example-config.ts)'}`,
      `  control API: ${router.url}/__vr/state`,
      ...(router.ssh
        ? [`  ssh/sftp:    ssh ${ssh.ssh!.admin.name}@${flags.host} -p ${router.sshPort} (host key ${router.ssh.hostKey!.fingerprint})`]
        : []),
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  await io.stopped();
  await router.close();
  return 0;
}

await runAsScript(import.meta.url, main);
