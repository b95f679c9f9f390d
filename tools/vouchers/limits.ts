/**
 * What a voucher buys: limit-uptime, limit-bytes-total and the profile's rate limit, checked as
 * RouterOS takes them and said in words of the ticket's language (Intl: any language Node knows).
 */
import { UserError } from '../lib/errors.ts';
import { parseDuration } from '../routeros/time.ts';

export interface VoucherLimits {
  /** limit-uptime, as RouterOS takes it (`1h`, `1d12h`); undefined: no time limit. */
  uptime?: string;
  /** limit-bytes-total in bytes; undefined: no data limit. */
  bytes?: number;
  /** rate-limit of the user profile, rx/tx (`2M/4M`). */
  rateLimit?: string;
}

const UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };

/** `500M` → 524288000: K, M, G, T count in 1024s, as RouterOS does. */
export function parseByteSize(text: string, flag = '--data'): number {
  const m = /^(\d+)([KMGT]?)$/i.exec(text.trim());
  const bytes = m ? Number(m[1]) * UNITS[m[2]!.toUpperCase()]! : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new UserError(`${flag} "${text}" is not a size: write it like 500M, 2G or a number of bytes.`);
  return bytes;
}

export function checkUptime(text: string, flag = '--uptime'): string {
  const ms = parseDuration(text);
  if (ms === undefined || Number.isNaN(ms) || ms < 1000)
    throw new UserError(`${flag} "${text}" is not a RouterOS duration: write it like 30m, 1h, 1d12h.`);
  return text;
}

const unit = (locale: string, value: number, u: string) =>
  new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long', maximumFractionDigits: 1 }).format(value);

/** `1d12h` → "1 day and 12 hours" (in the locale's words). */
export function durationWords(text: string, locale: string): string {
  let s = Math.round(parseDuration(text)! / 1000);
  const parts: string[] = [];
  for (const [u, size] of [
    ['week', 604800],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1],
  ] as const) {
    // Weeks only when they are whole: "10 days" reads better than "1 week and 3 days".
    if (u === 'week' && s % size !== 0) continue;
    const k = Math.floor(s / size);
    if (k > 0) parts.push(unit(locale, k, u));
    s -= k * size;
  }
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(parts);
}

/** 524288000 → "500 megabytes": binary units, as the router counts them. */
export function bytesWords(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return unit(locale, Math.round(v * 10) / 10, units[i]!);
}

/** `2M/4M` (upload/download from the router's side) → download speed in words: "4 megabits per second". */
export function rateWords(rate: string, locale: string): string {
  const [rx, tx = rx] = rate.split('/');
  const m = /^(\d+)([kKMG]?)$/.exec(tx!);
  if (!m) return rate;
  const u = { '': 'bit', k: 'kilobit', K: 'kilobit', M: 'megabit', G: 'gigabit' }[m[2]!]!;
  return unit(locale, Number(m[1]), `${u}-per-second`);
}
