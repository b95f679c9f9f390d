/** The pages' HTTPS decisions: where a login posts and with what, and links that keep the guest's scheme. */
import { describe, expect, it } from 'vitest';
import { keepScheme, loginRoute } from '../../portal/hotspot/https.ts';

const chap = { id: '\x01', challenge: 'x'.repeat(16) };
const base = { hostname: 'wifi.acme.example', linkLoginOnly: 'http://wifi.acme.example/login' };
const url = (u: string) => new URL(u);

describe('loginRoute', () => {
  it('on a TLS page with HTTPS login, posts the plain password to the page\'s own login, CHAP or not', () => {
    for (const c of [chap, undefined]) {
      expect(loginRoute({ ...base, https: true, chap: c, page: url('https://wifi.acme.example/login?dst=x') })).toEqual({ action: 'https://wifi.acme.example/login', chap: undefined, overTls: true });
    }
    // A language folder and a preview port stay.
    expect(loginRoute({ ...base, https: true, chap, page: url('https://127.0.0.1:8443/es/login') }).action).toBe('https://127.0.0.1:8443/es/login');
  });

  it('on a plain-HTTP page, uses CHAP when offered, else sends the password to https://<hostname>/login', () => {
    expect(loginRoute({ ...base, https: true, chap, page: url('http://wifi.acme.example/login') })).toEqual({ action: base.linkLoginOnly, chap, overTls: false });
    expect(loginRoute({ ...base, https: true, chap: undefined, page: url('http://10.5.50.1/login') })).toEqual({ action: 'https://wifi.acme.example/login', chap: undefined, overTls: true });
    // The router's own https link wins when it gives one.
    expect(loginRoute({ ...base, https: true, chap: undefined, linkLoginOnly: 'https://127.0.0.1:8443/login', page: url('http://127.0.0.1:8088/login') }).action).toBe('https://127.0.0.1:8443/login');
  });

  it('without HTTPS login, changes nothing: CHAP when offered, else link-login-only', () => {
    expect(loginRoute({ ...base, https: false, chap, page: url('https://wifi.acme.example/login') })).toEqual({ action: base.linkLoginOnly, chap, overTls: false });
    expect(loginRoute({ ...base, https: false, chap: undefined, linkLoginOnly: '', page: url('http://10.5.50.1/login') })).toEqual({ action: 'login', chap: undefined, overTls: false });
  });
});

describe('keepScheme', () => {
  it('turns the router\'s http:// links to its own host into https:// on an https page', () => {
    expect(keepScheme(url('http://wifi.acme.example/status'), url('https://wifi.acme.example/login')).href).toBe('https://wifi.acme.example/status');
    expect(keepScheme(url('http://127.0.0.1:8088/logout?erase-cookie=on'), url('https://127.0.0.1:8443/status')).href).toBe('https://127.0.0.1:8443/logout?erase-cookie=on');
  });

  it('leaves other hosts, https links and plain-HTTP pages alone', () => {
    expect(keepScheme(url('http://example.com/news'), url('https://wifi.acme.example/login')).href).toBe('http://example.com/news');
    expect(keepScheme(url('http://wifi.acme.example/status'), url('http://wifi.acme.example/login')).href).toBe('http://wifi.acme.example/status');
    expect(keepScheme(url('https://wifi.acme.example/status'), url('https://wifi.acme.example/login')).href).toBe('https://wifi.acme.example/status');
  });
});
