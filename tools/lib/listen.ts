/**
 * Starting a server on a port, with the two failures a user can fix said in one sentence that names
 * the flag to change.
 */
import type { Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { UserError } from './errors.ts';

/** Listens and returns the port (useful with port 0). */
export async function listenOn(server: Server, port: number, host: string, flag: string): Promise<number> {
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE')
        reject(new UserError(`Port ${port} on ${host} is already in use: stop what is using it or choose another with ${flag}.`));
      else if (err.code === 'EACCES') reject(new UserError(`Port ${port} on ${host} needs more privileges: choose a port above 1023 with ${flag}.`));
      else reject(err);
    });
    server.listen(port, host, () => resolveListen());
  });
  return (server.address() as AddressInfo).port;
}
