/**
 * Vouchers on a router over real SSH (the virtual router): a batch with the config's user profile,
 * limits and comment; codes already on the router never reused; 500 codes in one connection with
 * batched commands and progress; listing and removing batches; bad input in one sentence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouterConnection } from '../../tools/deploy/connection.ts';
import { UserError } from '../../tools/lib/errors.ts';
import { createVouchers, type CreateEvent, type CreateRequest } from '../../tools/vouchers/create.ts';
import { CHUNK, listBatches, removeBatch, type RouterShell } from '../../tools/vouchers/router.ts';
import { DeployLab, target } from '../deploy/deploy-harness.ts';
import type { VirtualRouter } from '../../tools/routeros/virtual-router.ts';

let lab: DeployLab;
beforeAll(async () => {
  lab = await DeployLab.create();
});
afterAll(() => lab.dispose());

const PROFILES = {
  '1h': { rateLimit: '2M/4M', sharedUsers: 2, sessionTimeout: '1h', uptime: '1h', data: '500M', price: '€3' },
};
const request = (over: Partial<CreateRequest> = {}): CreateRequest => ({
  count: 5,
  profile: '1h',
  profiles: PROFILES,
  alphabet: 'ABCDEFGHJKMNPQRSTUVWXYZ23456789',
  length: 8,
  voucher: { case: 'upper', ignore: ' -', password: 'same-as-code' },
  batch: 'b1',
  ...over,
});

/** A connection that counts the SSH exec requests it makes. */
async function open(vr: VirtualRouter): Promise<RouterShell & { requests: number; close(): Promise<void> }> {
  const conn = await RouterConnection.open(target(vr), await lab.connect());
  const shell = {
    target: conn.target,
    requests: 0,
    run: (c: string) => (shell.requests++, conn.run(c)),
    exec: (c: string) => (shell.requests++, conn.exec(c)),
    close: () => conn.close(),
  };
  return shell;
}

const users = (vr: VirtualRouter, batch: string) => vr.db.rows('ip/hotspot/user').filter((u) => u.comment === `voucher:${batch}`);

describe('vouchers on the router', () => {
  it('creates the batch on the user profile from the config, with limits and comment; list and remove find it', async () => {
    const vr = await lab.router('create');
    const conn = await open(vr);
    try {
      const batch = await createVouchers(conn, request());
      expect(batch).toMatchObject({
        batch: 'b1',
        profile: '1h',
        price: '€3',
        portalHost: '10.5.50.1',
        limits: { uptime: '1h', bytes: 500 * 1024 ** 2, rateLimit: '2M/4M' },
      });
      const made = users(vr, 'b1');
      expect(made.map((u) => u.name).sort()).toEqual([...batch.codes].sort());
      for (const u of made)
        expect(u).toMatchObject({ password: u.name, profile: '1h', 'limit-uptime': '1h', 'limit-bytes-total': String(500 * 1024 ** 2) });
      expect(vr.db.byName('ip/hotspot/user/profile', '1h')).toMatchObject({ 'rate-limit': '2M/4M', 'shared-users': '2', 'session-timeout': '1h' });

      // A second batch updates the profile to the config's values rather than adding a second one.
      vr.db.set('ip/hotspot/user/profile', vr.db.byName('ip/hotspot/user/profile', '1h')!, { 'rate-limit': '1M/1M' });
      await createVouchers(conn, request({ batch: 'b2', count: 3, uptime: '30m', data: '1G' }));
      expect(vr.db.rows('ip/hotspot/user/profile').filter((p) => p.name === '1h')).toHaveLength(1);
      expect(vr.db.byName('ip/hotspot/user/profile', '1h')!['rate-limit']).toBe('2M/4M');
      expect(users(vr, 'b2').every((u) => u['limit-uptime'] === '30m' && u['limit-bytes-total'] === String(1024 ** 3))).toBe(true);

      expect(await listBatches(conn)).toEqual([
        { batch: 'b1', count: 5, profiles: ['1h'] },
        { batch: 'b2', count: 3, profiles: ['1h'] },
      ]);
      expect(await removeBatch(conn, 'b1')).toBe(5);
      expect(users(vr, 'b1')).toHaveLength(0);
      expect(users(vr, 'b2')).toHaveLength(3);
      expect(vr.db.byName('ip/hotspot/user', 'alice')).toBeDefined();
      await expect(removeBatch(conn, 'b1')).rejects.toThrow(/has no vouchers in batch "b1": see the batches with --list\.$/);
    } finally {
      await conn.close();
    }
  });

  it('makes the code the user name with an empty password when login.voucher.password is "empty"', async () => {
    const vr = await lab.router('empty-pw');
    const conn = await open(vr);
    try {
      await createVouchers(conn, request({ voucher: { case: 'upper', ignore: ' -', password: 'empty' } }));
      expect(users(vr, 'b1').every((u) => u.password === '')).toBe(true);
    } finally {
      await conn.close();
    }
  });

  it('creates 500 vouchers in one connection, 50 commands a request, with progress, and reuses no name on the router', async () => {
    // Names of the codes' own shape already on the router (the skipping itself is unit-tested with a scripted generator).
    const taken = Array.from({ length: 400 }, (_, i) => ({ name: String(1_000_000 + i) }));
    const vr = await lab.router('bulk', { config: { 'ip/hotspot/user': taken } });
    const conn = await open(vr);
    const events: CreateEvent[] = [];
    try {
      const batch = await createVouchers(conn, request({ count: 500, alphabet: '0123456789', length: 7, batch: 'bulk' }), (e) => events.push(e));
      expect(users(vr, 'bulk')).toHaveLength(500);
      const names = new Set(taken.map((t) => t.name));
      expect(batch.codes.some((c) => names.has(c))).toBe(false);
      const progress = events.filter((e) => e.kind === 'progress').map((e) => (e as { done: number }).done);
      expect(progress).toEqual([0, 50, 100, 150, 200, 250, 300, 350, 400, 450, 500]);
      // 500 / CHUNK add requests, and a handful of reads around them.
      expect(conn.requests).toBeLessThanOrEqual(500 / CHUNK + 8);
    } finally {
      await conn.close();
    }
  });

  it('refuses bad input in one sentence before changing anything', async () => {
    const vr = await lab.router('bad');
    const conn = await open(vr);
    const before = vr.db.rows('ip/hotspot/user').length;
    const refusal = async (req: CreateRequest) => {
      const err = await createVouchers(conn, req).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(UserError);
      return (err as Error).message;
    };
    try {
      expect(await refusal(request({ profile: 'gold' }))).toBe(
        'Unknown profile "gold": use one of 1h, default, or add it to vouchers.profiles in portal.config.ts.',
      );
      expect(await refusal(request({ count: 20_000 }))).toBe('--count 20000 is not a number from 1 to 10,000: make larger runs as several batches.');
      expect(await refusal(request({ length: 4, count: 1000 }))).toMatch(/too few to keep 1,001 vouchers hard to guess: use --length 5 or more/);
      expect(await refusal(request({ batch: 'a b' }))).toMatch(/^Batch name "a b" may hold only/);
      await createVouchers(conn, request({ count: 1 }));
      expect(await refusal(request())).toMatch(/already has a batch "b1": choose another --batch name/);
      expect(vr.db.rows('ip/hotspot/user')).toHaveLength(before + 1);
      vr.db.remove('ip/hotspot', vr.db.rows('ip/hotspot')[0]!);
      expect(await refusal(request({ batch: 'b9' }))).toMatch(/^127\.0\.0\.1:\d+ has no hotspot server: set one up/);
    } finally {
      await conn.close();
    }
  });
});
