/**
 * Vitest globalSetup: one folder per test run where test/support/built-portal.ts keeps each distinct
 * portal build, shared by all test files and workers, and removed when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'hs-build-cache-'));
  project.provide('portalBuildCache', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
