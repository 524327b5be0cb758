/**
 * Small questions asked of tree-sitter-java nodes: children without comments, builder chains
 * (`root.a(…).b(…)`), plain references and type names. Nothing here knows Batch beyond the
 * builder-method prefixes of the model.
 */
import { JAVA } from '../../batch/sdks';
import { field, namedChildren as toolkitNamedChildren, sameNode, type Node } from '../toolkit/treeSitter';

const COMMENT_TYPES: ReadonlySet<string> = new Set(['line_comment', 'block_comment']);

export function isComment(node: Node): boolean {
  return COMMENT_TYPES.has(node.type);
}

/** Named children that are not comments (comments are extras and may sit anywhere). */
export function namedChildren(node: Node | undefined): Node[] {
  return toolkitNamedChildren(node, COMMENT_TYPES);
}

/** Declarations that introduce a type name into the file. */
const TYPE_DECLARATIONS: ReadonlySet<string> = new Set([
  'class_declaration',
  'interface_declaration',
  'enum_declaration',
  'record_declaration',
  'annotation_type_declaration',
]);

export function isTypeDeclaration(node: Node): boolean {
  return TYPE_DECLARATIONS.has(node.type);
}

/** The simple name inside a (possibly qualified or generic) type: where hovers anchor. */
export function simpleTypeNode(typeNode: Node): Node {
  if (typeNode.type === 'scoped_type_identifier') {
    const parts = namedChildren(typeNode);
    return parts[parts.length - 1] ?? typeNode;
  }
  if (typeNode.type === 'generic_type') return simpleTypeNode(namedChildren(typeNode)[0] ?? typeNode);
  return typeNode;
}

// ---------------------------------------------------------------------------------------------
// Builder chains
// ---------------------------------------------------------------------------------------------

/** One call of a chain: `.name(args)`. */
export interface Segment {
  readonly call: Node;
  readonly name: string;
  readonly nameNode: Node;
  readonly args: readonly Node[];
  /** The `.` before the name (absent for an unqualified call). */
  readonly dot?: Node;
}

/** `root.a(…).b(…)…`: the root expression (absent for an unqualified call) and the calls on it. */
export interface Chain {
  readonly root: Node | undefined;
  readonly segments: readonly Segment[];
  /** The outermost call (or the root when there are no calls). */
  readonly outer: Node;
}

export function segmentOf(call: Node): Segment {
  const nameNode = field(call, 'name')!;
  let dot: Node | undefined;
  for (const child of call.children) {
    if (child && child.type === '.' && child.endIndex <= nameNode.startIndex) dot = child;
  }
  return { call, name: nameNode.text, nameNode, args: namedChildren(field(call, 'arguments')), dot };
}

/** The chain `call` belongs to, from its root to its outermost call. */
export function chainThrough(call: Node): Chain {
  const calls: Node[] = [];
  let n: Node = call;
  let root: Node | undefined;
  for (;;) {
    calls.unshift(n);
    const object = field(n, 'object');
    if (object?.type === 'method_invocation') {
      n = object;
      continue;
    }
    root = object;
    break;
  }
  let outer = call;
  for (let p = outer.parent; p?.type === 'method_invocation' && sameNode(field(p, 'object'), outer); p = outer.parent) {
    outer = p;
    calls.push(p);
  }
  return { root, segments: calls.map(segmentOf), outer };
}

/** The chain whose root is `root` (an object creation, a variable). */
export function chainFrom(root: Node): Chain {
  const calls: Node[] = [];
  let outer = root;
  for (let p = outer.parent; p?.type === 'method_invocation' && sameNode(field(p, 'object'), outer); p = outer.parent) {
    outer = p;
    calls.push(p);
  }
  return { root, segments: calls.map(segmentOf), outer };
}

/** Builder methods (`withX` legacy, `setX` new) return the object they are called on. */
export function isBuilderName(name: string): boolean {
  for (const prefix of Object.values(JAVA.setterPrefix)) {
    if (name.length > prefix.length && name.startsWith(prefix) && isUpper(name.charCodeAt(prefix.length))) return true;
  }
  return false;
}

/** The builder calls a chain starts with: the calls still made on its root object. */
export function leadingBuilders(segments: readonly Segment[]): Segment[] {
  const builders: Segment[] = [];
  for (const segment of segments) {
    if (!isBuilderName(segment.name)) break;
    builders.push(segment);
  }
  return builders;
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** An expression without side effects that names an object (`t`, `this.t`, `this`). */
export function isPlainReference(node: Node): boolean {
  if (node.type === 'identifier' || node.type === 'this') return true;
  if (node.type === 'field_access') {
    const object = field(node, 'object');
    return !!object && isPlainReference(object);
  }
  return false;
}
