/**
 * The built portal, once per distinct config per test run, shared by every test file and worker: a
 * Vite build costs seconds, and most files need the same example build. The cache folder comes from
 * vitest's globalSetup (test/support/global-setup.ts), which empties it at the end of the run. The
 * first worker to need a config takes its lock and builds it; the others wait for the finished folder.
 * The folder is shared: callers that change files copy it first (`copyOfBuiltPortal`).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import example from '../../portal.config.ts';
import type { PortalConfigInput } from '../../tools/config/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    portalBuildCache: string;
  }
}

/** How long a worker waits for another one's build of the same config (a build takes seconds). */
const WAIT_MS = 180_000;

const inProcess = new Map<string, Promise<string>>();

/** The folder holding the portal built from `config` (the example brand by default). Do not change its files. */
export function builtPortal(config: PortalConfigInput = example): Promise<string> {
  const key = configKey(config);
  let built = inProcess.get(key);
  if (!built) {
    built = buildShared(key, config);
    inProcess.set(key, built);
    // A failed build is not cached in this process either: the next caller gets the error afresh.
    built.catch(() => inProcess.delete(key));
  }
  return built;
}

/** A private copy of the built portal at `dest`, for tests that change or add files. */
export async function copyOfBuiltPortal(dest: string, config: PortalConfigInput = example): Promise<string> {
  await cp(await builtPortal(config), dest, { recursive: true });
  return dest;
}

/** A stable hash of the config: key order does not matter, values do. */
export function configKey(config: PortalConfigInput): string {
  return createHash('sha256').update(stableJson(config)).digest('hex').slice(0, 16);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

function cacheRoot(): string {
  // Outside vitest's globalSetup (never in `npm test`), each process builds into its own temp folder.
  return inject('portalBuildCache') ?? join(tmpdir(), `hs-build-cache-${process.pid}`);
}

async function buildShared(key: string, config: PortalConfigInput): Promise<string> {
  const root = cacheRoot();
  await mkdir(root, { recursive: true });
  const done = join(root, key);
  const failed = join(root, `${key}.error`);
  if (existsSync(done)) return done;
  try {
    await mkdir(join(root, `${key}.lock`));
  } catch {
    return waitFor(done, failed);
  }
  const partial = join(root, `${key}.partial`);
  try {
    const { buildPortal } = await import('../../tools/build/main.ts');
    await buildPortal({ outDir: partial, quiet: true, config });
    await rename(partial, done);
    return done;
  } catch (err) {
    await writeFile(failed, err instanceof Error ? err.message : String(err));
    await rm(partial, { recursive: true, force: true });
    throw err;
  }
}

async function waitFor(done: string, failed: string): Promise<string> {
  const until = Date.now() + WAIT_MS;
  while (Date.now() < until) {
    if (existsSync(done)) return done;
    if (existsSync(failed)) throw new Error(`the shared portal build failed: ${await readFile(failed, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the shared portal build in ${done} did not finish within ${WAIT_MS / 1000} s`);
}
