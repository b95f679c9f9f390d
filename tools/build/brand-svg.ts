/**
 * SVG brand files go into the pages themselves, so a first visit makes no request for them: the logo
 * as an inline `<svg>` in the header, the icon as a `data:` URL. Both end up in `.html` files, which
 * the router substitutes, so a file with `$(` in it stops the build here instead of reaching a guest
 * half eaten. Scripts and event handlers are refused too: an inline SVG runs them with the page,
 * where an `<img>` never would.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../lib/errors.ts';

export function isSvg(file: string): boolean {
  return file.toLowerCase().endsWith('.svg');
}

/** The SVG file's markup without prolog, doctype and comments, whitespace between tags collapsed. */
export function readBrandSvg(root: string, file: string): string {
  const abs = path.resolve(root, file);
  if (!existsSync(abs)) throw new UserError(`${file} (named in portal.config.ts) does not exist; add the file or fix the path.`);
  const text = readFileSync(abs, 'utf8');
  const problem = svgProblem(text);
  if (problem) throw new UserError(`${file} ${problem}`);
  return text
    .replace(/^\uFEFF/, '')
    .replace(/<\?xml[\s\S]*?\?>|<!DOCTYPE[^>]*>|<!--[\s\S]*?-->/gi, '')
    .replace(/>\s+</g, '><')
    .trim();
}

/** Why a brand SVG cannot be put into the pages, as the end of a sentence, or undefined. */
export function svgProblem(text: string): string | undefined {
  if (text.includes('$('))
    return 'contains "$(", which the router would take for one of its variables once the image is part of the pages; remove it (an editor\'s metadata or a script is the usual source).';
  if (!/^\s*(?:\uFEFF)?(?:<\?xml[\s\S]*?\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(text) || !/<\/svg>\s*$/i.test(text)) {
    return 'is not an SVG image (it must start with <svg and end with </svg>); export it again as plain SVG.';
  }
  if (/<script|<foreignObject|<[^>]*\son[a-z]+\s*=|javascript:/i.test(text)) {
    return 'contains a script, an event handler or foreign content, which would run in every page once the image is inlined; export it again as plain SVG.';
  }
  return undefined;
}

/** The logo for the header: the SVG root gets the logo's class and size, and is hidden from screen readers (the brand name is text beside it). */
export function inlineLogo(svg: string): string {
  return svg.replace(/^<svg\b([^>]*)>/i, (_, attrs: string) => {
    // The HTML parser needs no xmlns; the rest of the root's attributes stay.
    let rest = attrs.replace(/\s(?:class|width|height|aria-hidden|role|xmlns)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, '');
    // Without a viewBox the drawing keeps its own size and would be cut, not scaled, to 40 px.
    const size = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']?([\\d.]+)(?:px)?["']?`, 'i').exec(attrs)?.[1];
    if (!/\sviewBox\s*=/i.test(rest) && size('width') && size('height')) rest += ` viewBox="0 0 ${size('width')} ${size('height')}"`;
    return `<svg class="hs-logo"${rest.replace(/\s+$/, '')} width="40" height="40" aria-hidden="true">`;
  });
}

/** A `data:image/svg+xml,…` URL, percent-encoded so that it holds no `"`, `<`, `&`, `#` or `$`. */
export function svgDataUrl(svg: string): string {
  // An image needs its namespace; with a viewBox it scales to any icon size without width and height.
  const root = svg.slice(0, svg.indexOf('>'));
  let icon = /\sxmlns\s*=/.test(root) ? svg : svg.replace(/^<svg\b/i, '<svg xmlns="http://www.w3.org/2000/svg"');
  if (/\sviewBox\s*=/i.test(root))
    icon = icon.replace(/^<svg\b[^>]*>/i, (tag) => tag.replace(/\s(?:width|height)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, ''));
  // Attribute values in single quotes (which need no escape), then encodeURIComponent, then the
  // characters that are safe in a double-quoted attribute made readable again.
  const quoted = icon.replace(/\s+/g, ' ').replace(/=\s*"([^"']*)"/g, "='$1'");
  const encoded = encodeURIComponent(quoted).replace(/%(20|2C|2F|3A|3B|3D)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return `data:image/svg+xml,${encoded}`;
}
