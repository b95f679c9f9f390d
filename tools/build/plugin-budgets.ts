/** `hotspot:budgets`: prints the sizes of dist/hotspot/ and fails the build when a budget is exceeded. */
import path from 'node:path';
import type { Plugin } from 'vite';
import type { PortalConfig } from '../config/index.ts';
import { budgetProblems, formatReport, measure } from './budgets.ts';
import { BuildCheckError } from './build-error.ts';

export function hotspotBudgets(config: PortalConfig, options: { quiet?: boolean } = {}): Plugin {
  let outDir = '';
  // The size table is the build's main output: printed whatever Vite's log level.
  const log = (msg: string) => process.stdout.write(`${msg}\n`);
  return {
    name: 'hotspot:budgets',
    apply: 'build',
    configResolved(resolved) {
      outDir = path.resolve(resolved.root, resolved.build.outDir);
    },
    writeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        const report = measure(outDir);
        if (!options.quiet) log(formatReport(report, config.budgets, path.relative(process.cwd(), outDir) || outDir));
        const problems = budgetProblems(report, config.budgets);
        if (problems.length) throw new BuildCheckError(`${problems.join('; and ')}.`);
      },
    },
  };
}
