/**
 * SFTP over the router's file store with ssh2-sftp-client, as the deploy tool uses it: put, get,
 * list, mkdir, delete, rename, exists, stat; confinement to the store; the disk's free space; and the
 * one-shot connection drop after N uploaded bytes.
 */
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVirtualRouter, type VirtualRouter, type VirtualRouterOptions } from '../../tools/routeros/virtual-router.ts';
import { ADMIN, sftpClient, sshExec } from '../support/ssh.ts';

let temp: string;
const routers: VirtualRouter[] = [];
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'vr-sftp-'));
});
afterAll(async () => {
  await Promise.all(routers.map((r) => r.close()));
  await rm(temp, { recursive: true, force: true });
});

let stores = 0;
/** A router whose store sits two levels inside the temp folder, so a climb out would land in `temp`. */
async function router(options: Partial<VirtualRouterOptions> = {}): Promise<{ vr: VirtualRouter; store: string }> {
  const store = join(temp, `case-${++stores}`, 'store');
  const pages = join(store, options.flash ? 'flash/hotspot' : 'hotspot');
  await mkdir(pages, { recursive: true });
  await writeFile(join(pages, 'login.html'), '<p>default</p>');
  const vr = await startVirtualRouter({ storageDir: store, ...options, ssh: { admin: ADMIN, ...options.ssh } });
  routers.push(vr);
  return { vr, store };
}

const page = (n: number, size: number) => Buffer.from(`<!-- ${n} -->`.padEnd(size, 'x'));

describe('file operations', () => {
  it('puts, lists, gets, renames and deletes files and folders', async () => {
    const { vr, store } = await router({ flash: true });
    const sftp = await sftpClient({ port: vr.sshPort });
    try {
      expect(await sftp.cwd()).toBe('/');
      await sftp.mkdir('/flash/portal-1/css', true);
      await sftp.put(page(1, 2000), '/flash/portal-1/login.html');
      await sftp.put(Buffer.from('body{}'), 'flash/portal-1/css/style.css');
      expect(await readFile(join(store, 'flash/portal-1/login.html'))).toEqual(page(1, 2000));

      const listing = await sftp.list('/flash/portal-1');
      expect(listing.map((e) => [e.name, e.type, e.type === '-' ? e.size : 'dir']).sort()).toEqual([
        ['css', 'd', 'dir'],
        ['login.html', '-', 2000],
      ]);
      expect((await sftp.get('/flash/portal-1/login.html')) as Buffer).toEqual(page(1, 2000));
      expect(await sftp.exists('/flash/portal-1/login.html')).toBe('-');
      expect(await sftp.exists('/flash/portal-1/css')).toBe('d');
      expect(await sftp.exists('/flash/portal-1/nothing.html')).toBe(false);
      expect((await sftp.stat('/flash/portal-1/login.html')).size).toBe(2000);

      await sftp.rename('/flash/portal-1', '/flash/portal-2');
      expect(existsSync(join(store, 'flash/portal-2/css/style.css'))).toBe(true);
      await sftp.put(Buffer.from('x'), '/flash/taken.txt');
      await expect(sftp.rename('/flash/taken.txt', '/flash/portal-2/login.html')).rejects.toThrow();

      await sftp.delete('/flash/portal-2/login.html');
      expect(existsSync(join(store, 'flash/portal-2/login.html'))).toBe(false);
      await expect(sftp.rmdir('/flash/portal-2', false)).rejects.toThrow();
      await sftp.rmdir('/flash/portal-2', true);
      expect(existsSync(join(store, 'flash/portal-2'))).toBe(false);
      await expect(sftp.mkdir('/flash/a/b', false)).rejects.toThrow();
    } finally {
      await sftp.end();
    }
  });

  it('shows uploads in /file print, and the space they use in /system resource', async () => {
    const { vr } = await router({ freeSpace: 100_000 });
    const sftp = await sftpClient({ port: vr.sshPort });
    try {
      await sftp.put(page(1, 30_000), '/hotspot/big.js');
    } finally {
      await sftp.end();
    }
    const r = await sshExec({ port: vr.sshPort }, '/file print terse where name~"big"\n:put [/system resource get free-hdd-space]');
    expect(r.stdout).toBe(
      ' 0   name=hotspot/big.js type=".js file" size=30000 last-modified="' + /last-modified="([^"]+)"/.exec(r.stdout)![1] + '"\r\n70000\r\n',
    );
  });

  it('refuses an upload the free space cannot hold', async () => {
    const { vr, store } = await router({ freeSpace: 10_000 });
    const local = join(temp, 'huge.js');
    await writeFile(local, page(1, 50_000));
    const sftp = await sftpClient({ port: vr.sshPort });
    try {
      // fastPut reports the refused write; put's stream can end "successfully" after one (see the fidelity notes).
      await expect(sftp.fastPut(local, '/hotspot/huge.js')).rejects.toThrow(/No space left/);
      await sftp.put(page(2, 5_000), '/hotspot/small.js');
    } finally {
      await sftp.end();
    }
    expect((await readFile(join(store, 'hotspot/huge.js'))).length).toBe(0);
    expect((await readFile(join(store, 'hotspot/small.js'))).length).toBe(5_000);
  });
});

describe('free space across uploads', () => {
  it('counts every write: an overwritten file frees its old bytes, a removed one all of them, a file added beside the store counts too', async () => {
    const { vr, store } = await router({ freeSpace: 10_000 });
    const local = async (name: string, size: number) => {
      const file = join(temp, `${stores}-${name}`);
      await writeFile(file, page(size, size));
      return file;
    };
    const sftp = await sftpClient({ port: vr.sshPort });
    try {
      await sftp.fastPut(await local('a', 5_000), '/hotspot/a.js');
      await sftp.fastPut(await local('a2', 5_000), '/hotspot/a.js');
      await sftp.fastPut(await local('b', 4_000), '/hotspot/b.js');
      await expect(sftp.fastPut(await local('c', 2_000), '/hotspot/c.js')).rejects.toThrow(/No space left/);
      await sftp.delete('/hotspot/b.js');
      await sftp.fastPut(await local('c', 2_000), '/hotspot/c.js');
      // Written behind the router's back (as a technician copying into --storage would).
      await writeFile(join(store, 'hotspot/d.bin'), Buffer.alloc(2_500));
      expect((await sshExec({ port: vr.sshPort }, ':put [/system resource get free-hdd-space]')).stdout).toBe('500\r\n');
      await expect(sftp.fastPut(await local('e', 1_000), '/hotspot/e.js')).rejects.toThrow(/No space left/);
    } finally {
      await sftp.end();
    }
  });
});

describe('confinement', () => {
  it('never reads or writes outside the store with ..', async () => {
    const { vr, store } = await router();
    const outside = join(store, '..');
    await writeFile(join(outside, 'secret.txt'), 'secret');
    const sftp = await sftpClient({ port: vr.sshPort });
    try {
      for (const path of ['../escape.txt', '/../escape.txt', 'hotspot/../../escape.txt']) {
        await expect(sftp.put(Buffer.from('x'), path)).rejects.toThrow(/Permission denied/);
      }
      await expect(sftp.get('../secret.txt')).rejects.toThrow();
      await expect(sftp.list('/..')).rejects.toThrow();
      await expect(sftp.mkdir('../made', false)).rejects.toThrow();
      await expect(sftp.rename('/hotspot/login.html', '../stolen.html')).rejects.toThrow();
      await expect(sftp.delete('../secret.txt')).rejects.toThrow();
    } finally {
      await sftp.end();
    }
    expect(existsSync(join(outside, 'escape.txt'))).toBe(false);
    expect(existsSync(join(outside, 'made'))).toBe(false);
    expect(existsSync(join(outside, 'stolen.html'))).toBe(false);
    expect(await readFile(join(outside, 'secret.txt'), 'utf8')).toBe('secret');
  });

  it('never follows a symlink out of the store', async () => {
    const { vr, store } = await router();
    const outside = join(store, '..', 'elsewhere');
    await mkdir(outside);
    await writeFile(join(outside, 'secret.txt'), 'secret');
    await symlink(outside, join(store, 'link-dir'));
    await symlink(join(outside, 'secret.txt'), join(store, 'hotspot', 'link.txt'));
    const sftp = await sftpClient({ port: vr.sshPort });
    try {
      expect((await sftp.list('/')).map((e) => e.name)).toEqual(['hotspot']);
      await expect(sftp.get('/link-dir/secret.txt')).rejects.toThrow();
      await expect(sftp.get('/hotspot/link.txt')).rejects.toThrow();
      await expect(sftp.put(Buffer.from('x'), '/link-dir/new.txt')).rejects.toThrow();
      await expect(sftp.put(Buffer.from('x'), '/hotspot/link.txt')).rejects.toThrow();
    } finally {
      await sftp.end();
    }
    expect(existsSync(join(outside, 'new.txt'))).toBe(false);
    expect(await readFile(join(outside, 'secret.txt'), 'utf8')).toBe('secret');
  });
});

describe('dropAfterBytes', () => {
  it('drops the connection once mid-upload; a rerun completes', async () => {
    const { vr, store } = await router({ ssh: { admin: ADMIN, dropAfterBytes: 25_000 } });
    const files = [1, 2, 3].map((n) => ({ name: `/hotspot/page-${n}.html`, data: page(n, 10_000) }));

    const first = await sftpClient({ port: vr.sshPort });
    let uploaded = 0;
    let failure: unknown;
    try {
      for (const f of files) {
        await first.put(f.data, f.name);
        uploaded++;
      }
    } catch (err) {
      failure = err;
    } finally {
      await first.end().catch(() => undefined);
    }
    expect(failure).toBeDefined();
    expect(uploaded).toBe(2);
    // The third file got only the 5000 bytes that fit under the limit.
    expect((await readFile(join(store, 'hotspot/page-3.html'))).length).toBe(5_000);

    const rerun = await sftpClient({ port: vr.sshPort });
    try {
      for (const f of files) await rerun.put(f.data, f.name);
    } finally {
      await rerun.end();
    }
    for (const f of files) expect(await readFile(join(store, f.name))).toEqual(f.data);
  });
});
