/**
 * `npx vite build` entry. `npm run build` (tools/build/main.ts) uses the same configuration with
 * friendlier errors; both read portal.config.ts.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import portal from './portal.config.ts';
import { validateConfig } from './tools/config/index.ts';
import { hotspotViteConfig } from './tools/build/vite-config.ts';

export default defineConfig(() => hotspotViteConfig({ config: validateConfig(portal), dir: fileURLToPath(new URL('.', import.meta.url)) }));
