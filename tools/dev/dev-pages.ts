/**
 * The dev server's own documents: the workbench (toolbar and page), the gallery, and the page shown
 * instead of the portal while a shell or the config is broken. They exist only in the dev server; the
 * build never sees them (test/unit/dev-not-in-build.test.ts checks dist/hotspot/).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The toolkit's own folder (the dev UI is served from here even when the project lives elsewhere). */
export const TOOLKIT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const UI_DIR = path.join(TOOLKIT_ROOT, 'tools', 'dev', 'ui');

/** A dev UI module as Vite serves a file outside the project root. */
export function uiModuleUrl(file: string): string {
  return `/@fs/${path.join(UI_DIR, file).split(path.sep).join('/').replace(/^\/+/, '')}`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const SHELL_STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0; background: Canvas; color: CanvasText; }
`;

function document(title: string, body: string, script: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${SHELL_STYLE}</style>
<script type="module" src="${script}"></script>
</head>
<body>
${body}
</body>
</html>
`;
}

export function workbenchHtml(brand: string): string {
  return document(`${brand} · hotspot dev`, '<hs-dev-workbench></hs-dev-workbench>', uiModuleUrl('workbench.ts'));
}

export function galleryHtml(brand: string): string {
  return document(`${brand} · gallery`, '<hs-dev-gallery></hs-dev-gallery>', uiModuleUrl('gallery.ts'));
}

/**
 * What a page request gets while the portal cannot be rendered: the error, where to fix it, and Vite's
 * client, so the next good edit reloads the page by itself.
 */
export function errorPageHtml(message: string, source: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portal error · hotspot dev</title>
<script type="module" src="/@vite/client"></script>
<style>
  body { margin: 0; padding: 1rem; font: 15px/1.5 system-ui, sans-serif; background: #fff5f5; color: #3b0a0a; }
  h1 { font-size: 1.25rem; margin: 0 0 .5rem; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; border: 2px solid #b3261e; border-radius: .5rem; padding: .75rem; font-size: 13px; }
</style>
</head>
<body>
<main>
<h1>The portal cannot be shown: fix ${escapeHtml(source)}</h1>
<pre id="hs-dev-error">${escapeHtml(message)}</pre>
<p>Save the file once it is fixed: this page reloads by itself.</p>
</main>
</body>
</html>
`;
}
