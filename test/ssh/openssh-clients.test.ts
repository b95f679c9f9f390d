/**
 * The virtual router's SSH service driven by OpenSSH's own clients (Debian's openssh-client, with
 * sshpass for the password): `ssh` commands, `sftp -b` batches and `scp` in both directions. Each
 * must end by itself with RouterOS's exit behaviour; a client left waiting is killed by the guard
 * below and fails the test.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVirtualRouter, type VirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { ADMIN } from '../support/ssh.ts';

interface Run {
  code: number | null;
  /** Set when the guard had to kill a client that did not end. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A client that has not ended after this long is waiting for the server: a hang, not slowness. */
const HANG_GUARD_MS = 30_000;

let temp: string;
let vr: VirtualRouter;
let store: string;
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'vr-openssh-'));
  store = join(temp, 'store');
  await mkdir(join(store, 'hotspot'), { recursive: true });
  await writeFile(join(store, 'hotspot', 'login.html'), '<p>default</p>');
  vr = await startVirtualRouter({ storageDir: store, ssh: { admin: ADMIN, hostKeyFile: join(temp, 'host-key') } });
});
afterAll(async () => {
  await vr?.close();
  await rm(temp, { recursive: true, force: true });
});

/** Runs an OpenSSH client through sshpass; the password goes through the environment, never argv. */
function openssh(program: 'ssh' | 'sftp' | 'scp', args: string[], cwd = temp): Promise<Run> {
  const common = [
    '-o',
    'StrictHostKeyChecking=no',
    '-o',
    `UserKnownHostsFile=${join(temp, 'known_hosts')}`,
    '-o',
    'LogLevel=ERROR',
    '-o',
    'BatchMode=no',
  ];
  const port = program === 'ssh' ? ['-p', String(vr.sshPort)] : ['-P', String(vr.sshPort)];
  return new Promise((resolve) => {
    execFile(
      'sshpass',
      ['-e', program, ...common, ...port, ...args],
      { cwd, timeout: HANG_GUARD_MS, killSignal: 'SIGKILL', env: { ...process.env, SSHPASS: ADMIN.password } },
      (err, stdout, stderr) => {
        const e = err as (Error & { code?: number | string; signal?: NodeJS.Signals }) | null;
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr });
      },
    );
  });
}

const at = () => `${ADMIN.name}@127.0.0.1`;

describe('ssh', () => {
  it('runs a command and exits 0', async () => {
    const r = await openssh('ssh', [at(), ':put hello']);
    expect(r).toMatchObject({ signal: null, code: 0 });
    expect(r.stdout).toBe('hello\r\n');
  });

  it('a RouterOS error is printed and still exits 0, as RouterOS does', async () => {
    const r = await openssh('ssh', [at(), '/nonsense']);
    expect(r).toMatchObject({ signal: null, code: 0 });
    expect(r.stdout).toMatch(/^bad command name nonsense/);
  });
});

describe('sftp -b', () => {
  it('a batch of ls, put, get, mkdir, rename and rm ends with exit 0', async () => {
    await writeFile(join(temp, 'up.txt'), 'uploaded by sftp\n');
    await writeFile(
      join(temp, 'batch'),
      [
        'ls',
        'put up.txt hotspot/up.txt',
        'mkdir hotspot/sub',
        'rename hotspot/up.txt hotspot/sub/moved.txt',
        'get hotspot/sub/moved.txt back.txt',
        'rm hotspot/sub/moved.txt',
        'rmdir hotspot/sub',
        'ls hotspot',
      ].join('\n') + '\n',
    );
    const r = await openssh('sftp', ['-b', 'batch', at()]);
    expect(r).toMatchObject({ signal: null, code: 0 });
    expect(r.stdout).toContain('sftp> ls hotspot');
    expect(r.stdout).toContain('login.html');
    expect(await readFile(join(temp, 'back.txt'), 'utf8')).toBe('uploaded by sftp\n');
  });

  it('a failing command stops the batch with exit 1', async () => {
    await writeFile(join(temp, 'batch-bad'), 'get no-such-file.txt\nls\n');
    const r = await openssh('sftp', ['-b', 'batch-bad', at()]);
    expect(r).toMatchObject({ signal: null, code: 1 });
    expect(r.stderr).toMatch(/no-such-file\.txt/);
    expect(r.stdout).not.toContain('sftp> ls');
  });
});

describe('scp', () => {
  it('copies a file up and back down, exiting 0 each time', async () => {
    const body = Buffer.from('x'.repeat(200_000));
    await writeFile(join(temp, 'big.bin'), body);
    const up = await openssh('scp', ['big.bin', `${at()}:hotspot/big.bin`]);
    expect(up).toMatchObject({ signal: null, code: 0 });
    expect(await readFile(join(store, 'hotspot', 'big.bin'))).toEqual(body);
    const down = await openssh('scp', [`${at()}:hotspot/login.html`, 'login-copy.html']);
    expect(down).toMatchObject({ signal: null, code: 0 });
    expect(await readFile(join(temp, 'login-copy.html'), 'utf8')).toBe('<p>default</p>');
  });

  it('a missing file ends with exit 1 and a message', async () => {
    const r = await openssh('scp', [`${at()}:hotspot/missing.html`, 'missing.html']);
    expect(r).toMatchObject({ signal: null, code: 1 });
    expect(r.stderr).toMatch(/missing\.html/);
  });
});
