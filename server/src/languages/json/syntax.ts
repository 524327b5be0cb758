/**
 * Small questions asked of jsonc-parser's tree and scanner: spans, properties by key, the innermost
 * node at an offset, the `"key"` properties found from the key's occurrences, tokens and comments.
 * Nothing here knows Batch.
 */
import { createScanner, type Node } from 'jsonc-parser';
import type { Span } from '../../engine/facts';

/** Scanner token kinds (jsonc-parser's const enum, which a bundler cannot inline from its .d.ts). */
export const Token = {
  OpenBrace: 1,
  CloseBrace: 2,
  OpenBracket: 3,
  CloseBracket: 4,
  Comma: 5,
  Colon: 6,
  String: 10,
  Number: 11,
  LineComment: 12,
  BlockComment: 13,
  EOF: 17,
} as const;

export function spanOf(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}

/** The value of `key` in an object, if the object has that key. */
export function property(object: Node | undefined, key: string): Node | undefined {
  if (!object || object.type !== 'object' || !object.children) return undefined;
  for (const prop of object.children) {
    const keyNode = prop.children?.[0];
    if (keyNode && keyNode.value === key) return prop.children?.[1];
  }
  return undefined;
}

export function stringValue(node: Node | undefined): string | undefined {
  return node && node.type === 'string' ? (node.value as string) : undefined;
}

/** The key of the property whose value is `node`, if it is one. */
export function keyOf(node: Node): string | undefined {
  const parent = node.parent;
  return parent?.type === 'property' && parent.children?.[1] === node ? (parent.children[0].value as string) : undefined;
}

/** The key node of the property whose value is `value`. */
export function keyNodeOf(value: Node): Node | undefined {
  const parent = value.parent;
  return parent?.type === 'property' ? parent.children?.[0] : undefined;
}

/**
 * The innermost node containing `offset`. Children are in offset order, so each level is a
 * binary search: a 50,000-task collection costs a few steps per look-up, not a scan.
 */
export function innermostNodeAt(root: Node, offset: number): Node | undefined {
  if (offset < root.offset || offset >= root.offset + root.length) return undefined;
  let node = root;
  for (;;) {
    const children = node.children;
    if (!children || children.length === 0) return node;
    let lo = 0;
    let hi = children.length - 1;
    let hit: Node | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const child = children[mid];
      if (offset < child.offset) hi = mid - 1;
      else if (offset >= child.offset + child.length) lo = mid + 1;
      else {
        hit = child;
        break;
      }
    }
    if (!hit) return node;
    node = hit;
  }
}

/** A `"key": value` property of an object. */
export interface PropertyAt {
  readonly prop: Node;
  readonly object: Node;
}

/**
 * Every `"key"` property of an object, found from the quoted key's occurrences in the text and
 * confirmed by the tree (strings and comments that merely contain it are not properties).
 */
export function propertiesNamed(text: string, root: Node, key: string): PropertyAt[] {
  const found: PropertyAt[] = [];
  const quoted = `"${key}"`;
  for (let i = text.indexOf(quoted); i !== -1; i = text.indexOf(quoted, i + quoted.length)) {
    const keyNode = innermostNodeAt(root, i + 1);
    const prop = keyNode?.parent;
    if (!keyNode || keyNode.type !== 'string' || keyNode.offset !== i || prop?.type !== 'property' || prop.children?.[0] !== keyNode)
      continue;
    const object = prop.parent;
    if (object?.type === 'object') found.push({ prop, object });
  }
  return found;
}

/** An element of a `copy` array and the object holding that array. */
export interface CopyLoopAt {
  readonly loop: Node;
  readonly object: Node;
}

/**
 * The elements of `copy` arrays whose `name` is `name` (ARM property and variable copy loops),
 * found from the quoted name's occurrences in the text.
 */
export function copyLoopsNamed(text: string, root: Node, name: string): CopyLoopAt[] {
  const found: CopyLoopAt[] = [];
  const quoted = `"${name}"`;
  for (let i = text.indexOf(quoted); i !== -1; i = text.indexOf(quoted, i + quoted.length)) {
    const value = innermostNodeAt(root, i + 1);
    if (!value || value.type !== 'string' || value.offset !== i || keyOf(value) !== 'name') continue;
    const loop = value.parent?.parent;
    const copy = loop?.parent;
    const object = copy?.parent?.parent;
    if (loop?.type === 'object' && copy?.type === 'array' && keyOf(copy) === 'copy' && object?.type === 'object')
      found.push({ loop, object });
  }
  return found;
}

/** The first token at or after `from` that is not whitespace or a comment. */
export function nextToken(text: string, from: number): { kind: number; offset: number } {
  const scanner = createScanner(text, true);
  scanner.setPosition(from);
  const kind = scanner.scan();
  return { kind, offset: scanner.getTokenOffset() };
}

/** The last comma of an object, at the object's own nesting level, before `before`. */
export function lastCommaBefore(text: string, objectStart: number, before: number): number | undefined {
  const scanner = createScanner(text, true);
  scanner.setPosition(objectStart + 1);
  let depth = 0;
  let last: number | undefined;
  for (let kind = scanner.scan(); kind !== Token.EOF && scanner.getTokenOffset() < before; kind = scanner.scan()) {
    if (kind === Token.OpenBrace || kind === Token.OpenBracket) depth++;
    else if (kind === Token.CloseBrace || kind === Token.CloseBracket) depth--;
    else if (kind === Token.Comma && depth === 0) last = scanner.getTokenOffset();
  }
  return last;
}

/** Comment tokens containing `needle`, found with jsonc-parser's scanner (strings are skipped). */
export function commentsContaining(text: string, needle: string): Span[] {
  const spans: Span[] = [];
  if (!text.includes(needle)) return spans;
  const scanner = createScanner(text, false);
  for (let token = scanner.scan(); token !== Token.EOF; token = scanner.scan()) {
    if (token !== Token.LineComment && token !== Token.BlockComment) continue;
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    if (text.slice(start, end).includes(needle)) spans.push({ start, end });
  }
  return spans;
}
