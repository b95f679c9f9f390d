/**
 * `/ip hotspot export` and `/ip hotspot profile print` as RouterOS writes them (layout checked
 * against real 6.49 and 7.18 exports): non-default properties in alphabetical order, the default
 * entry as `set [ find default=yes ]`, lines wrapped with `\`, secrets left out on v7.
 */
import { describe, expect, it } from 'vitest';
import { cliRouterPerTest } from '../support/cli-router.ts';

const router = cliRouterPerTest();
const body = (text: string) => text.split('\n').slice(1).join('\n');

describe('export', () => {
  it('writes what differs from the defaults, wrapped as RouterOS wraps it', async () => {
    const r = await router();
    await r.out(
      [
        '/ip hotspot profile set default login-by=cookie,http-pap',
        '/ip hotspot profile set hsprof1 dns-name=hotspot.example.com html-directory-override=flash/acme-portal-0123456789ab login-by=cookie,http-pap,trial',
        '/ip hotspot user add name=alice password=s3cret limit-uptime=1h',
        '/ip hotspot walled-garden add dst-host=captive.apple.com comment="Mac captive portal"',
        '/ip hotspot walled-garden ip add dst-host=captive.apple.com comment="Mac captive portal"',
      ].join('\n'),
    );
    const text = await r.out('/ip hotspot export');
    expect(text).toMatch(/^# \d{4}-\d\d-\d\d \d\d:\d\d:\d\d by RouterOS 7\.19\.4\n/);
    expect(body(text)).toBe(
      [
        '/ip hotspot profile',
        'set [ find default=yes ] login-by=cookie,http-pap',
        'add dns-name=hotspot.example.com html-directory-override=\\',
        '    flash/acme-portal-0123456789ab login-by=cookie,http-pap,trial name=\\',
        '    hsprof1',
        '/ip hotspot',
        'add disabled=no name=hotspot1 profile=hsprof1',
        '/ip hotspot user',
        'add limit-uptime=1h name=alice',
        '/ip hotspot walled-garden',
        'add comment="Mac captive portal" dst-host=captive.apple.com',
        '/ip hotspot walled-garden ip',
        'add action=accept comment="Mac captive portal" disabled=no dst-host=\\',
        '    captive.apple.com',
        '',
      ].join('\n'),
    );
    expect(await r.out('/ip hotspot user export show-sensitive')).toContain('add limit-uptime=1h name=alice password=s3cret\n');
  });

  it('terse: one line per entry, starting with its menu; a submenu exports itself only', async () => {
    const r = await router();
    await r.out('/ip hotspot walled-garden add dst-host=pay.example.com path=/checkout*');
    expect(body(await r.out('/ip hotspot walled-garden export terse'))).toBe(
      '/ip hotspot walled-garden add dst-host=pay.example.com path=/checkout*\n',
    );
    expect(body(await r.out('/ip hotspot walled-garden ip export'))).toBe('');
  });

  it('v6: dated the v6 way, and passwords written unless hide-sensitive', async () => {
    const r = await router('6.49.13');
    await r.out('/ip hotspot user add name=bob password=pw');
    const text = await r.out('/ip hotspot user export');
    expect(text).toMatch(/^# [a-z]{3}\/\d\d\/\d{4} \d\d:\d\d:\d\d by RouterOS 6\.49\.13\n\/ip hotspot user\nadd name=bob password=pw\n$/);
    expect(await r.out('/ip hotspot user export hide-sensitive')).not.toContain('pw');
  });

  it('a word export does not know is refused as RouterOS refuses it', async () => {
    const r = await router();
    expect((await r.run('/ip hotspot export everything')).error).toMatch(/^expected end of command/);
  });
});

describe('profile print', () => {
  it('shows trial, MAC, HTTPS and RADIUS settings only for what is in use', async () => {
    const r = await router();
    const plain = await r.out('/ip hotspot profile print detail where name=hsprof1');
    for (const p of ['trial-uptime-limit', 'mac-auth-mode', 'ssl-certificate', 'radius-accounting']) expect(plain).not.toContain(p);
    await r.out('/ip hotspot profile set hsprof1 login-by=http-chap,trial,mac,https use-radius=yes');
    const all = await r.out('/ip hotspot profile print detail where name=hsprof1');
    for (const p of ['trial-uptime-limit=30m', 'mac-auth-mode=mac-as-username', 'ssl-certificate="none"', 'radius-accounting=yes'])
      expect(all).toContain(p);
  });
});
