/**
 * The two questions of a login from the form, apart from the session table's bookkeeping: which HTTP
 * method the password proves (fact sheet §4), and whether a user with good credentials may still log
 * in from this MAC (§6.2). Answers are errors.txt keys when the login is refused.
 */
import type { RouterDb, Row } from '../db/router-db.ts';
import type { LoginBy } from '../db/schema.ts';
import type { RadiusCredentials } from '../radius/nas.ts';
import { chapResponse, type Challenge } from './chap.ts';
import type { SessionTable } from './sessions.ts';
import { readUserLimits, readUserProfile, type HotspotSettings } from './settings.ts';

/** A login the local user list cannot decide and RADIUS must (no such local user, use-radius=yes). */
export interface RadiusAsk {
  radius: RadiusCredentials;
  method: LoginBy;
}

export interface PasswordProof {
  settings: HotspotSettings;
  /** The host's live CHAP challenge, when CHAP is on (already consumed: one answer per challenge). */
  challenge: Challenge | undefined;
  /** The local user of that name, if any. */
  user: Row | undefined;
  password: string;
  /** Sent over TLS: a plain password is an `https` login when the profile allows it. */
  secure: boolean;
  radiusOn: boolean;
}

const HEX32 = /^[0-9a-f]{32}$/;

/** The method a password proves for a local user, what to ask RADIUS for an unknown one, or the refusal. */
export function provePassword(p: PasswordProof): { method: LoginBy } | RadiusAsk | { error: string } {
  const { settings: s, challenge, user, password } = p;
  const chapOn = s.loginBy.has('http-chap');
  const papOn = s.loginBy.has('http-pap');
  const httpsOn = p.secure && s.loginBy.has('https');
  const chapAnswer = challenge !== undefined && HEX32.test(password);
  if (!user && p.radiusOn) {
    if (chapAnswer)
      return {
        radius: { kind: 'chap', id: challenge.id, challenge: challenge.challenge, response: Buffer.from(password, 'hex') },
        method: 'http-chap',
      };
    if (httpsOn) return { radius: { kind: 'pap', password }, method: 'https' };
    if (papOn) return { radius: { kind: 'pap', password }, method: 'http-pap' };
    return { error: chapOn ? 'chap-missing' : 'invalid-username' };
  }
  if (user && chapAnswer && chapResponse(challenge.id, user.password ?? '', challenge.challenge) === password) return { method: 'http-chap' };
  if (user && httpsOn && password === user.password) return { method: 'https' };
  if (user && papOn && password === user.password) return { method: 'http-pap' };
  if (chapOn && !papOn && !httpsOn && !chapAnswer) return { error: 'chap-missing' };
  return { error: 'invalid-username' };
}

/** Why a user with good credentials may still not log in from this MAC, as an errors.txt key. */
export function refusal(db: RouterDb, sessions: SessionTable, user: Row, mac: string): string | undefined {
  if (user.disabled === 'yes') return 'invalid-username';
  if (user['mac-address'] && user['mac-address'] !== mac) return 'invalid-mac';
  const lim = readUserLimits(user);
  const used = sessions.usageOf(user.name!);
  if (lim.uptimeMs !== undefined && used.uptimeMs >= lim.uptimeMs) return 'uptime-limit';
  if (
    (lim.bytesIn !== undefined && used.bytesIn >= lim.bytesIn) ||
    (lim.bytesOut !== undefined && used.bytesOut >= lim.bytesOut) ||
    (lim.bytesTotal !== undefined && used.bytesIn + used.bytesOut >= lim.bytesTotal)
  ) {
    return 'traffic-limit';
  }
  if (sessions.countFor(user.name!) >= readUserProfile(db, user.profile || 'default').sharedUsers) return 'user-session-limit';
  return undefined;
}
