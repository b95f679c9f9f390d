/** The figure list shared by the status and logout pages. */
import type { Figure } from '../../components/hs-status-figures/hs-status-figures.ts';
import { statusFigures } from '../../hotspot/figures.ts';
import type { RouterValues } from '../../hotspot/router-values.ts';
import { formatBitRate, formatBytes, formatSeconds } from '../../i18n/format.ts';
import { parseRateLimit } from '../../hotspot/rate-limit.ts';
import { t } from '../../i18n/runtime.ts';
import { pageEnv, routerMarkup } from '../../hotspot/page-env.ts';

/**
 * As the build renders a page (and as it reads without JavaScript), the router writes the figures
 * itself: its own durations and `-nice` byte counts, rows with a limit only when there is one.
 */
function routerFigures(opts: { withIp: boolean; withLimits: boolean }): Figure[] {
  /** `raw`: the router's plain number behind the text (bytes or seconds), for `<data>` / `<time>`. */
  const row = (name: string, label: string, variable: string, when?: string, raw?: { kind: 'bytes' | 'duration'; variable: string }): Figure => ({
    name,
    label,
    text: routerMarkup(variable),
    kind: raw?.kind ?? 'text',
    value: raw && routerMarkup(raw.variable),
    when,
  });
  const secs = (variable: string) => ({ kind: 'duration' as const, variable });
  const bytes = (variable: string) => ({ kind: 'bytes' as const, variable });
  return [
    ...(opts.withIp ? [row('ip', t('status.ip'), 'ip')] : []),
    row('uptime', t('status.uptime'), 'uptime', undefined, secs('uptime-secs')),
    ...(opts.withLimits ? [row('time-left', t('status.timeLeft'), 'session-time-left', 'session-time-left', secs('session-time-left-secs'))] : []),
    row('download', t('status.download'), 'bytes-out-nice', undefined, bytes('bytes-out')),
    row('upload', t('status.upload'), 'bytes-in-nice', undefined, bytes('bytes-in')),
    ...(opts.withLimits
      ? [row('data-left', t('status.dataLeft'), 'remain-bytes-total-nice', 'remain-bytes-total', bytes('remain-bytes-total'))]
      : []),
    // The speed RADIUS granted, as RADIUS sent it (URL-encoded: it is not the router's own figure).
    ...(opts.withLimits ? [row('speed', t('status.speed'), 'radius8-14988-esc', 'radius8-14988')] : []),
  ];
}

export function sessionFigures(v: RouterValues, opts: { withIp: boolean; withLimits: boolean }): Figure[] {
  if (pageEnv().server) return routerFigures(opts);
  const f = statusFigures(v);
  const out: Figure[] = [];
  // A bar beside what is left, when the router gives the whole allowance too.
  const of = (value: number | undefined, max: number | undefined) => (value !== undefined && max && max >= value ? { max } : {});
  const bytes = (name: string, label: string, value: number | undefined, max?: number) => {
    if (value !== undefined) out.push({ name, label, value, text: formatBytes(value), kind: 'bytes', ...of(value, max) });
  };
  const secs = (name: string, label: string, value: number | undefined, max?: number) => {
    if (value !== undefined) out.push({ name, label, value, text: formatSeconds(value), kind: 'duration', ...of(value, max) });
  };
  if (opts.withIp && v.get('ip')) out.push({ name: 'ip', label: t('status.ip'), text: v.get('ip'), kind: 'text' });
  secs('uptime', t('status.uptime'), f.uptimeSecs);
  // The time allowance is what was used plus what is left (session-timeout is the time left too).
  if (opts.withLimits)
    secs('time-left', t('status.timeLeft'), f.timeLeftSecs, f.timeLeftSecs !== undefined ? (f.uptimeSecs ?? 0) + f.timeLeftSecs : undefined);
  bytes('download', t('status.download'), f.bytesDown);
  bytes('upload', t('status.upload'), f.bytesUp);
  if (opts.withLimits) bytes('data-left', t('status.dataLeft'), f.bytesLeft, v.number('limit-bytes-total'));
  const rate = opts.withLimits ? parseRateLimit(v.get('radius8-14988')) : undefined;
  if (rate) {
    out.push({
      name: 'speed',
      label: t('status.speed'),
      kind: 'text',
      text: t('status.speedValue', { down: formatBitRate(rate.down), up: formatBitRate(rate.up) }),
    });
  }
  return out;
}
