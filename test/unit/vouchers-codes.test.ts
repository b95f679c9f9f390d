/** Voucher codes: CSPRNG draws from the alphabet, never a name already on the router, and the rules' one-sentence refusals. */
import { describe, expect, it } from 'vitest';
import type { VoucherSettings } from '../../portal/hotspot/login.ts';
import { normaliseVoucherCode } from '../../portal/hotspot/login.ts';
import { checkRules, makeCodes, printedCode } from '../../tools/vouchers/codes.ts';
import { UserError } from '../../tools/lib/errors.ts';

const VOUCHER: VoucherSettings = { case: 'upper', ignore: ' -', password: 'same-as-code' };
const RULES = { alphabet: 'ABCDEFGHJKMNPQRSTUVWXYZ23456789', length: 8, voucher: VOUCHER };

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error('accepted');
};

describe('voucher codes', () => {
  it('makes distinct codes of the length from the alphabet only, which the login form sends unchanged', () => {
    const codes = makeCodes(2000, RULES, []);
    expect(new Set(codes).size).toBe(2000);
    for (const c of codes) {
      expect(c).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
      expect(normaliseVoucherCode(c, VOUCHER)).toBe(c);
    }
  });

  it('uses every character of the alphabet about equally (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (const c of makeCodes(3000, RULES, [])) for (const ch of c) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const expected = (3000 * 8) / 31;
    expect(counts.size).toBe(31);
    for (const n of counts.values()) expect(Math.abs(n - expected)).toBeLessThan(expected * 0.25);
  });

  it('never returns a name already on the router, whatever its case', () => {
    // A generator that first offers the taken names proves they are skipped: AAAA, then ABAB (taken as abab), then BBBB.
    const draws = [0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1];
    let i = 0;
    const codes = makeCodes(1, { ...RULES, length: 4 }, ['AAAA', 'abab'], () => draws[i++]!);
    expect(codes).toEqual(['BBBB']);
    expect(i).toBe(12);
  });

  it('refuses what cannot work, in one sentence', () => {
    expect(refusal(() => checkRules(RULES, 10_001, 0))).toBe('--count 10001 is not a number from 1 to 10,000: make larger runs as several batches.');
    expect(refusal(() => checkRules({ ...RULES, length: 4 }, 1000, 0))).toMatch(
      /^31 characters in 4-character codes make 923,521 codes, too few to keep 1,000 vouchers hard to guess: use --length 5 or more/,
    );
    expect(refusal(() => checkRules({ ...RULES, alphabet: 'AB', length: 12 }, 10, 0))).toMatch(
      /^2 characters in 12-character codes make 4,096 codes, too few .* use --length 14 or more/,
    );
    expect(refusal(() => checkRules({ ...RULES, alphabet: 'abc123' }, 10, 0))).toMatch(
      /lower-case letters \(abc\) but the login form sends codes in capitals/,
    );
    expect(refusal(() => checkRules({ ...RULES, alphabet: 'AB-CD' }, 10, 0))).toMatch(/may hold only letters/);
    expect(checkRules({ ...RULES, alphabet: 'abcdefghijk', voucher: { ...VOUCHER, case: 'as-typed' } }, 10, 0)).toBe('abcdefghijk');
  });

  it('counts the vouchers already on the router against the code space', () => {
    const rules = { ...RULES, alphabet: '0123456789', length: 6 };
    expect(() => checkRules(rules, 500, 0)).not.toThrow();
    expect(() => checkRules(rules, 500, 600)).toThrow(/too few to keep 1,100 vouchers/);
  });

  it('prints codes in groups of four with a separator the login form drops', () => {
    expect(printedCode('ABCDEFGH', VOUCHER)).toBe('ABCD EFGH');
    expect(printedCode('ABCDEFGHJK', { ...VOUCHER, ignore: '-' })).toBe('ABCD-EFGH-JK');
    expect(printedCode('ABCDEFGH', { ...VOUCHER, ignore: '' })).toBe('ABCDEFGH');
    expect(normaliseVoucherCode(printedCode('ABCDEFGHJK', VOUCHER), VOUCHER)).toBe('ABCDEFGHJK');
  });
});
