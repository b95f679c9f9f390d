/** router.radius in portal.config.ts: servers by address, the secret only from the environment. */
import { describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { validateConfig } from '../../tools/config/index.ts';

const withRadius = (radius: unknown) => ({ ...example, router: { ...example.router, radius } });

describe('router.radius', () => {
  it('fills in RouterOS defaults', () => {
    const c = validateConfig(withRadius({ servers: [{ address: '10.0.0.5' }] }));
    expect(c.router.radius).toEqual({
      servers: [{ address: '10.0.0.5', authenticationPort: 1812, accountingPort: 1813, timeout: '300ms' }],
      secretEnv: 'RADIUS_SECRET',
      accounting: true,
      interimUpdate: 'received',
      incoming: { port: 3799 },
    });
  });

  it('refuses a host name, a secret in the file and a bad interim update, naming the field', () => {
    expect(() => validateConfig(withRadius({ servers: [{ address: 'radius.example.com' }] }))).toThrow(/router\.radius\.servers\[0\]\.address.*IPv4/);
    expect(() => validateConfig(withRadius({ servers: [{ address: '10.0.0.5' }], secret: 'hunter2' }))).toThrow(
      /router\.radius\.secret must not be written in portal\.config\.ts.*\(got a value, not shown\)/,
    );
    expect(() => validateConfig(withRadius({ servers: [{ address: '10.0.0.5' }], secret: 'hunter2' }))).not.toThrow(/hunter2/);
    expect(() => validateConfig(withRadius({ servers: [{ address: '10.0.0.5' }], interimUpdate: 'often' }))).toThrow(/router\.radius\.interimUpdate/);
    expect(() => validateConfig(withRadius({ servers: [] }))).toThrow(/at least one RADIUS server/);
  });
});
