/**
 * `npm run deploy` as a technician runs it: several routers in one command, the results table, exit
 * codes, dry-run output, and bad input as one sentence. The password comes from ROUTER_PASSWORD and
 * never shows in the output. The first run is a real process (exit code and stderr as a shell sees
 * them); the others run the command's main in this process.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../tools/deploy/main.ts';
import { runInProcess, type CliRun } from '../support/cli.ts';
import { ADMIN, DeployLab } from './deploy-harness.ts';

let lab: DeployLab;
let dist: string;
beforeAll(async () => {
  lab = await DeployLab.create();
  dist = await lab.build('cli');
});
afterAll(() => lab.dispose());

const PASSWORD = { ROUTER_PASSWORD: ADMIN.password };

/** `npm run deploy -- ARGS` in this process. */
const deploy = (args: string[], env: NodeJS.ProcessEnv = PASSWORD): Promise<CliRun> => runInProcess(main, args, { env });

/** The same as a process of its own, started the way npm starts it. */
function spawnDeploy(args: string[], env: NodeJS.ProcessEnv = PASSWORD): Promise<Omit<CliRun, 'code'> & { code: number | null }> {
  const { SSH_AUTH_SOCK: _agent, ROUTER_PASSWORD: _pw, ...base } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/deploy/main.ts', ...args], {
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const common = () => ['--no-build', '--dist', dist, '--known-hosts', join(lab.dir, 'known_hosts'), '--trust-new-host'];

describe('npm run deploy', () => {
  it('deploys to five routers in one command; the unreachable one fails, the table names it, the exit code is 1', async () => {
    const routers = await Promise.all(
      [1, 2, 3, 4].map((n) => lab.router(`fleet-${n}`, { flash: n % 2 === 0, version: n === 3 ? '6.49.13' : '7.19.4' })),
    );
    const hosts = routers.map((r) => `127.0.0.1:${r.sshPort}`);
    const run = await spawnDeploy([...common(), ...hosts.slice(0, 2), '127.0.0.1:1', ...hosts.slice(2)]);
    expect(run.code).toBe(1);
    const table = run.stdout.slice(run.stdout.indexOf('router '));
    for (const h of hosts)
      expect(table).toMatch(new RegExp(`^${h.replace(/\./g, '\\.')}\\s+deployed\\s+(flash/)?acme-guest-wi-fi-[0-9a-f]{12}\\s+\\d+ files`, 'm'));
    expect(table).toMatch(/^127\.0\.0\.1:1\s+FAILED\s+Cannot reach 127\.0\.0\.1:1: the connection was refused/m);
    expect(run.stderr).toBe('error: 1 of 5 routers failed; see the table above.\n');
    for (const r of routers) expect(r.htmlDir().root).toMatch(/acme-guest-wi-fi-[0-9a-f]{12}$/);
    expect(run.stdout + run.stderr).not.toContain(ADMIN.password);
    expect(await readFile(join(lab.dir, 'known_hosts'), 'utf8')).toMatch(/^127\.0\.0\.1:\d+ ssh-ed25519 /m);

    const again = await deploy([...common(), ...hosts]);
    expect(again.code).toBe(0);
    for (const h of hosts) expect(again.stdout).toMatch(new RegExp(`^${h.replace(/\./g, '\\.')}\\s+unchanged\\s+\\S+\\s+0 files, 0\\.0 KB`, 'm'));
  });

  it('--dry-run prints the plan and a closing line, and changes nothing', async () => {
    const vr = await lab.router('cli-dry', { flash: true });
    const run = await deploy([...common(), '--dry-run', `127.0.0.1:${vr.sshPort}`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('config script flash/acme-guest-wi-fi-');
    expect(run.stdout).toMatch(/^ {2}would upload \d+ files, [\d.]+ KB$/m);
    expect(run.stdout.trimEnd().split('\n').pop()).toBe('dry run: nothing was changed on any router.');
    expect(vr.db.byName('ip/hotspot/profile', 'hsprof1')!['html-directory-override']).toBe('');
  });

  it("--rollback after a first deploy returns to the router's own pages; a second one has nothing left", async () => {
    const vr = await lab.router('cli-rollback', { flash: true });
    const host = `127.0.0.1:${vr.sshPort}`;
    expect((await deploy([...common(), host])).code).toBe(0);
    expect(vr.htmlDir().root).toMatch(/acme-guest-wi-fi-[0-9a-f]{12}$/);
    const run = await deploy([...common(), '--rollback', host]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^${host.replace(/\./g, '\\.')}\\s+rolled back\\s+flash/hotspot`, 'm'));
    expect(vr.db.byName('ip/hotspot/profile', 'hsprof1')!['html-directory-override']).toBe('');
    expect(vr.htmlDir().root).toMatch(/flash\/hotspot$/);
    const twice = await deploy([...common(), '--rollback', host]);
    expect(twice.code).toBe(1);
    expect(twice.stdout).toMatch(
      /FAILED\s+127\.0\.0\.1:\d+ is not serving a version deployed by this toolkit \(it serves flash\/hotspot\): there is nothing to roll back\./,
    );
  });

  // One test per case: each is a command of its own, started from scratch.
  const badInput: Array<[string, () => string[], Record<string, string | undefined>, RegExp]> = [
    ['no router', () => [...common()], { ROUTER_PASSWORD: 'x' }, /^error: Name at least one router: npm run deploy -- 192\.168\.88\.1/],
    [
      'a bad port',
      () => [...common(), '192.168.88.1:99999'],
      { ROUTER_PASSWORD: 'x' },
      /^error: router "192\.168\.88\.1:99999" has a port that is not a number from 1 to 65535\.$/m,
    ],
    ['a bad host', () => [...common(), 'bad host!'], { ROUTER_PASSWORD: 'x' }, /^error: router "bad host!" is not a host name or IPv4 address/],
    [
      'no password',
      () => [...common(), '127.0.0.1:1'],
      {},
      /^error: No router password: set ROUTER_PASSWORD, load a key into ssh-agent, or pass --identity KEYFILE\.$/m,
    ],
    [
      '--dry-run with --rollback',
      () => [...common(), '--dry-run', '--rollback', '127.0.0.1:1'],
      { ROUTER_PASSWORD: 'x' },
      /^error: --dry-run and --rollback cannot be used together/,
    ],
    [
      'a bad --transfers',
      () => [...common(), '--transfers', '0', '127.0.0.1:1'],
      { ROUTER_PASSWORD: 'x' },
      /^error: --transfers "0" is not a whole number from 1 to 64\.$/m,
    ],
    [
      'a missing inventory',
      () => [...common(), '--inventory', join(lab.dir, 'nope.txt')],
      { ROUTER_PASSWORD: 'x' },
      /^error: The inventory .*nope\.txt cannot be read/,
    ],
    [
      'an empty --dist',
      () => ['--no-build', '--dist', join(lab.dir, 'empty'), '127.0.0.1:1'],
      { ROUTER_PASSWORD: 'x' },
      /holds no built portal: run npm run build first/,
    ],
  ];
  it.each(badInput)('bad input (%s): one sentence and a non-zero exit, never a stack trace', async (_label, argsOf, env, message) => {
    const args = argsOf();
    const run = await deploy(args, env);
    expect(run.code, args.join(' ')).toBe(2);
    expect(run.stderr, args.join(' ')).toMatch(message);
    expect(run.stderr).not.toContain('    at ');
  });
});
