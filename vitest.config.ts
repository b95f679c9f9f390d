import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest's default is one worker fewer than the CPUs (1 on 2 CPUs); most test files wait on other
    // processes (Chromium, SSH, FreeRADIUS, Vite), so two files at a time use a 2-CPU machine better.
    maxWorkers: 2,
    // Test files in a worker share their imported modules instead of loading the toolkit afresh for
    // each file (most of the run's CPU time otherwise): tests keep no module-level state between files.
    isolate: false,
    // Each distinct portal config is built once per run and shared (test/support/built-portal.ts).
    globalSetup: ['./test/support/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
