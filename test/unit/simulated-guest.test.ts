/**
 * The simulated guest's own behaviour, against a bare HTTP server on loopback: the MAC header, the
 * cookie jar (kept, sent back, dropped when the server expires a cookie, or not kept at all), and a
 * request that gets no answer ending with a GuestTimeout.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device, GuestTimeout } from '../../tools/lib/simulated-guest.ts';

let server: Server;
let url: string;
const seen: IncomingMessage[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    if (req.url === '/silent') return; // never answers
    if (req.url === '/set') res.setHeader('set-cookie', ['a=1; path=/', 'b=2']);
    if (req.url === '/expire') res.setHeader('set-cookie', 'a=; max-age=0');
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('a simulated guest', () => {
  it('sends its MAC, keeps the cookies it is given, sends them back, and drops an expired one', async () => {
    const d = new Device(url, '02:00:00:00:60:01');
    await d.get('/set');
    await d.get('/next');
    expect(seen.at(-1)!.headers['x-vr-mac']).toBe('02:00:00:00:60:01');
    expect(seen.at(-1)!.headers.cookie).toBe('a=1; b=2');
    await d.get('/expire');
    expect([...d.cookies.keys()]).toEqual(['b']);
  });

  it('keeps no cookies when told not to (each load cycle is a new visit)', async () => {
    const d = new Device(url, '02:00:00:00:60:02', { cookies: false });
    await d.get('/set');
    await d.get('/next');
    expect(seen.at(-1)!.headers.cookie).toBeUndefined();
  });

  it('ends a request that gets no answer with a GuestTimeout', async () => {
    const d = new Device(url, '02:00:00:00:60:03', { timeoutMs: 100 });
    await expect(d.get('/silent')).rejects.toThrow(GuestTimeout);
    await expect(d.get('/silent')).rejects.toThrow(/^GET \/silent got no answer within 100 ms$/);
  });
});
