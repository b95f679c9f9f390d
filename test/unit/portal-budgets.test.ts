/**
 * Size budgets: what each page loads is followed through HTML, scripts and language files; images are
 * budgeted one by one, never with the page that shows them.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { budgetProblems, measure } from '../../tools/build/budgets.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'hs-budget-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: number, text = '') => {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), text.padEnd(bytes, ' '));
};

file(
  'login.html',
  1000,
  '<link rel="icon" href="/assets/logo.svg"><img src="/assets/hero.png"><script type="module" src="/assets/login.js"></script>',
);
file('status.html', 3000, '<script type="module" src="/assets/status.js"></script>');
file(
  'assets/login.js',
  4000,
  'import{a}from"./shared.js";const u={en:"/assets/texts-en.json",ar:"/assets/texts-ar.json"},e="/assets/errors-ar.json";',
);
file('assets/shared.js', 10000, 'export const a=1;');
file('assets/status.js', 2000, 'import{a}from"./shared.js";');
file('assets/logo.svg', 500);
file('assets/hero.png', 20_000);
file('assets/texts-en.json', 700);
file('assets/texts-ar.json', 900);
file('assets/errors-ar.json', 800);

describe('budgets', () => {
  const report = measure(dir);

  it('count login.html, what it refers to, its imports and the largest language file, but not its images', () => {
    expect(report.loginFiles).toEqual(['assets/login.js', 'assets/shared.js', 'login.html']);
    expect(report.loginLazy).toEqual(['assets/texts-ar.json']);
    expect(report.loginAfterError).toEqual(['assets/errors-ar.json']);
    expect(report.login).toBe(1000 + 4000 + 10000 + 900);
    expect(report.total).toBe(1000 + 3000 + 4000 + 10000 + 2000 + 500 + 20_000 + 700 + 900 + 800);
  });

  it('count every other page with what it loads, and each image on its own', () => {
    expect(report.pages).toEqual([{ page: 'status.html', bytes: 3000 + 2000 + 10000 }]);
    expect(report.images).toEqual([
      { path: 'assets/hero.png', size: 20_000 },
      { path: 'assets/logo.svg', size: 500 },
    ]);
  });

  it('fail only when a budget is exceeded', () => {
    expect(budgetProblems(report, { loginPageKB: 40, pageKB: 24, imageKB: 30, totalKB: 150 })).toEqual([]);
    expect(budgetProblems(report, { loginPageKB: 15, pageKB: 14, imageKB: 19, totalKB: 41 })).toEqual([
      'the login page with what it loads is 15.5 KB, over its budget of 15 KB (budgets.loginPageKB); make it smaller or raise the budget',
      'status.html with what it loads is 14.6 KB, over its budget of 14 KB (budgets.pageKB); make it smaller or raise the budget',
      'the image assets/hero.png is 19.5 KB, over its budget of 19 KB (budgets.imageKB); make it smaller or raise the budget',
      'dist/hotspot/ is 41.9 KB, over its budget of 41 KB (budgets.totalKB); make it smaller or raise the budget',
    ]);
  });
});
