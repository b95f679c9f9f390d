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

export type TargetUnit = 'bytes' | 'requests' | 'ratio' | 'errors' | 'shift';

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
    met: measured <= limit, // NaN (a figure an older run did not measure) is never met
    source,
  });
  const others = r.pageWeight.portal.pages.filter((p) => p.page !== 'login.html');
  const heaviest = others.reduce((a, b) => (b.bytes > a.bytes ? b : a), others[0] ?? { page: '—', bytes: 0 });
  const g = r.guest;
  return [
    t(
      'form-ratio',
      'login form painted ≤ 1.1× the plain baseline',
      g.ratios.formPainted,
      1.1,
      'ratio',
      'median form-painted time, portal / baseline',
    ),
    t('ready-ratio', 'form ready to submit ≤ 1.15× the plain baseline', g.ratios.ready, 1.15, 'ratio', 'median ready time, portal / baseline'),
    t(
      'pictures-ready-ratio',
      'a 15 KB logo and a 20 KB hero do not hold the form back: form ready ≤ 1.05× without them',
      g.ratios.picturesReady ?? NaN,
      1.05,
      'ratio',
      'median ready time of the portal built with the pictures of bench/brand/, / the same without them',
    ),
    t('logged-in-ratio', 'guest logged in ≤ 1.2× the plain baseline', g.ratios.loggedIn, 1.2, 'ratio', 'median logged-in time, portal / baseline'),
    t(
      'connect-ratio',
      'click on "Log in" → connected page ≤ 1.2× the plain baseline',
      g.ratios.submitToConnected,
      1.2,
      'ratio',
      'median click-to-connected time, portal / baseline',
    ),
    t(
      'before-submit-bytes',
      'bytes the login form needs before it can be submitted ≤ 14 KB',
      g.portal.beforeSubmitBytes?.median ?? NaN,
      14 * 1024,
      'bytes',
      'Chromium: the login document and what its markup loads (not what scripts load later), headers included, median',
    ),
    t(
      'login-bytes',
      'everything the login page loads ≤ 36 KB over the wire',
      g.portal.loginWireBytes.median,
      36 * 1024,
      'bytes',
      'Chromium: bytes received for the login document and everything it loaded (headers and bodies), median',
    ),
    t(
      'other-pages',
      `every other page with what it loads ≤ 24 KB (heaviest: ${heaviest.page})`,
      heaviest.bytes,
      24 * 1024,
      'bytes',
      'built files: the page, its scripts and the largest other language (tools/build/budgets.ts)',
    ),
    t(
      'layout-shift',
      'login page layout shift ≈ 0 (≤ 0.01)',
      g.portal.layoutShift?.median ?? NaN,
      0.01,
      'shift',
      'Chromium: cumulative layout shift of the login page up to the click, median',
    ),
    t(
      'login-requests',
      'login page in ≤ 4 requests',
      g.portal.loginRequests.median,
      4,
      'requests',
      'Chromium: requests made by the login document, itself included, median',
    ),
    t('noop-redeploy', 'no-op redeploy ≤ 0.2× a full deploy', r.deploy.noopRatio, 0.2, 'ratio', 'median no-op redeploy / median full deploy'),
    t(
      'fleet',
      r.deploy.fleet.routers === 10
        ? 'ten routers ≤ 3× one router'
        : `${r.deploy.fleet.routers} routers ≤ 3× one router (quick mode; the target is for ten)`,
      r.deploy.fleet.ratio,
      3,
      'ratio',
      `median deployFleet of ${r.deploy.fleet.routers} routers / median full deploy of one`,
    ),
    t('load-errors', 'zero errors under load', r.load.errors, 0, 'errors', `${r.load.guests} concurrent guests doing CHAP`),
  ];
}
