/** The choices of the toolbar's controls, with the words it shows for them. */
import { megabytes, VIEWPORTS, type DevMeta, type DevState, type SessionKind } from '../state.ts';

export interface Choice {
  value: string;
  label: string;
}

export const SESSION_LABELS: Readonly<Record<SessionKind, string>> = {
  none: 'Logged out',
  member: 'Member (alice)',
  voucher: 'Voucher',
  trial: 'Free trial',
  mac: 'By MAC address',
  cookie: 'By cookie (came back)',
};

const durations = (list: readonly string[], none: string): Choice[] => list.map((d) => ({ value: d, label: d === '' || d === '0s' ? none : d }));
const sizes = (list: readonly number[], none: string): Choice[] => list.map((n) => ({ value: String(n), label: n === 0 ? none : megabytes(n) }));

/** A list that also holds the current value, for values set by a +button or a bookmark. */
function withCurrent(list: Choice[], value: string, label: string): Choice[] {
  return list.some((c) => c.value === value) ? list : [...list, { value, label }];
}

/** The device's colour scheme, for the toolbar and the gallery. */
export const SCHEME_CHOICES: readonly Choice[] = [
  { value: '', label: "Designer's system" },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function choices(meta: DevMeta, state: DevState) {
  return {
    page: meta.pages.map((p) => ({ value: p.id, label: `${p.label} · ${p.file}` })),
    session: Object.entries(SESSION_LABELS).map(([value, label]) => ({ value, label })),
    trial: [
      { value: 'available', label: 'Available' },
      { value: 'used', label: 'Used up' },
    ],
    error: [{ value: '', label: 'None' }, ...meta.errors.map((e) => ({ value: e.key, label: e.fatal ? `${e.key} (error.html)` : e.key }))],
    auth: [
      { value: '', label: `As configured (${meta.auth.toUpperCase()})` },
      { value: 'chap', label: 'CHAP' },
      { value: 'pap', label: 'PAP' },
    ],
    limitTime: withCurrent(durations(['', '30m', '1h', '2h', '1d'], 'None'), state.limitTime, state.limitTime),
    limitBytes: withCurrent(sizes([0, 100_000_000, 500_000_000, 1_000_000_000], 'None'), String(state.limitBytes), megabytes(state.limitBytes)),
    uptime: withCurrent(durations(['0s', '1m', '25m', '1h', '1h55m'], 'Just now'), state.uptime, state.uptime),
    download: withCurrent(sizes([0, 5_000_000, 120_000_000, 450_000_000, 999_000_000], 'Nothing'), String(state.download), megabytes(state.download)),
    upload: withCurrent(sizes([0, 2_000_000, 18_000_000, 100_000_000], 'Nothing'), String(state.upload), megabytes(state.upload)),
    locale: [
      { value: '', label: "Guest's browser" },
      ...meta.locales.map((l) => ({ value: l.code, label: `${l.name} (${l.code}${l.dir === 'rtl' ? ', right to left' : ''})` })),
    ],
    viewport: Object.entries(VIEWPORTS).map(([value, v]) => ({ value, label: v.label })),
    scheme: SCHEME_CHOICES,
  };
}

/** Adds a RouterOS duration to another: `25m` + 5 min → `30m`. */
export function addMinutes(duration: string, minutes: number): string {
  const units: Record<string, number> = { w: 10080, d: 1440, h: 60, m: 1, s: 1 / 60 };
  let total = minutes;
  for (const [, n, u] of duration.matchAll(/(\d+)([wdhms])/g)) total += Number(n) * units[u!]!;
  const mins = Math.round(total);
  const h = Math.floor(mins / 60);
  const m = mins % 60;
  return `${h ? `${h}h` : ''}${m || !h ? `${m}m` : ''}`;
}
