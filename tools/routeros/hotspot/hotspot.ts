/**
 * The HotSpot's login logic, apart from HTTP: who is logged in, by which method, with which limits,
 * and which errors.txt key a refused login gets (fact sheet §4, §5, §6.2).
 */
import { DEFAULT_VERSION } from '../config.ts';
import type { RouterDb, Row } from '../db/router-db.ts';
import type { LoginBy } from '../db/schema.ts';
import { RadiusNas, type RadiusCredentials } from '../radius/nas.ts';
import type { RadiusGrant } from '../radius/grant.ts';
import { RemoteLogin } from './remote-login.ts';
import { endReason, sessionLimits, type SessionLimits } from './limits.ts';
import { provePassword, refusal, type RadiusAsk } from './login-check.ts';

export type { SessionLimits } from './limits.ts';
export type { RadiusAsk } from './login-check.ts';
import type { Attribute } from '../radius/packet.ts';
import type { Clock } from '../time.ts';
import { ChapChallenges } from './chap.ts';
import { CookieJar, type HotspotCookie } from './cookies.ts';
import { Hosts } from './hosts.ts';
import { SessionTable, zeroCounters, type Counters, type EndedSession, type EndReason, type Session } from './sessions.ts';
import { normalizeMac, readSettings, readUserProfile, type HotspotSettings } from './settings.ts';

export interface LoginAttempt {
  username: string;
  password: string;
  /** Sent over TLS: a plain password is an `https` login when the profile allows it. */
  secure?: boolean;
}

export type LoginResult = { ok: true; session: Session; cookie?: HotspotCookie } | { ok: false; error: string; username: string; detail?: string };

/** One hour without activity, as errors.txt's chap-missing comment says (fact sheet §4.2). */
export const DEFAULT_CHAP_LIFETIME_MS = 3_600_000;

export class Hotspot {
  readonly hosts = new Hosts();
  readonly sessions = new SessionTable();
  readonly cookies = new CookieJar();
  readonly chap: ChapChallenges;
  readonly radius: RadiusNas;
  private readonly remote = new RemoteLogin(this);
  private readonly ended = new Map<string, EndedSession>();

  constructor(
    readonly db: RouterDb,
    readonly clock: Clock,
    options: { chapLifetimeMs?: number; identity?: () => string; version?: string; log?: (line: string) => void } = {},
  ) {
    this.chap = new ChapChallenges(() => clock.now(), options.chapLifetimeMs ?? DEFAULT_CHAP_LIFETIME_MS);
    this.radius = new RadiusNas({
      db,
      identity: options.identity ?? (() => 'MikroTik'),
      version: options.version ?? DEFAULT_VERSION,
      now: () => clock.now(),
      log: options.log,
    });
    // Limits run out and interim updates fall due as simulated time moves, not only on requests.
    clock.onAdvance(() => this.sweep());
  }

  settings(): HotspotSettings {
    return readSettings(this.db);
  }

  /** The host's session, after ending any session a limit has run out on. */
  session(mac: string): Session | undefined {
    this.sweep();
    return this.sessions.get(mac);
  }

  /** The last session of this host that ended, and why. */
  lastEnded(mac: string): EndedSession | undefined {
    return this.ended.get(mac);
  }

  limits(session: Session): SessionLimits {
    return sessionLimits(this, session);
  }

  /** Ends every session a limit or idle-timeout has run out on (limits.ts), as the router does on its own. */
  sweep(): EndedSession[] {
    const ended: EndedSession[] = [];
    for (const s of this.sessions.all()) {
      const reason = endReason(this, s);
      const e = reason && this.end(s.mac, reason);
      if (e) ended.push(e);
    }
    this.radius.interim(this.sessions.all());
    return ended;
  }

  /** `$(trial)`: may this MAC still use trial time (fact sheet §5.2). */
  trialAvailable(mac: string): boolean {
    const s = this.settings();
    if (!s.loginBy.has('trial')) return false;
    const now = this.clock.now();
    const t = this.sessions.trialOf(mac, now, s.trialUptimeResetMs);
    const active = this.sessions.get(mac);
    const running = active?.trial ? now - active.startedAt : 0;
    return (t?.usedMs ?? 0) + running < s.trialUptimeLimitMs;
  }

  /** A login from the form against local users only (RADIUS users are refused as unknown). */
  login(mac: string, attempt: LoginAttempt): LoginResult {
    const step = this.check(mac, attempt, false);
    return 'radius' in step ? { ok: false, error: 'invalid-username', username: attempt.username } : step;
  }

  /**
   * A login from the form: local users first, then, for a name the local list does not have, RADIUS
   * when the profile uses it (MikroTik HotSpot manual: the local database is consulted first).
   */
  authenticate(mac: string, attempt: LoginAttempt, extra?: Attribute[]): Promise<LoginResult> {
    return this.remote.login(mac, attempt, extra);
  }

  /** Login by the HTTP cookie the browser sent: a local user's here, a RADIUS user's asked again (remote-login.ts). */
  cookieAuthenticate(mac: string, cookieValue: string | undefined): Promise<Session | undefined> {
    return this.remote.cookieLogin(mac, cookieValue);
  }

  /** autoLogin, then MAC authentication through RADIUS (remote-login.ts). */
  autoAuthenticate(mac: string): Promise<{ session: Session; showStatus: boolean } | undefined> {
    return this.remote.macLogin(mac);
  }

  /** Trial, CHAP or PAP, checked in the order the router checks them; `RadiusAsk` when RADIUS must decide. */
  check(mac: string, attempt: LoginAttempt, radiusOn: boolean): LoginResult | RadiusAsk {
    this.sweep();
    const s = this.settings();
    const { username } = attempt;
    const fail = (error: string): LoginResult => ({ ok: false, error, username });
    const existing = this.sessions.get(mac);
    if (existing) return { ok: true, session: existing };

    if (s.loginBy.has('trial') && username.toUpperCase() === `T-${mac}`) {
      if (!this.trialAvailable(mac)) return fail('uptime-limit');
      return { ok: true, session: this.start(mac, username, 'trial', s.trialUserProfile, true) };
    }
    const shaped = normalizeMac(username);
    if (shaped && shaped !== mac) return fail('wrong-mac-username');

    const chapOn = s.loginBy.has('http-chap');
    const challenge = chapOn ? this.chap.live(mac) : undefined;
    if (chapOn) this.chap.consume(mac);
    const user = this.user(username);
    const proof = provePassword({ settings: s, challenge, user, password: attempt.password, secure: attempt.secure === true, radiusOn });
    if ('error' in proof) return fail(proof.error);
    if ('radius' in proof) return proof;
    if (!user) return fail('invalid-username'); // a proven method implies a local user
    const refused = this.admit(user, mac);
    if (refused) return fail(refused);
    return this.remember(this.start(mac, user.name!, proof.method, user.profile || 'default', false));
  }

  /**
   * After a login from the form: the MAC cookie and the HTTP cookie, as login-by and the user profile
   * ask. A RADIUS user's keep the login's credentials, to be sent again when they are used.
   */
  remember(session: Session, radius?: RadiusCredentials): LoginResult {
    const s = this.settings();
    const profile = readUserProfile(this.db, session.userProfile);
    const now = this.clock.now();
    const { mac, user } = session;
    if (s.loginBy.has('mac-cookie') && profile.addMacCookie) this.cookies.setMacCookie(mac, user, now + profile.macCookieTimeoutMs, radius);
    const cookie = s.loginBy.has('cookie') ? this.cookies.issue(user, mac, now + s.cookieLifetimeMs, now, radius) : undefined;
    return cookie ? { ok: true, session, cookie } : { ok: true, session };
  }

  /** Login by the HTTP cookie of a local user, when it is valid for this MAC (fact sheet §5.1). */
  cookieLogin(mac: string, cookieValue: string | undefined): Session | undefined {
    const s = this.settings();
    if (!s.loginBy.has('cookie') || this.sessions.get(mac)) return undefined;
    const cookie = this.cookies.valid(cookieValue, mac, this.clock.now());
    if (!cookie || cookie.radius) return undefined; // a RADIUS user's cookie: remote-login.ts asks again
    const user = this.user(cookie.user);
    if (!user || this.admit(user, mac)) {
      this.cookies.remove(cookie.value);
      return undefined;
    }
    return this.start(mac, user.name!, 'cookie', user.profile || 'default', false);
  }

  /**
   * Logins that need no page, tried on a host's first request while it is logged out: MAC cookie,
   * then MAC authentication (fact sheet §5.3, §5.4). `showStatus` follows open-status-page.
   */
  autoLogin(mac: string): { session: Session; showStatus: boolean } | undefined {
    this.sweep();
    if (this.sessions.get(mac)) return undefined;
    const s = this.settings();
    const now = this.clock.now();
    let session: Session | undefined;
    const stored = s.loginBy.has('mac-cookie') ? this.cookies.macCookie(mac, now) : undefined;
    // A RADIUS user's MAC cookie is RADIUS's to decide (remote-login.ts).
    if (stored && !stored.radius) {
      const user = this.user(stored.user);
      if (user && !this.admit(user, mac)) session = this.start(mac, user.name!, 'mac-cookie', user.profile || 'default', false);
      else this.cookies.removeMacCookie(mac);
    }
    if (!session && s.loginBy.has('mac')) {
      const user = this.user(mac);
      const expected = s.macAuthMode === 'mac-as-username-and-password' ? mac : s.macAuthPassword;
      if (user && (user.password ?? '') === expected && !this.admit(user, mac)) {
        session = this.start(mac, user.name!, 'mac', user.profile || 'default', false);
      }
    }
    if (!session) return undefined;
    return { session, showStatus: readUserProfile(this.db, session.userProfile).openStatusPage === 'always' };
  }

  /** Logout from the status page: ends the session and the MAC cookie; erase-cookie also drops HTTP cookies. */
  logout(mac: string, eraseCookie: boolean): EndedSession | undefined {
    this.cookies.removeMacCookie(mac);
    if (eraseCookie) this.cookies.eraseFor(mac);
    return this.end(mac, 'logout');
  }

  /** Simulated traffic through a session; limits are enforced at once. */
  addTraffic(mac: string, delta: Partial<Counters>): Session {
    const session = this.sessions.get(mac);
    if (!session) throw new Error(`no active session for ${mac}`);
    let moved = false;
    for (const k of ['bytesIn', 'bytesOut', 'packetsIn', 'packetsOut'] as const) {
      const n = Math.max(0, delta[k] ?? 0);
      session.counters[k] += n;
      moved ||= n > 0;
    }
    if (moved) session.lastActivityAt = this.clock.now();
    this.sweep();
    return session;
  }

  /** A request of a logged-in host passed through the router (not to the hotspot's own pages): not idle. */
  activity(mac: string): void {
    const session = this.sessions.get(mac);
    if (session) session.lastActivityAt = this.clock.now();
  }

  /** Removes a session as an admin would (`/ip hotspot active remove`). */
  end(mac: string, reason: EndReason): EndedSession | undefined {
    const e = this.sessions.end(mac, this.clock.now(), reason);
    if (!e) return undefined;
    if (reason !== 'logout' && reason !== 'admin') this.cookies.removeMacCookie(mac);
    this.ended.set(mac, e);
    this.radius.ended(e);
    return e;
  }

  private user(name: string): Row | undefined {
    return this.db.byName('ip/hotspot/user', name);
  }

  private admit(user: Row, mac: string): string | undefined {
    return refusal(this.db, this.sessions, user, mac);
  }

  /** Starts a session (the remote login starts RADIUS-admitted ones through here too). */
  start(
    mac: string,
    user: string,
    loginBy: LoginBy,
    userProfile: string,
    trial: boolean,
    radius?: { grant: RadiusGrant; acctSessionId: string },
  ): Session {
    const now = this.clock.now();
    const host = this.hosts.ensure(mac, now);
    const session: Session = {
      mac,
      ip: host.ip,
      user,
      loginBy,
      userProfile,
      startedAt: now,
      lastActivityAt: now,
      counters: zeroCounters(),
      trial,
      advertShownAt: now,
      advertIndex: 0,
    };
    if (radius) session.radius = { grant: radius.grant };
    this.sessions.start(session);
    this.ended.delete(mac);
    this.radius.started(session, radius?.acctSessionId);
    return session;
  }
}
