/**
 * The page set a virtual router writes into its profile's folder when the file store has none, as
 * RouterOS writes its default pages when a HotSpot server is set up: `npm run router -- --storage DIR`
 * on an empty folder serves these instead of failing. Written for this project after RouterOS 7's
 * defaults (fact sheet DEF7): the HTML in default-pages/, errors.txt from the router's own error
 * messages, and the plain md5.js the bench's classic baseline uses.
 */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_MESSAGES } from './data/error-messages.ts';

const PAGES = fileURLToPath(new URL('./default-pages', import.meta.url));
const MD5_JS = fileURLToPath(new URL('../../bench/baseline/md5.js', import.meta.url));

/** errors.txt as RouterOS ships it: every error key with its default message. */
export function defaultErrorsTxt(): string {
  return `# Messages for the hotspot pages: NAME = TEXT, $(variables) allowed. Lines starting with # are comments.\n\n${ERROR_MESSAGES.map((e) => `${e.key} = ${e.message}`).join('\n')}\n`;
}

/** Writes the default pages into `dir` (made when missing). */
export async function writeDefaultPages(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await cp(PAGES, dir, { recursive: true });
  await cp(MD5_JS, join(dir, 'md5.js'));
  await writeFile(join(dir, 'errors.txt'), defaultErrorsTxt());
}
