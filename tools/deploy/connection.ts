/**
 * One SSH connection to a router: SFTP (ssh2-sftp-client) for files and SSH exec for RouterOS
 * commands, with the host key checked against the pinned keys before anything is sent.
 */
import { connect as tcpConnect, type Socket } from 'node:net';
import SftpClient from 'ssh2-sftp-client';
import type { Client } from 'ssh2';
import { UserError } from '../lib/errors.ts';
import { findCliError } from '../routeros/cli/output.ts';
import { fingerprint, type KnownHosts } from './known-hosts.ts';

export interface RouterTarget {
  host: string;
  port: number;
  /** How the router is named in output: `host` or `host:port`. */
  label: string;
}

/** Where the login comes from; a password is never taken from the command line. */
export interface SshCredentials {
  user: string;
  password?: string;
  privateKey?: Buffer;
  agent?: string;
}

export interface ConnectOptions {
  credentials: SshCredentials;
  knownHosts: KnownHosts;
  /** Record an unknown host key without asking (--trust-new-host). */
  trustNewHost: boolean;
  /** Asks whether to trust an unknown key (interactive terminals); undefined refuses. */
  confirmHostKey?: (target: RouterTarget, fingerprint: string) => Promise<boolean>;
  timeoutMs: number;
}

export class RouterConnection {
  private constructor(
    readonly target: RouterTarget,
    readonly sftp: SftpClient,
  ) {}

  static async open(target: RouterTarget, o: ConnectOptions): Promise<RouterConnection> {
    const sftp = new SftpClient(`deploy-${target.label}`);
    let keyProblem: UserError | undefined;
    let seenKey: Buffer | undefined;
    const hostId = `${target.host}:${target.port}`;
    try {
      const sock = await openSocket(target, o.timeoutMs);
      await sftp.connect({
        sock,
        host: target.host,
        port: target.port,
        username: o.credentials.user,
        password: o.credentials.password,
        privateKey: o.credentials.privateKey,
        agent: o.credentials.agent,
        readyTimeout: o.timeoutMs,
        retries: 0,
        hostVerifier: (key: Buffer, verify: (ok: boolean) => void) => {
          seenKey = key;
          const check = o.knownHosts.check(hostId, key);
          const now = fingerprint(key);
          if (check.status === 'known') return verify(true);
          if (check.status === 'changed') {
            keyProblem = new UserError(
              `${target.label} presented host key ${now}, but ${check.pinned} is pinned for it in ${o.knownHosts.file}: if the router was replaced or reinstalled, check the new key on its console and delete its line from that file; otherwise do not deploy.`,
            );
            return verify(false);
          }
          const consent = o.trustNewHost ? Promise.resolve(true) : (o.confirmHostKey?.(target, now) ?? Promise.resolve(false));
          void consent.then(async (yes) => {
            if (!yes) {
              keyProblem = new UserError(
                `${target.label} is not in ${o.knownHosts.file} yet (host key ${now}): compare the fingerprint with the router's (/ip ssh print or its console), then run again with --trust-new-host.`,
              );
              return verify(false);
            }
            await o.knownHosts.trust(hostId, key);
            verify(true);
          });
        },
      } as SftpClient.ConnectOptions);
    } catch (err) {
      await sftp.end().catch(() => undefined);
      if (keyProblem) throw keyProblem;
      throw explainConnectError(target, o.credentials.user, err, seenKey !== undefined);
    }
    return new RouterConnection(target, sftp);
  }

  private get client(): Client {
    return (this.sftp as unknown as { client: Client }).client;
  }

  /** Runs RouterOS commands; a RouterOS error in the answer throws (the exit status says nothing). */
  async run(command: string): Promise<string> {
    const output = await this.exec(command);
    const error = findCliError(output);
    if (error) throw new DeployStepError(`${this.target.label} refused a command (${error})`);
    return output;
  }

  /** Runs commands and returns the raw answer, errors included. */
  exec(command: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.client.exec(command, (err, stream) => {
        if (err) return reject(new DeployStepError(`${this.target.label} did not run a command: ${err.message}`));
        let out = '';
        stream.on('data', (d: Buffer) => (out += d.toString('utf8')));
        stream.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
        stream.on('close', () => resolve(out));
        stream.on('error', (e: Error) => reject(new DeployStepError(`${this.target.label}: ${e.message}`)));
      });
    });
  }

  async close(): Promise<void> {
    await this.sftp.end().catch(() => undefined);
  }
}

/**
 * The TCP connection, with Nagle's algorithm off from the first byte: the SSH handshake, commands and
 * SFTP requests are small round trips that it would delay by ~40 ms each.
 */
function openSocket(target: RouterTarget, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const sock = tcpConnect({ host: target.host, port: target.port });
    sock.setNoDelay(true);
    const timer = setTimeout(() => sock.destroy(new Error('Timed out while connecting')), timeoutMs);
    sock.once('connect', () => {
      clearTimeout(timer);
      resolve(sock);
    });
    sock.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** A step failed on the router: a user-level error that names the router. */
export class DeployStepError extends UserError {}

function explainConnectError(target: RouterTarget, user: string, err: unknown, gotKey: boolean): UserError {
  const e = err as NodeJS.ErrnoException & { level?: string };
  const msg = e?.message ?? String(err);
  if (e?.level === 'client-authentication' || /authentication|All configured authentication methods failed/i.test(msg)) {
    return new UserError(`${target.label} refused the login for user "${user}": check the user name and the password (ROUTER_PASSWORD, ssh-agent or --identity).`);
  }
  if (/ECONNREFUSED/.test(msg) || e?.code === 'ECONNREFUSED') {
    return new UserError(`Cannot reach ${target.label}: the connection was refused; check the address and that the router's SSH service is enabled (/ip service).`);
  }
  if (/Timed out|ETIMEDOUT|timeout/i.test(msg)) {
    return new UserError(`Cannot reach ${target.label}: no answer ${gotKey ? 'after the host key ' : ''}within the timeout; check the address, the cable or Wi-Fi, and --timeout.`);
  }
  if (/EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN/.test(msg)) {
    return new UserError(`Cannot reach ${target.label}: ${/ENOTFOUND|EAI_AGAIN/.test(msg) ? 'the name does not resolve' : 'no route to it'}; check the address.`);
  }
  return new UserError(`Cannot connect to ${target.label}: ${msg.replace(/^connect: /, '')}.`);
}
