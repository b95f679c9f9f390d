/**
 * Size budgets (fact sheet §7.3: small devices have little flash, guests have weak Wi-Fi). The login
 * page is counted as the heaviest first visit loads it: login.html (which carries the logo, the icon
 * and the default locale's texts inline), the files it refers to, the scripts they import, and the
 * largest of the language files a guest whose browser prefers another language fetches on top.
 * Error texts (errors-*.json) are fetched only after a failed login, when everything else is
 * cached, so they are listed but not counted. Every other page is counted the same way, against its
 * own budget. Images (a raster logo, a hero picture, an icon) load beside the page and never hold back
 * its form, so they are budgeted one by one on their own, not with the page that shows them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles, type BuiltFile } from './files.ts';
import { referencesOf } from './references.ts';

export interface BudgetLimits {
  loginPageKB: number;
  /** Every other page (alogin, status, logout, error, …) with what it loads. */
  pageKB: number;
  /** Each image on its own. */
  imageKB: number;
  totalKB: number;
}

/** Images: loaded beside a page (never before its form can be used), budgeted on their own. */
export function isImage(file: string): boolean {
  return /\.(?:png|jpe?g|gif|webp|avif|svg|ico)$/i.test(file);
}

export interface SizeReport {
  files: BuiltFile[];
  total: number;
  /** login.html and what it loads statically. */
  loginFiles: string[];
  /** The largest on-demand file set (another language's texts) the login page loads on a first visit. */
  loginLazy: string[];
  /** Files the login page fetches only after a failed login (error texts), reported, not budgeted. */
  loginAfterError: string[];
  login: number;
  /** Every other top-level page with what it loads (bytes), heaviest first. */
  pages: Array<{ page: string; bytes: number }>;
  /** Every image of the folder. */
  images: BuiltFile[];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Local files a file refers to, resolved within the folder. */
function localRefs(dir: string, file: string, names: ReadonlySet<string>): { static: string[]; lazy: string[] } {
  const text = readFileSync(path.join(dir, file), 'utf8');
  const stat: string[] = [];
  const lazy: string[] = [];
  for (const ref of referencesOf(file, text)) {
    if (!ref.url || ref.url.includes('$(') || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref.url)) continue;
    const resolved = decodeURI(new URL(ref.url, `http://h.invalid/${file}`).pathname).slice(1);
    if (!names.has(resolved) || isImage(resolved)) continue;
    if (ref.kind === 'navigation') continue; // a link the guest may follow (the terms page): not part of this page
    // URLs in script strings (language files) and dynamic imports load on demand, not with the page.
    const onDemand = ref.kind === 'js-string' || (ref.kind === 'js-import' && new RegExp(`import\\s*\\(\\s*["']${escapeRe(ref.url)}`).test(text));
    (onDemand ? lazy : stat).push(resolved);
  }
  return { static: stat, lazy };
}

function closure(dir: string, start: string, names: ReadonlySet<string>, seen: Set<string>, lazyOut?: string[]): void {
  const stack = [start];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const refs = localRefs(dir, f, names);
    stack.push(...refs.static);
    lazyOut?.push(...refs.lazy);
  }
}

/** What a page loads on a first visit: the page and its static references, plus on-demand files. */
export interface PageLoad {
  /** The page and what it loads statically (scripts, their imports, styles, images). */
  files: string[];
  /** The largest on-demand file set (another language's texts) the page loads on a first visit. */
  lazy: string[];
  /** Files fetched only after a failed login (error texts): reported, not counted. */
  afterError: string[];
}

/**
 * Follows `page` through HTML, scripts and language files within the folder. `files` lists every
 * file in it (listFiles) when the caller already has the listing.
 */
export function pageLoad(dir: string, page: string, files: readonly BuiltFile[] = listFiles(dir)): PageLoad {
  const size = new Map(files.map((f) => [f.path, f.size]));
  const names = new Set(size.keys());
  const sum = (list: Iterable<string>) => [...list].reduce((n, f) => n + (size.get(f) ?? 0), 0);
  const pageSet = new Set<string>();
  const lazyStarts: string[] = [];
  if (names.has(page)) closure(dir, page, names, pageSet, lazyStarts);
  let lazy: string[] = [];
  const afterError = new Set<string>();
  for (const start of new Set(lazyStarts)) {
    if (/(^|\/)errors-[^/]*\.json$/.test(start)) {
      afterError.add(start);
      continue;
    }
    const extra = new Set<string>();
    closure(dir, start, names, extra);
    const own = [...extra].filter((f) => !pageSet.has(f));
    if (sum(own) > sum(lazy)) lazy = own;
  }
  return { files: [...pageSet].sort(), lazy, afterError: [...afterError].sort() };
}

export function measure(dir: string): SizeReport {
  const files = listFiles(dir);
  const size = new Map(files.map((f) => [f.path, f.size]));
  const sum = (list: Iterable<string>) => [...list].reduce((n, f) => n + (size.get(f) ?? 0), 0);
  const weigh = (page: string) => {
    const load = pageLoad(dir, page, files);
    return { load, bytes: sum(load.files) + sum(load.lazy) };
  };
  const login = weigh('login.html');
  const pages = files
    .map((f) => f.path)
    .filter((p) => /^[^/]+\.html?$/i.test(p) && p !== 'login.html')
    .map((page) => ({ page, bytes: weigh(page).bytes }))
    .sort((a, b) => b.bytes - a.bytes || a.page.localeCompare(b.page));
  return {
    files,
    total: sum(size.keys()),
    loginFiles: login.load.files,
    loginLazy: login.load.lazy,
    loginAfterError: login.load.afterError,
    login: login.bytes,
    pages,
    images: files.filter((f) => isImage(f.path)),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function budgetProblems(report: SizeReport, limits: BudgetLimits): string[] {
  const out: string[] = [];
  if (report.login > limits.loginPageKB * 1024) {
    out.push(
      `the login page with what it loads is ${kb(report.login)}, over its budget of ${limits.loginPageKB} KB (budgets.loginPageKB); make it smaller or raise the budget`,
    );
  }
  for (const p of report.pages) {
    if (p.bytes > limits.pageKB * 1024)
      out.push(
        `${p.page} with what it loads is ${kb(p.bytes)}, over its budget of ${limits.pageKB} KB (budgets.pageKB); make it smaller or raise the budget`,
      );
  }
  for (const f of report.images) {
    if (f.size > limits.imageKB * 1024)
      out.push(
        `the image ${f.path} is ${kb(f.size)}, over its budget of ${limits.imageKB} KB (budgets.imageKB); make it smaller or raise the budget`,
      );
  }
  if (report.total > limits.totalKB * 1024) {
    out.push(`dist/hotspot/ is ${kb(report.total)}, over its budget of ${limits.totalKB} KB (budgets.totalKB); make it smaller or raise the budget`);
  }
  return out;
}

/** The size table the build prints. */
export function formatReport(report: SizeReport, limits: BudgetLimits, label = 'dist/hotspot'): string {
  const width = Math.max(...report.files.map((f) => f.path.length), 10);
  const note = (f: BuiltFile) =>
    report.loginFiles.includes(f.path)
      ? '  (login)'
      : report.loginLazy.includes(f.path)
        ? '  (login, largest other language)'
        : report.loginAfterError.includes(f.path)
          ? '  (login, after a failed login)'
          : isImage(f.path)
            ? `  (image, of ${limits.imageKB} KB budget)`
            : '';
  const lines = report.files.map((f) => `  ${f.path.padEnd(width)}  ${kb(f.size).padStart(9)}${note(f)}`);
  const heaviest = report.pages[0];
  return [
    `${label}/ sizes:`,
    ...lines,
    `  login page with what it loads: ${kb(report.login)} of ${limits.loginPageKB} KB budget`,
    ...(heaviest ? [`  heaviest other page with what it loads: ${heaviest.page}, ${kb(heaviest.bytes)} of ${limits.pageKB} KB budget`] : []),
    `  all of ${label}/: ${kb(report.total)} of ${limits.totalKB} KB budget (${report.files.length} files)`,
  ].join('\n');
}
