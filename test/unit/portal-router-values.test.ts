/**
 * The one path for router values: what the router writes with `-esc` (the engine's formEscape, `+`
 * for space) comes back exactly through the page's URLSearchParams decoding, hostile values included;
 * and only http(s) URLs are followed.
 */
import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from '../../portal/hotspot/links.ts';
import { parseRouterValues } from '../../portal/hotspot/router-values.ts';
import { routerDataIsland } from '../../tools/build/shells.ts';
import { render } from '../../tools/routeros/engine/index.ts';

const HOSTILE = [
  `O'Brien "the" <b>bold</b>`,
  `</script><script>window.__pwned = 1</script>`,
  `<img src=x onerror="window.__pwned=1">`,
  'a+b & c=d %41 ü 中文 😀',
  'javascript:alert(1)',
  // RouterOS markup as a value (a RADIUS Reply-Message, a user name): filled in, so kept as text.
  '$(link-login) $(if logged-in)x$(endif)',
];

describe('router values', () => {
  it('round-trip through the data island for hostile text', () => {
    const island = routerDataIsland(['username', 'error', 'link-orig']);
    for (const value of HOSTILE) {
      const page = render(island, 'login.html', { vars: { username: value, error: value, 'link-orig': value } }).body;
      expect(page).not.toContain('</script><script>');
      expect(page.match(/<\/script>/g)).toHaveLength(1);
      const text = /<script type="application\/x-hotspot" id="hs-data">([^<]*)<\/script>/.exec(page)![1]!;
      const v = parseRouterValues(text);
      expect([v.get('username'), v.get('error'), v.get('link-orig')]).toEqual([value, value, value]);
    }
  });

  it('read numbers only when they are digits (--- and empty mean none)', () => {
    const v = parseRouterValues('bytes-out=1500000&remain-bytes-total=---&session-time-left-secs=');
    expect([v.number('bytes-out'), v.number('remain-bytes-total'), v.number('session-time-left-secs'), v.number('missing')]).toEqual([
      1500000,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('treat an unsubstituted "$(…)" value as empty', () => {
    expect(parseRouterValues('username=$(username-esc)').get('username')).toBe('');
  });

  it('refuse chap values and unknown names in the island', () => {
    expect(() => routerDataIsland(['chap-id'])).toThrow(/only appear in the CHAP inline script/);
    expect(() => routerDataIsland(['usrname'])).toThrow(/not a RouterOS variable name/);
  });

  it('follow only http and https URLs', () => {
    const base = 'http://10.5.50.1/login';
    expect(safeHttpUrl('http://example.com/a?b=1', base)?.href).toBe('http://example.com/a?b=1');
    expect(safeHttpUrl('https://example.com/', base)?.href).toBe('https://example.com/');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'http://[', '']) {
      expect(safeHttpUrl(bad, base)).toBeUndefined();
    }
  });

  it("keep an https page on https: the router's http:// links to its own host are followed over TLS", () => {
    const page = 'https://wifi.acme.example/login';
    expect(safeHttpUrl('http://wifi.acme.example/status', page)?.href).toBe('https://wifi.acme.example/status');
    expect(safeHttpUrl('http://127.0.0.1:8088/logout?erase-cookie=on', 'https://127.0.0.1:8443/status')?.href).toBe(
      'https://127.0.0.1:8443/logout?erase-cookie=on',
    );
    // Other hosts (the guest's own site) and plain-HTTP pages are left alone.
    expect(safeHttpUrl('http://example.com/news', page)?.href).toBe('http://example.com/news');
    expect(safeHttpUrl('http://wifi.acme.example/status', 'http://wifi.acme.example/login')?.href).toBe('http://wifi.acme.example/status');
  });
});
