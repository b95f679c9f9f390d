/**
 * Logins RADIUS decides (fact sheet §2.7, §5.3, §6.2): the form's CHAP or PAP login of a name the local
 * users do not have, MAC authentication, and the HTTP and MAC cookies of RADIUS users, which send the
 * first login's credentials again (§5.4: the router keeps "user name and password"). A host with a
 * request in flight gets auth-in-progress.
 */
import type { LoginBy } from '../db/schema.ts';
import { formatMac } from '../radius/mac-format.ts';
import type { RadiusCredentials } from '../radius/nas.ts';
import type { Attribute } from '../radius/packet.ts';
import type { Hotspot, LoginAttempt, LoginResult } from './hotspot.ts';
import type { Session } from './sessions.ts';
import { readUserProfile } from './settings.ts';

/** A host whose MAC authentication RADIUS refused is asked about again after this long (UNCERTAIN). */
export const MAC_AUTH_RETRY_MS = 60_000;

const FORM_METHODS: ReadonlySet<LoginBy> = new Set(['http-chap', 'http-pap', 'https']);

export class RemoteLogin {
  /** Hosts with a RADIUS request in flight. */
  private readonly authorizing = new Set<string>();
  private readonly macAuthTried = new Map<string, number>();

  constructor(private readonly hs: Hotspot) {}

  async login(mac: string, attempt: LoginAttempt, extra?: Attribute[]): Promise<LoginResult> {
    if (this.authorizing.has(mac)) return { ok: false, error: 'auth-in-progress', username: attempt.username };
    const step = this.hs.check(mac, attempt, this.hs.radius.enabled());
    if (!('radius' in step)) return step;
    return this.ask(mac, attempt.username, step.radius, step.method, extra);
  }

  /**
   * The hotspot's own autoLogin, then MAC authentication through RADIUS for a MAC the local users do not
   * have: User-Name is the MAC as radius-mac-format writes it, the password mac-auth-password or, in
   * mac-as-username-and-password mode, the MAC again (fact sheet §5.3).
   */
  async macLogin(mac: string): Promise<{ session: Session; showStatus: boolean } | undefined> {
    const hs = this.hs;
    const local = hs.autoLogin(mac);
    if (local || hs.sessions.get(mac)) return local;
    const s = hs.settings();
    const now = hs.clock.now();
    if (this.authorizing.has(mac) || !hs.radius.enabled(s)) return undefined;
    const shown = (session: Session) => ({ session, showStatus: readUserProfile(hs.db, session.userProfile).openStatusPage === 'always' });
    const stored = s.loginBy.has('mac-cookie') ? hs.cookies.macCookie(mac, now) : undefined;
    if (stored?.radius) {
      const result = await this.ask(mac, stored.user, stored.radius, 'mac-cookie');
      if (result.ok) return shown(result.session);
      // "When a MAC-cookie login fails" the cookie goes (§5.4); no answer is not a failure of the login.
      if (result.error !== 'radius-timeout') hs.cookies.removeMacCookie(mac);
    }
    if (!s.loginBy.has('mac') || hs.db.byName('ip/hotspot/user', mac)) return undefined;
    if (now - (this.macAuthTried.get(mac) ?? -Infinity) < MAC_AUTH_RETRY_MS) return undefined;
    this.macAuthTried.set(mac, now);
    const name = formatMac(mac, s.profile['radius-mac-format'] ?? '');
    const password = s.macAuthMode === 'mac-as-username-and-password' ? name : s.macAuthPassword;
    const result = await this.ask(mac, name, { kind: 'pap', password }, 'mac');
    if (!result.ok) return undefined;
    this.macAuthTried.delete(mac);
    return shown(result.session);
  }

  /**
   * Login by the HTTP cookie the browser sent: a local user's decided locally; a RADIUS user's sends
   * the stored credentials in a new Access-Request, and a reject removes the cookie.
   */
  async cookieLogin(mac: string, cookieValue: string | undefined): Promise<Session | undefined> {
    const hs = this.hs;
    const s = hs.settings();
    if (!s.loginBy.has('cookie') || hs.sessions.get(mac) || this.authorizing.has(mac)) return undefined;
    const cookie = hs.cookies.valid(cookieValue, mac, hs.clock.now());
    if (!cookie?.radius) return hs.cookieLogin(mac, cookieValue);
    const result = hs.radius.enabled(s) ? await this.ask(mac, cookie.user, cookie.radius, 'cookie') : undefined;
    if (result?.ok) return result.session;
    if (result?.error !== 'radius-timeout') hs.cookies.remove(cookie.value);
    return undefined;
  }

  /** Asks RADIUS and starts the session it admits, under the user profile Mikrotik-Group names. */
  private async ask(mac: string, username: string, credentials: RadiusCredentials, method: LoginBy, extra?: Attribute[]): Promise<LoginResult> {
    const hs = this.hs;
    const fail = (error: string, detail?: string): LoginResult => ({ ok: false, error, username, ...(detail ? { detail } : {}) });
    this.authorizing.add(mac);
    try {
      const host = hs.hosts.ensure(mac, hs.clock.now());
      const answer = await hs.radius.authorize({ username, mac, ip: host.ip, credentials, extra });
      if (answer.kind === 'timeout') return fail('radius-timeout');
      // A Reply-Message replaces invalid-username's text (fact sheet §6.2: radius-reply).
      if (answer.kind === 'reject') return answer.message ? fail('radius-reply', answer.message) : fail('invalid-username');
      const existing = hs.sessions.get(mac);
      if (existing) return { ok: true, session: existing };
      const group = answer.grant.userProfile;
      const profile = group && hs.db.byName('ip/hotspot/user/profile', group) ? group : 'default';
      if (hs.sessions.countFor(username) >= readUserProfile(hs.db, profile).sharedUsers) return fail('user-session-limit');
      const session = hs.start(mac, username, method, profile, false, answer);
      // A login from the form leaves cookies; a cookie or MAC login does not make new ones.
      return FORM_METHODS.has(method) ? hs.remember(session, credentials) : { ok: true, session };
    } finally {
      this.authorizing.delete(mac);
    }
  }
}
