/** The bench's run sizes and folders, apart from the run itself so that `npm run bench --help` loads nothing heavy. */
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSettings } from './results.ts';

export const FULL: BenchSettings = {
  guestRuns: 7,
  deployIterations: 5,
  fleetSize: 10,
  fleetRuns: 3,
  fleetConcurrency: 4,
  loadGuests: 200,
  loadMaxLogins: 20_000,
  loadMaxSeconds: 15,
};

export const QUICK: BenchSettings = {
  guestRuns: 2,
  deployIterations: 1,
  fleetSize: 3,
  fleetRuns: 1,
  fleetConcurrency: 4,
  loadGuests: 50,
  loadMaxLogins: 1_000,
  loadMaxSeconds: 3,
};

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BASELINE_DIR = join(ROOT, 'bench', 'baseline');

/**
 * The pictures the bench brands the portal with to show they do not hold the form back: a 15 KB PNG
 * wordmark (400 × 100) in the large logo slot and a 20 KB WebP hero. Paths as brand files are given,
 * relative to the folder the build runs in (the project's).
 */
export const BENCH_PICTURES = {
  logo: relative(process.cwd(), join(ROOT, 'bench', 'brand', 'wordmark.png')),
  logoSize: 'large' as const,
  hero: relative(process.cwd(), join(ROOT, 'bench', 'brand', 'hero.webp')),
};

/** Where results go: bench/ for a full run, bench/tmp/ for a quick one (never over the committed files). */
export function outputDir(quick: boolean, out?: string): string {
  if (out) return out;
  return quick ? join(ROOT, 'bench', 'tmp') : join(ROOT, 'bench');
}
