/**
 * The portal as the dev server keeps it: the current config, the rendered html directory, and what
 * happens on an edit. portal.config.ts is imported again and every router restarts from it; a page
 * shell is rendered again; either way open pages reload. A broken edit is reported in the terminal
 * and on every open page (Vite's error overlay), and page requests get an error page until the next
 * good edit, which reloads them.
 */
import path from 'node:path';
import type { ViteDevServer } from 'vite';
import { buildCatalogs } from '../build/catalogs.ts';
import { validateConfig, type PortalConfig } from '../config/index.ts';
import { UserError } from '../lib/errors.ts';
import type { PreviewSetup } from '../router/example-config.ts';
import type { ViewModule } from '../build/ssr.ts';
import { renderHtmlDir, ShellError } from './html-output.ts';
import { devI18n, type DevI18n } from './plugin-i18n-dev.ts';
import { Scenarios } from './scenarios.ts';

export interface DevPortalOptions {
  root: string;
  configFile: string;
  config: PortalConfig;
  /** Where the rendered pages are written for the virtual routers to read. */
  htmlDir: string;
  /** PEM certificate and key every simulated router serves (npm run dev --https). */
  certificatePem?: string;
  /** The environment (the RADIUS secret) and the demo RADIUS server the preview's routers ask. */
  setup: PreviewSetup;
}

/** What a file change asks for. */
export type Change = 'config' | 'shells' | 'restart' | 'none';

/** The one line that says why a module did not load (Vite's messages carry colours and code frames). */
function loadProblem(err: unknown): string {
  const text = (err instanceof Error ? err.message : String(err)).replace(/\x1b\[[0-9;]*m/g, '');
  const reason = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !/^Transform failed/.test(l))
    ?.replace(/^\[[A-Z_]+\]\s*/, '');
  const loc = (err as { loc?: { line?: number; column?: number } }).loc;
  return `${loc?.line ? `line ${loc.line}:${loc.column ?? 0}: ` : ''}${reason ?? text}`;
}

export class DevPortal {
  config: PortalConfig;
  /** Why the portal cannot be shown now, until a good edit. */
  broken: ShellError | undefined;
  readonly scenarios: Scenarios;
  readonly i18n: DevI18n;
  server: ViteDevServer | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly o: DevPortalOptions) {
    this.config = o.config;
    this.i18n = devI18n(o.config);
    this.scenarios = new Scenarios({
      htmlDir: o.htmlDir,
      config: () => this.config,
      log: (line) => this.logger()?.warn(line),
      certificatePem: o.certificatePem,
      setup: o.setup,
    });
  }

  private logger() {
    return this.server?.config.logger;
  }

  /** What a change to this file means for the portal. */
  classify(file: string): Change {
    const abs = path.resolve(file);
    if (abs === path.resolve(this.o.configFile)) return 'config';
    const rel = path.relative(this.o.root, abs).split(path.sep).join('/');
    if (rel.startsWith('templates/')) return 'shells';
    // The built-in texts are read once by the Node side (the build's catalogs), not by Vite.
    if (rel.startsWith('portal/i18n/locales/')) return 'restart';
    // The pages are the views as the build renders them: any portal module may be one they use.
    if (rel.startsWith('portal/') && rel.endsWith('.ts')) return 'shells';
    const b = this.config.brand;
    // Every file of the brand that a page carries or links: the terms fragment becomes terms.html.
    const brandFiles = [b.logo, b.favicon, b.hero, b.terms?.page, ...b.font.files.map((f) => f.file)].filter(Boolean) as string[];
    return brandFiles.some((f) => path.resolve(this.o.root, f) === abs) ? 'shells' : 'none';
  }

  /** Renders again (after re-reading the config when asked); one refresh at a time, in order. */
  refresh(reloadConfig: boolean, reload = true): Promise<void> {
    this.queue = this.queue.then(() => this.doRefresh(reloadConfig, reload));
    return this.queue;
  }

  private async doRefresh(reloadConfig: boolean, reload: boolean): Promise<void> {
    const started = Date.now();
    try {
      if (reloadConfig) await this.reloadConfig();
      await renderHtmlDir({
        config: this.config,
        root: this.o.root,
        outDir: this.o.htmlDir,
        transformHtml: (url, html) => this.server!.transformIndexHtml(url, html),
        loadViews: () => this.loadViews(),
      });
      const wasBroken = this.broken !== undefined;
      this.broken = undefined;
      if (reload)
        this.logger()?.info(
          `hotspot: ${reloadConfig ? 'portal.config.ts and ' : ''}pages rendered again in ${Date.now() - started} ms${wasBroken ? '; the error is fixed' : ''}`,
          { timestamp: true },
        );
    } catch (err) {
      this.fail(err);
      return;
    }
    if (reload) this.server?.ws.send({ type: 'full-reload', path: '*' });
  }

  /**
   * The project's page views, loaded afresh through Vite's server-side module loader (so an edit to a
   * component or view reaches the pages the build renders), their components defined in a new
   * registry: Lit's server render finds the edited classes, never the ones loaded before.
   */
  private async loadViews(): Promise<ViewModule> {
    const server = this.server!;
    server.environments.ssr.moduleGraph.invalidateAll();
    const before = globalThis.customElements;
    const registry = new (before.constructor as new () => CustomElementRegistry)();
    globalThis.customElements = registry;
    try {
      const views = (await server.ssrLoadModule(path.join(this.o.root, 'portal/pages/views/index.ts'))) as ViewModule;
      return { ...views, registry };
    } finally {
      // The process's own registry stays as it was (the build renders with the toolkit's components).
      globalThis.customElements = before;
    }
  }

  /**
   * Imports portal.config.ts afresh through Vite's server-side module loader (Node's own import
   * cache would return the first version forever), then validates it as the build does.
   */
  private async reloadConfig(): Promise<void> {
    const server = this.server!;
    const name = path.basename(this.o.configFile);
    let config: PortalConfig;
    try {
      for (const mod of server.environments.ssr.moduleGraph.getModulesByFile(this.o.configFile) ?? [])
        server.environments.ssr.moduleGraph.invalidateModule(mod);
      let loaded: { default?: unknown };
      try {
        loaded = (await server.ssrLoadModule(this.o.configFile)) as { default?: unknown };
      } catch (err) {
        throw new UserError(`${name} could not be loaded: ${loadProblem(err)}; fix the file.`);
      }
      if (loaded.default === undefined) throw new UserError(`${name} has no default export; write "export default defineConfig({ … })".`);
      config = validateConfig(loaded.default, name);
      buildCatalogs(config); // a text problem is the config's problem too
    } catch (err) {
      if (err instanceof UserError) throw new ShellError(err.message, name);
      throw err;
    }
    this.config = config;
    this.i18n.reset(config);
    this.scenarios.clear();
    const graph = this.server?.environments.client.moduleGraph;
    for (const [id, mod] of graph?.idToModuleMap ?? []) if (id.startsWith('\0virtual:hotspot/')) graph!.invalidateModule(mod);
  }

  /** An edit the running server cannot take in: said in the terminal and on open pages. */
  needsRestart(file: string): void {
    const message = `${path.relative(this.o.root, file)} changed: stop npm run dev (Ctrl+C) and start it again to see built-in texts change (texts in portal.config.ts update at once).`;
    this.logger()?.warn(`hotspot: ${message}`, { timestamp: true });
    this.server?.ws.send({ type: 'error', err: { message, stack: '', plugin: 'hotspot:dev', id: file } });
  }

  /** Reports a broken edit in the terminal and on every open page. */
  private fail(err: unknown): void {
    const error =
      err instanceof ShellError
        ? err
        : err instanceof UserError
          ? new ShellError(err.message, 'the portal')
          : new ShellError(`internal error: ${(err as Error)?.stack ?? String(err)}`, 'the dev server');
    this.broken = error;
    this.logger()?.error(`hotspot: ${error.message}`, { timestamp: true });
    this.server?.ws.send({ type: 'error', err: { message: error.message, stack: '', plugin: 'hotspot:dev', id: error.source } });
  }
}
