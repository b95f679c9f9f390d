/**
 * Voucher codes: drawn from a cryptographically secure generator (node:crypto randomInt, unbiased),
 * never one already on the router, and only from characters the portal's voucher setting leaves as
 * they are, so a printed code is exactly what the login form sends.
 */
import { randomInt } from 'node:crypto';
import { normaliseVoucherCode, type VoucherSettings } from '../../portal/hotspot/login.ts';
import { UserError } from '../lib/errors.ts';

export const MAX_COUNT = 10_000;

/** A code space at least this many times the vouchers on the router keeps a guessed code unlikely to work. */
export const GUESS_MARGIN = 1000;

export interface CodeRules {
  alphabet: string;
  length: number;
  /** `login.voucher` of portal.config.ts: what the login form does to a typed code. */
  voucher: VoucherSettings;
}

const n = (x: number) => x.toLocaleString('en-US');

export function checkCount(count: number): number {
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    throw new UserError(`--count ${count} is not a number from 1 to ${n(MAX_COUNT)}: make larger runs as several batches.`);
  }
  return count;
}

/** The alphabet without repeats, after checking every character survives the login form as typed. */
export function checkRules(rules: CodeRules, count: number, onRouter: number): string {
  checkCount(count);
  if (!Number.isInteger(rules.length) || rules.length < 4 || rules.length > 32)
    throw new UserError(`--length ${rules.length} is not a number from 4 to 32.`);
  const alphabet = [...new Set(rules.alphabet)].join('');
  if (!/^[A-Za-z0-9]+$/.test(alphabet))
    throw new UserError(
      `The code alphabet "${rules.alphabet}" may hold only letters A–Z, a–z and digits: other characters are hard to type on a phone.`,
    );
  const changed = [...alphabet].filter((c) => normaliseVoucherCode(c, rules.voucher) !== c);
  if (changed.length) {
    throw new UserError(
      `The code alphabet has lower-case letters (${changed.join('')}) but the login form sends codes in capitals (login.voucher.case is "upper"): use capitals, or set login.voucher.case to "as-typed".`,
    );
  }
  if (alphabet.length < 2) throw new UserError('The code alphabet needs at least two different characters.');
  const space = alphabet.length ** rules.length;
  const needed = (count + onRouter) * GUESS_MARGIN;
  if (space < needed) {
    const length = Math.ceil(Math.log(needed) / Math.log(alphabet.length));
    throw new UserError(
      `${n(alphabet.length)} characters in ${rules.length}-character codes make ${n(space)} codes, too few to keep ${n(count + onRouter)} vouchers hard to guess: use --length ${length} or more, or a larger --alphabet.`,
    );
  }
  return alphabet;
}

/** `count` new codes, none of them in `taken` (router user names, compared without regard to case). */
export function makeCodes(count: number, rules: CodeRules, taken: Iterable<string>, random: (max: number) => number = randomInt): string[] {
  const seen = new Set<string>();
  for (const t of taken) seen.add(t.toUpperCase());
  const alphabet = checkRules(rules, count, seen.size);
  const codes: string[] = [];
  // The code space is at least GUESS_MARGIN times what is taken, so a clash is rare and this ends quickly.
  while (codes.length < count) {
    let code = '';
    for (let i = 0; i < rules.length; i++) code += alphabet[random(alphabet.length)];
    const key = code.toUpperCase();
    if (seen.has(key)) continue;
    seen.add(key);
    codes.push(code);
  }
  return codes;
}

/**
 * The code as printed: in groups of four when the login form drops the separator used, so a guest
 * may type it with or without; otherwise in one piece.
 */
export function printedCode(code: string, voucher: VoucherSettings): string {
  const sep = voucher.ignore.includes(' ') ? ' ' : voucher.ignore.includes('-') ? '-' : '';
  if (!sep || code.length < 6) return code;
  return code.match(/.{1,4}/g)!.join(sep);
}
