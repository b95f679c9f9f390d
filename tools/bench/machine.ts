/** The machine a bench ran on, recorded beside its figures. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  /** CPUs this process may use (what `nproc` prints). */
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  playwright: string;
  /** Filled in once the browser has started. */
  chromium?: string;
}

export function describeMachine(): Machine {
  const pkg = JSON.parse(readFileSync(new URL('../../node_modules/playwright/package.json', import.meta.url), 'utf8')) as { version: string };
  return {
    nproc: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    playwright: pkg.version,
  };
}
