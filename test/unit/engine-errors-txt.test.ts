/**
 * errors.txt (fact sheet §6): comments, blank lines, `key = message` lines whose messages use
 * variables, and the error / error-orig / error-type trio the servlet fills from it.
 */
import { describe, expect, test } from 'vitest';
import { errorVariables, parseErrorsTxt, render, renderTemplate, TemplateError } from '../../tools/routeros/engine/index.ts';

// A translated errors.txt in the default file's layout (comments written for this test).
const ERRORS_TXT = [
  '# Messages shown on the login page; each line is key = message.',
  "# $(error-orig) is the router's own text, $(username) and $(ip) the client's.",
  '',
  'invalid-username = Benutzername oder Passwort falsch',
  'user-session-limit = Keine weiteren Sitzungen für $(username)',
  '',
  '   # an indented comment',
  'not-logged-in = Nicht angemeldet (IP $(ip))',
  'radius-reply = RADIUS: $(error-orig)',
  'internal-error = Interner Fehler [$(error-type)]: $(error-orig)',
  'chap-missing=Bitte erneut versuchen',
  '',
].join('\r\n');

describe('parseErrorsTxt', () => {
  const parsed = parseErrorsTxt(ERRORS_TXT, 'errors.txt');

  test('reads every key = message line and skips comments and blank lines', () => {
    expect([...parsed.messages.keys()]).toEqual([
      'invalid-username',
      'user-session-limit',
      'not-logged-in',
      'radius-reply',
      'internal-error',
      'chap-missing',
    ]);
    expect(parsed.file).toBe('errors.txt');
  });
  test('messages are templates: variables are filled in, the CRLF is not part of the message', () => {
    const msg = (key: string, vars: Record<string, string>) => renderTemplate(parsed.messages.get(key)!, { vars }).body;
    expect(msg('invalid-username', {})).toBe('Benutzername oder Passwort falsch');
    expect(msg('user-session-limit', { username: 'ann' })).toBe('Keine weiteren Sitzungen für ann');
    expect(msg('not-logged-in', { ip: '10.5.50.9' })).toBe('Nicht angemeldet (IP 10.5.50.9)');
  });
  test('"key=message" without spaces is accepted; spaces around the message are dropped', () => {
    const p = parseErrorsTxt('chap-missing=try again   \nuptime-limit =  two spaces\n', 'errors.txt');
    expect(renderTemplate(p.messages.get('chap-missing')!, { vars: {} }).body).toBe('try again');
    // Layout spaces around "=" are not part of the message (docs/routeros-fidelity.md).
    expect(renderTemplate(p.messages.get('uptime-limit')!, { vars: {} }).body).toBe('two spaces');
  });
  test('a message may hold conditions', () => {
    const p = parseErrorsTxt('uptime-limit = $(if username)$(username): $(endif)time is up\n', 'errors.txt');
    expect(renderTemplate(p.messages.get('uptime-limit')!, { vars: { username: 'bob' } }).body).toBe('bob: time is up');
    expect(renderTemplate(p.messages.get('uptime-limit')!, { vars: { username: '' } }).body).toBe('time is up');
  });
  test('an empty file has no messages', () => expect(parseErrorsTxt('', 'errors.txt').messages.size).toBe(0));
});

describe('errorVariables', () => {
  const errorsTxt = parseErrorsTxt(ERRORS_TXT, 'lv/errors.txt');

  test('a translated key: error from errors.txt, error-orig the built-in text, error-type the key', () => {
    expect(errorVariables('invalid-username', { vars: {} }, errorsTxt)).toEqual({
      error: 'Benutzername oder Passwort falsch',
      'error-orig': 'invalid username or password',
      'error-type': 'invalid-username',
    });
  });
  test("both texts are filled with the client's variables", () => {
    expect(errorVariables('user-session-limit', { vars: { username: 'ann' } }, errorsTxt)).toEqual({
      error: 'Keine weiteren Sitzungen für ann',
      'error-orig': 'no more sessions are allowed for user ann',
      'error-type': 'user-session-limit',
    });
  });
  test('a key missing from errors.txt falls back to error-orig', () => {
    expect(errorVariables('uptime-limit', { vars: { username: 'bob' } }, errorsTxt)).toEqual({
      error: 'user bob has reached uptime limit',
      'error-orig': 'user bob has reached uptime limit',
      'error-type': 'uptime-limit',
    });
  });
  test('without any errors.txt every message is the built-in one', () => {
    expect(errorVariables('not-logged-in', { vars: { ip: '10.5.50.3' } })).toEqual({
      error: 'you are not logged in (ip 10.5.50.3)',
      'error-orig': 'you are not logged in (ip 10.5.50.3)',
      'error-type': 'not-logged-in',
    });
  });
  test('radius-reply: the RADIUS detail becomes error-orig and is used by the translation', () => {
    expect(errorVariables('radius-reply', { vars: {} }, errorsTxt, 'Voucher expired')).toEqual({
      error: 'RADIUS: Voucher expired',
      'error-orig': 'Voucher expired',
      'error-type': 'radius-reply',
    });
    expect(errorVariables('radius-reply', { vars: {} }, undefined, 'Voucher expired').error).toBe('Voucher expired');
  });
  test('for keys whose built-in text wraps $(error-orig), error-orig is the detail itself', () => {
    expect(errorVariables('internal-error', { vars: {} }, errorsTxt, 'disk full')).toEqual({
      error: 'Interner Fehler [internal-error]: disk full',
      'error-orig': 'disk full',
      'error-type': 'internal-error',
    });
  });
  test("RouterOS's own errors.txt line does not wrap the detail twice", () => {
    const own = parseErrorsTxt('internal-error = internal error ($(error-orig))\n', 'errors.txt');
    expect(errorVariables('internal-error', { vars: {} }, own, 'disk full').error).toBe('internal error (disk full)');
    expect(errorVariables('internal-error', { vars: {} }, undefined, 'disk full').error).toBe('disk full');
  });
  test('a key RouterOS does not know uses the detail as its text', () => {
    expect(errorVariables('otp-already-used', { vars: {} }, errorsTxt, 'this OTP token is already used')).toEqual({
      error: 'this OTP token is already used',
      'error-orig': 'this OTP token is already used',
      'error-type': 'otp-already-used',
    });
  });
  test('the trio, put into the login page, shows the translated message (and its -esc form)', () => {
    const vars = { username: 'ann', ip: '10.5.50.3', ...errorVariables('user-session-limit', { vars: { username: 'ann' } }, errorsTxt) };
    const page = '<p class="info">$(if error)$(error)$(endif)</p><script>var e = "$(error-esc)", t = "$(error-type)";</script>';
    expect(render(page, 'login.html', { vars }).body).toBe(
      '<p class="info">Keine weiteren Sitzungen für ann</p>' +
        '<script>var e = "Keine+weiteren+Sitzungen+f%C3%BCr+ann", t = "user-session-limit";</script>',
    );
  });
});

describe('malformed errors.txt names file, line and column', () => {
  const fail = (text: string): TemplateError => {
    try {
      parseErrorsTxt(text, 'lv/errors.txt');
    } catch (err) {
      if (err instanceof TemplateError) return err;
      throw err;
    }
    throw new Error('expected a TemplateError');
  };
  test('a line that is neither a comment nor key = message', () => {
    const err = fail('# ok\ninvalid-username = fine\n  this is prose\n');
    expect(err.file).toBe('lv/errors.txt');
    expect(err.pos).toEqual({ line: 3, col: 3 });
    expect(err.message).toMatch(/^lv\/errors\.txt:3:3: .*key = message/);
    expect(err.lineText).toBe('  this is prose');
  });
  test('an upper-case key is not a key', () => {
    expect(fail('\r\nInvalid-Username = x\r\n').pos).toEqual({ line: 2, col: 1 });
  });
  test('a broken template in a message points into the message itself', () => {
    const err = fail('# comment\n\n  radius-reply = reply: $(error-orig\n');
    expect(err.pos).toEqual({ line: 3, col: 25 });
    expect(err.message.startsWith('lv/errors.txt:3:25: unterminated "$("')).toBe(true);
    expect(err.lineText).toBe('  radius-reply = reply: $(error-orig');
  });
  test('an unclosed $(if) in a message', () => {
    const err = fail('uptime-limit = ok\ntraffic-limit = $(if username)$(username) over quota\n');
    expect(err.pos).toEqual({ line: 2, col: 17 });
    expect(err.message).toContain('never closed');
  });
});
