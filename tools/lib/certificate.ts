/**
 * Checks a hotspot TLS certificate before anything changes on a router: it must cover the hotspot's
 * DNS name, be valid now (a warning under 30 days left), and match its private key. Used by build,
 * deploy, the virtual router and the dev server alike, so every tool refuses the same certificates.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { UserError } from './errors.ts';

/** The environment variable that holds an encrypted key's passphrase (never a flag or a config field). */
export const KEY_PASSPHRASE_ENV = 'HOTSPOT_CERT_PASSPHRASE';
/** Fewer days left than this gives a warning, not an error. */
export const RENEW_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

export interface CertificateInput {
  /** PEM text: the server certificate first, then any intermediates. */
  certPem: string;
  /** PEM text of the private key (PKCS#1, PKCS#8 or SEC1; encrypted keys need the passphrase). */
  keyPem: string;
  passphrase?: string;
  /** The hotspot's dns-name, which browsers compare the certificate with. */
  dnsName: string;
  /** How the files are named in messages. */
  certFile?: string;
  keyFile?: string;
  now?: Date;
}

export interface CheckedCertificate {
  /** SHA-256 of the server certificate, as `AA:BB:…`: the same certificate gives the same value. */
  fingerprint256: string;
  notAfter: Date;
  daysLeft: number;
  /** Sentences worth showing (expiry close); none when all is well. */
  warnings: string[];
  /** Every certificate of the chain, PEM, server first. */
  chain: X509Certificate[];
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The certificates of a PEM bundle, in order; one sentence when there are none or one is damaged. */
export function parseCertificates(pem: string, file = 'the certificate'): X509Certificate[] {
  const blocks = pem.match(PEM_CERT) ?? [];
  if (blocks.length === 0)
    throw new UserError(`${file} holds no PEM certificate ("-----BEGIN CERTIFICATE-----"); give the certificate file, not the key or a DER file.`);
  return blocks.map((b, i) => {
    try {
      return new X509Certificate(b);
    } catch {
      throw new UserError(`${file}: certificate ${i + 1} of the file is damaged and cannot be read; download it again from the issuer.`);
    }
  });
}

/** The private key, decrypted with the passphrase when it is encrypted. */
export function parsePrivateKey(pem: string, passphrase: string | undefined, file = 'the key'): KeyObject {
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem))
    throw new UserError(`${file} holds no PEM private key ("-----BEGIN PRIVATE KEY-----"); give the key the certificate was issued for.`);
  const encrypted = /ENCRYPTED/.test(pem);
  if (encrypted && !passphrase) throw new UserError(`${file} is encrypted; put its passphrase in the ${KEY_PASSPHRASE_ENV} environment variable.`);
  try {
    return createPrivateKey(passphrase ? { key: pem, passphrase } : { key: pem });
  } catch {
    if (encrypted) throw new UserError(`${file} cannot be decrypted with the passphrase in ${KEY_PASSPHRASE_ENV}; check the passphrase.`);
    throw new UserError(`${file} is not a private key this toolkit can read; export it as PEM (PKCS#8 or PKCS#1).`);
  }
}

/** The DNS names a certificate is for: its subjectAltName DNS entries (or its CN when it has none). */
export function certificateNames(cert: X509Certificate): string[] {
  const san = (cert.subjectAltName ?? '')
    .split(/,\s*/)
    .filter((e) => e.startsWith('DNS:'))
    .map((e) => e.slice(4));
  if (san.length) return san;
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.subject);
  return cn ? [cn[1]!] : [];
}

/** Checks a certificate and key for a hotspot; throws one sentence for the first thing that is wrong. */
export function checkCertificate(input: CertificateInput): CheckedCertificate {
  const certFile = input.certFile ?? 'the certificate';
  const keyFile = input.keyFile ?? 'the key';
  const now = input.now ?? new Date();
  const chain = parseCertificates(input.certPem, certFile);
  const cert = chain[0]!;
  if (cert.ca)
    throw new UserError(`${certFile} starts with a CA certificate (${cert.subject.replace(/\n/g, ', ')}); put the hotspot's own certificate first.`);
  const names = certificateNames(cert);
  if (!cert.checkHost(input.dnsName)) {
    throw new UserError(
      `${certFile} is for ${names.length ? names.join(', ') : 'no DNS name'}, not for the hotspot's DNS name ${input.dnsName}; get a certificate for ${input.dnsName} or set router.dnsName to a name it covers.`,
    );
  }
  const notBefore = new Date(cert.validFrom);
  const notAfter = new Date(cert.validTo);
  if (now.getTime() > notAfter.getTime()) {
    throw new UserError(
      `${certFile} expired on ${notAfter.toISOString().slice(0, 10)}; renew it and deploy again (guests' browsers refuse an expired certificate).`,
    );
  }
  if (now.getTime() < notBefore.getTime()) {
    throw new UserError(
      `${certFile} is not valid before ${notBefore.toISOString()}; check the computer's and the router's clocks, or wait until then.`,
    );
  }
  const key = parsePrivateKey(input.keyPem, input.passphrase, keyFile);
  if (!cert.checkPrivateKey(key)) {
    throw new UserError(`${keyFile} does not belong to ${certFile}; give the key the certificate was issued for.`);
  }
  const daysLeft = Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
  const warnings =
    daysLeft < RENEW_WARNING_DAYS
      ? [
          `${certFile} expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'} (${notAfter.toISOString().slice(0, 10)}); renew it soon and deploy again.`,
        ]
      : [];
  return { fingerprint256: cert.fingerprint256, notAfter, daysLeft, warnings, chain };
}
