/**
 * Adding `using` directives the way the file already writes them: in the using block nearest to
 * the code (a namespace block's own usings, else the file's), at the sorted position when the
 * block is sorted (plain or System-first), else after the last one; indentation and line ending
 * copied. Computed from the current text and tree on every analysis, so two fixes adding the
 * same using produce the same edit (fix-all keeps it once).
 */
import { detectEol, indentationAt, lineStart } from '../../engine/edits';
import type { TextEdit } from '../../engine/language';
import type { Node, Tree } from '../treeSitterSupport';
import type { Reach, UsingDirective } from './reach';
import { namedChildren } from './syntax';

type Compare = (a: string, b: string) => number;

const ordinalIgnoreCase: Compare = (a, b) => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};
const isSystem = (ns: string) => ns === 'System' || ns.startsWith('System.');
const systemFirst: Compare = (a, b) => Number(!isSystem(a)) - Number(!isSystem(b)) || ordinalIgnoreCase(a, b);

function sortedBy(names: readonly string[], compare: Compare): boolean {
  for (let i = 1; i < names.length; i++) if (compare(names[i - 1], names[i]) > 0) return false;
  return true;
}

/** The order a block of usings keeps, or undefined when it keeps none. */
function orderOf(names: readonly string[]): Compare | undefined {
  if (sortedBy(names, systemFirst)) return systemFirst;
  if (sortedBy(names, ordinalIgnoreCase)) return ordinalIgnoreCase;
  return undefined;
}

/**
 * Edits adding `using ns;` for each namespace not already reachable at `at`; undefined when the
 * usings they would join have syntax errors (a place taken from them could be inside code).
 */
export function usingEdits(text: string, tree: Tree, reach: Reach, at: number, namespaces: readonly string[]): TextEdit[] | undefined {
  const reachable = reach.reachableNamespaces(at);
  const missing = [...new Set(namespaces)].filter((ns) => !reachable.has(ns));
  if (missing.length === 0) return [];
  const eol = detectEol(text);
  const scopes = reach.scopesAt(at);
  const isPlain = (u: UsingDirective) => !u.alias && !u.isStatic && !u.isGlobal;
  const target = [...scopes].reverse().find((s) => s.usings.some(isPlain)) ?? [...scopes].reverse().find((s) => s.usings.length > 0);
  if (!target) return [insertAtTop(text, tree, missing, eol)];
  if (target.usings.some((u) => u.node.hasError)) return undefined;

  const plain = target.usings.filter(isPlain);
  const line = (indent: string, ns: string) => `${indent}using ${ns};`;
  if (plain.length === 0) {
    // Only aliases, static or global usings: a plain one goes before the first non-global one.
    const anchor = target.usings.find((u) => !u.isGlobal) ?? target.usings[target.usings.length - 1];
    const offset = lineStart(text, anchor.node.startIndex);
    const indent = indentationAt(text, anchor.node.startIndex);
    const ordered = [...missing].sort(ordinalIgnoreCase);
    if (anchor.isGlobal)
      return [
        afterLine(
          text,
          anchor.node,
          ordered.map((ns) => line(indent, ns)),
          eol,
        ),
      ];
    return [{ span: { start: offset, end: offset }, newText: ordered.map((ns) => line(indent, ns) + eol).join('') }];
  }

  const compare = orderOf(plain.map((u) => u.target));
  const ordered = compare ? [...missing].sort(compare) : missing;
  const before = new Map<number, string[]>();
  const after: string[] = [];
  const last = plain[plain.length - 1];
  for (const ns of ordered) {
    const next = compare ? plain.find((u) => compare(ns, u.target) < 0) : undefined;
    if (!next) {
      after.push(line(indentationAt(text, last.node.startIndex), ns));
      continue;
    }
    const offset = lineStart(text, next.node.startIndex);
    const lines = before.get(offset) ?? [];
    lines.push(line(indentationAt(text, next.node.startIndex), ns));
    before.set(offset, lines);
  }
  const edits: TextEdit[] = [...before].map(([offset, lines]) => ({
    span: { start: offset, end: offset },
    newText: lines.map((l) => l + eol).join(''),
  }));
  if (after.length > 0) edits.push(afterLine(text, last.node, after, eol));
  return edits;
}

/** Inserts whole lines after the line holding `node` (right after `node` when code follows it on that line). */
function afterLine(text: string, node: Node, lines: readonly string[], eol: string): TextEdit {
  const newline = text.indexOf('\n', node.endIndex);
  const rest = text.slice(node.endIndex, newline === -1 ? text.length : newline).trim();
  // `using A; class C {`: after the line would be inside the class.
  if (rest !== '' && !rest.startsWith('//'))
    return { span: { start: node.endIndex, end: node.endIndex }, newText: lines.map((l) => eol + l).join('') };
  if (newline === -1) return { span: { start: text.length, end: text.length }, newText: lines.map((l) => eol + l).join('') };
  return { span: { start: newline + 1, end: newline + 1 }, newText: lines.map((l) => l + eol).join('') };
}

/**
 * A file without usings: after its `extern alias` lines, else before the first declaration — above
 * the comments attached to it (no blank line between), below a separated header comment.
 */
function insertAtTop(text: string, tree: Tree, namespaces: readonly string[], eol: string): TextEdit {
  const lines = [...namespaces].sort(systemFirst).map((ns) => `using ${ns};`);
  const block = lines.map((l) => l + eol).join('');
  const nodes = namedChildren(tree.rootNode);
  const externs = nodes.filter((n) => n.type === 'extern_alias_directive');
  if (externs.length > 0) return afterLine(text, externs[externs.length - 1], lines, eol);
  const firstCode = nodes.findIndex((n) => n.type !== 'comment');
  if (firstCode === -1) return { span: { start: 0, end: 0 }, newText: block };
  let start = nodes[firstCode].startIndex;
  for (let i = firstCode - 1; i >= 0; i--) {
    const comment = nodes[i];
    const gap = text.slice(comment.endIndex, start);
    if ((gap.match(/\n/g) ?? []).length > 1) break;
    start = comment.startIndex;
  }
  const offset = lineStart(text, start);
  return { span: { start: offset, end: offset }, newText: block + eol };
}
