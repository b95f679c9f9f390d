/** `hotspot:router-safety`: runs the build check over the written dist/hotspot/ and fails the build on any problem. */
import path from 'node:path';
import type { Plugin } from 'vite';
import type { PortalConfig } from '../config/index.ts';
import { gardenHosts } from '../config/garden.ts';
import { afterWrite } from './after-write.ts';
import { BuildCheckError } from './build-error.ts';
import { checkHotspotDir, formatProblem } from './router-safety.ts';

export function hotspotRouterSafety(config: PortalConfig): Plugin {
  return afterWrite('hotspot:router-safety', (outDir) => {
    const problems = checkHotspotDir(outDir, {
      walledGarden: gardenHosts(config),
      ownHosts: config.router.dnsName ? [config.router.dnsName] : [],
    });
    if (problems.length) {
      throw new BuildCheckError(
        `the build check found ${problems.length} problem${problems.length > 1 ? 's' : ''} in ${path.relative(process.cwd(), outDir) || outDir}/; fix them and build again:\n` +
          problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
      );
    }
  });
}
