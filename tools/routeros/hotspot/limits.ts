/**
 * What is left of a session before a limit ends it: a local user's limits add up over their sessions
 * (limit-uptime is a total), trial time is per MAC, and RADIUS grants count for the one session.
 */
import type { RouterDb } from '../db/router-db.ts';
import type { Hotspot } from './hotspot.ts';
import { zeroCounters, type Counters, type EndReason, type Session } from './sessions.ts';
import { readUserLimits, readUserProfile, type UserLimits } from './settings.ts';

/** What is left of a session before a limit ends it; undefined members are unlimited. */
export interface SessionLimits {
  uptimeMs: number;
  timeLeftMs?: number;
  /** Totals over the user's sessions, this one included. */
  used: Counters & { uptimeMs: number };
  limitBytesIn?: number;
  limitBytesOut?: number;
  limitBytesTotal?: number;
  remainBytesIn?: number;
  remainBytesOut?: number;
  remainBytesTotal?: number;
}

/** Session-Timeout from RADIUS overrides the user profile's session-timeout. */
export function sessionTimeoutMs(db: RouterDb, session: Session): number | undefined {
  return session.radius?.grant.sessionTimeoutMs ?? readUserProfile(db, session.userProfile).sessionTimeoutMs;
}

/** Idle-Timeout from RADIUS overrides the user profile's idle-timeout. */
export function idleTimeoutMs(db: RouterDb, session: Session): number | undefined {
  return session.radius?.grant.idleTimeoutMs ?? readUserProfile(db, session.userProfile).idleTimeoutMs;
}

export function sessionLimits(hs: Hotspot, session: Session): SessionLimits {
  const now = hs.clock.now();
  const uptimeMs = now - session.startedAt;
  // RADIUS limits are per session: the server keeps any totals across sessions.
  const g = session.radius?.grant;
  const lim: UserLimits = g
    ? { bytesIn: g.limitBytesIn, bytesOut: g.limitBytesOut, bytesTotal: g.limitBytesTotal }
    : readUserLimits(session.trial ? undefined : hs.db.byName('ip/hotspot/user', session.user));
  const past = session.trial || g ? { uptimeMs: 0, ...zeroCounters() } : hs.sessions.usageOf(session.user);
  const c = session.counters;
  const used = {
    uptimeMs: past.uptimeMs + uptimeMs,
    bytesIn: past.bytesIn + c.bytesIn,
    bytesOut: past.bytesOut + c.bytesOut,
    packetsIn: past.packetsIn + c.packetsIn,
    packetsOut: past.packetsOut + c.packetsOut,
  };
  const left: number[] = [];
  if (lim.uptimeMs !== undefined) left.push(lim.uptimeMs - used.uptimeMs);
  const timeoutMs = sessionTimeoutMs(hs.db, session);
  if (timeoutMs !== undefined) left.push(timeoutMs - uptimeMs);
  if (g?.terminateAt !== undefined) left.push(g.terminateAt - now);
  if (session.trial) {
    const s = hs.settings();
    const trial = hs.sessions.trialOf(session.mac, now, s.trialUptimeResetMs);
    if (s.trialUptimeLimitMs) left.push(s.trialUptimeLimitMs - (trial?.usedMs ?? 0) - uptimeMs);
  }
  const remain = (limit: number | undefined, n: number) => (limit === undefined ? undefined : Math.max(0, limit - n));
  return {
    uptimeMs,
    timeLeftMs: left.length ? Math.max(0, Math.min(...left)) : undefined,
    used,
    limitBytesIn: lim.bytesIn,
    limitBytesOut: lim.bytesOut,
    limitBytesTotal: lim.bytesTotal,
    remainBytesIn: remain(lim.bytesIn, used.bytesIn),
    remainBytesOut: remain(lim.bytesOut, used.bytesOut),
    remainBytesTotal: remain(lim.bytesTotal, used.bytesIn + used.bytesOut),
  };
}

/**
 * Why the router ends this session now, if it does: traffic used up, time run out (Session-Timeout or
 * the user profile's session-timeout; else the uptime limit), or idle for its idle-timeout (RADIUS
 * Idle-Timeout or the user profile's).
 */
export function endReason(hs: Hotspot, session: Session): EndReason | undefined {
  const l = sessionLimits(hs, session);
  if (l.remainBytesIn === 0 || l.remainBytesOut === 0 || l.remainBytesTotal === 0) return 'traffic-limit';
  if (l.timeLeftMs === 0) {
    const timeout = sessionTimeoutMs(hs.db, session);
    return (timeout !== undefined && l.uptimeMs >= timeout) || session.radius ? 'session-timeout' : 'uptime-limit';
  }
  const idleMs = idleTimeoutMs(hs.db, session);
  if (idleMs !== undefined && hs.clock.now() - session.lastActivityAt >= idleMs) return 'idle-timeout';
  return undefined;
}
