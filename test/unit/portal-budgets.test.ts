/** Size budgets: what the login page loads is followed through HTML, scripts and language files. */
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

file('login.html', 1000, '<link rel="icon" href="/assets/logo.svg"><script type="module" src="/assets/login.js"></script>');
file('status.html', 3000, '<script type="module" src="/assets/status.js"></script>');
file(
  'assets/login.js',
  4000,
  'import{a}from"./shared.js";const u={en:"/assets/texts-en.json",ar:"/assets/texts-ar.json"},e="/assets/errors-ar.json";',
);
file('assets/shared.js', 10000, 'export const a=1;');
file('assets/status.js', 2000, 'import{a}from"./shared.js";');
file('assets/logo.svg', 500);
file('assets/texts-en.json', 700);
file('assets/texts-ar.json', 900);
file('assets/errors-ar.json', 800);

describe('budgets', () => {
  const report = measure(dir);

  it('count login.html, what it refers to, its imports and the largest language file', () => {
    expect(report.loginFiles).toEqual(['assets/login.js', 'assets/logo.svg', 'assets/shared.js', 'login.html']);
    expect(report.loginLazy).toEqual(['assets/texts-ar.json']);
    expect(report.loginAfterError).toEqual(['assets/errors-ar.json']);
    expect(report.login).toBe(1000 + 500 + 4000 + 10000 + 900);
    expect(report.total).toBe(1000 + 3000 + 4000 + 10000 + 2000 + 500 + 700 + 900 + 800);
  });

  it('fail only when a budget is exceeded', () => {
    expect(budgetProblems(report, { loginPageKB: 40, totalKB: 150 })).toEqual([]);
    expect(budgetProblems(report, { loginPageKB: 16, totalKB: 22 })).toEqual([
      'the login page with what it loads is 16.0 KB, over its budget of 16 KB (budgets.loginPageKB); make it smaller or raise the budget',
      'dist/hotspot/ is 22.4 KB, over its budget of 22 KB (budgets.totalKB); make it smaller or raise the budget',
    ]);
  });
});
