/** The figure list shared by the status and logout pages. */
import type { Figure } from '../../components/hs-status-figures/hs-status-figures.ts';
import { statusFigures } from '../../hotspot/figures.ts';
import type { RouterValues } from '../../hotspot/router-values.ts';
import { formatBytes, formatSeconds } from '../../i18n/format.ts';
import { t } from '../../i18n/runtime.ts';

export function sessionFigures(v: RouterValues, opts: { withIp: boolean; withLimits: boolean }): Figure[] {
  const f = statusFigures(v);
  const out: Figure[] = [];
  const bytes = (name: string, label: string, value: number | undefined) => {
    if (value !== undefined) out.push({ name, label, value, text: formatBytes(value), kind: 'bytes' });
  };
  const secs = (name: string, label: string, value: number | undefined) => {
    if (value !== undefined) out.push({ name, label, value, text: formatSeconds(value), kind: 'duration' });
  };
  if (opts.withIp && v.get('ip')) out.push({ name: 'ip', label: t('status.ip'), text: v.get('ip'), kind: 'text' });
  secs('uptime', t('status.uptime'), f.uptimeSecs);
  if (opts.withLimits) secs('time-left', t('status.timeLeft'), f.timeLeftSecs);
  bytes('download', t('status.download'), f.bytesDown);
  bytes('upload', t('status.upload'), f.bytesUp);
  if (opts.withLimits) bytes('data-left', t('status.dataLeft'), f.bytesLeft);
  return out;
}
