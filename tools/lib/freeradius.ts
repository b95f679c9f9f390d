/**
 * A real FreeRADIUS (Debian's `freeradius` package) on loopback, for tests and the bench: a copy of
 * /etc/freeradius/3.0 in a temp folder with one small virtual server (auth and accounting on free
 * loopback ports, CHAP and PAP against the `files` users, accounting to `detail` files there), a client
 * entry for 127.0.0.1, and the project's MikroTik and WISPr dictionaries. Started in the foreground,
 * stopped by its PID. `radclient` (freeradius-utils) sends Disconnect and CoA requests.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { bindUdp, closeUdp } from '../routeros/radius/udp.ts';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SYSTEM_RADDB = '/etc/freeradius/3.0';
const DICTIONARIES = fileURLToPath(new URL('../routeros/radius/dictionaries/', import.meta.url));

export interface RadiusUser {
  name: string;
  /** Cleartext-Password; omitted for a user that is always rejected. */
  password?: string;
  /** Always refuse this user (Auth-Type := Reject), with the reply's Reply-Message if any. */
  reject?: boolean;
  /** Reply attributes by dictionary name, e.g. { 'Session-Timeout': 60, 'Mikrotik-Rate-Limit': '1M/2M' }. */
  reply?: Record<string, string | number>;
}

export interface FreeRadiusOptions {
  secret: string;
  users: RadiusUser[];
  /**
   * BlastRADIUS hardening: `require` drops Access-Requests without a Message-Authenticator (the
   * client's require_message_authenticator); `reply` (default true, as servers patched for it do)
   * signs every Access answer with one. Debian 12's FreeRADIUS 3.2.1 has no setting for the latter:
   * the reply list gets the attribute, whose value the server computes as it sends.
   */
  messageAuthenticator?: { require?: boolean; reply?: boolean };
  /** Seconds an Access-Reject is held back (FreeRADIUS's reject_delay, 1 by default, against guessing). */
  rejectDelay?: number;
}

export interface FreeRadius {
  authPort: number;
  acctPort: number;
  secret: string;
  dir: string;
  /** Accounting requests the server wrote to its detail files, oldest first. */
  accounting(): Promise<Array<Record<string, string>>>;
  /** The server's own log so far. */
  log(): string;
  stop(): Promise<void>;
}

export function freeradiusBinary(): string | undefined {
  return ['/usr/sbin/freeradius', '/usr/sbin/radiusd'].find((p) => existsSync(p));
}

/** Free UDP ports on loopback (bound and released; FreeRADIUS binds them right after). */
export async function freeUdpPorts(n: number): Promise<number[]> {
  const sockets = await Promise.all(Array.from({ length: n }, () => bindUdp(0, '127.0.0.1')));
  const ports = sockets.map((s) => s.address().port);
  await Promise.all(sockets.map(closeUdp));
  return ports;
}

const quote = (v: string | number) => (typeof v === 'number' ? String(v) : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`);

function usersFile(users: readonly RadiusUser[]): string {
  return users
    .map((u) => {
      const check = u.reject ? 'Auth-Type := Reject' : `Cleartext-Password := ${quote(u.password ?? '')}`;
      const reply = Object.entries(u.reply ?? {}).map(([k, v]) => `\t${k} = ${quote(v)}`);
      return `${quote(u.name)}\t${check}\n${reply.join(',\n')}\n`;
    })
    .join('\n');
}

function site(authPort: number, acctPort: number, signReplies: boolean): string {
  const sign = signReplies ? '  update reply {\n    &Message-Authenticator := 0x00\n  }\n' : '';
  return `server hotspot-test {
listen {
  type = auth
  ipaddr = 127.0.0.1
  port = ${authPort}
}
listen {
  type = acct
  ipaddr = 127.0.0.1
  port = ${acctPort}
}
authorize {
  preprocess
  chap
  files
  pap
}
authenticate {
  Auth-Type PAP {
    pap
  }
  Auth-Type CHAP {
    chap
  }
}
preacct {
  preprocess
  acct_unique
}
accounting {
  detail
}
post-auth {
${sign}  Post-Auth-Type REJECT {
    attr_filter.access_reject
${sign.replace(/^/gm, '  ').trimEnd()}
  }
}
}
`;
}

export async function startFreeRadius(options: FreeRadiusOptions): Promise<FreeRadius> {
  const bin = freeradiusBinary();
  if (!bin) throw new Error('FreeRADIUS is not installed: apt-get install freeradius freeradius-utils');
  const dir = await mkdtemp(join(tmpdir(), 'freeradius-'));
  const raddb = join(dir, 'raddb');
  await cp(SYSTEM_RADDB, raddb, { recursive: true, verbatimSymlinks: true });
  // EAP needs certificates the package may not have made, and the inner tunnel its own port: neither is used.
  await rm(join(raddb, 'mods-enabled', 'eap'), { force: true });
  for (const f of await readdir(join(raddb, 'sites-enabled'))) await rm(join(raddb, 'sites-enabled', f), { force: true });
  for (const sub of ['log', 'run', 'radacct']) await mkdir(join(dir, sub));
  const conf = (await readFile(join(raddb, 'radiusd.conf'), 'utf8'))
    .replace(/^logdir = .*$/m, `logdir = ${join(dir, 'log')}`)
    .replace(/^run_dir = .*$/m, `run_dir = ${join(dir, 'run')}`)
    .replace(/^radacctdir = .*$/m, `radacctdir = ${join(dir, 'radacct')}`)
    // Runs as whoever starts it, so it can write into this temp folder.
    .replace(/^\s*(user|group) = .*$/gm, '')
    .replace(/^(\s*)reject_delay = .*$/m, (line, indent: string) =>
      options.rejectDelay === undefined ? line : `${indent}reject_delay = ${options.rejectDelay}`,
    );
  await writeFile(join(raddb, 'radiusd.conf'), conf);
  const requireMa = options.messageAuthenticator?.require ? 'yes' : 'no';
  await writeFile(
    join(raddb, 'clients.conf'),
    `client loopback {\n  ipaddr = 127.0.0.1\n  secret = ${quote(options.secret)}\n  require_message_authenticator = ${requireMa}\n}\n`,
  );
  await writeFile(join(raddb, 'mods-config', 'files', 'authorize'), usersFile(options.users));
  await cp(DICTIONARIES, join(raddb, 'project-dictionaries'), { recursive: true });
  // FreeRADIUS's own dictionary already defines vendors 14988 and 14122 identically; ours is checked against it.
  await writeFile(join(raddb, 'dictionary'), '$INCLUDE project-dictionaries/dictionary.mikrotik\n$INCLUDE project-dictionaries/dictionary.wispr\n');

  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const [authPort, acctPort] = (await freeUdpPorts(2)) as [number, number];
    await writeFile(join(raddb, 'sites-enabled', 'hotspot-test'), site(authPort, acctPort, options.messageAuthenticator?.reply !== false));
    const started = await launch(bin, raddb);
    if (started.child) return server(started.child, started.output, { dir, authPort, acctPort, secret: options.secret });
    lastError = started.output();
  }
  await rm(dir, { recursive: true, force: true });
  throw new Error(`FreeRADIUS did not start:\n${lastError}`);
}

function launch(bin: string, raddb: string): Promise<{ child?: ChildProcess; output: () => string }> {
  let out = '';
  const child = spawn(bin, ['-f', '-l', 'stdout', '-d', raddb], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = () => out;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ output });
    }, 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('Ready to process requests')) {
        clearTimeout(timer);
        resolve({ child, output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve({ output });
    });
  });
}

function server(child: ChildProcess, output: () => string, info: { dir: string; authPort: number; acctPort: number; secret: string }): FreeRadius {
  return {
    ...info,
    log: output,
    accounting: () => readDetail(join(info.dir, 'radacct')),
    stop: async () => {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(child.pid, 'SIGTERM');
        await exited;
      }
      await rm(info.dir, { recursive: true, force: true });
    },
  };
}

/** detail files: records separated by blank lines, a date line, then `\tName = value` lines. */
async function readDetail(root: string): Promise<Array<Record<string, string>>> {
  const files: string[] = [];
  for (const sub of await readdir(root, { withFileTypes: true })) {
    if (!sub.isDirectory()) continue;
    for (const f of await readdir(join(root, sub.name))) files.push(join(root, sub.name, f));
  }
  const records: Array<Record<string, string>> = [];
  for (const file of files.sort()) {
    for (const block of (await readFile(file, 'utf8')).split(/\n\s*\n/)) {
      const rec: Record<string, string> = {};
      for (const line of block.split('\n')) {
        const m = /^\s+([\w-]+) = (.*)$/.exec(line);
        if (m) rec[m[1]!] = m[2]!.replace(/^"(.*)"$/, '$1');
      }
      if (Object.keys(rec).length) records.push(rec);
    }
  }
  return records.sort((a, b) => Number(a.Timestamp ?? 0) - Number(b.Timestamp ?? 0));
}

/**
 * `radclient` sending one request (`disconnect`, `coa`, `auth`, `acct`) with `attributes` lines such as
 * `User-Name = "alice"`; the secret goes through a file, not the command line. Resolves with its output.
 */
export async function radclient(
  port: number,
  command: 'disconnect' | 'coa' | 'auth' | 'acct',
  secret: string,
  attributes: string[],
): Promise<{ code: number; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'radclient-'));
  const secretFile = join(dir, 'secret');
  await writeFile(secretFile, `${secret}\n`, { mode: 0o600 });
  try {
    return await new Promise((resolve) => {
      const child = execFile('radclient', ['-x', '-r', '1', '-t', '2', '-S', secretFile, `127.0.0.1:${port}`, command], (err, stdout, stderr) => {
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
      });
      child.stdin!.end(`${attributes.join(', ')}\n`);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
