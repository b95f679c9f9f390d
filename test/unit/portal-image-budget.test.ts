/**
 * A designer's raster logo is a file of its own, budgeted on its own (budgets.imageKB, default 30 KB):
 * a real 15 KB PNG builds with the default settings and is not counted in the login page's budget; an
 * image over its budget stops the build with one sentence naming it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { measure } from '../../tools/build/budgets.ts';
import { buildPortal } from '../../tools/build/main.ts';
import { noisePng } from '../support/png.ts';

// Brand files must sit inside the project folder (the build root): a scratch folder under node_modules/.cache.
const cache = path.join(process.cwd(), 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const brandDir = mkdtempSync(path.join(cache, 'hs-logo-'));
const outDirs: string[] = [];
afterAll(() => {
  for (const d of [brandDir, ...outDirs]) rmSync(d, { recursive: true, force: true });
});

async function buildWithLogo(bytes: number): Promise<string> {
  const file = path.join(brandDir, `logo-${bytes}.png`);
  writeFileSync(file, noisePng(bytes));
  const outDir = mkdtempSync(path.join(tmpdir(), 'hs-image-'));
  outDirs.push(outDir);
  const { budgets: _ignored, ...rest } = example;
  await buildPortal({
    outDir,
    quiet: true,
    config: { ...rest, brand: { ...example.brand, logo: path.relative(process.cwd(), file) } },
  });
  return outDir;
}

describe('image budget', () => {
  it('a 15 KB PNG logo builds with the default budgets, as a file of its own beside the page', async () => {
    const dir = await buildWithLogo(15 * 1024);
    const report = measure(dir);
    const logo = report.images.find((f) => f.path.endsWith('.png'));
    expect(logo?.size).toBeGreaterThan(14.5 * 1024);
    expect(logo!.size).toBeLessThan(16 * 1024);
    expect(readFileSync(path.join(dir, 'login.html'), 'utf8')).toContain(`<img class="hs-logo" src="/${logo!.path}"`);
    expect(report.loginFiles).not.toContain(logo!.path);
  }, 60_000);

  it('an image over budgets.imageKB stops the build, naming the image and the budget', async () => {
    await expect(buildWithLogo(31 * 1024)).rejects.toThrow(
      /the image assets\/logo-31744-[\w-]+\.png is 30\.\d KB, over its budget of 30 KB \(budgets\.imageKB\)/,
    );
  }, 60_000);
});
