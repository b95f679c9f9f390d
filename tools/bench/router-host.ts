/**
 * Child process that runs virtual routers for the bench, so that the routers and the client measuring
 * them (deploy, load generator) do not share one event loop. Driven over IPC by router-host-client.ts;
 * exits when its parent goes away.
 */
import { startVirtualRouter, type VirtualRouter, type VirtualRouterOptions } from '../routeros/virtual-router.ts';
import type { HostReply, HostRequest } from './router-host-client.ts';

const routers: VirtualRouter[] = [];

async function answer(req: HostRequest): Promise<HostReply> {
  try {
    if (req.op === 'cpu') {
      const { user, system } = process.cpuUsage();
      return { id: req.id, ok: true, routers: [], cpuMs: (user + system) / 1000 };
    }
    if (req.op === 'start') {
      const started: VirtualRouter[] = [];
      for (const options of req.routers) started.push(await startVirtualRouter(options as VirtualRouterOptions));
      routers.push(...started);
      return { id: req.id, ok: true, routers: started.map((r) => ({ url: r.url, sshPort: r.sshPort })) };
    }
    await Promise.all(routers.splice(0).map((r) => r.close()));
    return { id: req.id, ok: true, routers: [] };
  } catch (err) {
    return { id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

process.on('message', (req: HostRequest) => {
  void answer(req).then((reply) => process.send?.(reply));
});
process.on('disconnect', () => {
  void Promise.all(routers.map((r) => r.close())).finally(() => process.exit(0));
});
process.send?.({ id: 0, ok: true, routers: [] } satisfies HostReply);
