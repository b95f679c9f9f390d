/**
 * The http-status / http-header forms (fact sheet §3.4): they test nothing, output nothing, and set the
 * response status line and headers instead. Which header of a name wins is the servlet's job; the
 * engine keeps them in order.
 */
import { describe, expect, test } from 'vitest';
import { parseTemplate, render, type RenderContext } from '../../tools/routeros/engine/index.ts';

const out = (text: string, vars: Record<string, string> = {}) => render(text, 'redirect.html', { vars } satisfies RenderContext);

// The default RouterOS 7 redirect.html layout: status and Location first, then a meta-refresh fallback.
const REDIRECT_HTML = [
  '$(if http-status == 302)Hotspot redirect$(endif)',
  '$(if http-header == "Location")$(link-redirect)$(endif)',
  '<html>',
  '<head>',
  '<meta http-equiv="refresh" content="0; url=$(link-redirect)">',
  '<meta http-equiv="pragma" content="no-cache">',
  '</head>',
  '<body></body>',
  '</html>',
  '',
].join('\n');

describe('redirect.html', () => {
  const linkRedirect = 'http://10.5.50.1/login?dst=http%3A%2F%2Fexample.com%2F';
  const r = out(REDIRECT_HTML, { 'link-redirect': linkRedirect });

  test('sets status 302 with its message', () => expect(r.status).toEqual({ code: 302, message: 'Hotspot redirect' }));
  test('adds the Location header with the variable filled in', () => expect(r.headers).toEqual([['Location', linkRedirect]]));
  test('outputs nothing where the directives stood: the body starts with the two newlines after them', () => {
    expect(r.body).toBe(
      '\n\n<html>\n<head>\n' +
        `<meta http-equiv="refresh" content="0; url=${linkRedirect}">\n` +
        '<meta http-equiv="pragma" content="no-cache">\n</head>\n<body></body>\n</html>\n',
    );
  });
  test('every name used is known', () => expect(r.unknown).toEqual([]));
});

describe('$(if http-status == NNN)MESSAGE$(endif)', () => {
  test('the code may be bare or quoted', () => {
    expect(out('$(if http-status == 404)Not here$(endif)').status).toEqual({ code: 404, message: 'Not here' });
    expect(out('$(if http-status == "503")Busy$(endif)').status).toEqual({ code: 503, message: 'Busy' });
    expect(out("$(if http-status == '200')OK$(endif)").status).toEqual({ code: 200, message: 'OK' });
  });
  test('variables and conditions inside the message are expanded, and the message is trimmed', () => {
    const t = '$(if http-status == 403) Blocked $(ip)$(if username) ($(username))$(endif) $(endif)';
    expect(out(t, { ip: '10.5.50.7', username: 'ann' }).status).toEqual({ code: 403, message: 'Blocked 10.5.50.7 (ann)' });
    expect(out(t, { ip: '10.5.50.7', username: '' }).status).toEqual({ code: 403, message: 'Blocked 10.5.50.7' });
  });
  test('without the directive there is no status', () => expect(out('<p>plain</p>').status).toBeUndefined());
  test('a directive in a branch not taken sets nothing; the last one taken wins', () => {
    const t = "$(if logged-in == 'yes')$(if http-status == 200)OK$(endif)$(else)$(if http-status == 302)Login$(endif)$(endif)";
    expect(out(t, { 'logged-in': 'yes' }).status).toEqual({ code: 200, message: 'OK' });
    expect(out(t, { 'logged-in': 'no' }).status).toEqual({ code: 302, message: 'Login' });
    expect(out('$(if http-status == 302)a$(endif)$(if http-status == 307)b$(endif)').status).toEqual({ code: 307, message: 'b' });
  });
  test('parses to a status node holding its message', () => {
    const node = parseTemplate('$(if http-status == 302)Hotspot redirect$(endif)', 'r.html').nodes[0];
    expect(node).toMatchObject({ kind: 'status', code: 302, body: [{ kind: 'text', text: 'Hotspot redirect' }] });
  });
});

describe('$(if http-header == NAME)VALUE$(endif)', () => {
  test('headers come out in the order written, repeats included', () => {
    const t = [
      '$(if http-header == "Cache-Control")no-store$(endif)',
      '$(if http-header == "X-Frame-Options")DENY$(endif)',
      '$(if http-header == "Cache-Control")no-cache, max-age=0$(endif)',
    ].join('');
    const r = out(t);
    expect(r.headers).toEqual([
      ['Cache-Control', 'no-store'],
      ['X-Frame-Options', 'DENY'],
      ['Cache-Control', 'no-cache, max-age=0'],
    ]);
    expect(r.body).toBe('');
  });
  test('variables in the value are filled in, -esc forms included', () => {
    const t = '$(if http-header == X-Hotspot-Client)ip=$(ip); user=$(username-esc)$(endif)';
    expect(out(t, { ip: '10.5.50.2', username: 'a b&c' }).headers).toEqual([['X-Hotspot-Client', 'ip=10.5.50.2; user=a+b%26c']]);
  });
  test('the header name keeps its case and may be bare, single- or double-quoted', () => {
    expect(out("$(if http-header == 'content-type')text/plain$(endif)").headers).toEqual([['content-type', 'text/plain']]);
    expect(out('$(if http-header == Content-Type)text/plain$(endif)').headers).toEqual([['Content-Type', 'text/plain']]);
  });
  test('a header inside a branch not taken is not added', () => {
    const t = '$(if ssl-login == yes)$(if http-header == "Strict-Transport-Security")max-age=300$(endif)$(endif)';
    expect(out(t, { 'ssl-login': 'yes' }).headers).toEqual([['Strict-Transport-Security', 'max-age=300']]);
    expect(out(t, { 'ssl-login': 'no' }).headers).toEqual([]);
  });
  test('the value is trimmed, so a directive may be laid out over several lines', () => {
    const t = '$(if http-header == "Location")\n  $(link-redirect)\n$(endif)';
    expect(out(t, { 'link-redirect': 'http://10.5.50.1/status' }).headers).toEqual([['Location', 'http://10.5.50.1/status']]);
  });
});
