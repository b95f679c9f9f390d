/**
 * The virtual router: a RouterOS configuration database, the HotSpot login logic and the servlet over
 * HTTP, in one object. Tests, the preview and `npm run router` all start it through here.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { basename, join, resolve } from 'node:path';
import { UserError } from '../lib/errors.ts';
import { listenOn } from '../lib/listen.ts';
import { runConsole, type RouterEnv } from './cli/index.ts';
import { isV7 } from './cli/router-env.ts';
import { createRouterDb, type RouterConfigInput } from './config.ts';
import type { RouterDb } from './db/router-db.ts';
import { controlApi } from './control-api.ts';
import { writeDefaultPages } from './default-pages.ts';
import { FileStore } from './files/file-store.ts';
import { Hotspot } from './hotspot/hotspot.ts';
import { HtmlDir } from './servlet/html-dir.ts';
import { importPem, storeContext, type ImportCounts } from './certs/certificates.ts';
import { createHttpServer, createHttpsServer, type HttpOptions, type TlsOptions } from './servlet/http-server.ts';
import { Servlet } from './servlet/servlet.ts';
import { RadiusIncoming } from './radius/incoming.ts';
import { SshServer, type SshOptions } from './ssh/ssh-server.ts';
import { Clock, durationOrThrow, formatDuration } from './time.ts';

export interface VirtualRouterOptions {
  /** Serve pages from this folder, whatever the profile's html-directory says. */
  htmlDir?: string;
  /** The router's file store: the profile's html-directory is looked up inside it. */
  storageDir?: string;
  /**
   * When the profile's folder is missing from the file store, write the default pages there (as
   * RouterOS does when a HotSpot server is set up) instead of failing; `createdDefaultPages` says so.
   */
  defaultPages?: boolean;
  config?: RouterConfigInput;
  http?: { host?: string; port?: number };
  /**
   * The servlet over TLS too (what the hotspot does when its profile has an ssl-certificate). The
   * certificate is the profile's `ssl-certificate` from the `/certificate` store, or the PEM files
   * given here, imported at start and named in the profile when it names none.
   */
  https?: { port?: number; certFile?: string; keyFile?: string; passphrase?: string };
  /** A frozen clock moves only when advanced (deterministic tests); default follows real time. */
  clock?: Clock | { frozen?: boolean };
  /** How long a CHAP challenge stays valid (default 1h). */
  chapLifetime?: string;
  log?: (line: string) => void;
  /** SSH with SFTP over the file store and the CLI subset over exec (needs storageDir). */
  ssh?: SshOptions;
  /** Free bytes the file store reports (`/system resource`), used up by uploads. */
  freeSpace?: number;
  /** The store has a `flash/` folder, and profiles default to html-directory=flash/hotspot. */
  flash?: boolean;
}

export class VirtualRouter {
  readonly db: RouterDb;
  readonly identity: string;
  readonly version: string;
  readonly clock: Clock;
  readonly hotspot: Hotspot;
  readonly servlet: Servlet;
  /** `/radius incoming`: Disconnect and CoA requests (listening while accept=yes). */
  readonly radiusIncoming: RadiusIncoming;
  /** Ends sessions whose limits run out and sends interim accounting while real time passes. */
  private ticker: NodeJS.Timeout | undefined;
  private readonly dirs = new Map<string, HtmlDir>();
  private server: Server | undefined;
  private tlsServer: Server | undefined;
  url = '';
  port = 0;
  /** `https://127.0.0.1:PORT` when the HTTPS listener runs, else ''. */
  httpsUrl = '';
  httpsPort = 0;
  /** The router's `/file` root (when storageDir is given). */
  readonly files: FileStore | undefined;
  /** The folder the default pages were written to at start, if they were. */
  createdDefaultPages?: string;
  readonly ssh: SshServer | undefined;
  sshPort = 0;
  /** What the CLI runs against: this router's database, file store and figures. */
  readonly cliEnv: RouterEnv;
  private readonly startedAt: number;

  constructor(private readonly options: VirtualRouterOptions = {}) {
    const { db, identity, version } = createRouterDb(options.config);
    this.db = db;
    this.identity = identity;
    this.version = version;
    this.clock = options.clock instanceof Clock ? options.clock : new Clock(options.clock ?? {});
    const chapLifetimeMs = options.chapLifetime ? durationOrThrow(options.chapLifetime, 'chap-lifetime') : undefined;
    this.hotspot = new Hotspot(db, this.clock, { chapLifetimeMs, identity: () => this.identity, version, log: options.log });
    this.radiusIncoming = new RadiusIncoming({ db, hotspot: this.hotspot, host: options.http?.host ?? '127.0.0.1', log: options.log });
    this.servlet = new Servlet({ hotspot: this.hotspot, htmlDir: () => this.htmlDir(), identity: () => this.identity });
    this.startedAt = this.clock.now();
    if (options.storageDir) this.files = new FileStore(options.storageDir, { flash: options.flash, freeSpace: options.freeSpace });
    if (options.flash) this.defaultToFlash(options.config);
    this.cliEnv = {
      db,
      version,
      identity: () => this.identity,
      files: this.files,
      hotspot: this.hotspot,
      uptimeMs: () => this.clock.now() - this.startedAt,
    };
    if (options.ssh) {
      if (!this.files) throw new UserError("SSH needs the router's file store: pass a storage folder (--storage DIR) as well.");
      const exec = async (command: string) => {
        const { output } = await runConsole(command, this.cliEnv);
        // `/radius incoming set …` takes effect at once, as on RouterOS.
        await this.radiusIncoming.sync().catch((err: Error) => options.log?.(`radius incoming: ${err.message}`));
        return output;
      };
      this.ssh = new SshServer({ ...options.ssh, store: this.files, exec, log: options.log });
    }
  }

  /** On a router with flash/, the wizard's profiles serve flash/hotspot unless the config says otherwise (§8.2). */
  private defaultToFlash(config: RouterConfigInput | undefined): void {
    for (const row of this.db.rows('ip/hotspot/profile')) {
      const given = config?.['ip/hotspot/profile']?.some((r) => r.name === row.name && r['html-directory'] !== undefined);
      if (!given && row['html-directory'] === 'hotspot') this.db.set('ip/hotspot/profile', row, { 'html-directory': 'flash/hotspot' });
    }
  }

  /** The directory the servlet serves now (it follows the profile when no --html-dir is given). */
  htmlDir(): HtmlDir {
    const root = this.options.htmlDir ? resolve(this.options.htmlDir) : this.profileDir(this.hotspot.settings().htmlDirectory);
    let dir = this.dirs.get(root);
    if (!dir) {
      dir = new HtmlDir(root);
      this.dirs.set(root, dir);
    }
    return dir;
  }

  /**
   * The profile's html directory inside the file store. A name that climbs out of the store (an admin
   * could set `html-directory-override=../..`) serves nothing rather than files outside it.
   */
  private profileDir(name: string): string {
    if (!this.files) return resolve(this.options.storageDir ?? '.', name);
    try {
      return this.files.resolve(name);
    } catch {
      return this.files.resolve('.vr-outside-the-file-store');
    }
  }

  /** Imports the --https-cert/--https-key files into the store, and names them in the profile if it names none. */
  private async importGivenCertificate(): Promise<void> {
    const o = this.options.https;
    if (!o?.certFile) return;
    if (!o.keyFile) throw new UserError('--https-cert needs --https-key: give the private key of the certificate too.');
    let text: string;
    try {
      text = `${await readFile(o.certFile, 'utf8')}\n${await readFile(o.keyFile, 'utf8')}`;
    } catch (err) {
      throw new UserError(
        `${(err as NodeJS.ErrnoException).path ?? o.certFile} cannot be read: check the path given to --https-cert or --https-key.`,
      );
    }
    const counts = this.useCertificate(text, basename(o.certFile), o.passphrase);
    if (counts.decryptionFailures)
      throw new UserError(`${o.keyFile} is encrypted: give its passphrase in the HOTSPOT_CERT_PASSPHRASE environment variable.`);
    if (counts.keysWithoutCertificate || !this.db.rows('certificate').some((r) => r['private-key'] === 'yes'))
      throw new UserError(`${o.keyFile} does not belong to ${o.certFile}: give the key the certificate was issued for.`);
  }

  /**
   * Imports a PEM certificate with its key into the store (as `/certificate import` does) and names it
   * in every profile whose ssl-certificate is none: a router that serves HTTPS with it.
   */
  useCertificate(pem: string, fileName: string, passphrase = ''): ImportCounts {
    const counts = importPem(this.db, pem, fileName, passphrase);
    const row = this.db.rows('certificate').find((r) => r['private-key'] === 'yes');
    for (const profile of this.db.rows('ip/hotspot/profile')) {
      if (row && profile['ssl-certificate'] === 'none') this.db.set('ip/hotspot/profile', profile, { 'ssl-certificate': row.name! });
    }
    return counts;
  }

  /** Checks the pages, then listens. Port 0 picks a free port; `url` tells which. */
  async listen(): Promise<this> {
    const root = this.htmlDir().root;
    if (this.options.defaultPages && this.files && !this.options.htmlDir && !existsSync(root)) {
      await writeDefaultPages(root);
      this.createdDefaultPages = root;
    }
    await this.htmlDir().checkAll();
    await this.importGivenCertificate();
    const host = this.options.http?.host ?? '127.0.0.1';
    const port = this.options.http?.port ?? 0;
    const authority = (p: number) => `${host.includes(':') ? `[${host}]` : host}:${p}`;
    const http: HttpOptions = {
      servlet: this.servlet,
      hotspotNames: () => {
        const s = this.hotspot.settings();
        return [s.hostname, s.hotspotAddress, s.dnsName].filter(Boolean);
      },
      intercept: controlApi(this),
      log: this.options.log,
      listenerOrigin: (scheme) => (scheme === 'https' ? this.httpsUrl : this.url) || undefined,
    };
    const tls: TlsOptions = {
      context: () => storeContext(this.db, this.hotspot.settings().sslCertificate)?.context,
      port: () => this.httpsPort || undefined,
    };
    const server = createHttpServer(http, tls);
    this.port = await listenOn(server, port, host, '--http-port');
    this.server = server;
    this.url = `http://${authority(this.port)}`;
    if (this.options.https) {
      const tlsServer = createHttpsServer(http, tls);
      try {
        this.httpsPort = await listenOn(tlsServer, this.options.https.port ?? 0, host, '--https-port');
      } catch (err) {
        await this.close();
        throw err;
      }
      this.tlsServer = tlsServer;
      this.httpsUrl = `https://${authority(this.httpsPort)}`;
    }
    this.ticker = setInterval(() => this.hotspot.sweep(), 1000).unref();
    try {
      await this.radiusIncoming.sync();
    } catch (err) {
      await this.close();
      throw new UserError(
        `/radius incoming cannot listen on UDP port ${this.db.rows('radius/incoming')[0]?.port} (${(err as Error).message}): choose another port.`,
      );
    }
    if (this.ssh) {
      try {
        this.sshPort = (await this.ssh.listen()).port;
      } catch (err) {
        await this.close();
        throw err;
      }
    }
    return this;
  }

  async close(): Promise<void> {
    clearInterval(this.ticker);
    await this.radiusIncoming.close();
    await this.hotspot.radius.settle();
    await this.ssh?.close();
    const servers = [this.server, this.tlsServer];
    this.server = this.tlsServer = undefined;
    for (const server of servers) {
      if (!server) continue;
      (server as Server).closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  }

  /** `/ip hotspot export` and `/radius export` as this router's console answers them, without passwords or secrets (v6 writes them unless told not to). */
  async export(): Promise<string> {
    const flags = isV7(this.cliEnv) ? '' : ' hide-sensitive';
    const hotspot = (await runConsole(`/ip hotspot export${flags}`, this.cliEnv)).output;
    // `/radius export` after it, without its own date line (nothing when no RADIUS is set up).
    const radius = (await runConsole(`/radius export${flags}`, this.cliEnv)).output.split('\n').slice(1).join('\n');
    return hotspot + radius;
  }

  /** A JSON view of the hosts and sessions (passwords never included). */
  state() {
    const hs = this.hotspot;
    hs.sweep();
    return {
      time: new Date(this.clock.now()).toISOString(),
      htmlDir: this.htmlDir().root,
      loginBy: [...hs.settings().loginBy],
      hosts: hs.hosts.all().map((h) => ({ mac: h.mac, ip: h.ip, trial: hs.trialAvailable(h.mac) ? 'yes' : 'no' })),
      sessions: hs.sessions.all().map((s) => {
        const l = hs.limits(s);
        return {
          mac: s.mac,
          ip: s.ip,
          user: s.user,
          loginBy: s.loginBy,
          uptime: formatDuration(l.uptimeMs),
          timeLeft: l.timeLeftMs === undefined ? null : formatDuration(l.timeLeftMs),
          ...s.counters,
          remainBytesTotal: l.remainBytesTotal ?? null,
        };
      }),
      cookies: hs.cookies.all().map((c) => ({ user: c.user, mac: c.mac, expires: new Date(c.expiresAt).toISOString() })),
    };
  }
}

export async function startVirtualRouter(options: VirtualRouterOptions = {}): Promise<VirtualRouter> {
  return new VirtualRouter(options).listen();
}

/** Default file store of `npm run router`: the project's dist folder, so `hotspot` means dist/hotspot. */
export const DEFAULT_STORAGE = join('dist');
