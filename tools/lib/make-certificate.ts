/**
 * A local certificate authority made with the `openssl` command: the dev server's HTTPS preview and
 * the tests use it to issue hotspot certificates (good, expired, wrong name…). Never for production:
 * guests' browsers do not trust it (docs/https.md says where real certificates come from).
 */
import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { UserError } from './errors.ts';

const run = promisify(execFile);

async function openssl(args: string[], cwd: string, env: Record<string, string> = {}): Promise<void> {
  try {
    await run('openssl', args, { cwd, env: { ...process.env, ...env } });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT')
      throw new UserError('The openssl command is not installed; install it (apt-get install openssl) to make a local certificate.');
    throw new Error(`openssl ${args[0]} failed: ${e.stderr ?? e.message}`, { cause: err });
  }
}

export interface LocalCa {
  dir: string;
  certFile: string;
  keyFile: string;
  certPem: string;
}

export interface IssuedCertificate {
  certFile: string;
  keyFile: string;
  certPem: string;
  keyPem: string;
  /** base64 SHA-256 of the public key, the form Chromium's --ignore-certificate-errors-spki-list takes. */
  spki: string;
}

export interface IssueOptions {
  /** Base name of the files in the CA's folder. */
  name: string;
  /** subjectAltName DNS names; the first is also the CN. */
  dnsNames: string[];
  /** subjectAltName IP addresses (a preview on 127.0.0.1). */
  ips?: string[];
  notBefore?: Date;
  notAfter?: Date;
  /** Encrypt the key with this passphrase (AES-256). */
  passphrase?: string;
}

const stamp = (d: Date) => `${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

/** Makes a CA (EC P-256) in `dir`, valid for ten years. */
export async function makeLocalCa(dir: string, commonName = 'Hotspot toolkit local CA'): Promise<LocalCa> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.txt'), '');
  await writeFile(join(dir, 'serial'), '1000\n');
  await openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '3650',
      '-subj',
      `/CN=${commonName}`,
    ],
    dir,
  );
  return { dir, certFile: join(dir, 'ca.pem'), keyFile: join(dir, 'ca.key'), certPem: await readFile(join(dir, 'ca.pem'), 'utf8') };
}

const signing = new Map<string, Promise<unknown>>();

/** One `openssl ca` at a time per CA folder: signing rewrites its index.txt and serial (issuing in parallel failed). */
function oneAtATime<T>(dir: string, run: () => Promise<T>): Promise<T> {
  const turn = (signing.get(dir) ?? Promise.resolve()).then(run, run);
  signing.set(
    dir,
    turn.catch(() => undefined),
  );
  return turn;
}

/** Issues a server certificate from the CA; dates default to yesterday … one year on. */
export async function issueCertificate(ca: LocalCa, o: IssueOptions): Promise<IssuedCertificate> {
  const { dir } = ca;
  const now = Date.now();
  const notBefore = o.notBefore ?? new Date(now - 86_400_000);
  const notAfter = o.notAfter ?? new Date(now + 365 * 86_400_000);
  const keyFile = join(dir, `${o.name}.key`);
  const certFile = join(dir, `${o.name}.pem`);
  const cnf = join(dir, `${o.name}.cnf`);
  await writeFile(
    cnf,
    [
      '[ca]',
      'default_ca=c',
      '[c]',
      'database=index.txt',
      'new_certs_dir=.',
      'serial=serial',
      'default_md=sha256',
      'policy=p',
      'unique_subject=no',
      'x509_extensions=ext',
      '[p]',
      'commonName=supplied',
      '[ext]',
      'basicConstraints=CA:FALSE',
      'keyUsage=digitalSignature',
      'extendedKeyUsage=serverAuth',
      `subjectAltName=${[...o.dnsNames.map((n) => `DNS:${n}`), ...(o.ips ?? []).map((ip) => `IP:${ip}`)].join(',')}`,
      '',
    ].join('\n'),
  );
  const keyArgs = o.passphrase ? ['-passout', 'env:VR_KEY_PASS'] : ['-nodes'];
  await openssl(
    [
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      ...keyArgs,
      '-keyout',
      keyFile,
      '-out',
      `${o.name}.csr`,
      '-subj',
      `/CN=${o.dnsNames[0]}`,
    ],
    dir,
    o.passphrase ? { VR_KEY_PASS: o.passphrase } : {},
  );
  await oneAtATime(dir, () =>
    openssl(
      [
        'ca',
        '-batch',
        '-config',
        cnf,
        '-cert',
        'ca.pem',
        '-keyfile',
        'ca.key',
        '-in',
        `${o.name}.csr`,
        '-out',
        certFile,
        '-startdate',
        stamp(notBefore),
        '-enddate',
        stamp(notAfter),
        '-notext',
      ],
      dir,
    ),
  );
  const certPem = await readFile(certFile, 'utf8');
  return { certFile, keyFile, certPem, keyPem: await readFile(keyFile, 'utf8'), spki: spkiHash(certPem) };
}

/** base64 SHA-256 of a certificate's SubjectPublicKeyInfo. */
export function spkiHash(certPem: string): string {
  const der = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

/**
 * A certificate for previews on this machine (npm run dev --https): a local CA and a server certificate
 * for `names` (plus localhost and 127.0.0.1) in `dir`, made once and reused while it still covers them
 * and has a month left.
 */
export async function localPreviewCertificate(dir: string, names: string[]): Promise<{ ca: LocalCa; cert: IssuedCertificate }> {
  const dnsNames = [...new Set(['localhost', ...names])];
  const certFile = join(dir, 'preview.pem');
  try {
    const [caPem, certPem, keyPem] = await Promise.all([
      readFile(join(dir, 'ca.pem'), 'utf8'),
      readFile(certFile, 'utf8'),
      readFile(join(dir, 'preview.key'), 'utf8'),
    ]);
    const x = new X509Certificate(certPem);
    const fresh = new Date(x.validTo).getTime() - Date.now() > 30 * 86_400_000;
    if (fresh && dnsNames.every((n) => x.checkHost(n))) {
      return {
        ca: { dir, certFile: join(dir, 'ca.pem'), keyFile: join(dir, 'ca.key'), certPem: caPem },
        cert: { certFile, keyFile: join(dir, 'preview.key'), certPem, keyPem, spki: spkiHash(certPem) },
      };
    }
  } catch {
    /* none yet */
  }
  const ca = await makeLocalCa(dir, 'Hotspot toolkit preview CA (this computer only)');
  return { ca, cert: await issueCertificate(ca, { name: 'preview', dnsNames, ips: ['127.0.0.1'] }) };
}
