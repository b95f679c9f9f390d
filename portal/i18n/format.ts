/** Human units for the status page, in the current language (Intl unit formatting). */
import { currentLocale } from './runtime.ts';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** Decimal units (1 kB = 1000 B), as Intl names them; one decimal from kB up. */
export function formatBytes(bytes: number, locale = currentLocale()): string {
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < UNITS.length - 1) {
    value /= 1000;
    i++;
  }
  // Intl's short "byte" reads "0 byte"; under a kilobyte the unit is written as B.
  if (i === 0) return `${new Intl.NumberFormat(locale).format(value)} B`;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[i],
    unitDisplay: 'short',
    maximumFractionDigits: i === 0 ? 0 : 1,
  }).format(value);
}

/** `1 hr, 2 min` style durations from seconds, largest two units. */
export function formatSeconds(total: number, locale = currentLocale()): string {
  const parts: Array<[number, 'day' | 'hour' | 'minute' | 'second']> = [
    [Math.floor(total / 86400), 'day'],
    [Math.floor((total % 86400) / 3600), 'hour'],
    [Math.floor((total % 3600) / 60), 'minute'],
    [Math.floor(total % 60), 'second'],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  if (!shown.length) shown.push([0, 'second']);
  const texts = shown.map(([n, unit]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(n));
  return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(texts);
}

/** ISO 8601 duration for `<time datetime>`. */
export function isoDuration(total: number): string {
  return `PT${Math.max(0, Math.floor(total))}S`;
}

const BIT_UNITS = ['bit', 'kilobit', 'megabit', 'gigabit'] as const;

/** A rate in bits per second, in decimal units as RouterOS counts them: "8 Mb/s" in English. */
export function formatBitRate(bitsPerSecond: number, locale = currentLocale()): string {
  let value = bitsPerSecond;
  let i = 0;
  while (value >= 1000 && i < BIT_UNITS.length - 1) {
    value /= 1000;
    i++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: `${BIT_UNITS[i]}-per-second`,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}
