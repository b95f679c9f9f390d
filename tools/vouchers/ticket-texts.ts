/**
 * The words on a ticket, by language. Limits are said by Intl (limits.ts) in any language; these few
 * labels are here for the portal's built-in languages, and English stands in for the others.
 */
export interface TicketTexts {
  code: string;
  time: string;
  data: string;
  speed: string;
  devices: string;
  scanLogin: string;
  scanWifi: string;
  orOpen: string;
  wifi: string;
  title: string;
}

export const TICKET_TEXTS: Readonly<Record<string, TicketTexts>> = {
  en: {
    code: 'Voucher code',
    time: 'Time',
    data: 'Data',
    speed: 'Speed',
    devices: 'Devices',
    scanLogin: 'Scan to log in',
    scanWifi: 'Scan to join the Wi-Fi',
    orOpen: 'or open',
    wifi: 'Wi-Fi',
    title: 'Wi-Fi vouchers',
  },
  es: {
    code: 'Código',
    time: 'Tiempo',
    data: 'Datos',
    speed: 'Velocidad',
    devices: 'Dispositivos',
    scanLogin: 'Escanee para entrar',
    scanWifi: 'Escanee para unirse al Wi-Fi',
    orOpen: 'o abra',
    wifi: 'Wi-Fi',
    title: 'Fichas de Wi-Fi',
  },
  ar: {
    code: 'رمز القسيمة',
    time: 'الوقت',
    data: 'البيانات',
    speed: 'السرعة',
    devices: 'الأجهزة',
    scanLogin: 'امسح لتسجيل الدخول',
    scanWifi: 'امسح للانضمام إلى الشبكة',
    orOpen: 'أو افتح',
    wifi: 'واي فاي',
    title: 'قسائم واي فاي',
  },
};

const RTL = new Set(['ar', 'he', 'fa', 'ur']);

export function ticketTexts(locale: string): TicketTexts {
  return TICKET_TEXTS[locale] ?? TICKET_TEXTS[locale.split('-')[0]!] ?? TICKET_TEXTS.en!;
}

export function textDirection(locale: string): 'rtl' | 'ltr' {
  return RTL.has(locale.split('-')[0]!) ? 'rtl' : 'ltr';
}
