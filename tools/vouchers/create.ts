/**
 * Making a batch of vouchers on one router: the library behind `npm run vouchers`. It never prints;
 * it reports progress through `emit` and returns what the tickets need.
 */
import type { VoucherSettings } from '../../portal/hotspot/login.ts';
import { UserError } from '../lib/errors.ts';
import { makeCodes } from './codes.ts';
import { parseByteSize, checkUptime, type VoucherLimits } from './limits.ts';
import { addUsers, batchComment, countBatch, readHotspot, upsertUserProfile, type NewUser, type RouterShell } from './router.ts';

export interface ProfileConfig {
  rateLimit?: string;
  sharedUsers: number;
  sessionTimeout?: string;
  uptime?: string;
  data?: string;
  price?: string;
}

export interface CreateRequest {
  count: number;
  /** The router user profile; its settings come from `profiles` when listed there. */
  profile: string;
  /** `vouchers.profiles` of portal.config.ts. */
  profiles: Readonly<Record<string, ProfileConfig>>;
  alphabet: string;
  length: number;
  voucher: VoucherSettings;
  /** Flags that override the profile's limits. */
  uptime?: string;
  data?: string;
  batch: string;
}

export type CreateEvent = { kind: 'step'; message: string } | { kind: 'progress'; done: number; total: number };

export interface Batch {
  batch: string;
  profile: string;
  codes: string[];
  limits: VoucherLimits;
  price?: string;
  /** Where guests reach the login page: the hotspot's dns-name, else its address. */
  portalHost: string;
}

const BATCH_NAME = /^[A-Za-z0-9_.-]{1,40}$/;

export function checkBatchName(batch: string): string {
  if (!BATCH_NAME.test(batch)) throw new UserError(`Batch name "${batch}" may hold only letters, digits, ".", "_" and "-" (up to 40).`);
  return batch;
}

/** A batch name from the clock: 20261129-1342 (seconds added when two batches share a minute). */
export function defaultBatchName(now = new Date(), seconds = false): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${seconds ? p(now.getSeconds()) : ''}`;
}

export async function createVouchers(router: RouterShell, req: CreateRequest, emit: (e: CreateEvent) => void = () => undefined): Promise<Batch> {
  checkBatchName(req.batch);
  const conf = req.profiles[req.profile];
  const limits: VoucherLimits = {
    uptime: req.uptime !== undefined ? checkUptime(req.uptime) : conf?.uptime,
    bytes:
      req.data !== undefined
        ? parseByteSize(req.data)
        : conf?.data !== undefined
          ? parseByteSize(conf.data, `vouchers.profiles.${req.profile}.data`)
          : undefined,
    rateLimit: conf?.rateLimit,
  };
  emit({ kind: 'step', message: 'reading the hotspot' });
  const facts = await readHotspot(router);
  if (!conf && !facts.userProfiles.has(req.profile)) {
    const known = [...new Set([...Object.keys(req.profiles), ...facts.userProfiles])].sort();
    throw new UserError(`Unknown profile "${req.profile}": use one of ${known.join(', ')}, or add it to vouchers.profiles in portal.config.ts.`);
  }
  if (await countBatch(router, req.batch))
    throw new UserError(`${router.target.label} already has a batch "${req.batch}": choose another --batch name, or remove that one first.`);
  // Codes are checked (alphabet, count, guessability) before anything on the router changes.
  const codes = makeCodes(req.count, req, facts.userNames);
  if (conf) {
    emit({ kind: 'step', message: `${facts.userProfiles.has(req.profile) ? 'updating' : 'creating'} user profile ${req.profile}` });
    await upsertUserProfile(router, { name: req.profile, ...conf }, facts.userProfiles.has(req.profile));
  }
  const comment = batchComment(req.batch);
  const users: NewUser[] = codes.map((code) => ({
    name: code,
    password: req.voucher.password === 'empty' ? '' : code,
    profile: req.profile,
    uptime: limits.uptime,
    bytes: limits.bytes,
    comment,
  }));
  emit({ kind: 'progress', done: 0, total: users.length });
  await addUsers(router, users, req.batch, (done) => emit({ kind: 'progress', done, total: users.length }));
  const made = await countBatch(router, req.batch);
  if (made !== codes.length)
    throw new UserError(
      `${router.target.label} holds ${made} of the ${codes.length} vouchers of batch ${req.batch}: check it with --list, remove it with --remove ${req.batch}.`,
    );
  return { batch: req.batch, profile: req.profile, codes, limits, price: conf?.price, portalHost: facts.portalHost };
}
