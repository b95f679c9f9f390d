/**
 * The RouterOS CLI subset as a language: both path spellings, menu context lines, comments, line
 * continuation, quoting and escapes, `:if`, and every error shape with its line and column.
 */
import { describe, expect, it } from 'vitest';
import { cliRouterPerTest, type CliRouter } from '../support/cli-router.ts';

const router = cliRouterPerTest();
const profile = (r: CliRouter, name = 'hsprof1') => r.env.db.byName('ip/hotspot/profile', name)!;

describe('paths', () => {
  it('takes the v6 spelling on v6 and v7, and the v7 slash spelling on v7', async () => {
    for (const version of ['6.49.13', '7.19.4']) {
      const r = await router(version);
      await r.out('/ip hotspot profile set [find name="hsprof1"] login-by=http-chap,trial');
      expect(profile(r)['login-by']).toBe('http-chap,trial');
    }
    const r = await router('7.19.4');
    await r.out('/ip/hotspot/profile/set [find name="hsprof1"] login-by=http-pap,cookie');
    await r.out('/ip/hotspot/user/profile/set [find name="default"] open-status-page=http-login');
    expect(profile(r)['login-by']).toBe('http-pap,cookie');
    expect(r.env.db.byName('ip/hotspot/user/profile', 'default')!['open-status-page']).toBe('http-login');
  });

  it('reads a later slash as "back to the root" on v6, so the v7 spelling fails there', async () => {
    const r = await router('6.49.13');
    expect((await r.run('/ip/hotspot/profile/print')).error).toBe('bad command name hotspot (line 1 column 5)');
  });

  it('follows menu context lines and `..` through a script', async () => {
    const r = await router();
    await r.out(
      [
        '# acme walled garden',
        '/ip hotspot walled-garden',
        'add dst-host=pay.example.com comment=acme',
        'add dst-host=cdn.example.com \\',
        '    comment=acme',
        'ip',
        'add dst-address=203.0.113.10 protocol=tcp dst-port=443 comment=acme',
        '/ip hotspot user profile',
        '.. add name=bob password=builder',
      ].join('\n'),
    );
    const garden = r.env.db.rows('ip/hotspot/walled-garden');
    expect(garden.map((g) => [g['dst-host'], g.comment])).toEqual([
      ['pay.example.com', 'acme'],
      ['cdn.example.com', 'acme'],
    ]);
    expect(r.env.db.rows('ip/hotspot/walled-garden/ip').map((g) => g['dst-address'])).toEqual(['203.0.113.10']);
    expect(r.env.db.byName('ip/hotspot/user', 'bob')?.password).toBe('builder');
  });

  it('runs `;`-separated commands in order', async () => {
    const r = await router();
    expect(await r.out(':put one; :put two')).toBe('one\ntwo\n');
  });
});

describe('strings', () => {
  it('decodes the RouterOS escapes', async () => {
    const r = await router();
    expect(await r.out(':put "a \\"b\\" \\\\ \\$x\\_\\41\\?"')).toBe('a "b" \\ $x A?\n');
    expect(await r.out(':put "x\\ty\\nz"')).toBe('x\ty\nz\n');
  });

  it('joins a line ending in a backslash inside a string', async () => {
    const r = await router();
    expect(await r.out(':put "ab\\\ncd"')).toBe('abcd\n');
  });

  it('reads an undefined $variable inside a string as empty', async () => {
    const r = await router();
    expect(await r.out(':put "a$b c"')).toBe('a c\n');
  });

  it('keeps quoted values whole, spaces and quotes included', async () => {
    const r = await router();
    await r.out('/ip hotspot walled-garden add dst-host=x.example comment="acme \\"portal\\" v2"');
    expect(r.env.db.rows('ip/hotspot/walled-garden')[0]!.comment).toBe('acme "portal" v2');
  });

  it('treats # as a comment only at the start of a command', async () => {
    const r = await router();
    await r.out('  # a comment with "quotes\n/ip hotspot walled-garden add dst-host=a#b.example comment=x');
    expect(r.env.db.rows('ip/hotspot/walled-garden')[0]!['dst-host']).toBe('a#b.example');
  });
});

describe(':if', () => {
  it('runs do={…} when the condition holds, else={…} when it does not', async () => {
    const r = await router();
    expect(await r.out(':if (1 = 1) do={ :put yes } else={ :put no }\n:if (a != a) do={ :put yes } else={ :put no }')).toBe('yes\nno\n');
    expect(await r.out(':if ("a b" = "a b") do={ :put one; :put two }')).toBe('one\ntwo\n');
  });

  it('adds a missing entry once: the add-or-set idiom deploy scripts use', async () => {
    const r = await router();
    const script =
      ':if ([:len [/ip hotspot user profile find name="guest"]] = 0) do={ /ip hotspot user profile add name="guest" }\n' +
      '/ip hotspot user profile set [find name="guest"] status-autorefresh=2m';
    await r.out(script);
    await r.out(script);
    const rows = r.env.db.rows('ip/hotspot/user/profile').filter((p) => p.name === 'guest');
    expect(rows).toHaveLength(1);
    expect(rows[0]!['status-autorefresh']).toBe('2m');
  });

  it('runs its blocks in the menu it stands in, and parses them before anything runs', async () => {
    const r = await router();
    expect(await r.out('/ip hotspot user profile\n:if ([:len [find name=x]] = 0) do={ add name=x }\n:put [get [find name=x] name]')).toBe('x\n');
    expect(await r.run(':put before\n:if (1 = 1) do={ /ip hotspot bogus }')).toEqual({
      output: 'bad command name bogus (line 2 column 30)\n',
      error: 'bad command name bogus (line 2 column 30)',
    });
  });
});

describe('errors', () => {
  const cases: Array<[string, string]> = [
    [':if (1 = 1)', 'missing value(s) of argument(s) do'],
    [':if (1 < 2) do={ :put a }', 'syntax error (line 1 column 5)'],
    [':if 1 do={ :put a }', 'syntax error (line 1 column 5)'],
    [':if (1 = 1) then={ :put a }', 'expected end of command (line 1 column 13)'],
    [':if (1 = 1) do={ :put a', 'syntax error (line 1 column 16)'],
    [':put (1)', 'syntax error (line 1 column 6)'],
    [':put a)', 'syntax error (line 1 column 7)'],
    ['/ip hotspot xyz print', 'bad command name xyz (line 1 column 13)'],
    ['/xyz', 'bad command name xyz (line 1 column 2)'],
    [':local x 1', 'bad command name local (line 1 column 2)'],
    [':put "a\\q"', 'syntax error (line 1 column 8)'],
    [':put "abc', 'syntax error (line 1 column 6)'],
    ['/ip hotspot user add name=$x', 'syntax error (line 1 column 27)'],
    [':put ]', 'syntax error (line 1 column 6)'],
    [':put [/ip hotspot profile find', 'syntax error (line 1 column 6)'],
    ['/ip hotspot profile set hsprof1 bogus=1', 'expected end of command (line 1 column 33)'],
    ['/ip hotspot user remove alice bob', 'expected end of command (line 1 column 31)'],
    ['/ip hotspot print where bogus=1', 'expected end of command (line 1 column 25)'],
    ['/ip hotspot walled-garden print where comment~acme bogus', 'expected end of command (line 1 column 52)'],
    ['/ip hotspot walled-garden find comment~"acme"', 'expected end of command (line 1 column 32)'],
    ['/ip hotspot dst-host=x', 'expected command name (line 1 column 13)'],
    ['/ip hotspot profile set hsprof1 login-by=http-chap,foo', 'input does not match any value of login-by'],
    ['/ip hotspot user profile set default open-status-page=sometimes', 'input does not match any value of open-status-page'],
    ['/ip hotspot profile set hsprof1 http-cookie-lifetime=soon', 'invalid value for argument http-cookie-lifetime'],
    ['/ip hotspot profile set hsprof1 hotspot-address=10.5.50.300', 'invalid value for argument hotspot-address'],
    ['/ip hotspot user add password=x', 'missing value(s) of argument(s) name'],
    ['/ip hotspot user set', 'missing value(s) of argument(s) numbers'],
    ['/ip hotspot user set nobody password=x', 'no such item'],
    ['/ip hotspot walled-garden remove 7', 'no such item'],
    [':put [/ip hotspot profile get [find name=hsprof1] colour]', 'input does not match any value of value-name'],
    ['/ip hotspot profile add name=hsprof1', 'failure: entry with name "hsprof1" already exists'],
  ];
  it.each(cases)('%s → %s', async (source, message) => {
    const r = await router();
    const result = await r.run(source);
    expect(result.error).toBe(message);
    expect(result.output).toBe(message + '\n');
  });

  it('names the line of a script, and runs nothing when a later line does not parse', async () => {
    const r = await router();
    const result = await r.run('/ip hotspot walled-garden\nadd dst-host=a.example\n\n/ip hotspot xyz');
    expect(result.error).toBe('bad command name xyz (line 4 column 13)');
    expect(r.env.db.rows('ip/hotspot/walled-garden')).toHaveLength(0);
  });

  it('counts physical lines across a continuation', async () => {
    const r = await router();
    expect((await r.run('/ip hotspot walled-garden add \\\n  dst-host=a.example \\\n  bogus=1')).error).toBe(
      'expected end of command (line 3 column 3)',
    );
  });

  it('stops at the first runtime error, keeping what ran before it', async () => {
    const r = await router();
    const result = await r.run(
      '/ip hotspot walled-garden add dst-host=a.example\n/ip hotspot user set nobody password=x\n/ip hotspot walled-garden add dst-host=b.example',
    );
    expect(result.error).toBe('no such item');
    expect(r.env.db.rows('ip/hotspot/walled-garden').map((g) => g['dst-host'])).toEqual(['a.example']);
  });
});

describe('find and set', () => {
  it('does nothing, and says nothing, when set or remove match no item', async () => {
    const r = await router();
    const before = { ...profile(r) };
    expect(await r.run('/ip hotspot profile set [find name="nope"] login-by=trial')).toEqual({ output: '', error: undefined });
    expect(await r.run('/ip hotspot walled-garden remove [find comment=acme]')).toEqual({ output: '', error: undefined });
    expect(profile(r)).toEqual(before);
  });

  it('finds by name, by comment, and with where and a regex', async () => {
    const r = await router();
    await r.out(
      [
        '/ip hotspot walled-garden',
        'add dst-host=a.example comment=acme',
        'add dst-host=b.example comment=acme-old',
        'add dst-host=c.example comment=other',
      ].join('\n'),
    );
    expect(await r.out(':put [:len [/ip hotspot walled-garden find comment=acme]]')).toBe('1\n');
    expect(await r.out(':put [:len [/ip hotspot walled-garden find where comment~"^acme"]]')).toBe('2\n');
    expect(await r.out(':put [:len [/ip hotspot walled-garden find]]')).toBe('3\n');
    await r.out('/ip hotspot walled-garden remove [find where comment~"^acme"]');
    expect(r.env.db.rows('ip/hotspot/walled-garden').map((g) => g['dst-host'])).toEqual(['c.example']);
    expect(await r.out(':put [/ip hotspot profile find]')).toMatch(/^\*[0-9A-F]+;\*[0-9A-F]+\n$/);
  });

  it('sets every item a find returns, and items given by name, id or position', async () => {
    const r = await router();
    await r.out('/ip hotspot user add name=a password=1\n/ip hotspot user add name=b password=2\n/ip hotspot user add name=c password=3');
    await r.out('/ip hotspot user set [find where name~"^[ab]$"] limit-uptime=1h');
    expect(r.env.db.rows('ip/hotspot/user').map((u) => u['limit-uptime'])).toEqual(['1h', '1h', '']);
    const id = r.env.db.byName('ip/hotspot/user', 'c')!['.id'];
    await r.out(`/ip hotspot user set ${id} comment=by-id\n/ip hotspot user set 0 comment=by-position\n/ip hotspot user set b,c disabled=yes`);
    expect(r.env.db.rows('ip/hotspot/user').map((u) => [u.comment, u.disabled])).toEqual([
      ['by-position', 'no'],
      ['', 'yes'],
      ['by-id', 'yes'],
    ]);
  });

  it('reads values with get and :put', async () => {
    const r = await router();
    await r.out('/ip hotspot profile set [find name=hsprof1] html-directory=flash/hotspot');
    expect(await r.out(':put [/ip hotspot profile get [find name=hsprof1] html-directory]')).toBe('flash/hotspot\n');
    expect(await r.out(':put [/system identity get name]')).toBe('MikroTik\n');
  });
});

describe('RouterOS 6 and 7 differ', () => {
  it('has html-directory-override only on v7', async () => {
    const v7 = await router('7.19.4');
    await v7.out('/ip hotspot profile set [find name=hsprof1] html-directory-override=flash/acme');
    expect(profile(v7)['html-directory-override']).toBe('flash/acme');
    expect(await v7.out('/ip hotspot profile print terse where name=hsprof1')).toContain('html-directory-override=flash/acme');

    const v6 = await router('6.49.13');
    expect((await v6.run('/ip hotspot profile set [find name=hsprof1] html-directory-override=flash/acme')).error).toBe(
      'expected end of command (line 1 column 45)',
    );
    expect(profile(v6)['html-directory-override']).toBe('');
    expect(await v6.out('/ip hotspot profile print detail')).not.toContain('html-directory-override');
  });

  it('has /file add only from 7.9', async () => {
    expect((await (await router('6.49.13')).run('/file add name=acme type=directory')).error).toBe('bad command name add (line 1 column 7)');
    expect((await (await router('7.8')).run('/file add name=acme type=directory')).error).toBe('bad command name add (line 1 column 7)');
    const v7 = await router('7.19.4');
    await v7.out('/file add name=acme type=directory\n/file add name=acme/note.txt contents="hello"');
    expect(await v7.out('/file print terse')).toMatch(
      /^ 0 {3}name=acme type=directory last-modified="[^"]+"\n 1 {3}name=acme\/note.txt type=".txt file" size=5 /,
    );
    expect((await v7.run('/file add name=acme type=directory')).error).toBe('failure: file with such name already exists');
    expect((await v7.run('/file add name=missing/x type=directory')).error).toBe('failure: parent directory does not exist');
  });
});
