/**
 * What a client gets when the hotspot lets a request through to the Internet. The simulator has no
 * Internet, so it answers with a small page naming the URL (escaped: the URL is client-chosen).
 */
import type { ServletResponse } from './servlet.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function upstreamPage(url: URL, why: 'logged in' | 'walled garden'): ServletResponse {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Upstream: ${escapeHtml(url.host)}</title></head>
<body><h1>Passed through the hotspot</h1><p>The virtual router let this request through (${why}). A real router would now fetch:</p>
<p><code id="vr-upstream-url">${escapeHtml(url.href)}</code></p></body></html>\n`;
  return {
    status: 200,
    headers: [
      ['Content-Type', 'text/html; charset=utf-8'],
      ['X-VR-Upstream', why],
    ],
    body,
  };
}
