/**
 * `/radius` (a list) and `/radius incoming` (a settings object) in the CLI subset and the JSON config,
 * with RouterOS's property names and defaults.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRouterDb } from '../../tools/routeros/config.ts';
import { cliRouter, type CliRouter } from '../support/cli-router.ts';

let r: CliRouter | undefined;
afterEach(async () => {
  await r?.dispose();
  r = undefined;
});

describe('/radius in the CLI', () => {
  it('adds, sets and removes entries found by comment, with RouterOS defaults', async () => {
    r = await cliRouter();
    await r.out('/radius add address=127.0.0.1 secret="s3cret" service=hotspot comment="hotspot-toolkit:acme"');
    const [row] = r.env.db.rows('radius');
    expect(row).toMatchObject({
      address: '127.0.0.1',
      secret: 's3cret',
      service: 'hotspot',
      'authentication-port': '1812',
      'accounting-port': '1813',
      timeout: '300ms',
    });
    await r.out('/radius set [find comment="hotspot-toolkit:acme"] timeout=1s');
    expect(r.env.db.rows('radius')[0]?.timeout).toBe('1s');
    expect((await r.run('/radius add address=127.0.0.1 service=web')).error).toBe('input does not match any value of service');
    await r.out('/radius remove [find comment="hotspot-toolkit:acme"]');
    expect(r.env.db.rows('radius')).toHaveLength(0);
  });

  it('sets /radius incoming without an item number and prints it as settings', async () => {
    r = await cliRouter();
    expect(await r.out('/radius incoming print')).toBe('  accept: no\n    port: 3799\n');
    await r.out('/radius incoming set accept=yes port=3800');
    expect(await r.out(':put [/radius incoming get port]')).toBe('3800\n');
    expect((await r.run('/radius incoming add accept=yes')).error).toMatch(/bad command name add|expected/);
  });
});

describe('radius rows in the JSON config', () => {
  it('takes radius rows and radius/incoming as one object or a one-row list', () => {
    const { db } = createRouterDb({
      radius: [{ address: '10.0.0.5', secret: 'x', service: 'hotspot,login' }],
      'radius/incoming': { accept: 'yes', port: 1700 },
    });
    expect(db.rows('radius')[0]).toMatchObject({ address: '10.0.0.5', service: 'hotspot,login' });
    expect(db.rows('radius/incoming')).toEqual([expect.objectContaining({ accept: 'yes', port: '1700' })]);
    const list = createRouterDb({ 'radius/incoming': [{ accept: 'yes' }] });
    expect(list.db.rows('radius/incoming')[0]?.accept).toBe('yes');
  });

  it('refuses a bad value in one sentence naming the row', () => {
    expect(() => createRouterDb({ radius: [{ address: 'radius.example.com' }] })).toThrow(
      /radius\[0\] sets address to "radius.example.com".*IPv4 address/,
    );
    expect(() => createRouterDb({ 'radius/incoming': [{ accept: 'yes' }, { accept: 'no' }] })).toThrow(/must be one object of settings/);
    expect(() => createRouterDb({ 'ip/hotspot/profile': [{ name: 'hsprof1', 'radius-mac-format': 'XX' }] })).toThrow(/radius-mac-format/);
  });
});
