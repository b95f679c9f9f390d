/**
 * Loading portal.config.ts from disk (Node, run under tsx or vitest, which both import TypeScript).
 * vite.config.ts imports the file statically instead and calls validateConfig itself.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../lib/errors.ts';
import type { PortalConfig, PortalConfigInput } from './schema.ts';
import { validateConfig } from './validate.ts';

export const CONFIG_FILE = 'portal.config.ts';

/** Imports and validates the config; the result also carries the folder its relative paths start from. */
export async function loadConfig(file = path.resolve(CONFIG_FILE)): Promise<LoadedConfig> {
  if (!existsSync(file)) throw new UserError(`${file} does not exist; create it with "export default defineConfig({ … })" (see docs/portal.md).`);
  let mod: { default?: unknown };
  try {
    // The dev server also loads this module through Vite, which cannot follow a computed import.
    mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default?: unknown };
  } catch (err) {
    throw new UserError(
      `${path.basename(file)} could not be loaded: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}; fix the file and build again.`,
    );
  }
  if (mod.default === undefined) throw new UserError(`${path.basename(file)} has no default export; write "export default defineConfig({ … })".`);
  const config = validateConfig(mod.default, path.basename(file));
  return { config, input: mod.default as PortalConfigInput, dir: path.dirname(file) };
}

export interface LoadedConfig {
  config: PortalConfig;
  /** The file's default export as written (valid, since `config` came from it): for building a variant of it. */
  input?: PortalConfigInput;
  /** Folder of portal.config.ts: brand files (logo, fonts) are relative to it. */
  dir: string;
}
