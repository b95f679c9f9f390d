/** UDP sockets of the RADIUS listeners (the router's `/radius incoming`, the preview's demo server, the test rig). */
import { createSocket, type Socket } from 'node:dgram';

/** A UDP socket bound to `host:port` (0 for a free port); a port in use rejects instead of throwing later. */
export async function bindUdp(port: number, host: string): Promise<Socket> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  return socket;
}

export function closeUdp(socket: Socket): Promise<void> {
  return new Promise((r) => socket.close(() => r()));
}
