/**
 * Fuzz tests (fast-check) where hostile text meets the toolkit's parsers and writers:
 * - the `$(...)` engine: any text, any variable values, never throws anything but a TemplateError;
 * - the RouterOS string quoter: any string, written into a console line, is read back by the
 *   virtual router's console as exactly that string, in exactly one command;
 * - config → RouterOS script (renderDeployScript and the secret command): any value either is
 *   refused with a UserError before anything is written, or yields a script that, imported into
 *   the virtual router, changes exactly the rows it is meant to and nothing else.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { validateConfig } from '../../tools/config/index.ts';
import { renderDeployScript, secretCommands } from '../../tools/deploy/script.ts';
import { deploySettings } from '../../tools/deploy/settings.ts';
import type { PortalConfig } from '../../tools/config/index.ts';
import { UserError } from '../../tools/lib/errors.ts';
import { lex } from '../../tools/routeros/cli/index.ts';
import { parseErrorsTxt, parseTemplate, renderTemplate, TemplateError } from '../../tools/routeros/engine/index.ts';
import { routerosString } from '../../tools/routeros/routeros-string.ts';
import { cliRouter, type CliRouter } from '../support/cli-router.ts';

/** Fixed seed and run count: a failure is reproducible, and the suite's time is bounded. */
const RUNS = { seed: 20261129, numRuns: 300 };

/** Text built from the pieces that matter to each parser, mixed with arbitrary characters. */
const textOf = (pieces: string[]) =>
  fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3, unit: 'binary' })), { maxLength: 40 }).map((a) => a.join(''));

const TEMPLATE_PIECES = [
  '$(',
  ')',
  '$(if ',
  '$(elif ',
  '$(else)',
  '$(endif)',
  'username',
  'error',
  '-esc',
  ' == ',
  ' != ',
  '"',
  "'",
  '\\',
  '\n',
  '\r\n',
  '$',
  '(',
  'chap-id',
  'http-status',
  'http-header',
  ' ',
  '=',
  'a',
];

describe('the $(...) engine', () => {
  it('parses and renders any text, or throws a TemplateError: nothing else', () => {
    fc.assert(
      fc.property(
        textOf(TEMPLATE_PIECES),
        fc.dictionary(fc.constantFrom('username', 'error', 'ip', 'mac', 'a'), fc.string({ unit: 'binary' })),
        (text, vars) => {
          try {
            const template = parseTemplate(text, 'login.html');
            const out = renderTemplate(template, { vars });
            expect(typeof out.body).toBe('string');
          } catch (err) {
            if (!(err instanceof TemplateError)) throw err;
            expect(err.message).toMatch(/^login\.html:\d+:\d+: /);
          }
        },
      ),
      RUNS,
    );
  });

  it('parses any errors.txt, or throws a TemplateError', () => {
    fc.assert(
      fc.property(textOf(['=', '\n', '#', 'invalid-username', ' ', '$(', ')', '$(error-orig)', '\r\n', 'a']), (text) => {
        try {
          parseErrorsTxt(text, 'errors.txt');
        } catch (err) {
          if (!(err instanceof TemplateError)) throw err;
        }
      }),
      RUNS,
    );
  });
});

describe('the RouterOS string quoter', () => {
  let r: CliRouter;
  beforeAll(async () => (r = await cliRouter()));
  afterAll(() => r.dispose());

  it('any string comes back exactly, as one command', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 60 }),
        textOf(['"', '\\', '$', '?', '[', ']', ';', '\n', '\r', '{', '}', '(', ')', ' ', '/system reboot', '\t', '\u0000', '\u007f']),
        async (a, b) => {
          for (const s of [a, b]) {
            const line = `:put ${routerosString(s)}`;
            expect(lex(line)).toHaveLength(1);
            const out = await r.run(line);
            expect(out.error).toBeUndefined();
            expect(out.output).toBe(`${s}\n`);
          }
        },
      ),
      { ...RUNS, numRuns: 200 },
    );
  });
});

describe('config → RouterOS script', () => {
  const config = validateConfig(example);
  const base = deploySettings(config, {});
  const target = { folder: 'flash/acme-0123456789ab', bundle: 'ab'.repeat(32), v7: true };
  /** The script for a config, as a deploy renders it (profile hsprof1). */
  const scriptFor = (c: PortalConfig) => renderDeployScript(deploySettings(c, {}).model('hsprof1'), target);
  const FIELD_PIECES = [
    'a',
    'z',
    '0',
    '.',
    '-',
    '_',
    '*',
    '?',
    '"',
    '\\',
    '$',
    '[',
    ']',
    ';',
    '\n',
    ' ',
    '/',
    '=',
    '(',
    ')',
    '{',
    '}',
    'com',
    'example',
    '1d',
    'm',
    ':',
  ];

  /** Imports a script into a fresh virtual router; returns every table as JSON, the error if any. */
  async function imported(script: string): Promise<{ tables: Record<string, unknown[]>; error?: string }> {
    const r = await cliRouter('7.19.4', { 'ip/hotspot/user': [{ name: 'alice', password: 'secret' }] });
    try {
      await r.env.files!.writeText('deploy.rsc', script);
      const out = await r.run('/import file-name=deploy.rsc');
      return { tables: snapshot(r), error: out.error };
    } finally {
      await r.dispose();
    }
  }

  function snapshot(r: CliRouter): Record<string, unknown[]> {
    const out: Record<string, unknown[]> = {};
    for (const table of [
      'ip/hotspot/profile',
      'ip/hotspot/user',
      'ip/hotspot/user/profile',
      'ip/hotspot/walled-garden',
      'ip/hotspot/walled-garden/ip',
      'ip/hotspot',
      'system/identity',
    ] as const) {
      out[table] = r.env.db.rows(table as never).map((row) => ({ ...row }));
    }
    return out;
  }

  // The validated config with one field set to the fuzzed value behind validation's back: what reaches
  // the script must still be refused or escaped there.
  type Mutate = (c: PortalConfig, v: string) => PortalConfig;
  /** Each field, how a value is put there, and a plain value for the reference script. */
  const FIELDS: Array<[string, Mutate, string]> = [
    ['walledGarden.hosts', (c, v) => ({ ...c, walledGarden: { hosts: ['pay.example.com', v] } }), 'x.example.com'],
    ['router.userProfile', (c, v) => ({ ...c, router: { ...c.router, userProfile: v } }), 'default'],
    ['router.httpCookieLifetime', (c, v) => ({ ...c, router: { ...c.router, httpCookieLifetime: v } }), '1d'],
    ['router.dnsName', (c, v) => ({ ...c, router: { ...c.router, dnsName: v } }), 'login.example.com'],
    ['router.trialUserProfile', (c, v) => ({ ...c, router: { ...c.router, trialUserProfile: v } }), 'default'],
  ];

  it.each(FIELDS)('%s: any value is refused with a UserError, or sets exactly what it should', async (field, mutate, plain) => {
    const referenceScript = scriptFor(mutate(config, plain));
    const reference = await imported(referenceScript);
    expect(reference.error).toBeUndefined();
    await fc.assert(
      fc.asyncProperty(textOf(FIELD_PIECES), async (value) => {
        const changed = mutate(config, value);
        let script: string;
        try {
          script = scriptFor(changed);
        } catch (err) {
          if (err instanceof UserError) return;
          throw err;
        }
        // The same commands as with a plain value, give or take those the value itself calls for (a
        // wildcard host has no IP-level entry; a second user profile gets its add-if-missing and its set): none split.
        expect(Math.abs(lex(script).length - lex(referenceScript).length)).toBeLessThanOrEqual(/UserProfile$/i.test(field) ? 2 : 1);
        const got = await imported(script);
        expect(got.error).toBeUndefined();
        // Only the rows this deploy owns differ from the reference, and they hold the value as given.
        expect(got.tables['ip/hotspot/user']).toEqual(reference.tables['ip/hotspot/user']);
        expect(got.tables['ip/hotspot']).toEqual(reference.tables['ip/hotspot']);
        expect(got.tables['system/identity']).toEqual(reference.tables['system/identity']);
        const garden = got.tables['ip/hotspot/walled-garden'] as Array<Record<string, string>>;
        expect(garden.map((g) => g['dst-host'])).toEqual(changed.walledGarden.hosts);
        const profile = (got.tables['ip/hotspot/profile'] as Array<Record<string, string>>).find((p) => p.name === 'hsprof1')!;
        expect(profile['html-directory-override']).toBe(target.folder);
        expect(profile['http-cookie-lifetime']).toBeDefined();
        if (changed.router.dnsName) expect(profile['dns-name']).toBe(changed.router.dnsName);
      }),
      { ...RUNS, numRuns: 60 },
    );
  });

  it('the mac-auth password: any value is refused without being shown, or set exactly', async () => {
    const settings = { ...base, loginBy: [...base.loginBy, 'mac'] };
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 70 }), textOf(FIELD_PIECES)), async (secret) => {
        let command: string | undefined;
        try {
          command = secretCommands({ ...settings, macAuthPassword: secret }, 'hsprof1', 'hotspot-toolkit:acme', false)[0];
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          if (secret.length > 3) expect(err.message).not.toContain(secret);
          return;
        }
        if (!command) {
          expect(secret).toBe('');
          return;
        }
        const r = await cliRouter();
        try {
          expect(lex(command)).toHaveLength(1);
          const out = await r.run(command);
          expect(out.error).toBeUndefined();
          expect(r.env.db.byName('ip/hotspot/profile', 'hsprof1')!['mac-auth-password']).toBe(secret);
        } finally {
          await r.dispose();
        }
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});
