/**
 * `npm run router` as a user meets it. Bad input ends with exit code 2 and one sentence on stderr that
 * starts with "error:", says what is wrong and what to do, and never a stack trace (the command's main,
 * run in this process); good input prints the login URL and serves it (the real command in a child
 * process, stopped with SIGTERM).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../tools/router/main.ts';
import { runInProcess, type CliRun } from '../support/cli.ts';

const ROOT = resolve('.');
const CLASSIC = 'test/fixtures/classic';

let temp: string;
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'vr-cli-'));
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'tools/router/main.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs the command to its end (bad input must end it by itself). */
const run = (args: string[]): Promise<CliRun> => runInProcess(main, args);

/** A copy of the classic page set with some files rewritten. */
async function pages(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(temp, name);
  await cp(resolve(CLASSIC), dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  return dir;
}

async function file(name: string, text: string): Promise<string> {
  const path = join(temp, name);
  await writeFile(path, text);
  return path;
}

/**
 * Exit code 2, nothing on stdout, and stderr one line `error: …` naming each of `mentions`. A template
 * error may add one indented line quoting the offending source line, as the design notes ask.
 */
function expectUserError(r: CliRun, mentions: Array<string | RegExp>, opts: { quotedLine?: boolean } = {}): string {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/internal error|Error:|\bstack\b/);
  const lines = r.stderr.replace(/\n$/, '').split('\n');
  expect(lines.length, r.stderr).toBe(opts.quotedLine ? 2 : 1);
  if (opts.quotedLine) expect(lines[1]).toMatch(/^ {4}\S/);
  const sentence = lines[0]!;
  expect(sentence).toMatch(/^error: \S/);
  for (const m of mentions) {
    if (typeof m === 'string') expect(sentence).toContain(m);
    else expect(sentence).toMatch(m);
  }
  return sentence;
}

describe('npm run router: bad input', () => {
  it('a malformed template names file:line:col', async () => {
    const dir = await pages('bad-template', { 'login.html': '<html>\n<p>\n  $(if error)<b>$(error)</b>\n</p>\n</html>\n' });
    const r = await run(['--html-dir', dir, '--http-port', '0']);
    expectUserError(r, ['login.html:3:3', '$(endif)'], { quotedLine: true });
    expect(r.stderr.split('\n')[1]).toContain('$(if error)<b>$(error)</b>');
  });

  it('a malformed errors.txt line names file:line:col', async () => {
    const dir = await pages('bad-errors', { 'errors.txt': '# comment\n\ninvalid-username = no\nthis line has no key\n' });
    const r = await run(['--html-dir', dir, '--http-port', '0']);
    expectUserError(r, ['errors.txt:4:1', 'key = message'], { quotedLine: true });
  });

  it('a missing html directory', async () => {
    const missing = join(temp, 'no-such-dir');
    expectUserError(await run(['--html-dir', missing, '--http-port', '0']), [missing, 'does not exist', '--html-dir']);
  });

  it('a port already in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await run(['--html-dir', CLASSIC, '--http-port', String(port)]);
      expectUserError(r, [String(port), 'already in use', '--http-port']);
    } finally {
      await new Promise<void>((r) => blocker.close(() => r()));
    }
  });

  it('an unknown flag: one sentence pointing at --help, not the whole help text', async () => {
    expectUserError(await run(['--bogus']), ["unknown option '--bogus'", 'run with --help']);
  });

  it('a bad --user value', async () => {
    expectUserError(await run(['--html-dir', CLASSIC, '--http-port', '0', '--user', 'alice']), ['--user', '"alice"', 'NAME:PASSWORD']);
  });

  it('an unknown --login-by method names it and the methods that exist', async () => {
    const sentence = expectUserError(await run(['--html-dir', CLASSIC, '--http-port', '0', '--login-by', 'http-chap,foo']), ['"foo"', 'login-by']);
    // What to do: the user has to pick one of the real methods, so the sentence must name them.
    for (const method of ['http-chap', 'http-pap', 'cookie', 'trial', 'mac']) expect(sentence).toContain(method);
  });

  it.each(['abc', '65536', '-1', '80.5'])('a bad --http-port %s', async (port) => {
    expectUserError(await run(['--html-dir', CLASSIC, '--http-port', port]), ['--http-port', `"${port}"`, '65535']);
  });

  it('an invalid --config JSON file', async () => {
    const path = await file('broken.json', '{ "ip/hotspot/user": [ { "name": "a", } ] }\n');
    expectUserError(await run(['--html-dir', CLASSIC, '--http-port', '0', '--config', path]), [path, 'not valid JSON']);
  });

  it('an unreadable --config file', async () => {
    const path = join(temp, 'absent.json');
    expectUserError(await run(['--html-dir', CLASSIC, '--http-port', '0', '--config', path]), [path, '--config']);
  });

  it('a config with an unknown menu path', async () => {
    const path = await file('unknown-key.json', JSON.stringify({ 'ip/hotspot/users': [] }));
    expectUserError(await run(['--html-dir', CLASSIC, '--http-port', '0', '--config', path]), ['"ip/hotspot/users"', 'ip/hotspot/user']);
  });

  it('a config with an unknown property names the row and the property, and no position the file does not have', async () => {
    const path = await file('unknown-prop.json', JSON.stringify({ 'ip/hotspot/user': [{ name: 'alice', pasword: 'secret' }] }, null, 2));
    const sentence = expectUserError(await run(['--html-dir', CLASSIC, '--http-port', '0', '--config', path]), ['ip/hotspot/user', 'pasword']);
    // The JSON file's row is at line 3; a RouterOS CLI position ("line 1 column 1") points the user at the wrong place.
    expect(sentence).not.toMatch(/line 1 column 1/);
  });
});

describe('npm run router: a good start', () => {
  it('prints the login URL, which answers 200, and stops on SIGTERM', async () => {
    const child = start(['--html-dir', CLASSIC, '--http-port', '0', '--user', 'alice:secret', '--login-by', 'http-chap,http-pap']);
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    try {
      const loginUrl = await new Promise<string>((resolveUrl, reject) => {
        let stdout = '';
        child.stdout!.on('data', (c: Buffer) => {
          stdout += c.toString();
          const m = /login page:\s+(http:\/\/127\.0\.0\.1:\d+\/login)\s/.exec(stdout);
          if (m) resolveUrl(m[1]!);
        });
        child.on('close', (code) => reject(new Error(`router exited (${code}) before printing its login URL: ${stderr}`)));
      });
      const res = await fetch(loginUrl, { headers: { 'x-vr-mac': '02:00:00:00:10:01' } });
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body).toContain('<title>mikrotik hotspot > login</title>');
      expect(body).toContain(`action="${loginUrl}"`);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });
});
