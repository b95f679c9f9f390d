/**
 * How every router command logs in over SSH (deploy, vouchers): the flags, the credentials
 * (--identity, ssh-agent, ROUTER_PASSWORD, else a hidden prompt; never a password argument), the
 * pinned host keys, and the one-at-a-time question about a new host key.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../lib/errors.ts';
import type { ConnectOptions, SshCredentials } from './connection.ts';
import { KnownHosts } from './known-hosts.ts';
import { askHidden, askYesNo } from './terminal.ts';

export const DEFAULT_KNOWN_HOSTS = join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'hotspot-toolkit', 'known_hosts');

export interface LoginFlags {
  user: string;
  identity?: string;
  knownHosts: string;
  trustNewHost?: boolean;
  timeout: string;
}

/** Adds the login flags every router command shares. */
export function withLoginOptions(program: Command): Command {
  return program
    .option('--user <name>', 'RouterOS user', 'admin')
    .option('--identity <file>', 'SSH private key file (else ssh-agent, ROUTER_PASSWORD, or a prompt)')
    .option('--known-hosts <file>', 'pinned router host keys', DEFAULT_KNOWN_HOSTS)
    .option('--trust-new-host', 'record the host key of a router seen for the first time')
    .option('--timeout <seconds>', 'how long to wait for a router to answer', '10');
}

/** A whole number flag from 1 to max, or one sentence saying what it must be. */
export function positive(flag: string, value: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max) throw new UserError(`${flag} "${value}" is not a whole number from 1 to ${max}.`);
  return n;
}

export async function routerCredentials(
  flags: Pick<LoginFlags, 'user' | 'identity'>,
  tty: boolean,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SshCredentials> {
  const c: SshCredentials = { user: flags.user };
  if (flags.identity) {
    try {
      c.privateKey = readFileSync(flags.identity);
    } catch {
      throw new UserError(`The key file ${flags.identity} cannot be read: check the path given to --identity.`);
    }
  }
  if (env.SSH_AUTH_SOCK) c.agent = env.SSH_AUTH_SOCK;
  if (env.ROUTER_PASSWORD) c.password = env.ROUTER_PASSWORD;
  if (!c.privateKey && !c.agent && c.password === undefined) {
    if (!tty) throw new UserError('No router password: set ROUTER_PASSWORD, load a key into ssh-agent, or pass --identity KEYFILE.');
    c.password = await askHidden(`Password for ${flags.user}: `);
  }
  return c;
}

/** Everything RouterConnection.open needs, from the shared flags. */
export async function connectOptions(flags: LoginFlags, tty: boolean, env: NodeJS.ProcessEnv = process.env): Promise<ConnectOptions> {
  const timeoutMs = positive('--timeout', flags.timeout, 600) * 1000;
  const knownHosts = await KnownHosts.load(flags.knownHosts);
  const credentials = await routerCredentials(flags, tty, env);
  let asking = Promise.resolve();
  return {
    credentials,
    knownHosts,
    trustNewHost: Boolean(flags.trustNewHost),
    timeoutMs,
    // One question at a time, even with several routers connecting at once.
    confirmHostKey: tty
      ? (t, fp) => {
          const answer = asking.then(() => askYesNo(`${t.label} is new; its host key is ${fp}. Trust it?`));
          asking = answer.then(() => undefined);
          return answer;
        }
      : undefined,
  };
}
