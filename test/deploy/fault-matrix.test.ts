/**
 * The deploy's fault matrix, over real SSH and SFTP against virtual routers: for each phase of a deploy,
 * the router stalls (stops answering, as under kill -STOP), drops the connection, the deploy itself is
 * killed, or the disk fills up; and a router whose host key changed. Each case asserts the one sentence
 * the deploy gives, that the router serves one complete version afterwards (the old one when the fault
 * came before the switch), and that a rerun finishes and serves the new version.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployRouter } from '../../tools/deploy/deploy.ts';
import type { DeployedManifest } from '../../tools/deploy/router-facts.ts';
import type { SshFault } from '../../tools/routeros/ssh/ssh-server.ts';
import type { VirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { Device } from '../support/hotspot-client.ts';
import { ADMIN, DeployLab, target } from './deploy-harness.ts';

/** Short deadlines keep the stalls quick; the deploy's own default is 10 s. */
const TIMEOUT_MS = 2000;
const FREE = 3_000_000;

let lab: DeployLab;
let distA: string;
let distB: string;
let idB: string;
beforeAll(async () => {
  lab = await DeployLab.create();
  const base = await lab.build('matrix');
  distA = await variant(base, 'a');
  distB = await variant(base, 'b');
  idB = (await lab.job(distB)).manifest.id;
});
afterAll(() => lab.dispose());

async function variant(base: string, tag: string): Promise<string> {
  const d = join(lab.dir, `dist-matrix-${tag}`);
  await cp(base, d, { recursive: true });
  await writeFile(join(d, 'errors.txt'), `${await readFile(join(base, 'errors.txt'), 'utf8')}# version ${tag}\n`);
  return d;
}

const job = async (dist: string) => lab.job(dist, 'deploy', undefined, await lab.connect({ timeoutMs: TIMEOUT_MS }));
const folderB = () => `flash/acme-guest-wi-fi-${idB}`;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The folder the profile serves, after checking it is complete: every file of its manifest is there
 * with the right SHA-256, and a guest gets the branded login page from it.
 */
async function serving(vr: VirtualRouter): Promise<string> {
  const folder = vr.db.byName('ip/hotspot/profile', 'hsprof1')!['html-directory-override']!;
  const manifest = JSON.parse(await readFile(join(vr.files!.root, `${folder}.manifest.json`), 'utf8')) as DeployedManifest;
  for (const f of manifest.files) {
    const data = await readFile(join(vr.files!.root, folder, f.path));
    expect(createHash('sha256').update(data).digest('hex'), `${folder}/${f.path}`).toBe(f.sha256);
  }
  const page = await new Device(vr.url, '02:00:00:00:40:01').get('/login');
  expect(page.status).toBe(200);
  expect(page.body).toContain('Acme Guest Wi-Fi');
  return folder;
}

interface Phase {
  name: string;
  /** The request (see SshFault) at which the fault strikes. */
  at: () => RegExp;
  /** The step the failure sentence names (after "while"). */
  step: () => RegExp;
  /** Where the deploy stands when it strikes. */
  when: 'nothing changed' | 'before the switch' | 'during the switch' | 'after the switch';
  /** An older version is on the router for this phase to remove. */
  older?: boolean;
}

const PHASES: Phase[] = [
  {
    name: 'reading the router',
    at: () => /^exec :put \[\/system resource get version\]$/,
    step: () => /running :put \[\/system resource get version\]/,
    when: 'nothing changed',
  },
  {
    name: 'listing versions',
    at: () => /^exec \/file print terse where name~/,
    step: () => /running \/file print terse where name~/,
    when: 'nothing changed',
  },
  {
    name: 'copying on the router',
    at: () => new RegExp(`^exec /import file-name="${esc(folderB())}-copy\\.rsc"$`),
    step: () => new RegExp(`importing ${esc(folderB())}-copy\\.rsc`),
    when: 'before the switch',
  },
  {
    name: 'uploading',
    at: () => new RegExp(`^sftp WRITE /${esc(folderB())}/errors\\.txt$`),
    // Several transfers are in flight at once: the sentence names one of them.
    step: () => new RegExp(`uploading ${esc(folderB())}/[\\w./-]+\\.[a-z]+`),
    when: 'before the switch',
  },
  {
    name: 'verifying',
    at: () => new RegExp(`^sftp READ /${esc(folderB())}/errors\\.txt$`),
    step: () => new RegExp(`verifying ${esc(folderB())}/[\\w./-]+\\.[a-z]+`),
    when: 'before the switch',
  },
  {
    name: 'writing the manifest',
    at: () => new RegExp(`^sftp OPEN /${esc(folderB())}\\.manifest\\.json$`),
    step: () => /writing the manifest/,
    when: 'before the switch',
  },
  {
    name: 'importing the config script',
    at: () => new RegExp(`^exec /import file-name="${esc(folderB())}\\.rsc"$`),
    step: () => new RegExp(`importing ${esc(folderB())}\\.rsc`),
    when: 'during the switch',
  },
  {
    name: 'checking the settings',
    at: () => /^exec \/ip hotspot profile print terse where name=/,
    step: () => /running \/ip hotspot profile print terse where name=/,
    when: 'during the switch',
  },
  {
    name: 'removing an older version',
    at: () => /^exec \/file remove \[find name="flash\/acme-guest-wi-fi-[0-9a-f]{12}"\]$/,
    step: () => /removing flash\/acme-guest-wi-fi-[0-9a-f]{12}/,
    when: 'after the switch',
    older: true,
  },
];

let routers = 0;
/** A router serving version A (and holding an older version Z too when the phase needs one to remove). */
async function routerServingA(phase: Phase): Promise<{ vr: VirtualRouter; folderA: string }> {
  const vr = await lab.router(`matrix-${++routers}`, { flash: true, freeSpace: FREE });
  if (phase.older) expect((await deployRouter(target(vr), await job(await variant(distA, `z${routers}`)))).ok).toBe(true);
  const a = await deployRouter(target(vr), await job(distA));
  expect(a.status).toBe('deployed');
  return { vr, folderA: a.folder! };
}

/** What the router must serve after a fault in this phase: A before the switch, B after, either during it. */
function expectServes(phase: Phase, folder: string, folderA: string): void {
  if (phase.when === 'after the switch') expect(folder).toBe(folderB());
  else if (phase.when === 'during the switch') expect([folderA, folderB()]).toContain(folder);
  else expect(folder).toBe(folderA);
}

async function rerunServesB(vr: VirtualRouter): Promise<void> {
  const rerun = await deployRouter(target(vr), await job(distB));
  expect(rerun.error).toBeUndefined();
  expect(['deployed', 'unchanged']).toContain(rerun.status);
  expect(await serving(vr)).toBe(folderB());
}

function sentenceFor(phase: Phase, error: string | undefined, lost: RegExp, folderA: string): void {
  expect(error).toBeDefined();
  expect(error!.split('\n')).toHaveLength(1);
  expect(error).toMatch(lost);
  expect(error).toMatch(phase.step());
  if (phase.when === 'nothing changed') expect(error).toMatch(/; nothing was changed\. Run the deploy again\.$/);
  if (phase.when === 'before the switch')
    expect(error).toContain(`; ${folderB()} was not switched to, and the router still serves ${folderA}. Run the deploy again to finish it.`);
  if (phase.when === 'during the switch') expect(error).toContain(`, during the switch to ${folderB()}; run the deploy again`);
  if (phase.when === 'after the switch') expect(error).toContain(`, after ${folderB()} was switched to and verified; run the deploy again`);
}

describe.concurrent.each([
  ['stalls', 'stall', /^127\.0\.0\.1:\d+ stopped answering while .* \((no answer within 2 s|no answer to keepalives)\)/],
  ['drops the connection', 'drop', /^127\.0\.0\.1:\d+ dropped the connection while /],
] as const)('the router %s', (_label, action, lost) => {
  it('at connect: one sentence, nothing changed, and a rerun finishes', async () => {
    const { vr, folderA } = await routerServingA({ name: 'connect', at: () => /^connect$/, step: () => /./, when: 'nothing changed' });
    vr.ssh!.inject({ at: /^connect$/, action });
    const r = await deployRouter(target(vr), await job(distB));
    expect(r.error).toMatch(
      action === 'stall' ? /^Cannot reach 127\.0\.0\.1:\d+: no answer within the timeout/ : /^Cannot connect to 127\.0\.0\.1:\d+: /,
    );
    expect(await serving(vr)).toBe(folderA);
    await rerunServesB(vr);
  });

  it.each(PHASES.map((p) => [p.name, p] as const))(
    'while %s: one sentence naming the step, a complete portal served, a rerun finishes',
    async (_name, phase) => {
      const { vr, folderA } = await routerServingA(phase);
      vr.ssh!.inject({ at: phase.at(), action });
      const started = Date.now();
      const r = await deployRouter(target(vr), await job(distB));
      expect(r.ok).toBe(false);
      sentenceFor(phase, r.error, lost, folderA);
      // The deadline bounds the wait (with room for a loaded machine); without one it would never end.
      expect(Date.now() - started).toBeLessThan(30_000);
      expectServes(phase, await serving(vr), folderA);
      await rerunServesB(vr);
    },
  );
});

describe.concurrent('the disk fills up', () => {
  const write = (file: () => string) => () => new RegExp(`^sftp WRITE /${esc(file())}$`);
  const FULL: Array<[string, () => RegExp]> = [
    ['uploading', write(() => `${folderB()}/errors.txt`)],
    ['writing the manifest', write(() => `${folderB()}.manifest.json`)],
    ['uploading the config script', write(() => `${folderB()}.rsc`)],
  ];

  it.each(FULL)('while %s: refused, the old portal serves, a rerun with room finishes', async (_name, at) => {
    const { vr, folderA } = await routerServingA(PHASES[0]!);
    const filler = join(vr.files!.root, 'filler.bin');
    const fault: SshFault = { at: at(), action: () => (writeFileSync(filler, Buffer.alloc(FREE)), 'continue') };
    vr.ssh!.inject(fault);
    const r = await deployRouter(target(vr), await job(distB));
    expect(r.error).toMatch(/^127\.0\.0\.1:\d+ could not write \S+ \(No space left on device\); /);
    expect(r.error).toContain(`; ${folderB()} was not switched to, and the router still serves ${folderA}. Run the deploy again to finish it.`);
    expect(await serving(vr)).toBe(folderA);
    rmSync(filler);
    await rerunServesB(vr);
  });
});

describe.concurrent('the deploy is killed', () => {
  const KILLED = PHASES.filter((p) => ['uploading', 'importing the config script', 'removing an older version'].includes(p.name));

  it.each(KILLED.map((p) => [p.name, p] as const))('while %s (SIGKILL): a complete portal served, a rerun finishes', async (_name, phase) => {
    const { vr, folderA } = await routerServingA(phase);
    const { SSH_AUTH_SOCK: _agent, ...env } = process.env;
    // node itself, not the tsx command: tsx runs the script in a child process of its own, which a
    // SIGKILL of tsx would leave running (a deploy that was never killed, finishing behind the test's back).
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'tools/deploy/main.ts',
        '--no-build',
        '--dist',
        distB,
        '--known-hosts',
        join(lab.dir, `known-${vr.sshPort}`),
        '--trust-new-host',
        `127.0.0.1:${vr.sshPort}`,
      ],
      { env: { ...env, ROUTER_PASSWORD: ADMIN.password }, stdio: 'ignore' },
    );
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
    // Killed as the request reaches the router, which still carries it out, as a real router would.
    vr.ssh!.inject({ at: phase.at(), action: () => (child.kill('SIGKILL'), 'continue') });
    expect(await exited).toBe('SIGKILL');
    expectServes(phase, await serving(vr), folderA);
    await rerunServesB(vr);
  });
});

describe.concurrent('the host key changed', () => {
  it('refused before anything is sent; once the new key is checked and trusted, a rerun finishes', async () => {
    const vr = await lab.router('rekey-matrix', { flash: true });
    const known = join(lab.dir, 'known-rekey-matrix');
    const pinned = await lab.connect({ timeoutMs: TIMEOUT_MS }, known);
    expect((await deployRouter(target(vr), await lab.job(distA, 'deploy', undefined, pinned))).ok).toBe(true);
    const port = vr.sshPort;
    await vr.close();
    const again = await lab.router('rekey-matrix', { flash: true, ssh: { admin: ADMIN, port, hostKeyFile: join(lab.dir, 'key-rekey-matrix-new') } });
    const r = await deployRouter(target(again), await lab.job(distB, 'deploy', undefined, await lab.connect({ timeoutMs: TIMEOUT_MS }, known)));
    expect(r.error).toMatch(/presented host key SHA256:\S+, but SHA256:\S+ is pinned for it in .*known-rekey-matrix: if the router was replaced/);
    expect(again.db.byName('ip/hotspot/profile', 'hsprof1')!['html-directory-override']).toBe('');
    // The technician checks the new key and removes the old line, as the sentence says.
    await writeFile(known, '');
    const rerun = await deployRouter(target(again), await lab.job(distB, 'deploy', undefined, await lab.connect({ timeoutMs: TIMEOUT_MS }, known)));
    expect(rerun.status).toBe('deployed');
    expect(await serving(again)).toBe(folderB());
  });
});
