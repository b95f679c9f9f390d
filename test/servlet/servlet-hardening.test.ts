/**
 * The virtual router against hostile clients: a Host header that makes no URL, the control API from
 * pages elsewhere or with absurd values, one device logging in again and again, and a RouterOS regex
 * built to backtrack for ever. Each answer is a sentence, never a stack trace, and nothing grows or
 * blocks.
 */
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from '../../tools/routeros/hotspot/cookies.ts';
import { startVirtualRouter, type VirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { cliRouter } from '../support/cli-router.ts';
import { Device } from '../support/hotspot-client.ts';

let vr: VirtualRouter;
beforeAll(async () => {
  vr = await startVirtualRouter({
    htmlDir: resolve('test/fixtures/classic'),
    config: {
      'ip/hotspot/user': [{ name: 'alice', password: 'secret' }],
      'ip/hotspot/profile': [{ name: 'hsprof1', 'login-by': 'http-pap,cookie' }],
    },
    clock: { frozen: true },
  });
});
afterAll(() => vr.close());

/** One raw HTTP exchange, so that headers no HTTP library would send can be sent. */
function raw(request: string): Promise<string> {
  return new Promise((done, fail) => {
    const sock = connect(vr.port, '127.0.0.1', () => sock.end(request));
    let out = '';
    sock.on('data', (d) => (out += d.toString('latin1')));
    sock.on('close', () => done(out));
    sock.on('error', fail);
  });
}

describe('hostile requests', () => {
  it.each(['bad host!', '[::', 'a b:99999', 'x:y:z'])('a Host header of %j gets a 400 sentence, no stack trace or path', async (host) => {
    const answer = await raw(`GET /login HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('Bad request: the Host header or the request line is not a valid URL.');
    expect(answer).not.toMatch(/\n\s+at |\/work\/|node:internal|TypeError/);
  });
});

describe('a refused CONNECT tunnel', () => {
  it('a client resetting it leaves no uncaught error and the router answering', async () => {
    const uncaught: unknown[] = [];
    const record = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', record);
    try {
      await new Promise<void>((done, fail) => {
        const sock = connect(vr.port, '127.0.0.1', () => sock.write('CONNECT elsewhere.example:443 HTTP/1.1\r\nHost: elsewhere.example:443\r\n\r\n'));
        sock.on('data', (d) => {
          expect(d.toString('latin1')).toMatch(/^HTTP\/1\.1 403 /);
          sock.resetAndDestroy(); // RST instead of FIN: the router's read of this socket fails with ECONNRESET
          done();
        });
        sock.on('error', fail);
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(uncaught).toEqual([]);
      expect((await fetch(`${vr.url}/login`, { headers: { 'x-vr-mac': '02:00:00:00:00:51' } })).status).toBe(200);
    } finally {
      process.off('uncaughtException', record);
    }
  });
});

describe('the control API', () => {
  const base = () => vr.url;
  const post = (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${base()}${path}`, { method: 'POST', body, headers }).then(async (r) => ({
      status: r.status,
      json: (await r.json()) as { error?: string },
    }));

  it('takes a JSON change from its own origin', async () => {
    const r = await post('/__vr/clock', '{"advance":"5m"}', { 'content-type': 'application/json', origin: base() });
    expect(r.status).toBe(200);
  });

  it.each<[string, Record<string, string>, string]>([
    [
      'a form post (no JSON content type)',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'The control API takes changes as JSON only: send Content-Type: application/json.',
    ],
    ['a text/plain post', { 'content-type': 'text/plain' }, 'The control API takes changes as JSON only: send Content-Type: application/json.'],
    [
      'a page of another origin',
      { 'content-type': 'application/json', origin: 'http://evil.example' },
      'The control API takes requests only from pages of its own origin.',
    ],
    [
      'a cross-site fetch',
      { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      'The control API takes requests only from pages of its own origin.',
    ],
    [
      'a rebound DNS name',
      { 'content-type': 'application/json', host: 'evil.example' },
      'The control API answers only requests addressed to 127.0.0.1 or localhost.',
    ],
  ])('refuses %s with 403', async (_label, headers, error) => {
    const before = vr.clock.now();
    const answer = headers.host
      ? await raw(
          `POST /__vr/clock HTTP/1.1\r\nHost: ${headers.host}\r\nContent-Type: application/json\r\nContent-Length: 17\r\nConnection: close\r\n\r\n{"advance":"5m"}\n`,
        )
      : undefined;
    if (answer) {
      expect(answer).toMatch(/^HTTP\/1\.1 403 /);
      expect(answer).toContain(error);
    } else {
      expect(await post('/__vr/clock', '{"advance":"5m"}', headers)).toEqual({ status: 403, json: { error } });
    }
    expect(vr.clock.now()).toBe(before);
  });

  it.each([
    ['{"advance":"99999999999w"}', 'Give "advance" as a duration from 1s to 366d, such as 5m or 1h30m.'],
    ['{"advance":"367d"}', 'Give "advance" as a duration from 1s to 366d, such as 5m or 1h30m.'],
    ['{"advance":"0s"}', 'Give "advance" as a duration from 1s to 366d, such as 5m or 1h30m.'],
    ['{"advance":5}', 'Give "advance" as a duration from 1s to 366d, such as 5m or 1h30m.'],
  ])('bounds the clock: %s is refused and the clock keeps working', async (body, error) => {
    const before = vr.clock.now();
    expect(await post('/__vr/clock', body)).toEqual({ status: 400, json: { error } });
    expect(vr.clock.now()).toBe(before);
    expect(new Date(vr.clock.now()).toISOString()).toMatch(/^20\d\d-/);
  });

  it('bounds traffic figures', async () => {
    const d = new Device(vr.url, '02:00:00:00:50:01');
    await d.post('/login', { username: 'alice', password: 'secret' });
    for (const bad of [
      '{"mac":"02:00:00:00:50:01","bytesIn":-5}',
      '{"mac":"02:00:00:00:50:01","bytesIn":1e300}',
      '{"mac":"02:00:00:00:50:01","bytesIn":"10"}',
    ]) {
      const r = await post('/__vr/traffic', bad);
      expect(r.status).toBe(400);
      expect(r.json.error).toMatch(/^"bytesIn" must be a whole number from 0 to \d+\.$/);
    }
    expect((await post('/__vr/traffic', '{"mac":"02:00:00:00:50:01","bytesIn":1000}')).status).toBe(200);
  });
});

describe('per-device state', () => {
  it('one device logging in 200 times keeps one cookie record; expired ones of others go', () => {
    const jar = new CookieJar();
    jar.issue('bob', '02:00:00:00:50:09', 1000, 0);
    for (let i = 0; i < 200; i++) jar.issue('alice', '02:00:00:00:50:02', 10_000 + i, 2000 + i);
    expect(jar.all().map((c) => [c.mac, c.expiresAt])).toEqual([['02:00:00:00:50:02', 10_199]]);
  });
});

describe('RouterOS regular expressions', () => {
  it('a pattern built to backtrack for ever answers at once', async () => {
    const r = await cliRouter('7.19.4', { 'ip/hotspot/walled-garden': [{ 'dst-host': 'x.example.com', comment: `${'a'.repeat(5000)}!` }] });
    try {
      const started = Date.now();
      expect(await r.out('/ip hotspot walled-garden print count-only where comment~"^(a+)+\\$"')).toBe('0\n');
      // Exponential backtracking would take longer than the universe; linear matching takes milliseconds.
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await r.out('/ip hotspot walled-garden print count-only where comment~"^a+!\\$"')).toBe('1\n');
    } finally {
      await r.dispose();
    }
  });

  it('a back-reference, which cannot run in linear time, is a console error', async () => {
    const r = await cliRouter('7.19.4', { 'ip/hotspot/walled-garden': [{ 'dst-host': 'x.example.com', comment: 'aa' }] });
    try {
      expect((await r.run('/ip hotspot walled-garden print where comment~"(a)\\\\1"')).error).toMatch(/regular expression too complex/);
    } finally {
      await r.dispose();
    }
  });
});
