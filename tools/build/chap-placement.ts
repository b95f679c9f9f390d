/**
 * Where `$(chap-id)` and `$(chap-challenge)` may stand (fact sheet §4.2, §10): the router writes them
 * as octal escapes, which are legal only inside a quoted string of a classic, non-strict inline
 * script. Anywhere else (a module, a strict script, a template literal, an attribute, JSON, text)
 * they break the page or leak. They must also sit inside `$(if chap-id)`.
 */
import type { Condition, Node, Template } from '../routeros/engine/index.ts';

const CHAP = /^chap-(id|challenge)(-esc)?$/;
const CLASSIC_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript']);

export interface ChapProblem {
  offset: number;
  message: string;
}

const guards = (c: Condition) => c.name === 'chap-id' && (c.op === undefined || (c.op === '!=' && c.value === ''));

/** The JS lexical state at the end of `code`: which string the position is in, if any. */
export function jsStringState(code: string): '' | "'" | '"' | '`' | 'comment' {
  let state: '' | "'" | '"' | '`' | '//' | '/*' = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '$' && code[i + 1] === '(') {
      // another router token: opaque text, whatever the state
      const end = code.indexOf(')', i);
      if (end < 0) break;
      i = end;
      continue;
    }
    if (state === '//') {
      if (c === '\n') state = '';
    } else if (state === '/*') {
      if (c === '*' && code[i + 1] === '/') {
        state = '';
        i++;
      }
    } else if (state) {
      if (c === '\\') i++;
      else if (c === state) state = '';
    } else if (c === "'" || c === '"' || c === '`') state = c;
    else if (c === '/' && code[i + 1] === '/') state = '//';
    else if (c === '/' && code[i + 1] === '*') state = '/*';
  }
  return state === '//' || state === '/*' ? 'comment' : state;
}

/** Why a chap value at `offset` of the raw text is misplaced, or '' when it is in a classic script string. */
export function scriptContextProblem(text: string, offset: number): string {
  const before = text.slice(0, offset);
  let open: RegExpExecArray | undefined;
  for (const m of before.matchAll(/<script\b[^>]*>/gi)) open = m;
  const lastClose = before.toLowerCase().lastIndexOf('</script');
  if (!open || lastClose > open.index) return 'it is not inside an inline <script>';
  const tag = open[0];
  if (/\ssrc\s*=/i.test(tag)) return 'it is inside a <script src>, whose inline text never runs';
  const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(tag)?.[1]?.toLowerCase() ?? '';
  if (type === 'module') return 'it is inside a module script, which is strict and rejects octal escapes';
  if (!CLASSIC_TYPES.has(type)) return `it is inside a <script type="${type}">, not a classic script`;
  const body = before.slice(open.index + tag.length);
  if (/["']use strict["']/.test(body)) return 'the script is strict ("use strict"), which rejects octal escapes';
  const state = jsStringState(body);
  if (state === '`') return 'it is inside a template literal, which rejects octal escapes';
  if (state === 'comment') return 'it is inside a comment';
  if (state === '') return 'it is not inside a quoted string';
  return '';
}

export function chapPlacementProblems(template: Template): ChapProblem[] {
  const text = template.source.text;
  const problems: ChapProblem[] = [];
  const walk = (nodes: readonly Node[], guarded: boolean) => {
    for (const node of nodes) {
      if (node.kind === 'var' && CHAP.test(node.name)) {
        const why = scriptContextProblem(text, node.offset);
        if (why)
          problems.push({ offset: node.offset, message: `$(${node.name}) must stand inside a quoted string of a classic inline script, but ${why}` });
        else if (!guarded)
          problems.push({
            offset: node.offset,
            message: `$(${node.name}) must be inside "$(if chap-id) … $(endif)" so pages without CHAP get no script`,
          });
      } else if (node.kind === 'if') {
        for (const b of node.branches) walk(b.body, guarded || guards(b.cond));
        if (node.elseBody) walk(node.elseBody, guarded);
      } else if (node.kind === 'status' || node.kind === 'header') walk(node.body, guarded);
    }
  };
  walk(template.nodes, false);
  return problems;
}
