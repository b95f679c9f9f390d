/** Transfers in flight on one connection (tools/deploy/pipelined.ts): the limits, the order, and a failure. */
import { describe, expect, it } from 'vitest';
import { pipelined } from '../../tools/deploy/pipelined.ts';

/** Items that finish in a scrambled order, recording what was in flight whenever one starts. */
function recorder(sizes: number[]) {
  const started: number[] = [];
  const finished: number[] = [];
  let running: number[] = [];
  const peaks: Array<{ count: number; bytes: number }> = [];
  const run = async (i: number) => {
    started.push(i);
    running.push(i);
    peaks.push({ count: running.length, bytes: running.reduce((n, j) => n + sizes[j]!, 0) });
    await new Promise((r) => setTimeout(r, (i * 7) % 5));
    running = running.filter((j) => j !== i);
    finished.push(i);
  };
  return { started, finished, peaks, run };
}

describe('pipelined transfers', () => {
  it('runs every item once, in order, within the transfers and bytes in flight', async () => {
    const sizes = [1000, 30_000, 500, 2000, 100, 100, 100, 100, 100, 100, 100, 100, 4000];
    const r = recorder(sizes);
    await pipelined(
      sizes.map((_, i) => i),
      (i) => sizes[i]!,
      r.run,
      { transfers: 4, bytes: 32_000 },
    );
    expect(r.started).toEqual(sizes.map((_, i) => i));
    expect([...r.finished].sort((a, b) => a - b)).toEqual(sizes.map((_, i) => i));
    expect(Math.max(...r.peaks.map((p) => p.count))).toBe(4);
    for (const p of r.peaks) expect(p.bytes).toBeLessThanOrEqual(32_000);
  });

  it('lets an item larger than the byte limit go alone', async () => {
    const sizes = [100, 50_000, 100];
    const r = recorder(sizes);
    await pipelined([0, 1, 2], (i) => sizes[i]!, r.run, { transfers: 8, bytes: 32_000 });
    expect(r.peaks[1]).toEqual({ count: 1, bytes: 50_000 });
    expect(r.finished).toHaveLength(3);
  });

  it('after a failure starts nothing more, lets those in flight finish, and throws the first failure', async () => {
    const started: number[] = [];
    let inFlight = 0;
    let settledAfterThrow = true;
    const run = async (i: number) => {
      started.push(i);
      inFlight++;
      await new Promise((r) => setTimeout(r, i === 2 ? 1 : 10));
      inFlight--;
      if (i === 2) throw new Error('item 2 failed');
      if (i === 3) throw new Error('item 3 failed later');
    };
    await expect(
      pipelined([0, 1, 2, 3, 4, 5, 6, 7], () => 1, run, { transfers: 4, bytes: 1000 }).finally(() => (settledAfterThrow = inFlight === 0)),
    ).rejects.toThrow('item 2 failed');
    expect(started).toEqual([0, 1, 2, 3]);
    expect(settledAfterThrow).toBe(true);
  });
});
