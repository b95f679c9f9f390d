/** Ticket sheets from templates/tickets: one ticket per code, pages by paper, values escaped, limits in words, RTL. */
import { describe, expect, it } from 'vitest';
import { loginUrl, renderSheet, wifiPayload, type SheetRequest } from '../../tools/vouchers/tickets.ts';

const base: SheetRequest = {
  codes: ['ABCDEFGH', 'JKMNPQRS', 'TUVWXYZ2'],
  limits: { uptime: '1h', bytes: 500 * 1024 ** 2, rateLimit: '2M/4M' },
  price: '$2',
  portalHost: 'wifi.acme.example',
  voucher: { case: 'upper', ignore: ' -', password: 'same-as-code' },
  brand: {
    network: 'Acme Guest Wi-Fi',
    logo: 'brand/logo.svg',
    root: '.',
    colors: { primary: '#0b5cad', onPrimary: '#ffffff', text: '#16202c', muted: '#4a5666', surface: '#ffffff' },
    font: 'system-ui, sans-serif',
  },
  locale: 'en',
  paper: 'a4',
};

const count = (html: string, s: string) => html.split(s).length - 1;

describe('ticket sheets', () => {
  it('draws one ticket per code with its grouped code, a QR code, the limits in words and the price', async () => {
    const html = await renderSheet(base);
    expect(count(html, '<article class="ticket">')).toBe(3);
    expect(html).toContain('<div class="code" translate="no">ABCD EFGH</div>');
    expect(count(html, '<figure class="qr login-qr"><svg')).toBe(3);
    expect(html).toContain('<dd>1 hour</dd>');
    expect(html).toContain('<dd>500 megabytes</dd>');
    expect(html).toContain('<dd>4 megabits per second</dd>');
    expect(html).toContain('<span class="price">$2</span>');
    expect(html).toContain('src="data:image/svg+xml,');
    expect(html).not.toContain('wifi-qr');
    expect(html).toMatch(/@page \{ size: A4; margin: 10mm; \}/);
  });

  it('puts ten tickets on an A4 page and one on a roll page, with a Wi-Fi QR code when an SSID is given', async () => {
    const codes = Array.from({ length: 12 }, (_, i) => `CODE${String(i).padStart(4, '2')}`);
    expect(count(await renderSheet({ ...base, codes }), '<section class="page">')).toBe(2);
    const roll = await renderSheet({ ...base, codes, paper: '58mm', ssid: 'Acme Guest' });
    expect(count(roll, '<section class="page">')).toBe(12);
    expect(count(roll, '<figure class="qr wifi-qr"><svg')).toBe(12);
    expect(roll).toMatch(/@page \{ size: 58mm 90mm;/);
  });

  it('escapes what it prints, and writes right-to-left languages right to left', async () => {
    const html = await renderSheet({
      ...base,
      price: '<img src=x onerror=alert(1)>',
      brand: { ...base.brand, network: 'Caf\u00e9 "&" <b>' },
      locale: 'ar',
    });
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toContain('Café &quot;&amp;&quot; &lt;b&gt;');
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('رمز القسيمة');
  });

  it('makes links only to a host a phone can open, and escapes the Wi-Fi name', () => {
    expect(loginUrl('10.5.50.1', 'ABCD')).toBe('http://10.5.50.1/login?voucher=ABCD');
    expect(() => loginUrl('evil.example/x?', 'ABCD')).toThrow(
      /is not a host name or IPv4 address a phone can open: set dns-name on the hotspot profile or pass --dns-name\./,
    );
    expect(wifiPayload('Bar;Cafe:"1"')).toBe('WIFI:S:Bar\\;Cafe\\:\\"1\\";T:nopass;;');
  });
});
