/**
 * The virtual router's SSH service over real SSH on loopback: password login for the admin only,
 * `exec` through the CLI subset (RouterOS-style: errors in the output, exit status 0, CRLF lines),
 * and a host key that stays the same across restarts when kept in a file.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../tools/lib/errors.ts';
import { startVirtualRouter, VirtualRouter, type VirtualRouterOptions } from '../../tools/routeros/virtual-router.ts';
import { ADMIN, sshExec } from '../support/ssh.ts';

let temp: string;
const routers: VirtualRouter[] = [];
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'vr-ssh-'));
});
afterAll(async () => {
  await Promise.all(routers.map((r) => r.close()));
  await rm(temp, { recursive: true, force: true });
});

let stores = 0;
async function router(options: Partial<VirtualRouterOptions> = {}): Promise<VirtualRouter> {
  const storageDir = join(temp, `store-${++stores}`);
  await mkdir(join(storageDir, 'hotspot'), { recursive: true });
  await writeFile(join(storageDir, 'hotspot', 'login.html'), '<p>login</p>');
  const vr = await startVirtualRouter({
    storageDir,
    ssh: { admin: ADMIN, ...options.ssh },
    ...options,
    config: { version: '7.19.4', ...options.config },
  });
  routers.push(vr);
  return vr;
}

describe('exec', () => {
  it('runs CLI commands and answers with CRLF lines and exit status 0', async () => {
    const vr = await router({ config: { version: '6.49.13', identity: 'Cafe' } });
    const r = await sshExec({ port: vr.sshPort }, '/system identity print\n:put [/system resource get version]');
    expect(r).toMatchObject({ stdout: '  name: Cafe\r\n6.49.13 (long-term)\r\n', stderr: '', code: 0 });
  });

  it('prints errors where the output goes, and still exits 0, as RouterOS does', async () => {
    const vr = await router();
    const r = await sshExec({ port: vr.sshPort }, '/ip hotspot xyz print');
    expect(r).toMatchObject({ stdout: 'bad command name xyz (line 1 column 13)\r\n', code: 0 });
  });

  it('changes the running router: the servlet reads the same database', async () => {
    const vr = await router();
    await sshExec({ port: vr.sshPort }, '/ip/hotspot/profile/set [find name="hsprof1"] login-by=http-pap,trial');
    expect([...vr.hotspot.settings().loginBy]).toEqual(['http-pap', 'trial']);
  });
});

describe('login', () => {
  it.each([
    ['a wrong password', { password: 'nope' }],
    ['another user', { username: 'root' }],
    ['an empty password', { password: '' }],
  ])('refuses %s', async (_what, creds) => {
    const vr = await router();
    await expect(sshExec({ port: vr.sshPort, ...creds }, '/system identity print')).rejects.toThrow(/authentication methods failed/);
  });

  it('offers no interactive shell', async () => {
    const vr = await router();
    const refused = await new Promise<string>((resolveShell, reject) => {
      const c = new ssh2.Client();
      c.on('error', reject);
      c.on('ready', () =>
        c.shell((err) => {
          c.end();
          resolveShell(err ? err.message : 'shell opened');
        }),
      );
      c.connect({ host: '127.0.0.1', port: vr.sshPort, username: ADMIN.name, password: ADMIN.password });
    });
    expect(refused).not.toBe('shell opened');
  });
});

describe('host key', () => {
  it('is generated per start without a key file, and shown to clients', async () => {
    const a = await router();
    const b = await router();
    const seen = (await sshExec({ port: a.sshPort }, ':put x')).hostKey;
    expect(seen).toBe(a.ssh!.hostKey!.fingerprint);
    expect(a.ssh!.hostKey!.fingerprint).not.toBe(b.ssh!.hostKey!.fingerprint);
    expect(a.ssh!.hostKey!.publicKey).toMatch(/^ssh-ed25519 AAAA/);
  });

  it('stays the same across restarts with the same key file, and changes with another', async () => {
    const keyFile = join(temp, 'keys', 'host_ed25519');
    const first = await router({ ssh: { admin: ADMIN, hostKeyFile: keyFile } });
    const fp1 = (await sshExec({ port: first.sshPort }, ':put x')).hostKey;
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const keyText = await readFile(keyFile, 'utf8');
    await first.close();

    const again = await router({ ssh: { admin: ADMIN, hostKeyFile: keyFile } });
    expect((await sshExec({ port: again.sshPort }, ':put x')).hostKey).toBe(fp1);
    expect(await readFile(keyFile, 'utf8')).toBe(keyText);
    await again.close();

    const other = await router({ ssh: { admin: ADMIN, hostKeyFile: join(temp, 'keys', 'other_ed25519') } });
    expect((await sshExec({ port: other.sshPort }, ':put x')).hostKey).not.toBe(fp1);
  });

  it('refuses a key file that holds no key, in one sentence', async () => {
    const bad = join(temp, 'not-a-key');
    await writeFile(bad, 'hello');
    await expect(router({ ssh: { admin: ADMIN, hostKeyFile: bad } })).rejects.toThrow(UserError);
    await expect(router({ ssh: { admin: ADMIN, hostKeyFile: bad } })).rejects.toThrow(/not-a-key does not hold one unencrypted SSH private key/);
  });
});

describe('setup', () => {
  it('needs a file store for SSH', () => {
    expect(() => new VirtualRouter({ htmlDir: 'test/fixtures/classic', ssh: { admin: ADMIN } })).toThrow(/needs the router's file store/);
  });

  it('stops SSH on close', async () => {
    const vr = await router();
    const port = vr.sshPort;
    await vr.close();
    await expect(sshExec({ port }, ':put x')).rejects.toThrow(/ECONNREFUSED/);
  });
});
