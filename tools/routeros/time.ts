/**
 * RouterOS durations and the simulated clock. RouterOS writes durations as `1w2d3h4m5s` (and accepts
 * `hh:mm:ss`); the servlet prints `uptime` the same way (fact sheet §2.4 examples: `10h2m33s`, `5h`).
 */
import { UserError } from '../lib/errors.ts';

const UNIT_MS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** Parses `1d2h`, `30m`, `90s`, `1h30m`, `00:30:00`, `2d 01:00:00`; `none`/`''` give undefined (no limit). */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (t === '' || t === 'none' || t === 'unlimited') return undefined;
  const clock = /^(?:(\d+)d\s*)?(\d{1,2}):(\d{2}):(\d{2})$/.exec(t);
  if (clock) {
    const [, d = '0', h, m, s] = clock;
    return ((Number(d) * 24 + Number(h)) * 60 + Number(m)) * 60_000 + Number(s) * 1000;
  }
  if (/^\d+$/.test(t)) return Number(t) * 1000;
  const re = /(\d+)(ms|w|d|h|m|s)/gy;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    consumed = re.lastIndex;
  }
  if (consumed !== t.length || consumed === 0) return Number.NaN;
  return total;
}

/** Like parseDuration, but a malformed value is the user's error naming the field. */
export function durationOrThrow(text: string, field: string): number | undefined {
  const ms = parseDuration(text);
  if (Number.isNaN(ms)) throw new UserError(`${field} is "${text}", which is not a duration: write it like 30m, 1h30m, 1d or 00:30:00.`);
  return ms;
}

/** Formats milliseconds the RouterOS way: `1w2d3h4m5s`, `5h`, `0s`. Sub-second parts are dropped. */
export function formatDuration(ms: number): string {
  let secs = Math.max(0, Math.floor(ms / 1000));
  if (secs === 0) return '0s';
  let out = '';
  for (const [unit, size] of [
    ['w', 604_800],
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const n = Math.floor(secs / size);
    if (n) out += `${n}${unit}`;
    secs -= n * size;
  }
  return out;
}

const LAST_TIME = Date.UTC(9999, 11, 31);

/**
 * The virtual router's clock. It follows real time from where it starts, plus whatever tests or the
 * preview have advanced it by; `frozen` clocks move only when advanced (deterministic tests).
 */
export class Clock {
  private offset = 0;
  private readonly frozenAt: number | undefined;
  private readonly listeners = new Set<() => void>();
  constructor(options: { frozen?: boolean; start?: number } = {}) {
    this.frozenAt = options.frozen ? (options.start ?? Date.UTC(2026, 0, 1)) : undefined;
    if (!options.frozen && options.start !== undefined) this.offset = options.start - Date.now();
  }
  now(): number {
    return (this.frozenAt ?? Date.now()) + this.offset;
  }
  /** Moves simulated time forward by a duration (`'31m'`) or milliseconds. */
  advance(by: string | number): void {
    const ms = typeof by === 'number' ? by : durationOrThrow(by, 'advance');
    if (ms === undefined || ms < 0) throw new UserError('The clock can only move forward: give a positive duration such as 5m.');
    // Dates end at year 275760 in JavaScript; long before that every time the router prints is wrong.
    if (!Number.isFinite(ms) || this.now() + ms > LAST_TIME) throw new UserError('The clock cannot move past the year 9999.');
    this.offset += ms;
    for (const listener of this.listeners) listener();
  }
  onAdvance(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * Bytes in binary units, one decimal: `97.7 KiB` for the servlet's `-nice` figures (unspecified by
 * RouterOS, fact sheet §2.5), `97.7KiB` (no space) as the console prints sizes. Below 1 KiB:
 * `512 B`, or the plain number in console style.
 */
export function formatBytes(bytes: number, style: 'nice' | 'console' = 'nice'): string {
  const sep = style === 'nice' ? ' ' : '';
  if (bytes < 1024) return style === 'nice' ? `${bytes} B` : String(bytes);
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${value.toFixed(1)}${sep}${units[i]}`;
}
