/** `npm run screenshots [-- --only login,status --locale en,ar --size phone --scheme dark --out DIR --readme]`. */
import path from 'node:path';
import { Command } from 'commander';
import { parseCommand, runAsScript, withUserErrors, type CliIo } from '../lib/command.ts';
import type { ShotScheme, ShotSize } from './screenshots.ts';
import { README_PICTURES } from './readme-pictures.ts';

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const command = () =>
  withUserErrors(
    new Command('screenshots')
      .description('PNG files of every page in every state and locale, at phone and desktop size, from the dev server.')
      .option('--out <dir>', 'folder for the PNG files', 'screenshots')
      .option('--only <names>', 'gallery entries, comma-separated (login,status-trial,…)', list)
      .option('--locale <codes>', 'locales, comma-separated', list)
      .option('--size <sizes>', 'phone, desktop or both, comma-separated', list)
      .option('--scheme <schemes>', 'light, dark or both (the device colour scheme), comma-separated', list)
      .option('--readme', `also copy ${README_PICTURES.join(', ')} to docs/img/`),
  );

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const program = command();
  if (!parseCommand(program, argv, io)) return 0;
  const flags = program.opts<{ out: string; only?: string[]; locale?: string[]; size?: ShotSize[]; scheme?: ShotScheme[]; readme?: boolean }>();
  // Loaded only after the flags are read, so that --help and a bad flag answer at once.
  const { copyReadmePictures, takeScreenshots } = await import('./screenshots.ts');
  const { files, ms } = await takeScreenshots({ out: flags.out, only: flags.only, locales: flags.locale, sizes: flags.size, schemes: flags.scheme });
  io.stdout.write(
    `wrote ${files.length} PNG files to ${path.relative(process.cwd(), path.resolve(flags.out)) || '.'}/ in ${(ms / 1000).toFixed(1)} s\n`,
  );
  if (flags.readme) {
    for (const f of copyReadmePictures(path.resolve(flags.out))) io.stdout.write(`README picture: ${path.relative(process.cwd(), f)}\n`);
  }
  return 0;
}

await runAsScript(import.meta.url, main);
