/**
 * Evidence of Batch for Java, one question asked the same way for every fact: does the object come
 * from a Batch package? A type written in the file comes from its import, its full qualification or
 * the file's own package; an object a call is made on is followed back along its chain to a
 * creation, a variable's declared type, a task getter, or the class the code is in. Batch AI
 * (`…management.batchai`, with its own fluent withRunElevated) never counts.
 */
import { JAVA } from '../../batch/sdks';
import { NOT_BATCH, UNKNOWN, type Evidence } from '../toolkit/evidence';
import { field, type Node } from '../toolkit/treeSitter';
import { isBatchName, sdkOfPackage, stripSpace, type FileImports } from './imports';
import type { Declaration, SymbolTable } from './scope';
import { isBuilderName, isPlainReference, namedChildren, type Chain } from './syntax';

/** Where a type comes from: a Batch package (`pkg` when known), another library, or the code does not say. */
export type TypeOrigin = Evidence<{ readonly pkg?: string }>;

/** A type as written, with where it comes from. */
export interface WrittenType {
  readonly name: string;
  readonly origin: TypeOrigin;
}

/** The object a call is made on: its type when known, where that type comes from, and who it is. */
export interface ObjectState {
  readonly type?: string;
  readonly origin: TypeOrigin;
  /** The holder key: two calls with the same key are made on the same object. */
  readonly key: string;
}

/** Every type name the Batch SDKs are known to have: a wildcard import only vouches for these. */
const KNOWN_BATCH_TYPES = new Set<string>([
  ...Object.keys(JAVA.taskTypes),
  ...JAVA.poolTypes,
  ...JAVA.identityTypes,
  ...Object.keys(JAVA.enums),
  ...JAVA.containerTypes,
  ...Object.values(JAVA.taskGetters),
  ...JAVA.taskPool.jobTypes,
  ...JAVA.taskPool.poolInfoTypes,
]);

export class BatchEvidence {
  private readonly originByName = new Map<string, TypeOrigin>();

  constructor(
    private readonly imports: FileImports,
    private readonly symbols: SymbolTable,
  ) {}

  /** Where a simple type name written in this file comes from. */
  originOfName(name: string): TypeOrigin {
    let origin = this.originByName.get(name);
    if (!origin) this.originByName.set(name, (origin = this.computeOrigin(name)));
    return origin;
  }

  private computeOrigin(name: string): TypeOrigin {
    const single = this.imports.imports.find((i) => !i.isStatic && !i.wildcard && i.name.endsWith('.' + name));
    if (single) return isBatchName(single.name) ? { batch: 'yes', pkg: single.name.slice(0, -name.length - 1) } : NOT_BATCH;
    if (this.symbols.declaresType(name)) return NOT_BATCH;
    // A project class of the same package, or one reached through a wildcard: only Batch's own names count.
    if (!KNOWN_BATCH_TYPES.has(name))
      return this.imports.packageName && isBatchName(this.imports.packageName)
        ? { batch: 'yes', pkg: this.imports.packageName }
        : NOT_BATCH;
    if (this.imports.packageName && isBatchName(this.imports.packageName)) return { batch: 'yes', pkg: this.imports.packageName };
    const wildcards = this.imports.imports.filter((i) => !i.isStatic && i.wildcard && isBatchName(i.name));
    if (wildcards.length > 0) {
      const sdks = new Set(wildcards.map((w) => sdkOfPackage(w.name)));
      return sdks.size === 1 ? { batch: 'yes', pkg: wildcards[0].name } : { batch: 'yes' };
    }
    return this.imports.batchImported ? { batch: 'yes' } : NOT_BATCH;
  }

  /** A type as written: `T`, `a.b.T`, `List<T>` (→ List). */
  typeOf(typeNode: Node | undefined): WrittenType | undefined {
    if (!typeNode) return undefined;
    switch (typeNode.type) {
      case 'type_identifier':
        return { name: typeNode.text, origin: this.originOfName(typeNode.text) };
      case 'scoped_type_identifier': {
        const qualified = stripSpace(typeNode.text);
        const dot = qualified.lastIndexOf('.');
        const pkg = qualified.slice(0, dot);
        return { name: qualified.slice(dot + 1), origin: isBatchName(pkg) ? { batch: 'yes', pkg } : NOT_BATCH };
      }
      case 'generic_type':
        return this.typeOf(namedChildren(typeNode)[0]);
      default:
        return undefined;
    }
  }

  /** The type named by an expression used as a type (`ElevationLevel` or `a.b.ElevationLevel` in `….ADMIN`). */
  typeOfExpression(node: Node): WrittenType | undefined {
    if (node.type === 'identifier') return { name: node.text, origin: this.originOfName(node.text) };
    if (node.type === 'field_access' || node.type === 'scoped_identifier') {
      const qualified = stripSpace(node.text);
      const dot = qualified.lastIndexOf('.');
      const pkg = qualified.slice(0, dot);
      return { name: qualified.slice(dot + 1), origin: isBatchName(pkg) ? { batch: 'yes', pkg } : NOT_BATCH };
    }
    return undefined;
  }

  /** The superclass of the class enclosing `node` (what an unqualified call is made on). */
  enclosingSuperclass(node: Node): (WrittenType & { readonly classNode: Node }) | undefined {
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

  /** The object a chain's root is, before any call. */
  private rootState(chain: Chain, anchor: Node): ObjectState {
    const root = chain.root;
    if (!root || root.type === 'this') {
      const superclass = this.enclosingSuperclass(anchor);
      return superclass
        ? { type: superclass.name, origin: superclass.origin, key: `java:this:${superclass.classNode.startIndex}` }
        : { origin: NOT_BATCH, key: `java:this:${anchor.startIndex}` };
    }
    switch (root.type) {
      case 'object_creation_expression': {
        const type = this.typeOf(field(root, 'type'));
        return { type: type?.name, origin: type?.origin ?? NOT_BATCH, key: this.creationKey(chain, root) };
      }
      case 'identifier':
      case 'field_access': {
        const declaration = this.symbols.referenceDeclaration(root);
        if (declaration) {
          const type = this.declaredType(declaration);
          return { type: type?.name, origin: type?.origin ?? UNKNOWN, key: declaration.key };
        }
        // The documentation's shorthand `CloudTask.withRunElevated(true)` names the type itself.
        const named = root.type === 'identifier' ? this.originOfName(root.text) : UNKNOWN;
        if (named.batch === 'yes' && JAVA.taskTypes[root.text])
          return { type: root.text, origin: named, key: `java:name:${this.scopeStart(root)}:${root.text}` };
        return root.type === 'identifier'
          ? { origin: UNKNOWN, key: `java:name:${this.scopeStart(root)}:${root.text}` }
          : { origin: UNKNOWN, key: `java:expr:${root.startIndex}` };
      }
      case 'parenthesized_expression': {
        const inner = namedChildren(root)[0];
        return inner ? this.rootState({ ...chain, root: inner }, anchor) : { origin: UNKNOWN, key: `java:expr:${root.startIndex}` };
      }
      case 'cast_expression': {
        const type = this.typeOf(field(root, 'type'));
        const value = field(root, 'value');
        const key =
          value && isPlainReference(value) ? this.rootState({ ...chain, root: value }, anchor).key : `java:expr:${root.startIndex}`;
        return { type: type?.name, origin: type?.origin ?? UNKNOWN, key };
      }
      default:
        return { origin: UNKNOWN, key: `java:expr:${root.startIndex}` };
    }
  }

  /** The object that segment `index` of the chain is called on (its builder calls return it; task getters lead to the task). */
  receiverOf(chain: Chain, index: number, anchor: Node): ObjectState {
    let state = this.rootState(chain, anchor);
    for (let i = 0; i < index; i++) {
      const segment = chain.segments[i];
      if (isBuilderName(segment.name)) continue;
      const held = JAVA.taskGetters[segment.name];
      if (held && state.origin.batch === 'yes' && segment.args.length === 0) {
        state = { type: held, origin: state.origin, key: `${state.key}.${segment.name}` };
      } else {
        state = { origin: UNKNOWN, key: `java:call:${segment.call.startIndex}` };
      }
    }
    return state;
  }

  /** A created object is its variable when the whole builder chain is assigned to one. */
  private creationKey(chain: Chain, creation: Node): string {
    const builders = chain.segments.every((s) => isBuilderName(s.name));
    const declaration = builders ? this.symbols.assignedTo(chain.outer) : undefined;
    return declaration?.key ?? `java:new:${creation.startIndex}`;
  }

  /** A declaration's type; for `var`, the type its initializer creates. */
  private declaredType(declaration: Declaration): WrittenType | undefined {
    if (declaration.typeNode && declaration.typeNode.text !== 'var') return this.typeOf(declaration.typeNode);
    const creation = declaration.valueNode && this.symbols.creationBehind(declaration.valueNode, false);
    return creation ? this.typeOf(field(creation, 'type')) : undefined;
  }

  private scopeStart(node: Node): number {
    for (let n = node.parent; n; n = n.parent) {
      if (
        n.type === 'method_declaration' ||
        n.type === 'constructor_declaration' ||
        n.type === 'lambda_expression' ||
        n.type === 'class_body'
      )
        return n.startIndex;
    }
    return 0;
  }
}
