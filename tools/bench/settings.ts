/** The bench's run sizes and folders, apart from the run itself so that `npm run bench --help` loads nothing heavy. */
import { join } from 'node:path';
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

/** Where results go: bench/ for a full run, bench/tmp/ for a quick one (never over the committed files). */
export function outputDir(quick: boolean, out?: string): string {
  if (out) return out;
  return quick ? join(ROOT, 'bench', 'tmp') : join(ROOT, 'bench');
}
