/**
 * Carrying out a plan on one router, in the order that keeps it serving a complete portal at every
 * moment: fill the new folder (copy on the router, upload the rest), verify every file's SHA-256
 * against the manifest, write the manifest beside the folder, and only then import the config script
 * that switches the profile.
 * A failure or a lost connection before the switch leaves the previous pages serving; a rerun
 * resumes, keeping files already verified.
 */
import { posix } from 'node:path';
import { parseTerse } from '../routeros/cli/output.ts';
import { IMPORT_OK } from '../routeros/cli/exec.ts';
import { BundleFileError, type BundleFiles } from './bundle-files.ts';
import { installCertificate, removeOldCertificates } from './certificate.ts';
import { DeployStepError, type RouterConnection } from './connection.ts';
import { LEGACY_MANIFEST_NAME, manifestPath, sha256, type Manifest, type ManifestFile } from './manifest.ts';
import { pipelined } from './pipelined.ts';
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

const IMPORT_MS_PER_LINE = 250;

const bytesOf = (f: ManifestFile) => f.size;

/** How far a deploy got on one router: what a failure message must say the router serves. */
export type SwitchState = 'before' | 'switching' | 'switched';

export async function applyPlan(
  conn: RouterConnection,
  plan: DeployPlan,
  ctx: { bundle: BundleFiles; manifest: Manifest; settings: DeploySettings; emit: (e: DeployEvent) => void; progress: { state: SwitchState } },
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
      await conn.mkdir(dir);
    }
    const copies = plan.copy.filter((f) => !present.has(f.path));
    if (copies.length) {
      await copyOnRouter(conn, plan, copies);
      result.copiedFiles = copies.length;
    }
    const uploads = plan.upload.filter((f) => !present.has(f.path));
    const bytesTotal = uploads.reduce((n, f) => n + f.size, 0);
    await pipelined(
      uploads,
      bytesOf,
      async (f) => {
        const data = await readLocal(ctx.bundle, f, router, plan);
        await conn.put(data, `${plan.folder}/${f.path}`);
        result.uploadedFiles++;
        result.uploadedBytes += f.size;
        ctx.emit({
          kind: 'upload',
          router,
          path: f.path,
          filesDone: result.uploadedFiles,
          filesTotal: uploads.length,
          bytesDone: result.uploadedBytes,
          bytesTotal,
        });
      },
      conn.pipeline,
    );
    step('verifying every file against the manifest (SHA-256)');
    await verifyContents(
      conn,
      plan,
      ctx.manifest.files.filter((f) => !present.has(f.path)),
      ctx.bundle,
      result,
    );
  }
  // Only the certificate changes (a renewal): a rollback first returns to the one serving now.
  const renewal = plan.pagesReady && cert !== undefined && serving !== cert.name && plan.live === plan.folder;
  if (plan.writeManifest || renewal) {
    // Written only once every file is verified, and again on each switch so that `previous` names the
    // version serving just before: the manifest is what says a folder is complete.
    const kept = plan.pagesReady ? plan.stored : undefined;
    const stored: DeployedManifest = {
      ...kept,
      ...ctx.manifest,
      portal: ctx.settings.portal,
      deployedAt: kept?.deployedAt ?? new Date().toISOString(),
      previous: plan.previous,
      previousCertificate: kept ? kept.previousCertificate : serving,
      ...(renewal ? { certificateRollback: serving } : {}),
    };
    await conn.put(Buffer.from(JSON.stringify(stored, null, 1)), manifestPath(plan.folder), 'writing the manifest');
    await conn.delete(`${plan.folder}/${LEGACY_MANIFEST_NAME}`);
  }

  if (cert?.files) {
    // The profile is not switched yet: a failure here leaves the router serving what it served.
    step(`importing certificate ${cert.name}`);
    if (await installCertificate(conn, cert, plan.folder.slice(0, plan.folder.lastIndexOf('/') + 1), ctx.settings.portal))
      result.certificateImported = true;
  }

  step(`switching profile ${plan.profile} to ${plan.folder}`);
  await importScript(conn, plan.scriptPath, plan.script, () => (ctx.progress.state = 'switching'));
  for (const secret of secretCommands(ctx.settings, plan.profile, plan.model.tag, false)) await conn.run(secret, 'setting a secret');
  await verifySettings(conn, plan, ctx.settings);
  ctx.progress.state = 'switched';
  if (cert?.files) await removeOldCertificates(conn, ctx.settings.portal, new Set([cert.name, serving!]));

  for (const folder of plan.removeFolders) {
    step(`removing older version ${folder}`);
    await conn.run(`/file remove [find name=${rscString(folder)}]`, `removing ${folder}`);
    await conn.delete(`${folder}.rsc`);
    await conn.delete(manifestPath(folder));
  }
  return result;
}

/** The profile's ssl-certificate now (`none` when it has none). */
async function profileCertificate(conn: RouterConnection, profile: string): Promise<string> {
  // Terse output may leave the default (none) out.
  return parseTerse(await conn.run(`/ip hotspot profile print terse where name=${rscString(profile)}`))[0]?.props['ssl-certificate'] || 'none';
}

/** A bundle file, read once for the whole fleet; a file gone, unreadable or changed is this router's failure, in one sentence. */
async function readLocal(bundle: BundleFiles, f: ManifestFile, router: string, plan: DeployPlan): Promise<Buffer> {
  try {
    return await bundle.get(f);
  } catch (err) {
    if (!(err instanceof BundleFileError)) throw err;
    const serves = `the router still serves ${plan.live || 'its previous pages'}`;
    throw new DeployStepError(
      err.kind === 'changed'
        ? `${router}: ${f.path} in ${bundle.distDir} changed after the deploy started; ${serves}. Deploy again once the build is finished.`
        : `${router}: ${f.path} cannot be read from ${bundle.distDir} (${err.why}); ${serves}. Build again and deploy again.`,
    );
  }
}

/**
 * Uploads a script beside the pages (never inside them: the html directory is public) and imports it;
 * `importing` is called between the two, when the router starts changing.
 */
export async function importScript(conn: RouterConnection, path: string, script: string, importing?: () => void): Promise<void> {
  await conn.put(Buffer.from(script), path);
  importing?.();
  // Each line may take the router a moment (a copy reads and writes a file): the deadline grows with them.
  const out = await conn.exec(`/import file-name=${rscString(path)}`, `importing ${path}`, script.split('\n').length * IMPORT_MS_PER_LINE);
  if (!out.includes(IMPORT_OK)) {
    throw new DeployStepError(`${conn.target.label} stopped in ${path}: ${out.trim().split(/\r?\n/).pop()}`);
  }
}

/** Files of an earlier, interrupted attempt that match the manifest byte for byte; the rest is removed. */
async function verifiedFiles(conn: RouterConnection, folder: string, manifest: Manifest): Promise<Set<string>> {
  const ok = new Set<string>();
  if (!(await conn.exists(folder))) return ok;
  await pipelined(
    manifest.files,
    bytesOf,
    async (f) => {
      const remote = `${folder}/${f.path}`;
      const data = await conn.read(remote, undefined, f.size);
      if (!data) return; // not there yet
      if (data.length === f.size && sha256(data) === f.sha256) ok.add(f.path);
      else await conn.delete(remote);
    },
    conn.pipeline,
  );
  return ok;
}

/** Unchanged text files copied from the serving folder by a RouterOS script: they need no upload. */
async function copyOnRouter(conn: RouterConnection, plan: DeployPlan, files: ManifestFile[]): Promise<void> {
  const lines = files.map(
    (f) =>
      `/file add name=${rscString(`${plan.folder}/${f.path}`)} contents=[/file get [find name=${rscString(`${plan.copyFrom}/${f.path}`)}] contents]`,
  );
  const path = `${plan.folder}-copy.rsc`;
  try {
    await importScript(conn, path, `# Copies unchanged files of the serving version (npm run deploy)\n${lines.join('\n')}\n`);
  } finally {
    await conn.delete(path).catch(() => undefined);
  }
}

/**
 * Every file written in this run, read back and compared with the manifest by SHA-256 before the
 * switch: a size check would pass a file whose bytes changed on the way, or a copy of a serving file
 * edited on the router since. A file that differs is uploaded again from the bundle, once.
 */
async function verifyContents(
  conn: RouterConnection,
  plan: DeployPlan,
  files: ManifestFile[],
  bundle: BundleFiles,
  result: ApplyResult,
): Promise<void> {
  const problem = async (f: ManifestFile) => {
    const data = await conn.read(`${plan.folder}/${f.path}`, `verifying ${plan.folder}/${f.path}`, f.size);
    if (data && data.length === f.size && sha256(data) === f.sha256) return undefined;
    return !data ? 'missing' : data.length !== f.size ? `${data.length} bytes instead of ${f.size}` : 'different from the bundle (SHA-256)';
  };
  const wrong: ManifestFile[] = [];
  await pipelined(
    files,
    bytesOf,
    async (f) => {
      if (await problem(f)) wrong.push(f);
    },
    conn.pipeline,
  );
  for (const f of files.filter((x) => wrong.includes(x))) {
    await conn.put(await readLocal(bundle, f, conn.target.label, plan), `${plan.folder}/${f.path}`);
    result.uploadedFiles++;
    result.uploadedBytes += f.size;
    const still = await problem(f);
    if (still)
      throw new DeployStepError(
        `${conn.target.label}: ${plan.folder}/${f.path} is ${still} after the upload; nothing was switched. Run the deploy again.`,
      );
  }
}

/** Reads the profile and walled garden back: `set [find …]` on no match does nothing, silently (§8.2). */
async function verifySettings(conn: RouterConnection, plan: DeployPlan, s: DeploySettings): Promise<void> {
  const row = parseTerse(await conn.run(`/ip hotspot profile print terse where name=${rscString(plan.profile)}`))[0]?.props;
  const dir = row?.['html-directory-override'] || row?.['html-directory'];
  const loginBy = (row?.['login-by'] ?? '').split(',').sort().join(',');
  const cert = s.certificate?.name;
  if (cert && row?.['ssl-certificate'] !== cert) {
    throw new DeployStepError(
      `${conn.target.label}: profile ${plan.profile} does not use certificate ${cert} after the import (ssl-certificate "${row?.['ssl-certificate']}").`,
    );
  }
  if (dir !== plan.folder || loginBy !== [...s.loginBy].sort().join(',')) {
    throw new DeployStepError(
      `${conn.target.label}: profile ${plan.profile} does not show the new settings after the import (html directory "${dir}", login-by "${row?.['login-by']}").`,
    );
  }
  const tag = rscString(plan.model.tag);
  const wanted = plan.model.owned.find((o) => o.menu === 'ip/hotspot/walled-garden')?.rows.length ?? 0;
  const http = parseTerse(await conn.run(`/ip hotspot walled-garden print terse where comment=${tag}`)).length;
  if (http !== wanted)
    throw new DeployStepError(`${conn.target.label}: the walled garden holds ${http} of this portal's ${wanted} entries after the import.`);
}
