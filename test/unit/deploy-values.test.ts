/**
 * Values on their way to a router: RouterOS string escaping (checked by reading the string back with
 * the virtual router's own CLI), shape checks, router addresses, pinned host keys and manifests.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnownHosts, fingerprint, keyType } from '../../tools/deploy/known-hosts.ts';
import { buildManifest, diffManifests } from '../../tools/deploy/manifest.ts';
import { rscString, rscValue } from '../../tools/deploy/rsc.ts';
import { parseTarget } from '../../tools/deploy/targets.ts';
import { cliRouter, type CliRouter } from '../support/cli-router.ts';

let dir: string;
let cli: CliRouter;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deploy-values-'));
  cli = await cliRouter();
});
afterAll(async () => {
  await cli.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('rscString', () => {
  const samples = [
    'plain',
    'with space',
    'q"uote',
    'back\\slash',
    '$(chap-id) $var',
    'what?',
    'line\nbreak\r\ttab',
    'bell\x07 nul-free \x1f',
    'ünï©ødé ✓',
    '"] ; /system reboot ; ["',
  ];
  it.each(samples)('the router reads %j back unchanged', async (value) => {
    expect(await cli.out(`:put ${rscString(value)}`)).toBe(`${value}\n`);
  });
  it('a value stays one argument: it cannot end the command or add another', async () => {
    await cli.out(`/ip hotspot user add name=u1 comment=${rscString('"] ; /ip hotspot user add name=evil ; ["')}`);
    expect(cli.env.db.rows('ip/hotspot/user').map((u) => u.name)).toEqual(['u1']);
  });
  it('escapes what RouterOS treats specially', () => {
    expect(rscString('a"b\\c$d?e\nf\x01')).toBe('"a\\"b\\\\c\\$d\\?e\\nf\\01"');
  });
});

describe('rscValue', () => {
  it('accepts each shape and refuses what could start a command, naming the field', () => {
    expect(rscValue('f', '1h30m', 'duration')).toBe('"1h30m"');
    expect(rscValue('f', '*.example.com', 'host-pattern')).toBe('"*.example.com"');
    expect(() => rscValue('router.dnsName', 'a.com;/system reboot', 'host')).toThrow(
      'router.dnsName "a.com;/system reboot" cannot be written to the router: it must be a host name like pay.example.com.',
    );
    expect(() => rscValue('MAC_AUTH_PASSWORD', 'tab\there', 'secret')).toThrow(
      /^MAC_AUTH_PASSWORD cannot be written to the router: it must be up to 64 printable ASCII characters\.$/,
    );
  });
});

describe('parseTarget', () => {
  it('reads HOST, HOST:PORT and [IPv6]:PORT', () => {
    expect(parseTarget('192.168.88.1')).toEqual({ host: '192.168.88.1', port: 22, label: '192.168.88.1' });
    expect(parseTarget('router.lan:2222')).toEqual({ host: 'router.lan', port: 2222, label: 'router.lan:2222' });
    expect(parseTarget('[2001:db8::1]:22')).toEqual({ host: '2001:db8::1', port: 22, label: '[2001:db8::1]' });
  });
  it('refuses typos with one sentence', () => {
    expect(() => parseTarget('192.168.88.256')).toThrow(/is not a host name or IPv4 address/);
    expect(() => parseTarget('r:0')).toThrow(/has a port that is not a number from 1 to 65535/);
    expect(() => parseTarget('a:b:c')).toThrow(/is not HOST or HOST:PORT/);
  });
});

describe('KnownHosts', () => {
  const key = Buffer.concat([Buffer.from([0, 0, 0, 11]), Buffer.from('ssh-ed25519'), Buffer.alloc(36, 7)]);
  it('pins a key, recognises it, and reports a changed one with the pinned fingerprint', async () => {
    const file = join(dir, 'sub', 'known_hosts');
    const kh = await KnownHosts.load(file);
    expect(kh.check('r:22', key)).toEqual({ status: 'unknown' });
    await kh.trust('r:22', key);
    expect(await readFile(file, 'utf8')).toContain(`r:22 ssh-ed25519 ${key.toString('base64')}`);
    const again = await KnownHosts.load(file);
    expect(again.check('r:22', key)).toEqual({ status: 'known' });
    const other = Buffer.from(key);
    other[other.length - 1] = 9;
    expect(again.check('r:22', other)).toEqual({ status: 'changed', pinned: fingerprint(key) });
    expect(keyType(key)).toBe('ssh-ed25519');
  });
  it('keeps the keys other deploys pinned since it loaded the file, also when they pin at the same moment', async () => {
    const file = join(dir, 'shared', 'known_hosts');
    const keyFor = (i: number) => Buffer.concat([key.subarray(0, 15), Buffer.alloc(36, i)]);
    // Each as a separate deploy would: loaded before any of them pinned its router.
    const deploys = await Promise.all(Array.from({ length: 12 }, () => KnownHosts.load(file)));
    await Promise.all(deploys.map((kh, i) => kh.trust(`r${i}:22`, keyFor(i))));
    const after = await KnownHosts.load(file);
    for (let i = 0; i < 12; i++) expect(after.check(`r${i}:22`, keyFor(i)), `r${i}`).toEqual({ status: 'known' });
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
  it('takes over a lock left by a deploy that died holding it', async () => {
    const file = join(dir, 'stale', 'known_hosts');
    await mkdir(join(dir, 'stale'), { recursive: true });
    await writeFile(`${file}.lock`, '');
    const old = new Date(Date.now() - 60_000);
    await utimes(`${file}.lock`, old, old);
    await (await KnownHosts.load(file)).trust('r:22', key);
    expect((await KnownHosts.load(file)).check('r:22', key)).toEqual({ status: 'known' });
  });
  it('refuses a damaged file naming the line', async () => {
    const file = join(dir, 'bad_hosts');
    await writeFile(file, '# comment\nr:22 ssh-ed25519\n');
    await expect(KnownHosts.load(file)).rejects.toThrow(`${file} line 2 is not "host:port key-type key": fix or delete that line.`);
  });
});

describe('manifest', () => {
  it('hashes every file and names the bundle by content; a diff sorts files into added, changed, unchanged, removed', async () => {
    const a = join(dir, 'a');
    await writeFile(join(dir, 'x'), '');
    await import('node:fs/promises').then((fs) => fs.mkdir(join(a, 'assets'), { recursive: true }));
    await writeFile(join(a, 'login.html'), 'one');
    await writeFile(join(a, 'assets', 'app.js'), 'two');
    const m1 = await buildManifest(a);
    expect(m1.files.map((f) => [f.path, f.size])).toEqual([
      ['assets/app.js', 3],
      ['login.html', 3],
    ]);
    expect(m1.id).toMatch(/^[0-9a-f]{12}$/);
    expect((await buildManifest(a)).hash).toBe(m1.hash);
    await writeFile(join(a, 'login.html'), 'ONE');
    await writeFile(join(a, 'status.html'), 'three');
    const m2 = await buildManifest(a);
    expect(m2.hash).not.toBe(m1.hash);
    const d = diffManifests(m2, { files: [...m1.files, { path: 'old.html', size: 1, sha256: 'x' }] });
    expect([d.added, d.changed, d.unchanged, d.removed].map((l) => l.map((f) => f.path))).toEqual([
      ['status.html'],
      ['login.html'],
      ['assets/app.js'],
      ['old.html'],
    ]);
  });
});
