/**
 * The Vite configuration of the portal build: a multi-page build whose HTML entries are the rendered
 * Handlebars shells, written upload-ready to dist/hotspot/. Script code stays in external files under
 * /assets/ (minified code contains `$(`, which the router would eat inside an .html file), and every
 * asset URL is root-absolute so pages in locale folders find them too.
 */
import path from 'node:path';
import type { UserConfig } from 'vite';
import type { LoadedConfig } from '../config/index.ts';
import { hotspotBudgets } from './plugin-budgets.ts';
import { hotspotI18n } from './plugin-i18n.ts';
import { hotspotCryptoJs } from './plugin-crypto-js.ts';
import { hotspotLitTemplates } from './plugin-lit-templates.ts';
import { hotspotPages } from './plugin-pages.ts';
import { hotspotRouterSafety } from './plugin-router-safety.ts';

export const OUT_DIR = 'dist/hotspot';

const SHARED_BY_LIT_PAGES =
  /[\\/]node_modules[\\/](?:lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]|[\\/]portal[\\/]i18n[\\/](?:runtime|choose)\.ts$|[\\/]portal[\\/]theme[\\/]|[\\/]portal[\\/]pages[\\/]shared[\\/](?:boot|page-styles|error-text)\.ts$|[\\/]portal[\\/]components[\\/](?:events\.ts|hs-(?:message|language-picker)[\\/])|[\\/]portal[\\/]hotspot[\\/]send\.ts$|virtual:hotspot\/config/;

export interface HotspotBuildOptions {
  /** Where to write, relative to the project root (default dist/hotspot). */
  outDir?: string;
  /** Do not print the size table (tests). */
  quiet?: boolean;
}

export function hotspotViteConfig({ config, dir }: LoadedConfig, options: HotspotBuildOptions = {}): UserConfig {
  return {
    root: dir,
    base: '/',
    publicDir: false,
    appType: 'mpa',
    envDir: false,
    build: {
      outDir: path.resolve(dir, options.outDir ?? OUT_DIR),
      emptyOutDir: true,
      assetsDir: 'assets',
      // Every asset is a file of its own: data: URLs would grow the pages the router substitutes.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      sourcemap: false,
      rolldownOptions: {
        output: {
          entryFileNames: 'assets/[name]-[hash].js',
          chunkFileNames: 'assets/[name]-[hash].js',
          // One shared chunk for what every Lit page loads (fewer requests and import lists);
          // router-values and links stay apart so the redirect pages load no Lit.
          codeSplitting: {
            groups: [{ name: 'portal', test: SHARED_BY_LIT_PAGES }],
          },
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
    plugins: [
      hotspotLitTemplates(),
      hotspotCryptoJs(),
      hotspotI18n(config),
      hotspotPages({ config, root: dir }),
      hotspotBudgets(config, { quiet: options.quiet }),
      hotspotRouterSafety(config),
    ],
  };
}
