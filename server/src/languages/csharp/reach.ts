/**
 * What names a position of a C# file can reach: its using directives (file level, inside
 * namespace blocks, `global using`), `using X = …` aliases, enclosing namespaces, and the types
 * the file declares itself. Only the top-level declaration skeleton is read (compilation unit and
 * namespace bodies), never method bodies; "does the file declare type X" is answered from the
 * occurrences of the word X.
 */
import { CSHARP, type CSharpSdk } from '../../batch/sdks';
import { wordOccurrences, type Node, type Tree } from '../treeSitterSupport';
import { children, fieldOf, NAMESPACE_DECLARATIONS, namedChildren, segmentsOf, TYPE_DECLARATIONS } from './syntax';

const TYPE_KEYWORDS: ReadonlySet<string> = new Set(['class', 'struct', 'interface', 'enum', 'record']);

export interface UsingDirective {
  readonly node: Node;
  /** The namespace or type named, dotted, without `global::`. */
  readonly target: string;
  readonly alias?: string;
  readonly isStatic: boolean;
  readonly isGlobal: boolean;
}

/** A place using directives live: the file, or a namespace body. */
export interface UsingScope {
  /** The compilation unit or the namespace declaration. */
  readonly container: Node;
  readonly start: number;
  readonly end: number;
  readonly usings: UsingDirective[];
}

export interface NamespaceDeclaration {
  readonly name: string;
  readonly start: number;
  /** File-scoped namespaces run to the end of the file. */
  readonly end: number;
}

/** The generation a namespace belongs to, if it is a Batch namespace. */
export function sdkOfNamespace(namespace: string): CSharpSdk | undefined {
  const exact = CSHARP.namespaces[namespace];
  if (exact) return exact;
  return namespace.startsWith(CSHARP.namespacePrefix) ? 'Microsoft.Azure.Batch' : undefined;
}

function usingOf(node: Node): UsingDirective | undefined {
  const tokens = children(node);
  const alias = fieldOf(node, 'name');
  const named = namedChildren(node).filter((c) => c.type !== 'comment' && c.startIndex !== alias?.startIndex);
  const targetNode = named[named.length - 1];
  const segments = targetNode && segmentsOf(targetNode);
  if (!segments) return undefined;
  return {
    node,
    target: segments.join('.'),
    alias: alias?.text,
    isStatic: tokens.some((t) => t.type === 'static'),
    isGlobal: tokens.some((t) => t.type === 'global'),
  };
}

export class Reach {
  readonly scopes: UsingScope[] = [];
  readonly namespaces: NamespaceDeclaration[] = [];
  private readonly declared = new Map<string, Node[]>();
  private readonly reachableCache = new Map<string, Set<string>>();
  private readonly generationsCache = new Map<string, Set<CSharpSdk>>();

  constructor(
    private readonly tree: Tree,
    private readonly text: string,
    /** Namespaces imported by `global using` in other files: reachable everywhere in this one. */
    private readonly projectUsings: readonly string[] = [],
  ) {
    this.collect(tree.rootNode, tree.rootNode, '');
  }

  /** The namespaces this file imports for the whole project (`global using X;`, no alias, not static). */
  globalUsings(): string[] {
    return this.scopes[0].usings.filter((u) => u.isGlobal && !u.alias && !u.isStatic).map((u) => u.target);
  }

  private collect(container: Node, body: Node, outer: string): void {
    const scope: UsingScope = { container, start: container.startIndex, end: container.endIndex, usings: [] };
    this.scopes.push(scope);
    for (const child of namedChildren(body)) {
      if (child.type === 'using_directive') {
        const directive = usingOf(child);
        if (directive) scope.usings.push(directive);
      } else if (NAMESPACE_DECLARATIONS.has(child.type)) {
        const name = fieldOf(child, 'name');
        const segments = name && segmentsOf(name);
        const fileScoped = child.type === 'file_scoped_namespace_declaration';
        const full = segments ? (outer ? `${outer}.` : '') + segments.join('.') : outer;
        if (segments) this.namespaces.push({ name: full, start: child.startIndex, end: fileScoped ? this.text.length : child.endIndex });
        const nestedBody = fieldOf(child, 'body');
        if (nestedBody) this.collect(child, nestedBody, full);
      }
    }
  }

  /** Using scopes whose directives apply at `offset`: the file's, then enclosing namespace blocks'. */
  scopesAt(offset: number): UsingScope[] {
    return this.scopes.filter((s) => s.container.type === 'compilation_unit' || (s.start <= offset && offset < s.end));
  }

  /** Full names of the namespaces enclosing `offset`, outermost first. */
  enclosingNamespaces(offset: number): string[] {
    return this.namespaces.filter((ns) => ns.start <= offset && offset <= ns.end).map((ns) => ns.name);
  }

  /** Which scopes and namespaces enclose `offset`: positions with the same key reach the same names. */
  placeKey(offset: number): string {
    let key = '';
    this.scopes.forEach((s, i) => {
      if (s.start <= offset && offset < s.end) key += `s${i}`;
    });
    this.namespaces.forEach((ns, i) => {
      if (ns.start <= offset && offset <= ns.end) key += `n${i}`;
    });
    return key;
  }

  /** Every namespace whose types are reachable by simple name at `offset`. */
  reachableNamespaces(offset: number): Set<string> {
    const key = this.placeKey(offset);
    let reachable = this.reachableCache.get(key);
    if (!reachable) this.reachableCache.set(key, (reachable = this.computeReachable(offset)));
    return reachable;
  }

  private computeReachable(offset: number): Set<string> {
    const reachable = new Set<string>(this.projectUsings);
    for (const scope of this.scopesAt(offset)) {
      for (const u of scope.usings) if (!u.alias && !u.isStatic) reachable.add(u.target);
    }
    // Code inside namespace A.B.C reaches the types of A.B.C, A.B and A.
    for (const ns of this.enclosingNamespaces(offset)) {
      const parts = ns.split('.');
      for (let i = 1; i <= parts.length; i++) reachable.add(parts.slice(0, i).join('.'));
    }
    return reachable;
  }

  /** The Batch generations reachable by simple name at `offset`. */
  generationsAt(offset: number): Set<CSharpSdk> {
    const key = this.placeKey(offset);
    let found = this.generationsCache.get(key);
    if (found) return found;
    found = new Set<CSharpSdk>();
    for (const ns of this.reachableNamespaces(offset)) {
      const sdk = sdkOfNamespace(ns);
      if (sdk) found.add(sdk);
    }
    this.generationsCache.set(key, found);
    return found;
  }

  /** The target of `using alias = …;` in reach at `offset`. */
  aliasAt(offset: number, alias: string): string | undefined {
    let target: string | undefined;
    for (const scope of this.scopesAt(offset)) {
      for (const u of scope.usings) if (u.alias === alias) target = u.target;
    }
    return target;
  }

  /** Type declarations named `name` anywhere in the file (found from the word's occurrences). */
  declarationsOf(name: string): Node[] {
    let found = this.declared.get(name);
    if (found) return found;
    found = [];
    for (const offset of wordOccurrences(this.text, name)) {
      if (!this.mayDeclareType(offset, name.length)) continue;
      const node = this.tree.rootNode.namedDescendantForIndex(offset, offset + name.length);
      const parent = node?.parent;
      if (
        node?.type === 'identifier' &&
        parent &&
        TYPE_DECLARATIONS.has(parent.type) &&
        fieldOf(parent, 'name')?.startIndex === node.startIndex
      ) {
        found.push(parent);
      }
    }
    this.declared.set(name, found);
    return found;
  }

  /**
   * A cheap look at the text before asking the tree: a declared type's name follows `class`,
   * `struct`, `interface`, `enum` or `record`, or (a delegate) is followed by `(` or `<` and is
   * neither created with `new` nor a member name.
   */
  private mayDeclareType(offset: number, length: number): boolean {
    let i = offset - 1;
    while (i >= 0 && /\s/.test(this.text[i])) i--;
    if (this.text[i] === '.') return false;
    let wordStart = i;
    while (wordStart >= 0 && /\w/.test(this.text[wordStart])) wordStart--;
    const previousWord = this.text.slice(wordStart + 1, i + 1);
    if (TYPE_KEYWORDS.has(previousWord)) return true;
    let j = offset + length;
    while (j < this.text.length && /\s/.test(this.text[j])) j++;
    return (this.text[j] === '(' || this.text[j] === '<') && previousWord !== 'new';
  }

  declares(name: string): boolean {
    return this.declarationsOf(name).length > 0;
  }

  /**
   * The SDK's own source (its generated models, `namespace Microsoft.Azure.Batch { class CloudTask
   * { bool? RunElevated … } }`): a Batch model type declared inside a Batch namespace. Nothing in it
   * is a use.
   */
  isBatchSdkSource(): boolean {
    const batchNamespaces = this.namespaces.filter((ns) => CSHARP.namespaces[ns.name] !== undefined);
    if (batchNamespaces.length === 0) return false;
    const modelNames = [...Object.keys(CSHARP.taskTypes), ...CSHARP.poolTypes, ...CSHARP.identityTypes, ...Object.keys(CSHARP.enums)];
    return modelNames.some((name) =>
      this.declarationsOf(name).some((decl) => batchNamespaces.some((ns) => ns.start <= decl.startIndex && decl.endIndex <= ns.end)),
    );
  }
}
