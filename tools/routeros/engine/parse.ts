/**
 * Parser for the RouterOS HotSpot template language (fact sheet §2, §3): `$(name)`, `$(if …)`,
 * `$(elif …)`, `$(else)`, `$(endif)`, and the http-status / http-header directives.
 *
 * The router works on plain text, so the parser does too: tokens are found anywhere (inside tags,
 * scripts, JSON, comments) and the text between them is kept byte for byte.
 */
import { SourceMap, TemplateError, type Position } from './template-error.ts';

export type Operator = '==' | '!=';

export interface Condition {
  name: string;
  /** Absent for the bare form `$(if NAME)`, which is true when the value is not empty. */
  op?: Operator;
  /** The compared value with its optional quotes stripped. */
  value?: string;
}

export type Node = TextNode | VarNode | IfNode | StatusNode | HeaderNode;
export interface TextNode {
  kind: 'text';
  text: string;
}
export interface VarNode {
  kind: 'var';
  name: string;
  offset: number;
}
export interface Branch {
  cond: Condition;
  body: Node[];
  offset: number;
}
export interface IfNode {
  kind: 'if';
  branches: Branch[];
  elseBody?: Node[];
  offset: number;
}
/** `$(if http-status == NNN)MESSAGE$(endif)`: sets the status line instead of testing anything. */
export interface StatusNode {
  kind: 'status';
  code: number;
  body: Node[];
  offset: number;
}
/** `$(if http-header == NAME)VALUE$(endif)`: adds a response header instead of testing anything. */
export interface HeaderNode {
  kind: 'header';
  name: string;
  body: Node[];
  offset: number;
}

/** A written form the router may not accept, reported by lint but rendered all the same. */
export interface TemplateWarning {
  pos: Position;
  message: string;
}

export interface Template {
  file: string;
  nodes: Node[];
  source: SourceMap;
  warnings: TemplateWarning[];
}

// An indexed name may take the -esc suffix after its index (`radius18[0]-esc`), as isKnownVariable allows.
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\[\d+\](?:-esc)?)?$/;
const COND = /^([A-Za-z0-9][A-Za-z0-9_-]*(?:\[\d+\](?:-esc)?)?)(\s*)(.*)$/s;

type Frame = { kind: 'if'; node: IfNode; body: Node[]; sawElse: boolean } | { kind: 'directive'; node: StatusNode | HeaderNode; body: Node[] };

/** Parses a template, throwing a TemplateError that names file, line and column when it is malformed. */
export function parseTemplate(text: string, file: string): Template {
  const source = new SourceMap(text);
  const warnings: TemplateWarning[] = [];
  const fail = (offset: number, problem: string): never => {
    const pos = source.position(offset);
    throw new TemplateError(file, pos, problem, source.lineText(pos.line));
  };

  const root: Node[] = [];
  const stack: Frame[] = [];
  const out = (): Node[] => (stack.length ? stack[stack.length - 1]!.body : root);

  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('$(', i);
    if (start < 0) {
      out().push({ kind: 'text', text: text.slice(i) });
      break;
    }
    if (start > i) out().push({ kind: 'text', text: text.slice(i, start) });
    const end = findClose(text, start + 2);
    if (end < 0) fail(start, 'unterminated "$(": a "$(" must close with ")" on the same line');
    const content = text.slice(start + 2, end);
    i = end + 1;

    const keyword = /^(if|elif)(?:\s+([\s\S]*))?$/.exec(content);
    if (keyword) {
      const kw = keyword[1] as 'if' | 'elif';
      const cond = parseCondition(keyword[2] ?? '', start, kw, fail, (message) => warnings.push({ pos: source.position(start), message }));
      if (kw === 'if') {
        if (cond.name === 'http-status' || cond.name === 'http-header') {
          const node = directive(cond, start, fail);
          out().push(node);
          stack.push({ kind: 'directive', node, body: node.body });
        } else {
          const branch: Branch = { cond, body: [], offset: start };
          const node: IfNode = { kind: 'if', branches: [branch], offset: start };
          out().push(node);
          stack.push({ kind: 'if', node, body: branch.body, sawElse: false });
        }
      } else {
        const top = stack[stack.length - 1];
        if (!top) fail(start, '"$(elif …)" without an open "$(if …)"');
        else if (top.kind === 'directive') fail(start, `"$(if ${directiveName(top.node)} …)" cannot have "$(elif …)"; close it with "$(endif)"`);
        else if (top.sawElse) fail(start, '"$(elif …)" after "$(else)"; "$(else)" must be the last branch');
        else {
          if (cond.name === 'http-status' || cond.name === 'http-header') {
            fail(start, `"${cond.name}" sets the response and can only be used as "$(if ${cond.name} == …)"`);
          }
          const branch: Branch = { cond, body: [], offset: start };
          top.node.branches.push(branch);
          top.body = branch.body;
        }
      }
      continue;
    }
    if (content === 'else') {
      const top = stack[stack.length - 1];
      if (!top) fail(start, '"$(else)" without an open "$(if …)"');
      else if (top.kind === 'directive') fail(start, `"$(if ${directiveName(top.node)} …)" cannot have "$(else)"; close it with "$(endif)"`);
      else if (top.sawElse) fail(start, 'a second "$(else)" in the same "$(if …)"');
      else {
        top.sawElse = true;
        top.node.elseBody = [];
        top.body = top.node.elseBody;
      }
      continue;
    }
    if (content === 'endif') {
      if (!stack.pop()) fail(start, '"$(endif)" without an open "$(if …)"');
      continue;
    }
    if (NAME.test(content)) {
      out().push({ kind: 'var', name: content, offset: start });
      continue;
    }
    fail(
      start,
      `"$(${content.length > 40 ? content.slice(0, 40) + '…' : content})" is neither a variable nor a condition; ` +
        'a literal "$(" cannot stand in a file the router substitutes (move script code into a .js file)',
    );
  }
  const open = stack[0];
  if (open) fail(open.node.offset, `"$(if …)" is never closed: add "$(endif)"`);
  return { file, nodes: root, source, warnings };
}

/** Finds the ")" that ends a token, skipping quoted values inside conditions; -1 when unterminated. */
function findClose(text: string, from: number): number {
  const isCond = /^(?:if|elif)\s/.test(text.slice(from, from + 5));
  let quote = '';
  for (let j = from; j < text.length; j++) {
    const c = text[j]!;
    if (c === '\n') return -1;
    if (quote) {
      if (c === quote) quote = '';
    } else if (isCond && (c === '"' || c === "'")) quote = c;
    else if (c === ')') return j;
  }
  return -1;
}

function parseCondition(
  textIn: string,
  offset: number,
  kw: string,
  fail: (offset: number, problem: string) => never,
  warn: (message: string) => void,
): Condition {
  const text = textIn.trim();
  if (!text) fail(offset, `"$(${kw})" needs a condition, such as "$(${kw} error)" or "$(${kw} trial == 'yes')"`);
  const m = COND.exec(text);
  if (!m) fail(offset, `"$(${kw} ${text})" does not start with a variable name`);
  const [, name, gap, rest] = m as unknown as [string, string, string, string];
  if (!rest) return { name };
  const op = rest.startsWith('==') ? '==' : rest.startsWith('!=') ? '!=' : undefined;
  if (!op) {
    const shown = rest.split(/\s+/)[0];
    fail(offset, `unknown operator "${shown}" in "$(${kw} ${text})": only == and != exist`);
  }
  const afterOp = rest.slice(2);
  if (!gap || !/^\s/.test(afterOp)) warn(`write spaces around "${op}" ("$(${kw} ${name} ${op} …)"); the router's own pages always do`);
  const raw = afterOp.trim();
  if (!raw) fail(offset, `"$(${kw} ${text})" has no value after "${op}"; write "" to compare with the empty string`);
  const q = raw[0];
  if (q === '"' || q === "'") {
    if (raw.length < 2 || raw[raw.length - 1] !== q || raw.slice(1, -1).includes(q)) {
      fail(offset, `the quoted value in "$(${kw} ${text})" is not closed, or text follows it`);
    }
    return { name, op, value: raw.slice(1, -1) };
  }
  if (/\s/.test(raw)) fail(offset, `the value in "$(${kw} ${text})" contains a space: quote it, or use only == and != (no && or ||)`);
  return { name, op, value: raw };
}

function directive(cond: Condition, offset: number, fail: (offset: number, problem: string) => never): StatusNode | HeaderNode {
  if (cond.op !== '==' || cond.value === undefined) {
    fail(offset, `"${cond.name}" sets the response and can only be used as "$(if ${cond.name} == …)"`);
  }
  if (cond.name === 'http-status') {
    if (!/^[1-9][0-9]{2}$/.test(cond.value!)) fail(offset, `http-status must be three digits not starting with 0, not "${cond.value}"`);
    return { kind: 'status', code: Number(cond.value), body: [], offset };
  }
  if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(cond.value!)) fail(offset, `"${cond.value}" is not a valid HTTP header name`);
  return { kind: 'header', name: cond.value!, body: [], offset };
}

function directiveName(node: StatusNode | HeaderNode): string {
  return node.kind === 'status' ? 'http-status' : 'http-header';
}
