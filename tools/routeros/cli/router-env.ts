/**
 * What the CLI needs from a router: its database, file store, version and a few figures for
 * `/system resource`. The virtual router builds one; tests can build one without any server.
 */
import type { RouterDb } from '../db/router-db.ts';
import type { FileStore } from '../files/file-store.ts';
import type { Hotspot } from '../hotspot/hotspot.ts';

export interface RouterEnv {
  db: RouterDb;
  /** RouterOS version, e.g. "7.19.4" or "6.49.13". */
  version: string;
  identity: () => string;
  files?: FileStore;
  /** Milliseconds since the router started. */
  uptimeMs: () => number;
  /** Wall-clock time for file dates (ms since the epoch). */
  now?: () => number;
  board?: { architectureName: string; boardName: string; cpu: string };
  /** The hotspot's live state, for `/ip hotspot active` and its dynamic `/queue simple` entries. */
  hotspot?: Hotspot;
}

/** Major, minor of a version string ("7.19.4" → [7, 19]). */
export function versionParts(version: string): [number, number] {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return [major, minor];
}

export const isV7 = (env: RouterEnv) => versionParts(env.version)[0] >= 7;

/** `/file add` came in 7.9 (fact sheet §8.2, M-FILES docs history). */
export function hasFileAdd(env: RouterEnv): boolean {
  const [major, minor] = versionParts(env.version);
  return major > 7 || (major === 7 && minor >= 9);
}

/** The channel after the version in `/system resource print` (6.49.x is long-term). */
export function versionLabel(version: string): string {
  const [major, minor] = versionParts(version);
  return `${version} (${major === 6 && minor >= 49 ? 'long-term' : 'stable'})`;
}

/** Default board figures: a v6 hAP lite (MIPS), a v7 hAP ac² (ARM). Only shown, never acted on. */
export function boardOf(env: RouterEnv): { architectureName: string; boardName: string; cpu: string } {
  if (env.board) return env.board;
  return isV7(env)
    ? { architectureName: 'arm', boardName: 'hAP ac^2', cpu: 'ARMv7' }
    : { architectureName: 'mipsbe', boardName: 'hAP lite', cpu: 'MIPS 24Kc V7.4' };
}
