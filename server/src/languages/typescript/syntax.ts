/**
 * Small questions asked of the TypeScript, TSX and JavaScript trees (the three grammars share
 * these node types): an object literal's properties by name, string literals' contents and
 * quotes, what an expression is once parentheses and type assertions are taken off. Nothing here
 * knows Batch.
 */
import type { StringQuote } from '../../batch/sdks';
import { children, field, type Node } from '../toolkit/treeSitter';

/** Comments may stand between any two tokens. */
export const COMMENT = 'comment';

/** Wrappers that leave the value an object literal is: parentheses, `as T`, `satisfies T`, `<T>x`, `x!`. */
const TRANSPARENT = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'type_assertion', 'non_null_expression']);

/** The expression inside parentheses and type assertions. */
export function unwrapped(node: Node): Node {
  let n = node;
  for (;;) {
    if (!TRANSPARENT.has(n.type)) return n;
    const inner = n.type === 'type_assertion' ? n.namedChildren.find((c) => c && c.type !== 'type_arguments') : n.namedChild(0);
    if (!inner) return n;
    n = inner;
  }
}

/** The node an expression's value goes to, past the wrappers around it (`(x as T)` → what holds it). */
export function outerOf(node: Node): { outer: Node; parent: Node | null; types: Node[] } {
  let outer = node;
  const types: Node[] = [];
  while (outer.parent && TRANSPARENT.has(outer.parent.type)) {
    const wrapper = outer.parent;
    const type =
      wrapper.type === 'type_assertion'
        ? wrapper.namedChildren.find((c) => c?.type === 'type_arguments')?.namedChild(0)
        : wrapper.namedChild(1);
    if (type && wrapper.type !== 'parenthesized_expression' && wrapper.type !== 'non_null_expression') types.push(type);
    outer = wrapper;
  }
  return { outer, parent: outer.parent, types };
}

/** The quote a string literal (a `string` node) is written in. */
export function stringQuote(literal: Node): StringQuote {
  return literal.text.startsWith('"') ? '"' : "'";
}

/** The contents of a string literal without substitutions (`'a'`, `"a"`, a template without `${}`); undefined otherwise. */
export function stringContent(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string') {
    const raw = node.text.slice(1, -1);
    return raw.includes('\\') ? unescape(raw) : raw;
  }
  if (node.type === 'template_string' && !node.namedChildren.some((c) => c?.type === 'template_substitution')) {
    const raw = node.text.slice(1, -1);
    return raw.includes('\\') ? unescape(raw) : raw;
  }
  return undefined;
}

/** The common escapes (what a key or module name may hold); anything else stays as written. */
function unescape(raw: string): string {
  return raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e.startsWith('u') && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e.startsWith('x') && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    return { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' }[e] ?? e;
  });
}

/** The name a property key spells: `a`, `'a'`, `"a"`, `1`; undefined for a computed key (`[k]`). */
export function keyName(key: Node | undefined): string | undefined {
  if (!key) return undefined;
  switch (key.type) {
    case 'property_identifier':
    case 'shorthand_property_identifier':
    case 'number':
      return key.text;
    case 'string':
      return stringContent(key);
    default:
      return undefined;
  }
}

/** One property of an object literal: `key: value`, `key` (shorthand) or `key() {…}`. */
export interface Property {
  readonly node: Node;
  readonly name: string;
  /** The key as written. */
  readonly key: Node;
  /** The value (for a shorthand, the name itself, which is also the variable read). */
  readonly value: Node;
  readonly shorthand: boolean;
}

/** The properties of an object literal in text order (spreads and computed keys are left out: `spreads` says whether there were any). */
export function propertiesOf(object: Node): { properties: Property[]; spreads: boolean } {
  const properties: Property[] = [];
  let spreads = false;
  for (const child of object.namedChildren) {
    if (!child) continue;
    if (child.type === 'pair') {
      const key = field(child, 'key');
      const value = field(child, 'value');
      const name = keyName(key);
      if (key && value && name !== undefined) properties.push({ node: child, name, key, value, shorthand: false });
    } else if (child.type === 'shorthand_property_identifier') {
      properties.push({ node: child, name: child.text, key: child, value: child, shorthand: true });
    } else if (child.type === 'spread_element') spreads = true;
  }
  return { properties, spreads };
}

/** The last property of an object literal named `name` (a later one replaces an earlier one). */
export function propertyNamed(object: Node, name: string): Property | undefined {
  const found = propertiesOf(object).properties.filter((p) => p.name === name);
  return found[found.length - 1];
}

/** The object literal a property value is, past the wrappers; undefined for anything else. */
export function objectValue(node: Node | undefined): Node | undefined {
  const inner = node && unwrapped(node);
  return inner?.type === 'object' ? inner : undefined;
}

/** The callee of a call as a dotted path of names (`client.task.add`), or undefined past a call or index. */
export function dottedPath(node: Node | undefined): string[] | undefined {
  if (!node) return undefined;
  const n = unwrapped(node);
  if (n.type === 'identifier' || n.type === 'this') return [n.text];
  if (n.type === 'member_expression') {
    const object = field(n, 'object');
    const property = field(n, 'property');
    const head = object && dottedPath(object);
    return head && property ? [...head, property.text] : undefined;
  }
  return undefined;
}

/** The tokens and comments of a node, without the grammar's nulls. */
export function tokensOf(node: Node): Node[] {
  return children(node);
}

/** Expressions that bind looser than `c ? a : b`'s condition: as a condition they need parentheses. */
export const LOOSE_EXPRESSIONS = new Set([
  'ternary_expression',
  'assignment_expression',
  'augmented_assignment_expression',
  'sequence_expression',
  'arrow_function',
  'yield_expression',
]);
