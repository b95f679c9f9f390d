/** Status figures from the raw counters (the `-nice` forms are unspecified, fact sheet §2.5). */
import type { RouterValues } from './router-values.ts';

export interface StatusFigures {
  uptimeSecs?: number;
  timeLeftSecs?: number;
  bytesDown?: number;
  bytesUp?: number;
  bytesLeft?: number;
}

export function statusFigures(v: RouterValues): StatusFigures {
  const left = v.number('session-time-left-secs') ?? v.number('session-timeout-secs');
  return {
    uptimeSecs: v.number('uptime-secs'),
    // 0 means "no limit" for the router's -secs values.
    timeLeftSecs: left ? left : undefined,
    // bytes-out is what the router sent to the guest: their download (§2.5 directions).
    bytesDown: v.number('bytes-out'),
    bytesUp: v.number('bytes-in'),
    bytesLeft: v.number('remain-bytes-total'),
  };
}
