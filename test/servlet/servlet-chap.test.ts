/**
 * HTTP-CHAP through the servlet, with a classic MikroTik login page: the response is computed here
 * with node:crypto from the octal escapes in the served page, as md5.js would in a browser.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startVirtualRouter, type VirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { byId, chapAnswer, chapFromPage, Device } from '../support/hotspot-client.ts';

const HTML = 'test/fixtures/classic';
let vr: VirtualRouter | undefined;
afterEach(async () => {
  await vr?.close();
  vr = undefined;
});

async function router(loginBy: string, extra: { chapLifetime?: string } = {}) {
  vr = await startVirtualRouter({
    htmlDir: HTML,
    clock: { frozen: true },
    chapLifetime: extra.chapLifetime,
    config: {
      'ip/hotspot/profile': [{ name: 'hsprof1', 'login-by': loginBy }],
      'ip/hotspot/user': [
        { name: 'alice', password: 'secret' },
        { name: 'zoë', password: 'pässwörd' },
      ],
    },
  });
  return vr;
}

describe('HTTP-CHAP', () => {
  it('writes a 1-byte id and a 16-byte challenge as \\ooo escapes and accepts MD5(id ‖ password ‖ challenge)', async () => {
    const r = await router('http-chap');
    const guest = new Device(r.url, '02:00:00:00:00:01');
    const page = await guest.get('/login');
    expect(page.status).toBe(200);
    const { id, challenge } = chapFromPage(page.body);
    expect(id).toHaveLength(1);
    expect(challenge).toHaveLength(16);
    expect(byId(page.body, 'meta')).toContain('plain-passwd=no');

    const res = await guest.post('/login', {
      username: 'alice',
      password: chapAnswer(page.body, 'secret'),
      dst: 'http://example.com/',
      popup: 'true',
    });
    expect(byId(res.body, 'alogin')).toBe('You are logged in as alice by http-chap.');
    expect(byId(res.body, 'popup')).toBe('popup requested');
    expect(byId(res.body, 'redirect')).toBe('http://example.com/');
    expect(r.hotspot.sessions.get('02:00:00:00:00:01')?.loginBy).toBe('http-chap');
  });

  it('hashes a non-ASCII password as UTF-8', async () => {
    const r = await router('http-chap');
    const guest = new Device(r.url, '02:00:00:00:00:02');
    const page = await guest.get('/login');
    const res = await guest.post('/login', { username: 'zoë', password: chapAnswer(page.body, 'pässwörd') });
    expect(byId(res.body, 'alogin')).toBe('You are logged in as zoë by http-chap.');
  });

  it('gives every host its own challenge and a fresh one after each attempt', async () => {
    const r = await router('http-chap');
    const a = new Device(r.url, '02:00:00:00:00:0A');
    const b = new Device(r.url, '02:00:00:00:00:0B');
    const a1 = chapFromPage((await a.get('/login')).body);
    const a2 = chapFromPage((await a.get('/login')).body);
    const b1 = chapFromPage((await b.get('/login')).body);
    expect(a2.challenge.equals(a1.challenge)).toBe(true); // reused until used or expired
    expect(b1.challenge.equals(a1.challenge)).toBe(false);
    const failed = await a.post('/login', { username: 'alice', password: '0'.repeat(32) });
    const a3 = chapFromPage(failed.body);
    expect(a3.challenge.equals(a1.challenge)).toBe(false);
  });

  it('shows the errors.txt text for a wrong password and refills the user name', async () => {
    const r = await router('http-chap');
    const guest = new Device(r.url, '02:00:00:00:00:03');
    const page = await guest.get('/login');
    const res = await guest.post('/login', { username: 'alice', password: chapAnswer(page.body, 'wrong') });
    expect(res.status).toBe(200);
    expect(byId(res.body, 'error')).toBe('Wrong code or password, alice: please check it and try again.');
    expect(res.body).toContain('data-type="invalid-username"');
    expect(res.body).toContain('name="username" type="text" value="alice"');
    expect(r.hotspot.sessions.get('02:00:00:00:00:03')).toBeUndefined();
  });

  it('answers chap-missing to a stale challenge', async () => {
    const r = await router('http-chap', { chapLifetime: '10m' });
    const guest = new Device(r.url, '02:00:00:00:00:04');
    const page = await guest.get('/login');
    r.clock.advance('11m');
    const res = await guest.post('/login', { username: 'alice', password: chapAnswer(page.body, 'secret') });
    expect(res.body).toContain('data-type="chap-missing"');
    expect(byId(res.body, 'error')).toBe('web browser did not send challenge response (try again, enable JavaScript)');
  });

  it('answers chap-missing to an answer computed for an already used challenge', async () => {
    const r = await router('http-chap');
    const guest = new Device(r.url, '02:00:00:00:00:05');
    const page = await guest.get('/login');
    const answer = chapAnswer(page.body, 'secret');
    await guest.post('/login', { username: 'alice', password: 'f'.repeat(32) }); // uses the challenge up
    r.clock.advance('1h1m'); // and the fresh one the failure page issued expires too
    const res = await guest.post('/login', { username: 'alice', password: answer });
    expect(res.body).toContain('data-type="chap-missing"');
  });

  it('answers chap-missing to a plain or missing password when PAP is off', async () => {
    const r = await router('http-chap');
    const guest = new Device(r.url, '02:00:00:00:00:06');
    await guest.get('/login');
    expect((await guest.post('/login', { username: 'alice', password: 'secret' })).body).toContain('data-type="chap-missing"');
    await guest.get('/login');
    expect((await guest.post('/login', { username: 'alice' })).body).toContain('data-type="chap-missing"');
  });

  it('accepts a plain password when http-pap is on, and says plain-passwd=yes', async () => {
    const r = await router('http-chap,http-pap');
    const guest = new Device(r.url, '02:00:00:00:00:07');
    const page = await guest.get('/login');
    expect(byId(page.body, 'meta')).toContain('plain-passwd=yes');
    const res = await guest.post('/login', { username: 'alice', password: 'secret' });
    expect(byId(res.body, 'alogin')).toBe('You are logged in as alice by http-pap.');
  });

  it('leaves chap-id empty, and the CHAP script out, when http-chap is not in login-by', async () => {
    const r = await router('http-pap');
    const guest = new Device(r.url, '02:00:00:00:00:08');
    const page = await guest.get('/login');
    expect(page.body).toContain('chap off');
    expect(page.body).not.toContain('hexMD5');
    const wrong = await guest.post('/login', { username: 'alice', password: 'nope' });
    expect(wrong.body).toContain('data-type="invalid-username"');
  });
});
