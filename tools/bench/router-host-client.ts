/**
 * The bench's side of router-host.ts: forks it (TypeScript through tsx), starts and closes virtual
 * routers in it, and always stops it, even when a measurement fails.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RouterConfigInput } from '../routeros/config.ts';

/** What the child may be asked to start: the serialisable part of VirtualRouterOptions. */
export interface HostedRouterOptions {
  htmlDir?: string;
  storageDir?: string;
  config?: RouterConfigInput;
  ssh?: { admin: { name: string; password: string }; hostKeyFile?: string };
  freeSpace?: number;
}

type HostCommand = { op: 'start'; routers: HostedRouterOptions[] } | { op: 'close' } | { op: 'cpu' };
export type HostRequest = HostCommand & { id: number };
export type HostReply = { id: number; ok: true; routers: HostedRouter[]; cpuMs?: number } | { id: number; ok: false; error: string };

export interface HostedRouter {
  url: string;
  sshPort: number;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./router-host.ts', import.meta.url));

export class RouterHost {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: HostReply & { ok: true }) => void; reject: (e: Error) => void }>();
  private exited = false;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: HostReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply);
      else p.reject(new Error(reply.error));
    });
    child.on('exit', (code) => {
      this.exited = true;
      for (const p of this.pending.values()) p.reject(new Error(`the router host process ended (exit code ${code})`));
      this.pending.clear();
    });
  }

  static async start(): Promise<RouterHost> {
    const child = fork(SCRIPT, [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const host = new RouterHost(child);
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the router host process could not start (exit code ${code})`)));
    });
    return host;
  }

  private send(req: HostCommand): Promise<HostReply & { ok: true }> {
    if (this.exited) return Promise.reject(new Error('the router host process has ended'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...req, id } satisfies HostRequest);
    });
  }

  /** The child's process id (its memory is the routers' memory). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Starts routers in the child, in order; returns where each listens. */
  async start(routers: HostedRouterOptions[]): Promise<HostedRouter[]> {
    return (await this.send({ op: 'start', routers })).routers;
  }

  /** The CPU time the child has used so far (user and system), in ms: its routers' work. */
  async cpuMs(): Promise<number> {
    return (await this.send({ op: 'cpu' })).cpuMs ?? NaN;
  }

  /** Closes every router started so far. */
  async closeRouters(): Promise<void> {
    await this.send({ op: 'close' });
  }

  /** Ends the child: routers close when it disconnects; killed if it has not gone within 5 s. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    if (this.child.connected) this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  }
}
