/** Human units for the status page, in the current language (Intl unit formatting). */
import { currentLocale } from './runtime.ts';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** The value in the largest decimal unit (steps of 1000) that keeps it at 1 or more. */
function scaleDecimal(amount: number, units: number): { value: number; index: number } {
  let value = amount;
  let index = 0;
  while (value >= 1000 && index < units - 1) {
    value /= 1000;
    index++;
  }
  return { value, index };
}

/** Decimal units (1 kB = 1000 B), as Intl names them; one decimal from kB up. */
export function formatBytes(bytes: number, locale = currentLocale()): string {
  const { value, index } = scaleDecimal(bytes, UNITS.length);
  // Intl's short "byte" reads "0 byte"; under a kilobyte the unit is written as B.
  if (index === 0) return `${new Intl.NumberFormat(locale).format(value)} B`;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[index],
    unitDisplay: 'short',
    maximumFractionDigits: 1,
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
  const { value, index } = scaleDecimal(bitsPerSecond, BIT_UNITS.length);
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: `${BIT_UNITS[index]}-per-second`,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}
