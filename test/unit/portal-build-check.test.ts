/**
 * The build check over a hotspot folder: a clean page set passes, and each planted problem (a stray
 * `$(`, an unbalanced `$(if)`, an outside script the walled garden does not allow, chap values outside
 * a classic script string, a missing file, an errors.txt without every key, api.json that stops being
 * JSON) is reported with file:line:col.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../tools/routeros/data/error-messages.ts';
import { checkHotspotDir, formatProblem } from '../../tools/build/router-safety.ts';

const LOGIN = `$(if http-header == "Cache-Control")no-store$(endif)<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Log in</title>
<link rel="icon" href="/assets/logo.svg">
<script type="application/x-hotspot" id="hs-data">username=$(username-esc)&error=$(error-esc)</script>
$(if chap-id)<script>var hsChap = { id: '$(chap-id)', challenge: '$(chap-challenge)' };</script>$(endif)
<script type="module" src="/assets/login.js"></script>
</head><body><a href="mailto:help@example.com">help</a><form action="login"></form></body></html>
`;
const ERRORS = ERROR_MESSAGES.map((e) => `${e.key} = ${e.message}`).join('\n') + '\n';
const API = `{
  "captive": $(if logged-in == 'yes')false$(else)true$(endif),
  "user-portal-url": "$(link-login-only)",
$(if logged-in == 'yes')$(if session-timeout-secs)$(if session-timeout-secs != 0)  "seconds-remaining": $(session-timeout-secs),
$(endif)$(endif)$(endif)  "can-extend-session": true
}
`;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A clean page set with `changes` applied (file → new text). */
function hotspotDir(changes: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hs-check-'));
  dirs.push(dir);
  const files: Record<string, string> = {
    'login.html': LOGIN,
    'errors.txt': ERRORS,
    'es/errors.txt': ERRORS,
    'api.json': API,
    'assets/login.js': 'import{a}from"./shared.js";fetch("/assets/texts.json");a(document.querySelector("$(x)"));',
    'assets/shared.js': 'export const a=(e)=>e;const ns="http://www.w3.org/2000/svg";',
    'assets/texts.json': '{}',
    'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    ...changes,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const check = (dir: string, walledGarden: string[] = []) => checkHotspotDir(dir, { walledGarden }).map(formatProblem);

describe('build check', () => {
  it('passes a clean page set (minified JS may contain "$(": it is never substituted)', () => {
    expect(check(hotspotDir())).toEqual([]);
  });

  it('fails on a stray "$(" in a substituted file, naming file:line:col', () => {
    const html = LOGIN.replace('<form', "<script>$('#go').click()</script><form");
    expect(check(hotspotDir({ 'login.html': html }))).toEqual([
      `login.html:7:64: "$('#go')" is neither a variable nor a condition; a literal "$(" cannot stand in a file the router substitutes (move script code into a .js file)`,
    ]);
  });

  it('fails on a jQuery-style "$(document)" as an unknown variable', () => {
    const html = LOGIN.replace('<form', '<script>$(document).ready()</script><form');
    expect(check(hotspotDir({ 'login.html': html }))).toEqual([
      `login.html:7:64: "$(document)" is not a RouterOS hotspot variable; check the name (fact sheet §2)`,
    ]);
  });

  it('fails on an unbalanced $(if)', () => {
    const html = LOGIN.replace('<form', '$(if trial == \'yes\')<a href="login">trial</a><form');
    expect(check(hotspotDir({ 'login.html': html }))).toEqual([`login.html:7:56: "$(if …)" is never closed: add "$(endif)"`]);
  });

  it('fails on an $(endif) without $(if) in errors.txt', () => {
    expect(check(hotspotDir({ 'es/errors.txt': ERRORS + 'x = y$(endif)\n' }))).toEqual([`es/errors.txt:17:6: "$(endif)" without an open "$(if …)"`]);
  });

  it('fails on an outside script the walled garden does not allow, and passes once it does', () => {
    const html = LOGIN.replace('</head>', '<script src="https://cdn.example.net/lib.js"></script></head>');
    const dir = hotspotDir({ 'login.html': html });
    expect(check(dir)).toEqual([
      'login.html:7:14: refers to https://cdn.example.net/lib.js on cdn.example.net, which guests cannot reach before login; ship the file in the bundle or add "cdn.example.net" to walledGarden.hosts in portal.config.ts',
    ]);
    expect(check(dir, ['*.example.net'])).toEqual([]);
    expect(check(dir, ['example.net'])).toHaveLength(1); // a bare host does not cover its subdomains
  });

  it('fails on outside hosts in CSS url() and in JS imports', () => {
    const dir = hotspotDir({
      'login.html': LOGIN.replace('</head>', '<style>body{background:url(//img.example.org/bg.png)}</style></head>'),
      'assets/shared.js': 'import "https://esm.example.org/x.js";export const a=1;',
    });
    expect(check(dir)).toEqual([
      expect.stringMatching(/^assets\/shared\.js:1:9: refers to https:\/\/esm\.example\.org\/x\.js on esm\.example\.org/),
      expect.stringMatching(/^login\.html:7:28: refers to \/\/img\.example\.org\/bg\.png on img\.example\.org/),
    ]);
  });

  it('fails on a reference to a file missing from the bundle', () => {
    const dir = hotspotDir({ 'login.html': LOGIN.replace('/assets/logo.svg', '/assets/logo.png') });
    expect(check(dir)).toEqual(['login.html:3:24: refers to /assets/logo.png, but assets/logo.png is not in the bundle']);
    rmSync(path.join(dir, 'assets/texts.json'));
    expect(check(dir)).toContain('assets/login.js:1:35: refers to /assets/texts.json, but assets/texts.json is not in the bundle');
  });

  it.each([
    [
      'a module script',
      `$(if chap-id)<script type="module">const id = '$(chap-id)';</script>$(endif)`,
      'it is inside a module script, which is strict and rejects octal escapes',
    ],
    [
      'a strict script',
      `$(if chap-id)<script>"use strict"; var id = '$(chap-id)';</script>$(endif)`,
      'the script is strict ("use strict"), which rejects octal escapes',
    ],
    [
      'a template literal',
      '$(if chap-id)<script>var id = `$(chap-id)`;</script>$(endif)',
      'it is inside a template literal, which rejects octal escapes',
    ],
    ['script code outside a string', `$(if chap-id)<script>var id = $(chap-id);</script>$(endif)`, 'it is not inside a quoted string'],
    ['an attribute', `$(if chap-id)<input value="$(chap-id)">$(endif)`, 'it is not inside an inline <script>'],
    [
      'the data island',
      `<script type="application/x-hotspot">id=$(chap-id)</script>`,
      'it is inside a <script type="application/x-hotspot">, not a classic script',
    ],
  ])('fails on chap-id in %s', (_, snippet, why) => {
    const dir = hotspotDir({ 'login.html': LOGIN.replace('<form', `${snippet}<form`) });
    const problems = check(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(
        `^login\\.html:7:\\d+: \\$\\(chap-id\\) must stand inside a quoted string of a classic inline script, but ${why.replace(/[()"]/g, '\\$&')}$`,
      ),
    );
  });

  it('fails on chap values in a classic script string but outside $(if chap-id)', () => {
    const dir = hotspotDir({ 'login.html': LOGIN.replace('$(if chap-id)<script>', '<script>').replace(`};</script>$(endif)`, '};</script>') });
    expect(check(dir)).toEqual([
      'login.html:5:29: $(chap-id) must be inside "$(if chap-id) … $(endif)" so pages without CHAP get no script',
      'login.html:5:54: $(chap-challenge) must be inside "$(if chap-id) … $(endif)" so pages without CHAP get no script',
    ]);
  });

  it('fails on an errors.txt that lacks RouterOS error keys', () => {
    const dir = hotspotDir({
      'es/errors.txt': ERRORS.split('\n')
        .filter((l) => !l.startsWith('chap-missing'))
        .join('\n'),
    });
    expect(check(dir)).toEqual([
      'es/errors.txt: has no message for chap-missing; every RouterOS error key needs one (fact sheet §6.2)',
      'es/errors.txt: has different keys from errors.txt (chap-missing); locales must have the same keys',
    ]);
  });

  it('fails on an api.json that is not JSON in some state', () => {
    const dir = hotspotDir({
      'api.json': API.replace(`$(if session-timeout-secs)$(if session-timeout-secs != 0)`, `$(if session-timeout-secs != 0)`).replace(
        '$(endif)$(endif)$(endif)',
        '$(endif)$(endif)',
      ),
    });
    expect(check(dir)).toEqual([
      expect.stringMatching(/^api\.json: is not valid JSON after substitution when logged-in="yes", session-timeout-secs="", remain-bytes-total="" /),
    ]);
  });
});
