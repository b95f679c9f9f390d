/**
 * The simulator's control API under `/__vr/` (not part of RouterOS): lets tests, the preview toolbar
 * and scripts move the clock, add traffic and read state (and the settings, as `/ip hotspot export`)
 * over HTTP. Only loopback clients may use it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { UserError } from '../lib/errors.ts';
import type { VirtualRouter } from './virtual-router.ts';
import { normalizeMac } from './hotspot/settings.ts';
import { ERROR_KEYS } from './data/error-messages.ts';

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

function macOf(input: Record<string, unknown>): string {
  const mac = normalizeMac(String(input.mac ?? ''));
  if (!mac) throw new UserError('Give "mac" as a MAC address like 02:00:00:00:00:01.');
  return mac;
}

export function controlApi(router: VirtualRouter) {
  return async (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<boolean> => {
    const path = (req.url ?? '').split('?')[0]!;
    if (!path.startsWith('/__vr/')) return false;
    const remote = req.socket.remoteAddress ?? '';
    if (!/^(127\.|::1$|::ffff:127\.)/.test(remote)) {
      json(res, 403, { error: 'The control API answers loopback clients only.' });
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
          router.clock.advance(String(input.advance ?? ''));
          json(res, 200, router.state());
          return true;
        case 'POST /__vr/traffic': {
          const mac = macOf(input);
          if (!hs.sessions.get(mac)) throw new UserError(`No session for ${mac}: log that device in first.`);
          const n = (k: string) => Number(input[k] ?? 0);
          hs.addTraffic(mac, { bytesIn: n('bytesIn'), bytesOut: n('bytesOut'), packetsIn: n('packetsIn'), packetsOut: n('packetsOut') });
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
