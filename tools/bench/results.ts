/** The shape of bench/results.json, and the targets the issue sets, judged from it. */
import type { DeployBenchResult } from './deploy-bench.ts';
import type { GuestTimingResult } from './guest-timing.ts';
import type { LoadResult } from './load.ts';
import type { Machine } from './machine.ts';
import type { FolderWeight } from './page-weight.ts';

export interface BenchSettings {
  guestRuns: number;
  deployIterations: number;
  fleetSize: number;
  fleetRuns: number;
  fleetConcurrency: number;
  loadGuests: number;
  loadMaxLogins: number;
  loadMaxSeconds: number;
}

export interface BenchResults {
  mode: 'full' | 'quick';
  date: string;
  seconds: number;
  machine: Machine;
  settings: BenchSettings;
  pageWeight: { portal: FolderWeight; baseline: FolderWeight };
  guest: GuestTimingResult;
  deploy: DeployBenchResult;
  load: LoadResult;
  /** The same crowd with every login sent to a real FreeRADIUS; null when FreeRADIUS is not installed. */
  loadRadius?: LoadResult | null;
  targets: Target[];
}

export type TargetUnit = 'bytes' | 'requests' | 'ratio' | 'errors';

export interface Target {
  id: string;
  /** What is promised, in words. */
  text: string;
  measured: number;
  limit: number;
  unit: TargetUnit;
  met: boolean;
  /** Where the figure comes from. */
  source: string;
}

/** The targets; each is met when the measured figure is at most its limit. */
export function evaluateTargets(r: Omit<BenchResults, 'targets'>): Target[] {
  const t = (id: string, text: string, measured: number, limit: number, unit: TargetUnit, source: string): Target => ({
    id,
    text,
    measured,
    limit,
    unit,
    met: measured <= limit,
    source,
  });
  return [
    t('login-bytes', 'login page over the wire ≤ 40 KB', r.guest.portal.loginWireBytes.median, 40 * 1024, 'bytes', 'Chromium: bytes received for the login document and everything it loaded (headers and bodies), median'),
    t('login-requests', 'login page in ≤ 4 requests', r.guest.portal.loginRequests.median, 4, 'requests', 'Chromium: requests made by the login document, itself included, median'),
    t('ready-ratio', 'time to ready ≤ 1.3× the plain baseline', r.guest.ratios.ready, 1.3, 'ratio', 'median ready time, portal / baseline'),
    t('noop-redeploy', 'no-op redeploy ≤ 0.2× a full deploy', r.deploy.noopRatio, 0.2, 'ratio', 'median no-op redeploy / median full deploy'),
    t('fleet', r.deploy.fleet.routers === 10 ? 'ten routers ≤ 3× one router' : `${r.deploy.fleet.routers} routers ≤ 3× one router (quick mode; the target is for ten)`, r.deploy.fleet.ratio, 3, 'ratio', `median deployFleet of ${r.deploy.fleet.routers} routers / median full deploy of one`),
    t('load-errors', 'zero errors under load', r.load.errors, 0, 'errors', `${r.load.guests} concurrent guests doing CHAP`),
  ];
}
