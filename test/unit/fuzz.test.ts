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
import { renderDeployScript, secretCommand } from '../../tools/deploy/script.ts';
import { deploySettings, type DeploySettings } from '../../tools/deploy/settings.ts';
import { UserError } from '../../tools/lib/errors.ts';
import { lex, runCli } from '../../tools/routeros/cli/index.ts';
import { parseErrorsTxt, parseTemplate, renderTemplate, TemplateError } from '../../tools/routeros/engine/index.ts';
import { routerosString } from '../../tools/routeros/routeros-string.ts';
import { cliRouter, type CliRouter } from '../support/cli-router.ts';

/** Fixed seed and run count: a failure is reproducible, and the suite's time is bounded. */
const RUNS = { seed: 20261129, numRuns: 300 };

/** Text built from the pieces that matter to each parser, mixed with arbitrary characters. */
const textOf = (pieces: string[]) => fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3, unit: 'binary' })), { maxLength: 40 }).map((a) => a.join(''));

const TEMPLATE_PIECES = ['$(', ')', '$(if ', '$(elif ', '$(else)', '$(endif)', 'username', 'error', '-esc', ' == ', ' != ', '"', "'", '\\', '\n', '\r\n', '$', '(', 'chap-id', 'http-status', 'http-header', ' ', '=', 'a'];

describe('the $(...) engine', () => {
  it('parses and renders any text, or throws a TemplateError: nothing else', () => {
    fc.assert(
      fc.property(textOf(TEMPLATE_PIECES), fc.dictionary(fc.constantFrom('username', 'error', 'ip', 'mac', 'a'), fc.string({ unit: 'binary' })), (text, vars) => {
        try {
          const template = parseTemplate(text, 'login.html');
          const out = renderTemplate(template, { vars });
          expect(typeof out.body).toBe('string');
        } catch (err) {
          if (!(err instanceof TemplateError)) throw err;
          expect(err.message).toMatch(/^login\.html:\d+:\d+: /);
        }
      }),
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
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 60 }), textOf(['"', '\\', '$', '?', '[', ']', ';', '\n', '\r', '{', '}', '(', ')', ' ', '/system reboot', '\t', '\u0000', '\u007f']), async (a, b) => {
        for (const s of [a, b]) {
          const line = `:put ${routerosString(s)}`;
          expect(lex(line)).toHaveLength(1);
          const out = await r.run(line);
          expect(out.error).toBeUndefined();
          expect(out.output).toBe(`${s}\n`);
        }
      }),
      { ...RUNS, numRuns: 200 },
    );
  });
});

describe('config → RouterOS script', () => {
  const base = deploySettings(validateConfig(example), {});
  const target = { profile: 'hsprof1', folder: 'flash/acme-0123456789ab', bundle: 'ab'.repeat(32), v7: true };
  const FIELD_PIECES = ['a', 'z', '0', '.', '-', '_', '*', '?', '"', '\\', '$', '[', ']', ';', '\n', ' ', '/', '=', '(', ')', '{', '}', 'com', 'example', '1d', 'm', ':'];

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
    for (const table of ['ip/hotspot/profile', 'ip/hotspot/user', 'ip/hotspot/user/profile', 'ip/hotspot/walled-garden', 'ip/hotspot/walled-garden/ip', 'ip/hotspot', 'system/identity'] as const) {
      out[table] = r.env.db.rows(table as never).map((row) => ({ ...row }));
    }
    return out;
  }

  type Mutate = (s: DeploySettings, v: string) => DeploySettings;
  /** Each field, how a value is put there, and a plain value for the reference script. */
  const FIELDS: Array<[string, Mutate, string]> = [
    ['walledGarden.hosts', (s, v) => ({ ...s, walledGarden: ['pay.example.com', v] }), 'x.example.com'],
    ['router.userProfile', (s, v) => ({ ...s, userProfile: v }), 'default'],
    ['router.httpCookieLifetime', (s, v) => ({ ...s, httpCookieLifetime: v }), '1d'],
    ['router.dnsName', (s, v) => ({ ...s, dnsName: v }), 'login.example.com'],
    ['router.trialUserProfile', (s, v) => ({ ...s, trialUserProfile: v }), 'default'],
    ['portal', (s, v) => ({ ...s, portal: v }), 'acme'],
  ];

  it.each(FIELDS)('%s: any value is refused with a UserError, or sets exactly what it should', async (_field, mutate, plain) => {
    const referenceScript = renderDeployScript(mutate(base, plain), target);
    const reference = await imported(referenceScript);
    expect(reference.error).toBeUndefined();
    await fc.assert(
      fc.asyncProperty(textOf(FIELD_PIECES), async (value) => {
        const settings = mutate(base, value);
        let script: string;
        try {
          script = renderDeployScript(settings, target);
        } catch (err) {
          if (err instanceof UserError) return;
          throw err;
        }
        // The same commands as with a plain value: no line added, none split (a wildcard host has no
        // IP-level entry, one line fewer).
        expect([lex(referenceScript).length, lex(referenceScript).length - 1]).toContain(lex(script).length);
        const got = await imported(script);
        expect(got.error).toBeUndefined();
        // Only the rows this deploy owns differ from the reference, and they hold the value as given.
        expect(got.tables['ip/hotspot/user']).toEqual(reference.tables['ip/hotspot/user']);
        expect(got.tables['ip/hotspot']).toEqual(reference.tables['ip/hotspot']);
        expect(got.tables['system/identity']).toEqual(reference.tables['system/identity']);
        const garden = got.tables['ip/hotspot/walled-garden'] as Array<Record<string, string>>;
        expect(garden.map((g) => g['dst-host'])).toEqual(settings.walledGarden);
        const profile = (got.tables['ip/hotspot/profile'] as Array<Record<string, string>>).find((p) => p.name === 'hsprof1')!;
        expect(profile['html-directory-override']).toBe(target.folder);
        expect(profile['http-cookie-lifetime']).toBeDefined();
        if (settings.dnsName) expect(profile['dns-name']).toBe(settings.dnsName);
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
          command = secretCommand({ ...settings, macAuthPassword: secret }, 'hsprof1', false);
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
