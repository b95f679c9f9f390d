/**
 * The dev server's simulated routers: one live router at the root (the portal as `npm run router`
 * serves it, one device per browser) and one router per toolbar state under /__dev/s/<key>/. Each
 * answers through the servlet's own HTTP handler, mounted so its `$(link-…)` URLs stay under its
 * path. A GET of /__dev/v/<key>/… starts that state afresh first, so reloading a view (after an edit)
 * shows the same page again, even one that changes the router (logout.html logs the guest out).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PortalConfig } from '../config/index.ts';
import { UserError } from '../lib/errors.ts';
import { exampleRouter, type PreviewSetup } from '../router/example-config.ts';
import { controlApi } from '../routeros/control-api.ts';
import { createHttpHandler, MAC_HEADER } from '../routeros/servlet/http-server.ts';
import type { ServletRequest, ServletResponse } from '../routeros/servlet/servlet.ts';
import { VirtualRouter } from '../routeros/virtual-router.ts';
import { createScenario, type Scenario } from './scenario-router.ts';
import { forceColorScheme } from './color-scheme.ts';
import { parseScenarioKey, type RouterState } from './state.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** One request a simulated router answered: what the toolbar shows under "served". */
export interface Served {
  method: string;
  path: string;
  status: number;
  page?: string;
  location?: string;
}

interface Entry {
  scenario: Scenario;
  handler: Handler;
  served: Served[];
}

export interface ScenarioOptions {
  htmlDir: string;
  config: () => PortalConfig;
  log: (line: string) => void;
  /** PEM certificate and key each router imports and serves (npm run dev --https). */
  certificatePem?: string;
  /** The environment (the RADIUS secret) and the demo RADIUS server every router asks (npm run dev --radius demo). */
  setup: PreviewSetup;
}

const MAX_ROUTERS = 200;
const MAX_SERVED = 20;

const SCENARIO_PATH = /^\/__dev\/([sv])\/([^/?]+)(\/[^?]*)?(\?.*)?$/;

/** A request for a state's router (/__dev/s/<key>/…, or /__dev/v/<key>/… to start it afresh): its parts for Scenarios.handle. */
export function scenarioRequest(url: string): { key: string; rest: string; view: boolean } | undefined {
  const m = SCENARIO_PATH.exec(url);
  if (!m) return undefined;
  const [, kind, key, rest = '/', query = ''] = m;
  return { key: decodeURIComponent(key!), rest: rest + query, view: kind === 'v' };
}

/** Every <script> element: what a browser without JavaScript never runs (the data island included). */
export function stripScripts(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '');
}

function hotspotNames(router: VirtualRouter): () => string[] {
  return () => {
    const s = router.hotspot.settings();
    return [s.hostname, s.hotspotAddress, s.dnsName].filter(Boolean);
  };
}

/**
 * Wraps the servlet so each answer is recorded, and its pages shown as the state's browser would:
 * stripped of scripts with JavaScript off, in the forced colour scheme.
 */
function observe(router: VirtualRouter, served: Served[], { js, scheme }: Pick<RouterState, 'js' | 'scheme'>): void {
  const servlet = router.servlet;
  const handle = servlet.handle.bind(servlet);
  servlet.handle = async (req: ServletRequest): Promise<ServletResponse> => {
    const out = await handle(req);
    const header = (name: string) => out.headers.find(([n]) => n.toLowerCase() === name)?.[1];
    served.push({ method: req.method, path: req.url.pathname + req.url.search, status: out.status, page: out.page, location: header('location') });
    if (served.length > MAX_SERVED) served.shift();
    const type = header('content-type') ?? '';
    if (!js && /^text\/html/i.test(type)) out.body = stripScripts(String(out.body));
    if (scheme && /^text\/(html|css)/i.test(type)) out.body = forceColorScheme(String(out.body), scheme);
    return out;
  };
}

export class Scenarios {
  private readonly entries = new Map<string, Entry>();
  private live: { router: VirtualRouter; handler: Handler } | undefined;

  constructor(private readonly o: ScenarioOptions) {}

  /** The router of a state; `fresh` replaces it with a new one in the state's starting point. */
  private entry(key: string, fresh: boolean): Entry {
    const known = this.entries.get(key);
    if (known && !fresh) {
      // Most recently used last, so the oldest are dropped first.
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    const state = parseScenarioKey(key);
    if ('problem' in state) throw new UserError(`The dev state ${key} cannot be read: ${state.problem}.`);
    const scenario = createScenario(this.o.config(), this.o.htmlDir, state, this.o.setup);
    if (this.o.certificatePem) scenario.router.useCertificate(this.o.certificatePem, 'preview.pem');
    const served: Served[] = [];
    observe(scenario.router, served, state);
    const handler = createHttpHandler({
      servlet: scenario.router.servlet,
      hotspotNames: hotspotNames(scenario.router),
      intercept: controlApi(scenario.router),
      log: this.o.log,
      mountPath: `/__dev/s/${key}`,
    });
    const entry = { scenario, handler, served };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > MAX_ROUTERS) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  /**
   * Answers a request below /__dev/s/<key> or /__dev/v/<key>, as the device of that state: the rest of
   * the path goes to the servlet, which builds its links on /__dev/s/<key>.
   */
  handle(req: IncomingMessage, res: ServerResponse, key: string, rest: string, view: boolean): void {
    const entry = this.entry(key, view && (req.method === 'GET' || req.method === 'HEAD'));
    req.url = rest.startsWith('/') ? rest : `/${rest}`;
    req.headers[MAC_HEADER] = entry.scenario.mac;
    entry.handler(req, res);
  }

  /** What the toolbar shows about a state: the device, what setting it up did not manage, what was served. */
  info(key: string) {
    const entry = this.entries.get(key) ?? this.entry(key, false);
    const { router, mac, notes } = entry.scenario;
    return { key, mac, notes, served: entry.served, router: router.state() };
  }

  private liveEntry(): { router: VirtualRouter; handler: Handler } {
    if (!this.live) {
      const router = new VirtualRouter({
        htmlDir: this.o.htmlDir,
        config: exampleRouter(this.o.config(), this.o.setup.env, this.o.setup.radius),
        log: this.o.log,
      });
      if (this.o.certificatePem) router.useCertificate(this.o.certificatePem, 'preview.pem');
      const handler = createHttpHandler({
        servlet: router.servlet,
        hotspotNames: hotspotNames(router),
        intercept: controlApi(router),
        log: this.o.log,
      });
      this.live = { router, handler };
    }
    return this.live;
  }

  /** The live router (created on first use). */
  liveRouter(): VirtualRouter {
    return this.liveEntry().router;
  }

  /** The root router: the portal as a guest's browser meets it, each browser its own device (vr-mac cookie). */
  handleLive(req: IncomingMessage, res: ServerResponse): void {
    this.liveEntry().handler(req, res);
  }

  /** Is this host name the live router's hotspot (its address or DNS name)? */
  isLiveHotspot(hostname: string): boolean {
    return hotspotNames(this.liveEntry().router)().some((n) => n.toLowerCase() === hostname.toLowerCase());
  }

  /** After a config change: every router starts again from the new settings. */
  clear(): void {
    this.entries.clear();
    this.live = undefined;
  }
}
