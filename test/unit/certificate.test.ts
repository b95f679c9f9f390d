/** The hotspot certificate check on certificates openssl makes: each fault is one sentence naming the fix. */
import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCertificate, KEY_PASSPHRASE_ENV } from '../../tools/lib/certificate.ts';
import { UserError } from '../../tools/lib/errors.ts';
import { issueCertificate, makeLocalCa, type IssuedCertificate, type LocalCa } from '../../tools/lib/make-certificate.ts';

const DAY = 86_400_000;
const NAME = 'wifi.acme.example';
let temp: string;
let ca: LocalCa;
let good: IssuedCertificate;

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'vr-cert-'));
  ca = await makeLocalCa(temp);
  good = await issueCertificate(ca, { name: 'good', dnsNames: [NAME] });
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error('the certificate was accepted');
}

describe('hotspot certificate check', () => {
  it('accepts a certificate for the DNS name that matches its key, with its fingerprint and no warning', () => {
    const c = checkCertificate({ certPem: good.certPem, keyPem: good.keyPem, dnsName: NAME });
    expect(c.warnings).toEqual([]);
    expect(c.daysLeft).toBeGreaterThan(360);
    expect(c.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    // The same certificate again gives the same fingerprint: what makes a redeploy a no-op.
    expect(checkCertificate({ certPem: good.certPem, keyPem: good.keyPem, dnsName: 'WIFI.acme.example' }).fingerprint256).toBe(c.fingerprint256);
  });

  it('refuses an expired certificate with the date it expired', async () => {
    const old = await issueCertificate(ca, {
      name: 'expired',
      dnsNames: [NAME],
      notBefore: new Date(Date.now() - 90 * DAY),
      notAfter: new Date(Date.now() - 2 * DAY),
    });
    const msg = refusal(() => checkCertificate({ certPem: old.certPem, keyPem: old.keyPem, dnsName: NAME, certFile: 'certs/wifi.pem' }));
    expect(msg).toMatch(/^certs\/wifi\.pem expired on \d{4}-\d\d-\d\d; renew it/);
  });

  it('refuses a certificate for another name, saying which names it covers', async () => {
    const other = await issueCertificate(ca, { name: 'other', dnsNames: ['portal.other.example', 'www.other.example'] });
    const msg = refusal(() => checkCertificate({ certPem: other.certPem, keyPem: other.keyPem, dnsName: NAME }));
    expect(msg).toContain("is for portal.other.example, www.other.example, not for the hotspot's DNS name wifi.acme.example");
  });

  it('accepts a wildcard certificate for a name one level below it, and not two', async () => {
    const wild = await issueCertificate(ca, { name: 'wild', dnsNames: ['*.acme.example'] });
    expect(checkCertificate({ certPem: wild.certPem, keyPem: wild.keyPem, dnsName: NAME }).warnings).toEqual([]);
    expect(refusal(() => checkCertificate({ certPem: wild.certPem, keyPem: wild.keyPem, dnsName: 'a.wifi.acme.example' }))).toContain(
      'is for *.acme.example',
    );
  });

  it('refuses a key that belongs to another certificate', async () => {
    const other = await issueCertificate(ca, { name: 'mismatch', dnsNames: [NAME] });
    const msg = refusal(() =>
      checkCertificate({ certPem: good.certPem, keyPem: other.keyPem, dnsName: NAME, keyFile: 'certs/wifi.key', certFile: 'certs/wifi.pem' }),
    );
    expect(msg).toBe('certs/wifi.key does not belong to certs/wifi.pem; give the key the certificate was issued for.');
  });

  it('warns, without refusing, when fewer than 30 days are left', async () => {
    const soon = await issueCertificate(ca, { name: 'soon', dnsNames: [NAME], notAfter: new Date(Date.now() + 10 * DAY + 3_600_000) });
    const c = checkCertificate({ certPem: soon.certPem, keyPem: soon.keyPem, dnsName: NAME, certFile: 'wifi.pem' });
    expect(c.daysLeft).toBe(10);
    expect(c.warnings).toEqual([expect.stringMatching(/^wifi\.pem expires in 10 days \(\d{4}-\d\d-\d\d\); renew it soon/)]);
  });

  it('refuses a certificate not yet valid', async () => {
    const later = await issueCertificate(ca, { name: 'later', dnsNames: [NAME], notBefore: new Date(Date.now() + 5 * DAY) });
    expect(refusal(() => checkCertificate({ certPem: later.certPem, keyPem: later.keyPem, dnsName: NAME }))).toMatch(/is not valid before .*clocks/);
  });

  it('opens an encrypted key only with the passphrase, naming the environment variable', async () => {
    const enc = await issueCertificate(ca, { name: 'enc', dnsNames: [NAME], passphrase: 'correct horse' });
    expect(enc.keyPem).toContain('ENCRYPTED');
    expect(refusal(() => checkCertificate({ certPem: enc.certPem, keyPem: enc.keyPem, dnsName: NAME }))).toContain(KEY_PASSPHRASE_ENV);
    expect(refusal(() => checkCertificate({ certPem: enc.certPem, keyPem: enc.keyPem, dnsName: NAME, passphrase: 'wrong' }))).toContain(
      'cannot be decrypted',
    );
    expect(checkCertificate({ certPem: enc.certPem, keyPem: enc.keyPem, dnsName: NAME, passphrase: 'correct horse' }).warnings).toEqual([]);
  });

  it('refuses files that are not what they should be: a key given as the certificate, the CA first', () => {
    expect(refusal(() => checkCertificate({ certPem: good.keyPem, keyPem: good.keyPem, dnsName: NAME }))).toContain('holds no PEM certificate');
    expect(refusal(() => checkCertificate({ certPem: good.certPem, keyPem: good.certPem, dnsName: NAME }))).toContain('holds no PEM private key');
    expect(refusal(() => checkCertificate({ certPem: ca.certPem + good.certPem, keyPem: good.keyPem, dnsName: NAME }))).toContain(
      'starts with a CA certificate',
    );
  });
});

describe('the local CA', () => {
  it('issues certificates asked for at the same time, each signed by it with a serial of its own', async () => {
    const names = ['a', 'b', 'c', 'd'].map((n) => `${n}.acme.example`);
    const issued = await Promise.all(names.map((n) => issueCertificate(ca, { name: `parallel-${n}`, dnsNames: [n] })));
    const certs = issued.map((c) => new X509Certificate(c.certPem));
    const authority = new X509Certificate(ca.certPem);
    for (const [i, c] of certs.entries()) {
      expect(c.verify(authority.publicKey)).toBe(true);
      expect(c.subjectAltName).toBe(`DNS:${names[i]}`);
    }
    expect(new Set(certs.map((c) => c.serialNumber)).size).toBe(names.length);
  });
});
