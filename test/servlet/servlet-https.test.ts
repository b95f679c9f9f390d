/**
 * The servlet over TLS: a certificate imported with `/certificate import` and named in the profile's
 * ssl-certificate, `$(ssl-login)`, the link variables on each scheme, login-by=https, and plain-HTTP
 * logins sent to the TLS login page when the profile allows only https.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate, makeLocalCa, type IssuedCertificate, type LocalCa } from '../../tools/lib/make-certificate.ts';
import { runConsole } from '../../tools/routeros/cli/index.ts';
import { startVirtualRouter, type VirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { byId, chapAnswer, Device } from '../support/hotspot-client.ts';

const NAME = 'wifi.acme.example';
let temp: string;
let pages: string;
let ca: LocalCa;
let cert: IssuedCertificate;
let vr: VirtualRouter | undefined;

/** One line every page of the fixture copy shows: the TLS-related variables. */
const TLS_LINE =
  '<p id="tls">ssl-login=$(ssl-login) login-only=$(link-login-only) status=$(link-status) logout=$(link-logout) server-address=$(server-address)</p>';

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'vr-https-'));
  ca = await makeLocalCa(join(temp, 'ca'));
  cert = await issueCertificate(ca, { name: 'wifi', dnsNames: [NAME], passphrase: 'pass phrase' });
  pages = join(temp, 'pages');
  await cp('test/fixtures/classic', pages, { recursive: true });
  for (const page of ['login.html', 'alogin.html', 'status.html']) {
    const file = join(pages, page);
    await writeFile(file, (await readFile(file, 'utf8')).replace('</body>', `${TLS_LINE}\n</body>`));
  }
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});
afterEach(async () => {
  await vr?.close();
  vr = undefined;
});

/** A router with a file store holding the PEM files; `importCert` runs `/certificate import` on it. */
async function router(loginBy: string): Promise<VirtualRouter> {
  const storage = join(temp, `store-${Math.random().toString(36).slice(2)}`);
  await cp(pages, join(storage, 'hotspot'), { recursive: true });
  await writeFile(join(storage, 'wifi.pem'), cert.certPem);
  await writeFile(join(storage, 'wifi.key'), cert.keyPem);
  vr = await startVirtualRouter({
    storageDir: storage,
    clock: { frozen: true },
    https: { port: 0 },
    config: {
      'ip/hotspot/profile': [{ name: 'hsprof1', 'login-by': loginBy, 'dns-name': NAME }],
      'ip/hotspot/user': [
        { name: 'alice', password: 'secret' },
        { name: 'bob', password: 'builder' },
      ],
    },
  });
  return vr;
}

async function cli(r: VirtualRouter, command: string): Promise<string> {
  const res = await runConsole(command, { db: r.db, version: r.version, identity: () => r.identity, files: r.files, uptimeMs: () => 0 });
  if (res.error) throw new Error(`${command}: ${res.error}`);
  return res.output;
}

async function withCertificate(loginBy: string): Promise<VirtualRouter> {
  const r = await router(loginBy);
  await cli(r, '/certificate import file-name=wifi.pem passphrase=""');
  await cli(r, '/certificate import file-name=wifi.key passphrase="pass phrase"');
  await cli(r, '/ip hotspot profile set hsprof1 ssl-certificate=wifi.pem_0');
  return r;
}

const guestTls = (r: VirtualRouter, mac: string) => new Device(r.httpsUrl, mac, { tls: { ca: ca.certPem, servername: NAME } });
const tlsLine = (html: string) => byId(html, 'tls');

describe('certificate store', () => {
  it('imports the certificate, then its key (flag private-key), and does not import the same certificate twice', async () => {
    const r = await router('https');
    expect(await cli(r, '/certificate import file-name=wifi.pem passphrase=""')).toContain('certificates-imported: 1');
    const key = await cli(r, '/certificate import file-name=wifi.key passphrase="pass phrase"');
    expect(key).toContain('private-keys-imported: 1');
    expect(key).toContain('decryption-failures: 0');
    const detail = await cli(r, '/certificate print detail');
    expect(detail).toContain('name="wifi.pem_0"');
    expect(detail).toContain(`common-name="${NAME}"`);
    expect(detail).toContain('private-key=yes');
    expect(await cli(r, '/certificate import file-name=wifi.pem passphrase=""')).toContain('certificates-imported: 0');
    expect(await cli(r, ':put [/certificate get wifi.pem_0 fingerprint]')).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('counts a wrong passphrase as a decryption failure and leaves the certificate without a key', async () => {
    const r = await router('https');
    await cli(r, '/certificate import file-name=wifi.pem passphrase=""');
    expect(await cli(r, '/certificate import file-name=wifi.key passphrase="wrong"')).toContain('decryption-failures: 1');
    expect(await cli(r, ':put [/certificate get wifi.pem_0 private-key]')).toBe('no\n');
  });

  it('refuses the TLS handshake while the profile names no usable certificate', async () => {
    const r = await router('https');
    const err = await new Promise<Error>((resolve) => {
      const s = tlsConnect({ host: '127.0.0.1', port: r.httpsPort, servername: NAME, ca: ca.certPem }, () =>
        resolve(new Error('handshake succeeded')),
      );
      s.on('error', resolve);
    });
    expect(err.message).not.toBe('handshake succeeded');
  });
});

describe('pages over TLS', () => {
  it('sets ssl-login=yes on TLS pages and no on plain ones; login links https, status and logout hard-coded http', async () => {
    const r = await withCertificate('http-chap,https,cookie');
    const page = await guestTls(r, '02:00:00:00:00:31').get('/login');
    expect(page.status).toBe(200);
    expect(tlsLine(page.body)).toBe(
      `ssl-login=yes login-only=https://${NAME}/login status=http://${NAME}/status logout=http://${NAME}/logout server-address=10.5.50.1:443`,
    );
    const plain = await new Device(r.url, '02:00:00:00:00:32').get('/login');
    // Beside CHAP the plain-HTTP page is still served (with a challenge), its login link already https.
    expect(plain.body).toContain('chap on');
    expect(tlsLine(plain.body)).toBe(
      `ssl-login=no login-only=${r.httpsUrl}/login status=${r.url}/status logout=${r.url}/logout server-address=10.5.50.1:80`,
    );
  });

  it('logs a plain password in over TLS as login-by=https, and refuses it over plain HTTP', async () => {
    const r = await withCertificate('http-chap,https');
    const guest = guestTls(r, '02:00:00:00:00:33');
    const res = await guest.post('/login', { username: 'alice', password: 'secret' });
    expect(byId(res.body, 'alogin')).toBe('You are logged in as alice by https.');
    expect(byId((await guest.get('/status')).body, 'login-by')).toBe('https');

    const plain = new Device(r.url, '02:00:00:00:00:34');
    await plain.get('/login');
    const refused = await plain.post('/login', { username: 'alice', password: 'secret' });
    expect(refused.body).toContain('data-type="chap-missing"');
    // CHAP over plain HTTP still works beside https.
    const page = await plain.get('/login');
    const chap = await plain.post('/login', { username: 'bob', password: chapAnswer(page.body, 'builder') });
    expect(byId(chap.body, 'alogin')).toBe('You are logged in as bob by http-chap.');
  });

  it('sends a plain-HTTP login to the TLS login page when the profile allows only https', async () => {
    const r = await withCertificate('https,cookie');
    const plain = new Device(r.url, '02:00:00:00:00:35');
    for (const res of [
      await plain.get('/login?dst=http%3A%2F%2Fexample.com%2F'),
      await plain.post('/login', { username: 'alice', password: 'secret' }),
    ]) {
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe(`${r.httpsUrl}/login?dst=http%3A%2F%2Fexample.com%2F`);
    }
    expect(r.hotspot.sessions.all()).toEqual([]);
  });

  it('ignores login-by=https while the certificate has no key: links stay on the scheme of the page', async () => {
    const r = await router('http-chap,https');
    await cli(r, '/certificate import file-name=wifi.pem passphrase=""');
    await cli(r, '/ip hotspot profile set hsprof1 ssl-certificate=wifi.pem_0');
    const plain = await new Device(r.url, '02:00:00:00:00:36').get('/login');
    expect(tlsLine(plain.body)).toContain(`login-only=${r.url}/login`);
  });

  it('reaches the TLS listener through CONNECT to the hotspot name on 443, as a proxied browser does; other hosts are refused', async () => {
    const r = await withCertificate('https');
    const tunnel = (target: string) =>
      new Promise<{ status: number; socket: import('node:net').Socket }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: r.port, method: 'CONNECT', path: target });
        req.on('connect', (res, socket) => resolve({ status: res.statusCode ?? 0, socket }));
        req.on('error', reject);
        req.end();
      });
    expect((await tunnel('example.com:443')).status).toBe(403);
    const { status, socket } = await tunnel(`${NAME}:443`);
    expect(status).toBe(200);
    const body = await new Promise<string>((resolve, reject) => {
      const s = tlsConnect({ socket, servername: NAME, ca: ca.certPem }, () => {
        s.write(`GET /login HTTP/1.1\r\nHost: ${NAME}\r\nx-vr-mac: 02:00:00:00:00:37\r\nConnection: close\r\n\r\n`);
      });
      let text = '';
      s.on('data', (c: Buffer) => (text += c.toString('utf8')));
      s.on('end', () => resolve(text));
      s.on('error', reject);
    });
    expect(body).toMatch(/^HTTP\/1\.1 200/);
    expect(tlsLine(body)).toContain(`ssl-login=yes login-only=https://${NAME}/login`);
  });
});
