/**
 * listVariables (every name a template mentions, in every branch, with its position) and the
 * `unknown` list of a render (names that are not variables in the context: rendered empty).
 */
import { describe, expect, test } from 'vitest';
import { isKnownVariable, listVariables, parseTemplate, render } from '../../tools/routeros/engine/index.ts';

const STATUS_HTML = [
  '<!-- $(hostname) -->',
  "$(if login-by == 'trial')",
  '  <p>Trial for $(username)</p>',
  "$(elif login-by != 'mac')",
  '  <p>Welcome $(username)</p>',
  '$(else)',
  '  <p>Device $(mac)</p>',
  '$(endif)',
  '$(if http-header == "Refresh")$(refresh-timeout-secs)$(endif)',
  '$(if remain-bytes-total)$(if blocked == yes)<a href="$(link-advert)">ad</a>$(endif)$(endif)',
  '<a href="$(link-logout)?erase-cookie=on&amp;dst=$(link-orig-esc)">log out</a>',
].join('\n');

describe('listVariables', () => {
  const uses = listVariables(parseTemplate(STATUS_HTML, 'status.html'));

  test('finds every name in every branch, in document order, with line, column and use', () => {
    expect(uses).toEqual([
      { name: 'hostname', line: 1, col: 6, use: 'output' },
      { name: 'login-by', line: 2, col: 1, use: 'condition' },
      { name: 'username', line: 3, col: 16, use: 'output' },
      { name: 'login-by', line: 4, col: 1, use: 'condition' },
      { name: 'username', line: 5, col: 14, use: 'output' },
      { name: 'mac', line: 7, col: 13, use: 'output' },
      { name: 'refresh-timeout-secs', line: 9, col: 31, use: 'output' },
      { name: 'remain-bytes-total', line: 10, col: 1, use: 'condition' },
      { name: 'blocked', line: 10, col: 25, use: 'condition' },
      { name: 'link-advert', line: 10, col: 54, use: 'output' },
      { name: 'link-logout', line: 11, col: 10, use: 'output' },
      { name: 'link-orig-esc', line: 11, col: 49, use: 'output' },
    ]);
  });
  test('http-status and http-header are directives, not variables', () => {
    const names = listVariables(parseTemplate('$(if http-status == 302)m $(ip)$(endif)$(if http-header == X)v$(endif)', 'r.html')).map((u) => u.name);
    expect(names).toEqual(['ip']);
  });
  test('a template without tokens mentions nothing', () => {
    expect(listVariables(parseTemplate('<p>plain</p>\n', 'p.html'))).toEqual([]);
  });
  test('with isKnownVariable it finds an unknown name in a branch that would not render', () => {
    const tpl = parseTemplate('$(if logged-in == yes)$(usrname)$(else)$(link-login-only)$(endif)', 'p.html');
    expect(listVariables(tpl).filter((u) => !isKnownVariable(u.name))).toEqual([{ name: 'usrname', line: 1, col: 23, use: 'output' }]);
  });
});

describe('unknown names at render time', () => {
  test('render empty and are reported once each, in order of first use', () => {
    const r = render('[$(foo)][$(ip)][$(bar)][$(foo)]$(if baz)B$(endif)', 'p.html', { vars: { ip: '10.5.50.2' } });
    expect(r.body).toBe('[][10.5.50.2][][]');
    expect(r.unknown).toEqual(['foo', 'bar', 'baz']);
  });
  test('an unknown name in a condition is false for the bare form and empty for ==', () => {
    const r = render('$(if nosuch)A$(else)B$(endif)$(if other == "")C$(endif)', 'p.html', { vars: {} });
    expect(r.body).toBe('BC');
    expect(r.unknown).toEqual(['nosuch', 'other']);
  });
  test('names in branches not taken are not looked up', () => {
    const r = render('$(if a)$(never)$(else)$(shown)$(endif)', 'p.html', { vars: { a: '' } });
    expect(r.unknown).toEqual(['shown']);
  });
  test('jQuery $(document) parses as a name: empty output and reported, so a check can refuse it', () => {
    const r = render('<script>$(document).ready(go);</script>', 'p.html', { vars: {} });
    expect(r.body).toBe('<script>.ready(go);</script>');
    expect(r.unknown).toEqual(['document']);
    expect(isKnownVariable('document')).toBe(false);
  });
  test('a name known to RouterOS but missing from the context is still reported', () => {
    const r = render('$(identity)', 'p.html', { vars: {} });
    expect(r.unknown).toEqual(['identity']);
  });
});
