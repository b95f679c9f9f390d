/**
 * The preview's demo RADIUS server (`npm run dev -- --radius demo`): a small server on 127.0.0.1, built
 * on the same `radius` package as the virtual router's client, so a designer sees what RADIUS grants
 * (time, data and speed on the status page) and what it refuses with (a Reply-Message as the login
 * page's error) without running FreeRADIUS. It answers PAP and CHAP Access-Requests for its demo users
 * and acknowledges accounting; it is not a RADIUS server for guests.
 */
import type { RemoteInfo } from 'node:dgram';
import { timingSafeEqual } from 'node:crypto';
import { chapResponse } from '../routeros/hotspot/chap.ts';
import { decode, encodeAnswer, first, type Attribute, type DecodedPacket } from '../routeros/radius/packet.ts';
import { bindUdp, closeUdp } from '../routeros/radius/udp.ts';

/** Shared between the demo server and the preview's router only; it protects nothing. */
export const DEMO_RADIUS_SECRET = 'hotspot-demo-radius';

export interface DemoRadiusUser {
  name: string;
  /** Absent for a user refused whatever the password. */
  password?: string;
  /** What the demo user shows: said in the terminal when the dev server starts. */
  about: string;
  /** Refused with this Reply-Message. */
  reject?: string;
  reply: Attribute[];
}

/** Names the example router's local users do not have (local users are asked first). */
export const DEMO_RADIUS_USERS: readonly DemoRadiusUser[] = [
  {
    name: 'carol',
    password: 'radius',
    about: '1 h session, 200 MB, 2M/8M speed, 10 min idle timeout',
    reply: [
      ['Session-Timeout', 3600],
      ['Idle-Timeout', 600],
      ['Acct-Interim-Interval', 120],
      [
        'Vendor-Specific',
        14988,
        [
          ['Mikrotik-Rate-Limit', '2M/8M'],
          ['Mikrotik-Total-Limit', 200_000_000],
        ],
      ],
    ],
  },
  {
    name: 'expired',
    about: 'any password: refused with a Reply-Message',
    reject: 'Your plan has expired. Buy a new one at the front desk.',
    reply: [],
  },
];

export interface DemoRadius {
  address: string;
  /** Authentication and accounting share this port. */
  port: number;
  secret: string;
  users: readonly DemoRadiusUser[];
  close(): Promise<void>;
}

/** The password of a PAP or CHAP request, checked against the user's. */
function passwordMatches(req: DecodedPacket, password: string): boolean {
  const pap = first(req, 'User-Password');
  if (typeof pap === 'string') return pap === password;
  const chap = first(req, 'CHAP-Password');
  if (!Buffer.isBuffer(chap) || chap.length !== 17) return false;
  // Without CHAP-Challenge the challenge is the Request Authenticator (RFC 2865 §2.2).
  const challenge = first(req, 'CHAP-Challenge');
  const authenticator = (req.source as unknown as { authenticator: Buffer }).authenticator;
  const expected = Buffer.from(chapResponse(chap.subarray(0, 1), password, Buffer.isBuffer(challenge) ? challenge : authenticator), 'hex');
  return timingSafeEqual(expected, chap.subarray(1));
}

function answer(req: DecodedPacket, users: readonly DemoRadiusUser[]): { code: string; attributes: Attribute[] } | undefined {
  if (req.code === 'Accounting-Request') return { code: 'Accounting-Response', attributes: [] };
  if (req.code !== 'Access-Request') return undefined;
  const user = users.find((u) => u.name === first(req, 'User-Name'));
  if (user?.reject) return { code: 'Access-Reject', attributes: [['Reply-Message', user.reject]] };
  if (user?.password === undefined || !passwordMatches(req, user.password)) return { code: 'Access-Reject', attributes: [] };
  return { code: 'Access-Accept', attributes: user.reply.map((a) => [...a] as Attribute) };
}

export async function startDemoRadius(users: readonly DemoRadiusUser[] = DEMO_RADIUS_USERS): Promise<DemoRadius> {
  const address = '127.0.0.1';
  const socket = await bindUdp(0, address);
  socket.on('message', (msg: Buffer, from: RemoteInfo) => {
    let req: DecodedPacket;
    try {
      req = decode(msg, DEMO_RADIUS_SECRET);
    } catch {
      return; // not RADIUS, or another secret: dropped, as a server drops it
    }
    const reply = answer(req, users);
    if (!reply) return;
    socket.send(encodeAnswer(req, reply.code, reply.attributes, DEMO_RADIUS_SECRET), from.port, from.address);
  });
  return {
    address,
    port: socket.address().port,
    secret: DEMO_RADIUS_SECRET,
    users,
    close: () => closeUdp(socket),
  };
}
