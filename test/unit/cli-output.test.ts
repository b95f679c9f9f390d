/**
 * Reading console answers as the deploy tool will: `print terse` parsed back into the values the
 * router holds (tricky characters included), `name: value` objects, sizes, error detection, and
 * secrets masked before logging.
 */
import { describe, expect, it } from 'vitest';
import { findCliError, maskSecrets, parseKeyValues, parseObject, parseSize, parseTerse, SECRET_PROPS } from '../../tools/routeros/cli/index.ts';
import { cliRouterPerTest } from '../support/cli-router.ts';

const router = cliRouterPerTest();

describe('parseTerse', () => {
  it('gives back exactly what the router holds, whatever the characters', async () => {
    const r = await router();
    const comments = ['acme', 'acme portal', 'say "hi"', 'back\\slash', 'price $5?', 'semi;colon', '', 'tab\there'];
    for (const c of comments)
      await r.out(`/ip hotspot walled-garden add dst-host=x.example comment=${JSON.stringify(c).replace(/\$/g, '\\$').replace(/\?/g, '\\?')}`);
    const items = parseTerse(await r.out('/ip hotspot walled-garden print terse'));
    expect(items.map((i) => i.props.comment ?? '')).toEqual(comments);
    expect(items.map((i) => i.index)).toEqual(comments.map((_, i) => i));
    expect(items.every((i) => i.props['dst-host'] === 'x.example' && i.props.action === 'allow')).toBe(true);
  });

  it('reads flags and every profile property, CRLF line ends included', async () => {
    const r = await router();
    await r.out('/ip hotspot profile set [find name=hsprof1] login-by=http-chap,trial html-directory-override=flash/acme-1');
    const out = (await r.out('/ip hotspot profile print terse')).replace(/\n/g, '\r\n');
    const [def, hs] = parseTerse(out);
    expect(def!.flags).toBe('*');
    expect(hs!.flags).toBe('');
    const row = r.env.db.byName('ip/hotspot/profile', 'hsprof1')!;
    const { '.id': _id, ...stored } = row;
    // Print leaves out the settings of features not in use: MAC login, HTTPS, RADIUS.
    const shown = Object.fromEntries(Object.entries(stored).filter(([k]) => !/^(mac-auth-|radius-|nas-port-type|ssl-certificate)/.test(k)));
    expect(hs!.props).toEqual(shown);
  });

  it('skips legends, blank lines and errors', () => {
    expect(parseTerse('Flags: X - disabled\r\n\r\nno such item\r\n')).toEqual([]);
  });

  it('reads bare values that hold odd characters, as a real router may print them', () => {
    expect(parseKeyValues('dst-host=:^www\\.example\\.com$ path=/a=b comment=""')).toEqual({
      'dst-host': ':^www\\.example\\.com$',
      path: '/a=b',
      comment: '',
    });
  });
});

describe('parseObject and parseSize', () => {
  it('reads /system resource print', async () => {
    const r = await router('6.49.13');
    const res = parseObject((await r.out('/system resource print')).replace(/\n/g, '\r\n'));
    expect(res.version).toBe('6.49.13 (long-term)');
    expect(res['board-name']).toBe('hAP lite');
    expect(parseSize(res['total-hdd-space']!)).toBe(128 * 1024 * 1024);
  });

  it('turns RouterOS sizes into bytes', () => {
    expect([parseSize('3551'), parseSize('3.5KiB'), parseSize('101.6MiB'), parseSize('1GiB')]).toEqual([3551, 3584, 106535322, 1073741824]);
    expect(parseSize('lots')).toBeNaN();
  });
});

describe('findCliError', () => {
  it('finds the error line among output lines', async () => {
    const r = await router();
    for (const bad of ['/ip hotspot xyz', '/ip hotspot user set nobody password=x', '/ip hotspot profile set hsprof1 login-by=sms', ':put "x']) {
      const result = await r.run(bad);
      expect(findCliError(result.output.replace(/\n/g, '\r\n'))).toBe(result.error);
    }
  });

  it('finds nothing in good output', async () => {
    const r = await router();
    for (const good of ['/ip hotspot profile print', '/ip hotspot profile print terse', '/file print', '/system resource print']) {
      expect(findCliError(await r.out(good))).toBeUndefined();
    }
  });
});

describe('maskSecrets', () => {
  it('knows the secret properties from the schema', () => {
    expect([...SECRET_PROPS].sort()).toEqual(['mac-auth-password', 'password', 'secret']);
  });

  it('masks secrets in commands, scripts and print output, and nothing else', async () => {
    const r = await router();
    await r.out('/ip hotspot user add name=alice password="s3 cret"\n/ip hotspot profile set hsprof1 login-by=mac mac-auth-password=m4c');
    const printed = (await r.out('/ip hotspot user print terse')) + (await r.out('/ip hotspot profile print detail where name=hsprof1'));
    const masked = maskSecrets(printed);
    expect(masked).not.toContain('s3 cret');
    expect(masked).not.toContain('m4c');
    expect(masked).toContain('password=*** profile=default');
    expect(masked).toContain('mac-auth-password=***');

    const script =
      '/ip hotspot profile set [find name="hsprof1"] mac-auth-password="a\\"b c" login-by=mac\n/ip hotspot user add name=bob password=pw;:put done';
    expect(maskSecrets(script)).toBe(
      '/ip hotspot profile set [find name="hsprof1"] mac-auth-password=*** login-by=mac\n/ip hotspot user add name=bob password=***;:put done',
    );
    expect(maskSecrets('no-password=here passwords=x')).toBe('no-password=here passwords=x');
  });
});
