/**
 * `npx tsx tools/bench/soak.ts [--guests N] [--seconds S]`: the router's memory over a long login run.
 * Builds the portal, starts one virtual router in its own process (router-host.ts), runs the bench's
 * load generator (load.ts: GET /login, CHAP, POST /login, GET /logout per cycle) against it, and
 * prints logins per second, errors, and the router process's resident memory before and after, and
 * its cookie and session records. Figures for docs/security.md; too long for `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { buildPortal } from '../build/main.ts';
import { parseCommand, runAsScript, withUserErrors, type CliIo } from '../lib/command.ts';
import { UserError } from '../lib/errors.ts';
import { chapLoad } from './load.ts';
import { RouterHost } from './router-host-client.ts';

const command = () =>
  withUserErrors(
    new Command('soak')
      .description("Measure the router's memory over a long login run.")
      .option('--guests <n>', 'devices logging in at once', '200')
      .option('--seconds <s>', 'how long to run', '60'),
  );

/** Resident memory of a process, in MiB (Linux /proc). */
function rssMiB(pid: number): number {
  const kib = Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return Math.round((kib / 1024) * 10) / 10;
}

const whole = (flag: string, v: string) => {
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new UserError(`${flag} "${v}" is not a whole number of 1 or more.`);
  return Number(v);
};

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const program = command();
  if (!parseCommand(program, argv, io)) return 0;
  const flags = program.opts<{ guests: string; seconds: string }>();
  const guests = whole('--guests', flags.guests);
  const seconds = whole('--seconds', flags.seconds);
  const work = await mkdtemp(join(tmpdir(), 'hs-soak-'));
  const host = await RouterHost.start();
  try {
    const dist = join(work, 'hotspot');
    await buildPortal({ outDir: dist, quiet: true });
    const users = Array.from({ length: guests }, (_, i) => ({ name: `load-${i}`, password: `pw-${i}` }));
    const [router] = await host.start([
      { htmlDir: dist, config: { 'ip/hotspot/profile': [{ name: 'hsprof1', 'login-by': 'http-chap,cookie' }], 'ip/hotspot/user': users } },
    ]);
    const pid = host.pid!;
    const before = rssMiB(pid);
    const load = await chapLoad({
      routerUrl: router!.url,
      guests,
      maxLogins: Number.MAX_SAFE_INTEGER,
      maxSeconds: seconds,
      user: (g) => users[g]!,
      mac: (g) =>
        `02:50:AC:${((g >> 16) & 255).toString(16).padStart(2, '0')}:${((g >> 8) & 255).toString(16).padStart(2, '0')}:${(g & 255).toString(16).padStart(2, '0')}`,
      isLoggedIn: (body) => body.includes('<hs-alogin-page'),
    });
    const after = rssMiB(pid);
    const state = (await (await fetch(`${router!.url}/__vr/state`)).json()) as { sessions: unknown[]; cookies?: unknown[] };
    io.stdout.write(
      `${load.logins} logins by ${guests} guests in ${load.seconds.toFixed(1)} s: ${load.loginsPerSecond.toFixed(1)} logins/s, ${load.errors} errors` +
        `${load.errors ? ` (${JSON.stringify(load.errorKinds)})` : ''}\n` +
        `router process memory (RSS): ${before} MiB at start, ${after} MiB at the end; ${state.sessions.length} sessions` +
        `${state.cookies ? `, ${state.cookies.length} cookie records` : ''} left\n`,
    );
    return load.errors ? 1 : 0;
  } finally {
    await host.stop();
    await rm(work, { recursive: true, force: true });
  }
}

await runAsScript(import.meta.url, main);
