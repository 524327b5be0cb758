/**
 * What the three tree-sitter adapters ask of a syntax tree in the same way: spans, node identity,
 * children without the grammar's nulls, the node at an occurrence of a word, a name's uses, the
 * comments holding a directive. Nothing here knows a grammar's node types beyond the ones passed in.
 */
import type { Span } from '../../engine/facts';
import type { Node, Tree } from '../../parsing/treeSitter';
import type { Words } from './text';

export type { Node, Tree };

export function spanOf(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}

/** The same syntax node (`id` is a plain field, so this costs no call into the parser). */
export function sameNode(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return !!a && !!b && a.id === b.id;
}

/** The child in a grammar field, or undefined. */
export function field(node: Node, name: string): Node | undefined {
  return node.childForFieldName(name) ?? undefined;
}

export function children(node: Node): Node[] {
  return node.children.filter((c): c is Node => !!c);
}

/** Named children, leaving out the node types in `skip` (a grammar's comments, which may sit anywhere). */
export function namedChildren(node: Node | null | undefined, skip?: ReadonlySet<string>): Node[] {
  if (!node) return [];
  const out: Node[] = [];
  for (const child of node.namedChildren) if (child && !skip?.has(child.type)) out.push(child);
  return out;
}

/** The named node exactly covering [start, end), of the given type when one is given. */
export function nodeAt(tree: Tree, start: number, end: number, type?: string): Node | undefined {
  const node = tree.rootNode.namedDescendantForIndex(start, end);
  return node && node.startIndex === start && node.endIndex === end && (type === undefined || node.type === type) ? node : undefined;
}

/** The nodes of `type` (an identifier by default) spelled `word`, found from the word's occurrences. */
export function nodesNamed(tree: Tree, words: Words, word: string, type = 'identifier'): Node[] {
  const found: Node[] = [];
  for (const offset of words.of(word)) {
    const node = nodeAt(tree, offset, offset + word.length, type);
    if (node) found.push(node);
  }
  return found;
}

/**
 * A name's uses: the identifiers spelled `name` in [start, end), other than the declaration's own
 * at `declaredAt`, that `reference` maps to a use (the node that stands for it, e.g. `this.x` for
 * `x`), or rejects with undefined. The language's symbol table decides in `reference`.
 */
export function usesIn(
  tree: Tree,
  words: Words,
  name: string,
  range: Span,
  declaredAt: number,
  reference: (identifier: Node) => Node | undefined,
): Node[] {
  const uses: Node[] = [];
  for (const offset of words.within(name, range.start, range.end)) {
    if (offset === declaredAt) continue;
    const node = nodeAt(tree, offset, offset + name.length, 'identifier');
    const use = node && reference(node);
    if (use) uses.push(use);
  }
  return uses;
}

/** The nearest proper ancestor of one of `types`. */
export function nearest(node: Node, types: ReadonlySet<string>): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (types.has(n.type)) return n;
  return undefined;
}

/** Comment nodes whose text contains `needle`, found from the text (cheap) and confirmed by the tree. */
export function commentsContaining(tree: Tree, text: string, needle: string, commentTypes: readonly string[]): Span[] {
  const spans: Span[] = [];
  let seenEnd = -1;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) {
    if (i < seenEnd) continue;
    const node = tree.rootNode.descendantForIndex(i, i + needle.length);
    if (node && commentTypes.includes(node.type)) {
      spans.push(spanOf(node));
      seenEnd = node.endIndex;
    }
  }
  return spans;
}
