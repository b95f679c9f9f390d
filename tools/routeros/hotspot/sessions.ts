/**
 * Active sessions (`/ip hotspot active`) and the counters that outlive them: a local user's uptime
 * and bytes add up across sessions (so `limit-uptime` is a total), and trial time is kept per MAC.
 */
import type { LoginBy } from '../db/schema.ts';
import type { AccountingState, RadiusSessionState } from '../radius/nas.ts';

export interface Counters {
  bytesIn: number;
  bytesOut: number;
  packetsIn: number;
  packetsOut: number;
}

export const zeroCounters = (): Counters => ({ bytesIn: 0, bytesOut: 0, packetsIn: 0, packetsOut: 0 });

export interface Session {
  mac: string;
  ip: string;
  user: string;
  loginBy: LoginBy;
  userProfile: string;
  startedAt: number;
  /** Last traffic through the router from or to the host (idle-timeout counts from here). */
  lastActivityAt: number;
  counters: Counters;
  trial: boolean;
  /** When the last advert was shown (or the session started), for advertise-interval. */
  advertShownAt: number;
  advertIndex: number;
  /** Set when RADIUS admitted the session: what it granted, and its accounting state. */
  radius?: RadiusSessionState;
  /** Set when the session is reported to RADIUS accounting. */
  accounting?: AccountingState;
}

export interface Usage extends Counters {
  uptimeMs: number;
}

/** Why a session ended; limit reasons are errors.txt keys. */
export type EndReason = 'logout' | 'uptime-limit' | 'traffic-limit' | 'session-timeout' | 'idle-timeout' | 'admin' | 'radius-disconnect';

export interface EndedSession {
  session: Session;
  reason: EndReason;
  uptimeMs: number;
}

export class SessionTable {
  private readonly byMac = new Map<string, Session>();
  /** Totals of ended sessions per user name. */
  private readonly usage = new Map<string, Usage>();
  /** Trial use per MAC: time used and when the first trial of this period started. */
  private readonly trials = new Map<string, { usedMs: number; since: number }>();
  /** `/ip hotspot active` item ids (`*1`, `*2`, …), one per session, never reused. */
  private readonly ids = new WeakMap<Session, string>();
  private nextId = 1;

  get(mac: string): Session | undefined {
    return this.byMac.get(mac);
  }
  all(): Session[] {
    return [...this.byMac.values()];
  }
  countFor(user: string): number {
    let n = 0;
    for (const s of this.byMac.values()) if (s.user === user && !s.trial) n++;
    return n;
  }
  /** The session's `/ip hotspot active` item id. */
  idOf(session: Session): string {
    return this.ids.get(session) ?? '';
  }
  start(session: Session): void {
    this.ids.set(session, `*${(this.nextId++).toString(16).toUpperCase()}`);
    this.byMac.set(session.mac, session);
    if (session.trial && !this.trials.has(session.mac)) this.trials.set(session.mac, { usedMs: 0, since: session.startedAt });
  }
  end(mac: string, now: number, reason: EndReason): EndedSession | undefined {
    const session = this.byMac.get(mac);
    if (!session) return undefined;
    this.byMac.delete(mac);
    const uptimeMs = now - session.startedAt;
    if (session.trial) {
      const t = this.trials.get(mac);
      if (t) t.usedMs += uptimeMs;
    } else if (!session.radius) {
      const u = this.usageOf(session.user);
      u.uptimeMs += uptimeMs;
      u.bytesIn += session.counters.bytesIn;
      u.bytesOut += session.counters.bytesOut;
      u.packetsIn += session.counters.packetsIn;
      u.packetsOut += session.counters.packetsOut;
      this.usage.set(session.user, u);
    }
    return { session, reason, uptimeMs };
  }
  /** Totals of a user's ended sessions. */
  usageOf(user: string): Usage {
    return { ...(this.usage.get(user) ?? { uptimeMs: 0, ...zeroCounters() }) };
  }
  /** Trial time used by this MAC in the current reset period, and when that period began. */
  trialOf(mac: string, now: number, resetMs: number): { usedMs: number; since: number } | undefined {
    const t = this.trials.get(mac);
    if (t && resetMs > 0 && now - t.since >= resetMs && !this.byMac.get(mac)?.trial) {
      this.trials.delete(mac);
      return undefined;
    }
    return t;
  }
}
