/**
 * The virtual router as a RADIUS client (NAS) for its hotspot: the Access-Request a login sends, and
 * the accounting of the sessions RADIUS admitted (Start, Interim-Update, Stop). Attribute choice follows
 * MikroTik's RADIUS client manual for the hotspot service; docs/routeros-fidelity.md lists the choices
 * made where it is silent.
 */
import { randomInt } from 'node:crypto';
import type { RouterDb } from '../db/router-db.ts';
import type { EndedSession, EndReason, Session } from '../hotspot/sessions.ts';
import { limitMs, readSettings, type HotspotSettings } from '../hotspot/settings.ts';
import { parseDuration } from '../time.ts';
import { grantOf, replyMessage, type RadiusGrant } from './grant.ts';
import { formatMac } from './mac-format.ts';
import { VENDOR_MIKROTIK, VENDOR_WISPR, type Attribute } from './packet.ts';
import { sendsMessageAuth } from './message-auth.ts';
import { ask, type RadiusServer } from './transport.ts';

/** What a session RADIUS admitted carries besides the hotspot's own fields. */
export interface RadiusSessionState {
  grant: RadiusGrant;
}

/** The accounting of a session (RADIUS-admitted or local) the router reports to RADIUS. */
export interface AccountingState {
  acctSessionId: string;
  /** When the last accounting report (Start or Interim-Update) was sent. */
  reportedAt: number;
}

/**
 * What an Access-Request proves the password with: the page's CHAP answer (with its id and challenge)
 * or the PAP password. Kept with a RADIUS user's cookies, which log in by sending it again.
 */
export type RadiusCredentials = { kind: 'chap'; id: Uint8Array; challenge: Uint8Array; response: Buffer } | { kind: 'pap'; password: string };

export interface AuthRequest {
  username: string;
  mac: string;
  ip: string;
  credentials: RadiusCredentials;
  /** `radius<id>`… login parameters to pass on (fact sheet §4.1). */
  extra?: Attribute[];
}

export type AuthAnswer = { kind: 'accept'; grant: RadiusGrant; acctSessionId: string } | { kind: 'reject'; message: string } | { kind: 'timeout' };

/** RFC 2865 NAS-Port-Type numbers for the names RouterOS's `nas-port-type` takes. */
const NAS_PORT_TYPES: Readonly<Record<string, number>> = {
  async: 0,
  sync: 1,
  'isdn-sync': 2,
  'isdn-async-v120': 3,
  'isdn-async-v110': 4,
  virtual: 5,
  piafs: 6,
  'hdlc-clear-channel': 7,
  'x.25': 8,
  'x.75': 9,
  'g.3-fax': 10,
  sdsl: 11,
  'adsl-cap': 12,
  'adsl-dmt': 13,
  idsl: 14,
  ethernet: 15,
  xdsl: 16,
  cable: 17,
  'wireless-other': 18,
  'wireless-802.11': 19,
  '802.11': 19,
};

function nasPortType(value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  return NAS_PORT_TYPES[value] ?? 19;
}

/** Acct-Terminate-Cause for each way a hotspot session ends (RFC 2866 §5.10 values). */
const TERMINATE_CAUSE: Record<EndReason, string> = {
  logout: 'User-Request',
  'session-timeout': 'Session-Timeout',
  'uptime-limit': 'Session-Timeout',
  'traffic-limit': 'User-Error',
  'idle-timeout': 'Idle-Timeout',
  admin: 'Admin-Reset',
  'radius-disconnect': 'Admin-Reset',
};

/** The `/radius` entries the hotspot uses: enabled, service includes hotspot, in table order. */
export function hotspotServers(db: RouterDb, version: string): RadiusServer[] {
  const messageAuth = sendsMessageAuth(version);
  return db
    .rows('radius')
    .filter((r) => r.disabled !== 'yes' && (r.service ?? '').split(',').includes('hotspot'))
    .map((r) => ({
      address: r.address ?? '',
      secret: r.secret ?? '',
      authPort: Number(r['authentication-port']),
      acctPort: Number(r['accounting-port']),
      timeoutMs: Math.max(1, parseDuration(r.timeout ?? '') ?? 300),
      srcAddress: r['src-address'] && r['src-address'] !== '0.0.0.0' ? r['src-address'] : undefined,
      sendMessageAuth: messageAuth,
      requireMessageAuth: messageAuth && r['require-message-auth'] !== 'no',
    }));
}

export interface NasOptions {
  db: RouterDb;
  identity: () => string;
  /** The RouterOS version the router presents (Message-Authenticator from 7.15). */
  version: string;
  now: () => number;
  /** Sent requests and their outcomes, for the router's log (secrets never included). */
  log?: (line: string) => void;
}

export class RadiusNas {
  /** Starts anywhere, so that two runs of the virtual router do not reuse ids at the same server. */
  private sessionCounter = randomInt(0x1000000);
  /** Accounting requests still in flight, so tests and shutdown can wait for them. */
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly o: NasOptions) {}

  /** RADIUS is asked when the profile has use-radius=yes and a `/radius` entry serves the hotspot. */
  enabled(settings: HotspotSettings = readSettings(this.o.db)): boolean {
    return settings.profile['use-radius'] === 'yes' && this.servers().length > 0;
  }

  /** The Access-Request for a login, and what came back. */
  async authorize(req: AuthRequest): Promise<AuthAnswer> {
    const s = readSettings(this.o.db);
    const acctSessionId = this.nextSessionId();
    const attributes: Attribute[] = [['User-Name', req.username]];
    if (req.credentials.kind === 'chap') {
      attributes.push(['CHAP-Password', Buffer.concat([Buffer.from(req.credentials.id), req.credentials.response])]);
      attributes.push(['CHAP-Challenge', Buffer.from(req.credentials.challenge)]);
    } else {
      attributes.push(['User-Password', req.credentials.password]);
    }
    attributes.push(...this.common(s, req.mac, req.ip, acctSessionId), ...(req.extra ?? []));
    const answer = await ask(this.servers(), { code: 'Access-Request', attributes }, this.o.log);
    if (!answer) {
      this.o.log?.(`radius: no answer for ${req.username} (${req.mac}) → radius-timeout`);
      return { kind: 'timeout' };
    }
    const { reply } = answer;
    this.o.log?.(`radius: ${reply.code} for ${req.username} (${req.mac})`);
    if (reply.code === 'Access-Accept') return { kind: 'accept', grant: grantOf(reply), acctSessionId };
    return { kind: 'reject', message: replyMessage(reply) };
  }

  /**
   * Accounting Start for a new session when the profile has use-radius and radius-accounting: every
   * hotspot session, local users' too (MikroTik's RADIUS manual: "If RADIUS accounting is enabled,
   * accounting information is also sent to the RADIUS server"). A RADIUS login keeps the
   * Acct-Session-Id its Access-Request carried.
   */
  started(session: Session, acctSessionId?: string): void {
    if (!this.accountingOn()) return;
    session.accounting = { acctSessionId: acctSessionId ?? this.nextSessionId(), reportedAt: this.o.now() };
    this.account(session, 'Start');
  }

  /** Interim-Update for every accounted session whose interval has passed. */
  interim(sessions: readonly Session[]): void {
    if (!this.accountingOn()) return;
    const now = this.o.now();
    for (const session of sessions) {
      const a = session.accounting;
      const every = a && this.interimMs(session.radius?.grant);
      if (!a || !every || now - a.reportedAt < every) continue;
      a.reportedAt = now;
      this.account(session, 'Interim-Update');
    }
  }

  /** Accounting Stop, with the totals and why the session ended. */
  ended(e: EndedSession): void {
    if (!e.session.accounting || !this.accountingOn()) return;
    this.account(e.session, 'Stop', e);
  }

  /**
   * The profile's radius-interim-update: `received` (the default) uses the server's
   * Acct-Interim-Interval (none for a local user); a duration sets the interval itself, and 0s turns
   * updates off.
   */
  interimMs(grant: RadiusGrant | undefined): number | undefined {
    const v = readSettings(this.o.db).profile['radius-interim-update'] ?? 'received';
    if (v === 'received' || v === '') return grant?.interimMs;
    return limitMs(v);
  }

  private servers(): RadiusServer[] {
    return hotspotServers(this.o.db, this.o.version);
  }

  /** Waits for accounting requests in flight (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  private accountingOn(): boolean {
    const p = readSettings(this.o.db).profile;
    return p['use-radius'] === 'yes' && p['radius-accounting'] !== 'no' && this.servers().length > 0;
  }

  private account(session: Session, status: 'Start' | 'Interim-Update' | 'Stop', e?: EndedSession): void {
    const s = readSettings(this.o.db);
    // No Acct-Authentic: the manual lists it for PPP only.
    const attributes: Attribute[] = [
      ['Acct-Status-Type', status],
      ['User-Name', session.user],
      ...this.common(s, session.mac, session.ip, session.accounting!.acctSessionId),
      ...(session.radius?.grant.classes ?? []).map((c): Attribute => ['Class', c]),
    ];
    if (status !== 'Start') {
      const c = session.counters;
      const uptimeMs = e ? e.uptimeMs : this.o.now() - session.startedAt;
      attributes.push(
        ['Acct-Session-Time', Math.floor(uptimeMs / 1000)],
        ['Acct-Input-Octets', c.bytesIn % 2 ** 32],
        ['Acct-Input-Gigawords', Math.floor(c.bytesIn / 2 ** 32)],
        ['Acct-Input-Packets', c.packetsIn],
        ['Acct-Output-Octets', c.bytesOut % 2 ** 32],
        ['Acct-Output-Gigawords', Math.floor(c.bytesOut / 2 ** 32)],
        ['Acct-Output-Packets', c.packetsOut],
      );
    }
    if (e) attributes.push(['Acct-Terminate-Cause', TERMINATE_CAUSE[e.reason]]);
    const sent = ask(this.servers(), { code: 'Accounting-Request', attributes }, this.o.log).then((answer) => {
      if (!answer) this.o.log?.(`radius: accounting ${status} for ${session.user} got no answer`);
    });
    this.pending.add(sent);
    void sent.finally(() => this.pending.delete(sent));
  }

  /** Attributes of every request about a host: who, where, and through which NAS (MikroTik manual). */
  private common(s: HotspotSettings, mac: string, ip: string, acctSessionId: string): Attribute[] {
    const p = s.profile;
    const wispr: Array<[string, unknown]> = [];
    if (s.locationId) wispr.push(['WISPr-Location-ID', s.locationId]);
    if (s.locationName) wispr.push(['WISPr-Location-Name', s.locationName]);
    wispr.push(['WISPr-Logoff-URL', `http://${s.hostname}/logout`]);
    return [
      ['NAS-Identifier', this.o.identity()],
      ['NAS-Port-Type', nasPortType(p['nas-port-type'] ?? '')],
      ['NAS-Port-Id', s.interfaceName],
      ['Service-Type', 'Login-User'],
      ['Calling-Station-Id', formatMac(mac, p['radius-mac-format'] ?? '')],
      ['Called-Station-Id', s.serverName],
      ['Framed-IP-Address', ip],
      ['Acct-Session-Id', acctSessionId],
      ['Vendor-Specific', VENDOR_MIKROTIK, [['Mikrotik-Host-IP', ip]]],
      ['Vendor-Specific', VENDOR_WISPR, wispr],
    ];
  }

  /** RouterOS writes session ids as 8 hex digits (`81a00001`). */
  private nextSessionId(): string {
    return (0x80000000 + ++this.sessionCounter).toString(16);
  }
}
