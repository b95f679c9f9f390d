/** The portal config: what portal.config.ts may hold, how it is checked, and how it is loaded. */
export { defineConfig } from './define.ts';
export { portalConfigSchema, LOGIN_METHODS, type PortalConfig, type PortalConfigInput, type LoginMethodName, type Localized } from './schema.ts';
export { validateConfig, formatPath } from './validate.ts';
export { loadConfig, CONFIG_FILE, type LoadedConfig } from './load.ts';
export { deriveLoginBy } from './rules.ts';
export { contrastRatio } from './contrast.ts';
