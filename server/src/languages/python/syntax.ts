/**
 * Small questions asked of tree-sitter-python nodes: dotted names, the call a keyword argument
 * belongs to, a call's arguments by keyword (positional ones named by the SDK's order), the
 * expression inside parentheses. Nothing here knows Batch.
 */
import { sameNode, type Node } from '../toolkit/treeSitter';

/** The expression inside any parentheses (`((x))` is x), unwrapped in a loop: a file may nest them deeper than the stack allows. */
export function unparenthesized(node: Node): Node {
  let inner = node;
  for (
    let child = inner.namedChild(0);
    inner.type === 'parenthesized_expression' && child && inner.namedChildCount === 1;
    child = inner.namedChild(0)
  )
    inner = child;
  return inner;
}

/** `X` or `m.X` as written: the expression an identifier is the last name of. */
export function nameExpression(identifier: Node): Node {
  const parent = identifier.parent;
  return parent?.type === 'attribute' && sameNode(parent.childForFieldName('attribute'), identifier) ? parent : identifier;
}

export function dottedText(node: Node): string {
  return node.namedChildren
    .filter((c): c is Node => !!c && c.type === 'identifier')
    .map((c) => c.text)
    .join('.');
}

export function moduleNameOf(node: Node): string {
  if (node.type === 'relative_import') {
    let prefix = '';
    let rest = '';
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'import_prefix') prefix = child.text;
      else if (child.type === 'dotted_name') rest = dottedText(child);
    }
    return prefix + rest;
  }
  return dottedText(node);
}

export function containsNode(outer: Node, inner: Node): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}

/** The import statement a name is written in (names in imports sit in a dotted_name or aliased_import). */
export function importStatementOf(identifier: Node): Node | undefined {
  let n = identifier.parent;
  if (n?.type !== 'dotted_name' && n?.type !== 'aliased_import') return undefined;
  for (let depth = 0; n && depth < 3; depth++, n = n.parent) {
    if (n.type === 'import_from_statement' || n.type === 'import_statement') return n;
  }
  return undefined;
}

/** The call a keyword argument's name belongs to. */
export function keywordCall(name: Node): Node | undefined {
  const list = name.parent?.parent;
  const call = list?.parent;
  return list?.type === 'argument_list' && call?.type === 'call' ? call : undefined;
}

export function keywordArgument(call: Node, keyword: string): Node | undefined {
  return keywordNameNode(call, keyword)?.value;
}

export function keywordNameNode(call: Node, keyword: string): { name: Node; value: Node } | undefined {
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (arg?.type !== 'keyword_argument') continue;
    const name = arg.childForFieldName('name');
    const value = arg.childForFieldName('value');
    if (name?.text === keyword && value) return { name, value };
  }
  return undefined;
}

/** An argument: its value, and its keyword when it is written with one. */
export interface Argument {
  readonly value: Node;
  readonly name?: Node;
}

/** Keyword arguments by name, positional ones named by the SDK's parameter order. */
export function argumentsOf(call: Node, positional: readonly string[] = []): Map<string, Argument> {
  const args = new Map<string, Argument>();
  let index = 0;
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name');
      const value = arg.childForFieldName('value');
      if (name && value) args.set(name.text, { value, name });
    } else if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') {
      index = positional.length;
    } else {
      const name = positional[index++];
      if (name && !args.has(name)) args.set(name, { value: arg });
    }
  }
  return args;
}

/** Arguments `argumentsOf` cannot name: `*args`, `**kwargs`, and positional ones past the SDK's order. */
export function hasUnreadArguments(call: Node, positional: readonly string[]): boolean {
  let index = 0;
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!arg || arg.type === 'comment' || arg.type === 'keyword_argument') continue;
    if (arg.type === 'list_splat' || arg.type === 'dictionary_splat' || index++ >= positional.length) return true;
  }
  return false;
}

export function calleeName(call: Node): Node {
  const fn = call.childForFieldName('function')!;
  return fn.type === 'attribute' ? (fn.childForFieldName('attribute') ?? fn) : fn;
}

export function isDeleteOrAugmented(attribute: Node): boolean {
  const parent = attribute.parent;
  return (
    parent?.type === 'delete_statement' ||
    (parent?.type === 'augmented_assignment' && sameNode(parent.childForFieldName('left'), attribute))
  );
}

/**
 * A comma missing between two items (`[m.A(…)⏎ m.A(…)]`, the documentation's Python pool sample)
 * parses as `m.A(…).A(…)` with the second `m` alone in an error node before the dot. That name,
 * not the item before it, is what the attribute is read from.
 */
export function objectBeforeMissingComma(attribute: Node): Node | undefined {
  if (!attribute.hasError) return undefined;
  const children = attribute.children;
  const dot = children.findIndex((c) => c?.type === '.');
  const error = dot > 0 ? children[dot - 1] : undefined;
  if (error?.type !== 'ERROR' || error.namedChildCount !== 1 || error.childCount !== 1) return undefined;
  const name = error.namedChild(0);
  return name?.type === 'identifier' ? name : undefined;
}
