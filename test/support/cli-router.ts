/**
 * A router for CLI tests without any server: a RouterDb seeded as the HotSpot wizard leaves it, and
 * a file store in a temp folder. `run` returns what the console prints.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { runConsole, type CliResult, type RouterEnv } from '../../tools/routeros/cli/index.ts';
import { createRouterDb, type RouterConfigInput } from '../../tools/routeros/config.ts';
import { FileStore, type FileStoreOptions } from '../../tools/routeros/files/file-store.ts';

export interface CliRouter {
  env: RouterEnv;
  dir: string;
  run: (source: string) => Promise<CliResult>;
  /** The output of a command that must not fail. */
  out: (source: string) => Promise<string>;
  dispose: () => Promise<void>;
}

export async function cliRouter(version = '7.19.4', config: RouterConfigInput = {}, store: FileStoreOptions = {}): Promise<CliRouter> {
  const dir = await mkdtemp(join(tmpdir(), 'vr-cli-'));
  const { db } = createRouterDb({ ...config, version });
  const env: RouterEnv = { db, version, identity: () => 'MikroTik', files: new FileStore(dir, store), uptimeMs: () => 3_723_000 };
  const run = (source: string) => runConsole(source, env);
  return {
    env,
    dir,
    run,
    out: async (source) => {
      const r = await run(source);
      if (r.error) throw new Error(`${source} failed: ${r.error}`);
      return r.output;
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * `router(version)` for a test file: a CLI router per call, each disposed after its test. Call it at the
 * top level of the file (it registers an afterEach hook).
 */
export function cliRouterPerTest(): (version?: string) => Promise<CliRouter> {
  const routers: CliRouter[] = [];
  afterEach(async () => {
    await Promise.all(routers.splice(0).map((r) => r.dispose()));
  });
  return async (version = '7.19.4') => {
    const r = await cliRouter(version);
    routers.push(r);
    return r;
  };
}
