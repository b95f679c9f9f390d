/**
 * crypto-js's core holds the whole library's common code; the login page hashes one thing with it,
 * `MD5(Latin1.parse(bytes)).toString()`. What that never touches is left out of the bundle (about
 * 1 KB of the login page): HMAC helpers, random word arrays, clone and create methods, incremental
 * update, the UTF-8 codec (and the string branch that uses it: the page always passes a word array),
 * Hex.parse and Latin1.stringify, and the Object.create polyfill (the page is a module script: every
 * browser that runs it has Object.create). Bundlers cannot do this themselves: these are members of object literals.
 * Members are found in the syntax tree, so formatting does not matter; a member that is not there
 * is simply not removed.
 */
import { parseAst } from 'vite';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** Object members dropped wherever they are, and members dropped from one encoder only. */
// `create` and `update`: the MD5 helper makes its hasher with `new …init()` and hashes in finalize().
const UNUSED_MEMBERS = new Set(['clone', 'random', '_createHmacHelper', 'create', 'update']);
const UNUSED_IN = new Map([
  ['Hex', new Set(['parse'])],
  ['Latin1', new Set(['stringify'])],
]);

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';
const keyName = (p: Node) => ((p['key'] as Node | undefined)?.['name'] as string | undefined) ?? '';

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) out.push(...value.filter(isNode));
    else if (isNode(value)) out.push(value);
  }
  return out;
}

/** `var Hex = C_enc.Hex = { … }`: the object literal and the encoder's name. */
function encoderObject(decl: Node): { name: string; object: Node } | undefined {
  const name = (decl['id'] as Node)['name'] as string;
  let init = decl['init'] as Node | undefined;
  while (init?.type === 'AssignmentExpression') init = init['right'] as Node;
  return init?.type === 'ObjectExpression' ? { name, object: init } : undefined;
}

/** Ranges to cut: each removed member with the comma (and doc comment) that separates it from its neighbour. */
function unusedRanges(code: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const dropMembers = (object: Node, drop: (name: string) => boolean) => {
    const props = object['properties'] as Node[];
    props.forEach((p, i) => {
      if (p.type !== 'Property' || !drop(keyName(p))) return;
      if (i > 0) ranges.push([props[i - 1]!.end, p.end]);
      else ranges.push([p.start, props[i + 1]?.start ?? p.end]);
    });
  };
  const visit = (node: Node) => {
    if (node.type === 'ObjectExpression') dropMembers(node, (name) => UNUSED_MEMBERS.has(name));
    if (node.type === 'VariableDeclarator') {
      const enc = encoderObject(node);
      const only = enc && UNUSED_IN.get(enc.name);
      if (only) dropMembers(enc.object, (name) => only.has(name));
    }
    if (node.type === 'VariableDeclaration') {
      const decls = node['declarations'] as Node[];
      if (decls.length === 1 && (decls[0]!['id'] as Node)['name'] === 'Utf8') return void ranges.push([node.start, node.end]);
    }
    // `if (typeof data == 'string') { data = Utf8.parse(data); }` in _append; `C.HmacMD5 = …` in md5.js.
    if (
      node.type === 'IfStatement' &&
      /^if\s*\(typeof (\w+) == 'string'\)\s*\{\s*\1 = Utf8\.parse\(\1\);\s*\}$/.test(code.slice(node.start, node.end))
    )
      return void ranges.push([node.start, node.end]);
    if (node.type === 'ExpressionStatement' && /^C\.Hmac\w+\s*=/.test(code.slice(node.start, node.end)))
      return void ranges.push([node.start, node.end]);
    // `Object.create || (function () { … }())`: a polyfill for browsers older than any that runs modules.
    if (node.type === 'LogicalExpression' && node['operator'] === '||') {
      const left = node['left'] as Node;
      if (code.slice(left.start, left.end) === 'Object.create') return void ranges.push([left.end, node.end]);
    }
    for (const child of children(node)) visit(child);
  };
  visit(parseAst(code) as unknown as Node);
  return ranges.sort((a, b) => b[0] - a[0]);
}

/** core.js or md5.js (as ES modules) without what MD5 over a word array never uses. */
export function md5OnlyCryptoJs(code: string): string {
  let out = code;
  for (const [start, end] of unusedRanges(code)) out = out.slice(0, start) + out.slice(end);
  return out;
}
