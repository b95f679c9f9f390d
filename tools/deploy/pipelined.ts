/**
 * Several SFTP transfers in flight on one connection, so that their round trips overlap instead of
 * adding up: a deploy uploads and reads back every file of the bundle, three and four requests each,
 * which one after another cost a router a few hundred round trips (seconds on a slow link) and woke
 * both ends for every answer.
 */

export interface PipelineLimits {
  /** Transfers at once. */
  transfers: number;
  /**
   * Bytes at once: transfers share the link, so each step's deadline (which grows with its own size
   * only) must not have to wait for much besides. A larger file goes alone.
   */
  bytes: number;
}

export const PIPELINE: PipelineLimits = { transfers: 8, bytes: 32 * 1024 };

/**
 * Runs `fn` for every item within the limits, starting them in order. After a failure no further item
 * starts; those in flight finish, then the first failure is thrown.
 */
export async function pipelined<T>(
  items: readonly T[],
  size: (item: T) => number,
  fn: (item: T) => Promise<void>,
  limits: PipelineLimits = PIPELINE,
): Promise<void> {
  let next = 0;
  let running = 0;
  let bytes = 0;
  let failure: { err: unknown } | undefined;
  let wake: (() => void) | undefined;
  const done = new Set<Promise<void>>();
  const fits = (n: number) => running === 0 || (running < limits.transfers && bytes + n <= limits.bytes);
  while (!failure && next < items.length) {
    const item = items[next]!;
    const n = size(item);
    if (!fits(n)) {
      await new Promise<void>((r) => (wake = r));
      continue;
    }
    next++;
    running++;
    bytes += n;
    const p: Promise<void> = fn(item)
      .catch((err: unknown) => void (failure ??= { err }))
      .finally(() => {
        running--;
        bytes -= n;
        done.delete(p);
        wake?.();
      });
    done.add(p);
  }
  await Promise.all(done);
  if (failure) throw failure.err;
}
