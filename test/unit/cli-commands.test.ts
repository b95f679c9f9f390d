/**
 * The CLI subset's commands: the three print layouts, `/file`, `/system resource|identity`,
 * `/ip hotspot …` lists, and `/import` of an uploaded script that stops at its first error.
 */
import { mkdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IMPORT_OK } from '../../tools/routeros/cli/index.ts';
import { cliRouter, type CliRouter } from '../support/cli-router.ts';

const routers: CliRouter[] = [];
afterEach(async () => {
  await Promise.all(routers.splice(0).map((r) => r.dispose()));
});
async function router(...args: Parameters<typeof cliRouter>): Promise<CliRouter> {
  const r = await cliRouter(...args);
  routers.push(r);
  return r;
}

/** Writes files into the router's store with a fixed modification time (2026-01-02 03:04:05 UTC). */
async function files(r: CliRouter, entries: Record<string, string>): Promise<void> {
  const when = Date.UTC(2026, 0, 2, 3, 4, 5) / 1000;
  for (const [name, text] of Object.entries(entries)) {
    const abs = join(r.dir, name);
    await mkdir(join(abs, '..'), { recursive: true });
    await writeFile(abs, text);
    await utimes(abs, when, when);
  }
  // Folders last, since writing a file touches its folder.
  const folders = new Set(
    Object.keys(entries).flatMap((name) =>
      name
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  for (const name of [...folders, 'flash']) await utimes(join(r.dir, name), when, when).catch(() => undefined);
}

const GARDEN = [
  '/ip hotspot walled-garden',
  'add dst-host=pay.example.com path=/checkout* comment="acme portal"',
  'add dst-host=cdn.example.com disabled=yes',
].join('\n');

describe('print layouts', () => {
  it('prints a table, with ;;; comments and the disabled flag', async () => {
    const r = await router();
    await r.out(GARDEN);
    expect(await r.out('/ip hotspot walled-garden print')).toBe(
      [
        'Flags: X - disabled',
        ' #   ACTION SERVER SRC-ADDRESS METHOD DST-HOST        DST-PORT PATH',
        ' 0   ;;; acme portal',
        '     allow                            pay.example.com          /checkout*',
        ' 1 X allow                            cdn.example.com',
        '',
      ].join('\n'),
    );
  });

  it('prints detail with quoted strings and a blank line between items', async () => {
    const r = await router();
    await r.out(GARDEN);
    expect(await r.out('/ip hotspot walled-garden print detail')).toBe(
      [
        'Flags: X - disabled',
        ' 0   ;;; acme portal',
        '     dst-host="pay.example.com" path="/checkout*" action=allow',
        '',
        ' 1 X dst-host="cdn.example.com" action=allow',
        '',
      ].join('\n'),
    );
  });

  it('prints terse: one line per item, values quoted only when they need it', async () => {
    const r = await router();
    await r.out(GARDEN);
    expect(await r.out('/ip hotspot walled-garden print terse')).toBe(
      [' 0   comment="acme portal" dst-host=pay.example.com path=/checkout* action=allow', ' 1 X dst-host=cdn.example.com action=allow', ''].join(
        '\n',
      ),
    );
  });

  it('prints hotspot profiles in the detail layout, flagging the default one', async () => {
    const r = await router();
    const out = await r.out('/ip hotspot profile print');
    expect(out.split('\n').slice(0, 2)).toEqual(['Flags: * - default', ' 0 * name="default" hotspot-address=10.5.50.1 dns-name=""']);
    expect(out).toContain('\n 1   name="hsprof1" ');
    expect(out.split('\n').every((line) => line.length <= 80)).toBe(true);
    expect(await r.out('/ip hotspot profile print count-only')).toBe('2\n');
  });

  it('filters with where, and/or, and flags', async () => {
    const r = await router();
    await r.out(GARDEN + '\nadd dst-host=api.example.com comment=acme-api');
    const hosts = async (where: string) =>
      (await r.out(`/ip hotspot walled-garden print terse where ${where}`))
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => /dst-host=(\S+)/.exec(l)![1]);
    expect(await hosts('comment~"^acme"')).toEqual(['pay.example.com', 'api.example.com']);
    expect(await hosts('comment~"^acme" and dst-host=api.example.com')).toEqual(['api.example.com']);
    expect(await hosts('dst-host=cdn.example.com or comment="acme portal"')).toEqual(['pay.example.com', 'cdn.example.com']);
    expect(await hosts('disabled')).toEqual(['cdn.example.com']);
    expect(await hosts('dst-host!=cdn.example.com')).toEqual(['pay.example.com', 'api.example.com']);
  });

  it('shows users as RouterOS shows them to an admin, password included', async () => {
    const r = await router();
    await r.out('/ip hotspot user add name=alice password="s3 cret" limit-uptime=1h');
    expect(await r.out('/ip hotspot user print terse')).toBe(
      ' 0   name=alice password="s3 cret" profile=default server=all limit-uptime=1h limit-bytes-in=0 limit-bytes-out=0 limit-bytes-total=0\n',
    );
    expect(await r.out('/ip hotspot user print')).toBe(
      ['Flags: X - disabled', ' #   SERVER NAME  ADDRESS PROFILE', ' 0   all    alice         default', ''].join('\n'),
    );
  });

  it('lists the hotspot servers', async () => {
    const r = await router();
    expect(await r.out('/ip hotspot print')).toBe(
      [
        'Flags: X - disabled',
        ' #   NAME     INTERFACE      ADDRESS-POOL PROFILE IDLE-TIMEOUT',
        ' 0   hotspot1 bridge-hotspot none         hsprof1 5m',
        '',
      ].join('\n'),
    );
  });
});

describe('/file', () => {
  it('lists folders and files with RouterOS types, sizes and (v6/v7) dates', async () => {
    const r = await router('7.19.4', {}, { flash: true });
    await files(r, { 'flash/hotspot/login.html': 'x'.repeat(3551), 'flash/hotspot/md5.js': 'm', 'flash/setup.rsc': '' });
    expect(await r.out('/file print')).toBe(
      [
        ' #   NAME                     TYPE       SIZE   LAST-MODIFIED',
        ' 0   flash                    disk              2026-01-02 03:04:05',
        ' 1   flash/hotspot            directory         2026-01-02 03:04:05',
        ' 2   flash/hotspot/login.html .html file 3.5KiB 2026-01-02 03:04:05',
        ' 3   flash/hotspot/md5.js     .js file   1      2026-01-02 03:04:05',
        ' 4   flash/setup.rsc          script     0      2026-01-02 03:04:05',
        '',
      ].join('\n'),
    );
    expect(await r.out('/file print terse where name~"login"')).toBe(
      ' 0   name=flash/hotspot/login.html type=".html file" size=3551 last-modified="2026-01-02 03:04:05"\n',
    );
    expect(await r.out('/file print detail where type=directory')).toBe(
      ' 0   name="flash/hotspot" type="directory" last-modified="2026-01-02 03:04:05"\n',
    );

    const v6 = await router('6.49.13');
    await files(v6, { 'hotspot/login.html': 'abc' });
    expect(await v6.out('/file print terse')).toBe(
      [
        ' 0   name=hotspot type=directory creation-time="jan/02/2026 03:04:05"',
        ' 1   name=hotspot/login.html type=".html file" size=3 creation-time="jan/02/2026 03:04:05"',
        '',
      ].join('\n'),
    );
  });

  it('matches names with an anchored regex as the fact sheet advises', async () => {
    const r = await router();
    await files(r, { 'hotspot/login.html': '1', 'hotspot/rlogin.html': '2', 'hotspot/alogin.html': '3' });
    expect(await r.out(':put [:len [/file find where name~"login.html"]]')).toBe('3\n');
    expect(await r.out(':put [:len [/file find where name~"/login\\\\.html\\$"]]')).toBe('1\n');
  });

  it('removes a file by name, a folder with its contents, and what a find returns', async () => {
    const r = await router('7.19.4', {}, { flash: true });
    await files(r, { 'flash/old/a.html': 'a', 'flash/old/b.html': 'b', 'flash/keep/c.html': 'c', 'flash/x.txt': 'x' });
    await r.out('/file remove flash/x.txt');
    await r.out('/file remove [find where name~"^flash/old"]');
    expect((await r.out('/file print terse')).match(/name=\S+/g)).toEqual(['name=flash', 'name=flash/keep', 'name=flash/keep/c.html']);
    expect((await r.run('/file remove flash/nothing.txt')).error).toBe('no such item');
    expect(await r.run('/file remove [find name="flash/nothing.txt"]')).toEqual({ output: '', error: undefined });
  });

  it('keeps names inside the store: no .., no symlinks', async () => {
    const r = await router();
    await files(r, { 'hotspot/login.html': 'x' });
    await symlink('/etc', join(r.dir, 'etc-link'));
    expect(await r.out('/file print terse')).not.toContain('etc-link');
    expect((await r.run('/file remove ../outside')).error).toBe('no such item');
    expect((await r.run('/import file-name=etc-link/passwd')).error).toBe('failure: no such file');
  });
  it('reads and writes file contents up to 60 KB: a copy on the router needs no upload (v7)', async () => {
    const r = await router('7.19.4', {}, { flash: true });
    const script = 'const s = "$(x)";\n\\ "quoted" ?\n';
    await files(r, { 'flash/a/app.js': script, 'flash/a/big.js': 'x'.repeat(61 * 1024) });
    await r.out('/file add name=flash/b type=directory');
    await r.out('/file add name="flash/b/app.js" contents=[/file get [find name="flash/a/app.js"] contents]');
    expect(await readFile(join(r.dir, 'flash/b/app.js'), 'utf8')).toBe(script);
    expect(await r.out(':put [/file get [find name="flash/a/app.js"] contents]')).toBe(script + '\n');
    expect((await r.run('/file add name="flash/b/big.js" contents=[/file get [find name="flash/a/big.js"] contents]')).error).toBe(
      'failure: file too big',
    );
    expect((await r.run(':put [/file get [find name="flash/a"] contents]')).error).toBe('failure: not a file');
  });

  it('lists files added earlier in the same script in their place, with their sizes and the free space they took', async () => {
    const r = await router('7.19.4', {}, { flash: true, freeSpace: 1000 });
    await files(r, { 'flash/b/m.txt': 'm', 'flash/b/z.txt': 'zz', 'flash/c.txt': 'c' });
    const listing = ['/file print terse', ':put [/system resource get free-hdd-space]'];
    const inOneRun = await r.out(
      [
        ...listing,
        '/file add name="flash/b/a.txt" contents="aaaa"',
        '/file add name="flash/b/x.txt" contents=[/file get [find name="flash/b/z.txt"] contents]',
        '/file add name="flash/a.txt" contents="12"',
        ...listing,
      ].join('\n'),
    );
    const after = inOneRun.slice(inOneRun.indexOf('\n996\n') + 5);
    expect([...after.matchAll(/name=(\S+) type=(?:"[^"]*"|\S+)(?: size=(\d+))?/g)].map((m) => `${m[1]} ${m[2] ?? '-'}`)).toEqual([
      'flash -',
      'flash/a.txt 2',
      'flash/b -',
      'flash/b/a.txt 4',
      'flash/b/m.txt 1',
      'flash/b/x.txt 2',
      'flash/b/z.txt 2',
      'flash/c.txt 1',
    ]);
    expect(after).toMatch(/\n988\n$/);
    // A later run reads the disk afresh and agrees.
    expect(await r.out(listing.join('\n'))).toBe(after);
  });

  it('has no /file add on v6', async () => {
    const r = await router('6.49.13');
    expect((await r.run('/file add name=x.txt contents=abc')).error).toMatch(/^bad command name add/);
  });
});

describe('/system', () => {
  it('reports version, disk space and board as /system resource print does', async () => {
    const r = await router('7.19.4', {}, { freeSpace: 5_000_000, totalSpace: 16 * 1024 * 1024 });
    const out = await r.out('/system resource print');
    expect(out).toContain('            version: 7.19.4 (stable)\n');
    expect(out).toContain('     free-hdd-space: 4.8MiB\n');
    expect(out).toContain('    total-hdd-space: 16.0MiB\n');
    expect(out).toContain('             uptime: 1h2m3s\n');
    expect(out).toContain('  architecture-name: arm\n');
    expect(await r.out(':put [/system resource get free-hdd-space]')).toBe('5000000\n');
    await files(r, { 'hotspot/big.js': 'x'.repeat(1_000_000) });
    expect(await r.out(':put [/system resource get free-hdd-space]')).toBe('4000000\n');

    const v6 = await router('6.49.13');
    expect(await v6.out(':put [/system resource get version]')).toBe('6.49.13 (long-term)\n');
    expect(await v6.out(':put [/system resource get board-name]')).toBe('hAP lite\n');
    expect(await v6.out('/system identity print')).toBe('  name: MikroTik\n');
    expect((await v6.run(':put [/system resource get colour]')).error).toBe('input does not match any value of value-name');
  });
});

describe('/import', () => {
  const upload = async (r: CliRouter, name: string, text: string) => writeFile(join(r.dir, name), text);

  it('runs an uploaded script and says so', async () => {
    const r = await router();
    await upload(
      r,
      'acme.rsc',
      [
        '# acme portal',
        '/ip hotspot profile set [find name="hsprof1"] login-by=http-chap,trial \\',
        '    trial-uptime-limit=20m',
        '/ip hotspot walled-garden remove [find comment=acme]',
        '/ip hotspot walled-garden add dst-host=pay.example.com comment=acme',
      ].join('\n'),
    );
    expect(await r.out('/import file-name=acme.rsc')).toBe(IMPORT_OK + '\n');
    expect(await r.out('/import acme.rsc')).toBe(IMPORT_OK + '\n');
    const p = r.env.db.byName('ip/hotspot/profile', 'hsprof1')!;
    expect([p['login-by'], p['trial-uptime-limit']]).toEqual(['http-chap,trial', '20m']);
    expect(r.env.db.rows('ip/hotspot/walled-garden')).toHaveLength(1);
  });

  it('stops at the first runtime error, naming its line; earlier lines stay applied', async () => {
    const r = await router();
    await upload(
      r,
      'acme.rsc',
      [
        '/ip hotspot walled-garden add dst-host=a.example comment=acme',
        '/ip hotspot user set nobody password=x',
        '/ip hotspot walled-garden add dst-host=b.example comment=acme',
      ].join('\n'),
    );
    const result = await r.run('/import file-name=acme.rsc');
    expect(result.error).toBe('no such item (line 2 column 1)');
    expect(result.output).not.toContain(IMPORT_OK);
    expect(r.env.db.rows('ip/hotspot/walled-garden').map((g) => g['dst-host'])).toEqual(['a.example']);
  });

  it('runs nothing when a line does not parse, and names that line', async () => {
    const r = await router();
    await upload(
      r,
      'acme.rsc',
      ['/ip hotspot walled-garden add dst-host=a.example', '', '/ip hotspot profile set [find name=hsprof1] login-by=http-chap,sms'].join('\n'),
    );
    expect((await r.run('/import file-name=acme.rsc')).error).toBe('input does not match any value of login-by (line 3 column 45)');
    await upload(r, 'bad.rsc', '/ip hotspot walled-garden add dst-host=a.example\n/ip hotspot xyz');
    expect((await r.run('/import file-name=bad.rsc')).error).toBe('bad command name xyz (line 2 column 13)');
    expect(r.env.db.rows('ip/hotspot/walled-garden')).toHaveLength(0);
  });

  it('answers a missing file', async () => {
    const r = await router();
    expect((await r.run('/import file-name=nothing.rsc')).error).toBe('failure: no such file');
    await mkdir(join(r.dir, 'dir.rsc'));
    expect((await r.run('/import file-name=dir.rsc')).error).toBe('failure: no such file');
    expect((await r.run('/import')).error).toBe('missing value(s) of argument(s) file-name');
  });

  it('takes verbose= only on v7', async () => {
    const v7 = await router('7.19.4');
    await upload(v7, 'a.rsc', ':put hello');
    expect(await v7.out('/import file-name=a.rsc verbose=yes')).toBe(`hello\n${IMPORT_OK}\n`);
    const v6 = await router('6.49.13');
    await upload(v6, 'a.rsc', ':put hello');
    expect((await v6.run('/import file-name=a.rsc verbose=yes')).error).toBe('expected end of command (line 1 column 25)');
  });

  it('leaves the uploaded file as it was', async () => {
    const r = await router();
    await upload(r, 'a.rsc', ':put hello');
    await r.out('/import a.rsc');
    expect(await readFile(join(r.dir, 'a.rsc'), 'utf8')).toBe(':put hello');
  });
});
