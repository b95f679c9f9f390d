/**
 * The simulator's control API under `/__vr/` (not part of RouterOS): lets tests, the preview toolbar
 * and scripts move the clock, add traffic and read state (and the settings, as `/ip hotspot export` and `/radius export`)
 * over HTTP. Only loopback clients may use it, addressed by a loopback name (a DNS-rebinding page
 * cannot), and from a browser only pages of its own origin: a change takes a JSON body, which a page
 * elsewhere cannot send without asking first (CORS), and a cross-site Origin or Sec-Fetch-Site is
 * refused outright. Every input is bounded.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { UserError } from '../lib/errors.ts';
import type { VirtualRouter } from './virtual-router.ts';
import { normalizeMac } from './hotspot/settings.ts';
import { ERROR_KEYS } from './data/error-messages.ts';
import { parseDuration } from './time.ts';

const json = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value, null, 2) + '\n');
};

function parse(body: Buffer): Record<string, unknown> {
  if (!body.length) return {};
  try {
    const v = JSON.parse(body.toString('utf8')) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* answered below */
  }
  throw new UserError('The control API takes a JSON object body.');
}

/** Longest clock advance in one call: enough for any limit a test needs, short of breaking dates. */
const MAX_ADVANCE_MS = 366 * 24 * 3600 * 1000;
/** Largest traffic figure per call (1 PB): beyond it counters stop being exact numbers. */
const MAX_COUNTER = 2 ** 50;

const LOOPBACK_HOST = /^(127(\.\d{1,3}){3}|localhost|\[::1\])(:\d{1,5})?$/i;

/** Why a request may not use the control API, or undefined. */
function refusal(req: IncomingMessage): string | undefined {
  const remote = req.socket.remoteAddress ?? '';
  if (!/^(127\.|::1$|::ffff:127\.)/.test(remote)) return 'The control API answers loopback clients only.';
  const host = req.headers.host ?? '';
  if (!LOOPBACK_HOST.test(host)) return 'The control API answers only requests addressed to 127.0.0.1 or localhost.';
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`)
    return 'The control API takes requests only from pages of its own origin.';
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'The control API takes requests only from pages of its own origin.';
  if (req.method !== 'GET' && req.method !== 'HEAD' && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return 'The control API takes changes as JSON only: send Content-Type: application/json.';
  }
  return undefined;
}

function count(input: Record<string, unknown>, key: string): number {
  const v = input[key] ?? 0;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_COUNTER)
    throw new UserError(`"${key}" must be a whole number from 0 to ${MAX_COUNTER}.`);
  return v;
}

function macOf(input: Record<string, unknown>): string {
  const mac = normalizeMac(String(input.mac ?? ''));
  if (!mac) throw new UserError('Give "mac" as a MAC address like 02:00:00:00:00:01.');
  return mac;
}

function advanceOf(input: Record<string, unknown>): number {
  const text = typeof input.advance === 'string' ? input.advance : '';
  const ms = text.length <= 32 ? parseDuration(text) : undefined;
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0 || ms > MAX_ADVANCE_MS)
    throw new UserError('Give "advance" as a duration from 1s to 366d, such as 5m or 1h30m.');
  return ms;
}

export function controlApi(router: VirtualRouter) {
  return async (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<boolean> => {
    const path = (req.url ?? '').split('?')[0]!;
    if (!path.startsWith('/__vr/')) return false;
    const refused = refusal(req);
    if (refused) {
      json(res, 403, { error: refused });
      return true;
    }
    try {
      const input = parse(body);
      const hs = router.hotspot;
      switch (`${req.method} ${path}`) {
        case 'GET /__vr/export':
          res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
          res.end(await router.export());
          return true;
        case 'GET /__vr/state':
          json(res, 200, router.state());
          return true;
        case 'POST /__vr/clock':
          router.clock.advance(advanceOf(input));
          json(res, 200, router.state());
          return true;
        case 'POST /__vr/traffic': {
          const mac = macOf(input);
          if (!hs.sessions.get(mac)) throw new UserError(`No session for ${mac}: log that device in first.`);
          hs.addTraffic(mac, {
            bytesIn: count(input, 'bytesIn'),
            bytesOut: count(input, 'bytesOut'),
            packetsIn: count(input, 'packetsIn'),
            packetsOut: count(input, 'packetsOut'),
          });
          json(res, 200, router.state());
          return true;
        }
        case 'POST /__vr/remove': {
          hs.end(macOf(input), 'admin');
          json(res, 200, router.state());
          return true;
        }
        case 'POST /__vr/next-error': {
          const key = String(input.key ?? '');
          if (!ERROR_KEYS.has(key)) throw new UserError(`"${key}" is not an errors.txt key; use one of ${[...ERROR_KEYS].join(', ')}.`);
          router.servlet.forcedError = { key, detail: typeof input.detail === 'string' ? input.detail : undefined };
          json(res, 200, { next: key });
          return true;
        }
        default:
          json(res, 404, { error: `No control endpoint ${req.method} ${path}.` });
          return true;
      }
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      json(res, 400, { error: err.message });
      return true;
    }
  };
}
