/**
 * The build check over dist/hotspot/ (fact sheet §10): everything the router would choke on, or that
 * would fail for a guest who is not logged in yet, found before upload.
 *  - every substituted file parses (balanced conditionals, no stray `$(`), with known variable names;
 *  - chap-id / chap-challenge only inside a quoted string of a classic inline script, under $(if chap-id);
 *  - every errors.txt is well formed and has every RouterOS error key, the same in every locale;
 *  - api.json is valid JSON after substitution in every state;
 *  - every referenced file exists, and outside hosts are allowed by the walled garden.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_KEYS } from '../routeros/data/error-messages.ts';
import { isKnownVariable, listVariables, parseErrorsTxt, parseTemplate, render, TemplateError, type Template } from '../routeros/engine/index.ts';
import { chapPlacementProblems } from './chap-placement.ts';
import { isServletPath, isSubstituted, listFiles } from './files.ts';
import { referencesOf, type Reference } from './references.ts';
import { hostAllowed } from './walled-garden.ts';

export interface Problem {
  file: string;
  line?: number;
  col?: number;
  message: string;
}

export interface CheckOptions {
  /** Host patterns of the configured walled garden (portal.config.ts walledGarden.hosts). */
  walledGarden: readonly string[];
  /** The hotspot's own names (dns-name): links to them are local, not outside hosts. */
  ownHosts?: readonly string[];
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}:${p.col ?? 1}` : ''}: ${p.message}`;
}

/** api.json must stay JSON whatever the router fills in (RFC 8908; fact sheet §9.2). */
const API_STATES: Array<Record<string, string>> = [];
for (const logged of ['yes', 'no']) {
  for (const secs of ['', '0', '3600']) {
    for (const bytes of ['', '---', '0', '5000']) {
      API_STATES.push({ 'logged-in': logged, 'session-timeout-secs': secs, 'remain-bytes-total': bytes });
    }
  }
}

function apiJsonProblems(template: Template, file: string): Problem[] {
  for (const state of API_STATES) {
    const vars = (name: string) => state[name] ?? (isKnownVariable(name) ? (name.startsWith('link-') ? 'http://10.5.50.1/login' : '') : undefined);
    const body = render(template.source.text, file, { vars }).body;
    try {
      JSON.parse(body);
    } catch (err) {
      const shown = Object.entries(state)
        .map(([k, v]) => `${k}="${v}"`)
        .join(', ');
      return [
        { file, message: `is not valid JSON after substitution when ${shown} (${(err as Error).message}); guard optional members with $(if …)` },
      ];
    }
  }
  return [];
}

function templateProblems(file: string, text: string): { template?: Template; problems: Problem[] } {
  let template: Template;
  try {
    template = parseTemplate(text, file);
  } catch (err) {
    if (err instanceof TemplateError) return { problems: [{ file, line: err.pos.line, col: err.pos.col, message: err.problem }] };
    throw err;
  }
  const problems: Problem[] = [];
  for (const use of listVariables(template)) {
    if (!isKnownVariable(use.name)) {
      problems.push({
        file,
        line: use.line,
        col: use.col,
        message: `"$(${use.name})" is not a RouterOS hotspot variable; check the name (fact sheet §2)`,
      });
    }
  }
  for (const p of chapPlacementProblems(template)) {
    const pos = template.source.position(p.offset);
    problems.push({ file, line: pos.line, col: pos.col, message: p.message });
  }
  return { template, problems };
}

function errorsTxtKeys(file: string, text: string, problems: Problem[]): Set<string> | undefined {
  try {
    const parsed = parseErrorsTxt(text, file);
    const keys = new Set(parsed.messages.keys());
    const missing = [...ERROR_KEYS].filter((k) => !keys.has(k));
    if (missing.length)
      problems.push({ file, message: `has no message for ${missing.join(', ')}; every RouterOS error key needs one (fact sheet §6.2)` });
    return keys;
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    problems.push({ file, line: err.pos.line, col: err.pos.col, message: err.problem });
    return undefined;
  }
}

function referenceProblem(file: string, ref: Reference, files: ReadonlySet<string>, options: CheckOptions): string | undefined {
  const url = ref.url.trim();
  if (!url || url.startsWith('#') || url.includes('$(')) return undefined; // router-filled values are checked at run time
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') return undefined; // mailto:, tel:, data:
  if (scheme || url.startsWith('//')) {
    let host: string;
    try {
      host = new URL(url, 'http://hotspot.invalid/').hostname;
    } catch {
      return `refers to "${url}", which is not a valid URL`;
    }
    if (hostAllowed(host, [...(options.ownHosts ?? []), ...options.walledGarden])) return undefined;
    return `refers to ${url} on ${host}, which guests cannot reach before login; ship the file in the bundle or add "${host}" to walledGarden.hosts in portal.config.ts`;
  }
  const resolved = decodeURI(new URL(url, `http://hotspot.invalid/${file}`).pathname);
  if (files.has(resolved.slice(1)) || isServletPath(resolved)) return undefined;
  return `refers to ${url}, but ${resolved.slice(1)} is not in the bundle`;
}

/** Every problem in a built hotspot folder; empty when it is safe to upload. */
export function checkHotspotDir(dir: string, options: CheckOptions): Problem[] {
  const files = listFiles(dir);
  const names = new Set(files.map((f) => f.path));
  const problems: Problem[] = [];
  const errorsTxt = new Map<string, Set<string>>();

  for (const { path: file } of files) {
    if (!/\.(html?|txt|json|css|m?js)$/i.test(file)) continue;
    const text = readFileSync(path.join(dir, file), 'utf8');
    if (isSubstituted(file)) {
      const { template, problems: found } = templateProblems(file, text);
      problems.push(...found);
      if (template && path.posix.basename(file) === 'errors.txt') {
        const keys = errorsTxtKeys(file, text, problems);
        if (keys) errorsTxt.set(file, keys);
      }
      if (template && path.posix.basename(file) === 'api.json') problems.push(...apiJsonProblems(template, file));
    }
    for (const ref of referencesOf(file, text)) {
      const message = referenceProblem(file, ref, names, options);
      if (message) problems.push({ file, line: ref.line, col: ref.col, message });
    }
  }

  const root = errorsTxt.get('errors.txt');
  if (!names.has('errors.txt')) problems.push({ file: 'errors.txt', message: 'is missing; the router would show its built-in English messages' });
  for (const [file, keys] of errorsTxt) {
    if (!root || file === 'errors.txt') continue;
    const differ = [...new Set([...keys, ...root])].filter((k) => keys.has(k) !== root.has(k));
    if (differ.length) problems.push({ file, message: `has different keys from errors.txt (${differ.join(', ')}); locales must have the same keys` });
  }
  return problems;
}
