/**
 * Which page the virtual router's servlet answers with, over real HTTP on loopback: the five request
 * kinds and every fallback of fact sheet §1.1, language subdirectories (§1.4), which files are
 * substituted (§1.5), static files (§1.6), the http-status / http-header directives (§3.4), dst
 * checking (§7.1), api.json (§9) and the simulator's control API. Variants of the classic page set
 * (a page added or removed) are built in temp folders.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouterConfigInput } from '../../tools/routeros/config.ts';
import { startVirtualRouter, type VirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { byId, Device, type Reply } from '../support/hotspot-client.ts';

const CLASSIC = resolve('test/fixtures/classic');
const CONFIG: RouterConfigInput = {
  'ip/hotspot/profile': [{ name: 'hsprof1', 'login-by': 'http-chap,http-pap,cookie,trial' }],
  'ip/hotspot/user': [
    { name: 'alice', password: 'secret' },
    { name: 'bob', password: 'builder' },
    { name: 'carol', password: 'quota', 'limit-uptime': '1h', 'limit-bytes-total': 1_000_000 },
  ],
};
const INVALID_ALICE = 'Wrong code or password, alice: please check it and try again.';

const temps: string[] = [];
const routers: VirtualRouter[] = [];
afterAll(async () => {
  await Promise.all(routers.map((r) => r.close()));
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

/** A copy of the classic page set with files removed and written; returns its folder. */
async function variant(change: { remove?: string[]; write?: Record<string, string | Buffer> }, base = CLASSIC): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vr-pages-'));
  temps.push(dir);
  await cp(base, dir, { recursive: true });
  for (const f of change.remove ?? []) await rm(join(dir, f));
  for (const [f, text] of Object.entries(change.write ?? {})) {
    await mkdir(dirname(join(dir, f)), { recursive: true });
    await writeFile(join(dir, f), text);
  }
  return dir;
}

async function router(htmlDir = CLASSIC, config: RouterConfigInput = CONFIG): Promise<VirtualRouter> {
  const vr = await startVirtualRouter({ htmlDir, config, clock: { frozen: true } });
  routers.push(vr);
  return vr;
}

let macs = 0;
/** A new simulated device; MACs are written as RouterOS prints them (upper-case hex). */
const device = (vr: VirtualRouter) => {
  const n = ++macs;
  const hex = (b: number) => b.toString(16).padStart(2, '0').toUpperCase();
  return new Device(vr.url, `02:00:00:00:${hex(n >> 8)}:${hex(n & 255)}`);
};
const title = (r: Reply) => /<title>([^<]*)<\/title>/.exec(r.body)?.[1];
const header = (r: Reply, name: string) => r.headers[name.toLowerCase()] as string | undefined;
const inputValue = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];

/** Logs the device in by HTTP-PAP (plain password; CHAP is not the point here). */
async function papLogin(d: Device, username = 'alice', password = 'secret', extra: Record<string, string> = {}): Promise<Reply> {
  const r = await d.post('/login', { username, password, ...extra });
  expect(r.status, `PAP login of ${username}`).toBeLessThan(400);
  return r;
}

/** Raw request, for paths a URL parser would normalise and for exact bytes. */
function raw(
  vr: VirtualRouter,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolveRaw, reject) => {
    const req = request({ host: '127.0.0.1', port: vr.port, path, headers: { 'x-vr-mac': '02:00:00:00:99:99', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolveRaw({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('/ on the hotspot host', () => {
  let vr: VirtualRouter;
  beforeAll(async () => (vr = await router()));

  it('not logged in: rlogin.html answers with a real 302 to link-login', async () => {
    const r = await device(vr).get('/');
    expect(r.status).toBe(302);
    expect(r.statusMessage).toBe('Hotspot login required');
    expect(header(r, 'location')).toBe(`${vr.url}/login`);
    expect(byId(r.body, 'rlogin')).toBe(`${vr.url}/login`);
  });

  it('not logged in with an original URL known: Location is link-login carrying dst', async () => {
    const d = device(vr);
    const r = await d.get('/?dst=http%3A%2F%2Fa.example%2Fnews');
    expect(r.status).toBe(302);
    expect(header(r, 'location')).toBe(`${vr.url}/login?dst=http%3A%2F%2Fa.example%2Fnews`);
    expect(byId(r.body, 'rlogin')).toBe(header(r, 'location'));
  });

  it('logged in, no rstatus.html: redirect.html points at link-status', async () => {
    const d = device(vr);
    await papLogin(d);
    const r = await d.get('/');
    expect(r.status).toBe(302);
    expect(r.statusMessage).toBe('Hotspot redirect');
    expect(header(r, 'location')).toBe(`${vr.url}/status`);
    expect(byId(r.body, 'redirect')).toBe(`${vr.url}/status`);
  });

  it('rstatus.html answers when present; rlogin.html missing falls back to redirect.html to login', async () => {
    const vr2 = await router(await variant({ remove: ['rlogin.html'], write: { 'rstatus.html': '<p id="rstatus">$(link-redirect)</p>' } }));
    const d = device(vr2);
    const out = await d.get('/');
    expect(out.status).toBe(302);
    expect(out.statusMessage).toBe('Hotspot redirect');
    expect(header(out, 'location')).toBe(`${vr2.url}/login`);
    expect(byId(out.body, 'redirect')).toBe(`${vr2.url}/login`);
    await papLogin(d);
    const inside = await d.get('/');
    expect(inside.status).toBe(200);
    expect(byId(inside.body, 'rstatus')).toBe(`${vr2.url}/status`);
  });
});

describe('/login', () => {
  let vr: VirtualRouter;
  let flogin: VirtualRouter;
  let noAlogin: VirtualRouter;
  beforeAll(async () => {
    vr = await router();
    flogin = await router(
      await variant({ write: { 'flogin.html': '<p id="flogin" data-type="$(error-type)">$(error)</p><p id="user">$(username)</p>' } }),
    );
    noAlogin = await router(await variant({ remove: ['alogin.html'] }));
  });

  it('not logged in: login.html, with no error', async () => {
    const r = await device(vr).get('/login');
    expect(r.status).toBe(200);
    expect(header(r, 'content-type')).toMatch(/^text\/html/);
    expect(title(r)).toBe('mikrotik hotspot > login');
    expect(r.body).toContain('chap on');
    expect(byId(r.body, 'error')).toBeUndefined();
  });

  it('a failed login without flogin.html: login.html with the errors.txt text', async () => {
    const r = await device(vr).post('/login', { username: 'alice', password: 'wrong' });
    expect(r.status).toBe(200);
    expect(title(r)).toBe('mikrotik hotspot > login');
    expect(byId(r.body, 'error')).toBe(INVALID_ALICE);
    expect(r.body).toContain('data-type="invalid-username"');
    expect(r.body).toContain('name="username" type="text" value="alice"');
  });

  it('a failed login with flogin.html: flogin.html answers instead', async () => {
    const r = await device(flogin).post('/login', { username: 'alice', password: 'wrong' });
    expect(r.status).toBe(200);
    expect(byId(r.body, 'flogin')).toBe(INVALID_ALICE);
    expect(byId(r.body, 'user')).toBe('alice');
    expect(title(r)).toBeUndefined();
  });

  it('flogin.html is only for failures: a plain visit still gets login.html', async () => {
    const r = await device(flogin).get('/login');
    expect(title(r)).toBe('mikrotik hotspot > login');
    expect(byId(r.body, 'flogin')).toBeUndefined();
  });

  it('a successful login and a later visit while logged in: alogin.html', async () => {
    const d = device(vr);
    const first = await papLogin(d);
    expect(first.status).toBe(200);
    expect(byId(first.body, 'alogin')).toBe('You are logged in as alice by http-pap.');
    const again = await d.get('/login');
    expect(again.status).toBe(200);
    expect(byId(again.body, 'alogin')).toBe('You are logged in as alice by http-pap.');
    expect(byId(again.body, 'redirect')).toBe(`${vr.url}/status`);
  });

  it('alogin.html missing, no original URL: redirect.html to the status page', async () => {
    const d = device(noAlogin);
    const r = await papLogin(d, 'alice', 'secret');
    expect(r.status).toBe(302);
    expect(header(r, 'location')).toBe(`${noAlogin.url}/status`);
    const again = await d.get('/login');
    expect(again.status).toBe(302);
    expect(header(again, 'location')).toBe(`${noAlogin.url}/status`);
  });

  it('alogin.html missing, original URL known: redirect.html to the original URL', async () => {
    const d = device(noAlogin);
    // bob, not alice: alice already holds this router's one shared-users slot from the test above.
    const r = await papLogin(d, 'bob', 'builder', { dst: 'http://ok.example/page?a=1' });
    expect(r.status).toBe(302);
    expect(r.statusMessage).toBe('Hotspot redirect');
    expect(header(r, 'location')).toBe('http://ok.example/page?a=1');
    expect(byId(r.body, 'redirect')).toBe('http://ok.example/page?a=1');
  });
});

describe('/status and /logout', () => {
  let vr: VirtualRouter;
  let fpages: VirtualRouter;
  beforeAll(async () => {
    vr = await router();
    fpages = await router(
      await variant({
        write: {
          'fstatus.html': '<p id="fstatus" data-type="$(error-type)">$(error)</p>',
          'flogout.html': '<p id="flogout" data-type="$(error-type)">$(error)</p>',
        },
      }),
    );
  });

  it('/status logged in: status.html', async () => {
    const d = device(vr);
    await papLogin(d);
    const r = await d.get('/status');
    expect(r.status).toBe(200);
    expect(title(r)).toBe('status');
    expect(byId(r.body, 'username')).toBe('alice');
    expect(byId(r.body, 'login-by')).toBe('http-pap');
  });

  it('/status and /logout not logged in, no fstatus/flogout: redirect.html to login', async () => {
    for (const path of ['/status', '/logout']) {
      const r = await device(vr).get(path);
      expect(r.status, path).toBe(302);
      expect(r.statusMessage, path).toBe('Hotspot redirect');
      expect(header(r, 'location'), path).toBe(`${vr.url}/login`);
      expect(byId(r.body, 'redirect'), path).toBe(`${vr.url}/login`);
    }
  });

  it('/status not logged in with fstatus.html: it answers with the not-logged-in text', async () => {
    const r = await device(fpages).get('/status', { 'x-vr-ip': '10.5.50.77' });
    expect(r.status).toBe(200);
    expect(byId(r.body, 'fstatus')).toBe('you are not logged in (ip 10.5.50.77)');
    expect(r.body).toContain('data-type="not-logged-in"');
  });

  it('/logout not logged in with flogout.html: it answers with the not-logged-in text', async () => {
    const r = await device(fpages).get('/logout', { 'x-vr-ip': '10.5.50.78' });
    expect(r.status).toBe(200);
    expect(byId(r.body, 'flogout')).toBe('you are not logged in (ip 10.5.50.78)');
  });

  it('/logout logged in: logout.html, and the session is over', async () => {
    const d = device(fpages);
    await papLogin(d);
    const r = await d.get('/logout');
    expect(r.status).toBe(200);
    expect(byId(r.body, 'bye')).toBe('You have just logged off alice.');
    expect(byId((await d.get('/status')).body, 'fstatus')).toMatch(/^you are not logged in/);
  });
});

describe('404 where RouterOS gives 404', () => {
  it('a path that is no file', async () => {
    const vr = await router();
    for (const path of ['/nosuch.html', '/nosuch', '/css', '/css/', '/css/login', '/css/nosuch.css', '/xx/login', '/lv/nosuch.html']) {
      expect((await device(vr).get(path)).status, path).toBe(404);
    }
  });

  it('a servlet page whose file and fallback are both missing', async () => {
    const vr = await router(await variant({ remove: ['rlogin.html', 'redirect.html', 'login.html', 'alogin.html'] }));
    const d = device(vr);
    expect((await d.get('/')).status).toBe(404);
    expect((await d.get('/status')).status).toBe(404);
    expect((await d.get('/logout')).status).toBe(404);
    expect((await d.get('/login')).status).toBe(404);
    expect((await d.post('/login', { username: 'alice', password: 'wrong' })).status).toBe(404);
    expect((await d.post('/login', { username: 'alice', password: 'secret' })).status).toBe(404);
  });
});

describe('language subdirectories', () => {
  let vr: VirtualRouter;
  beforeAll(async () => (vr = await router()));

  const expectLatvian = (r: Reply, url: string) => {
    expect(r.status).toBe(200);
    expect(title(r)).toBe('pieslēgties');
    expect(byId(r.body, 'meta')).toBe(`target-dir=lv/ login=${url}/lv/login status=${url}/lv/status`);
    expect(byId(r.body, 'links')).toBe(`${url}/lv/login ${url}/lv/logout ${url}/lv/status ${url}/lv/login`);
  };

  it('/lv/login serves lv/login.html with target-dir lv/ and every link in lv/', async () => {
    expectLatvian(await device(vr).get('/lv/login'), vr.url);
  });

  it('/login?target=lv does the same', async () => {
    expectLatvian(await device(vr).get('/login?target=lv'), vr.url);
  });

  it('link-login keeps lv/ and carries dst', async () => {
    const r = await device(vr).get('/lv/login?dst=http%3A%2F%2Fa.example%2F');
    expect(byId(r.body, 'links')?.split(' ')[0]).toBe(`${vr.url}/lv/login?dst=http%3A%2F%2Fa.example%2F`);
  });

  it('a page missing from lv/ comes from the main directory, with lv/ links', async () => {
    const d = device(vr);
    await papLogin(d);
    const r = await d.get('/lv/status');
    expect(r.status).toBe(200);
    expect(title(r)).toBe('status');
    expect(r.body).toContain(`action="${vr.url}/lv/logout"`);
    const alogin = await d.get('/login?target=lv');
    expect(byId(alogin.body, 'alogin')).toBe('You are logged in as alice by http-pap.');
    expect(byId(alogin.body, 'redirect')).toBe(`${vr.url}/lv/status`);
  });

  it('a redirect out of lv/ stays in lv/', async () => {
    const r = await device(vr).get('/lv/status');
    expect(r.status).toBe(302);
    expect(header(r, 'location')).toBe(`${vr.url}/lv/login`);
  });

  it('lv/errors.txt gives the error text shown in lv, by path and by target', async () => {
    const byPath = await device(vr).post('/lv/login', { username: 'alice', password: 'wrong' });
    expect(title(byPath)).toBe('pieslēgties');
    expect(byId(byPath.body, 'error')).toBe('nepareizs lietotājvārds vai parole');
    const byTarget = await device(vr).post('/login', { username: 'alice', password: 'wrong', target: 'lv' });
    expect(byId(byTarget.body, 'error')).toBe('nepareizs lietotājvārds vai parole');
    const main = await device(vr).post('/login', { username: 'alice', password: 'wrong' });
    expect(byId(main.body, 'error')).toBe(INVALID_ALICE);
  });
  it('a folder holding only errors.txt is a page set: main pages, its error texts, its links', async () => {
    const dir = await variant({ write: { 'de/errors.txt': 'invalid-username = Falscher Code, $(username).\n' } });
    const de = await router(dir);
    const r = await device(de).post('/de/login', { username: 'alice', password: 'wrong' });
    expect(title(r)).toBe('mikrotik hotspot > login');
    expect(byId(r.body, 'error')).toBe('Falscher Code, alice.');
    expect(r.body).toContain(`action="${de.url}/de/login"`);
  });
});

describe('static and substituted files', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  const ICO = Buffer.from([0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0, 0x24, 0x28, 0xff, 0xfe]);
  const WOFF2 = Buffer.concat([Buffer.from('wOF2'), Buffer.from([0, 1, 0, 0, 0x80, 0xff, 0x00, 0x24])]);
  const FILES: Record<string, string | Buffer> = {
    'img/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><!-- $(identity) --></svg>',
    'img/pixel.png': PNG,
    'favicon.ico': ICO,
    'fonts/brand.woff2': WOFF2,
    'data/info.json': '{ "brand": "$(identity)" }\n',
    'js/app.js': "$(document).ready(function () { $('#x').text('$(ip)'); });\n",
    'about.htm': '<p id="about">$(identity) $(ip)</p>',
    'notes.txt': 'ip=$(ip) mac=$(mac)\n',
    'help.html': '<p id="help">$(link-login-only)</p>',
  };
  const TYPES: Array<[string, RegExp]> = [
    ['css/style.css', /^text\/css/],
    ['md5.js', /^text\/javascript|^application\/javascript/],
    ['js/app.js', /^text\/javascript|^application\/javascript/],
    ['img/logo.svg', /^image\/svg\+xml/],
    ['img/pixel.png', /^image\/png$/],
    ['favicon.ico', /^image\/(x-icon|vnd\.microsoft\.icon)$/],
    ['fonts/brand.woff2', /^font\/woff2$/],
    ['data/info.json', /^application\/json/],
  ];
  let dir: string;
  let vr: VirtualRouter;
  beforeAll(async () => {
    dir = await variant({ write: FILES });
    vr = await router(dir);
  });

  it.each(TYPES)('%s comes back byte for byte with its MIME type', async (path, type) => {
    const r = await raw(vr, `/${path}`);
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toMatch(type);
    expect(r.body.equals(await readFile(join(dir, path)))).toBe(true);
  });

  it('css and js are not substituted', async () => {
    expect((await raw(vr, '/css/style.css')).body.toString()).toContain('/* $(not-substituted) */');
    expect((await raw(vr, '/js/app.js')).body.toString()).toBe(FILES['js/app.js']);
    expect((await raw(vr, '/data/info.json')).body.toString()).toContain('"$(identity)"');
  });

  it('.htm, .txt and .html are substituted', async () => {
    const d = device(vr);
    const htm = await d.get('/about.htm', { 'x-vr-ip': '10.5.50.90' });
    expect(header(htm, 'content-type')).toMatch(/^text\/html/);
    expect(byId(htm.body, 'about')).toBe('MikroTik 10.5.50.90');
    const txt = await d.get('/notes.txt');
    expect(header(txt, 'content-type')).toMatch(/^text\/plain/);
    expect(txt.body).toBe(`ip=10.5.50.90 mac=${d.mac}\n`);
    expect(byId((await d.get('/help.html')).body, 'help')).toBe(`${vr.url}/login`);
  });

  it('path traversal never leaves the html directory', async () => {
    const outer = await mkdtemp(join(tmpdir(), 'vr-jail-'));
    temps.push(outer);
    await writeFile(join(outer, 'secret.txt'), 'TOP-SECRET\n');
    const html = join(outer, 'html');
    await cp(CLASSIC, html, { recursive: true });
    const jail = await router(html);
    const paths = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/css/..%2f..%2fsecret.txt',
      '/lv/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/../../package.json',
      '/%2e%2e/%2e%2e/%2e%2e/package.json',
    ];
    for (const path of paths) {
      const r = await raw(jail, path);
      expect(r.status, path).toBe(404);
      expect(r.body.toString(), path).not.toMatch(/TOP-SECRET|"name"/);
    }
  });
});

describe('api.json at /api', () => {
  let vr: VirtualRouter;
  beforeAll(async () => (vr = await router()));
  const api = async (d: Device) => {
    const r = await d.get('/api');
    expect(r.status).toBe(200);
    expect(header(r, 'content-type')).toBe('application/captive+json');
    return JSON.parse(r.body) as Record<string, unknown>;
  };

  it('logged out: captive, no remaining figures', async () => {
    const j = await api(device(vr));
    expect(j).toEqual({ captive: true, 'user-portal-url': `${vr.url}/login`, 'can-extend-session': true });
  });

  it('logged in without limits: not captive, no remaining figures', async () => {
    const d = device(vr);
    await papLogin(d);
    expect(await api(d)).toEqual({ captive: false, 'user-portal-url': `${vr.url}/login`, 'can-extend-session': true });
  });

  it('logged in with limit-uptime and limit-bytes-total: remaining seconds and bytes as the router counts them', async () => {
    const d = device(vr);
    await papLogin(d, 'carol', 'quota');
    vr.clock.advance('5m');
    vr.hotspot.addTraffic(d.mac, { bytesIn: 1000, bytesOut: 250_000 });
    const j = await api(d);
    const limits = vr.hotspot.limits(vr.hotspot.sessions.get(d.mac)!);
    expect(j.captive).toBe(false);
    expect(j['seconds-remaining']).toBe(3300);
    expect(j['seconds-remaining']).toBe(Math.floor(limits.timeLeftMs! / 1000));
    expect(j['bytes-remaining']).toBe(749_000);
    expect(j['bytes-remaining']).toBe(limits.remainBytesTotal);
  });
});

describe('requests for other hosts', () => {
  let vr: VirtualRouter;
  beforeAll(async () => (vr = await router(CLASSIC, { ...CONFIG, 'ip/hotspot/walled-garden': [{ 'dst-host': '*.example.org' }] })));

  it('not logged in: rlogin to the hotspot login URL with dst, and link-orig on the login page', async () => {
    const d = device(vr);
    const r = await d.viaProxy('http://example.com/x');
    expect(r.status).toBe(302);
    expect(r.statusMessage).toBe('Hotspot login required');
    const location = new URL(header(r, 'location')!);
    expect(`${location.origin}${location.pathname}`).toBe('http://10.5.50.1/login');
    expect(location.searchParams.get('dst')).toBe('http://example.com/x');
    const login = await d.get(location.href);
    expect(title(login)).toBe('mikrotik hotspot > login');
    expect(inputValue(login.body, 'dst')).toBe('http://example.com/x');
    expect(login.body).toContain('?dst=http%3A%2F%2Fexample.com%2Fx&amp;username=T-');
  });

  it('logged in: the request passes', async () => {
    const d = device(vr);
    await papLogin(d);
    const r = await d.viaProxy('http://example.com/x');
    expect(r.status).toBe(200);
    expect(header(r, 'x-vr-upstream')).toBe('logged in');
  });

  it('the walled garden lets a logged-out client through to matching hosts only', async () => {
    const d = device(vr);
    const open = await d.viaProxy('http://www.example.org/page');
    expect(open.status).toBe(200);
    expect(header(open, 'x-vr-upstream')).toBe('walled garden');
    expect((await d.viaProxy('http://example.org/page')).status).toBe(302);
  });

  it('dst=javascript: is ignored, dst=https: accepted', async () => {
    const d = device(vr);
    const ok = await d.get('/login?dst=https%3A%2F%2Fok.example%2F');
    expect(inputValue(ok.body, 'dst')).toBe('https://ok.example/');
    const js = await d.get('/login?dst=javascript%3Aalert(1)');
    expect(inputValue(js.body, 'dst')).toBe('https://ok.example/');
    expect(js.body).not.toContain('javascript:');
    const fresh = await device(vr).get('/login?dst=javascript%3Aalert(1)');
    expect(inputValue(fresh.body, 'dst')).toBe('');
    expect(fresh.body).not.toContain('javascript:');
  });

  it('a login with dst=javascript: does not redirect there', async () => {
    const d = device(vr);
    const r = await papLogin(d, 'bob', 'builder', { dst: 'javascript:alert(1)' });
    expect(byId(r.body, 'redirect')).toBe(`${vr.url}/status`);
    expect(r.body).not.toContain('javascript:');
  });
});

describe('control API', () => {
  let vr: VirtualRouter;
  beforeAll(async () => (vr = await router()));
  const call = async (method: string, path: string, body?: string) => {
    const r = await fetch(`${vr.url}${path}`, { method, body, headers: { 'content-type': 'application/json' } });
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    return { status: r.status, json: (await r.json()) as Record<string, unknown> };
  };

  it('POST /__vr/clock moves uptime on the status page; /__vr/state lists the session', async () => {
    const d = device(vr);
    await papLogin(d);
    expect(byId((await d.get('/status')).body, 'uptime')).toBe('0s / 0');
    const moved = await call('POST', '/__vr/clock', JSON.stringify({ advance: '5m' }));
    expect(moved.status).toBe(200);
    expect(byId((await d.get('/status')).body, 'uptime')).toBe('5m / 300');
    const state = await call('GET', '/__vr/state');
    expect(state.status).toBe(200);
    expect(state.json.sessions).toEqual([expect.objectContaining({ mac: d.mac, user: 'alice', loginBy: 'http-pap', uptime: '5m' })]);
  });

  it.each([
    ['POST', '/__vr/clock', 'not json'],
    ['POST', '/__vr/clock', '[1, 2]'],
    ['POST', '/__vr/clock', '{"advance":"soon"}'],
    ['POST', '/__vr/clock', '{"advance":"-5m"}'],
    ['POST', '/__vr/traffic', '{"mac":"nope","bytesIn":10}'],
    ['POST', '/__vr/traffic', '{"mac":"02:00:00:00:ff:ff","bytesIn":10}'],
    ['POST', '/__vr/next-error', '{"key":"no-such-key"}'],
  ])('%s %s %s is refused with 400 and a JSON error', async (method, path, body) => {
    const r = await call(method, path, body);
    expect(r.status).toBe(400);
    expect(typeof r.json.error).toBe('string');
    expect(String(r.json.error)).not.toMatch(/\n\s+at /);
  });
});
