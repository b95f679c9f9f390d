/**
 * The Vite configuration of the portal build: a multi-page build whose HTML entries are the rendered
 * Handlebars shells, written upload-ready to dist/hotspot/. Script code stays in external files under
 * /assets/ (minified code contains `$(`, which the router would eat inside an .html file), and every
 * asset URL is root-absolute so pages in locale folders find them too.
 */
import path from 'node:path';
import { Features } from 'lightningcss';
import type { UserConfig } from 'vite';
import type { LoadedConfig } from '../config/index.ts';
import { hotspotBudgets } from './plugin-budgets.ts';
import { hotspotI18n } from './plugin-i18n.ts';
import { hotspotCryptoJs } from './plugin-crypto-js.ts';
import { hotspotLitTemplates } from './plugin-lit-templates.ts';
import { FIGURES_OF_STATIC_PAGES, hotspotPageChunks, SHARED_BY_STATIC_PAGES } from './plugin-page-chunks.ts';
import { hotspotPages } from './plugin-pages.ts';
import { pagesFor } from './pages.ts';
import { hotspotRouterSafety } from './plugin-router-safety.ts';

export const OUT_DIR = 'dist/hotspot';

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
    // The pages set `color-scheme` and use no light-dark(): lightningcss's polyfill for it (two custom
    // properties on :root, in light and dark) would be bytes on every page for nothing.
    css: { lightningcss: { exclude: Features.LightDark } },
    build: {
      outDir: path.resolve(dir, options.outDir ?? OUT_DIR),
      emptyOutDir: true,
      assetsDir: 'assets',
      // Vite inlines no asset: data: URLs would grow the pages the router substitutes. (The SVG logo
      // and icon are put into the pages on purpose, by the shells: they spare a first visit two requests.)
      assetsInlineLimit: 0,
      modulePreload: false,
      reportCompressedSize: false,
      sourcemap: false,
      rolldownOptions: {
        output: {
          entryFileNames: 'assets/[name]-[hash].js',
          chunkFileNames: 'assets/[name]-[hash].js',
          // One shared chunk for the pages the build renders whole, and one for the figures of those
          // that show them (status, logout); everything else is in each page's own script
          // (hotspot:page-chunks), so a page loads at most three scripts.
          codeSplitting: {
            groups: [
              { name: 'figures', test: FIGURES_OF_STATIC_PAGES, priority: 2, includeDependenciesRecursively: false },
              { name: 'static', test: SHARED_BY_STATIC_PAGES, priority: 1 },
            ],
          },
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
    plugins: [
      hotspotPageChunks(pagesFor(config), dir),
      hotspotLitTemplates(),
      hotspotCryptoJs(),
      hotspotI18n(config),
      hotspotPages({ config, root: dir }),
      hotspotBudgets(config, { quiet: options.quiet }),
      hotspotRouterSafety(config),
    ],
  };
}
