/**
 * Small questions asked of tree-sitter-c-sharp nodes: names as dotted segments, argument lists,
 * initializer members, constant strings. Nothing here knows Batch.
 */
import { children, field, namedChildren, sameNode, type Node } from '../toolkit/treeSitter';

/** Declarations that introduce a type name into the file. */
export const TYPE_DECLARATIONS: ReadonlySet<string> = new Set([
  'class_declaration',
  'struct_declaration',
  'record_declaration',
  'record_struct_declaration',
  'interface_declaration',
  'enum_declaration',
  'delegate_declaration',
]);

export const NAMESPACE_DECLARATIONS: ReadonlySet<string> = new Set(['namespace_declaration', 'file_scoped_namespace_declaration']);

/** The value of `name = value` in a variable declarator, if it has one. */
export function declaratorValue(declarator: Node): Node | undefined {
  let afterEquals = false;
  for (const child of children(declarator)) {
    if (afterEquals && child.isNamed && child.type !== 'comment') return child;
    if (child.type === '=') afterEquals = true;
  }
  return undefined;
}

/**
 * A name as dotted segments: `Microsoft.Azure.Batch.CloudTask` → 4 segments, from a type
 * (qualified_name, `global::` alias) or an expression (member accesses over identifiers).
 * Undefined for anything else (generic names, calls…).
 */
export function segmentsOf(node: Node): string[] | undefined {
  switch (node.type) {
    case 'identifier':
      return [node.text];
    case 'qualified_name':
    case 'member_access_expression': {
      const left = field(node, node.type === 'qualified_name' ? 'qualifier' : 'expression');
      const name = field(node, 'name');
      if (!left || !name || name.type !== 'identifier') return undefined;
      const prefix = segmentsOf(left);
      return prefix ? [...prefix, name.text] : undefined;
    }
    case 'alias_qualified_name': {
      // Only `global::` (the root namespace) means the same as the bare name.
      const alias = field(node, 'alias');
      const name = field(node, 'name');
      return alias?.text === 'global' && name ? segmentsOf(name) : undefined;
    }
    case 'nullable_type': {
      const inner = field(node, 'type');
      return inner ? segmentsOf(inner) : undefined;
    }
    default:
      return undefined;
  }
}

/** The node of the last segment (`CloudTask` in `Microsoft.Azure.Batch.CloudTask`), where hovers anchor. */
export function lastNameNode(node: Node): Node {
  if (node.type === 'qualified_name' || node.type === 'alias_qualified_name' || node.type === 'member_access_expression') {
    const name = field(node, 'name');
    if (name) return lastNameNode(name);
  }
  if (node.type === 'nullable_type') {
    const inner = field(node, 'type');
    if (inner) return lastNameNode(inner);
  }
  return node;
}

/** The text written before the last segment (`Models.` in `Models.StartTask`), '' for a simple name. */
export function qualifierText(node: Node): string {
  const last = lastNameNode(node);
  return node.text.slice(0, last.startIndex - node.startIndex).replace(/\s+/g, '');
}

export interface Argument {
  readonly node: Node;
  /** `name:` of a named argument. */
  readonly name?: string;
  readonly value: Node;
}

/** The value an `argument` node passes (after its `name:`, if any). */
export function argumentValue(argument: Node): Node | undefined {
  const name = field(argument, 'name');
  return namedChildren(argument)
    .filter((c) => c.type !== 'comment' && !sameNode(c, name))
    .pop();
}

/** The arguments of a call or object creation, in order. */
export function argumentsOf(creation: Node): Argument[] {
  const list = field(creation, 'arguments') ?? namedChildren(creation).find((c) => c.type === 'argument_list');
  if (!list) return [];
  const found: Argument[] = [];
  for (const arg of namedChildren(list)) {
    if (arg.type !== 'argument') continue;
    const value = argumentValue(arg);
    if (value) found.push({ node: arg, name: field(arg, 'name')?.text, value });
  }
  return found;
}

/** The `{ … }` of an object creation (explicit or target-typed). */
export function initializerOf(creation: Node): Node | undefined {
  return field(creation, 'initializer') ?? namedChildren(creation).find((c) => c.type === 'initializer_expression');
}

export interface InitializerMember {
  readonly assignment: Node;
  readonly name: Node;
  readonly value: Node;
}

/** `Name = value` members of an object initializer. */
export function initializerMembers(initializer: Node): InitializerMember[] {
  const members: InitializerMember[] = [];
  for (const child of namedChildren(initializer)) {
    if (child.type !== 'assignment_expression') continue;
    const name = field(child, 'left');
    const value = field(child, 'right');
    if (name?.type === 'identifier' && value && field(child, 'operator')?.type === '=') members.push({ assignment: child, name, value });
  }
  return members;
}

export function isObjectCreation(node: Node): boolean {
  return node.type === 'object_creation_expression' || node.type === 'implicit_object_creation_expression';
}

/** The assignment whose left side is exactly `node`, with a plain `=`. */
export function assignmentTo(node: Node): Node | undefined {
  const parent = node.parent;
  if (parent?.type !== 'assignment_expression' || !sameNode(field(parent, 'left'), node)) return undefined;
  return field(parent, 'operator')?.type === '=' ? parent : undefined;
}

/** Skips parentheses and casts: `((CloudTask)x)` → `x` for values. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    if (current.type === 'parenthesized_expression') {
      const inner = namedChildren(current).find((c) => c.type !== 'comment');
      if (!inner) return current;
      current = inner;
    } else return current;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  a: '\u0007',
  b: '\b',
  f: '\f',
  v: '\v',
  e: '\u001b',
};

function decodeEscape(escape: string): string {
  const c = escape[1];
  if (c === 'u' || c === 'x') return String.fromCharCode(parseInt(escape.slice(2), 16));
  if (c === 'U') return String.fromCodePoint(parseInt(escape.slice(2), 16));
  return SIMPLE_ESCAPES[c] ?? c;
}

/**
 * The value of a constant string expression: regular, verbatim, raw and interpolated literals
 * without holes, and `+` of such. Undefined when any part is not constant.
 */
export function constantString(node: Node): string | undefined {
  switch (node.type) {
    case 'string_literal': {
      let value = '';
      for (const part of namedChildren(node)) {
        if (part.type === 'string_literal_content') value += part.text;
        else if (part.type === 'escape_sequence') value += decodeEscape(part.text);
        else return undefined;
      }
      return value;
    }
    case 'verbatim_string_literal':
      return node.text.slice(2, -1).replace(/""/g, '"');
    case 'raw_string_literal':
      return namedChildren(node)
        .filter((c) => c.type === 'raw_string_content')
        .map((c) => c.text)
        .join('');
    case 'interpolated_string_expression': {
      const verbatim = children(node).some((c) => c.type === 'interpolation_start' && c.text.includes('@'));
      let value = '';
      for (const part of namedChildren(node)) {
        if (part.type === 'interpolation_start' || part.type === 'interpolation_quote') continue;
        if (part.type === 'string_content') value += part.text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
        else if (part.type === 'escape_sequence' && !verbatim) value += decodeEscape(part.text);
        else return undefined;
      }
      return verbatim ? value.replace(/""/g, '"') : value;
    }
    case 'binary_expression': {
      if (field(node, 'operator')?.type !== '+') return undefined;
      const left = field(node, 'left');
      const right = field(node, 'right');
      const l = left && constantString(left);
      const r = right && constantString(right);
      return l !== undefined && r !== undefined ? l + r : undefined;
    }
    case 'parenthesized_expression': {
      const inner = unwrap(node);
      return inner === node ? undefined : constantString(inner);
    }
    default:
      return undefined;
  }
}

/** An integer or real literal, optionally negated. */
export function constantNumber(node: Node): number | undefined {
  if (node.type === 'prefix_unary_expression') {
    const operand = namedChildren(node)[0];
    const op = children(node)[0]?.type;
    const n = operand && constantNumber(operand);
    if (n === undefined) return undefined;
    return op === '-' ? -n : op === '+' ? n : undefined;
  }
  if (node.type !== 'integer_literal' && node.type !== 'real_literal') return undefined;
  const raw = node.text.replace(/_/g, '');
  if (/^0x/i.test(raw)) return parseInt(raw.replace(/[uUlL]+$/, ''), 16);
  if (/^0b/i.test(raw)) return parseInt(raw.slice(2).replace(/[uUlL]+$/, ''), 2);
  const value = parseFloat(raw.replace(/[uUlLfFdDmM]+$/, ''));
  return Number.isFinite(value) ? value : undefined;
}
