/**
 * Rendering a parsed template against the servlet's variables. Unknown names render as the empty
 * string (what RouterOS does is UNCERTAIN, fact sheet §2.9) and are reported in `unknown` so the
 * servlet can log them and the build check can refuse them.
 */
import type { Condition, Node, Template } from './parse.ts';
import { resolveVariable, type RenderContext } from './variables.ts';

export interface RenderResult {
  body: string;
  /** Set by `$(if http-status == NNN)MESSAGE$(endif)`. */
  status?: { code: number; message: string };
  /** Set by `$(if http-header == NAME)VALUE$(endif)`, in order; the last one of a name wins. */
  headers: Array<[string, string]>;
  /** Names that are not variables in this context, each once, in order of first use. */
  unknown: string[];
}

export function renderTemplate(template: Template, ctx: RenderContext): RenderResult {
  const result: RenderResult = { body: '', headers: [], unknown: [] };
  const unknown = new Set<string>();
  const value = (name: string): string => {
    const v = resolveVariable(name, ctx);
    if (v !== undefined) return v;
    unknown.add(name);
    return '';
  };
  const test = (c: Condition): boolean => {
    const v = value(c.name);
    if (!c.op) return v !== '';
    return c.op === '==' ? v === c.value : v !== c.value;
  };
  const emit = (nodes: readonly Node[]): string => {
    let out = '';
    for (const node of nodes) {
      switch (node.kind) {
        case 'text':
          out += node.text;
          break;
        case 'var':
          out += value(node.name);
          break;
        case 'if': {
          const hit = node.branches.find((b) => test(b.cond));
          const body = hit ? hit.body : node.elseBody;
          if (body) out += emit(body);
          break;
        }
        case 'status':
          result.status = { code: node.code, message: emit(node.body).trim() };
          break;
        case 'header':
          result.headers.push([node.name, emit(node.body).trim()]);
          break;
      }
    }
    return out;
  };
  result.body = emit(template.nodes);
  result.unknown = [...unknown];
  return result;
}

/** Every variable a template mentions, in any branch, with where it stands; for checks and lint. */
export interface VariableUse {
  name: string;
  line: number;
  col: number;
  /** `output` prints the value; `condition` only tests it. */
  use: 'output' | 'condition';
}

export function listVariables(template: Template): VariableUse[] {
  const uses: VariableUse[] = [];
  const at = (name: string, offset: number, use: VariableUse['use']) => {
    const { line, col } = template.source.position(offset);
    uses.push({ name, line, col, use });
  };
  const walk = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (node.kind === 'var') at(node.name, node.offset, 'output');
      else if (node.kind === 'if') {
        for (const b of node.branches) {
          at(b.cond.name, b.offset, 'condition');
          walk(b.body);
        }
        if (node.elseBody) walk(node.elseBody);
      } else if (node.kind === 'status' || node.kind === 'header') walk(node.body);
    }
  };
  walk(template.nodes);
  return uses;
}
