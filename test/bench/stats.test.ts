/** The bench's statistics: medians, quartiles and ratios of a handful of runs. */
import { describe, expect, it } from 'vitest';
import { median, quantile, ratio, summarize } from '../../tools/bench/stats.ts';

describe('bench statistics', () => {
  it('take the middle sample of an odd count and the mean of the two middle ones of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('interpolate quartiles between ranks, whatever the input order', () => {
    const s = summarize([10, 40, 20, 30, 50]);
    expect(s).toEqual({ n: 5, median: 30, min: 10, max: 50, q1: 20, q3: 40 });
    expect(summarize([4, 1, 3, 2])).toEqual({ n: 4, median: 2.5, min: 1, max: 4, q1: 1.75, q3: 3.25 });
    expect(quantile([0, 10], 0.3)).toBeCloseTo(3);
  });

  it("leave the caller's array as it was", () => {
    const samples = [3, 1, 2];
    summarize(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuse no samples, a sample that is not a number, and an out-of-range quantile', () => {
    expect(() => median([])).toThrow(/no samples/);
    expect(() => summarize([1, Number.NaN], 'ready')).toThrow(/ready has a sample that is not a finite number/);
    expect(() => quantile([1, 2], 1.5)).toThrow(/not between 0 and 1/);
  });

  it('divide, refusing a zero denominator', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(() => ratio(1, 0, 'ready')).toThrow(/ready: cannot divide 1 by 0/);
  });
});
