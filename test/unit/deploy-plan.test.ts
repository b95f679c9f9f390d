/**
 * The dry-run plan as a technician reads it: files grouped by what happens to them (new, changed,
 * copied on the router, unchanged but uploaded again) with their sizes, one "would upload" line, and
 * the config script with the secret masked.
 */
import { describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { validateConfig } from '../../tools/config/index.ts';
import type { Manifest } from '../../tools/deploy/manifest.ts';
import { describePlan, planDeploy } from '../../tools/deploy/plan.ts';
import type { RouterFacts } from '../../tools/deploy/router-facts.ts';
import { deploySettings } from '../../tools/deploy/settings.ts';

const file = (path: string, size: number, sha256 = path) => ({ path, size, sha256 });
const manifest = (id: string, files: Manifest['files']): Manifest => ({
  id,
  hash: id.padEnd(64, '0'),
  files,
  totalBytes: files.reduce((n, f) => n + f.size, 0),
});
const live = manifest('aaaaaaaaaaaa', [file('login.html', 3000), file('portal/app.js', 20_000), file('brand/logo.png', 5000), file('old.css', 100)]);
const next = manifest('bbbbbbbbbbbb', [
  file('login.html', 3100, 'new'),
  file('portal/app.js', 20_000),
  file('brand/logo.png', 5000),
  file('status.html', 2048),
]);
const facts = (v7: boolean): RouterFacts => ({
  version: v7 ? '7.19.4' : '6.49.13',
  v7,
  base: 'flash/',
  profile: 'hsprof1',
  liveFolder: 'flash/acme-guest-wi-fi-aaaaaaaaaaaa',
  htmlDirectory: 'flash/hotspot',
  deployments: [
    { folder: 'flash/acme-guest-wi-fi-aaaaaaaaaaaa', manifest: { ...live, portal: 'acme-guest-wi-fi', deployedAt: '2026-01-01T00:00:00Z' } },
  ],
});
const settings = { ...deploySettings(validateConfig(example), {}), macAuthPassword: 'pw', loginBy: ['mac'] };

describe('describePlan', () => {
  it('v7: lists new, changed and copied files with sizes, then what would be uploaded', () => {
    const text = describePlan(planDeploy('r1', facts(true), next, settings, undefined), next);
    const lines = text.split('\n');
    expect(lines[0]).toBe('r1: pages flash/acme-guest-wi-fi-bbbbbbbbbbbb');
    expect(lines.slice(1, 9)).toEqual([
      '  new (1):',
      '    status.html        2.0 KB',
      '  changed (1):',
      '    login.html         3.0 KB',
      '  copied on the router (1):',
      '    portal/app.js     19.5 KB',
      '  unchanged, uploaded again (1):',
      '    brand/logo.png     4.9 KB',
    ]);
    expect(text).toContain('\n  not in this version (1): old.css\n');
    expect(text).toContain('\n  would upload 3 files, 9.9 KB, and copy 1 on the router\n');
    expect(text).toContain('mac-auth-password="********"');
    expect(text).not.toContain('"pw"');
    expect(text).not.toContain('RouterOS 7.19.4');
  });

  it('v6 copies nothing: every unchanged file goes up again', () => {
    const text = describePlan(planDeploy('r1', facts(false), next, settings, undefined), next);
    expect(text).not.toContain('copied on the router');
    expect(text).toContain('  unchanged, uploaded again (2):\n');
    expect(text).toContain('\n  would upload 4 files, 29.4 KB\n');
  });
});
