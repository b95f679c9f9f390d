/**
 * `hotspot:lit-templates`: minifies the static text of Lit `css\`…\`` and `html\`…\`` literals in
 * portal/ sources. Vite minifies JS but leaves template-literal text alone, and the indentation of
 * component templates and styles would otherwise be a large share of the login page's budget.
 */
import type { Plugin } from 'vite';

/** Whitespace and comment removal that keeps every selector and value meaning the same. */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .replace(/([\s:(,])0\.(\d)/g, '$1.$2')
    .trim();
}

/**
 * Formatting whitespace of an html`` static part: a run with a line break becomes nothing next to a
 * tag boundary (`>` before it, `<`, `>` or `/>` after it) and one space elsewhere (between attributes, or
 * between words); runs without a line break are text and stay as they are.
 */
export function minifyHtmlPart(part: string, atStart: boolean, atEnd: boolean): string {
  return part.replace(/[ \t]*\n\s*/g, (ws, offset: number, whole: string) => {
    const before = offset === 0 ? (atStart ? '>' : '') : whole[offset - 1];
    const after = offset + ws.length >= whole.length ? (atEnd ? '<' : '') : whole[offset + ws.length];
    return before === '>' || after === '<' || after === '>' || (after === '/' && whole[offset + ws.length + 1] === '>') ? '' : ' ';
  });
}

/**
 * Finds the literals after `tag` (css or html) and rewrites their static parts; `${…}` expressions,
 * nested literals included, are copied untouched except that nested html`` is minified too.
 */
export function minifyLitTemplates(code: string): string {
  let out = '';
  let i = 0;
  const tagged = /\b(css|html)`/g;
  for (let m = tagged.exec(code); m; m = tagged.exec(code)) {
    if (m.index < i) continue;
    const start = m.index + m[0].length;
    const end = literalEnd(code, start);
    if (end < 0) break;
    out += code.slice(i, start) + rewrite(code.slice(start, end), m[1] as 'css' | 'html') + '`';
    i = end + 1;
    tagged.lastIndex = i;
  }
  return out + code.slice(i);
}

/** Index of the closing backtick of a literal whose text starts at `from`; -1 when unclosed. */
function literalEnd(code: string, from: number): number {
  for (let j = from; j < code.length; j++) {
    const c = code[j];
    if (c === '\\') j++;
    else if (c === '`') return j;
    else if (c === '$' && code[j + 1] === '{') {
      j = expressionEnd(code, j + 2);
      if (j < 0) return -1;
    }
  }
  return -1;
}

/** Index of the `}` closing an expression that starts at `from`. */
function expressionEnd(code: string, from: number): number {
  let depth = 0;
  for (let j = from; j < code.length; j++) {
    const c = code[j];
    if (c === "'" || c === '"') {
      for (j++; j < code.length && code[j] !== c; j++) if (code[j] === '\\') j++;
    } else if (c === '`') {
      j = literalEnd(code, j + 1);
      if (j < 0) return -1;
    } else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return j;
      depth--;
    }
  }
  return -1;
}

function rewrite(body: string, kind: 'css' | 'html'): string {
  if (kind === 'css') return body.includes('${') ? body : minifyCss(body);
  let out = '';
  let i = 0;
  let first = true;
  while (i <= body.length) {
    const exprStart = findExpression(body, i);
    const part = body.slice(i, exprStart < 0 ? body.length : exprStart);
    out += minifyHtmlPart(part, first, exprStart < 0);
    first = false;
    if (exprStart < 0) break;
    const exprEnd = expressionEnd(body, exprStart + 2);
    out += '${' + minifyLitTemplates(body.slice(exprStart + 2, exprEnd)) + '}';
    i = exprEnd + 1;
  }
  return out;
}

function findExpression(body: string, from: number): number {
  for (let j = from; j < body.length; j++) {
    if (body[j] === '\\') j++;
    else if (body[j] === '$' && body[j + 1] === '{') return j;
  }
  return -1;
}

export function hotspotLitTemplates(): Plugin {
  return {
    name: 'hotspot:lit-templates',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      // Page copies of a module carry a query (hotspot:page-chunks).
      if (!/[\\/]portal[\\/].*\.ts(?:\?|$)/.test(id) || !/\b(css|html)`/.test(code)) return undefined;
      return { code: minifyLitTemplates(code), map: null };
    },
  };
}
