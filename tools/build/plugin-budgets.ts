/** `hotspot:budgets`: prints the sizes of dist/hotspot/ and fails the build when a budget is exceeded. */
import path from 'node:path';
import type { Plugin } from 'vite';
import type { PortalConfig } from '../config/index.ts';
import { afterWrite } from './after-write.ts';
import { budgetProblems, formatReport, measure } from './budgets.ts';
import { BuildCheckError } from './build-error.ts';

export function hotspotBudgets(config: PortalConfig, options: { quiet?: boolean } = {}): Plugin {
  return afterWrite('hotspot:budgets', (outDir) => {
    const report = measure(outDir);
    // The size table is the build's main output: printed whatever Vite's log level.
    if (!options.quiet) process.stdout.write(`${formatReport(report, config.budgets, path.relative(process.cwd(), outDir) || outDir)}\n`);
    const problems = budgetProblems(report, config.budgets);
    if (problems.length) throw new BuildCheckError(`${problems.join('; and ')}.`);
  });
}
