/**
 * Variables (fact sheet §2): `$(name)`, the `-esc` form-URL-encoding (§2.8), the RADIUS forms (§2.7),
 * and the three kinds of variable source a render context accepts.
 */
import { describe, expect, test } from 'vitest';
import { formEscape, isKnownVariable, render, resolveVariable, type RenderContext } from '../../tools/routeros/engine/index.ts';

const out = (text: string, ctx: RenderContext) => render(text, 'page.html', ctx);

describe('$(name)', () => {
  test('prints the raw value, with no HTML escaping (§7.1)', () => {
    const r = out('<input value="$(username)"> $(ip)', { vars: { username: '"><script>x()</script>', ip: '10.5.50.2' } });
    expect(r.body).toBe('<input value=""><script>x()</script>"> 10.5.50.2');
    expect(r.unknown).toEqual([]);
  });
  test('the same variable may appear many times', () => {
    expect(out('$(mac)|$(mac)|$(mac)', { vars: { mac: '00:0C:42:12:34:56' } }).body).toBe('00:0C:42:12:34:56|00:0C:42:12:34:56|00:0C:42:12:34:56');
  });
  test('a chap value keeps its backslashes as literal text (§4.2)', () => {
    const challenge = '\\357\\015\\330\\013\\021\\234\\145\\245\\303\\253\\142\\246\\133\\175\\375\\316';
    const r = out("hexMD5('$(chap-id)' + p + '$(chap-challenge)')", { vars: { 'chap-id': '\\371', 'chap-challenge': challenge } });
    expect(r.body).toBe(`hexMD5('\\371' + p + '${challenge}')`);
  });
});

describe('variable sources', () => {
  const text = '$(ip) $(mac)';
  test('a plain record', () => expect(out(text, { vars: { ip: '1.2.3.4', mac: 'm' } }).body).toBe('1.2.3.4 m'));
  test('a Map', () =>
    expect(
      out(text, {
        vars: new Map([
          ['ip', '1.2.3.4'],
          ['mac', 'm'],
        ]),
      }).body,
    ).toBe('1.2.3.4 m'));
  test('a function, asked once per name and use', () => {
    const asked: string[] = [];
    const vars = (name: string) => {
      asked.push(name);
      return name === 'ip' ? '1.2.3.4' : undefined;
    };
    const r = out(text, { vars });
    expect(r.body).toBe('1.2.3.4 ');
    expect(r.unknown).toEqual(['mac']);
    expect(asked).toEqual(['ip', 'mac']);
  });
  test('inherited object properties are not variables', () => {
    const r = out('[$(constructor)][$(toString)][$(hasOwnProperty)]', { vars: { ip: 'x' } });
    expect(r.body).toBe('[][][]');
    expect(r.unknown).toEqual(['constructor', 'toString', 'hasOwnProperty']);
  });
});

describe('$(name-esc): form URL encoding (§2.8)', () => {
  test("the manual's example: 123&456=1 2 becomes 123%26456%3D1+2", () => {
    expect(formEscape('123&456=1 2')).toBe('123%26456%3D1+2');
    expect(out('$(username-esc)', { vars: { username: '123&456=1 2' } }).body).toBe('123%26456%3D1+2');
  });
  test('a space becomes "+", and a literal "+" is encoded so the two stay apart', () => {
    expect(formEscape('a b+c')).toBe('a+b%2Bc');
  });
  test('quotes, angle brackets, backslash and ampersand are encoded, so the value is safe in a quoted JS string', () => {
    expect(formEscape(`'"<>\\&`)).toBe('%27%22%3C%3E%5C%26');
  });
  test('URL characters are encoded: link-orig-esc as the default trial link uses it', () => {
    const r = out('dst=$(link-orig-esc)', { vars: { 'link-orig': 'http://www.example.com/a b?x=1&y=2#top' } });
    expect(r.body).toBe('dst=http%3A%2F%2Fwww.example.com%2Fa+b%3Fx%3D1%26y%3D2%23top');
  });
  test('a MAC address has its colons encoded (the trial user name T-$(mac-esc))', () => {
    expect(out('T-$(mac-esc)', { vars: { mac: '00:0C:42:12:34:56' } }).body).toBe('T-00%3A0C%3A42%3A12%3A34%3A56');
  });
  test('letters, digits and * - . _ stay bare; non-ASCII is UTF-8 percent-encoded', () => {
    expect(formEscape('AZaz09*-._')).toBe('AZaz09*-._');
    expect(formEscape('é€')).toBe('%C3%A9%E2%82%AC');
  });
  test('decoding with URLSearchParams gives back the exact value', () => {
    for (const value of ['123&456=1 2', 'a+b c', "O'Brien <x@y>", 'ünï 🙂', '%41', '', ' ']) {
      expect(new URLSearchParams(`v=${formEscape(value)}`).get('v')).toBe(value);
    }
  });
  test('an empty value stays empty, and every variable has the form', () => {
    expect(out('[$(error-esc)][$(var-esc)]', { vars: { error: '', var: 'a=b' } }).body).toBe('[][a%3Db]');
  });
  test('the -esc of an unknown name is unknown too, under its written name', () => {
    const r = out('[$(nosuch-esc)]', { vars: {} });
    expect(r.body).toBe('[]');
    expect(r.unknown).toEqual(['nosuch-esc']);
  });
  test('a value the source holds under the -esc name itself is used as given', () => {
    expect(out('$(ip-esc)', { vars: { ip: '1.2.3.4', 'ip-esc': 'given' } }).body).toBe('given');
  });
});

describe('RADIUS attributes (§2.7)', () => {
  const radius = {
    '18': ['Welcome', 'Your plan: 1 GB', 'Expires 2030-01-01'],
    '27': ['3600'],
    '25': ['class a'],
    '26-14988': ['gold plan'],
    '8-14988': ['42'],
  };
  const ctx: RenderContext = { vars: {}, radius };
  const value = (name: string) => resolveVariable(name, ctx);

  test('radius<id> is the first value as text', () => expect(value('radius18')).toBe('Welcome'));
  test('radius<id>[n] indexes repeated attributes from 0', () => {
    expect(out('$(radius18[0])|$(radius18[1])|$(radius18[2])', ctx).body).toBe('Welcome|Your plan: 1 GB|Expires 2030-01-01');
  });
  test('an index past the last value is empty', () => expect(value('radius18[3]')).toBe(''));
  test('radius<id>u is the value as an unsigned number', () => expect(value('radius27u')).toBe('3600'));
  test('radius<id>u is 0 when the attribute is absent or not a number', () => {
    expect(value('radius99u')).toBe('0');
    expect(value('radius25u')).toBe('0');
  });
  test('radius<id> is empty when the attribute is absent', () => expect(value('radius99')).toBe(''));
  test('vendor-specific: radius<id>-<vendor> and radius<id>-<vendor>u', () => {
    expect(value('radius26-14988')).toBe('gold plan');
    expect(value('radius8-14988u')).toBe('42');
    expect(value('radius8-9u')).toBe('0');
    expect(value('radius26-9')).toBe('');
  });
  test('without any RADIUS reply the text forms are empty and the u forms 0, never unknown', () => {
    const r = out('[$(radius18)][$(radius27u)][$(radius26-14988)][$(radius26-14988u)][$(radius18[1])]', { vars: {} });
    expect(r.body).toBe('[][0][][0][]');
    expect(r.unknown).toEqual([]);
  });
  test('radius values have an -esc form', () => {
    expect(out('$(radius18[1]-esc)|$(radius18-esc)', ctx).body).toBe('Your+plan%3A+1+GB|Welcome');
    expect(out('$(radius26-14988-esc)', ctx).body).toBe('gold+plan');
  });
});

describe('isKnownVariable', () => {
  test.each(['mac', 'mac-esc', 'link-orig-esc', 'error-type', 'radius18', 'radius18[4]', 'radius27u', 'radius26-14988u', 'remain-bytes-total'])(
    '%s is known',
    (name) => expect(isKnownVariable(name)).toBe(true),
  );
  test.each(['document', 'nosuch', 'mac-esc-esc', 'radius', 'radiusx', 'http-status', 'http-header', 'MAC'])('%s is not known', (name) =>
    expect(isKnownVariable(name)).toBe(false),
  );
});
