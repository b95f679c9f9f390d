/**
 * The Handlebars page shells as the router fills them: the no-store pages say so, rlogin and redirect
 * answer a real 302 to link-redirect, router values arrive only `-esc`-encoded in the data island,
 * and chap values only on the login page.
 */
import { describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { buildCatalogs } from '../../tools/build/catalogs.ts';
import { pagesFor, ROUTER_FILLED } from '../../tools/build/pages.ts';
import { createShells } from '../../tools/build/shells.ts';
import { validateConfig } from '../../tools/config/index.ts';
import { listVariables, parseTemplate, render } from '../../tools/routeros/engine/index.ts';

const config = validateConfig({ ...example, adverts: { urls: ['http://ads.example.com/'] } });
const shells = createShells({ config, root: process.cwd(), catalogs: buildCatalogs(config) });
const pages = new Map(pagesFor(config).map((p) => [p.file, shells.renderPage(p)]));
const serve = (file: string, vars: Record<string, string> = {}) =>
  render(pages.get(file)!, file, { vars: { 'link-redirect': 'http://10.5.50.1/login?dst=x', ...vars } });

describe('page shells', () => {
  it('exist for every servlet page, radvert.html only with adverts', () => {
    expect([...pages.keys()].sort()).toEqual([
      'alogin.html',
      'error.html',
      'flogout.html',
      'fstatus.html',
      'login.html',
      'logout.html',
      'radvert.html',
      'redirect.html',
      'rlogin.html',
      'status.html',
    ]);
    expect(pagesFor(validateConfig(example)).map((p) => p.file)).not.toContain('radvert.html');
  });

  it('send Cache-Control: no-store on login, alogin and status', () => {
    for (const file of ['login.html', 'alogin.html', 'status.html']) {
      expect(Object.fromEntries(serve(file).headers)['Cache-Control'], file).toBe('no-store');
    }
  });

  it.each(['rlogin.html', 'redirect.html', 'radvert.html'])('%s answers a real 302 to link-redirect', (file) => {
    const out = serve(file);
    expect(out.status?.code).toBe(302);
    expect(Object.fromEntries(out.headers)['Location']).toBe('http://10.5.50.1/login?dst=x');
  });

  it('print router values only as -esc inside the data island (link-login-only in no-JavaScript fallbacks, router-computed figures)', () => {
    for (const [file, text] of pages) {
      const island = /<script type="application\/x-hotspot" id="hs-data">([^<]*)<\/script>/.exec(text)?.[1] ?? '';
      expect(island, file).toMatch(/^([a-z0-9-]+=\$\([a-z0-9-]+-esc\))(&[a-z0-9-]+=\$\([a-z0-9-]+-esc\))*$/);
      const outside = listVariables(parseTemplate(text.replace(island, ''), file))
        .filter((u) => u.use === 'output')
        .map((u) => u.name);
      const allowed = [
        ...(file === 'login.html'
          ? ['chap-id', 'chap-challenge']
          : ['rlogin.html', 'redirect.html', 'radvert.html'].includes(file)
            ? ['link-redirect', 'link-login-only']
            : []),
        ...(ROUTER_FILLED[file] ?? []),
      ];
      expect(
        outside.filter((n) => !allowed.includes(n)),
        file,
      ).toEqual([]);
    }
  });

  it('let the router fill the status figures and who is logged in, for guests without JavaScript', () => {
    const body = serve('status.html', {
      username: 'ann<b>',
      'username-esc': 'ann%3Cb%3E',
      ip: '10.5.50.9',
      uptime: '1h2m',
      'bytes-out-nice': '12.3 MiB',
      'bytes-in-nice': '1.1 MiB',
      'session-time-left': '',
    }).body;
    expect(body).toContain('ann%3Cb%3E');
    expect(body).not.toContain('ann<b>');
    for (const figure of ['10.5.50.9', '1h2m', '12.3 MiB', '1.1 MiB']) expect(body).toContain(figure);
    expect(body).not.toContain('data-figure="time-left"'); // no limit, no row
    expect(serve('status.html', { 'session-time-left': '30m' }).body).toContain('data-figure="time-left"');
  });

  it('fill chap values into the login page script only when the router offers CHAP', () => {
    expect(serve('login.html', { 'chap-id': '\\371', 'chap-challenge': '\\001\\002' }).body).toContain(
      `var hsChap = { id: '\\371', challenge: '\\001\\002' };`,
    );
    expect(serve('login.html').body).not.toContain('hsChap');
  });
});
