/**
 * Python names → bindings, just enough to tell whether a name means an Azure Batch model: the
 * file's imports (found from the `import` keyword's occurrences, never by walking the tree), the
 * local bindings of one name (found from that name's occurrences), Python's scope rules in a
 * simplified form, the dotted import path an expression stands for, and a binding's uses.
 */
import type { Words } from '../toolkit/text';
import { sameNode, usesIn, type Node, type Tree } from '../toolkit/treeSitter';
import { classify, isBatchPackagePath } from './modules';
import { dottedText, moduleNameOf, objectBeforeMissingComma } from './syntax';

/** Where Python binds names: a function, lambda or class body, or the module. */
export interface Scope {
  readonly start: number;
  readonly end: number;
  readonly type: 'function_definition' | 'lambda' | 'class_definition' | 'module';
}

const MODULE_SCOPE: Scope = { start: -1, end: Number.POSITIVE_INFINITY, type: 'module' };

interface BindingBase {
  /** Where the binding happens: bindings later in the same scope override earlier ones. */
  readonly start: number;
  readonly scopeStart: number;
  readonly scopeType: string;
}

/** `import a.b as c` (c → a.b), `import a.b` (a → a, with the whole path reachable), `from a import b` (b → a.b). */
export interface ImportBinding extends BindingBase {
  readonly kind: 'import';
  readonly name: string;
  readonly qualified: string;
  /** `import a.b.c` without alias also makes `a.b.c.X` reachable through `a`. */
  readonly dottedPath?: string;
  /** The import statement (for the renderer: extending a `from … import`). */
  readonly statement: Node;
  /** For `from m import x as y`: m and x. */
  readonly fromModule?: string;
  readonly importedName?: string;
}

export interface StarBinding extends BindingBase {
  readonly kind: 'star';
  readonly module: string;
  readonly statement: Node;
}

/** A name bound in this file: assignment, parameter, def/class, or another binding form (for, with, …). */
export interface LocalBinding extends BindingBase {
  readonly kind: 'assign' | 'param' | 'def' | 'other';
  readonly name: string;
  /** The identifier that is bound. */
  readonly node: Node;
  /** assign: the value; param: the default value. */
  readonly value?: Node;
  /** assign/param: the annotation. */
  readonly type?: Node;
  /** def: the function/class definition; param: the function. */
  readonly owner?: Node;
}

export type Binding = ImportBinding | StarBinding | LocalBinding;

/** What an expression stands for. */
export type Denotation =
  | { readonly kind: 'qualified'; readonly path: string }
  /** Defined in this file (a local class, function or variable). */
  | { readonly kind: 'local'; readonly binding?: LocalBinding }
  /** An unbound name while a star import from an unknown module is in reach. */
  | { readonly kind: 'foreignStar'; readonly name: string }
  | { readonly kind: 'unbound' };

const MAX_ALIAS_DEPTH = 4;

export class SymbolTable {
  readonly imports: ImportBinding[] = [];
  readonly stars: StarBinding[] = [];
  /** The file imports something from azure.batch, azure.mgmt.batch or a module re-exporting them. */
  readonly importsBatch: boolean;
  private readonly localCache = new Map<string, LocalBinding[]>();
  private readonly resolveCache = new Map<string, Binding | undefined>();
  private readonly denoteCache = new Map<number, Denotation>();
  private readonly chainCache = new Map<number, readonly Scope[]>();

  readonly text: string;

  constructor(
    readonly tree: Tree,
    private readonly words: Words,
  ) {
    this.text = words.text;
    const seen = new Set<number>();
    for (const offset of words.of('import')) {
      const keyword = tree.rootNode.descendantForIndex(offset, offset + 'import'.length);
      const statement = keyword?.type === 'import' ? keyword.parent : null;
      if (!statement || seen.has(statement.startIndex)) continue;
      seen.add(statement.startIndex);
      if (statement.type === 'import_statement') this.readImport(statement);
      else if (statement.type === 'import_from_statement') this.readFromImport(statement);
    }
    this.importsBatch =
      this.imports.some((b) => isBatchPackagePath(b.dottedPath ?? b.qualified)) || this.stars.some((s) => isBatchPackagePath(s.module));
  }

  private base(statement: Node): BindingBase {
    const scope = this.scopeOf(statement);
    return { start: statement.startIndex, scopeStart: scope.start, scopeType: scope.type };
  }

  /**
   * The scopes around a node, innermost first, the module last (a scope node is not its own
   * scope). Walks up the tree, remembering each ancestor's answer, so neighbouring look-ups stop
   * after a step or two.
   */
  scopeChain(node: Node): readonly Scope[] {
    const parent = node.parent;
    return parent ? this.scopesInside(parent) : [MODULE_SCOPE];
  }

  /** The scopes a position inside `node` is in: node's own if it is one, then its ancestors'. */
  private scopesInside(node: Node): readonly Scope[] {
    const pending: Node[] = [];
    let chain: readonly Scope[] | undefined;
    for (let n: Node | null = node; n; n = n.parent) {
      chain = this.chainCache.get(n.id);
      if (chain) break;
      pending.push(n);
    }
    chain ??= [MODULE_SCOPE];
    for (let i = pending.length - 1; i >= 0; i--) {
      const n = pending[i];
      const type = n.type;
      if (type === 'function_definition' || type === 'class_definition' || type === 'lambda') {
        chain = [{ start: n.startIndex, end: n.endIndex, type }, ...chain];
      }
      this.chainCache.set(n.id, chain);
    }
    return chain;
  }

  scopeOf(node: Node): Scope {
    return this.scopeChain(node)[0];
  }

  private readImport(statement: Node): void {
    const base = this.base(statement);
    for (const child of statement.childrenForFieldName('name')) {
      if (!child) continue;
      if (child.type === 'aliased_import') {
        const path = child.childForFieldName('name');
        const alias = child.childForFieldName('alias');
        if (path && alias) this.imports.push({ ...base, kind: 'import', name: alias.text, qualified: dottedText(path), statement });
      } else if (child.type === 'dotted_name') {
        const path = dottedText(child);
        const root = path.split('.')[0];
        this.imports.push({ ...base, kind: 'import', name: root, qualified: root, dottedPath: path, statement });
      }
    }
  }

  private readFromImport(statement: Node): void {
    const base = this.base(statement);
    const moduleNode = statement.childForFieldName('module_name');
    if (!moduleNode) return;
    const module = moduleNameOf(moduleNode);
    for (const child of statement.namedChildren) {
      if (child?.type === 'wildcard_import') this.stars.push({ ...base, kind: 'star', module, statement });
    }
    for (const child of statement.childrenForFieldName('name')) {
      if (!child) continue;
      const nameNode = child.type === 'aliased_import' ? child.childForFieldName('name') : child;
      const aliasNode = child.type === 'aliased_import' ? child.childForFieldName('alias') : undefined;
      if (!nameNode) continue;
      const imported = dottedText(nameNode);
      const name = aliasNode?.text ?? imported;
      const qualified = module.endsWith('.') ? module + imported : `${module}.${imported}`;
      this.imports.push({ ...base, kind: 'import', name, qualified, statement, fromModule: module, importedName: imported });
    }
  }

  /** Whole-word occurrences of a name (variables, attributes). */
  occurrences(name: string): readonly number[] {
    return this.words.of(name);
  }

  /** Every binding of `name` made in this file outside imports, found from the name's occurrences. */
  localBindings(name: string): LocalBinding[] {
    let found = this.localCache.get(name);
    if (found) return found;
    found = [];
    const root = this.tree.rootNode;
    for (const offset of this.occurrences(name)) {
      if (!this.mayBind(offset, name.length)) continue;
      const node = root.descendantForIndex(offset, offset + name.length);
      if (!node || node.type !== 'identifier' || node.startIndex !== offset) continue;
      const binding = this.bindingAt(node, name);
      if (binding) found.push(binding);
    }
    this.localCache.set(name, found);
    return found;
  }

  /**
   * A cheap look at the text around an occurrence before asking the tree: a name right after a
   * dot, or followed by a dot, a subscript or a call (other than `def f(` / `class C(`), binds nothing.
   */
  private mayBind(offset: number, length: number): boolean {
    const text = this.text;
    let before = offset - 1;
    while (text[before] === ' ' || text[before] === '\t') before--;
    if (text[before] === '.') return false;
    let after = offset + length;
    while (text[after] === ' ' || text[after] === '\t') after++;
    const next = text[after];
    if (next === '.' || next === '[') return false;
    if (next === '(') {
      const head = text.slice(Math.max(0, before - 5), before + 1);
      return /(?:^|\s)(?:def|class)$/.test(head);
    }
    return true;
  }

  private bindingAt(node: Node, name: string): LocalBinding | undefined {
    const parent = node.parent;
    if (!parent) return undefined;
    const make = (kind: LocalBinding['kind'], extra: Partial<LocalBinding> = {}, scopeFrom: Node = node): LocalBinding => {
      const scope = this.scopeOf(scopeFrom);
      return { kind, name, node, start: node.startIndex, scopeStart: scope.start, scopeType: scope.type, ...extra };
    };
    const is = (field: string) => parent.childForFieldName(field)?.id === node.id;
    switch (parent.type) {
      case 'assignment':
        if (is('left'))
          return make('assign', {
            value: parent.childForFieldName('right') ?? undefined,
            type: parent.childForFieldName('type') ?? undefined,
          });
        if (parent.childForFieldName('left')?.type === 'pattern_list' || parent.childForFieldName('left')?.type === 'tuple_pattern')
          return undefined;
        return undefined;
      case 'named_expression':
        return is('name') ? make('assign', { value: parent.childForFieldName('value') ?? undefined }) : undefined;
      case 'function_definition':
      case 'class_definition':
        return is('name') ? make('def', { owner: parent }, parent) : undefined;
      case 'parameters':
      case 'lambda_parameters':
        return make('param', { owner: parent.parent ?? undefined });
      case 'default_parameter':
      case 'typed_default_parameter':
        return is('name')
          ? make('param', {
              value: parent.childForFieldName('value') ?? undefined,
              type: parent.childForFieldName('type') ?? undefined,
              owner: parent.parent?.parent ?? undefined,
            })
          : undefined;
      case 'typed_parameter':
        return parent.namedChild(0)?.id === node.id
          ? make('param', { type: parent.childForFieldName('type') ?? undefined, owner: parent.parent?.parent ?? undefined })
          : undefined;
      case 'list_splat_pattern':
      case 'dictionary_splat_pattern':
        return parent.parent?.type === 'parameters' ? make('param', { owner: parent.parent.parent ?? undefined }) : make('other');
      case 'pattern_list':
      case 'tuple_pattern':
      case 'as_pattern_target':
        return make('other');
      case 'for_statement':
      case 'for_in_clause':
        return is('left') ? make('other') : undefined;
      case 'global_statement':
      case 'nonlocal_statement':
        return undefined;
      default:
        return undefined;
    }
  }

  /** The binding `name` has at `use` (Python's scope rules, simplified: the latest binding before the use in the innermost scope that binds it). */
  resolveName(name: string, use: Node): Binding | undefined {
    const key = `${name}@${use.startIndex}`;
    if (this.resolveCache.has(key)) return this.resolveCache.get(key);
    const binding = this.resolveUncached(name, use);
    this.resolveCache.set(key, binding);
    return binding;
  }

  private resolveUncached(name: string, use: Node): Binding | undefined {
    const chain = this.scopeChain(use);
    const innermost = chain[0];
    const offset = use.startIndex;
    const candidates: Binding[] = [];
    for (const b of this.imports) if (b.name === name) candidates.push(b);
    for (const b of this.localBindings(name)) candidates.push(b);
    for (const b of this.stars) if (classify(b.module).kind === 'models') candidates.push(b);
    for (const scope of chain) {
      // A class body's names are not visible inside its methods.
      if (scope.type === 'class_definition' && scope !== innermost) continue;
      const inScope = candidates.filter((b) => b.scopeStart === scope.start && b.scopeType === scope.type);
      if (inScope.length === 0) continue;
      const before = inScope.filter((b) => b.start < offset);
      if (before.length > 0) return before.reduce((a, b) => (b.start > a.start ? b : a));
      return inScope.reduce((a, b) => (b.start < a.start ? b : a));
    }
    return undefined;
  }

  /** Whether a star import from a module this analysis cannot see into is in reach of `use`. */
  private foreignStarInReach(use: Node): boolean {
    const chain = this.scopeChain(use);
    return this.stars.some(
      (s) => classify(s.module).kind !== 'models' && chain.some((c) => c.start === s.scopeStart && c.type === s.scopeType),
    );
  }

  /** What a name or dotted attribute expression stands for. */
  denote(expr: Node, depth = 0): Denotation {
    if (depth > MAX_ALIAS_DEPTH) return { kind: 'unbound' };
    let denotation = this.denoteCache.get(expr.id);
    if (!denotation) {
      denotation = this.denoteUncached(expr, depth);
      this.denoteCache.set(expr.id, denotation);
    }
    return denotation;
  }

  private denoteUncached(expr: Node, depth: number): Denotation {
    const type = expr.type;
    if (type === 'identifier') {
      const binding = this.resolveName(expr.text, expr);
      if (!binding) return this.foreignStarInReach(expr) ? { kind: 'foreignStar', name: expr.text } : { kind: 'unbound' };
      if (binding.kind === 'import') return { kind: 'qualified', path: binding.qualified };
      if (binding.kind === 'star') return { kind: 'qualified', path: `${binding.module}.${expr.text}` };
      // `TaskAddParameter = batchmodels.TaskAddParameter`: an alias of the import.
      const valueType = binding.kind === 'assign' ? binding.value?.type : undefined;
      if (binding.kind === 'assign' && binding.value && (valueType === 'identifier' || valueType === 'attribute')) {
        const inner = this.denote(binding.value, depth + 1);
        if (inner.kind === 'qualified') return inner;
      }
      return { kind: 'local', binding };
    }
    if (type === 'attribute') {
      const object = objectBeforeMissingComma(expr) ?? expr.childForFieldName('object');
      const attribute = expr.childForFieldName('attribute');
      if (!object || !attribute) return { kind: 'unbound' };
      const inner = this.denote(object, depth);
      if (inner.kind === 'qualified') {
        // `import azure.batch.models` binds `azure`; the submodule path is reachable through it.
        return { kind: 'qualified', path: `${inner.path}.${attribute.text}` };
      }
      return inner.kind === 'foreignStar' ? { kind: 'unbound' } : inner;
    }
    if (type === 'parenthesized_expression') {
      const inner = expr.namedChild(0);
      return inner ? this.denote(inner, depth) : { kind: 'unbound' };
    }
    return { kind: 'unbound' };
  }

  /** The dotted path of an expression, or undefined when it is not an import path. */
  qualifiedOf(expr: Node): string | undefined {
    const d = this.denote(expr);
    return d.kind === 'qualified' ? d.path : undefined;
  }

  /** Imports (module-level or in reach of `use`) whose path is exactly `path` or a dotted import reaching it. */
  importsInReach(use: Node): ImportBinding[] {
    const chain = this.scopeChain(use);
    return this.imports.filter((b) => chain.some((c) => c.start === b.scopeStart && c.type === b.scopeType));
  }

  starsInReach(use: Node): StarBinding[] {
    const chain = this.scopeChain(use);
    return this.stars.filter((b) => chain.some((c) => c.start === b.scopeStart && c.type === b.scopeType));
  }

  /** The identifiers that read a binding (resolved back to it). */
  usesOf(binding: LocalBinding): Node[] {
    return usesIn(this.tree, this.words, binding.name, { start: 0, end: this.text.length }, binding.start, (node) => {
      const resolved = this.resolveName(binding.name, node);
      return resolved && resolved.kind === binding.kind && resolved.start === binding.start ? node : undefined;
    });
  }

  /** `name = <node>`: the local binding `node` is assigned to, if it is the whole right side of one. */
  assignedName(node: Node): LocalBinding | undefined {
    const assignment = node.parent;
    const left = assignment?.childForFieldName('left');
    if (assignment?.type !== 'assignment' || !sameNode(assignment.childForFieldName('right'), node) || left?.type !== 'identifier')
      return undefined;
    const scope = this.scopeOf(left);
    return {
      kind: 'assign',
      name: left.text,
      node: left,
      value: node,
      start: left.startIndex,
      scopeStart: scope.start,
      scopeType: scope.type,
    };
  }
}
