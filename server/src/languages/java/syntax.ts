/**
 * What the Java adapter asks of a syntax tree: builder chains, the declaration a name refers to,
 * and where a type comes from (this file, an import, a package). Every question starts at a node
 * found from an anchor word and walks up or across from it; nothing here walks the whole tree.
 */
import { JAVA, type JavaSdk } from '../../batch/sdks';
import type { Node, Tree } from '../treeSitterSupport';

export function field(node: Node, name: string): Node | undefined {
  return node.childForFieldName(name) ?? undefined;
}

export function same(a: Node | undefined, b: Node | undefined): boolean {
  return !!a && !!b && a.id === b.id;
}

const COMMENT_TYPES = new Set(['line_comment', 'block_comment']);

export function isComment(node: Node): boolean {
  return COMMENT_TYPES.has(node.type);
}

/** Named children that are not comments (comments are extras and may sit anywhere). */
export function namedChildren(node: Node | undefined): Node[] {
  if (!node) return [];
  const out: Node[] = [];
  for (const child of node.namedChildren) if (child && !isComment(child)) out.push(child);
  return out;
}

/** Offsets of whole-word occurrences of `word` in [start, end). */
export function wordsIn(text: string, word: string, start: number, end: number): number[] {
  const found: number[] = [];
  // A MISSING identifier (error recovery) has an empty name: searching for '' would never advance.
  if (word === '') return found;
  for (let i = text.indexOf(word, start); i !== -1 && i + word.length <= end; i = text.indexOf(word, i + word.length)) {
    if (isIdentifierChar(text.charCodeAt(i - 1)) || isIdentifierChar(text.charCodeAt(i + word.length))) continue;
    found.push(i);
  }
  return found;
}

function isIdentifierChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36 || code > 127
  );
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
  for (let p = outer.parent; p?.type === 'method_invocation' && same(field(p, 'object'), outer); p = outer.parent) {
    outer = p;
    calls.push(p);
  }
  return { root, segments: calls.map(segmentOf), outer };
}

/** The chain whose root is `root` (an object creation, a variable). */
export function chainFrom(root: Node): Chain {
  const calls: Node[] = [];
  let outer = root;
  for (let p = outer.parent; p?.type === 'method_invocation' && same(field(p, 'object'), outer); p = outer.parent) {
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

// ---------------------------------------------------------------------------------------------
// Declarations
// ---------------------------------------------------------------------------------------------

export interface Declaration {
  readonly name: string;
  readonly nameNode: Node;
  /** The declared type; absent for untyped lambda parameters. `var` is kept as written. */
  readonly typeNode?: Node;
  /** The initializer. */
  readonly valueNode?: Node;
  /** The node whose range the name is visible in. */
  readonly scope: Node;
  /** Fields are visible before their declaration; locals only after. */
  readonly isField: boolean;
  readonly key: string;
}

const BLOCK_SCOPES = new Set(['block', 'constructor_body', 'switch_block_statement_group', 'switch_rule']);
const CLASS_BODIES = new Set(['class_body', 'enum_body_declarations', 'interface_body', 'enum_body', 'record_declaration_body']);
const TYPE_DECLARATIONS = new Set([
  'class_declaration',
  'interface_declaration',
  'enum_declaration',
  'record_declaration',
  'annotation_type_declaration',
]);

const DECLARATION_KEYWORD_BEFORE = /\b(?:class|interface|enum|record)\s+$/;

export function isTypeDeclaration(node: Node): boolean {
  return TYPE_DECLARATIONS.has(node.type);
}

// ---------------------------------------------------------------------------------------------
// Where types come from
// ---------------------------------------------------------------------------------------------

/** batch: a Batch model (pkg when known); other: anything else; unknown: the code does not say. */
export type Origin = { readonly kind: 'batch'; readonly pkg?: string } | { readonly kind: 'other' } | { readonly kind: 'unknown' };

export const UNKNOWN: Origin = { kind: 'unknown' };
export const OTHER: Origin = { kind: 'other' };

export interface ImportDecl {
  readonly name: string;
  readonly isStatic: boolean;
  readonly wildcard: boolean;
  readonly start: number;
  readonly end: number;
}

/** A name is in a package when it is the package or below it (`a.b` holds `a.b.C`, not `a.bc.C`). */
export function inPackage(qualified: string, prefix: string): boolean {
  const p = prefix.endsWith('.') ? prefix.slice(0, -1) : prefix;
  return qualified === p || qualified.startsWith(p + '.');
}

export function isOtherService(qualified: string): boolean {
  return JAVA.otherServicePrefixes.some((p) => inPackage(qualified, p));
}

export function isBatchName(qualified: string): boolean {
  return !isOtherService(qualified) && JAVA.batchPackagePrefixes.some((p) => inPackage(qualified, p));
}

export function sdkOfPackage(pkg: string | undefined): JavaSdk | undefined {
  if (!pkg) return undefined;
  for (const sdk of Object.keys(JAVA.sdkRoots) as JavaSdk[]) if (inPackage(pkg, JAVA.sdkRoots[sdk])) return sdk;
  return undefined;
}

/** Every type name the Batch SDKs are known to have: a wildcard import only vouches for these. */
const KNOWN_BATCH_TYPES = new Set<string>([
  ...Object.keys(JAVA.taskTypes),
  ...JAVA.poolTypes,
  ...JAVA.identityTypes,
  ...Object.keys(JAVA.enums),
  ...JAVA.containerTypes,
  ...Object.values(JAVA.taskGetters),
]);

function stripSpace(s: string): string {
  return s.replace(/\s+/g, '');
}

/** The parsed file with the look-ups the adapter needs, each cached for the analysis. */
export class JavaSyntax {
  readonly imports: ImportDecl[] = [];
  packageName?: string;
  packageSpan?: { start: number; end: number };
  /** Start of the first top-level node that is not a package, import or comment. */
  firstDeclarationStart?: number;
  /** A package or import declaration has syntax errors: where the import block ends is unknown. */
  importsBroken = false;
  private readonly declarationsByScope = new Map<number, Map<string, Declaration[]>>();
  private readonly originByName = new Map<string, Origin>();
  private readonly declaredTypes = new Map<string, boolean>();
  readonly batchImported: boolean;
  readonly otherServiceImported: boolean;
  /** Generations the file imports from (wildcards and single types alike). */
  readonly importedSdks = new Set<JavaSdk>();

  constructor(
    readonly text: string,
    readonly tree: Tree,
  ) {
    for (const node of tree.rootNode.namedChildren) {
      if (!node) continue;
      if (node.type === 'package_declaration') {
        const name = namedChildren(node).find((c) => c.type === 'scoped_identifier' || c.type === 'identifier');
        if (name) this.packageName = stripSpace(name.text);
        this.packageSpan = { start: node.startIndex, end: node.endIndex };
        if (node.hasError) this.importsBroken = true;
      } else if (node.type === 'import_declaration') {
        if (node.hasError) this.importsBroken = true;
        const parts = namedChildren(node);
        const name = parts.find((c) => c.type === 'scoped_identifier' || c.type === 'identifier');
        if (!name) continue;
        this.imports.push({
          name: stripSpace(name.text),
          isStatic: node.children.some((c) => c?.type === 'static'),
          wildcard: parts.some((c) => c.type === 'asterisk'),
          start: node.startIndex,
          end: node.endIndex,
        });
      } else if (!isComment(node) && this.firstDeclarationStart === undefined) {
        this.firstDeclarationStart = node.startIndex;
      }
    }
    const names = [...this.imports.map((i) => i.name), ...(this.packageName ? [this.packageName] : [])];
    this.batchImported = names.some(isBatchName);
    this.otherServiceImported = names.some(isOtherService);
    for (const name of names) {
      const sdk = isBatchName(name) ? sdkOfPackage(name) : undefined;
      if (sdk) this.importedSdks.add(sdk);
    }
  }

  /** The one generation the file imports, if exactly one. */
  get fileSdk(): JavaSdk | undefined {
    return this.importedSdks.size === 1 ? [...this.importedSdks][0] : undefined;
  }

  /** The named node exactly covering [start, end). */
  nodeAt(start: number, end: number): Node | undefined {
    const node = this.tree.rootNode.namedDescendantForIndex(start, end);
    return node && node.startIndex === start && node.endIndex === end ? node : undefined;
  }

  // -- types --------------------------------------------------------------------------------------

  /** Whether this file declares a class, interface, enum or record of that name. */
  declaresType(name: string): boolean {
    let declared = this.declaredTypes.get(name);
    if (declared !== undefined) return declared;
    declared = false;
    for (const offset of wordsIn(this.text, name, 0, this.text.length)) {
      // Only an occurrence right after a declaration keyword can be one; the tree confirms it.
      if (!DECLARATION_KEYWORD_BEFORE.test(this.text.slice(Math.max(0, offset - 20), offset))) continue;
      const node = this.nodeAt(offset, offset + name.length);
      if (node?.type === 'identifier' && node.parent && isTypeDeclaration(node.parent) && same(field(node.parent, 'name'), node)) {
        declared = true;
        break;
      }
    }
    this.declaredTypes.set(name, declared);
    return declared;
  }

  /** Where a simple type name written in this file comes from. */
  originOfName(name: string): Origin {
    let origin = this.originByName.get(name);
    if (!origin) this.originByName.set(name, (origin = this.computeOrigin(name)));
    return origin;
  }

  private computeOrigin(name: string): Origin {
    const single = this.imports.find((i) => !i.isStatic && !i.wildcard && i.name.endsWith('.' + name));
    if (single) return isBatchName(single.name) ? { kind: 'batch', pkg: single.name.slice(0, -name.length - 1) } : OTHER;
    if (this.declaresType(name)) return OTHER;
    // A project class of the same package, or one reached through a wildcard: only Batch's own names count.
    if (!KNOWN_BATCH_TYPES.has(name))
      return this.packageName && isBatchName(this.packageName) ? { kind: 'batch', pkg: this.packageName } : OTHER;
    if (this.packageName && isBatchName(this.packageName)) return { kind: 'batch', pkg: this.packageName };
    const wildcards = this.imports.filter((i) => !i.isStatic && i.wildcard && isBatchName(i.name));
    if (wildcards.length > 0) {
      const sdks = new Set(wildcards.map((w) => sdkOfPackage(w.name)));
      return sdks.size === 1 ? { kind: 'batch', pkg: wildcards[0].name } : { kind: 'batch' };
    }
    return this.batchImported ? { kind: 'batch' } : OTHER;
  }

  /** A type as written: `T`, `a.b.T`, `List<T>` (→ List). */
  typeOf(typeNode: Node | undefined): { name: string; origin: Origin } | undefined {
    if (!typeNode) return undefined;
    switch (typeNode.type) {
      case 'type_identifier':
        return { name: typeNode.text, origin: this.originOfName(typeNode.text) };
      case 'scoped_type_identifier': {
        const qualified = stripSpace(typeNode.text);
        const dot = qualified.lastIndexOf('.');
        const pkg = qualified.slice(0, dot);
        return { name: qualified.slice(dot + 1), origin: isBatchName(pkg) ? { kind: 'batch', pkg } : OTHER };
      }
      case 'generic_type':
        return this.typeOf(namedChildren(typeNode)[0]);
      default:
        return undefined;
    }
  }

  /** The type named by an expression used as a type (`ElevationLevel` or `a.b.ElevationLevel` in `….ADMIN`). */
  typeOfExpression(node: Node): { name: string; origin: Origin } | undefined {
    if (node.type === 'identifier') return { name: node.text, origin: this.originOfName(node.text) };
    if (node.type === 'field_access' || node.type === 'scoped_identifier') {
      const qualified = stripSpace(node.text);
      const dot = qualified.lastIndexOf('.');
      const pkg = qualified.slice(0, dot);
      return { name: qualified.slice(dot + 1), origin: isBatchName(pkg) ? { kind: 'batch', pkg } : OTHER };
    }
    return undefined;
  }

  /** The superclass of the class enclosing `node` (what an unqualified call is made on). */
  enclosingSuperclass(node: Node): { name: string; origin: Origin; classNode: Node } | undefined {
    for (let n = node.parent; n; n = n.parent) {
      if (n.type === 'class_declaration') {
        const superclass = field(n, 'superclass');
        const type = superclass && namedChildren(superclass)[0];
        const resolved = this.typeOf(type);
        return resolved && { ...resolved, classNode: n };
      }
      // An anonymous subclass (`new CloudTask() {{ setRunElevated(true); }}`).
      if (n.type === 'class_body' && n.parent?.type === 'object_creation_expression') {
        const resolved = this.typeOf(field(n.parent, 'type'));
        return resolved && { ...resolved, classNode: n.parent };
      }
      if (n.type === 'interface_declaration' || n.type === 'enum_declaration' || n.type === 'record_declaration') return undefined;
    }
    return undefined;
  }

  // -- declarations ---------------------------------------------------------------------------

  /** The declaration an identifier refers to, nearest scope first. */
  declarationOf(identifier: Node): Declaration | undefined {
    const name = identifier.text;
    for (let n = identifier.parent; n; n = n.parent) {
      const found = this.declarationsIn(n).get(name);
      if (!found) continue;
      let best: Declaration | undefined;
      for (const d of found) if (d.isField || d.nameNode.startIndex <= identifier.startIndex) best = d;
      if (best) return best;
      if (CLASS_BODIES.has(n.type)) return undefined;
    }
    return undefined;
  }

  /** The field `name` of the class enclosing `node` (for `this.name`). */
  fieldOf(node: Node, name: string): Declaration | undefined {
    for (let n = node.parent; n; n = n.parent) {
      if (CLASS_BODIES.has(n.type)) return this.declarationsIn(n).get(name)?.[0];
    }
    return undefined;
  }

  /** Declarations made directly in one scope node, by name (cached per node). */
  private declarationsIn(scope: Node): Map<string, Declaration[]> {
    let map = this.declarationsByScope.get(scope.id);
    if (map) return map;
    map = new Map();
    this.declarationsByScope.set(scope.id, map);
    const add = (nameNode: Node | undefined, typeNode: Node | undefined, valueNode: Node | undefined, isField: boolean) => {
      if (!nameNode || nameNode.type !== 'identifier') return;
      const d: Declaration = { name: nameNode.text, nameNode, typeNode, valueNode, scope, isField, key: `java:var:${nameNode.startIndex}` };
      const list = map!.get(d.name);
      if (list) list.push(d);
      else map!.set(d.name, [d]);
    };
    const addDeclarators = (decl: Node, isField: boolean) => {
      const type = field(decl, 'type');
      for (const d of decl.childrenForFieldName('declarator')) {
        if (d) add(field(d, 'name'), type, field(d, 'value'), isField);
      }
    };
    const addParameters = (params: Node | undefined) => {
      for (const p of namedChildren(params)) {
        if (p.type === 'formal_parameter') add(field(p, 'name'), field(p, 'type'), undefined, false);
        else if (p.type === 'spread_parameter') {
          const declarator = namedChildren(p).find((c) => c.type === 'variable_declarator');
          add(
            declarator && field(declarator, 'name'),
            namedChildren(p).find((c) => c.type.endsWith('type') || c.type === 'type_identifier'),
            undefined,
            false,
          );
        } else if (p.type === 'identifier') add(p, undefined, undefined, false);
      }
    };
    if (BLOCK_SCOPES.has(scope.type)) {
      for (const child of namedChildren(scope)) if (child.type === 'local_variable_declaration') addDeclarators(child, false);
    } else if (CLASS_BODIES.has(scope.type)) {
      for (const child of namedChildren(scope)) {
        if (child.type === 'field_declaration' || child.type === 'constant_declaration') addDeclarators(child, true);
      }
    } else if (scope.type === 'method_declaration' || scope.type === 'constructor_declaration' || scope.type === 'record_declaration') {
      addParameters(field(scope, 'parameters'));
    } else if (scope.type === 'lambda_expression') {
      const params = field(scope, 'parameters');
      if (params?.type === 'identifier') add(params, undefined, undefined, false);
      else addParameters(params);
    } else if (scope.type === 'for_statement') {
      for (const init of scope.childrenForFieldName('init')) if (init?.type === 'local_variable_declaration') addDeclarators(init, false);
    } else if (scope.type === 'enhanced_for_statement') {
      add(field(scope, 'name'), field(scope, 'type'), undefined, false);
    } else if (scope.type === 'catch_clause') {
      const param = namedChildren(scope).find((c) => c.type === 'catch_formal_parameter');
      if (param) add(field(param, 'name'), undefined, undefined, false);
    } else if (scope.type === 'try_with_resources_statement') {
      for (const r of namedChildren(field(scope, 'resources')))
        if (r.type === 'resource') add(field(r, 'name'), field(r, 'type'), field(r, 'value'), false);
    }
    return map;
  }
}
