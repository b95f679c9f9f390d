/**
 * Page weight from the files themselves: for each servlet page, the page and everything it loads on a
 * first visit (the build's own accounting, tools/build/budgets.ts pageLoad), raw and gzip-compressed.
 * RouterOS serves files uncompressed, so raw bytes are what crosses the air; gzip is shown for scale.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageLoad } from '../build/budgets.ts';
import { listFiles } from '../build/files.ts';

export interface FileWeight {
  path: string;
  bytes: number;
  /** gzip at zlib's default level 6, what a typical web server would use. */
  gzip: number;
}

export interface PageWeight {
  page: string;
  html: FileWeight;
  /** The page and everything it loads on a first visit (one request each). */
  files: FileWeight[];
  requests: number;
  bytes: number;
  gzip: number;
  /** Fetched only after a failed login (error texts): listed, not counted. */
  afterError: string[];
}

export interface FolderWeight {
  files: number;
  bytes: number;
  gzip: number;
  pages: PageWeight[];
}

export function fileWeight(dir: string, file: string): FileWeight {
  const data = readFileSync(path.join(dir, file));
  return { path: file, bytes: data.length, gzip: gzipSync(data).length };
}

const sum = (list: readonly FileWeight[], key: 'bytes' | 'gzip') => list.reduce((n, f) => n + f[key], 0);

/** Every top-level .html page of the folder, login.html first, with what it loads. */
export function folderWeight(dir: string): FolderWeight {
  const listing = listFiles(dir);
  const weights = new Map(listing.map((f) => [f.path, fileWeight(dir, f.path)]));
  const pages = listing
    .map((f) => f.path)
    .filter((p) => /^[^/]+\.html?$/i.test(p))
    .sort((a, b) => (a === 'login.html' ? -1 : b === 'login.html' ? 1 : a.localeCompare(b)));
  const all = [...weights.values()];
  return {
    files: listing.length,
    bytes: sum(all, 'bytes'),
    gzip: sum(all, 'gzip'),
    pages: pages.map((page) => {
      const load = pageLoad(dir, page, listing);
      // The page first, then the rest in the order they were found.
      const names = [page, ...load.files.filter((f) => f !== page), ...load.lazy];
      const files = names.map((f) => weights.get(f)!);
      return {
        page,
        html: weights.get(page)!,
        files,
        requests: files.length,
        bytes: sum(files, 'bytes'),
        gzip: sum(files, 'gzip'),
        afterError: load.afterError,
      };
    }),
  };
}
