/**
 * Malformed templates: each is a TemplateError (a UserError) whose message starts with
 * `file:line:col:` at the token that is wrong, and which carries the offending line.
 */
import { describe, expect, test } from 'vitest';
import { parseTemplate, TemplateError } from '../../tools/routeros/engine/index.ts';
import { UserError } from '../../tools/lib/errors.ts';

function parseError(text: string, file = 'login.html'): TemplateError {
  try {
    parseTemplate(text, file);
  } catch (err) {
    if (err instanceof TemplateError) return err;
    throw err;
  }
  throw new Error(`expected a TemplateError for ${JSON.stringify(text)}`);
}

/** Asserts the error's position, its message prefix and the line it shows; returns the problem text. */
function expectAt(text: string, line: number, col: number, file = 'login.html'): string {
  const err = parseError(text, file);
  expect(err).toBeInstanceOf(UserError);
  expect(err.file).toBe(file);
  expect(err.pos).toEqual({ line, col });
  expect(err.message.startsWith(`${file}:${line}:${col}: ${err.problem}`)).toBe(true);
  expect(err.lineText).toBe(text.split('\n')[line - 1]!.replace(/\r$/, ''));
  expect(err.message).not.toMatch(/\n\s+at /); // one sentence and the line, never a stack
  return err.problem;
}

// A page whose error sits on line 4; each case puts a different mistake there.
const page = (line4: string) => ['<!doctype html>', '<html>', '<body>', line4, '</body>', '</html>', ''].join('\r\n');

describe('unbalanced if / endif', () => {
  test('an $(if) never closed points at that $(if)', () => {
    expect(expectAt(page('  <p>$(if error)$(error)</p>'), 4, 6)).toContain('never closed');
  });
  test('with nesting, the outermost unclosed $(if) is named', () => {
    expect(expectAt('$(if a)\n  $(if b)x$(endif)\n', 1, 1)).toContain('never closed');
  });
  test('an $(endif) with no open $(if) points at the $(endif)', () => {
    expect(expectAt(page('  <p>$(if error)$(error)$(endif)$(endif)</p>'), 4, 33)).toContain('without an open');
  });
  test('$(else) and $(elif) outside any $(if)', () => {
    expect(expectAt(page('\t$(else)'), 4, 2)).toContain('"$(else)" without an open');
    expect(expectAt(page('x $(elif trial)'), 4, 3)).toContain('"$(elif …)" without an open');
  });
});

describe('branch order', () => {
  test('elif after else', () => {
    expect(expectAt("$(if a)\nA\n$(else)\nB\n  $(elif trial == 'yes')\n$(endif)", 5, 3)).toContain('after "$(else)"');
  });
  test('a second else', () => {
    expect(expectAt('$(if a)A$(else)B$(else)C$(endif)', 1, 17)).toContain('second "$(else)"');
  });
});

describe('conditions', () => {
  test.each([
    ['=', '$(if trial = yes)'],
    ['<', '$(if session-timeout-secs < 60)'],
    ['>', '$(if uptime-secs > 5)'],
    ['&&', '$(if trial && error)'],
    ['||', '$(if trial || error)'],
  ])('the unknown operator %s is refused and named', (op, token) => {
    const problem = expectAt(page(`<p>${token}x$(endif)</p>`), 4, 4);
    expect(problem).toContain(`unknown operator "${op}"`);
    expect(problem).toContain('only == and != exist');
  });
  test('&& after a quoted value: text follows the closing quote', () => {
    expect(expectAt("  $(if trial == 'yes' && error == '')x$(endif)", 1, 3)).toContain('text follows it');
  });
  test('an unquoted value with a space', () => {
    expect(expectAt('$(if username == John Smith)x$(endif)', 1, 1)).toContain('contains a space');
  });
  test('no condition after if', () => expect(expectAt('ab$(if)x$(endif)', 1, 3)).toContain('needs a condition'));
  test('no value after ==', () => expect(expectAt('$(if error ==)x$(endif)', 1, 1)).toContain('write ""'));
  test('a condition that does not start with a name', () => {
    expect(expectAt('$(if == x)y$(endif)', 1, 1)).toContain('does not start with a variable name');
  });
});

describe('stray "$("', () => {
  test('an unterminated $( at the end of a line', () => {
    expect(expectAt(page('  <a href="$(link-login-only">go</a>'), 4, 12)).toContain('unterminated "$("');
  });
  test('a token may not continue on the next line', () => {
    expect(expectAt('ok $(ip)\n$(if trial ==\n "yes")x$(endif)', 2, 1)).toContain('same line');
  });
  test("a jQuery call $('#x') in an inline script", () => {
    const text = ['<script>', '  var x = 1;', "  $('#x').hide();", '</script>'].join('\n');
    const problem = expectAt(text, 3, 3);
    expect(problem).toContain(`"$('#x')"`);
    expect(problem).toContain('.js file');
  });
  test('a shell snippet $(date +%s) in text', () => {
    expect(expectAt('<pre>echo $(date +%s)</pre>', 1, 11)).toContain('neither a variable nor a condition');
  });
  test('upper-case keywords are not keywords', () => {
    expect(expectAt('$(IF error)x$(ENDIF)', 1, 1)).toContain('neither a variable nor a condition');
  });
});

describe('http-status / http-header misuse', () => {
  test.each(['099', '20', '2000', 'abc', '3O2'])('http-status == %s is not a status code', (code) => {
    const problem = expectAt(`\n\n   $(if http-status == ${code})Hotspot redirect$(endif)`, 3, 4, 'redirect.html');
    expect(problem).toContain(`three digits not starting with 0, not "${code}"`);
  });
  test('"" as the code is refused', () => {
    expect(expectAt('$(if http-status == "")x$(endif)', 1, 1, 'redirect.html')).toContain('three digits');
  });
  test('http-status tested with != or bare', () => {
    expect(expectAt('$(if http-status != 302)x$(endif)', 1, 1, 'redirect.html')).toContain('can only be used as');
    expect(expectAt('$(if http-status)x$(endif)', 1, 1, 'redirect.html')).toContain('can only be used as');
  });
  test('http-status as an elif', () => {
    expect(expectAt('$(if a)x$(elif http-status == 302)y$(endif)', 1, 9, 'redirect.html')).toContain('can only be used as');
  });
  test('else inside a directive', () => {
    expect(expectAt('$(if http-header == "Location")a$(else)b$(endif)', 1, 33, 'redirect.html')).toContain('cannot have "$(else)"');
  });
  test('an invalid header name', () => {
    expect(expectAt('$(if http-header == "Bad Header")x$(endif)', 1, 1, 'redirect.html')).toContain('not a valid HTTP header name');
    expect(expectAt('$(if http-header == "X:Y")x$(endif)', 1, 1, 'redirect.html')).toContain('not a valid HTTP header name');
  });
});

test('columns count characters from the start of the line, after CRLF and tabs', () => {
  expect(expectAt('a\r\nb\r\n\t\t  $(endif)\r\n', 3, 5)).toContain('without an open');
});
