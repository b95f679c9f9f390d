/**
 * The virtual router's SSH service: password login for one admin, `exec` requests run through the
 * CLI subset, and the `sftp` subsystem over the file store. Interactive shells are not simulated.
 *
 * Exit status: RouterOS prints CLI errors as output and exits 0 (clients must read the output; see
 * cli/output.ts findCliError), and so does this server. Output lines end in CRLF, as RouterOS's
 * terminal writes them.
 *
 * Fault injection: `dropAfterBytes` ends the connection once that many bytes of file data have been
 * uploaded over SFTP, counted across connections; `fault` stalls or drops the connection at the first
 * request that matches. Each fires once per server, so a retry succeeds.
 */
import type { Server as NetServer } from 'node:net';
import { createHash, timingSafeEqual } from 'node:crypto';
import ssh2 from 'ssh2';
import type { Connection } from 'ssh2';
import { listenOn } from '../../lib/listen.ts';
import type { FileStore } from '../files/file-store.ts';
import { loadHostKey, type HostKey } from './host-key.ts';
import { serveSftp, type UploadGate } from './sftp.ts';

export interface SshOptions {
  port?: number;
  host?: string;
  admin: { name: string; password: string };
  /** Keep the host key in this file (created when missing); without it a new key is made per start. */
  hostKeyFile?: string;
  /** End the connection after this many uploaded bytes (once per server). */
  dropAfterBytes?: number;
  /** Stall or drop the connection at the first matching request (once per server). */
  fault?: SshFault;
}

/**
 * A fault at one request, described as `connect`, `exec COMMAND` or `sftp OP PATH` (OP as ssh2 names
 * it: OPEN, WRITE, READ, STAT, MKDIR…). `stall` stops reading the connection and answers nothing, as a
 * router frozen by kill -STOP or a dead link; `drop` ends it; a function runs first (a test kills a
 * deploy or fills the disk there) and says what follows.
 */
export interface SshFault {
  at: RegExp;
  action: FaultAction | ((request: string) => FaultAction | 'continue');
}
type FaultAction = 'stall' | 'drop';

export interface SshServerOptions extends SshOptions {
  store?: FileStore;
  /** Runs one exec request's command text; returns what the console prints. */
  exec: (command: string) => Promise<string>;
  log?: (line: string) => void;
}

/** Constant-time comparison of two secrets of any length. */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

export class SshServer {
  port = 0;
  hostKey: HostKey | undefined;
  private server: InstanceType<typeof ssh2.Server> | undefined;
  private readonly clients = new Set<Connection>();
  private uploaded = 0;
  private dropped = false;
  private faulted = false;
  /** Connections stalled by a fault: closed for good when the server closes. */
  private readonly stalled = new Set<Connection>();

  constructor(private readonly options: SshServerOptions) {}

  /** How many uploaded bytes may be written before the one-shot drop. */
  private gate(client: Connection): UploadGate {
    return {
      allow: (bytes) => {
        const limit = this.options.dropAfterBytes;
        if (limit === undefined || this.dropped) return bytes;
        const room = Math.max(0, limit - this.uploaded);
        if (bytes <= room) {
          this.uploaded += bytes;
          return bytes;
        }
        this.dropped = true;
        this.uploaded = limit;
        return room;
      },
      drop: () => {
        this.options.log?.('ssh: dropping the connection (drop-after-bytes)');
        client.end();
      },
      fault: (request) => this.fault(client, request),
    };
  }

  /** Arms a fault now (replacing any other): it fires at the next matching request. */
  inject(fault: SshFault | undefined): void {
    this.options.fault = fault;
    this.faulted = false;
  }

  /** Applies the configured fault if `request` is the first to match; true means: do not answer it. */
  private fault(client: Connection, request: string): boolean {
    if (this.stalled.has(client)) return true;
    const f = this.options.fault;
    if (!f || this.faulted || !f.at.test(request)) return false;
    this.faulted = true;
    const action = typeof f.action === 'function' ? f.action(request) : f.action;
    if (action === 'continue') return false;
    this.options.log?.(`ssh: fault at "${request}": ${action}`);
    const sock = (client as unknown as { _sock: import('node:net').Socket })._sock;
    if (action === 'drop') sock.destroy();
    else {
      this.stalled.add(client);
      sock.pause();
    }
    return true;
  }

  private onClient(client: Connection): void {
    // Requests and answers are small and interleaved: without this, Nagle's algorithm adds ~40 ms to each.
    (client as unknown as { setNoDelay(on: boolean): void }).setNoDelay(true);
    const { admin, store, exec, log } = this.options;
    this.clients.add(client);
    client.on('close', () => {
      this.clients.delete(client);
      this.stalled.delete(client);
    });
    if (this.fault(client, 'connect')) return;
    client.on('error', (err) => log?.(`ssh: ${err.message}`));
    client.on('authentication', (ctx) => {
      if (ctx.method === 'password' && ctx.username === admin.name && sameSecret(ctx.password, admin.password)) ctx.accept();
      else ctx.reject(['password']);
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        session.on('pty', (accept) => accept?.());
        session.on('shell', (_accept, reject) => reject?.());
        session.on('exec', (accept, _reject, info) => {
          const stream = accept();
          if (this.fault(client, `exec ${info.command}`)) return;
          exec(info.command).then(
            (out) => {
              stream.write(out.replace(/\r?\n/g, '\r\n'));
              stream.exit(0);
              stream.end();
            },
            (err: unknown) => {
              log?.(`ssh: exec failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
              stream.write('failure: internal error\r\n');
              stream.exit(1);
              stream.end();
            },
          );
        });
        session.on('sftp', (accept, reject) => {
          if (!store) return reject?.();
          serveSftp(accept(), store, this.gate(client));
        });
      });
    });
  }

  async listen(): Promise<this> {
    const host = this.options.host ?? '127.0.0.1';
    const port = this.options.port ?? 0;
    this.hostKey = await loadHostKey(this.options.hostKeyFile);
    // ROSSSH is the identification string RouterOS's own SSH server sends.
    const server = new ssh2.Server({ hostKeys: [this.hostKey.private], ident: 'ROSSSH' }, (client) => this.onClient(client));
    this.port = await listenOn(server as unknown as NetServer, port, host, '--ssh-port');
    this.server = server;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const c of this.clients) {
      if (this.stalled.has(c)) (c as unknown as { _sock: import('node:net').Socket })._sock.destroy();
      else c.end();
    }
    await new Promise<void>((r) => server.close(() => r()));
  }
}
