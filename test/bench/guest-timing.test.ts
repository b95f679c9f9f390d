/**
 * The bench's guest runs in Chromium, end to end: the built portal and the baseline page set, served by
 * one virtual router, each logged in by CHAP through the router's proxy, with the page's milestones
 * reported in order and the login page's requests counted. Nothing here asserts a speed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPortal } from '../support/built-portal.ts';
import { benchGuests, type GuestRun, type GuestTimingResult } from '../../tools/bench/guest-timing.ts';
import { BASELINE_DIR } from '../../tools/bench/main.ts';
import { BENCH_PICTURES } from '../../tools/bench/settings.ts';
import example from '../../portal.config.ts';

const work = mkdtempSync(path.join(tmpdir(), 'hs-bench-guest-'));
let result: GuestTimingResult;

beforeAll(async () => {
  const dist = await builtPortal();
  const withPictures = await builtPortal({ ...example, brand: { ...example.brand, ...BENCH_PICTURES } });
  // A fast link keeps the test short; the milestones and counts do not depend on it.
  result = await benchGuests({
    portalDir: dist,
    picturesDir: withPictures,
    baselineDir: BASELINE_DIR,
    workDir: work,
    runs: 2,
    network: { latencyMs: 10, downloadKbps: 50_000, uploadKbps: 50_000 },
  });
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const inOrder = (r: GuestRun) => {
  expect(r.formPainted).toBeGreaterThan(0);
  expect(r.ready).toBeGreaterThanOrEqual(r.formPainted);
  expect(r.loggedIn).toBeGreaterThan(r.ready);
  expect(r.submitToConnected).toBeGreaterThan(0);
  expect(r.loggedInAsDriven).toBeGreaterThanOrEqual(r.loggedIn);
};

describe('a guest run', () => {
  it('runs each page set the asked number of times, alternating, each with its own device', () => {
    expect(result.portal.runs.map((r) => r.run)).toEqual([1, 2]);
    expect(result.baseline.runs.map((r) => r.run)).toEqual([1, 2]);
    expect(result.pictures!.runs.map((r) => r.run)).toEqual([1, 2]);
    const macs = [...result.portal.runs, ...result.pictures!.runs, ...result.baseline.runs].map((r) => r.mac);
    expect(new Set(macs).size).toBe(6);
    expect(result.portal.ready.n).toBe(2);
  });

  it('reports the milestones in order on the portal and on the baseline', () => {
    for (const r of [...result.portal.runs, ...result.baseline.runs]) inOrder(r);
  });

  it("counts the portal login page's own requests: the document after the redirect and its modules (English texts and logo are in the page)", () => {
    for (const r of result.portal.runs) {
      expect(r.loginUrls[0]).toBe('/login?dst=http%3A%2F%2Fexample.com%2F');
      expect(r.loginUrls.some((u) => /^\/assets\/login-[\w-]+\.js$/.test(u))).toBe(true);
      expect(r.loginUrls.filter((u) => /\.(json|svg)$/.test(u))).toEqual([]);
      expect(r.loginRequests).toBe(r.loginUrls.length);
    }
  });

  it("loads the branded build's pictures beside the form, not before it: they count in what the page loads, not in what the form needs", () => {
    for (const r of result.pictures!.runs) {
      expect(r.loginUrls.filter((u) => /^\/assets\/(wordmark|hero)-[\w-]+\.(png|webp)$/.test(u))).toHaveLength(2);
      inOrder(r);
    }
    const extra = result.pictures!.loginWireBytes.median - result.portal.loginWireBytes.median;
    expect(extra).toBeGreaterThan(35_000); // the 15 KB wordmark and the 20 KB hero
    // The page carries a <noscript> copy of each picture, a few hundred bytes; the pictures themselves are not counted.
    expect(Math.abs(result.pictures!.beforeSubmitBytes.median - result.portal.beforeSubmitBytes.median)).toBeLessThan(1024);
    expect(result.ratios.picturesReady).toBeCloseTo(result.pictures!.ready.median / result.portal.ready.median, 10);
  });

  it('counts the baseline login page as the document and md5.js', () => {
    for (const r of result.baseline.runs) expect(r.loginUrls).toEqual(['/login?dst=http%3A%2F%2Fexample.com%2F', '/md5.js']);
    expect(result.portal.loginWireBytes.median).toBeGreaterThan(result.baseline.loginWireBytes.median);
  });

  it('gives portal / baseline ratios of the medians', () => {
    expect(result.ratios.ready).toBeCloseTo(result.portal.ready.median / result.baseline.ready.median, 10);
    expect(result.ratios.loggedIn).toBeCloseTo(result.portal.loggedIn.median / result.baseline.loggedIn.median, 10);
    expect(result.chromium).toMatch(/^\d+\./);
  });
});
