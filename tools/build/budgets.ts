/**
 * Size budgets (fact sheet §7.3: small devices have little flash, guests have weak Wi-Fi). The login
 * page is counted as the heaviest first visit loads it: login.html (which carries the logo, the icon
 * and the default locale's texts inline), the files it refers to, the scripts they import, and the
 * largest of the language files a guest whose browser prefers another language fetches on top.
 * Error texts (errors-*.json) are fetched only after a failed login, when everything else is
 * cached, so they are listed but not counted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles, type BuiltFile } from './files.ts';
import { referencesOf } from './references.ts';

export interface BudgetLimits {
  loginPageKB: number;
  totalKB: number;
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
    if (!names.has(resolved)) continue;
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
  const login = pageLoad(dir, 'login.html', files);
  return {
    files,
    total: sum(size.keys()),
    loginFiles: login.files,
    loginLazy: login.lazy,
    loginAfterError: login.afterError,
    login: sum(login.files) + sum(login.lazy),
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
  if (report.total > limits.totalKB * 1024) {
    out.push(`dist/hotspot/ is ${kb(report.total)}, over its budget of ${limits.totalKB} KB (budgets.totalKB); make it smaller or raise the budget`);
  }
  return out;
}

/** The size table the build prints. */
export function formatReport(report: SizeReport, limits: BudgetLimits, label = 'dist/hotspot'): string {
  const width = Math.max(...report.files.map((f) => f.path.length), 10);
  const lines = report.files.map(
    (f) =>
      `  ${f.path.padEnd(width)}  ${kb(f.size).padStart(9)}${report.loginFiles.includes(f.path) ? '  (login)' : report.loginLazy.includes(f.path) ? '  (login, largest other language)' : report.loginAfterError.includes(f.path) ? '  (login, after a failed login)' : ''}`,
  );
  return [
    `${label}/ sizes:`,
    ...lines,
    `  login page with what it loads: ${kb(report.login)} of ${limits.loginPageKB} KB budget`,
    `  all of ${label}/: ${kb(report.total)} of ${limits.totalKB} KB budget (${report.files.length} files)`,
  ].join('\n');
}
