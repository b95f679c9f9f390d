/**
 * The virtual router's certificate store: `/certificate import` of PEM files into the `certificate`
 * table, and the TLS context the HTTPS listener serves for the hotspot profile's `ssl-certificate`.
 *
 * As RouterOS does (M-CERT): each certificate in a file becomes a row named `<file>_<n>` (or the
 * `name=` given), a key in a file is matched to the certificate it belongs to (flag K,
 * `private-key=yes`), an encrypted key needs `passphrase=`, and a certificate already in the store
 * is not imported again. Exact counters for the duplicate case are UNCERTAIN (docs/routeros-fidelity.md).
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { createSecureContext, type SecureContext } from 'node:tls';
import { certificateNames } from '../../lib/certificate.ts';
import type { RouterDb, Row } from '../db/router-db.ts';

export interface ImportCounts {
  certificates: number;
  keys: number;
  decryptionFailures: number;
  keysWithoutCertificate: number;
}

const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const KEY_BLOCK = /-----BEGIN ((?:ENCRYPTED |RSA |EC )?PRIVATE KEY)-----[\s\S]+?-----END \1-----/g;

/** `2027-01-31 12:00:00`, as RouterOS 7 prints dates. */
const routerDate = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 19);

function certRow(cert: X509Certificate, name: string): Record<string, string> {
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.subject)?.[1] ?? '';
  return {
    name,
    'common-name': cn,
    'subject-alt-name': (cert.subjectAltName ?? '').replace(/\s+/g, ''),
    issuer: cert.issuer.replace(/\n/g, ','),
    fingerprint: cert.fingerprint256.replace(/:/g, '').toLowerCase(),
    'invalid-before': routerDate(new Date(cert.validFrom)),
    'invalid-after': routerDate(new Date(cert.validTo)),
  };
}

/** Imports every certificate and key of a PEM file. `fileName` is the `/file` name (its base names the rows). */
export function importPem(db: RouterDb, text: string, fileName: string, passphrase: string, name?: string): ImportCounts {
  const counts: ImportCounts = { certificates: 0, keys: 0, decryptionFailures: 0, keysWithoutCertificate: 0 };
  const base = name || fileName.split('/').pop()!;
  let n = 0;
  for (const block of text.match(CERT_BLOCK) ?? []) {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(block);
    } catch {
      continue;
    }
    const fingerprint = cert.fingerprint256.replace(/:/g, '').toLowerCase();
    if (db.rows('certificate').some((r) => r.fingerprint === fingerprint)) continue;
    let rowName = name && n === 0 ? name : `${base}_${n}`;
    while (db.byName('certificate', rowName)) rowName = `${base}_${++n}`;
    n++;
    const row = db.add('certificate', certRow(cert, rowName));
    db.keyMaterial.set(row['.id'], { certPem: cert.toString() });
    counts.certificates++;
  }
  for (const [block] of text.matchAll(KEY_BLOCK)) {
    let key: KeyObject;
    try {
      key = createPrivateKey(passphrase ? { key: block, passphrase } : { key: block });
    } catch {
      counts.decryptionFailures++;
      continue;
    }
    const owner = db.rows('certificate').find((r) => {
      const pem = db.keyMaterial.get(r['.id'])?.certPem;
      return pem !== undefined && new X509Certificate(pem).checkPrivateKey(key);
    });
    if (!owner) {
      counts.keysWithoutCertificate++;
      continue;
    }
    db.keyMaterial.get(owner['.id'])!.keyPem = key.export({ type: 'pkcs8', format: 'pem' }) as string;
    db.set('certificate', owner, { 'private-key': 'yes' });
    counts.keys++;
  }
  return counts;
}

/** The console's report of an import, as RouterOS 7 prints it. */
export function importReport(c: ImportCounts): string[] {
  const lines: Array<[string, number]> = [
    ['certificates-imported', c.certificates],
    ['private-keys-imported', c.keys],
    ['files-imported', 1],
    ['decryption-failures', c.decryptionFailures],
    ['keys-with-no-certificate', c.keysWithoutCertificate],
  ];
  return lines.map(([k, v]) => `${k.padStart(26)}: ${v}`);
}

/** The certificate row the profile's ssl-certificate names, when it has its key (usable for TLS). */
export function servingCertificate(db: RouterDb, name: string): Row | undefined {
  if (!name || name === 'none') return undefined;
  const row = db.byName('certificate', name);
  return row && db.keyMaterial.get(row['.id'])?.keyPem ? row : undefined;
}

/** The certificates that issued this one, found in the store (the chain the listener sends). */
function chainOf(db: RouterDb, certPem: string): string[] {
  const chain = [certPem];
  let current = new X509Certificate(certPem);
  for (let depth = 0; depth < 4; depth++) {
    const issuer = db
      .rows('certificate')
      .map((r) => db.keyMaterial.get(r['.id'])?.certPem)
      .filter((p): p is string => p !== undefined)
      .map((p) => new X509Certificate(p))
      .find((c) => c.fingerprint256 !== current.fingerprint256 && current.checkIssued(c));
    if (!issuer || issuer.checkIssued(issuer)) break;
    chain.push(issuer.toString());
    current = issuer;
  }
  return chain;
}

/** TLS context for the named store certificate, or undefined when it is missing or has no key. */
export function storeContext(db: RouterDb, name: string): { context: SecureContext; names: string[] } | undefined {
  const row = servingCertificate(db, name);
  if (!row) return undefined;
  const m = db.keyMaterial.get(row['.id'])!;
  return {
    context: createSecureContext({ cert: chainOf(db, m.certPem).join('\n'), key: m.keyPem }),
    names: certificateNames(new X509Certificate(m.certPem)),
  };
}
