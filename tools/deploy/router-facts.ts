/**
 * What a deploy reads from a router before it changes anything: RouterOS version, whether storage
 * lives under flash/ (read, never guessed: fact sheet §8.2), the hotspot profile to change, the folder
 * it serves now, and the portal versions this toolkit left there earlier; and, only before an upload,
 * the free space.
 */
import { UserError } from '../lib/errors.ts';
import { parseTerse } from '../routeros/cli/output.ts';
import type { RouterConnection } from './connection.ts';
import { LEGACY_MANIFEST_NAME, manifestPath, type Manifest } from './manifest.ts';
import { rscString } from './rsc.ts';

/** The manifest as stored beside a deployed version. */
export interface DeployedManifest extends Manifest {
  portal: string;
  deployedAt: string;
  /** The folder that was serving before this version: what --rollback returns to. */
  previous?: string;
  /** The profile's ssl-certificate before this version, when a certificate was deployed with it. */
  previousCertificate?: string;
  /** Set when a later deploy changed only the certificate: a rollback returns to this one, same pages. */
  certificateRollback?: string;
}

export interface Deployment {
  folder: string;
  /** Undefined when the folder has no manifest: an interrupted upload. */
  manifest?: DeployedManifest;
  /** The manifest is still inside the folder, where guests can read it (earlier releases). */
  legacyManifest?: boolean;
}

export interface RouterFacts {
  version: string;
  v7: boolean;
  /** `flash/` on routers whose persistent storage is there, else ''. */
  base: string;
  profile: string;
  /** The folder the profile serves now, and its html-directory (what serves when no override is set). */
  liveFolder: string;
  htmlDirectory: string;
  deployments: Deployment[];
}

const firstLine = (out: string) => out.split(/\r?\n/)[0]!.trim();

export async function readRouterFacts(conn: RouterConnection, portal: string, wantedProfile?: string): Promise<RouterFacts> {
  const label = conn.target.label;
  const version = firstLine(await conn.run(':put [/system resource get version]')).split(/\s/)[0]!;
  if (!/^\d+\.\d+/.test(version)) throw new UserError(`${label} did not report a RouterOS version (got "${version}"): is it a MikroTik router?`);
  const v7 = Number(version.split('.')[0]) >= 7;

  const servers = parseTerse(await conn.run('/ip hotspot print terse')).filter((s) => !s.flags.includes('X'));
  const profiles = parseTerse(await conn.run('/ip hotspot profile print terse'));
  let profile = wantedProfile;
  if (profile) {
    if (!profiles.some((p) => p.props.name === profile)) {
      throw new UserError(
        `${label} has no hotspot profile "${profile}": use one of ${profiles.map((p) => p.props.name).join(', ')} (router.profile in portal.config.ts or --profile).`,
      );
    }
  } else {
    const used = [...new Set(servers.map((s) => s.props.profile).filter((p): p is string => Boolean(p)))];
    if (used.length === 0) throw new UserError(`${label} has no hotspot server: set one up first (/ip hotspot setup), then deploy again.`);
    if (used.length > 1)
      throw new UserError(
        `${label} has several hotspot profiles in use (${used.join(', ')}): choose one with --profile or router.profile in portal.config.ts.`,
      );
    profile = used[0]!;
  }
  const row = profiles.find((p) => p.props.name === profile)?.props ?? {};
  const liveFolder = (v7 && row['html-directory-override']) || row['html-directory'] || '';

  // One listing for both: whether storage lives under flash/, and the versions left in it.
  const listed = parseTerse(await conn.run(`/file print terse where name~${rscString(`^(flash$|(flash/)?${portal}-[0-9a-f]{12}$)`)}`));
  const base = listed.some((f) => f.props.name === 'flash') ? 'flash/' : '';
  const ours = new RegExp(`^${base}${portal}-[0-9a-f]{12}$`);
  const folders = listed.filter((f) => f.props.type === 'directory' && ours.test(f.props.name ?? '')).map((f) => f.props.name!);
  const deployments: Deployment[] = [];
  for (const folder of folders) {
    const manifest = await readManifest(conn, manifestPath(folder));
    const legacy = manifest ? undefined : await readManifest(conn, `${folder}/${LEGACY_MANIFEST_NAME}`);
    deployments.push({ folder, manifest: manifest ?? legacy, legacyManifest: legacy !== undefined });
  }
  return {
    version,
    v7,
    base,
    profile,
    liveFolder,
    htmlDirectory: row['html-directory'] ?? '',
    deployments,
  };
}

/** Free bytes on the router's disk: read just before an upload needs them (a no-op or a rollback does not). */
export async function readFreeBytes(conn: RouterConnection): Promise<number> {
  const free = Number(firstLine(await conn.run(':put [/system resource get free-hdd-space]')));
  return Number.isFinite(free) ? free : 0;
}

async function readManifest(conn: RouterConnection, path: string): Promise<DeployedManifest | undefined> {
  const data = await conn.read(path);
  if (!data) return undefined;
  try {
    const m = JSON.parse(data.toString('utf8')) as DeployedManifest;
    return Array.isArray(m.files) && typeof m.hash === 'string' ? m : undefined;
  } catch {
    return undefined;
  }
}
