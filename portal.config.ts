/**
 * The portal's brand, languages, login methods and the router settings the pages rely on.
 * This is the file a designer edits (see docs/portal.md); `npm run build` validates it and stops with
 * the field's path and what is expected when a value is wrong.
 */
import { defineConfig } from './tools/config/index.ts';

export default defineConfig({
  brand: {
    name: 'Acme Guest Wi-Fi',
    logo: 'brand/logo.svg',
    favicon: 'brand/favicon.svg',
    colors: {
      primary: '#0b5cad',
      onPrimary: '#ffffff',
      background: '#eef2f7',
      surface: '#ffffff',
      text: '#16202c',
      muted: '#4a5666',
      error: '#b3261e',
    },
    // System fonts: nothing to download on a slow hotspot link. To ship a font, add
    // files: [{ file: 'brand/inter.woff2', weight: 400 }] and name it first in family.
    font: { family: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif' },
    support: {
      text: {
        en: 'Need help? Ask at the front desk.',
        es: '¿Necesita ayuda? Pregunte en recepción.',
        ar: 'هل تحتاج إلى مساعدة؟ اسأل في مكتب الاستقبال.',
      },
      email: 'wifi@acme.example',
      phone: '+1 555 0100',
    },
    terms: {
      text: {
        en: 'I accept the acceptable use policy: no unlawful use, no abuse of the network.',
        es: 'Acepto la política de uso aceptable: nada de usos ilícitos ni abusos de la red.',
        ar: 'أوافق على سياسة الاستخدام المقبول: لا استخدام غير قانوني ولا إساءة لاستخدام الشبكة.',
      },
      // The full terms can be linked: page: 'brand/terms.html' (shipped as terms.html) or
      // url: 'https://…' (whose host the walled garden then opens); see docs/portal.md.
    },
  },
  locales: { default: 'en', list: ['en', 'es', 'ar'] },
  login: {
    // chap: passwords leave the page only as an MD5 challenge response.
    methods: ['chap', 'member', 'voucher', 'trial', 'cookie'],
    defaultMode: 'member',
    continueAfterSeconds: 3,
  },
  // {brand} is brand.name: renaming the brand renames every title.
  texts: {
    ar: { 'login.title': 'مرحبًا بك في شبكة {brand}' },
  },
  budgets: { loginPageKB: 36, totalKB: 150 },
  walledGarden: { hosts: [] },
  router: {
    httpCookieLifetime: '3d',
    trialUptimeLimit: '30m',
    trialUptimeReset: '1d',
    statusAutorefresh: '1m',
    openStatusPage: 'http-login',
  },
  // npm run vouchers -- 192.168.88.1 --count 50 --profile 1h (see README "Vouchers").
  vouchers: {
    profiles: {
      '1h': { uptime: '1h', data: '500M', rateLimit: '2M/4M', price: '$2' },
      '1d': { uptime: '1d', rateLimit: '5M/10M', sharedUsers: 2, price: '$5' },
    },
    ssid: 'Acme Guest',
  },
});
