/**
 * `npm run router` flags for the router's SSH side and file store, each bad value refused with one
 * sentence. The admin password comes from ROUTER_ADMIN_PASSWORD (kept out of the process list), or
 * from `--admin NAME:PASSWORD` as the deploy issue first wrote it.
 */
import { UserError } from '../lib/errors.ts';
import type { VirtualRouterOptions } from '../routeros/virtual-router.ts';

export interface SshFlags {
  /** The address HTTP listens on; SSH listens there too. */
  host?: string;
  storage?: string;
  sshPort?: string;
  admin?: string;
  routeros?: string;
  flash?: boolean;
  freeSpace?: string;
  hostKey?: string;
  dropAfterBytes?: string;
}

export const ADMIN_PASSWORD_ENV = 'ROUTER_ADMIN_PASSWORD';

function count(flag: string, value: string, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(value) || Number(value) > max)
    throw new UserError(`${flag} "${value}" is not a whole number${max < Number.MAX_SAFE_INTEGER ? ` from 0 to ${max}` : ' of bytes'}.`);
  return Number(value);
}

/** `NAME` (password from the environment) or `NAME:PASSWORD`. */
export function parseAdmin(value: string, env: NodeJS.ProcessEnv = process.env): { name: string; password: string } {
  const colon = value.indexOf(':');
  const name = colon < 0 ? value : value.slice(0, colon);
  const password = colon < 0 ? env[ADMIN_PASSWORD_ENV] : value.slice(colon + 1);
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new UserError(`--admin "${name}" is not a user name: use letters, digits, dot, dash and underscore.`);
  if (!password)
    throw new UserError(`--admin ${name} needs a password: set the ${ADMIN_PASSWORD_ENV} environment variable (or write --admin ${name}:PASSWORD).`);
  return { name, password };
}

/** The virtual-router options these flags ask for. */
export function sshOptions(flags: SshFlags, env: NodeJS.ProcessEnv = process.env): Partial<VirtualRouterOptions> & { version?: string } {
  const out: Partial<VirtualRouterOptions> & { version?: string } = {};
  if (flags.routeros !== undefined) {
    if (!/^[67]\.\d+(\.\d+)?$/.test(flags.routeros))
      throw new UserError(`--routeros "${flags.routeros}" is not a RouterOS version such as 7.19.4 or 6.49.13.`);
    out.version = flags.routeros;
  }
  if (flags.storage !== undefined) out.storageDir = flags.storage;
  if (flags.flash) out.flash = true;
  if (flags.freeSpace !== undefined) out.freeSpace = count('--free-space', flags.freeSpace);
  const needsStorage = flags.flash || flags.freeSpace !== undefined || flags.sshPort !== undefined;
  if (needsStorage && flags.storage === undefined)
    throw new UserError("--ssh-port, --flash and --free-space need the router's file store: add --storage DIR.");
  if (flags.sshPort === undefined) {
    if (flags.admin || flags.hostKey || flags.dropAfterBytes)
      throw new UserError('--admin, --host-key and --drop-after-bytes configure SSH: add --ssh-port N (0 picks a free port).');
    return out;
  }
  if (!flags.admin) throw new UserError(`--ssh-port needs an admin account: add --admin NAME and set ${ADMIN_PASSWORD_ENV}.`);
  out.ssh = {
    host: flags.host,
    port: count('--ssh-port', flags.sshPort, 65535),
    admin: parseAdmin(flags.admin, env),
    hostKeyFile: flags.hostKey,
    dropAfterBytes: flags.dropAfterBytes === undefined ? undefined : count('--drop-after-bytes', flags.dropAfterBytes),
  };
  return out;
}
