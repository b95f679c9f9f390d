/**
 * A virtual router whose hotspot asks a real FreeRADIUS on loopback, with the classic fixture pages
 * plus `radius.html`, a page that prints the RADIUS variables of the session.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeUdpPorts, startFreeRadius, type FreeRadius, type FreeRadiusOptions, type RadiusUser } from '../../tools/lib/freeradius.ts';
import type { RouterConfigInput } from '../../tools/routeros/config.ts';
import type { PropInput } from '../../tools/routeros/db/router-db.ts';
import { startVirtualRouter, type VirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { chapAnswer, type Device } from '../support/hotspot-client.ts';

export const SECRET = 'hotspot-radius-test';

/** Guests FreeRADIUS knows, with the reply attributes the tests check. */
export const RADIUS_USERS: RadiusUser[] = [
  {
    name: 'alice',
    password: 'wonderland',
    reply: {
      'Session-Timeout': 3600,
      'Idle-Timeout': 300,
      'Mikrotik-Rate-Limit': '2M/4M',
      'Mikrotik-Total-Limit': 1_000_000,
      'Reply-Message': 'Welcome, alice',
    },
  },
  { name: 'short', password: 'shortpass', reply: { 'Session-Timeout': 60 } },
  {
    name: 'capped',
    password: 'cappedpass',
    reply: { 'Mikrotik-Total-Limit': 705_032_704, 'Mikrotik-Total-Limit-Gigawords': 1, 'Mikrotik-Recv-Limit': 4000, 'Mikrotik-Xmit-Limit': 9000 },
  },
  { name: 'metered', password: 'meteredpass', reply: { 'Acct-Interim-Interval': 60, Class: 'plan-42' } },
  { name: 'grouped', password: 'groupedpass', reply: { 'Mikrotik-Group': 'premium' } },
  { name: 'expired', reject: true, reply: { 'Reply-Message': 'Your <b>plan</b> has "expired" & <script>alert(1)</script>' } },
  // MAC authentication: User-Name is the MAC in radius-mac-format (XX-XX-XX-XX-XX-XX below).
  { name: '02-00-00-00-00-4D', password: 'macpass', reply: { 'Session-Timeout': 1800 } },
];

export const RADIUS_PAGE = `<html><body>
<p id="r27">$(radius27) $(radius27u)</p>
<p id="r18">$(radius18[0])</p>
<p id="rate">$(radius8-14988)</p>
<p id="total">$(radius17-14988u)</p>
<p id="missing">[$(radius11)] [$(radius11u)]</p>
<p id="idle">$(idle-timeout) $(idle-timeout-secs)</p>
<p id="left">$(session-time-left-secs)</p>
<p id="limits">$(limit-bytes-in) / $(limit-bytes-out) / $(limit-bytes-total)</p>
</body></html>
`;

/** The `/radius` row of a virtual router that asks this FreeRADIUS for its hotspot (1 s resend: a loaded machine may answer late). */
export function radiusRow(radius: FreeRadius, over: PropInput = {}): PropInput {
  return {
    address: '127.0.0.1',
    secret: radius.secret,
    service: 'hotspot',
    'authentication-port': radius.authPort,
    'accounting-port': radius.acctPort,
    timeout: '1s',
    ...over,
  };
}

export interface RadiusRig {
  radius: FreeRadius;
  incomingPort: number;
  htmlDir: string;
  /** A fresh router; `row` changes its `/radius` entry, `extra` adds or replaces config keys. */
  router(profile?: PropInput, extra?: Partial<RouterConfigInput>, row?: PropInput): Promise<VirtualRouter>;
  dispose(): Promise<void>;
}

export async function radiusRig(
  users: RadiusUser[] = RADIUS_USERS,
  options: Pick<FreeRadiusOptions, 'messageAuthenticator'> = {},
): Promise<RadiusRig> {
  // Rejects at once: reject_delay slows password guessing, which these tests do not simulate.
  const radius = await startFreeRadius({ secret: SECRET, users, rejectDelay: 0, ...options });
  const htmlDir = await mkdtemp(join(tmpdir(), 'radius-pages-'));
  await cp('test/fixtures/classic', htmlDir, { recursive: true });
  await writeFile(join(htmlDir, 'radius.html'), RADIUS_PAGE);
  const [incomingPort] = (await freeUdpPorts(1)) as [number];
  const routers: VirtualRouter[] = [];
  return {
    radius,
    incomingPort,
    htmlDir,
    /** A fresh router; the previous one is closed first (they share the incoming port). */
    async router(profile = {}, extra = {}, row = {}) {
      while (routers.length) await routers.pop()!.close();
      const vr = await startVirtualRouter({
        htmlDir,
        clock: { frozen: true },
        config: {
          'ip/hotspot/profile': [
            { name: 'hsprof1', 'login-by': 'http-chap,http-pap', 'use-radius': 'yes', 'radius-mac-format': 'XX-XX-XX-XX-XX-XX', ...profile },
          ],
          'ip/hotspot/user/profile': [{ name: 'premium', 'shared-users': 2 }],
          'ip/hotspot/user': [{ name: 'bob', password: 'builder' }],
          radius: [radiusRow(radius, row)],
          'radius/incoming': { accept: 'yes', port: incomingPort },
          ...extra,
        },
      });
      routers.push(vr);
      return vr;
    },
    async dispose() {
      for (const vr of routers) await vr.close();
      await radius.stop();
      await rm(htmlDir, { recursive: true, force: true });
    },
  };
}

/** One rig for a test file: started before its tests, disposed after; call the result for the rig. */
export function useRadiusRig(
  before: (fn: () => Promise<void>) => void,
  after: (fn: () => Promise<void>) => void,
  options: Pick<FreeRadiusOptions, 'messageAuthenticator'> = {},
): () => RadiusRig {
  let rig: RadiusRig | undefined;
  before(async () => {
    rig = await radiusRig(RADIUS_USERS, options);
  });
  after(async () => {
    await rig?.dispose();
  });
  return () => rig!;
}

/** A CHAP login from the classic login page, as its md5.js would answer. */
export async function chapLogin(guest: Device, username: string, password: string) {
  const page = await guest.get('/login');
  return guest.post('/login', { username, password: chapAnswer(page.body, password), dst: 'http://example.com/' });
}

/** The detail records of one accounting session, once `count` of them have arrived. */
export async function accountingRecords(radius: FreeRadius, sessionId: string, count: number): Promise<Array<Record<string, string>>> {
  for (let i = 0; i < 50; i++) {
    const mine = (await radius.accounting()).filter((r) => r['Acct-Session-Id'] === sessionId);
    if (mine.length >= count) return mine;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`fewer than ${count} accounting records for ${sessionId}`);
}
