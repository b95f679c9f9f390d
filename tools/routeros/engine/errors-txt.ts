/**
 * errors.txt (fact sheet §6): `#` comments, blank lines, and `key = message` lines whose messages
 * may use any variable. The servlet fills `error`, `error-orig` and `error-type` from it.
 */
import { errorFact } from '../data/error-messages.ts';
import { parseTemplate, type Template } from './parse.ts';
import { renderTemplate } from './render.ts';
import { SourceMap, TemplateError } from './template-error.ts';
import { lookupSource, type RenderContext } from './variables.ts';

export interface ErrorsTxt {
  file: string;
  messages: ReadonlyMap<string, Template>;
}

const LINE = /^([a-z0-9][a-z0-9-]*)\s*=\s*(.*)$/;

/** Parses errors.txt; a line that is not a comment, blank, or `key = message` names file and line. */
export function parseErrorsTxt(text: string, file: string): ErrorsTxt {
  const map = new SourceMap(text);
  const messages = new Map<string, Template>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const lead = line.length - line.trimStart().length;
    const m = LINE.exec(trimmed);
    if (!m) {
      throw new TemplateError(file, { line: index + 1, col: lead + 1 }, 'this line is not "key = message" (nor a # comment)', line);
    }
    const [, key, message] = m as unknown as [string, string, string];
    const msgCol = lead + trimmed.length - message.length;
    try {
      messages.set(key, parseTemplate(message.trimEnd(), file));
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      throw new TemplateError(file, { line: index + 1, col: msgCol + err.pos.col }, err.problem, map.lineText(index + 1));
    }
  });
  return { file, messages };
}

export interface ErrorVariables {
  error: string;
  'error-orig': string;
  'error-type': string;
}

/**
 * The error trio for `key`. `error-orig` is RouterOS's own English text: the default message of the key,
 * or, for keys whose default message wraps `$(error-orig)` (internal-error, config-error, radius-reply,
 * …), the router's `detail` itself, so that errors.txt's own `internal error ($(error-orig))` does not
 * wrap it twice. `error` is the errors.txt message rendered with every variable plus that trio. A key
 * missing from errors.txt falls back to `error-orig` (UNCERTAIN in the fact sheet; the likely behaviour).
 */
export function errorVariables(key: string, ctx: RenderContext, errorsTxt?: ErrorsTxt, detail = ''): ErrorVariables {
  const fact = errorFact(key);
  const withOrig = (orig: string, base: RenderContext): RenderContext => ({
    ...base,
    vars: (name) => {
      if (name === 'error-orig') return orig;
      if (name === 'error-type') return key;
      return lookupSource(base.vars, name);
    },
  });
  const wrapsDetail = !fact || fact.message.includes('$(error-orig)');
  const orig = wrapsDetail ? detail || key : renderTemplate(parseTemplate(fact.message, `(built-in ${key})`), withOrig(detail, ctx)).body;
  const translated = errorsTxt?.messages.get(key);
  const error = translated ? renderTemplate(translated, withOrig(orig, ctx)).body : orig;
  return { error, 'error-orig': orig, 'error-type': key };
}
