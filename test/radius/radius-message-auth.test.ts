/**
 * Message-Authenticator (RFC 3579 §3.2) as RouterOS 7.15+ uses it against BlastRADIUS (CVE-2024-3596):
 * every Access-Request carries one, checked by a real FreeRADIUS that requires it; an answer's is
 * verified; `require-message-auth=yes-for-request-resp` (the default) drops answers without one and
 * `no` takes them; a router older than 7.15 sends none.
 */
import { createHash } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAnswer, messageAuthenticatorAt } from '../../tools/routeros/radius/message-auth.ts';
import { radiusLib } from '../../tools/routeros/radius/packet.ts';
import { startVirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { byId, Device } from '../support/hotspot-client.ts';
import { chapLogin, radiusRig, radiusRow, RADIUS_USERS, type RadiusRig } from './radius-harness.ts';

let hardened: RadiusRig;
let unsigned: RadiusRig;
beforeAll(async () => {
  [hardened, unsigned] = await Promise.all([
    radiusRig(RADIUS_USERS, { messageAuthenticator: { require: true, reply: true } }),
    radiusRig(RADIUS_USERS, { messageAuthenticator: { require: false, reply: false } }),
  ]);
});
afterAll(async () => {
  await Promise.all([hardened?.dispose(), unsigned?.dispose()]);
});

describe('Message-Authenticator against FreeRADIUS', () => {
  it('is sent in every Access-Request, so a server that requires it accepts CHAP and PAP logins and sends its rejects', async () => {
    const vr = await hardened.router({ 'login-by': 'http-chap,http-pap' });
    const chap = await chapLogin(new Device(vr.url, '02:00:00:00:0C:01'), 'alice', 'wonderland');
    expect(byId(chap.body, 'alogin')).toBe('You are logged in as alice by http-chap.');
    const pap = await new Device(vr.url, '02:00:00:00:0C:02').post('/login', { username: 'short', password: 'shortpass' });
    expect(byId(pap.body, 'alogin')).toBe('You are logged in as short by http-pap.');
    const reject = await new Device(vr.url, '02:00:00:00:0C:03').post('/login', { username: 'expired', password: 'x' });
    expect(reject.body).toContain('data-type="radius-reply"');
  });

  it('drops answers without one by default (require-message-auth=yes-for-request-resp): radius-timeout, and the log says why', async () => {
    const lines: string[] = [];
    const vr = await startVirtualRouter({
      htmlDir: unsigned.htmlDir,
      // Each answer comes within milliseconds and is dropped: three sends 500 ms apart see several.
      config: {
        'ip/hotspot/profile': [{ name: 'hsprof1', 'login-by': 'http-pap', 'use-radius': 'yes' }],
        radius: [radiusRow(unsigned.radius, { timeout: '500ms' })],
      },
      log: (l) => lines.push(l),
    });
    try {
      const res = await new Device(vr.url, '02:00:00:00:0C:04').post('/login', { username: 'short', password: 'shortpass' });
      expect(res.body).toContain('data-type="radius-timeout"');
      expect(lines.some((l) => l.includes('missing-message-authenticator'))).toBe(true);
    } finally {
      await vr.close();
    }
  });

  it('takes answers without one with require-message-auth=no', async () => {
    const vr = await unsigned.router({ 'login-by': 'http-pap' }, {}, { 'require-message-auth': 'no' });
    const res = await new Device(vr.url, '02:00:00:00:0C:05').post('/login', { username: 'short', password: 'shortpass' });
    expect(byId(res.body, 'alogin')).toBe('You are logged in as short by http-pap.');
  });

  it('is not sent by a router older than 7.15, which a server requiring it ignores', async () => {
    // No answer ever comes: RouterOS's default 300 ms timeout, three sends, is enough to see it.
    const old = await hardened.router({ 'login-by': 'http-pap' }, { version: '7.14.3' }, { timeout: '300ms' });
    const refused = await new Device(old.url, '02:00:00:00:0C:06').post('/login', { username: 'short', password: 'shortpass' });
    expect(refused.body).toContain('data-type="radius-timeout"');
    const v6 = await unsigned.router({ 'login-by': 'http-pap' }, { version: '6.49.13' });
    const ok = await new Device(v6.url, '02:00:00:00:0C:07').post('/login', { username: 'short', password: 'shortpass' });
    expect(byId(ok.body, 'alogin')).toBe('You are logged in as short by http-pap.');
  });
});

/**
 * An answer whose Message-Authenticator was tampered with, under a Response Authenticator made valid
 * again: what a BlastRADIUS attacker's MD5 collision achieves, and only the Message-Authenticator catches.
 */
function forge(answer: Buffer, request: Buffer, secret: string): Buffer {
  const out = Buffer.from(answer);
  out[messageAuthenticatorAt(out)!]! ^= 0xff;
  request.copy(out, 4, 4, 20);
  createHash('md5').update(out).update(secret).digest().copy(out, 4);
  return out;
}

describe('checking an answer', () => {
  const secret = 'answer-check';
  const lib = radiusLib();
  const request = lib.encode({ code: 'Access-Request', secret, identifier: 7, attributes: [['User-Name', 'a']], add_message_authenticator: true });
  const decoded = lib.decode({ packet: request, secret });
  const signed = () => lib.encode_response({ packet: decoded, code: 'Access-Accept', secret, attributes: [['Session-Timeout', 60]] });

  it('takes a genuine signed answer and refuses a forged Message-Authenticator, a wrong secret or a missing one when required', () => {
    expect(checkAnswer(request, signed(), secret, true)).toBe('ok');
    expect(checkAnswer(request, forge(signed(), request, secret), secret, false)).toBe('bad-message-authenticator');
    expect(checkAnswer(request, signed(), 'other', false)).toBe('bad-authenticator');
    const plainRequest = lib.encode({
      code: 'Access-Request',
      secret,
      identifier: 7,
      attributes: [['User-Name', 'a']],
      add_message_authenticator: false,
    });
    const plain = lib.encode_response({ packet: lib.decode({ packet: plainRequest, secret }), code: 'Access-Accept', secret });
    expect(checkAnswer(plainRequest, plain, secret, true)).toBe('missing-message-authenticator');
    expect(checkAnswer(plainRequest, plain, secret, false)).toBe('ok');
  });

  it('ignores a forged answer on the wire and still takes the genuine one that follows', async () => {
    // A server that first sends an answer with a bad Message-Authenticator, then the right one.
    const socket = createSocket('udp4');
    socket.on('message', (msg, from) => {
      const req = lib.decode({ packet: msg, secret });
      const good = lib.encode_response({ packet: req, code: 'Access-Accept', secret, attributes: [['Session-Timeout', 90]] });
      const bad = forge(lib.encode_response({ packet: req, code: 'Access-Accept', secret, attributes: [['Session-Timeout', 30]] }), msg, secret);
      socket.send(bad, from.port, from.address, () => socket.send(good, from.port, from.address));
    });
    await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
    const port = socket.address().port;
    const vr = await startVirtualRouter({
      htmlDir: hardened.htmlDir,
      config: {
        'ip/hotspot/profile': [{ name: 'hsprof1', 'login-by': 'http-pap', 'use-radius': 'yes' }],
        radius: [{ address: '127.0.0.1', secret, service: 'hotspot', 'authentication-port': port, 'accounting-port': port, timeout: '1s' }],
      },
    });
    try {
      const guest = new Device(vr.url, '02:00:00:00:0C:08');
      const res = await guest.post('/login', { username: 'anyone', password: 'x' });
      expect(res.body).toContain('logged in as anyone');
      expect(vr.hotspot.sessions.get('02:00:00:00:0C:08')?.radius?.grant.sessionTimeoutMs).toBe(90_000);
    } finally {
      await vr.close();
      await new Promise<void>((r) => socket.close(() => r()));
    }
  });
});
