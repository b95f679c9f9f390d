/**
 * Statistics for the bench: medians and spread of a handful of timed runs. Quartiles use linear
 * interpolation between closest ranks (the method spreadsheets call QUARTILE.INC), so small samples
 * give stable, explainable figures.
 */

export interface Summary {
  /** How many samples. */
  n: number;
  median: number;
  min: number;
  max: number;
  /** First and third quartile. */
  q1: number;
  q3: number;
}

function sorted(samples: readonly number[], what: string): number[] {
  if (samples.length === 0) throw new Error(`no samples for ${what}`);
  for (const x of samples) if (!Number.isFinite(x)) throw new Error(`${what} has a sample that is not a finite number: ${x}`);
  return [...samples].sort((a, b) => a - b);
}

/** The p-quantile (0 ≤ p ≤ 1) of ascending samples, interpolating linearly between ranks. */
export function quantile(ascending: readonly number[], p: number): number {
  if (ascending.length === 0) throw new Error('no samples');
  if (!(p >= 0 && p <= 1)) throw new Error(`quantile ${p} is not between 0 and 1`);
  const pos = (ascending.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return ascending[lo]! + (ascending[hi]! - ascending[lo]!) * (pos - lo);
}

export function median(samples: readonly number[], what = 'median'): number {
  return quantile(sorted(samples, what), 0.5);
}

export function summarize(samples: readonly number[], what = 'samples'): Summary {
  const s = sorted(samples, what);
  return { n: s.length, median: quantile(s, 0.5), min: s[0]!, max: s[s.length - 1]!, q1: quantile(s, 0.25), q3: quantile(s, 0.75) };
}

/** a / b, refusing a zero or negative denominator (a figure that went wrong, not a ratio). */
export function ratio(a: number, b: number, what = 'ratio'): number {
  if (!(b > 0) || !Number.isFinite(a)) throw new Error(`${what}: cannot divide ${a} by ${b}`);
  return a / b;
}

/** Rounds for reports: ms to whole numbers, ratios to two decimals. */
export const round = (x: number, digits = 0): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
