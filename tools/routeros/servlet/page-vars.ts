/**
 * The `$(...)` variables of one page (fact sheet §2), built from the hotspot's state and the request.
 * Every documented variable is always defined, empty where it does not apply, so that only names
 * RouterOS does not know count as unknown.
 */
import { VARIABLES } from '../data/variables.ts';
import type { ErrorVariables } from '../engine/index.ts';
import type { HotspotLinks } from './links.ts';
import type { Hotspot } from '../hotspot/hotspot.ts';
import type { Host } from '../hotspot/hosts.ts';
import type { EndedSession, Session } from '../hotspot/sessions.ts';
import { idleTimeoutMs } from '../hotspot/limits.ts';
import { readUserProfile, type HotspotSettings } from '../hotspot/settings.ts';
import { octalEscape } from '../hotspot/chap.ts';
import { formatBytes, formatDuration } from '../time.ts';

/**
 * Where a page stands: `login` pages (answering /login) get chap-id, chap-challenge, popup and the error
 * trio; `status` pages (status, logout, and api.json, whose default reads remain-bytes-total) get the
 * traffic counters (fact sheet §1.5, §9.2).
 */
export type PageScope = 'login' | 'status' | 'other';

export interface PageContext {
  hotspot: Hotspot;
  settings: HotspotSettings;
  identity: string;
  host: Host;
  /** The active session, or for logout.html the one that just ended. */
  session?: Session;
  ended?: EndedSession;
  links: HotspotLinks;
  /** Chosen language subdirectory with its trailing slash (`lv/`), or ''. */
  targetDir: string;
  params: URLSearchParams;
  userAgent: string;
  /** The page is fetched over TLS. */
  secure: boolean;
  scope: PageScope;
  error?: ErrorVariables;
  /** The user name to show when there is no session: the one just submitted. */
  username?: string;
  linkRedirect: string;
  linkAdvert?: string;
}

const EMPTY: Readonly<Record<string, string>> = Object.fromEntries(VARIABLES.map((v) => [v.name, '']));

const secs = (ms: number | undefined) => (ms === undefined ? '0' : String(Math.floor(ms / 1000)));
const dur = (ms: number | undefined) => (ms === undefined ? '' : formatDuration(ms));

export function pageVariables(ctx: PageContext): Record<string, string> {
  const { settings: s, host, session } = ctx;
  const v: Record<string, string> = { ...EMPTY };
  Object.assign(v, {
    hostname: s.hostname,
    identity: ctx.identity,
    'plain-passwd': s.loginBy.has('http-pap') ? 'yes' : 'no',
    'server-address': `${s.hotspotAddress}:${ctx.secure ? 443 : 80}`,
    'ssl-login': ctx.secure ? 'yes' : 'no',
    'server-name': s.serverName,
    'link-login-only': ctx.links.loginOnly,
    'link-login': ctx.links.login,
    'link-logout': ctx.links.logout,
    'link-status': ctx.links.status,
    'link-orig': ctx.links.orig,
    'link-redirect': ctx.linkRedirect,
    'link-advert': ctx.linkAdvert ?? '',
    'interface-name': s.interfaceName,
    ip: host.ip,
    'host-ip': host.ip,
    mac: host.mac,
    'logged-in': session && !ctx.ended ? 'yes' : 'no',
    trial: ctx.hotspot.trialAvailable(host.mac) ? 'yes' : 'no',
    username: session?.user ?? ctx.username ?? '',
    'login-by': session?.loginBy ?? '',
    'login-by-mac': session?.loginBy === 'mac' ? 'yes' : 'no',
    'session-id': ctx.params.get('session-id') ?? '',
    var: ctx.params.get('var') ?? '',
    'advert-pending': ctx.linkAdvert ? 'yes' : 'no',
    blocked: 'no',
    'location-id': s.locationId,
    'location-name': s.locationName,
    'target-dir': ctx.targetDir,
    'user-agent': ctx.userAgent,
    'idle-timeout-secs': '0',
    'refresh-timeout-secs': '0',
    'session-timeout-secs': '0',
    'session-time-left-secs': '0',
    'uptime-secs': '0',
    'limit-bytes-in': '---',
    'limit-bytes-out': '---',
  });
  if (session) Object.assign(v, sessionValues(ctx, session));
  if (ctx.scope === 'login') {
    v.popup = ctx.params.get('popup') === 'true' ? 'true' : 'false';
    if (ctx.error) Object.assign(v, ctx.error);
    if (!session && s.loginBy.has('http-chap')) {
      const c = ctx.hotspot.chap.current(host.mac);
      v['chap-id'] = octalEscape(c.id);
      v['chap-challenge'] = octalEscape(c.challenge);
    }
  } else if (ctx.error) Object.assign(v, ctx.error);
  return v;
}

/** Status figures (fact sheet §2.4, §2.5); traffic counters only on status pages. */
function sessionValues(ctx: PageContext, session: Session): Record<string, string> {
  const profile = readUserProfile(ctx.hotspot.db, session.userProfile);
  const lim = ctx.hotspot.limits(session);
  const uptime = ctx.ended ? ctx.ended.uptimeMs : lim.uptimeMs;
  const left = ctx.ended ? undefined : lim.timeLeftMs;
  const idleMs = idleTimeoutMs(ctx.hotspot.db, session);
  const out: Record<string, string> = {
    uptime: formatDuration(uptime),
    'uptime-secs': secs(uptime),
    'session-time-left': dur(left),
    'session-time-left-secs': secs(left),
    'session-timeout': dur(left),
    'session-timeout-secs': secs(left),
    'idle-timeout': dur(idleMs),
    'idle-timeout-secs': secs(idleMs),
    'refresh-timeout': dur(profile.statusAutorefreshMs),
    'refresh-timeout-secs': secs(profile.statusAutorefreshMs),
    'limit-bytes-in': lim.limitBytesIn === undefined ? '---' : String(lim.limitBytesIn),
    'limit-bytes-out': lim.limitBytesOut === undefined ? '---' : String(lim.limitBytesOut),
    'limit-bytes-total': lim.limitBytesTotal === undefined ? '' : String(lim.limitBytesTotal),
  };
  if (ctx.scope === 'status') {
    const c = session.counters;
    Object.assign(out, {
      'bytes-in': String(c.bytesIn),
      'bytes-in-nice': formatBytes(c.bytesIn),
      'bytes-out': String(c.bytesOut),
      'bytes-out-nice': formatBytes(c.bytesOut),
      'packets-in': String(c.packetsIn),
      'packets-out': String(c.packetsOut),
      'remain-bytes-in': lim.remainBytesIn === undefined ? '---' : String(lim.remainBytesIn),
      'remain-bytes-out': lim.remainBytesOut === undefined ? '---' : String(lim.remainBytesOut),
      'remain-bytes-total': lim.remainBytesTotal === undefined ? '' : String(lim.remainBytesTotal),
      'remain-bytes-total-nice': lim.remainBytesTotal === undefined ? '' : formatBytes(lim.remainBytesTotal),
    });
  }
  return out;
}
