/**
 * Deciding what a deploy will do on one router, before it does anything: the folder to fill, which
 * files go up, which are copied on the router, which versions are removed, and the config script.
 * Dry-run prints this plan; apply carries it out.
 */
import { UserError } from '../lib/errors.ts';
import { sendsMessageAuth } from '../routeros/radius/message-auth.ts';
import { diffManifests, type Manifest, type ManifestFile } from './manifest.ts';
import type { DeployedManifest, RouterFacts } from './router-facts.ts';
import type { RouterModel } from '../router-model/router-model.ts';
import { renderDeployScript, secretCommands } from './script.ts';
import type { DeploySettings } from './settings.ts';

/** RouterOS reads and writes `contents` of files up to 60 KB (fact sheet §8.2). */
const COPY_LIMIT = 60 * 1024;
/** Only text survives a copy through `contents` (binary there is UNCERTAIN): these go up again. */
const TEXT = /\.(html?|txt|js|mjs|css|json|svg|xml|map|webmanifest)$/i;
/** Room kept free beyond what the upload needs. */
export const SPACE_MARGIN = 16 * 1024;

export interface DeployPlan {
  router: string;
  version: string;
  profile: string;
  /** The folder that will serve (`flash/acme-1a2b3c4d5e6f`) and the one serving now. */
  folder: string;
  live: string;
  /** The bundle is already complete in `folder`. */
  pagesReady: boolean;
  /** Nothing to do at all: pages served and settings already set by this very script. */
  unchanged: boolean;
  /** Write the folder's manifest (after its files are verified): new pages, or a new `previous`. */
  writeManifest: boolean;
  /** The version --rollback returns to once this one serves. */
  previous?: string;
  /** The manifest already stored for this folder (a rerun), whose certificate fields a rewrite keeps. */
  stored?: DeployedManifest;
  added: string[];
  changed: string[];
  same: string[];
  removed: string[];
  upload: ManifestFile[];
  copy: ManifestFile[];
  copyFrom: string;
  bytesToUpload: number;
  removeFolders: string[];
  scriptPath: string;
  /** The router settings the script sets. */
  model: RouterModel;
  script: string;
  /** The commands that set secrets, masked. */
  secretShown: string[];
}

export function planDeploy(
  router: string,
  facts: RouterFacts,
  manifest: Manifest,
  settings: DeploySettings,
  storedScript: string | undefined,
): DeployPlan {
  const folder = `${facts.base}${settings.portal}-${manifest.id}`;
  const scriptPath = `${folder}.rsc`;
  const model = settings.model(facts.profile);
  const asksMessageAuth = model.owned.some((o) => o.menu === 'radius' && o.rows.some((r) => 'require-message-auth' in r));
  if (asksMessageAuth && !sendsMessageAuth(facts.version))
    throw new UserError(
      `${router} runs RouterOS ${facts.version}, which has no require-message-auth (it came with 7.15): leave router.radius.requireMessageAuth out for this router, or upgrade it; nothing was changed.`,
    );
  const script = renderDeployScript(model, { folder, bundle: manifest.hash, v7: facts.v7 });
  const existing = facts.deployments.find((d) => d.folder === folder);
  const pagesReady = existing?.manifest?.hash === manifest.hash;
  const liveManifest: DeployedManifest | undefined = facts.deployments.find((d) => d.folder === facts.liveFolder)?.manifest;
  const diff = diffManifests(manifest, liveManifest);

  let upload: ManifestFile[] = [];
  let copy: ManifestFile[] = [];
  if (!pagesReady) {
    // A copy on the router needs /file add (v7) and the serving folder to be ours and complete.
    const canCopy = facts.v7 && liveManifest !== undefined && facts.liveFolder !== folder;
    const copyable = (f: ManifestFile) => canCopy && f.size <= COPY_LIMIT && TEXT.test(f.path);
    copy = diff.unchanged.filter(copyable);
    upload = manifest.files.filter((f) => !copy.includes(f));
  }
  // Keep the new version and the one --rollback returns to: the one serving now, or, when the new
  // version is the one serving (a rerun), the one it replaced. Older versions of this portal go.
  const keep = new Set([folder, facts.liveFolder]);
  if (facts.liveFolder === folder && liveManifest?.previous) keep.add(liveManifest.previous);
  const removeFolders = facts.deployments.map((d) => d.folder).filter((f) => !keep.has(f));
  const previous = facts.liveFolder !== folder ? facts.liveFolder || undefined : existing?.manifest?.previous;
  const writeManifest = !pagesReady || existing?.manifest?.previous !== previous || Boolean(existing?.legacyManifest);
  const unchanged = pagesReady && facts.liveFolder === folder && storedScript === script && removeFolders.length === 0 && !writeManifest;
  return {
    router,
    version: facts.version,
    profile: facts.profile,
    folder,
    live: facts.liveFolder,
    pagesReady,
    unchanged,
    writeManifest,
    previous,
    stored: existing?.manifest,
    added: diff.added.map((f) => f.path),
    changed: diff.changed.map((f) => f.path),
    same: diff.unchanged.map((f) => f.path),
    removed: diff.removed.map((f) => f.path),
    upload,
    copy,
    copyFrom: facts.liveFolder,
    bytesToUpload: upload.reduce((n, f) => n + f.size, 0),
    removeFolders,
    scriptPath,
    model,
    script,
    secretShown: secretShown(settings, facts.profile, model.tag),
  };
}

/** The secret command, masked, after checking the real value: every value is checked before any change. */
function secretShown(settings: DeploySettings, profile: string, tag: string): string[] {
  secretCommands(settings, profile, tag, false);
  return secretCommands(settings, profile, tag, true);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/**
 * The plan as a technician reads it (dry-run): the folder, the files grouped by what happens to them
 * with their sizes, what would be uploaded, and the config script with secrets masked. The RouterOS
 * version and the profile are not repeated here: the progress lines said them already.
 */
export function describePlan(p: DeployPlan, manifest: Manifest): string {
  if (p.unchanged) return `${p.router}: nothing to do: ${p.folder} is serving and its settings are in place`;
  const lines = [`${p.router}: pages ${p.folder}${p.pagesReady ? ' (already on the router)' : ''}`];
  if (!p.pagesReady) {
    const byPath = new Map(manifest.files.map((f) => [f.path, f]));
    const copied = new Set(p.copy.map((f) => f.path));
    const groups: Array<[string, ManifestFile[]]> = [
      ['new', p.added.map((path) => byPath.get(path)!)],
      ['changed', p.changed.map((path) => byPath.get(path)!)],
      ['copied on the router', p.copy],
      ['unchanged, uploaded again', p.same.filter((path) => !copied.has(path)).map((path) => byPath.get(path)!)],
    ];
    const width = Math.max(...manifest.files.map((f) => f.path.length));
    for (const [label, files] of groups) {
      if (!files.length) continue;
      lines.push(`  ${label} (${files.length}):`);
      for (const f of files) lines.push(`    ${f.path.padEnd(width)}  ${kb(f.size).padStart(9)}`);
    }
    if (p.removed.length) lines.push(`  not in this version (${p.removed.length}): ${p.removed.join(', ')}`);
    lines.push(`  would upload ${p.upload.length} files, ${kb(p.bytesToUpload)}${p.copy.length ? `, and copy ${p.copy.length} on the router` : ''}`);
  }
  if (p.removeFolders.length) lines.push(`  would remove older versions: ${p.removeFolders.join(', ')}`);
  lines.push(`  config script ${p.scriptPath}:`);
  for (const l of p.script.trim().split('\n')) lines.push(`    ${l}`);
  for (const c of p.secretShown) lines.push(`    ${c}`);
  return lines.join('\n');
}
