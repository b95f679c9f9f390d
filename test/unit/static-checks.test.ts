/** npm test's checks side by side: every check runs, each output is printed under its name, any failure fails. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runSideBySide, STATIC_CHECKS } from '../../tools/lib/static-checks.ts';

const node = (name: string, code: string) => ({ name, command: process.execPath, args: ['-e', code] });

async function run(checks: Parameters<typeof runSideBySide>[0]) {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (b: Buffer) => (text += b.toString()));
  const failed = await runSideBySide(checks, { stdout, env: process.env });
  return { failed, text };
}

describe('static checks', () => {
  it("are the type check, ESLint and Prettier's check, by their package.json scripts", () => {
    expect(STATIC_CHECKS.map((c) => [c.command, ...c.args].join(' '))).toEqual([
      'npm run --silent typecheck',
      'npm run --silent lint',
      'npm run --silent format:check',
    ]);
  });

  it('run at once and fail when any check fails, printing each output whole under its name', async () => {
    // Each check waits for the other to have started: one after the other, the first gives up (exit 1).
    const dir = mkdtempSync(path.join(tmpdir(), 'hs-checks-'));
    const meet = (me: string, other: string, then: string) =>
      `require('fs').writeFileSync(${JSON.stringify(path.join(dir, me))}, ''); const until = Date.now() + 20000;` +
      `const wait = () => require('fs').existsSync(${JSON.stringify(path.join(dir, other))}) ? (${then}) : Date.now() > until ? process.exit(1) : setTimeout(wait, 20); wait();`;
    try {
      const { failed, text } = await run([
        node('first', meet('a', 'b', "console.log('first done')")),
        node('second', meet('b', 'a', "console.error('a.ts: bad'), process.exit(3)")),
      ]);
      expect(failed).toEqual(['second']);
      expect(text).toContain('passed: first\nfirst done\n');
      expect(text).toContain('FAILED: second\na.ts: bad\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('count a check that cannot start as failed', async () => {
    const { failed, text } = await run([{ name: 'missing', command: '/nonexistent/tool', args: [] }]);
    expect(failed).toEqual(['missing']);
    expect(text).toMatch(/^FAILED: missing \(spawn \/nonexistent\/tool ENOENT\)/);
  });
});
