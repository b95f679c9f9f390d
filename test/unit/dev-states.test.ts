/**
 * The dev toolbar's states, without a browser: how a state travels (workbench query, scenario key),
 * how switches keep a state showable, and what the servlet of each state's simulated router renders
 * for every gallery entry, from the real page shells.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { validateConfig } from '../../tools/config/index.ts';
import { forceColorScheme } from '../../tools/dev/color-scheme.ts';
import { GALLERY } from '../../tools/dev/gallery-states.ts';
import { renderHtmlDir } from '../../tools/dev/html-output.ts';
import { createScenario } from '../../tools/dev/scenario-router.ts';
import { scenarioRequest, stripScripts } from '../../tools/dev/scenarios.ts';
import {
  coherent,
  DEFAULT_STATE,
  PAGES,
  pageInfo,
  parseScenarioKey,
  scenarioKey,
  stateFromQuery,
  stateToQuery,
  viewUrl,
  type DevState,
} from '../../tools/dev/state.ts';
import { parseRouterValues } from '../../portal/hotspot/router-values.ts';
import type { ServletResponse } from '../../tools/routeros/servlet/servlet.ts';

const config = validateConfig(example);
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hs-dev-states-'));
  await renderHtmlDir({ config, root: process.cwd(), outDir: dir, transformHtml: async (_url, html) => html });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const state = (over: Partial<DevState>): DevState => ({ ...DEFAULT_STATE, ...over });

/** Follows the state's view request (and its 302s) through the state's own router. */
async function view(s: DevState): Promise<ServletResponse[]> {
  const { router, mac } = createScenario(config, dir, s);
  const mount = '/__dev/s/x';
  const origin = `http://127.0.0.1:5173${mount}`;
  const out: ServletResponse[] = [];
  let target = new URL(`http://127.0.0.1:5173${pageInfo(s.page).path(s)}`);
  for (let hops = 0; hops < 3; hops++) {
    const res = await router.servlet.handle({
      method: 'GET',
      url: target,
      toHotspot: true,
      origin,
      params: new URLSearchParams(target.search),
      mac,
      cookies: {},
      userAgent: 'test',
    });
    out.push(res);
    const location = res.headers.find(([n]) => n === 'Location')?.[1];
    if (res.status !== 302 || !location) break;
    target = new URL(location);
    target.pathname = target.pathname.replace(mount, '');
  }
  return out;
}

function island(res: ServletResponse) {
  const m = /<script type="application\/x-hotspot" id="hs-data">([^<]*)<\/script>/.exec(String(res.body));
  return parseRouterValues(m?.[1] ?? '');
}

describe('state in URLs', () => {
  it('the workbench query keeps only what differs from the defaults, and reads it back', () => {
    const s = state({ page: 'status', session: 'voucher', limitBytes: 100_000_000, js: false, locale: 'ar', viewport: 'desktop', scheme: 'dark' });
    const query = stateToQuery(s);
    expect(query).toBe('page=status&session=voucher&limitBytes=100000000&locale=ar&viewport=desktop&js=off&scheme=dark');
    expect(stateFromQuery(query)).toEqual(s);
    expect(stateToQuery(DEFAULT_STATE)).toBe('');
  });

  it('a stale or hand-made query falls back to the defaults field by field', () => {
    expect(stateFromQuery('page=nope&session=member&uptime=5 minutes&js=maybe&scheme=blue&extra=1')).toEqual(state({ session: 'member' }));
  });

  it('the scenario key names only what the router needs, and a malformed key says what is wrong', () => {
    const s = state({ page: 'status', session: 'member', locale: 'es', viewport: 'tablet', uptime: '1h' });
    expect(scenarioKey(s)).toBe('page=status;session=member;uptime=1h');
    expect(parseScenarioKey(scenarioKey(s))).toEqual({
      ...Object.fromEntries(Object.entries(s).filter(([k]) => !['locale', 'viewport'].includes(k))),
    });
    expect(scenarioKey(DEFAULT_STATE)).toBe('default');
    expect(parseScenarioKey('session=admin')).toEqual({ problem: expect.stringContaining('"session=admin"') });
  });

  it("a request for a state's router names the state, the router's own path and query, and whether it starts afresh", () => {
    const s = state({ page: 'status', session: 'member', uptime: '1h' });
    expect(scenarioRequest(viewUrl(s))).toEqual({ key: scenarioKey(s), rest: '/status', view: true });
    expect(scenarioRequest(`/__dev/s/${encodeURIComponent(scenarioKey(s))}/login?dst=http%3A%2F%2Fa.example%2F`)).toEqual({
      key: 'page=status;session=member;uptime=1h',
      rest: '/login?dst=http%3A%2F%2Fa.example%2F',
      view: false,
    });
    expect(scenarioRequest('/__dev/s/default')).toEqual({ key: 'default', rest: '/', view: false });
    expect(scenarioRequest('/__dev/x/default/login')).toBeUndefined();
    expect(scenarioRequest('/login')).toBeUndefined();
  });
});

describe('switches keep the page showable', () => {
  it('picking a page that needs a session logs the guest in, and logging out moves to the page a guest then gets', () => {
    const status = coherent(state({ page: 'status' }), 'page');
    expect(status.session).toBe('member');
    expect(coherent({ ...status, session: 'none' }, 'session').page).toBe('fstatus');
    expect(coherent(state({ page: 'fstatus', session: 'trial' }), 'session')).toMatchObject({ page: 'status', trial: 'available' });
  });

  it('an error goes to the page that shows it: the login form, or error.html for a fatal one', () => {
    expect(coherent(state({ page: 'status', session: 'member', error: 'invalid-username' }), 'error')).toMatchObject({
      page: 'login',
      session: 'none',
    });
    expect(coherent(state({ error: 'internal-error' }), 'error').page).toBe('error');
    expect(coherent(state({ page: 'error' }), 'page').error).toBe('internal-error');
    expect(coherent(state({ page: 'status', session: 'member', error: 'invalid-username' }), 'page').error).toBe('');
  });

  it('a used-up trial ends a trial session', () => {
    expect(coherent(state({ page: 'status', session: 'trial', trial: 'used' }), 'trial')).toMatchObject({ session: 'none', page: 'fstatus' });
  });
});

describe("each state's router renders its page", () => {
  it.each(GALLERY.map((g) => [g.name, g] as const))('%s', async (_name, g) => {
    const answers = await view(g.state);
    const expected = PAGES.find((p) => p.id === g.state.page)!.file;
    expect(answers[0]!.page).toBe(expected);
    if (expected === 'rlogin.html' || expected === 'redirect.html') {
      expect(answers.map((a) => a.status)).toEqual([302, 200]);
      expect(answers[1]!.page).toBe(expected === 'rlogin.html' ? 'login.html' : 'status.html');
    } else expect(answers[0]!.status).toBe(200);
  });

  it('trial used up: the login page says trial=no', async () => {
    const [available] = await view(state({}));
    const [used] = await view(state({ trial: 'used' }));
    expect(island(available!).get('trial')).toBe('yes');
    expect(island(used!).get('trial')).toBe('no');
  });

  it('a byte limit and counters: the status page gets the figures the router computes', async () => {
    const [res] = await view(
      state({ page: 'status', session: 'member', limitBytes: 100_000_000, download: 5_000_000, upload: 2_000_000, uptime: '1h' }),
    );
    const v = island(res!);
    expect([v.get('bytes-out'), v.get('bytes-in'), v.get('remain-bytes-total'), v.get('uptime-secs'), v.get('session-time-left-secs')]).toEqual([
      '5000000',
      '2000000',
      '93000000',
      '3600',
      '3600',
    ]);
  });

  it('a session past its limit is over: the router serves fstatus.html', async () => {
    const [res] = await view(state({ page: 'status', session: 'member', limitBytes: 100_000_000, download: 150_000_000 }));
    expect(res!.page).toBe('fstatus.html');
  });

  it.each([
    ['member', 'http-chap'],
    ['voucher', 'http-chap'],
    ['trial', 'trial'],
    ['mac', 'mac'],
    ['cookie', 'cookie'],
  ] as const)('logged in as %s: login-by=%s', async (session, loginBy) => {
    const [res] = await view(state({ page: 'status', session }));
    expect(island(res!).get('login-by')).toBe(loginBy);
  });

  it('PAP: the router offers plain passwords and sends no CHAP challenge', async () => {
    const [res] = await view(state({ auth: 'pap' }));
    expect(island(res!).get('plain-passwd')).toBe('yes');
    expect(String(res!.body)).not.toContain('hsChap');
    const [chap] = await view(state({}));
    expect(String(chap!.body)).toContain('hsChap');
  });

  it('an error: the next login attempt fails with that key, fatal ones on error.html', async () => {
    const [res] = await view(state({ error: 'uptime-limit' }));
    expect(res!.page).toBe('login.html');
    expect(island(res!).get('error-type')).toBe('uptime-limit');
    expect(island(res!).get('error')).toBe('alice has used up the time allowance.');
    const [fatal] = await view(state({ page: 'error', error: 'shutting-down' }));
    expect(fatal!.page).toBe('error.html');
  });

  it('JavaScript off: the page keeps its markup and <noscript> but loses every script', async () => {
    const [res] = await view(state({}));
    const html = stripScripts(String(res!.body));
    expect(String(res!.body)).toMatch(/<script/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<noscript>');
  });
});

describe('a forced colour scheme', () => {
  const css =
    ':root{color-scheme:light dark;--bg:#fff}@media (prefers-color-scheme:dark){:root{--bg:#111}}@media ( prefers-color-scheme : light ){a{color:red}}';

  it('answers every prefers-color-scheme query as a device set that way would, and sets the native controls to match', () => {
    expect(forceColorScheme(css, 'dark')).toBe(':root{color-scheme:dark;--bg:#fff}@media all{:root{--bg:#111}}@media not all{a{color:red}}');
    expect(forceColorScheme(css, 'light')).toBe(':root{color-scheme:light;--bg:#fff}@media not all{:root{--bg:#111}}@media all{a{color:red}}');
  });

  it('leaves a page without such queries as it is', () => {
    const plain = '<style>:root{--bg:#fff}@media (max-width:30em){p{margin:0}}</style>';
    expect(forceColorScheme(plain, 'dark')).toBe(plain);
  });
});
