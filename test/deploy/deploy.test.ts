/**
 * Deploy against virtual routers over real SSH and SFTP on loopback: what ends up on the router,
 * incremental redeploys, rollback, dry-run, and every failure leaving the previous portal serving.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import type { PortalConfigInput } from '../../tools/config/index.ts';
import { RouterConnection } from '../../tools/deploy/connection.ts';
import { deployFleet, deployRouter } from '../../tools/deploy/deploy.ts';
import { renderDeployScript } from '../../tools/deploy/script.ts';
import { routerModel } from '../../tools/router-model/router-model.ts';
import { validateConfig } from '../../tools/config/index.ts';
import type { VirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { Device } from '../support/hotspot-client.ts';
import { DeployLab, target } from './deploy-harness.ts';

let lab: DeployLab;
let dist: string;
beforeAll(async () => {
  lab = await DeployLab.create();
  dist = await lab.build('example');
});
afterAll(() => lab.dispose());

const GARDEN: PortalConfigInput = { ...example, walledGarden: { hosts: ['pay.example.com', '*.cdn.example.net'] } };
const profileRow = (vr: VirtualRouter) => vr.db.byName('ip/hotspot/profile', 'hsprof1')!;
const loginPage = async (vr: VirtualRouter) => (await new Device(vr.url, '02:00:00:00:30:01').get('/login')).body;
/** Every file of the router's store, path → content. */
async function storeFiles(vr: VirtualRouter): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(vr.files!.root, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(join(e.parentPath, e.name), await readFile(join(e.parentPath, e.name), 'utf8'));
  }
  return out;
}

describe.concurrent('a first deploy', () => {
  it('v7 with flash/: pages in flash/, the profile and walled garden hold exactly the expected values', async () => {
    const vr = await lab.router('first-v7', {
      flash: true,
      config: { 'ip/hotspot/walled-garden': [{ 'dst-host': 'keep.example.org', comment: 'set by hand' }] },
    });
    expect(await loginPage(vr)).toContain('mikrotik hotspot > login');
    const r = await deployRouter(target(vr), await lab.job(dist, 'deploy', GARDEN));
    expect(r.error).toBeUndefined();
    expect(r.status).toBe('deployed');
    expect(r.folder).toMatch(/^flash\/acme-guest-wi-fi-[0-9a-f]{12}$/);
    expect(r.uploadedFiles).toBe((await readdir(dist, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length);

    const p = profileRow(vr);
    expect(p['html-directory-override']).toBe(r.folder);
    expect(p['html-directory']).toBe('flash/hotspot');
    expect(p['login-by']).toBe('http-chap,cookie,trial');
    expect(p['http-cookie-lifetime']).toBe('3d');
    expect(p['trial-uptime-limit']).toBe('30m');
    expect(p['trial-uptime-reset']).toBe('1d');
    expect(p['trial-user-profile']).toBe('default');
    const up = vr.db.byName('ip/hotspot/user/profile', 'default')!;
    expect([up['open-status-page'], up['status-autorefresh']]).toEqual(['http-login', '1m']);
    const garden = vr.db.rows('ip/hotspot/walled-garden').map((g) => [g['dst-host'], g.action, g.comment]);
    expect(garden).toEqual([
      ['keep.example.org', 'allow', 'set by hand'],
      ['pay.example.com', 'allow', 'hotspot-toolkit:acme-guest-wi-fi'],
      ['*.cdn.example.net', 'allow', 'hotspot-toolkit:acme-guest-wi-fi'],
    ]);
    expect(vr.db.rows('ip/hotspot/walled-garden/ip').map((g) => [g['dst-host'], g.action, g.comment])).toEqual([
      ['pay.example.com', 'accept', 'hotspot-toolkit:acme-guest-wi-fi'],
    ]);
    expect(await loginPage(vr)).toContain('Acme Guest Wi-Fi');

    // The next deploy replaces exactly its own walled-garden entries.
    const r2 = await deployRouter(target(vr), await lab.job(dist, 'deploy', { ...example, walledGarden: { hosts: ['maps.example.com'] } }));
    expect(r2.status).toBe('deployed');
    expect(r2.uploadedFiles).toBe(0);
    expect(vr.db.rows('ip/hotspot/walled-garden').map((g) => g['dst-host'])).toEqual(['keep.example.org', 'maps.example.com']);
  });

  it('v6 without flash/: html-directory, since 6.x has no html-directory-override', async () => {
    const vr = await lab.router('first-v6', { version: '6.49.13' });
    const r = await deployRouter(target(vr), await lab.job(dist));
    expect(r.status).toBe('deployed');
    expect(r.folder).toMatch(/^acme-guest-wi-fi-[0-9a-f]{12}$/);
    expect(profileRow(vr)['html-directory']).toBe(r.folder);
    expect(profileRow(vr)['html-directory-override']).toBe('');
    expect(r.copiedFiles).toBe(0);
    expect(await loginPage(vr)).toContain('Acme Guest Wi-Fi');
  });

  it('--transfers 1 (one file at a time, for a router that takes no more) deploys the same pages', async () => {
    const vr = await lab.router('first-sequential');
    const connect = await lab.connect({ transfers: 1 });
    const conn = await RouterConnection.open(target(vr), connect);
    expect(conn.pipeline.transfers).toBe(1);
    await conn.close();
    const r = await deployRouter(target(vr), await lab.job(dist, 'deploy', example, connect));
    expect(r.error).toBeUndefined();
    expect(r.status).toBe('deployed');
    expect(r.uploadedFiles).toBe((await readdir(dist, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length);
    expect(await loginPage(vr)).toContain('Acme Guest Wi-Fi');
  });
});

describe.concurrent('redeploys and rollback', () => {
  it('a no-op uploads nothing, a one-file change uploads one file, rollback serves the previous pages', async () => {
    const vr = await lab.router('redeploy', { flash: true });
    const first = await deployRouter(target(vr), await lab.job(dist));
    expect(first.status).toBe('deployed');

    const again = await deployRouter(target(vr), await lab.job(dist));
    expect(again).toMatchObject({ status: 'unchanged', uploadedFiles: 0, uploadedBytes: 0, copiedFiles: 0 });

    const changed = join(lab.dir, 'dist-one-file');
    await cp(dist, changed, { recursive: true });
    const errorsTxt = await readFile(join(changed, 'errors.txt'), 'utf8');
    const v2 = errorsTxt.replace(/ = /g, ' = [v2] ');
    await writeFile(join(changed, 'errors.txt'), v2);
    const second = await deployRouter(target(vr), await lab.job(changed));
    expect(second.status).toBe('deployed');
    expect(second.folder).not.toBe(first.folder);
    expect(second.uploadedFiles).toBe(1);
    expect(second.uploadedBytes).toBe(Buffer.byteLength(v2));
    expect(second.copiedFiles).toBe(first.uploadedFiles - 1);
    expect(await readFile(join(vr.files!.root, second.folder!, 'login.html'), 'utf8')).toBe(await readFile(join(dist, 'login.html'), 'utf8'));
    const guest = new Device(vr.url, '02:00:00:00:30:02');
    const failed = await guest.post('/login', { username: 'alice', password: 'nope' });
    expect(failed.body).toContain('id="hs-data">username=alice&error=%5Bv2%5D');

    const back = await deployRouter(target(vr), await lab.job(changed, 'rollback'));
    expect(back).toMatchObject({ ok: true, status: 'rolled back', folder: first.folder });
    expect(profileRow(vr)['html-directory-override']).toBe(first.folder);
    const after = await new Device(vr.url, '02:00:00:00:30:03').post('/login', { username: 'alice', password: 'nope' });
    expect(after.body).not.toContain('%5Bv2%5D');
    expect(after.body).toContain('Acme Guest Wi-Fi');
  });

  it('keeps the serving version and the one before it, and removes older ones', async () => {
    const vr = await lab.router('prune', { flash: true });
    const folders: string[] = [];
    for (const n of [1, 2, 3]) {
      const d = join(lab.dir, `dist-prune-${n}`);
      await cp(dist, d, { recursive: true });
      await writeFile(join(d, 'errors.txt'), `${await readFile(join(dist, 'errors.txt'), 'utf8')}# version ${n}\n`);
      folders.push((await deployRouter(target(vr), await lab.job(d))).folder!);
    }
    const left = (await readdir(join(vr.files!.root, 'flash'))).filter((f) => f.startsWith('acme-guest-wi-fi-')).sort();
    const kept = [folders[1]!, folders[2]!].flatMap((f) => [f, `${f}.rsc`, `${f}.manifest.json`]);
    expect(left).toEqual(kept.map((f) => f.replace('flash/', '')).sort());
  });

  it('deploying the serving version again is "unchanged" and keeps the version --rollback needs', async () => {
    const vr = await lab.router('rerun', { flash: true });
    const c = await variant('rerun-c', 'C');
    const b = await variant('rerun-b', 'B');
    const first = await deployRouter(target(vr), await lab.job(c));
    const second = await deployRouter(target(vr), await lab.job(b));
    expect(second.status).toBe('deployed');
    const again = await deployRouter(target(vr), await lab.job(b));
    expect(again).toMatchObject({ ok: true, status: 'unchanged', uploadedFiles: 0 });
    expect(existsSync(join(vr.files!.root, first.folder!))).toBe(true);
    const back = await deployRouter(target(vr), await lab.job(b, 'rollback'));
    expect(back).toMatchObject({ ok: true, status: 'rolled back', folder: first.folder });
    expect(profileRow(vr)['html-directory-override']).toBe(first.folder);
  });

  it('keeps its manifest beside the folder, where guests cannot fetch it, and verifies copies by content', async () => {
    const vr = await lab.router('manifest', { flash: true });
    const first = await deployRouter(target(vr), await lab.job(dist));
    const guest = new Device(vr.url, '02:00:00:00:30:04');
    for (const path of ['/.hotspot-manifest.json', `/${first.folder!.replace('flash/', '')}.manifest.json`]) {
      const r = await guest.get(path);
      expect(r.body).not.toContain(first.folder!.slice(-12));
    }
    expect(existsSync(join(vr.files!.root, `${first.folder}.manifest.json`))).toBe(true);

    // A serving file edited on the router (same size, other bytes) must not be copied into the next version.
    const served = join(vr.files!.root, first.folder!, 'status.html');
    const original = await readFile(served, 'utf8');
    await writeFile(served, original.replace(/<title>/i, '<TITLE>'));
    const next = await variant('manifest-next', 'next');
    const r = await deployRouter(target(vr), await lab.job(next));
    expect(r.status).toBe('deployed');
    expect(r.copiedFiles).toBeGreaterThan(0);
    expect(await readFile(join(vr.files!.root, r.folder!, 'status.html'), 'utf8')).toBe(original);
  });
});

/** A copy of the example build whose errors.txt differs, so it deploys into its own folder. */
async function variant(name: string, tag: string): Promise<string> {
  const d = join(lab.dir, `dist-${name}`);
  await cp(dist, d, { recursive: true });
  await writeFile(join(d, 'errors.txt'), `${await readFile(join(dist, 'errors.txt'), 'utf8')}# ${tag}\n`);
  return d;
}

describe.concurrent('dry-run and secrets', () => {
  it('dry-run shows the plan and changes nothing', async () => {
    const vr = await lab.router('dry', { flash: true });
    const before = await storeFiles(vr);
    const rows = JSON.stringify(vr.db.rows('ip/hotspot/profile'));
    const r = await deployRouter(target(vr), await lab.job(dist, 'dry-run', GARDEN));
    expect(r.status).toBe('planned');
    expect(r.planText).toMatch(/^ {2}would upload \d+ files, [\d.]+ KB$/m);
    expect(r.planText).toContain('html-directory-override="flash/acme-guest-wi-fi-');
    expect(r.planText).toContain(
      '/ip hotspot walled-garden add dst-host="pay.example.com" action="allow" comment="hotspot-toolkit:acme-guest-wi-fi"',
    );
    expect(await storeFiles(vr)).toEqual(before);
    expect(JSON.stringify(vr.db.rows('ip/hotspot/profile'))).toBe(rows);
  });

  it('the mac-auth password reaches the profile but no file, plan or script', async () => {
    const vr = await lab.router('secret', { flash: true });
    const mac: PortalConfigInput = {
      ...example,
      login: { ...example.login, methods: [...example.login.methods, 'mac'] },
      router: { ...example.router, macAuthMode: 'mac-as-username' },
    };
    const job = { ...(await lab.job(dist, 'dry-run', mac)) };
    job.settings = { ...job.settings, macAuthPassword: 'S3cret"pw$' };
    const plan = await deployRouter(target(vr), job);
    expect(plan.planText).toContain('mac-auth-password="********"');
    expect(plan.planText).not.toContain('S3cret');
    const done = await deployRouter(target(vr), { ...job, mode: 'deploy' });
    expect(done.status).toBe('deployed');
    expect(profileRow(vr)['mac-auth-password']).toBe('S3cret"pw$');
    expect(profileRow(vr)['mac-auth-mode']).toBe('mac-as-username');
    for (const [file, text] of await storeFiles(vr)) expect(text.includes('S3cret'), file).toBe(false);
  });
});

describe.concurrent('refusals that change nothing', () => {
  it('a value that could inject a command is rejected with a sentence naming the field', async () => {
    const model = routerModel(validateConfig(example), 'hsprof1');
    const t = { folder: 'flash/x-000000000000', bundle: 'ab', v7: true };
    const evilHost = { 'dst-host': { value: 'evil.com" ; /system reset-configuration', from: 'walledGarden.hosts', shape: 'host-pattern' as const } };
    expect(() => renderDeployScript({ ...model, owned: [{ menu: 'ip/hotspot/walled-garden', rows: [evilHost] }] }, t)).toThrow(
      /^walledGarden.hosts "evil.com" ; \/system reset-configuration" cannot be written to the router: it must be a host name/,
    );
    expect(() => renderDeployScript(routerModel(validateConfig(example), 'hsprof1] ; /system reboot ; ['), t)).toThrow(
      /^hotspot profile .* cannot be written/,
    );
    const lifetime = {
      menu: 'ip/hotspot/profile' as const,
      name: model.changes[0]!.name,
      props: { 'http-cookie-lifetime': { value: '1d\n/system reboot', from: 'router.httpCookieLifetime', shape: 'duration' as const } },
    };
    expect(() => renderDeployScript({ ...model, changes: [lifetime] }, t)).toThrow(
      /^router.httpCookieLifetime "1d\n\/system reboot" cannot be written to the router: it must be a duration/,
    );
    expect(() => validateConfig({ ...example, walledGarden: { hosts: ['a.com ; /system reboot'] } })).toThrow(/walledGarden\.hosts/);
  });

  it('an upload cut off mid-way leaves the old portal serving, and a rerun completes it', async () => {
    const vr = await lab.router('drop', { flash: true, ssh: { admin: { name: 'admin', password: 'router-pw' }, dropAfterBytes: 30_000 } });
    const job = await lab.job(dist);
    const cut = await deployRouter(target(vr), job);
    expect(cut.ok).toBe(false);
    expect(cut.error).toMatch(/the router still serves flash\/hotspot\. Run the deploy again to finish it\.$/);
    expect(profileRow(vr)['html-directory-override']).toBe('');
    expect(await loginPage(vr)).toContain('mikrotik hotspot > login');

    const rerun = await deployRouter(target(vr), job);
    expect(rerun.status).toBe('deployed');
    expect(rerun.uploadedFiles).toBeGreaterThan(0);
    expect(rerun.uploadedFiles).toBeLessThan(job.manifest.files.length);
    expect(await loginPage(vr)).toContain('Acme Guest Wi-Fi');
  });

  it('an invalid MAC_AUTH_PASSWORD is refused before anything changes', async () => {
    const vr = await lab.router('bad-secret', { flash: true });
    const mac: PortalConfigInput = {
      ...example,
      login: { ...example.login, methods: [...example.login.methods, 'mac'] },
      router: { ...example.router, macAuthMode: 'mac-as-username' },
    };
    const job = await lab.job(dist, 'deploy', mac);
    job.settings = { ...job.settings, macAuthPassword: 'line\nbreak' };
    const before = await storeFiles(vr);
    const r = await deployRouter(target(vr), job);
    expect(r.error).toBe('MAC_AUTH_PASSWORD cannot be written to the router: it must be up to 64 printable ASCII characters.');
    expect(profileRow(vr)['login-by']).toBe('http-chap,cookie');
    expect(profileRow(vr)['html-directory-override']).toBe('');
    expect(await storeFiles(vr)).toEqual(before);
  });

  it('a bundle file gone from --dist during the upload fails that router with a sentence, and the fleet goes on', async () => {
    const vrs = [await lab.router('gone-1', { flash: true }), await lab.router('gone-2', { flash: true })];
    const d = await variant('gone', 'gone');
    const job = await lab.job(d);
    let removed = false;
    job.emit = (e) => {
      if (e.kind === 'upload' && !removed) {
        removed = true;
        rmSync(join(d, 'status.html'));
      }
    };
    const results = await deployFleet(vrs.map(target), job, 1);
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed']);
    for (const r of results) {
      expect(r.error).toMatch(
        /: status\.html cannot be read from .* \(it is no longer there\); the router still serves flash\/hotspot\. Build again and deploy again\.$/,
      );
    }
    for (const vr of vrs) expect(profileRow(vr)['html-directory-override']).toBe('');
  });

  it('a fleet reads the bundle once: a file edited after the first router got it reaches no router, each gets the bytes of the manifest', async () => {
    const vrs = [await lab.router('once-1', { flash: true }), await lab.router('once-2', { flash: true })];
    const d = await variant('once', 'once');
    const job = await lab.job(d);
    const original = await readFile(join(d, 'login.html'), 'utf8');
    const first = target(vrs[0]!).label;
    job.emit = (e) => {
      // After the first router's uploads, before the second router starts: a rebuild or an editor writes the file.
      if (e.kind === 'step' && e.router === first && e.message.startsWith('verifying'))
        writeFileSync(join(d, 'login.html'), `${original}<!-- edited -->`);
    };
    const results = await deployFleet(vrs.map(target), job, 1);
    expect(results.map((r) => r.status)).toEqual(['deployed', 'deployed']);
    expect(results[1]!.uploadedFiles).toBe(job.manifest.files.length);
    for (const [i, vr] of vrs.entries()) {
      expect(await readFile(join(vr.files!.root, results[i]!.folder!, 'login.html'), 'utf8')).toBe(original);
      expect(profileRow(vr)['html-directory-override']).toBe(results[i]!.folder);
    }
  });

  it('not enough free space is refused before uploading', async () => {
    const vr = await lab.router('full', { flash: true, freeSpace: 40_000 });
    const r = await deployRouter(target(vr), await lab.job(dist));
    expect(r.error).toMatch(/has \d+\.\d KiB free but this deploy needs \d+\.\d KiB: remove unused files/);
    expect((await readdir(join(vr.files!.root, 'flash'))).sort()).toEqual(['hotspot']);
  });

  it('no hotspot, several profiles, a refused login, an unreachable router: one sentence each', async () => {
    const none = await lab.router('none', { config: { 'ip/hotspot': [{ name: 'hotspot1', disabled: 'yes' }] } });
    expect((await deployRouter(target(none), await lab.job(dist))).error).toMatch(/has no hotspot server: set one up first/);
    const two = await lab.router('two', { config: { 'ip/hotspot': [{ name: 'hotspot2', profile: 'default' }] } });
    expect((await deployRouter(target(two), await lab.job(dist))).error).toMatch(
      /has several hotspot profiles in use \(hsprof1, default\): choose one with --profile/,
    );
    const wrong = await lab.job(dist, 'deploy', example, await lab.connect({ credentials: { user: 'admin', password: 'not-it' } }));
    expect((await deployRouter(target(two), wrong)).error).toMatch(/refused the login for user "admin"/);
    const closed = { host: '127.0.0.1', port: 1, label: '127.0.0.1:1' };
    expect((await deployRouter(closed, await lab.job(dist))).error).toMatch(/^Cannot reach 127\.0\.0\.1:1: the connection was refused/);
  });

  it('a changed host key is refused, naming both fingerprints', async () => {
    const vr = await lab.router('rekeyed', { flash: true });
    const known = join(lab.dir, 'known-rekeyed');
    expect((await deployRouter(target(vr), await lab.job(dist, 'deploy', example, await lab.connect({}, known)))).ok).toBe(true);
    const port = vr.sshPort;
    await vr.close();
    const impostor = await lab.router('impostor', { flash: true, ssh: { admin: { name: 'admin', password: 'router-pw' }, port } });
    const r = await deployRouter(target(impostor), await lab.job(dist, 'deploy', example, await lab.connect({ trustNewHost: true }, known)));
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/presented host key SHA256:\S+, but SHA256:\S+ is pinned for it in .*known-rekeyed/);
    expect(profileRow(impostor)['html-directory-override']).toBe('');
  });
});
