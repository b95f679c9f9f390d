/**
 * `/radius incoming`: with accept=yes the router listens on `port` (default 3799) for RFC 5176
 * Disconnect-Request and CoA-Request from its configured RADIUS servers. A request is taken only from an
 * address that has a `/radius` entry, and only with that entry's secret; anything else is dropped
 * unanswered. A request naming no live session is answered NAK with Error-Cause
 * Session-Context-Not-Found (503).
 */
import type { RemoteInfo, Socket } from 'node:dgram';
import type { RouterDb } from '../db/router-db.ts';
import type { Hotspot } from '../hotspot/hotspot.ts';
import type { Session } from '../hotspot/sessions.ts';
import { applyChange } from './grant.ts';
import { formatMac } from './mac-format.ts';
import { decode, encodeAnswer, first, type Attribute, type DecodedPacket } from './packet.ts';
import { bindUdp, closeUdp } from './udp.ts';

/** RFC 5176 §3.5 Error-Cause values (the package's dictionary names only two of them). */
const SESSION_CONTEXT_NOT_FOUND = 503;
const UNSUPPORTED_EXTENSION = 406;

export interface IncomingOptions {
  db: RouterDb;
  hotspot: Hotspot;
  /** Address to listen on (the virtual router's own). */
  host: string;
  log?: (line: string) => void;
}

export class RadiusIncoming {
  private socket: Socket | undefined;
  private listening: { port: number } | undefined;
  port = 0;

  constructor(private readonly o: IncomingOptions) {}

  /** Starts, stops or moves the listener to match `/radius incoming` now. */
  async sync(): Promise<void> {
    const row = this.o.db.rows('radius/incoming')[0];
    const want = row?.accept === 'yes' ? Number(row.port) : undefined;
    if (this.listening && this.listening.port === want) return;
    await this.close();
    if (want === undefined) return;
    const socket = await bindUdp(want, this.o.host);
    socket.on('message', (msg, from) => this.receive(socket, msg, from));
    socket.on('error', (err) => this.o.log?.(`radius incoming: ${err.message}`));
    this.socket = socket;
    this.listening = { port: want };
    this.port = socket.address().port;
  }

  async close(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    this.listening = undefined;
    if (socket) await closeUdp(socket);
  }

  private receive(socket: Socket, msg: Buffer, from: RemoteInfo): void {
    const servers = this.o.db.rows('radius').filter((r) => r.disabled !== 'yes' && r.address === from.address);
    for (const server of servers) {
      let request: DecodedPacket;
      try {
        request = decode(msg, server.secret ?? '');
      } catch {
        continue; // wrong secret for this entry: try the next entry with this address
      }
      const answer = this.answer(request);
      if (!answer) return;
      socket.send(encodeAnswer(request, answer.code, answer.attributes, server.secret ?? ''), from.port, from.address);
      return;
    }
    this.o.log?.(`radius incoming: dropped a packet from ${from.address} (no /radius entry with a matching secret)`);
  }

  private answer(request: DecodedPacket): { code: string; attributes: Attribute[] } | undefined {
    const kind = request.code === 'Disconnect-Request' ? 'Disconnect' : request.code === 'CoA-Request' ? 'CoA' : undefined;
    if (!kind) return undefined;
    const hs = this.o.hotspot;
    const session = this.find(request);
    const nak = (cause: number) => ({ code: `${kind}-NAK`, attributes: [['Error-Cause', cause]] as Attribute[] });
    if (!session) return nak(SESSION_CONTEXT_NOT_FOUND);
    if (kind === 'Disconnect') {
      hs.end(session.mac, 'radius-disconnect');
      this.o.log?.(`radius incoming: Disconnect-Request ended ${session.user} (${session.mac})`);
      return { code: 'Disconnect-ACK', attributes: [] };
    }
    // A CoA changes what RADIUS granted; a session RADIUS did not admit has no grant to change.
    if (!session.radius) return nak(UNSUPPORTED_EXTENSION);
    applyChange(session.radius.grant, request);
    hs.sweep();
    this.o.log?.(`radius incoming: CoA-Request changed ${session.user} (${session.mac})`);
    return { code: 'CoA-ACK', attributes: [] };
  }

  /** The one session every identifying attribute of the request matches (RFC 5176 §3). */
  private find(request: DecodedPacket): Session | undefined {
    const hs = this.o.hotspot;
    hs.sweep();
    const want = {
      user: first(request, 'User-Name'),
      id: first(request, 'Acct-Session-Id'),
      ip: first(request, 'Framed-IP-Address'),
      station: first(request, 'Calling-Station-Id'),
    };
    if (Object.values(want).every((v) => v === undefined)) return undefined;
    const format = hs.settings().profile['radius-mac-format'] ?? '';
    const matches = hs.sessions
      .all()
      .filter(
        (s) =>
          (want.user === undefined || want.user === s.user) &&
          (want.id === undefined || want.id === s.accounting?.acctSessionId) &&
          (want.ip === undefined || want.ip === s.ip) &&
          (want.station === undefined || String(want.station).toUpperCase() === formatMac(s.mac, format).toUpperCase()),
      );
    return matches.length === 1 ? matches[0] : undefined;
  }
}
