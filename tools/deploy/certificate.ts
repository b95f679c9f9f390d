/**
 * The hotspot's TLS certificate in a deploy (docs/https.md). Before any router is touched the PEM files
 * are checked (name, dates, key: tools/lib/certificate.ts); a certificate named on the router is checked
 * there before anything changes. The certificate's name on the router carries its fingerprint, so a
 * redeploy of the same certificate finds it and changes nothing, and a renewed one is imported beside
 * the old one: the config script switches `ssl-certificate` with the pages, and a rollback's script
 * switches it back.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkCertificate, KEY_PASSPHRASE_ENV } from '../lib/certificate.ts';
import { UserError } from '../lib/errors.ts';
import type { PortalConfig } from '../config/schema.ts';
import { portalSlug } from '../router-model/router-model.ts';
import { parseTerse } from '../routeros/cli/output.ts';
import { DeployStepError, type RouterConnection } from './connection.ts';
import { rscString, rscValue } from './rsc.ts';

export interface DeployCertificate {
  /** The `/certificate` name the profile's ssl-certificate gets. */
  name: string;
  /** PEM files to import when the router lacks `name`; none for a certificate already on the router. */
  files?: { certPem: string; keyPem: string; passphrase?: string };
  warnings: string[];
}

/** `<portal>-<first 16 hex digits of the SHA-256 fingerprint>`: the same certificate, the same name. */
export function certificateName(portal: string, fingerprint256: string): string {
  return `${portal}-${fingerprint256.replace(/:/g, '').slice(0, 16).toLowerCase()}`;
}

/** Reads and checks the configured certificate; one sentence when it cannot serve the hotspot's name. */
export async function loadDeployCertificate(
  config: PortalConfig,
  configDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DeployCertificate | undefined> {
  const https = config.router.https;
  if (!https) return undefined;
  if ('name' in https) return { name: https.name, warnings: [] };
  const read = async (file: string, what: string) => {
    try {
      return await readFile(resolve(configDir, file), 'utf8');
    } catch {
      throw new UserError(`router.https.${what} "${file}" cannot be read: check the path in portal.config.ts; nothing was changed.`);
    }
  };
  const certPem = await read(https.certificate, 'certificate');
  const keyPem = await read(https.key, 'key');
  const passphrase = env[KEY_PASSPHRASE_ENV] || undefined;
  let checked;
  try {
    checked = checkCertificate({ certPem, keyPem, passphrase, dnsName: config.router.dnsName!, certFile: https.certificate, keyFile: https.key });
  } catch (err) {
    if (err instanceof UserError) throw new UserError(`${err.message.replace(/\.$/, '')}; nothing was changed.`);
    throw err;
  }
  return {
    name: certificateName(portalSlug(config.brand.name), checked.fingerprint256),
    files: { certPem, keyPem, passphrase },
    warnings: checked.warnings,
  };
}

interface CertificateRow {
  name?: string;
  'private-key'?: string;
  'invalid-after'?: string;
  'common-name'?: string;
  'subject-alt-name'?: string;
}

async function routerCertificate(conn: RouterConnection, name: string): Promise<CertificateRow | undefined> {
  return parseTerse(await conn.run(`/certificate print terse where name=${rscString(name)}`))[0]?.props as CertificateRow | undefined;
}

/** RouterOS prints `2027-01-31 12:00:00` (v7) or `jan/31/2027 12:00:00` (v6). */
function routerDate(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const v7 = /^(\d{4})-(\d\d)-(\d\d) (\d\d:\d\d:\d\d)$/.exec(text);
  if (v7) return new Date(`${v7[1]}-${v7[2]}-${v7[3]}T${v7[4]}Z`);
  const v6 = /^([a-z]{3})\/(\d\d)\/(\d{4}) (\d\d:\d\d:\d\d)$/.exec(text);
  if (!v6) return undefined;
  const month = 'janfebmaraprmayjunjulaugsepoctnovdec'.indexOf(v6[1]!) / 3 + 1;
  return month > 0 ? new Date(`${v6[3]}-${String(month).padStart(2, '0')}-${v6[2]}T${v6[4]}Z`) : undefined;
}

/** Does a certificate's name list (`DNS:a,DNS:*.b` or a CN) cover `host`? Wildcards one label deep. */
export function coversHost(names: string[], host: string): boolean {
  const h = host.toLowerCase();
  return names.some((n) => {
    const name = n.toLowerCase();
    if (name === h) return true;
    return name.startsWith('*.') && h.endsWith(name.slice(1)) && !h.slice(0, -name.length + 1).includes('.');
  });
}

/**
 * Before any change: a certificate named in the config must be on the router with its key, valid, and
 * for the hotspot's name. Files need nothing here (checked before connecting).
 */
export async function checkRouterCertificate(conn: RouterConnection, cert: DeployCertificate, dnsName: string): Promise<void> {
  if (cert.files) return;
  const label = conn.target.label;
  const row = await routerCertificate(conn, cert.name);
  if (!row)
    throw new UserError(
      `${label} has no certificate "${cert.name}" (/certificate print): import it there, or give the PEM files in router.https; nothing was changed.`,
    );
  if (row['private-key'] !== 'yes')
    throw new UserError(`${label}: certificate "${cert.name}" has no private key on the router: import its key too; nothing was changed.`);
  const until = routerDate(row['invalid-after']);
  if (until && until.getTime() < Date.now())
    throw new UserError(`${label}: certificate "${cert.name}" expired on ${until.toISOString().slice(0, 10)}: renew it; nothing was changed.`);
  const names = (row['subject-alt-name'] ?? '')
    .split(',')
    .filter((n) => n.startsWith('DNS:'))
    .map((n) => n.slice(4));
  if (!coversHost(names.length ? names : [row['common-name'] ?? ''], dnsName)) {
    throw new UserError(
      `${label}: certificate "${cert.name}" is for ${names.join(', ') || row['common-name'] || 'no name'}, not for the hotspot's DNS name ${dnsName}; nothing was changed.`,
    );
  }
}

/**
 * Puts the certificate on the router unless it is there already: the PEM files go over SFTP beside the
 * page folders (never inside the served folder), are imported under their fingerprint name, and are
 * removed again whatever happens. Returns whether anything was imported.
 */
export async function installCertificate(conn: RouterConnection, cert: DeployCertificate, base: string, portal: string): Promise<boolean> {
  if (!cert.files) return false;
  const existing = await routerCertificate(conn, cert.name);
  if (existing?.['private-key'] === 'yes') return false;
  const label = conn.target.label;
  const name = rscValue('certificate name', cert.name, 'name');
  const upload = { cert: `${base}${portal}-tls-cert.pem`, key: `${base}${portal}-tls-key.pem` };
  try {
    if (existing) await conn.run(`/certificate remove [find name=${name}]`);
    await conn.put(Buffer.from(cert.files.certPem), upload.cert, 'uploading the certificate');
    await conn.put(Buffer.from(cert.files.keyPem), upload.key, 'uploading the certificate key');
    await conn.run(`/certificate import file-name=${rscString(upload.cert)} name=${name} passphrase=""`);
    const passphrase = cert.files.passphrase ? rscValue(`the key passphrase (${KEY_PASSPHRASE_ENV})`, cert.files.passphrase, 'secret') : '""';
    const out = await conn.exec(`/certificate import file-name=${rscString(upload.key)} passphrase=${passphrase}`, 'importing the certificate key');
    if (/decryption-failures: [1-9]/.test(out))
      throw new DeployStepError(
        `${label} could not decrypt the key with the passphrase in ${KEY_PASSPHRASE_ENV}; the router still serves its previous pages.`,
      );
  } finally {
    for (const file of [upload.cert, upload.key]) await conn.delete(file).catch(() => undefined);
  }
  const row = await routerCertificate(conn, cert.name);
  if (row?.['private-key'] !== 'yes') {
    throw new DeployStepError(
      `${label} did not take the certificate with its key (/certificate print shows ${row ? 'no private key' : 'no certificate'} "${cert.name}"); the router still serves its previous pages.`,
    );
  }
  return true;
}

/**
 * After the switch: certificates this toolkit imported for the portal that neither the profile nor the
 * version kept for rollback uses any more.
 */
export async function removeOldCertificates(conn: RouterConnection, portal: string, keep: ReadonlySet<string>): Promise<void> {
  const rows = parseTerse(await conn.run(`/certificate print terse where name~${rscString(`^${portal}-[0-9a-f]{16}$`)}`));
  for (const r of rows) {
    const name = r.props.name;
    if (name && !keep.has(name)) await conn.run(`/certificate remove [find name=${rscString(name)}]`);
  }
}
