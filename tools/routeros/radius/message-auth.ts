/**
 * Checking a RADIUS answer the way a client patched for BlastRADIUS (CVE-2024-3596) does: the Response
 * Authenticator (RFC 2865 §3), then the Message-Authenticator (RFC 3579 §3.2, HMAC-MD5 over the answer
 * with the request's authenticator in place and the attribute zeroed) when the answer has one, and
 * none at all when the `/radius` entry's require-message-auth asks for one. Compared in constant time,
 * on the bytes (the `radius` package compares them as UTF-8 text, which invalid sequences blur).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { versionParts } from '../cli/router-env.ts';

/** RouterOS adds Message-Authenticator to Access-Requests, and has require-message-auth, from 7.15 (BlastRADIUS fix). */
export function sendsMessageAuth(version: string): boolean {
  const [major, minor] = versionParts(version);
  return major > 7 || (major === 7 && minor >= 15);
}

const HEADER = 20;
const AUTHENTICATOR = { start: 4, end: 20 };
export const MESSAGE_AUTHENTICATOR = 80;

/** Offset of the Message-Authenticator's 16-byte value in a packet, or undefined without one. */
export function messageAuthenticatorAt(packet: Buffer): number | undefined {
  const length = Math.min(packet.length, packet.readUInt16BE(2));
  for (let at = HEADER; at + 2 <= length;) {
    const len = packet[at + 1]!;
    if (len < 2 || at + len > length) return undefined;
    if (packet[at] === MESSAGE_AUTHENTICATOR && len === 18) return at + 2;
    at += len;
  }
  return undefined;
}

const same = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

export type AnswerCheck = 'ok' | 'bad-authenticator' | 'bad-message-authenticator' | 'missing-message-authenticator';

/** Is `response` a genuine answer to `request` under `secret`? */
export function checkAnswer(request: Buffer, response: Buffer, secret: string, requireMessageAuth: boolean): AnswerCheck {
  if (response.length < HEADER || response.readUInt16BE(2) > response.length || response[1] !== request[1]) return 'bad-authenticator';
  const answer = Buffer.from(response.subarray(0, response.readUInt16BE(2)));
  const got = Buffer.from(answer.subarray(AUTHENTICATOR.start, AUTHENTICATOR.end));
  request.copy(answer, AUTHENTICATOR.start, AUTHENTICATOR.start, AUTHENTICATOR.end);
  const expected = createHash('md5').update(answer).update(secret).digest();
  if (!same(got, expected)) return 'bad-authenticator';
  const at = messageAuthenticatorAt(answer);
  if (at === undefined) return requireMessageAuth ? 'missing-message-authenticator' : 'ok';
  const mac = Buffer.from(answer.subarray(at, at + 16));
  answer.fill(0, at, at + 16);
  return same(mac, createHmac('md5', secret).update(answer).digest()) ? 'ok' : 'bad-message-authenticator';
}
