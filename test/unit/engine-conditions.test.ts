/**
 * Parsing and conditions (fact sheet §3): `$(if …)`, `==`, `!=`, `elif`, `else`, nesting, optional
 * quotes, conditions anywhere in the text, and text between tokens kept byte for byte.
 */
import { describe, expect, test } from 'vitest';
import { parseTemplate, render, type Node } from '../../tools/routeros/engine/index.ts';

const body = (text: string, vars: Record<string, string>): string => render(text, 'page.html', { vars }).body;

describe('$(if NAME): true when the value is not empty', () => {
  const t = '[$(if error)shown$(endif)]';
  test('a non-empty value takes the branch', () => expect(body(t, { error: 'x' })).toBe('[shown]'));
  test('an empty value skips it', () => expect(body(t, { error: '' })).toBe('[]'));
  test('"0" and "no" are not empty, so they are true', () => {
    expect(body(t, { error: '0' })).toBe('[shown]');
    expect(body(t, { error: 'no' })).toBe('[shown]');
  });
  test('a single space is not empty', () => expect(body(t, { error: ' ' })).toBe('[shown]'));
});

describe('== and != compare strings', () => {
  test('== matches the exact value only', () => {
    const t = '$(if login-by == trial)T$(else)other$(endif)';
    expect(body(t, { 'login-by': 'trial' })).toBe('T');
    expect(body(t, { 'login-by': 'trial2' })).toBe('other');
    expect(body(t, { 'login-by': '' })).toBe('other');
  });
  test('!= is the negation, including against numbers written bare', () => {
    const t = '$(if session-timeout-secs != 0)limited$(else)unlimited$(endif)';
    expect(body(t, { 'session-timeout-secs': '0' })).toBe('unlimited');
    expect(body(t, { 'session-timeout-secs': '3475' })).toBe('limited');
    // A plain string comparison: "00" is not "0" (fact sheet §3.2, inferred).
    expect(body(t, { 'session-timeout-secs': '00' })).toBe('limited');
  });
  test("bare values may hold dots and colons (the manual's ip and mac examples)", () => {
    expect(body('$(if ip == 10.1.2.3)yes$(endif)', { ip: '10.1.2.3' })).toBe('yes');
    expect(body('$(if ip == 10.1.2.3)yes$(endif)', { ip: '10.1.2.30' })).toBe('');
    expect(body('$(if mac == 00:01:02:03:04:05)yes$(endif)', { mac: '00:01:02:03:04:05' })).toBe('yes');
  });
});

describe('quotes are optional delimiters and are stripped', () => {
  test("single quotes: 'true' matches the value true", () => {
    const t = "$(if popup == 'true')P$(endif)";
    expect(body(t, { popup: 'true' })).toBe('P');
    expect(body(t, { popup: "'true'" })).toBe('');
  });
  test('double quotes: "yes" matches yes', () => {
    expect(body('$(if trial == "yes")Y$(endif)', { trial: 'yes' })).toBe('Y');
    expect(body('$(if trial == "yes")Y$(endif)', { trial: 'no' })).toBe('');
  });
  test('quoted, single-quoted and bare forms parse to the same condition', () => {
    const cond = (src: string) => {
      const node = parseTemplate(src, 'p.html').nodes[0] as Extract<Node, { kind: 'if' }>;
      return node.branches[0]!.cond;
    };
    const expected = { name: 'username', op: '==', value: 'john' };
    expect(cond('$(if username == john)x$(endif)')).toEqual(expected);
    expect(cond("$(if username == 'john')x$(endif)")).toEqual(expected);
    expect(cond('$(if username == "john")x$(endif)')).toEqual(expected);
    expect(cond('$(if username)x$(endif)')).toEqual({ name: 'username' });
  });
  test('"" compares with the empty string', () => {
    const t = '$(if error == "")no error$(else)error: $(error)$(endif)';
    expect(body(t, { error: '' })).toBe('no error');
    expect(body(t, { error: 'bad password' })).toBe('error: bad password');
    expect(body("$(if error != '')E$(endif)", { error: '' })).toBe('');
  });
  test('a quoted value may hold spaces and a closing parenthesis', () => {
    const t = '$(if user-agent == "CaptiveNetworkSupport (x) 1.0")probe$(endif)';
    expect(body(t, { 'user-agent': 'CaptiveNetworkSupport (x) 1.0' })).toBe('probe');
    expect(body(t, { 'user-agent': 'Mozilla/5.0' })).toBe('');
  });
  test('unspaced operators still work but are reported as a warning', () => {
    const tpl = parseTemplate("x\n  $(if popup=='true')P$(endif)", 'alogin.html');
    expect(tpl.warnings).toHaveLength(1);
    expect(tpl.warnings[0]!.pos).toEqual({ line: 2, col: 3 });
    expect(tpl.warnings[0]!.message).toContain('==');
    expect(parseTemplate("$(if popup == 'true')P$(endif)", 'alogin.html').warnings).toEqual([]);
  });
});

describe('elif / else: exactly one branch is output', () => {
  // The manual's worked example (fact sheet §3.3): username, then ip, then mac, then a fallback.
  const chain = [
    '$(if username == john)Hello John',
    '$(elif ip == 10.1.2.3)Hello 10.1.2.3',
    '$(elif mac == 00:01:02:03:04:05)Hello device',
    '$(else)Hello stranger',
    '$(endif)',
  ].join('');
  const vars = (username: string, ip: string, mac: string) => ({ username, ip, mac });
  test('the first true branch wins even when later ones are true too', () => {
    expect(body(chain, vars('john', '10.1.2.3', '00:01:02:03:04:05'))).toBe('Hello John');
    expect(body(chain, vars('ann', '10.1.2.3', '00:01:02:03:04:05'))).toBe('Hello 10.1.2.3');
    expect(body(chain, vars('ann', '10.1.2.4', '00:01:02:03:04:05'))).toBe('Hello device');
  });
  test('else is taken when no branch is true', () => {
    expect(body(chain, vars('ann', '10.1.2.4', 'AA:BB:CC:DD:EE:FF'))).toBe('Hello stranger');
  });
  test('without else, no branch true outputs nothing', () => {
    expect(body('<$(if a)A$(elif b)B$(endif)>', { a: '', b: '' })).toBe('<>');
    expect(body('<$(if a)A$(elif b)B$(endif)>', { a: '', b: '1' })).toBe('<B>');
  });
  test('elif accepts the bare and != forms', () => {
    const t = "$(if login-by == 'trial')trial$(elif login-by-mac != 'yes')logout button$(elif login-by)mac$(endif)";
    expect(body(t, { 'login-by': 'trial', 'login-by-mac': 'no' })).toBe('trial');
    expect(body(t, { 'login-by': 'http-chap', 'login-by-mac': 'no' })).toBe('logout button');
    expect(body(t, { 'login-by': 'mac', 'login-by-mac': 'yes' })).toBe('mac');
  });
});

describe('nesting', () => {
  const t = '$(if a)A[$(if b)B[$(if c)C$(else)c$(endif)]$(else)b$(endif)]$(else)a$(endif)';
  test.each([
    [{ a: '1', b: '1', c: '1' }, 'A[B[C]]'],
    [{ a: '1', b: '1', c: '' }, 'A[B[c]]'],
    [{ a: '1', b: '', c: '1' }, 'A[b]'],
    [{ a: '', b: '1', c: '1' }, 'a'],
  ])('%o renders %s', (vars, expected) => expect(body(t, vars)).toBe(expected));
  test('an inner else belongs to the inner if', () => {
    expect(body('$(if a)$(if b)B$(else)notB$(endif)$(else)notA$(endif)', { a: '1', b: '' })).toBe('notB');
  });
});

describe('conditions work anywhere in the text', () => {
  test('between attributes inside a start tag', () => {
    const t = '<form name="login" action="$(link-login-only)" method="post" $(if chap-id) onSubmit="return doLogin()" $(endif)>';
    const vars = { 'link-login-only': 'http://10.5.50.1/login', 'chap-id': '\\371' };
    expect(body(t, vars)).toBe('<form name="login" action="http://10.5.50.1/login" method="post"  onSubmit="return doLogin()" >');
    expect(body(t, { ...vars, 'chap-id': '' })).toBe('<form name="login" action="http://10.5.50.1/login" method="post" >');
  });
  test('inside a <script>', () => {
    const t = "<script>\nvar loggedIn = $(if logged-in == 'yes')true$(else)false$(endif);\nvar user = '$(username-esc)';\n</script>";
    expect(body(t, { 'logged-in': 'yes', username: 'a b' })).toBe("<script>\nvar loggedIn = true;\nvar user = 'a+b';\n</script>");
    expect(body(t, { 'logged-in': 'no', username: '' })).toBe("<script>\nvar loggedIn = false;\nvar user = '';\n</script>");
  });
  test('inside JSON', () => {
    const t = '{"captive": $(if logged-in == \'yes\')false$(else)true$(endif), "user": "$(username)"}';
    expect(JSON.parse(body(t, { 'logged-in': 'yes', username: 'bob' }))).toEqual({ captive: false, user: 'bob' });
    expect(JSON.parse(body(t, { 'logged-in': 'no', username: '' }))).toEqual({ captive: true, user: '' });
  });
  test('inside an HTML comment, which the router does not treat specially', () => {
    const t = "<!-- served by $(hostname) $(if logged-in == 'yes')for $(username)$(endif) -->\n<p>ok</p>";
    expect(body(t, { hostname: 'hotspot.example.net', 'logged-in': 'yes', username: 'ann' })).toBe(
      '<!-- served by hotspot.example.net for ann -->\n<p>ok</p>',
    );
    expect(body(t, { hostname: 'hs', 'logged-in': 'no', username: 'ann' })).toBe('<!-- served by hs  -->\n<p>ok</p>');
  });
});

describe('text between tokens is kept byte for byte', () => {
  test('CRLF, blank lines, tabs and trailing spaces survive', () => {
    const t = '\r\n\r\n<html>\r\n\t<head>  \r\n$(if a)\r\n\tA: $(a)\r\n$(else)\r\nnone\r\n$(endif)\r\n\r\n</html>\r\n';
    expect(body(t, { a: 'x' })).toBe('\r\n\r\n<html>\r\n\t<head>  \r\n\r\n\tA: x\r\n\r\n\r\n</html>\r\n');
    expect(body(t, { a: '' })).toBe('\r\n\r\n<html>\r\n\t<head>  \r\n\r\nnone\r\n\r\n\r\n</html>\r\n');
  });
  test('a file without tokens comes back unchanged, non-ASCII and lone "$" included', () => {
    const t = '<p>Preis: 5 $ — Ünïcödé 🙂</p>\r\n\n\n<style>a:after{content:"$"}</style>\n$ (not a token) $$';
    expect(body(t, {})).toBe(t);
  });
  test('"$$(name)" keeps the first "$" as text', () => {
    expect(body('$$(ip)', { ip: '10.5.50.2' })).toBe('$10.5.50.2');
  });
  test('a value that looks like a token is output as is, not evaluated again', () => {
    expect(body('[$(username)]', { username: '$(if x)$(ip)' })).toBe('[$(if x)$(ip)]');
  });
});
