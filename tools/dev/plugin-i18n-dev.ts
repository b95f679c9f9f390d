/**
 * `hotspot:i18n` in the dev server. The build's plugin emits each page's texts as asset files, which a
 * dev server cannot do; this wrapper runs the same plugin, keeps what it emits in memory and serves it
 * at the same URLs, and swaps in a fresh instance when portal.config.ts changes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import type { PortalConfig } from '../config/index.ts';
import { hotspotI18n } from '../build/plugin-i18n.ts';

type Hook = (this: unknown, ...args: unknown[]) => unknown;

function hookOf(hook: unknown): Hook | undefined {
  if (typeof hook === 'function') return hook as Hook;
  if (hook && typeof hook === 'object' && 'handler' in hook) return (hook as { handler: Hook }).handler;
  return undefined;
}

export interface DevI18n {
  plugin: Plugin;
  /** Start over with a new config (the virtual modules must then be invalidated). */
  reset(config: PortalConfig): void;
  /** Answers requests for the emitted text files; returns false for anything else. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
}

export function devI18n(initial: PortalConfig): DevI18n {
  let inner = hotspotI18n(initial);
  const assets = new Map<string, string | Uint8Array>();
  const plugin: Plugin = {
    name: 'hotspot:i18n-dev',
    apply: 'serve',
    resolveId(id, ...rest) {
      return hookOf(inner.resolveId)?.call(this, id, ...rest) as ReturnType<Extract<Plugin['resolveId'], Hook>>;
    },
    load(id, ...rest) {
      const load = hookOf(inner.load);
      if (!load) return undefined;
      // The build plugin names its files itself; here they are kept for serve() instead of written.
      const context = Object.create(this as object, {
        emitFile: {
          value: (file: { fileName?: string; source?: string | Uint8Array }) => {
            if (file.fileName && file.source !== undefined) assets.set(`/${file.fileName}`, file.source);
            return file.fileName ?? '';
          },
        },
      });
      return load.call(context, id, ...rest) as ReturnType<Extract<Plugin['load'], Hook>>;
    },
  };
  return {
    plugin,
    reset(config) {
      inner = hotspotI18n(config);
      assets.clear();
    },
    serve(req, res) {
      const source = assets.get((req.url ?? '').split('?')[0]!);
      if (source === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : source);
      return true;
    },
  };
}
