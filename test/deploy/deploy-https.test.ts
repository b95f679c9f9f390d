/**
 * Deploying with a TLS certificate, over real SSH and SFTP to a virtual router that serves HTTPS: the
 * PEM files are checked before anything changes, uploaded beside the pages, imported and removed; the
 * profile's ssl-certificate and login-by change with the pages; the same certificate again changes
 * nothing, a renewed one replaces it, and a rollback brings the previous one back.
 */
import { X509Certificate } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { validateConfig, type PortalConfigInput } from '../../tools/config/index.ts';
import { loadDeployCertificate } from '../../tools/deploy/certificate.ts';
import { deployRouter, type DeployJob } from '../../tools/deploy/deploy.ts';
import { deploySettings } from '../../tools/deploy/settings.ts';
import { UserError } from '../../tools/lib/errors.ts';
import { issueCertificate, makeLocalCa, type IssuedCertificate, type LocalCa } from '../../tools/lib/make-certificate.ts';
import type { VirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { DeployLab, target } from './deploy-harness.ts';

const NAME = 'wifi.acme.example';
const DAY = 86_400_000;
let lab: DeployLab;
let dist: string;
let ca: LocalCa;
let first: IssuedCertificate;

const configWith = (https: NonNullable<PortalConfigInput['router']>['https']): PortalConfigInput => ({
  ...example,
  login: { ...example.login, methods: ['https', 'chap', 'member', 'voucher', 'trial', 'cookie'] },
  router: { ...example.router, dnsName: NAME, https },
});
const files = (c: IssuedCertificate) => configWith({ certificate: c.certFile, key: c.keyFile });

beforeAll(async () => {
  lab = await DeployLab.create();
  ca = await makeLocalCa(join(lab.dir, 'ca'));
  first = await issueCertificate(ca, { name: 'first', dnsNames: [NAME] });
  dist = await lab.build('https', files(first));
});
afterAll(() => lab.dispose());

async function job(config: PortalConfigInput, mode: DeployJob['mode'] = 'deploy'): Promise<DeployJob> {
  const valid = validateConfig(config);
  return { ...(await lab.job(dist, mode, config)), settings: deploySettings(valid, {}, await loadDeployCertificate(valid, lab.dir, {})) };
}

/** SHA-256 fingerprint of the certificate the router's HTTPS listener serves for the hotspot's name. */
function served(vr: VirtualRouter): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = tlsConnect({ host: '127.0.0.1', port: vr.httpsPort, servername: NAME, ca: ca.certPem }, () => {
      resolve(s.getPeerCertificate().fingerprint256);
      s.end();
    });
    s.on('error', reject);
  });
}

const profile = (vr: VirtualRouter) => vr.db.byName('ip/hotspot/profile', 'hsprof1')!;
const fingerprint = (c: IssuedCertificate) => new X509Certificate(c.certPem).fingerprint256;

async function storeNames(vr: VirtualRouter): Promise<string[]> {
  return (await readdir(vr.files!.root, { recursive: true })).map(String);
}

describe.concurrent('deploy with a certificate', () => {
  it('imports it, switches ssl-certificate and login-by with the pages, and leaves no PEM file behind', async () => {
    const vr = await lab.router('tls-first', { https: { port: 0 } });
    const r = await deployRouter(target(vr), await job(files(first)));
    expect(r.error).toBeUndefined();
    expect(r.status).toBe('deployed');
    const name = profile(vr)['ssl-certificate'];
    expect(name).toMatch(/^acme-guest-wi-fi-[0-9a-f]{16}$/);
    expect(profile(vr)['login-by']).toBe('http-chap,https,cookie,trial');
    expect(profile(vr)['html-directory-override']).toBe(r.folder);
    expect(vr.db.byName('certificate', name!)?.['private-key']).toBe('yes');
    expect((await storeNames(vr)).filter((f) => /\.pem$|tls-/.test(f))).toEqual([]);
    expect(await served(vr)).toBe(fingerprint(first));

    // The same certificate and pages again: nothing to do.
    expect((await deployRouter(target(vr), await job(files(first)))).status).toBe('unchanged');
    expect(vr.db.rows('certificate')).toHaveLength(1);
  });

  it('replaces a renewed certificate, keeps the previous one for a rollback, which brings it back', async () => {
    const vr = await lab.router('tls-renew', { https: { port: 0 } });
    await deployRouter(target(vr), await job(files(first)));
    const before = profile(vr)['ssl-certificate'];
    const renewed = await issueCertificate(ca, { name: 'renewed', dnsNames: [NAME] });
    const r = await deployRouter(target(vr), await job(files(renewed)));
    expect(r.error).toBeUndefined();
    expect(r.status).toBe('deployed');
    const after = profile(vr)['ssl-certificate'];
    expect(after).not.toBe(before);
    expect(await served(vr)).toBe(fingerprint(renewed));
    expect(
      vr.db
        .rows('certificate')
        .map((c) => c.name)
        .sort(),
    ).toEqual([before, after].sort());

    const back = await deployRouter(target(vr), await job(files(renewed), 'rollback'));
    expect(back.error).toBeUndefined();
    expect(profile(vr)['ssl-certificate']).toBe(before);
    expect(await served(vr)).toBe(fingerprint(first));
    // Back to the router's own pages: the certificate setting from before the first deploy returns too.
    const own = await deployRouter(target(vr), await job(files(renewed), 'rollback'));
    expect(own.error).toBeUndefined();
    expect(profile(vr)['ssl-certificate']).toBe('none');
  });

  it('a router that stops answering while the key is imported: one sentence, the old certificate still serves, a rerun finishes', async () => {
    const vr = await lab.router('tls-stall', { https: { port: 0 } });
    expect((await deployRouter(target(vr), await job(files(first)))).status).toBe('deployed');
    const folder = profile(vr)['html-directory-override'];
    const renewed = await issueCertificate(ca, { name: 'renewed-stall', dnsNames: [NAME] });
    // A short deadline keeps the stall quick; the deploy's own default is 10 s.
    const quick: DeployJob = { ...(await job(files(renewed))), connect: await lab.connect({ timeoutMs: 2000 }) };
    vr.ssh!.inject({ at: /^exec \/certificate import file-name="[^"]*tls-key\.pem"/, action: 'stall' });
    const r = await deployRouter(target(vr), quick);
    expect(r.ok).toBe(false);
    expect(r.error!.split('\n')).toHaveLength(1);
    expect(r.error).toMatch(/^127\.0\.0\.1:\d+ stopped answering while importing the certificate key \(.*\); .* the router still serves /);
    expect(profile(vr)['html-directory-override']).toBe(folder);
    expect(await served(vr)).toBe(fingerprint(first));

    vr.ssh!.inject(undefined);
    const rerun = await deployRouter(target(vr), await job(files(renewed)));
    expect(rerun.error).toBeUndefined();
    expect(await served(vr)).toBe(fingerprint(renewed));
    expect((await storeNames(vr)).filter((f) => /\.pem$|tls-/.test(f))).toEqual([]);
  });

  it('stops before any change, in one sentence, for an expired certificate or one for another name', async () => {
    const expired = await issueCertificate(ca, {
      name: 'expired',
      dnsNames: [NAME],
      notBefore: new Date(Date.now() - 100 * DAY),
      notAfter: new Date(Date.now() - DAY),
    });
    const other = await issueCertificate(ca, { name: 'other', dnsNames: ['portal.other.example'] });
    for (const [c, words] of [
      [expired, /^.*expired\.pem expired on \d{4}-\d\d-\d\d; renew it and deploy again .*; nothing was changed\.$/],
      [other, /^.*other\.pem is for portal\.other\.example, not for the hotspot's DNS name wifi\.acme\.example; .*; nothing was changed\.$/],
    ] as const) {
      const err = await loadDeployCertificate(validateConfig(files(c)), lab.dir, {}).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(UserError);
      expect((err as Error).message).toMatch(words);
      expect((err as Error).message.split('\n')).toHaveLength(1);
    }
  });

  it('refuses a certificate named in the config that the router lacks, changing nothing', async () => {
    const vr = await lab.router('tls-named', { https: { port: 0 } });
    const before = { ...profile(vr) };
    const r = await deployRouter(target(vr), await job(configWith({ name: 'hotspot-cert' })));
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(
      /has no certificate "hotspot-cert" \(\/certificate print\): import it there, or give the PEM files in router\.https; nothing was changed\.$/,
    );
    expect(profile(vr)).toEqual(before);
  });
});
