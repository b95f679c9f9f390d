/**
 * The RouterOS side of vouchers, over one SSH connection (the deploy's RouterConnection): what the
 * router has (hotspot servers, their DNS name, user profiles, user names), creating the user
 * profile, adding a batch in chunks of commands, listing and removing batches by their comment.
 * Every value sent is a RouterOS string literal (routerosString).
 */
import { UserError } from '../lib/errors.ts';
import { findCliError, parseTerse } from '../routeros/cli/output.ts';
import { routerosString as q } from '../routeros/routeros-string.ts';

/** What the core needs of a connection: RouterConnection has it. */
export interface RouterShell {
  target: { label: string };
  /** Runs commands; a RouterOS error in the answer throws. */
  run(command: string): Promise<string>;
  /** Runs commands and returns the raw answer, errors included. */
  exec(command: string): Promise<string>;
}

/** Every batch is tagged with this comment prefix, so it can be listed and removed. */
export const COMMENT_PREFIX = 'voucher:';
export const batchComment = (batch: string) => `${COMMENT_PREFIX}${batch}`;

/** Commands per SSH exec request: ~8 KB each, well within what RouterOS takes in one request. */
export const CHUNK = 50;

export interface HotspotFacts {
  /** The host name the login page is reached at: the hotspot profile's dns-name, else its address. */
  portalHost: string;
  userProfiles: Set<string>;
  userNames: string[];
}

export async function readHotspot(router: RouterShell): Promise<HotspotFacts> {
  const servers = parseTerse(await router.run('/ip hotspot print terse'));
  if (!servers.length)
    throw new UserError(
      `${router.target.label} has no hotspot server: set one up (/ip hotspot setup, or Winbox IP > Hotspot) before making vouchers.`,
    );
  const profileName = servers[0]!.props.profile ?? 'default';
  const profile = parseTerse(await router.run(`/ip hotspot profile print terse where name=${q(profileName)}`))[0]?.props ?? {};
  const userProfiles = new Set(parseTerse(await router.run('/ip hotspot user profile print terse')).map((i) => i.props.name ?? ''));
  const userNames = parseTerse(await router.run('/ip hotspot user print terse')).map((i) => i.props.name ?? '');
  return { portalHost: profile['dns-name'] || profile['hotspot-address'] || '10.5.50.1', userProfiles, userNames };
}

export interface UserProfileSpec {
  name: string;
  rateLimit?: string;
  sharedUsers: number;
  sessionTimeout?: string;
}

/** Creates the user profile, or brings an existing one to the config's values. */
export async function upsertUserProfile(router: RouterShell, spec: UserProfileSpec, exists: boolean): Promise<void> {
  // Unset values go back to RouterOS's own: no rate limit, session-timeout 0s (none).
  const props = [
    `shared-users=${spec.sharedUsers}`,
    `rate-limit=${q(spec.rateLimit ?? '')}`,
    `session-timeout=${q(spec.sessionTimeout ?? '0s')}`,
  ].join(' ');
  await router.run(
    exists ? `/ip hotspot user profile set [find name=${q(spec.name)}] ${props}` : `/ip hotspot user profile add name=${q(spec.name)} ${props}`,
  );
}

export interface NewUser {
  name: string;
  password: string;
  profile: string;
  uptime?: string;
  bytes?: number;
  comment: string;
}

export function addUserCommand(u: NewUser): string {
  const parts = [`/ip hotspot user add name=${q(u.name)} password=${q(u.password)} profile=${q(u.profile)}`];
  if (u.uptime) parts.push(`limit-uptime=${q(u.uptime)}`);
  if (u.bytes) parts.push(`limit-bytes-total=${u.bytes}`);
  parts.push(`comment=${q(u.comment)}`);
  return parts.join(' ');
}

export async function countBatch(router: RouterShell, batch: string): Promise<number> {
  const out = await router.run(`:put [:len [/ip hotspot user find where comment=${q(batchComment(batch))}]]`);
  return Number(out.trim().split(/\r?\n/).pop());
}

/** Adds the users CHUNK commands at a time; `progress` after each chunk. A refusal says what is left. */
export async function addUsers(router: RouterShell, users: NewUser[], batch: string, progress: (done: number) => void): Promise<void> {
  for (let i = 0; i < users.length; i += CHUNK) {
    const chunk = users.slice(i, i + CHUNK);
    const error = findCliError(await router.exec(chunk.map(addUserCommand).join('\n')));
    if (error) {
      const made = await countBatch(router, batch).catch(() => undefined);
      throw new UserError(
        `${router.target.label} refused a voucher (${error}); ${made ?? 'some'} of ${users.length} were created in batch ${batch}: remove them with --remove ${batch}, or keep them and make the rest in a new batch.`,
      );
    }
    progress(i + chunk.length);
  }
}

export interface BatchSummary {
  batch: string;
  count: number;
  profiles: string[];
}

export async function listBatches(router: RouterShell): Promise<BatchSummary[]> {
  const users = parseTerse(await router.run(`/ip hotspot user print terse where comment~${q(`^${COMMENT_PREFIX}`)}`));
  const batches = new Map<string, BatchSummary>();
  for (const u of users) {
    const batch = (u.props.comment ?? '').slice(COMMENT_PREFIX.length);
    const b = batches.get(batch) ?? { batch, count: 0, profiles: [] };
    b.count++;
    const p = u.props.profile ?? 'default';
    if (!b.profiles.includes(p)) b.profiles.push(p);
    batches.set(batch, b);
  }
  return [...batches.values()];
}

/** Removes every voucher of the batch; the number removed. */
export async function removeBatch(router: RouterShell, batch: string): Promise<number> {
  const count = await countBatch(router, batch);
  if (!count) throw new UserError(`${router.target.label} has no vouchers in batch "${batch}": see the batches with --list.`);
  await router.run(`/ip hotspot user remove [find where comment=${q(batchComment(batch))}]`);
  const left = await countBatch(router, batch);
  if (left)
    throw new UserError(`${router.target.label} still has ${left} vouchers of batch "${batch}" after removing them: run --remove ${batch} again.`);
  return count;
}
