/**
 * `npm run screenshots`: a PNG of every page × state of the gallery (tools/dev/gallery-states.ts) in
 * every locale, at phone and desktop size, taken by Chromium from the dev server (each state from its
 * own simulated router, so figures are the same on every run). `--readme` also refreshes the pictures
 * the README shows (docs/img/).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright';
import { UserError } from '../lib/errors.ts';
import { launchChromium } from '../lib/chromium.ts';
import { GALLERY, type GalleryEntry } from './gallery-states.ts';
import { startDevServer } from './server.ts';
import { viewUrl, VIEWPORTS } from './state.ts';

export const SHOT_SIZES = { phone: VIEWPORTS.phone, desktop: VIEWPORTS.desktop } as const;
export type ShotSize = keyof typeof SHOT_SIZES;
/** The device's colour scheme (prefers-color-scheme): dark pictures are named `….dark.png`. */
export const SHOT_SCHEMES = ['light', 'dark'] as const;
export type ShotScheme = (typeof SHOT_SCHEMES)[number];

/** The README's pictures: screenshots/<file> copied to docs/img/<file>. */
import { README_PICTURES } from './readme-pictures.ts';

export { README_PICTURES };

export interface ScreenshotOptions {
  /** Output folder (default screenshots/). */
  out?: string;
  /** Gallery entry names (default: every one that is a picture). */
  only?: readonly string[];
  /** Locale codes (default: every locale of portal.config.ts). */
  locales?: readonly string[];
  sizes?: readonly ShotSize[];
  /** Colour schemes (default: both). */
  schemes?: readonly ShotScheme[];
  /** The project (default the working directory) and the dev server's cache. */
  root?: string;
  cacheDir?: string;
  log?: (line: string) => void;
}

export interface ScreenshotResult {
  files: string[];
  ms: number;
}

/** One PNG to take: a gallery entry in a locale at a size. */
interface Shot {
  entry: GalleryEntry;
  locale: string;
  size: ShotSize;
  scheme: ShotScheme;
  file: string;
}

function pick<T extends string>(what: string, wanted: readonly string[] | undefined, known: readonly T[]): T[] {
  if (!wanted) return [...known];
  const unknown = wanted.filter((w) => !known.includes(w as T));
  if (unknown.length) throw new UserError(`${what} "${unknown[0]}" is not known; use ${known.join(', ')}.`);
  return wanted as T[];
}

/**
 * Waits until the page's script has put it in its language (`data-hs-app`, set by the Lit pages and
 * by those without Lit alike), or its Lit element has rendered (or there is none: JavaScript off).
 */
async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    if (document.documentElement.hasAttribute('data-hs-app')) return true;
    const el = document.querySelector('.hs-main > *');
    if (!el || !el.localName.includes('-') || !('customElements' in window)) return true;
    return customElements.get(el.localName) !== undefined && (el.shadowRoot?.childElementCount ?? 0) > 0;
  });
  await page.evaluate(async () => {
    await document.fonts?.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

export async function takeScreenshots(o: ScreenshotOptions = {}): Promise<ScreenshotResult> {
  const started = Date.now();
  const out = path.resolve(o.out ?? 'screenshots');
  const dev = await startDevServer({ root: o.root, cacheDir: o.cacheDir, port: 0, logLevel: 'error' });
  let browser: Browser | undefined;
  try {
    const entries = GALLERY.filter((g) => g.screenshot);
    const names = pick(
      'The gallery entry',
      o.only,
      entries.map((g) => g.name),
    );
    const locales = pick('The locale', o.locales, dev.portal.config.locales.list);
    const sizes = pick('The size', o.sizes, Object.keys(SHOT_SIZES) as ShotSize[]);
    const schemes = pick('The colour scheme', o.schemes, SHOT_SCHEMES);
    const shots: Shot[] = [];
    for (const scheme of schemes) {
      for (const size of sizes) {
        for (const locale of locales) {
          for (const entry of entries.filter((g) => names.includes(g.name))) {
            const file = `${entry.name}.${locale}.${size}${scheme === 'dark' ? '.dark' : ''}.png`;
            shots.push({ entry, locale, size, scheme, file: path.join(out, file) });
          }
        }
      }
    }
    mkdirSync(out, { recursive: true });
    browser = await launchChromium();
    // One browser context per size, locale, scheme and JavaScript setting, a few at a time.
    const groups = new Map<string, Shot[]>();
    for (const s of shots) {
      const key = `${s.size}|${s.locale}|${s.scheme}|${s.entry.state.js}`;
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    const queue = [...groups.values()];
    const worker = async () => {
      for (let group = queue.shift(); group; group = queue.shift()) {
        const { size, locale, scheme, entry } = group[0]!;
        const { width, height } = SHOT_SIZES[size];
        const context = await browser!.newContext({ viewport: { width, height }, locale, colorScheme: scheme, javaScriptEnabled: entry.state.js });
        const page = await context.newPage();
        for (const shot of group) {
          await page.goto(dev.url + viewUrl(shot.entry.state));
          // Without JavaScript the page is complete once loaded (and cannot be polled).
          if (shot.entry.state.js) {
            await ready(page).catch((err: Error) => {
              throw new Error(`${shot.entry.name} (${shot.locale}, ${size}) did not finish rendering: ${err.message.split('\n')[0]}`);
            });
          }
          await page.screenshot({ path: shot.file, fullPage: true });
          o.log?.(path.relative(process.cwd(), shot.file));
        }
        await context.close();
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    return { files: shots.map((s) => s.file), ms: Date.now() - started };
  } finally {
    await browser?.close();
    await dev.close();
  }
}

/** Copies the README's pictures from a screenshot folder into docs/img/. */
export function copyReadmePictures(out: string, imgDir = path.resolve('docs', 'img')): string[] {
  mkdirSync(imgDir, { recursive: true });
  return README_PICTURES.map((f) => {
    copyFileSync(path.join(out, f), path.join(imgDir, f));
    return path.join(imgDir, f);
  });
}
