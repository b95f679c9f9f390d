/**
 * Carrying out a plan on one router, in the order that keeps it serving a complete portal at every
 * moment: fill the new folder (copy on the router, upload the rest), verify every file against the
 * manifest, write the manifest, and only then import the config script that switches the profile.
 * A failure or a lost connection before the switch leaves the previous pages serving; a rerun
 * resumes, keeping files already verified.
 */
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parseTerse } from '../routeros/cli/output.ts';
import { IMPORT_OK } from '../routeros/cli/exec.ts';
import { installCertificate, removeOldCertificates } from './certificate.ts';
import { DeployStepError, type RouterConnection } from './connection.ts';
import { MANIFEST_NAME, sha256, type Manifest, type ManifestFile } from './manifest.ts';
import type { DeployPlan } from './plan.ts';
import type { DeployedManifest } from './router-facts.ts';
import { rscString } from './rsc.ts';
import { secretCommands } from './script.ts';
import type { DeploySettings } from './settings.ts';

export type DeployEvent =
  | { kind: 'step'; router: string; message: string }
  | { kind: 'upload'; router: string; path: string; filesDone: number; filesTotal: number; bytesDone: number; bytesTotal: number };

export interface ApplyResult {
  uploadedFiles: number;
  uploadedBytes: number;
  copiedFiles: number;
  /** The certificate's PEM files were uploaded and imported (it was not on the router yet). */
  certificateImported?: boolean;
}

export async function applyPlan(
  conn: RouterConnection,
  plan: DeployPlan,
  ctx: { distDir: string; manifest: Manifest; settings: DeploySettings; emit: (e: DeployEvent) => void },
): Promise<ApplyResult> {
  const router = conn.target.label;
  const step = (message: string) => ctx.emit({ kind: 'step', router, message });
  const result: ApplyResult = { uploadedFiles: 0, uploadedBytes: 0, copiedFiles: 0 };
  const cert = ctx.settings.certificate;
  // The certificate serving now stays on the router for a rollback; older ones of this portal go.
  const serving = cert ? await profileCertificate(conn, plan.profile) : undefined;

  if (!plan.pagesReady) {
    step(`filling ${plan.folder}`);
    const present = await verifiedFiles(conn, plan.folder, ctx.manifest);
    for (const dir of new Set(ctx.manifest.files.map((f) => posix.dirname(`${plan.folder}/${f.path}`)))) {
      await conn.sftp.mkdir(`/${dir}`, true);
    }
    const copies = plan.copy.filter((f) => !present.has(f.path));
    if (copies.length) {
      await copyOnRouter(conn, plan, copies);
      result.copiedFiles = copies.length;
    }
    const uploads = plan.upload.filter((f) => !present.has(f.path));
    const bytesTotal = uploads.reduce((n, f) => n + f.size, 0);
    for (const f of uploads) {
      const data = await readFile(join(ctx.distDir, f.path));
      try {
        await conn.sftp.put(data, `/${plan.folder}/${f.path}`);
      } catch (err) {
        throw new DeployStepError(
          `${router}: the upload of ${f.path} failed (${(err as Error).message}); the router still serves ${plan.live || 'its previous pages'}. Run the deploy again to finish it.`,
        );
      }
      result.uploadedFiles++;
      result.uploadedBytes += f.size;
      ctx.emit({ kind: 'upload', router, path: f.path, filesDone: result.uploadedFiles, filesTotal: uploads.length, bytesDone: result.uploadedBytes, bytesTotal });
    }
    step('verifying every file against the manifest');
    await verifySizes(conn, plan.folder, ctx.manifest);
    const stored: DeployedManifest = { ...ctx.manifest, portal: ctx.settings.portal, deployedAt: new Date().toISOString(), previous: plan.live || undefined, previousCertificate: serving };
    await conn.sftp.put(Buffer.from(JSON.stringify(stored, null, 1)), `/${plan.folder}/${MANIFEST_NAME}`);
  } else if (cert && serving !== cert.name && plan.live === plan.folder) {
    // Only the certificate changes (a renewal): a rollback first returns to the one serving now.
    const path = `/${plan.folder}/${MANIFEST_NAME}`;
    const stored = JSON.parse(((await conn.sftp.get(path)) as Buffer).toString('utf8')) as DeployedManifest;
    await conn.sftp.put(Buffer.from(JSON.stringify({ ...stored, certificateRollback: serving }, null, 1)), path);
  }

  if (cert?.files) {
    step(`importing certificate ${cert.name}`);
    if (await installCertificate(conn, cert, plan.folder.slice(0, plan.folder.lastIndexOf('/') + 1), ctx.settings.portal)) result.certificateImported = true;
  }

  step(`switching profile ${plan.profile} to ${plan.folder}`);
  await importScript(conn, plan.scriptPath, plan.script);
  for (const secret of secretCommands(ctx.settings, plan.profile, plan.model.tag, false)) await conn.run(secret);
  await verifySettings(conn, plan, ctx.settings);
  if (cert?.files) await removeOldCertificates(conn, ctx.settings.portal, new Set([cert.name, serving!]));

  for (const folder of plan.removeFolders) {
    step(`removing older version ${folder}`);
    await conn.run(`/file remove [find name=${rscString(folder)}]`);
    await conn.run(`/file remove [find name=${rscString(`${folder}.rsc`)}]`);
  }
  return result;
}

/** The profile's ssl-certificate now (`none` when it has none). */
async function profileCertificate(conn: RouterConnection, profile: string): Promise<string> {
  // Terse output may leave the default (none) out.
  return parseTerse(await conn.run(`/ip hotspot profile print terse where name=${rscString(profile)}`))[0]?.props['ssl-certificate'] || 'none';
}

/** Uploads a script beside the pages (never inside them: the html directory is public) and imports it. */
export async function importScript(conn: RouterConnection, path: string, script: string): Promise<void> {
  await conn.sftp.put(Buffer.from(script), `/${path}`);
  const out = await conn.exec(`/import file-name=${rscString(path)}`);
  if (!out.includes(IMPORT_OK)) {
    throw new DeployStepError(`${conn.target.label} stopped in ${path}: ${out.trim().split(/\r?\n/).pop()}`);
  }
}

/** Files of an earlier, interrupted attempt that match the manifest byte for byte; the rest is removed. */
async function verifiedFiles(conn: RouterConnection, folder: string, manifest: Manifest): Promise<Set<string>> {
  const ok = new Set<string>();
  if (!(await conn.sftp.exists(`/${folder}`))) return ok;
  for (const f of manifest.files) {
    const remote = `/${folder}/${f.path}`;
    try {
      const data = (await conn.sftp.get(remote)) as Buffer;
      if (data.length === f.size && sha256(data) === f.sha256) ok.add(f.path);
      else await conn.sftp.delete(remote);
    } catch {
      /* not there yet */
    }
  }
  return ok;
}

/** Unchanged text files copied from the serving folder by a RouterOS script: they need no upload. */
async function copyOnRouter(conn: RouterConnection, plan: DeployPlan, files: ManifestFile[]): Promise<void> {
  const lines = files.map(
    (f) => `/file add name=${rscString(`${plan.folder}/${f.path}`)} contents=[/file get [find name=${rscString(`${plan.copyFrom}/${f.path}`)}] contents]`,
  );
  const path = `${plan.folder}-copy.rsc`;
  try {
    await importScript(conn, path, `# Copies unchanged files of the serving version (npm run deploy)\n${lines.join('\n')}\n`);
  } finally {
    await conn.sftp.delete(`/${path}`, true).catch(() => undefined);
  }
}

/** Every manifest file is in the folder with its size (the router's /file view, and SFTP stat). */
async function verifySizes(conn: RouterConnection, folder: string, manifest: Manifest): Promise<void> {
  for (const f of manifest.files) {
    let size = -1;
    try {
      size = (await conn.sftp.stat(`/${folder}/${f.path}`)).size;
    } catch {
      /* missing */
    }
    if (size !== f.size) {
      throw new DeployStepError(
        `${conn.target.label}: ${folder}/${f.path} is ${size < 0 ? 'missing' : `${size} bytes instead of ${f.size}`} after the upload; nothing was switched. Run the deploy again.`,
      );
    }
  }
}

/** Reads the profile and walled garden back: `set [find …]` on no match does nothing, silently (§8.2). */
async function verifySettings(conn: RouterConnection, plan: DeployPlan, s: DeploySettings): Promise<void> {
  const row = parseTerse(await conn.run(`/ip hotspot profile print terse where name=${rscString(plan.profile)}`))[0]?.props;
  const dir = row?.['html-directory-override'] || row?.['html-directory'];
  const loginBy = (row?.['login-by'] ?? '').split(',').sort().join(',');
  const cert = s.certificate?.name;
  if (cert && row?.['ssl-certificate'] !== cert) {
    throw new DeployStepError(`${conn.target.label}: profile ${plan.profile} does not use certificate ${cert} after the import (ssl-certificate "${row?.['ssl-certificate']}").`);
  }
  if (dir !== plan.folder || loginBy !== [...s.loginBy].sort().join(',')) {
    throw new DeployStepError(`${conn.target.label}: profile ${plan.profile} does not show the new settings after the import (html directory "${dir}", login-by "${row?.['login-by']}").`);
  }
  const tag = rscString(plan.model.tag);
  const wanted = plan.model.owned.find((o) => o.menu === 'ip/hotspot/walled-garden')?.rows.length ?? 0;
  const http = parseTerse(await conn.run(`/ip hotspot walled-garden print terse where comment=${tag}`)).length;
  if (http !== wanted) throw new DeployStepError(`${conn.target.label}: the walled garden holds ${http} of this portal's ${wanted} entries after the import.`);
}
