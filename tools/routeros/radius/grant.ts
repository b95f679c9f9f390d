/**
 * What an Access-Accept (or a CoA-Request) grants a hotspot session, read the way RouterOS's RADIUS
 * client manual lists the hotspot attributes: Session-Timeout, Idle-Timeout, Acct-Interim-Interval,
 * Mikrotik-Rate-Limit, Mikrotik-Recv/Xmit/Total-Limit with their -Gigawords, Mikrotik-Group,
 * WISPr-Session-Terminate-Time and Class. Missing attributes leave the profile's defaults in force.
 */
import type { RadiusAttributes } from '../engine/index.ts';
import { first, pageAttributes, values, type DecodedPacket } from './packet.ts';

export interface RadiusGrant {
  /** `$(radius<id>)` values of the Access-Accept. */
  attributes: RadiusAttributes;
  sessionTimeoutMs?: number;
  idleTimeoutMs?: number;
  interimMs?: number;
  rateLimit?: string;
  /** Bytes from the client (Mikrotik-Recv-Limit: the router receives them). */
  limitBytesIn?: number;
  /** Bytes to the client (Mikrotik-Xmit-Limit). */
  limitBytesOut?: number;
  limitBytesTotal?: number;
  /** WISPr-Session-Terminate-Time, as epoch milliseconds. */
  terminateAt?: number;
  /** Mikrotik-Group: the user profile to use. */
  userProfile?: string;
  /** Class attributes, echoed in every Accounting-Request (RFC 2865 §5.25). */
  classes: Buffer[];
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const GIGAWORD = 2 ** 32;

/** A 64-bit byte limit from its low 32 bits and Gigawords; 0 (or absent) means no limit. */
function bytes(p: DecodedPacket, name: string): number | undefined {
  const low = num(first(p, name));
  const high = num(first(p, `${name}-Gigawords`)) ?? 0;
  if (low === undefined && !high) return undefined;
  const total = high * GIGAWORD + (low ?? 0);
  return total > 0 ? total : undefined;
}

/**
 * `YYYY-MM-DDThh:mm:ssTZD` with TZD `+hh:mm`, `+hhmm`, `-hh:mm` or `-hhmm` (MikroTik manual). Without a
 * zone the router's own time is meant; the virtual router keeps UTC.
 */
export function parseTerminateTime(text: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:(Z)|([+-])(\d{2}):?(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const [, date, time, z, sign, hh, mm] = m;
  const zone = z || !sign ? 'Z' : `${sign}${hh}:${mm}`;
  const t = Date.parse(`${date}T${time}${zone}`);
  return Number.isNaN(t) ? undefined : t;
}

const secondsMs = (p: DecodedPacket, name: string): number | undefined => {
  const s = num(first(p, name));
  return s === undefined || s <= 0 ? undefined : s * 1000;
};

/** The grant of an Access-Accept. */
export function grantOf(p: DecodedPacket): RadiusGrant {
  const grant: RadiusGrant = { attributes: pageAttributes(p.raw), classes: values(p, 'Class').filter((v): v is Buffer => Buffer.isBuffer(v)) };
  applyChange(grant, p);
  return grant;
}

/** Sets on `grant` what the packet carries; used for the Access-Accept and again for a CoA-Request. */
export function applyChange(grant: RadiusGrant, p: DecodedPacket): void {
  const set = <K extends keyof RadiusGrant>(key: K, value: RadiusGrant[K] | undefined) => {
    if (value !== undefined) grant[key] = value;
  };
  set('sessionTimeoutMs', secondsMs(p, 'Session-Timeout'));
  set('idleTimeoutMs', secondsMs(p, 'Idle-Timeout'));
  set('interimMs', secondsMs(p, 'Acct-Interim-Interval'));
  const rate = first(p, 'Mikrotik-Rate-Limit');
  if (typeof rate === 'string' && rate.trim()) grant.rateLimit = rate.trim();
  set('limitBytesIn', bytes(p, 'Mikrotik-Recv-Limit'));
  set('limitBytesOut', bytes(p, 'Mikrotik-Xmit-Limit'));
  set('limitBytesTotal', bytes(p, 'Mikrotik-Total-Limit'));
  const group = first(p, 'Mikrotik-Group');
  if (typeof group === 'string' && group) grant.userProfile = group;
  const end = first(p, 'WISPr-Session-Terminate-Time');
  if (typeof end === 'string') set('terminateAt', parseTerminateTime(end));
}

/** The Reply-Message lines of a packet, joined as RouterOS shows one error text. */
export function replyMessage(p: DecodedPacket): string {
  return values(p, 'Reply-Message')
    .filter((v): v is string => typeof v === 'string')
    .join(' ')
    .trim();
}
