/**
 * Prints one machine-readable line at the end of a run, `tests: N passed, M failed[, K skipped]`,
 * which CI reads. Vitest's own exit code is untouched: this reporter only counts.
 *
 * A test file that fails before its tests run (import or syntax error), an error thrown in a
 * suite hook, and an unhandled error each count as one failure, so the line never reads
 * "0 failed" for a run vitest itself calls failed.
 */
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/** Tallies the results of finished modules; tests still pending (an interrupted run) count as failed. */
export function countResults(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): TestCounts {
  const counts: TestCounts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
  for (const mod of modules) {
    let failedTests = 0;
    for (const test of mod.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') counts.passed++;
      else if (state === 'skipped') counts.skipped++;
      else {
        counts.failed++;
        failedTests++;
      }
    }
    // Errors outside any test (collection, beforeAll/afterAll): count them when no test failed with them.
    const suiteErrors = mod.errors().length + [...mod.children.allSuites()].reduce((n, s) => n + s.errors().length, 0);
    if (failedTests === 0 && (suiteErrors > 0 || mod.state() === 'failed')) counts.failed += Math.max(1, suiteErrors);
  }
  return counts;
}

export function summaryLine(c: TestCounts): string {
  return `tests: ${c.passed} passed, ${c.failed} failed${c.skipped > 0 ? `, ${c.skipped} skipped` : ''}`;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, _reason: TestRunEndReason): void {
    process.stdout.write(`\n${summaryLine(countResults(testModules, unhandledErrors))}\n`);
  }
}
