import type { PortalConfigInput } from './schema.ts';

/**
 * Typed helper for portal.config.ts: returns its argument unchanged, so the editor checks field
 * names and values while the build validates the same object with the full schema.
 */
export function defineConfig(config: PortalConfigInput): PortalConfigInput {
  return config;
}
