/**
 * Ticket sheets: one ticket per code, drawn from templates/tickets/*.hbs with the brand's logo and
 * colours, the code in large monospaced type, the limits in words of the chosen language, a QR
 * code that opens the login page with the code filled in, and optionally a Wi-Fi QR code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import QRCode from 'qrcode';
import { isSvg, readBrandSvg, svgDataUrl } from '../build/brand-svg.ts';
import { UserError } from '../lib/errors.ts';
import type { VoucherSettings } from '../../portal/hotspot/login.ts';
import { printedCode } from './codes.ts';
import { bytesWords, durationWords, rateWords, type VoucherLimits } from './limits.ts';
import { textDirection, ticketTexts } from './ticket-texts.ts';

export const PAPERS = ['a4', 'letter', '58mm', '80mm'] as const;
export type Paper = (typeof PAPERS)[number];

/** Page size, margin, tickets per page and grid row height of each paper. */
const LAYOUT: Record<Paper, { size: string; margin: string; perPage: number; rowHeight: string }> = {
  a4: { size: 'A4', margin: '10mm', perPage: 10, rowHeight: '55mm' },
  letter: { size: 'letter', margin: '10mm', perPage: 10, rowHeight: '51mm' },
  '58mm': { size: '58mm 90mm', margin: '2mm', perPage: 1, rowHeight: 'auto' },
  '80mm': { size: '80mm 100mm', margin: '3mm', perPage: 1, rowHeight: 'auto' },
};

export interface TicketBrand {
  /** The network name printed on each ticket. */
  network: string;
  /** Logo file relative to `root` (SVG or PNG/JPEG), or undefined. */
  logo?: string;
  root: string;
  colors: { primary: string; onPrimary: string; text: string; muted: string; surface: string };
  font: string;
}

export interface SheetRequest {
  codes: readonly string[];
  limits: VoucherLimits;
  sharedUsers?: number;
  price?: string;
  /** The host guests reach the login page at (hotspot dns-name or address). */
  portalHost: string;
  voucher: VoucherSettings;
  brand: TicketBrand;
  locale: string;
  paper: Paper;
  /** With a Wi-Fi QR code for this network name. */
  ssid?: string;
  templatesDir?: string;
}

const HOST = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** The link a ticket's QR code opens. The host comes from the router, so it is checked before use. */
export function loginUrl(host: string, code: string): string {
  if (!HOST.test(host))
    throw new UserError(
      `The hotspot's address "${host}" is not a host name or IPv4 address a phone can open: set dns-name on the hotspot profile or pass --dns-name.`,
    );
  return `http://${host}/login?voucher=${encodeURIComponent(code)}`;
}

/** `WIFI:S:<ssid>;T:nopass;;` with `\`, `;`, `,`, `:` and `"` escaped as the format asks. */
export function wifiPayload(ssid: string): string {
  return `WIFI:S:${ssid.replace(/([\\;,:"])/g, '\\$1')};T:nopass;;`;
}

function logoUrl(brand: TicketBrand): string | undefined {
  if (!brand.logo) return undefined;
  if (isSvg(brand.logo)) return svgDataUrl(readBrandSvg(brand.root, brand.logo));
  const ext = path.extname(brand.logo).slice(1).toLowerCase();
  const type = ext === 'jpg' ? 'jpeg' : ext;
  try {
    return `data:image/${type};base64,${readFileSync(path.resolve(brand.root, brand.logo)).toString('base64')}`;
  } catch {
    throw new UserError(`${brand.logo} (named in portal.config.ts) cannot be read; add the file or fix the path.`);
  }
}

const qrSvg = (text: string) => QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });

function templates(dir: string): HandlebarsTemplateDelegate {
  const read = (name: string) => {
    try {
      return readFileSync(path.join(dir, name), 'utf8');
    } catch {
      throw new UserError(`The ticket template ${path.join(dir, name)} is missing: restore it from the toolkit (templates/tickets/).`);
    }
  };
  const hb = Handlebars.create();
  hb.registerPartial('ticket', read('ticket.hbs'));
  hb.registerPartial('ticket-style', read('style.hbs'));
  return hb.compile(read('sheet.hbs'), { strict: false });
}

/** The ticket sheet as one self-contained HTML page (no external files), ready to print or render to PDF. */
export async function renderSheet(req: SheetRequest): Promise<string> {
  const t = ticketTexts(req.locale);
  const layout = LAYOUT[req.paper];
  const limits: Array<{ label: string; value: string }> = [];
  if (req.limits.uptime) limits.push({ label: t.time, value: durationWords(req.limits.uptime, req.locale) });
  if (req.limits.bytes) limits.push({ label: t.data, value: bytesWords(req.limits.bytes, req.locale) });
  if (req.limits.rateLimit) limits.push({ label: t.speed, value: rateWords(req.limits.rateLimit, req.locale) });
  if (req.sharedUsers && req.sharedUsers > 1) limits.push({ label: t.devices, value: new Intl.NumberFormat(req.locale).format(req.sharedUsers) });
  const wifiQr = req.ssid ? await qrSvg(wifiPayload(req.ssid)) : '';
  const logo = logoUrl(req.brand);
  const tickets = await Promise.all(
    req.codes.map(async (code) => {
      const url = loginUrl(req.portalHost, code);
      return {
        network: req.brand.network,
        logo,
        price: req.price,
        code: printedCode(code, req.voucher),
        limits,
        qr: await qrSvg(url),
        loginUrl: `http://${req.portalHost}/login`,
        wifiQr,
        ssid: req.ssid,
        t,
      };
    }),
  );
  const pages: (typeof tickets)[] = [];
  for (let i = 0; i < tickets.length; i += layout.perPage) pages.push(tickets.slice(i, i + layout.perPage));
  const render = templates(req.templatesDir ?? path.resolve(req.brand.root, 'templates', 'tickets'));
  return render({
    lang: req.locale,
    dir: textDirection(req.locale),
    title: `${t.title} · ${req.brand.network}`,
    paper: req.paper,
    pageSize: layout.size,
    pageMargin: layout.margin,
    rowHeight: layout.rowHeight,
    colors: req.brand.colors,
    font: req.brand.font.replace(/[<>{};]/g, ''),
    pages,
  });
}
