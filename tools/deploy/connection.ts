/**
 * One SSH connection to a router: SFTP (ssh2-sftp-client) for files and SSH exec for RouterOS
 * commands, with the host key checked against the pinned keys before anything is sent.
 *
 * Every remote step has a deadline and the connection has SSH keepalives: a router that stops
 * answering (frozen, unplugged, a dead link that TCP alone would wait on for minutes) ends the
 * connection with a RouterLost error naming the step, instead of waiting for ever.
 */
import { connect as tcpConnect, type Socket } from 'node:net';
import SftpClient from 'ssh2-sftp-client';
import type { Client, SFTPWrapper } from 'ssh2';
import { UserError } from '../lib/errors.ts';
import { findCliError } from '../routeros/cli/output.ts';
import { fingerprint, type KnownHosts } from './known-hosts.ts';
import { PIPELINE, type PipelineLimits } from './pipelined.ts';

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
  /** The deadline of every step, from the connection on (--timeout); uploads get more by size. */
  timeoutMs: number;
  /** SFTP transfers kept in flight on one connection (--transfers); 1 sends one file at a time. */
  transfers?: number;
}

/** Uploads and downloads may take this long per KiB beyond the deadline (a slow link of ~8 KiB/s). */
const MS_PER_KIB = 125;

export class RouterConnection {
  /** Set once the connection is lost or stalled: every later step fails at once with it. */
  private lost: RouterLost | undefined;
  /**
   * Rejects when the connection closes: a step in flight fails then, not at its deadline (ssh2 never
   * calls back an SFTP write whose connection dropped).
   */
  private readonly closed: Promise<never>;

  private constructor(
    readonly target: RouterTarget,
    private readonly sftp: SftpClient,
    private readonly sock: Socket,
    private readonly timeoutMs: number,
    /** How many transfers a deploy keeps in flight on this connection (pipelined.ts). */
    readonly pipeline: PipelineLimits = PIPELINE,
  ) {
    this.closed = new Promise<never>((_, reject) => sock.once('close', () => reject((this.lost ??= new RouterLost(target, 'drop')))));
    this.closed.catch(() => undefined);
    // ssh2 ends the connection after keepalives go unanswered: the router stalled, it did not hang up.
    this.client.on('error', (err) => {
      if (/keepalive/i.test(err.message)) this.lost ??= new RouterLost(target, 'stall', `no answer to keepalives`);
    });
  }

  static async open(target: RouterTarget, o: ConnectOptions): Promise<RouterConnection> {
    // Quiet callbacks: the library's defaults print "Global close listener…" to stdout when a router
    // drops; this class tracks a lost connection itself and says so in one sentence.
    const quiet = () => undefined;
    const sftp = new SftpClient(`deploy-${target.label}`, { error: quiet, end: quiet, close: quiet });
    let keyProblem: UserError | undefined;
    let seenKey: Buffer | undefined;
    let sock: Socket | undefined;
    const hostId = `${target.host}:${target.port}`;
    try {
      sock = await openSocket(target, o.timeoutMs);
      const connecting = sftp.connect({
        sock,
        host: target.host,
        port: target.port,
        username: o.credentials.user,
        password: o.credentials.password,
        privateKey: o.credentials.privateKey,
        agent: o.credentials.agent,
        readyTimeout: o.timeoutMs,
        // A router that stops answering is noticed within about a deadline, even between steps.
        keepaliveInterval: Math.max(500, Math.floor(o.timeoutMs / 4)),
        keepaliveCountMax: 3,
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
      // readyTimeout covers the handshake; opening the SFTP session after it needs its own deadline.
      await deadline(
        connecting,
        o.timeoutMs * 2 + (o.trustNewHost || !o.confirmHostKey ? 0 : 10 * 60_000),
        () => new Error('Timed out while opening the SFTP session'),
      );
    } catch (err) {
      sock?.destroy();
      await deadline(sftp.end(), 1000, () => new Error('end')).catch(() => undefined);
      if (keyProblem) throw keyProblem;
      throw explainConnectError(target, o.credentials.user, err, seenKey !== undefined);
    }
    return new RouterConnection(target, sftp, sock, o.timeoutMs, { ...PIPELINE, transfers: o.transfers ?? PIPELINE.transfers });
  }

  private get client(): Client {
    return (this.sftp as unknown as { client: Client }).client;
  }

  /** ssh2's SFTP session under ssh2-sftp-client, for the calls that library does not offer as needed. */
  private get wrapper(): SFTPWrapper {
    return (this.sftp as unknown as { sftp: SFTPWrapper }).sftp;
  }

  /**
   * Runs one remote step within its deadline. A step that misses it ends the connection (a router
   * that stalled once cannot be trusted to finish the next step) and fails with RouterLost.
   */
  private async step<T>(what: string, op: () => Promise<T>, extraMs = 0): Promise<T> {
    if (this.lost) throw this.lost.during(what);
    const ms = this.timeoutMs + extraMs;
    try {
      return await deadline(Promise.race([op(), this.closed]), ms, () => {
        this.lost ??= new RouterLost(this.target, 'stall', `no answer within ${Math.round(ms / 1000)} s`);
        this.sock.destroy();
        return this.lost;
      });
    } catch (err) {
      // An SFTP request failed by a dropping connection may settle just before the socket closes.
      if (!this.lost && this.sock.destroyed === false) await new Promise((r) => setImmediate(r));
      if (this.lost || this.sock.destroyed) throw (this.lost ?? new RouterLost(this.target, 'drop')).during(what);
      throw err;
    }
  }

  /** Runs RouterOS commands; a RouterOS error in the answer throws (the exit status says nothing). */
  async run(command: string, what = describeCommand(command)): Promise<string> {
    const output = await this.exec(command, what);
    const error = findCliError(output);
    if (error) throw new DeployStepError(`${this.target.label} refused a command (${error})`);
    return output;
  }

  /** Runs commands and returns the raw answer, errors included; `extraMs` for a long script. */
  exec(command: string, what = describeCommand(command), extraMs = 0): Promise<string> {
    return this.step(
      what,
      () =>
        new Promise((resolve, reject) => {
          this.client.exec(command, (err, stream) => {
            if (err) return reject(new DeployStepError(`${this.target.label} did not run a command: ${err.message}`));
            let out = '';
            let exited = false;
            stream.on('data', (d: Buffer) => (out += d.toString('utf8')));
            stream.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
            stream.on('exit', () => (exited = true));
            // A channel closed by a lost connection looks like a finished command with a short answer:
            // tell them apart before trusting the output.
            stream.on('close', () => setImmediate(() => (exited || !this.lost ? resolve(out) : reject(this.lost))));
            stream.on('error', (e: Error) => reject(new DeployStepError(`${this.target.label}: ${e.message}`)));
          });
        }),
      extraMs,
    );
  }

  /** SFTP steps, each within its deadline; paths are RouterOS file names (`flash/x/login.html`). */
  /**
   * Writes a file. Not ssh2-sftp-client's put: its write stream closes before it reports a failed
   * write, so a full disk would pass as an upload; ssh2's writeFile reports every failure.
   */
  put(data: Buffer, path: string, what = `uploading ${path}`): Promise<void> {
    const write = () =>
      new Promise<void>((resolve, reject) =>
        this.wrapper.writeFile(`/${path}`, data, (err) =>
          err ? reject(new NotWritten(`${this.target.label} could not write ${path} (${err.message})`)) : resolve(),
        ),
      );
    return this.step(what, write, (data.length / 1024) * MS_PER_KIB);
  }

  /**
   * Reads a file whole. ssh2's readFile (open, fstat, read, close) rather than ssh2-sftp-client's get,
   * whose read stream piped into a collecting stream cost the deployer more CPU than the SFTP work
   * itself: every file is read back once per router to verify it.
   */
  get(path: string, what = `reading ${path}`, sizeHint = 0): Promise<Buffer> {
    const read = () =>
      new Promise<Buffer>((resolve, reject) => this.wrapper.readFile(`/${path}`, (err, data) => (err ? reject(err) : resolve(data))));
    return this.step(what, read, (sizeHint / 1024) * MS_PER_KIB);
  }

  /** The file's content, or undefined when it is missing (any SFTP failure but a lost connection). */
  async read(path: string, what?: string, sizeHint = 0): Promise<Buffer | undefined> {
    try {
      return await this.get(path, what, sizeHint);
    } catch (err) {
      if (err instanceof RouterLost) throw err;
      return undefined;
    }
  }

  exists(path: string): Promise<boolean> {
    return this.step(`checking ${path}`, async () => Boolean(await this.sftp.exists(`/${path}`)));
  }

  mkdir(path: string): Promise<void> {
    return this.step(`creating ${path}`, async () => void (await this.sftp.mkdir(`/${path}`, true)));
  }

  /** Deletes a file; a missing one is not an error. */
  delete(path: string): Promise<void> {
    return this.step(`deleting ${path}`, async () => void (await this.sftp.delete(`/${path}`, true)));
  }

  async close(): Promise<void> {
    // A stalled router never answers the goodbye: do not wait for it.
    await deadline(this.sftp.end(), this.lost ? 0 : 1000, () => new Error('end')).catch(() => undefined);
    this.sock.destroy();
  }
}

/** A step's name from its command, for messages: `running /import file-name="…"`. */
function describeCommand(command: string): string {
  const first = command.split('\n')[0]!.trim();
  return `running ${first.length > 60 ? `${first.slice(0, 57)}…` : first}`;
}

/** Settles as `p` does, or rejects with `onTimeout()` after `ms`. */
function deadline<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/**
 * The router stopped answering or dropped the connection, during a named step. The deploy adds what
 * the router serves now (tools/deploy/deploy.ts).
 */
export class RouterLost extends UserError {
  constructor(
    readonly target: RouterTarget,
    readonly kind: 'stall' | 'drop',
    readonly detail = '',
    readonly what?: string,
  ) {
    const during = what ? ` while ${what}` : '';
    super(kind === 'stall' ? `${target.label} stopped answering${during} (${detail})` : `${target.label} dropped the connection${during}`);
  }

  during(what: string): RouterLost {
    return this.what ? this : new RouterLost(this.target, this.kind, this.detail, what);
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

/** The router refused a file write (a full disk, most often); the deploy adds what it serves now. */
export class NotWritten extends DeployStepError {}

function explainConnectError(target: RouterTarget, user: string, err: unknown, gotKey: boolean): UserError {
  const e = err as NodeJS.ErrnoException & { level?: string };
  const msg = e?.message ?? String(err);
  if (e?.level === 'client-authentication' || /authentication|All configured authentication methods failed/i.test(msg)) {
    return new UserError(
      `${target.label} refused the login for user "${user}": check the user name and the password (ROUTER_PASSWORD, ssh-agent or --identity).`,
    );
  }
  if (/ECONNREFUSED/.test(msg) || e?.code === 'ECONNREFUSED') {
    return new UserError(
      `Cannot reach ${target.label}: the connection was refused; check the address and that the router's SSH service is enabled (/ip service).`,
    );
  }
  if (/Timed out|ETIMEDOUT|timeout/i.test(msg)) {
    return new UserError(
      `Cannot reach ${target.label}: no answer ${gotKey ? 'after the host key ' : ''}within the timeout; check the address, the cable or Wi-Fi, and --timeout.`,
    );
  }
  if (/EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN/.test(msg)) {
    return new UserError(
      `Cannot reach ${target.label}: ${/ENOTFOUND|EAI_AGAIN/.test(msg) ? 'the name does not resolve' : 'no route to it'}; check the address.`,
    );
  }
  return new UserError(`Cannot connect to ${target.label}: ${msg.replace(/^connect: /, '')}.`);
}
