/**
 * The hotspot's live state in the CLI: `/ip hotspot active` (one item per session, `remove` logs the
 * host out as an admin does) and the dynamic `/queue simple` entries RouterOS adds for sessions with a
 * rate limit (the user profile's `rate-limit`, or RADIUS Mikrotik-Rate-Limit). Read-only otherwise.
 */
import { idleTimeoutMs } from '../hotspot/limits.ts';
import type { Session } from '../hotspot/sessions.ts';
import { readUserProfile } from '../hotspot/settings.ts';
import { formatDuration } from '../time.ts';
import { noSuchItem } from './errors.ts';
import type { RouterEnv } from './router-env.ts';
import type { Item, ListSource } from './sources.ts';

const ACTIVE_PROPS = [
  'server',
  'user',
  'domain',
  'address',
  'mac-address',
  'login-by',
  'uptime',
  'idle-time',
  'session-time-left',
  'idle-timeout',
  'keepalive-timeout',
  'limit-bytes-in',
  'limit-bytes-out',
  'limit-bytes-total',
  'bytes-in',
  'bytes-out',
  'packets-in',
  'packets-out',
  'radius',
] as const;

function readOnlyList(props: readonly string[], columns: readonly string[], flagLegend: string, items: () => Item[]): ListSource {
  return {
    named: false,
    props: () => props,
    isString: (p) => p === 'user' || p === 'name' || p === 'domain',
    columns,
    flagLegend,
    omitEmpty: true,
    items: async () => items(),
    check: (_prop, value) => value,
  };
}

/** The rate limit in force for a session: RADIUS's, else its user profile's. */
export function sessionRateLimit(env: RouterEnv, session: Session): string {
  return session.radius?.grant.rateLimit ?? (env.db.byName('ip/hotspot/user/profile', session.userProfile)?.['rate-limit'] || '');
}

export function activeSource(env: RouterEnv): ListSource {
  const hs = env.hotspot;
  const sessions = (): Session[] => (hs ? hs.sessions.all() : []);
  const items = (): Item[] => {
    if (!hs) return [];
    hs.sweep();
    const now = hs.clock.now();
    const server = hs.settings().serverName;
    return sessions().map((s) => {
      const l = hs.limits(s);
      const idle = idleTimeoutMs(env.db, s);
      const { keepaliveTimeoutMs } = readUserProfile(env.db, s.userProfile);
      const bytes = (n: number | undefined) => (n === undefined ? '' : String(n));
      const props: Record<(typeof ACTIVE_PROPS)[number], string> = {
        server,
        user: s.user,
        domain: '',
        address: s.ip,
        'mac-address': s.mac,
        'login-by': s.loginBy,
        uptime: formatDuration(l.uptimeMs),
        'idle-time': formatDuration(now - s.lastActivityAt),
        'session-time-left': l.timeLeftMs === undefined ? '' : formatDuration(l.timeLeftMs),
        'idle-timeout': idle === undefined ? '' : formatDuration(idle),
        'keepalive-timeout': keepaliveTimeoutMs === undefined ? '' : formatDuration(keepaliveTimeoutMs),
        'limit-bytes-in': bytes(l.remainBytesIn),
        'limit-bytes-out': bytes(l.remainBytesOut),
        'limit-bytes-total': bytes(l.remainBytesTotal),
        'bytes-in': String(s.counters.bytesIn),
        'bytes-out': String(s.counters.bytesOut),
        'packets-in': String(s.counters.packetsIn),
        'packets-out': String(s.counters.packetsOut),
        radius: s.radius ? 'yes' : 'no',
      };
      return { id: hs.sessions.idOf(s), props, flags: s.radius ? 'R' : '' };
    });
  };
  return {
    ...readOnlyList(ACTIVE_PROPS, ['user', 'address', 'uptime', 'session-time-left', 'idle-timeout'], 'Flags: R - radius, B - blocked', items),
    remove: async (id) => {
      const session = sessions().find((s) => hs!.sessions.idOf(s) === id);
      if (!session) throw noSuchItem();
      hs!.end(session.mac, 'admin');
    },
  };
}

/**
 * `/queue simple`: the dynamic queue of each session with a rate limit, named `<hotspot-USER>`, its
 * target the host's address and max-limit the rate limit's first (sustained) `rx/tx` pair.
 */
export function queueSource(env: RouterEnv): ListSource {
  const props = ['name', 'target', 'max-limit'];
  const items = (): Item[] => {
    const hs = env.hotspot;
    if (!hs) return [];
    hs.sweep();
    return hs.sessions.all().flatMap((s) => {
      const rate = sessionRateLimit(env, s).trim().split(/\s+/)[0] ?? '';
      if (!rate) return [];
      const pair = rate.includes('/') ? rate : `${rate}/${rate}`;
      return [{ id: hs.sessions.idOf(s), props: { name: `<hotspot-${s.user}>`, target: `${s.ip}/32`, 'max-limit': pair }, flags: 'D' }];
    });
  };
  return readOnlyList(props, props, 'Flags: X - disabled, I - invalid, D - dynamic', items);
}
