/**
 * Sending one RADIUS request over UDP and waiting for its answer, as the router's RADIUS client does:
 * each `/radius` entry in turn, the request sent again when `timeout` passes without a verified answer
 * (M-CLI: "timeout after which the request should be resent"), up to ATTEMPTS sends per server. No
 * answer from any server is a timeout, which the hotspot reports as `radius-timeout`.
 */
import { createSocket } from 'node:dgram';
import { randomInt } from 'node:crypto';
import { checkAnswer } from './message-auth.ts';
import { decode, radiusLib, type Attribute, type DecodedPacket } from './packet.ts';

export interface RadiusServer {
  address: string;
  secret: string;
  authPort: number;
  acctPort: number;
  timeoutMs: number;
  /** Source address to send from; undefined lets the system choose. */
  srcAddress?: string;
  /** Access-Requests carry a Message-Authenticator (RouterOS 7.15+). */
  sendMessageAuth: boolean;
  /** require-message-auth=yes-for-request-resp: an Access answer without a Message-Authenticator is dropped. */
  requireMessageAuth: boolean;
}

/** Sends per server before the next one is tried (how many RouterOS makes is UNCERTAIN; 3 is RADIUS practice). */
export const ATTEMPTS = 3;

export interface Exchange {
  code: 'Access-Request' | 'Accounting-Request';
  attributes: Attribute[];
}

/**
 * The first verified answer from the servers, in order, or undefined when none answers in time.
 * `log` hears of answers dropped as not genuine (never with the secret).
 */
export async function ask(
  servers: readonly RadiusServer[],
  request: Exchange,
  log?: (line: string) => void,
): Promise<{ reply: DecodedPacket; server: RadiusServer } | undefined> {
  for (const server of servers) {
    const reply = await askOne(server, request, log);
    if (reply) return { reply, server };
  }
  return undefined;
}

function askOne(server: RadiusServer, request: Exchange, log?: (line: string) => void): Promise<DecodedPacket | undefined> {
  const lib = radiusLib();
  const access = request.code === 'Access-Request';
  const packet = lib.encode({
    code: request.code,
    secret: server.secret,
    identifier: randomInt(256),
    attributes: request.attributes,
    // Only Access-Requests carry one (RFC 3579 §3.2 defines it for the Access exchange).
    add_message_authenticator: access && server.sendMessageAuth,
  });
  const port = access ? server.authPort : server.acctPort;
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = (reply: DecodedPacket | undefined) => {
      clearTimeout(timer);
      socket.close();
      resolve(reply);
    };
    const send = () => {
      if (sent++ >= ATTEMPTS) return finish(undefined);
      socket.send(packet, port, server.address, (err) => {
        if (err) finish(undefined);
      });
      timer = setTimeout(send, server.timeoutMs);
    };
    socket.on('error', () => finish(undefined));
    socket.on('message', (msg, from) => {
      if (from.address !== server.address || from.port !== port) return;
      try {
        const check = checkAnswer(packet, msg, server.secret, access && server.requireMessageAuth);
        if (check !== 'ok') return log?.(`radius: dropped an answer from ${server.address}: ${check}`);
        finish(decode(msg, server.secret));
      } catch {
        // A malformed or forged answer is ignored, as a router ignores it: the timeout still runs.
      }
    });
    socket.bind({ port: 0, address: server.srcAddress }, send);
  });
}
