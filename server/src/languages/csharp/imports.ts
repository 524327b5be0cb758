/**
 * What a C# file imports, and how to add an import the way it writes them.
 *
 * Reading: what names a position can reach — its using directives (file level, inside namespace
 * blocks, `global using`, and the project's global usings), `using X = …` aliases, enclosing
 * namespaces, and the types the file declares itself. Only the top-level declaration skeleton is
 * read (compilation unit and namespace bodies), never method bodies; "does the file declare type X"
 * is answered from the occurrences of the word X.
 *
 * Writing: `using` directives added in the using block nearest to the code (a namespace block's own
 * usings, else the file's), at the sorted position when the block is sorted (plain or System-first),
 * else after the last one; indentation and line ending copied. Computed from the current text and
 * tree on every analysis, so two fixes adding the same using produce the same edit (fix-all keeps
 * it once).
 */
import { CSHARP, type CSharpSdk } from '../../batch/sdks';
import { detectEol, indentationAt, lineStart } from '../../engine/edits';
import type { TextEdit } from '../../engine/language';
import type { Words } from '../toolkit/text';
import { children, field, namedChildren, type Node, type Tree } from '../toolkit/treeSitter';
import { NAMESPACE_DECLARATIONS, segmentsOf, TYPE_DECLARATIONS } from './syntax';

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
  const alias = field(node, 'name');
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

  private readonly text: string;

  constructor(
    private readonly tree: Tree,
    private readonly words: Words,
    /** Namespaces imported by `global using` in other files: reachable everywhere in this one. */
    private readonly projectUsings: readonly string[] = [],
  ) {
    this.text = words.text;
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
        const name = field(child, 'name');
        const segments = name && segmentsOf(name);
        const fileScoped = child.type === 'file_scoped_namespace_declaration';
        const full = segments ? (outer ? `${outer}.` : '') + segments.join('.') : outer;
        if (segments) this.namespaces.push({ name: full, start: child.startIndex, end: fileScoped ? this.text.length : child.endIndex });
        const nestedBody = field(child, 'body');
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
    for (const offset of this.words.of(name)) {
      if (!this.mayDeclareType(offset, name.length)) continue;
      const node = this.tree.rootNode.namedDescendantForIndex(offset, offset + name.length);
      const parent = node?.parent;
      if (
        node?.type === 'identifier' &&
        parent &&
        TYPE_DECLARATIONS.has(parent.type) &&
        field(parent, 'name')?.startIndex === node.startIndex
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
    const modelNames = [
      ...Object.keys(CSHARP.taskTypes),
      ...CSHARP.poolTypes,
      ...CSHARP.identityTypes,
      ...Object.keys(CSHARP.enums),
      ...Object.values(CSHARP.ownTypes).flatMap((types) => Object.keys(types ?? {})),
    ];
    return modelNames.some((name) =>
      this.declarationsOf(name).some((decl) => batchNamespaces.some((ns) => ns.start <= decl.startIndex && decl.endIndex <= ns.end)),
    );
  }
}

// Adding usings ------------------------------------------------------------------------------------

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
