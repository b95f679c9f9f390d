/**
 * A typed voucher code becomes the credentials the router knows, under `login.voucher`; the build
 * hands the same settings to the pages.
 */
import { describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { normaliseVoucherCode, voucherLogin, type VoucherSettings } from '../../portal/hotspot/login.ts';
import { clientConfig } from '../../tools/build/plugin-i18n.ts';
import { validateConfig } from '../../tools/config/index.ts';

const DEFAULTS: VoucherSettings = { case: 'upper', ignore: ' -', password: 'same-as-code' };

describe('voucher login', () => {
  it('drops separators and white space and sends capitals by default, code as user name and password', () => {
    expect(voucherLogin(' abcd-ef23 ', DEFAULTS)).toEqual({ username: 'ABCDEF23', password: 'ABCDEF23' });
    expect(voucherLogin('AB CD\tEF\n23', DEFAULTS)).toEqual({ username: 'ABCDEF23', password: 'ABCDEF23' });
  });

  it('keeps the case when set to as-typed', () => {
    expect(voucherLogin('aBc-D', { ...DEFAULTS, case: 'as-typed' })).toEqual({ username: 'aBcD', password: 'aBcD' });
  });

  it('drops only the configured separators', () => {
    const s = { ...DEFAULTS, ignore: '.' };
    expect(normaliseVoucherCode('ab.cd-ef', s)).toBe('ABCD-EF');
    expect(normaliseVoucherCode('ab cd', { ...DEFAULTS, ignore: '' })).toBe('ABCD');
  });

  it('sends an empty password when the code is the user name only', () => {
    expect(voucherLogin('k7p-q9x', { ...DEFAULTS, password: 'empty' })).toEqual({ username: 'K7PQ9X', password: '' });
  });

  it('leaves a normalised code unchanged (the generator relies on it)', () => {
    const code = normaliseVoucherCode('ab-cd ef', DEFAULTS);
    expect(normaliseVoucherCode(code, DEFAULTS)).toBe(code);
  });

  it('reaches the pages from portal.config.ts through the build', () => {
    const raw = structuredClone(example) as any;
    raw.login.voucher = { case: 'as-typed', ignore: '.', password: 'empty' };
    expect(clientConfig(validateConfig(raw)).voucher).toEqual({ case: 'as-typed', ignore: '.', password: 'empty' });
    expect(clientConfig(validateConfig(example)).voucher).toEqual(DEFAULTS);
  });
});
