/**
 * HTTP walled garden matching (fact sheet §8.3): `dst-host` and `path` match the whole string, with
 * `*` and `?` wildcards, or a regex when the value starts with `:`; the first matching entry decides.
 */
import type { RouterDb } from '../db/router-db.ts';

export interface GardenRequest {
  host: string;
  port: number;
  path: string;
  method: string;
}

function wildcard(pattern: string, value: string, caseInsensitive: boolean): boolean {
  if (!pattern) return true;
  const flags = caseInsensitive ? 'i' : '';
  if (pattern.startsWith(':')) {
    try {
      return new RegExp(pattern.slice(1), flags).test(value);
    } catch {
      return false;
    }
  }
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`, flags).test(value);
}

function portMatches(spec: string, port: number): boolean {
  if (!spec) return true;
  return spec.split(',').some((part) => {
    const [lo, hi] = part.split('-').map(Number);
    return hi === undefined ? port === lo : port >= lo! && port <= hi;
  });
}

/** `allow` or `deny` from the first matching enabled entry, undefined when none matches. */
export function walledGarden(db: RouterDb, req: GardenRequest): 'allow' | 'deny' | undefined {
  for (const row of db.rows('ip/hotspot/walled-garden')) {
    if (row.disabled === 'yes') continue;
    if (!wildcard(row['dst-host'] ?? '', req.host, true)) continue;
    if (!wildcard(row.path ?? '', req.path, false)) continue;
    if (!portMatches(row['dst-port'] ?? '', req.port)) continue;
    if (row.method && row.method.toUpperCase() !== req.method.toUpperCase()) continue;
    return row.action === 'deny' ? 'deny' : 'allow';
  }
  return undefined;
}
