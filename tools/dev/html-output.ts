/**
 * The dev server's html directory: the files `npm run build` would put in dist/hotspot/ that the
 * router substitutes (every page shell, errors.txt per locale, api.json), rendered from the current
 * templates and config, with each page passed through Vite's HTML transform so its scripts are
 * served (and hot-reloaded) by Vite. The virtual router reads this folder like any html directory,
 * so the pages a designer sees go through the one engine and servlet.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PortalConfig } from '../config/index.ts';
import { buildCatalogs } from '../build/catalogs.ts';
import { pagesFor } from '../build/pages.ts';
import { createShells } from '../build/shells.ts';
import type { ViewModule } from '../build/ssr.ts';
import { extraFiles } from '../build/extra-files.ts';
import { UserError } from '../lib/errors.ts';
import { TemplateError } from '../routeros/engine/index.ts';
import { HtmlDir, listFiles } from '../routeros/servlet/html-dir.ts';

export interface RenderOptions {
  config: PortalConfig;
  /** Project folder: templates/ and the brand files are read from here. */
  root: string;
  outDir: string;
  /** Vite's transformIndexHtml. */
  transformHtml: (url: string, html: string) => Promise<string>;
  /** The project's page views, loaded afresh (tools/build/ssr.ts renders them into the pages). */
  loadViews?: () => Promise<ViewModule>;
}

/** A page or data file the router could not use, with the source file a designer edits. */
export class ShellError extends UserError {
  override name = 'ShellError';
  constructor(
    message: string,
    /** The template or config file to fix, relative to the project. */
    readonly source: string,
    readonly templateError?: TemplateError,
  ) {
    super(message);
  }
}

/** Which template renders a file of the html directory. */
function sourceOf(config: PortalConfig, file: string): string {
  if (/(^|\/)errors\.txt$/.test(file)) return 'templates/errors.txt.hbs';
  if (file === 'api.json') return 'templates/api.json.hbs';
  if (file === 'terms.html') return config.brand.terms?.page ?? 'templates/pages/terms.hbs';
  const spec = pagesFor(config).find((p) => p.file === file);
  return spec ? `templates/pages/${spec.template}.hbs` : file;
}

/**
 * Renders every file and checks it as the router would at start-up; returns the files that changed.
 * Files whose text is unchanged are not rewritten, so the router re-parses only what an edit touched.
 */
export async function renderHtmlDir(o: RenderOptions): Promise<string[]> {
  const { config, outDir } = o;
  let files: Map<string, string | Buffer>;
  try {
    files = await renderFiles(o);
  } catch (err) {
    if (err instanceof UserError) throw new ShellError(err.message, /^(templates\/[^\s:]+)/.exec(err.message)?.[1] ?? 'portal.config.ts');
    throw err;
  }
  mkdirSync(outDir, { recursive: true });
  const changed: string[] = [];
  for (const [file, content] of files) {
    const abs = path.join(outDir, file);
    const old = existsSync(abs) ? readFileSync(abs) : undefined;
    if (old && old.equals(Buffer.from(content))) continue;
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    changed.push(file);
  }
  for (const file of await listFiles(outDir)) {
    if (!files.has(file)) {
      rmSync(path.join(outDir, file));
      changed.push(file);
    }
  }
  try {
    await new HtmlDir(outDir).checkAll();
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    const source = sourceOf(config, path.relative(outDir, path.resolve(err.file)).split(path.sep).join('/'));
    throw new ShellError(`${source} renders a file the router cannot read: ${err.message}`, source, err);
  }
  return changed;
}

async function renderFiles({ config, root, transformHtml, loadViews }: RenderOptions): Promise<Map<string, string | Buffer>> {
  const catalogs = buildCatalogs(config);
  const shells = createShells({ config, root, catalogs, views: await loadViews?.() });
  const out = new Map<string, string | Buffer>();
  for (const spec of pagesFor(config)) out.set(spec.file, await transformHtml(`/${spec.file}`, shells.renderPage(spec)));
  for (const [file, content] of extraFiles(config, root, shells, catalogs)) out.set(file, content);
  return out;
}
