/** Page weight: each page with what it loads, raw and gzip, counted the way the build's budget counts. */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { measure } from '../../tools/build/budgets.ts';
import { BASELINE_DIR } from '../../tools/bench/main.ts';
import { fileWeight, folderWeight } from '../../tools/bench/page-weight.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'hs-weight-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), text);
};

file(
  'login.html',
  `<link rel="icon" href="/assets/logo.svg"><img src="/assets/logo.svg"><script type="module" src="/assets/login.js"></script>${'<p>welcome</p>'.repeat(50)}`,
);
file('status.html', '<script type="module" src="/assets/status.js"></script>');
file('alogin.html', '<p>connected</p>');
file('assets/login.js', `import{a}from"./shared.js";const u={en:"/assets/texts-en.json",es:"/assets/texts-es.json"},e="/assets/errors-en.json";`);
file('assets/status.js', 'import{a}from"./shared.js";');
file('assets/shared.js', `export const a=${'1+'.repeat(300)}1;`);
file('assets/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
file('assets/texts-en.json', '{"a":"hello"}');
file('assets/texts-es.json', '{"a":"hola, buenos días"}');
file('assets/errors-en.json', '{"e":"wrong password"}');
file('es/errors.txt', 'invalid-username = no');

describe('page weight', () => {
  const w = folderWeight(dir);
  const page = (name: string) => w.pages.find((p) => p.page === name)!;

  it("lists every top-level page, login first, and not the language folder's errors.txt", () => {
    expect(w.pages.map((p) => p.page)).toEqual(['login.html', 'alogin.html', 'status.html']);
  });

  it('follows a page through its scripts and its largest language file, one request per file (images are budgeted on their own)', () => {
    const login = page('login.html');
    expect(login.files.map((f) => f.path).sort()).toEqual(['assets/login.js', 'assets/shared.js', 'assets/texts-es.json', 'login.html']);
    expect(login.files[0]!.path).toBe('login.html');
    expect(login.requests).toBe(4);
    expect(login.afterError).toEqual(['assets/errors-en.json']);
    expect(
      page('status.html')
        .files.map((f) => f.path)
        .sort(),
    ).toEqual(['assets/shared.js', 'assets/status.js', 'status.html']);
    expect(page('alogin.html').requests).toBe(1);
  });

  it("agrees with the build's size budget on the login page", () => {
    expect(page('login.html').bytes).toBe(measure(dir).login);
  });

  it('gives each file its raw size and its gzip size at level 6, and sums them per page', () => {
    const html = fileWeight(dir, 'login.html');
    expect(html.bytes).toBe(
      Buffer.byteLength(
        `<link rel="icon" href="/assets/logo.svg"><img src="/assets/logo.svg"><script type="module" src="/assets/login.js"></script>${'<p>welcome</p>'.repeat(50)}`,
      ),
    );
    expect(html.gzip).toBe(gzipSync(readFileSync(path.join(dir, 'login.html')), { level: 6 }).length);
    expect(html.gzip).toBeLessThan(html.bytes); // 50 repeated paragraphs compress
    const login = page('login.html');
    expect(login.bytes).toBe(login.files.reduce((n, f) => n + f.bytes, 0));
    expect(login.gzip).toBe(login.files.reduce((n, f) => n + f.gzip, 0));
  });

  it('totals the whole folder', () => {
    expect(w.files).toBe(11);
    expect(w.bytes).toBe(measure(dir).total);
  });

  it('counts the baseline login page as the page and its md5.js (a data: icon costs no request)', () => {
    const b = folderWeight(BASELINE_DIR);
    expect(b.pages.map((p) => p.page)).toEqual(['login.html', 'alogin.html', 'logout.html', 'rlogin.html']);
    expect(b.pages[0]!.files.map((f) => f.path)).toEqual(['login.html', 'md5.js']);
  });
});
