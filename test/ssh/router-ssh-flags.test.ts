/**
 * `npm run router` with its SSH side (the command's main, in this process): started with a file store,
 * an SSH port and an admin whose password comes from the environment; and each bad flag refused with
 * one sentence and exit code 2.
 */
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../tools/router/main.ts';
import { ADMIN_PASSWORD_ENV, parseAdmin, sshOptions } from '../../tools/router/ssh-flags.ts';
import { runInProcess, startInProcess } from '../support/cli.ts';
import { chapAnswer, Device } from '../support/hotspot-client.ts';
import { sshExec } from '../support/ssh.ts';

let temp: string;
let store: string;
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'vr-ssh-cli-'));
  store = join(temp, 'store');
  await mkdir(join(store, 'flash/hotspot'), { recursive: true });
  await cp(resolve('test/fixtures/classic'), join(store, 'flash/hotspot'), { recursive: true });
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

const run = (args: string[], env: Record<string, string> = {}) => runInProcess(main, ['--http-port', '0', ...args], { env });

describe('npm run router with SSH', () => {
  it('serves SSH with the admin password from the environment, as the RouterOS version asked for', async () => {
    const router = await startInProcess(
      main,
      ['--http-port', '0', '--storage', store, '--flash', '--ssh-port', '0', '--admin', 'tech', '--routeros', '6.49.13', '--free-space', '3000000'],
      /ssh\/sftp:.*\n/,
      { env: { [ADMIN_PASSWORD_ENV]: 'env-secret' } },
    );
    try {
      const m = /ssh\/sftp:\s+ssh tech@127\.0\.0\.1 -p (\d+) \(host key (SHA256:\S+)\)/.exec(router.output().stdout);
      expect(m, router.output().stdout).not.toBeNull();
      const r = await sshExec(
        { port: Number(m![1]), username: 'tech', password: 'env-secret' },
        ':put [/system resource get version]\n:put [/system resource get free-hdd-space]\n/file print terse where name=flash',
      );
      expect(r.hostKey).toBe(m![2]);
      expect(r.stdout.split('\r\n').slice(0, 3)).toEqual(['6.49.13 (long-term)', '3000000', expect.stringMatching(/^ 0 {3}name=flash type=disk /)]);
    } finally {
      const ended = await router.stop();
      expect(ended.code).toBe(0);
      expect(ended.stdout + ended.stderr).not.toContain('env-secret');
    }
  });

  it("on an empty file store writes the router's default pages into hotspot/ and serves them, CHAP login included", async () => {
    const empty = join(temp, 'empty-store');
    await mkdir(empty);
    const router = await startInProcess(main, ['--http-port', '0', '--storage', empty, '--user', 'ann:pw1'], /login page:.*\n/);
    try {
      const { stdout } = router.output();
      expect(stdout.split('\n')[0]).toBe(`${join(empty, 'hotspot')} was missing: wrote the router's default pages there`);
      expect((await readdir(join(empty, 'hotspot'))).sort()).toEqual([
        'alogin.html',
        'css',
        'error.html',
        'errors.txt',
        'login.html',
        'logout.html',
        'md5.js',
        'radvert.html',
        'redirect.html',
        'rlogin.html',
        'status.html',
      ]);
      const url = /login page:\s+(http:\/\/127\.0\.0\.1:\d+)\/login/.exec(stdout)![1]!;
      const guest = new Device(url, '02:00:00:00:30:01');
      const page = await guest.get('/login');
      expect(page.status).toBe(200);
      expect(page.body).toContain('Please log in to use the internet hotspot service.');
      const wrong = await guest.post('/login', { username: 'ann', password: chapAnswer(page.body, 'nope') });
      expect(wrong.body).toContain('invalid username or password');
      const ok = await guest.post('/login', { username: 'ann', password: chapAnswer(wrong.body, 'pw1') });
      expect(ok.body).toContain('You are logged in');
      expect((await guest.get('/status')).body).toContain('Welcome ann!');
    } finally {
      expect((await router.stop()).code).toBe(0);
    }
  });

  it.each([
    [['--ssh-port', '0', '--admin', 'tech'], {}, ['--storage DIR']],
    [['--storage', 'STORE', '--ssh-port', '0'], {}, ['--admin NAME', ADMIN_PASSWORD_ENV]],
    [['--storage', 'STORE', '--ssh-port', '0', '--admin', 'tech'], {}, [ADMIN_PASSWORD_ENV, '--admin tech']],
    [['--storage', 'STORE', '--ssh-port', '70000', '--admin', 'tech'], { [ADMIN_PASSWORD_ENV]: 'x' }, ['--ssh-port "70000"', '65535']],
    [['--storage', 'STORE', '--routeros', '8.1'], {}, ['--routeros "8.1"', '7.19.4']],
    [['--storage', 'STORE', '--free-space', 'lots'], {}, ['--free-space "lots"']],
    [['--admin', 'tech'], {}, ['--ssh-port']],
    [['--storage', join('no', 'such', 'folder')], {}, ['no/such/folder', '--storage']],
  ] as Array<[string[], Record<string, string>, string[]]>)('refuses %j in one sentence', async (args, env, mentions) => {
    const r = await run(
      args.map((a) => (a === 'STORE' ? store : a)),
      env,
    );
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: \S/);
    for (const m of mentions) expect(lines[0]).toContain(m);
  });
});

describe('--admin', () => {
  it('takes NAME with the password from the environment, or NAME:PASSWORD', () => {
    expect(parseAdmin('tech', { [ADMIN_PASSWORD_ENV]: 'pw' })).toEqual({ name: 'tech', password: 'pw' });
    expect(parseAdmin('tech:a:b', {})).toEqual({ name: 'tech', password: 'a:b' });
    expect(() => parseAdmin('te ch:pw', {})).toThrow(/is not a user name/);
  });

  it('passes SSH options through to the virtual router', () => {
    expect(
      sshOptions(
        { host: '127.0.0.2', storage: 's', sshPort: '2222', admin: 'tech:pw', hostKey: 'k', dropAfterBytes: '100', flash: true, freeSpace: '5' },
        {},
      ),
    ).toEqual({
      storageDir: 's',
      flash: true,
      freeSpace: 5,
      ssh: { host: '127.0.0.2', port: 2222, admin: { name: 'tech', password: 'pw' }, hostKeyFile: 'k', dropAfterBytes: 100 },
    });
  });
});
