/**
 * Which object a Java expression denotes, past what a variable says: a builder call returns the
 * object it is called on, a getter returns what a builder gave the same object
 * (`startTask.userIdentity()` after `startTask.withUserIdentity(new UserIdentity())`, the way the
 * management SDK's own tests complete a start task), and `list.get(0)` returns the list's first
 * `add`. An object is named by a key: its variable's, `java:new:<offset>` for a creation in no
 * variable, and `<key>.<property>` for what a getter returns where no builder is seen giving it.
 *
 * From there: every expression that stands for a created object (its aliases), and whether the
 * object escapes the analysis — handed to a method, returned, stored in a field — so that code
 * out of sight may complete it. Nothing here knows Batch beyond the builder-method prefixes.
 */
import type { Words } from '../toolkit/text';
import { field, nodesNamed, sameNode, type Node, type Tree } from '../toolkit/treeSitter';
import type { Declaration, SymbolTable } from './scope';
import { chainFrom, isBuilderName, leadingBuilders, namedChildren, type Chain, type Segment } from './syntax';

const LIST_ADD = 'add';
const LIST_GET = 'get';
const GETTER_PREFIX = 'get';
/** Calls that change a list other than by appending one element: after them, positions say nothing. */
const LIST_REORDERING = new Set(['addAll', 'remove', 'removeIf', 'removeAll', 'retainAll', 'set', 'clear', 'sort', 'replaceAll']);
/** Factories whose arguments are the list's elements, in order (`Arrays.asList(a, b)`, `List.of(a, b)`). */
const FIXED_LIST_FACTORIES = new Set(['asList', 'of']);
const INTEGER_LITERAL = 'decimal_integer_literal';

/** Where an expression standing for an object is used, once its builder calls are applied. */
export type Use =
  /** a statement of its own, a local variable, a receiver of a getter or another method: seen here */
  | { readonly kind: 'here' }
  /** the argument of a builder (`holder.withUserIdentity(x)`): its getter returns the object again */
  | { readonly kind: 'given'; readonly property: string }
  /** an element of a local list: `list.add(x)`, `List<T> list = Arrays.asList(…, x, …)` */
  | { readonly kind: 'added'; readonly list: Declaration }
  /** anything else: returned, handed to a method, stored in a field, in a conditional */
  | { readonly kind: 'escapes' };

export class ObjectPaths {
  private readonly keys = new Map<number, string | undefined>();
  private readonly pending = new Set<number>();
  /** Per property: what builders give it, as receiver key → the keys given (undefined: not followed). */
  private readonly given = new Map<string, Map<string, (string | undefined)[]>>();
  private readonly elementsCache = new Map<string, readonly Node[] | undefined>();
  private readonly reassignedCache = new Map<string, boolean>();
  private readonly callsCache = new Map<string, Node[]>();
  private readonly usesCache = new Map<string, Node[]>();
  private readonly groupsCache = new Map<string, Map<string, Node[]>>();
  private readonly chains = new Map<number, Chain>();

  constructor(
    private readonly tree: Tree,
    private readonly words: Words,
    private readonly symbols: SymbolTable,
  ) {}

  /** The key of a created object: its variable when the whole builder chain is stored in one. */
  creationKey(creation: Node): string {
    const chain = this.chainOn(creation);
    const builders = leadingBuilders(chain.segments);
    const declaration = builders.length === chain.segments.length ? this.symbols.assignedTo(chain.outer) : undefined;
    return declaration?.key ?? `java:new:${creation.startIndex}`;
  }

  /** The object an expression denotes, or undefined when it cannot be followed (a method's result, another object's field). */
  keyOf(expression: Node): string | undefined {
    if (this.keys.has(expression.id)) return this.keys.get(expression.id);
    // A reference back to itself (`a.withX(a.x())`) is not followed.
    if (this.pending.has(expression.id)) return undefined;
    this.pending.add(expression.id);
    const key = this.computeKey(expression);
    this.pending.delete(expression.id);
    this.keys.set(expression.id, key);
    return key;
  }

  private computeKey(e: Node): string | undefined {
    switch (e.type) {
      case 'parenthesized_expression': {
        const inner = namedChildren(e)[0];
        return inner && this.keyOf(inner);
      }
      case 'cast_expression': {
        const value = field(e, 'value');
        return value && this.keyOf(value);
      }
      case 'object_creation_expression':
        return this.creationKey(e);
      case 'identifier':
      case 'field_access': {
        const declaration = this.symbols.referenceDeclaration(e);
        if (!declaration) return undefined;
        // A local initialised with a getter or a list element is another name for that object.
        const initial = declaration.isField ? undefined : declaration.valueNode;
        if (initial?.type === 'method_invocation' && !isBuilderName(field(initial, 'name')?.text ?? '') && !this.reassigned(declaration))
          return this.keyOf(initial) ?? declaration.key;
        return declaration.key;
      }
      case 'method_invocation': {
        const name = field(e, 'name')?.text ?? '';
        const object = field(e, 'object');
        if (!object) return undefined;
        const args = namedChildren(field(e, 'arguments'));
        if (isBuilderName(name)) return this.keyOf(object);
        if (name === LIST_GET && args.length === 1 && args[0].type === INTEGER_LITERAL) {
          const element = this.elementsOf(object)?.[Number(args[0].text)];
          return element && this.keyOf(element);
        }
        if (args.length > 0) return undefined;
        const owner = this.keyOf(object);
        return owner && this.resolve(owner, propertyOfGetter(name));
      }
      default:
        return undefined;
    }
  }

  /** What `<owner>.<property>` holds: the one object builders give it, the path itself when none is seen. */
  private resolve(owner: string, property: string): string | undefined {
    const targets = this.givenTo(property).get(owner);
    if (!targets) return `${owner}.${property}`;
    const distinct = new Set(targets);
    if (distinct.size !== 1) return undefined;
    return targets[0];
  }

  /** Builder calls `x.withP(v)` / `x.setP(v)`: receiver key → the keys of the values given. */
  private givenTo(property: string): Map<string, (string | undefined)[]> {
    let found = this.given.get(property);
    if (found) return found;
    found = new Map();
    this.given.set(property, found);
    for (const name of ['with', 'set'].map((prefix) => prefix + capitalise(property))) {
      for (const call of this.callsNamed(name)) {
        const object = field(call, 'object');
        const args = namedChildren(field(call, 'arguments'));
        if (!object || args.length !== 1 || args[0].type === 'null_literal') continue;
        const receiver = this.keyOf(object);
        if (!receiver) continue;
        const list = found.get(receiver) ?? [];
        list.push(this.keyOf(args[0]));
        found.set(receiver, list);
      }
    }
    return found;
  }

  /** A local list's elements by position, when every change to it is a plain `add` in the block that declares it. */
  private elementsOf(list: Node): readonly Node[] | undefined {
    const declaration = this.symbols.referenceDeclaration(list);
    if (!declaration || declaration.isField || !declaration.valueNode) return undefined;
    if (this.elementsCache.has(declaration.key)) return this.elementsCache.get(declaration.key);
    const elements = this.computeElements(declaration, declaration.valueNode);
    this.elementsCache.set(declaration.key, elements);
    return elements;
  }

  private computeElements(declaration: Declaration, initial: Node): readonly Node[] | undefined {
    if (this.reassigned(declaration)) return undefined;
    const fixed = initial.type === 'method_invocation' && FIXED_LIST_FACTORIES.has(field(initial, 'name')?.text ?? '');
    if (fixed) return namedChildren(field(initial, 'arguments'));
    // `new ArrayList<>()` (or with a capacity): empty at first.
    const constructorArgs = namedChildren(field(initial, 'arguments'));
    if (initial.type !== 'object_creation_expression' || constructorArgs.some((a) => a.type !== INTEGER_LITERAL)) return undefined;
    const elements: Node[] = [];
    for (const use of this.usesOf(declaration)) {
      const call = use.parent;
      if (call?.type !== 'method_invocation' || !sameNode(field(call, 'object'), use)) continue;
      const name = field(call, 'name')?.text ?? '';
      if (LIST_REORDERING.has(name)) return undefined;
      if (name !== LIST_ADD) continue;
      const args = namedChildren(field(call, 'arguments'));
      const statement = call.parent;
      // Only appends made in order, in the declaring block: an add in a loop or a branch leaves positions unknown.
      if (args.length !== 1 || statement?.type !== 'expression_statement' || !sameNode(statement.parent, declaration.scope))
        return undefined;
      elements.push(args[0]);
    }
    return elements;
  }

  /** A local assigned again after its declaration (`x = …`). */
  private reassigned(declaration: Declaration): boolean {
    let reassigned = this.reassignedCache.get(declaration.key);
    if (reassigned === undefined) {
      reassigned = this.usesOf(declaration).some((use) => {
        const parent = use.parent;
        return parent?.type === 'assignment_expression' && sameNode(field(parent, 'left'), use);
      });
      this.reassignedCache.set(declaration.key, reassigned);
    }
    return reassigned;
  }

  /**
   * The expressions elsewhere that stand for the object `creation` builds: getters returning it
   * after a builder gave it (`startTask.userIdentity()`), list elements (`users.get(0)`), and
   * locals initialised with either. Its own chain and variable are not among them.
   */
  aliasesOf(creation: Node, variableUses: readonly Node[]): Node[] {
    const key = this.creationKey(creation);
    const aliases: Node[] = [];
    const seen = new Set<number>();
    const handles = [creation, ...variableUses];
    const visit = (handle: Node) => {
      const use = this.useOf(this.afterBuilders(handle));
      const reaching =
        use.kind === 'given' ? this.gettersReaching(use.property) : use.kind === 'added' ? this.elementsReaching(use.list) : undefined;
      for (const candidate of reaching?.get(key) ?? []) {
        if (seen.has(candidate.id)) continue;
        seen.add(candidate.id);
        aliases.push(candidate);
        // An alias may be given on again, or kept in a local whose uses stand for the object too.
        visit(candidate);
        for (const local of this.localUses(this.afterBuilders(candidate))) visit(local);
      }
    };
    for (const handle of handles) visit(handle);
    return aliases.sort((a, b) => a.startIndex - b.startIndex);
  }

  /** The uses of the local an expression is stored in (`UserIdentity id = task.userIdentity();`). */
  localUses(expression: Node): Node[] {
    const declaration = this.symbols.assignedTo(expression);
    return declaration && !declaration.isField ? this.usesOf(declaration) : [];
  }

  /** A property's getter calls (`userIdentity()`, `getUserIdentity()`), by the object each reaches (once per property). */
  private gettersReaching(property: string): Map<string, Node[]> {
    return this.grouped(`getter:${property}`, () =>
      gettersOf(property)
        .flatMap((name) => this.callsNamed(name))
        .filter((call) => namedChildren(field(call, 'arguments')).length === 0),
    );
  }

  /** A list's `get(i)` calls, by the element each reaches (once per list). */
  private elementsReaching(list: Declaration): Map<string, Node[]> {
    return this.grouped(`get:${list.key}`, () =>
      this.usesOf(list).flatMap((use) => {
        const call = use.parent;
        const isGet =
          call?.type === 'method_invocation' &&
          sameNode(field(call, 'object'), use) &&
          field(call, 'name')?.text === LIST_GET &&
          namedChildren(field(call, 'arguments')).length === 1;
        return isGet ? [call] : [];
      }),
    );
  }

  /** Candidates grouped by the key of the object each denotes: an object's aliases are one look-up, not a scan. */
  private grouped(cacheKey: string, candidates: () => Node[]): Map<string, Node[]> {
    let groups = this.groupsCache.get(cacheKey);
    if (groups) return groups;
    groups = new Map();
    for (const candidate of candidates()) {
      const key = this.keyOf(candidate);
      if (key === undefined) continue;
      const group = groups.get(key);
      if (group) group.push(candidate);
      else groups.set(key, [candidate]);
    }
    this.groupsCache.set(cacheKey, groups);
    return groups;
  }

  /** The outermost builder call made on an expression (the expression when none is). */
  afterBuilders(expression: Node): Node {
    const builders = this.buildersOn(expression);
    return builders.length > 0 ? builders[builders.length - 1].call : expression;
  }

  /** The builder calls made on an expression right where it stands. */
  buildersOn(expression: Node): Segment[] {
    return leadingBuilders(this.chainOn(expression).segments);
  }

  /** The calls made on an expression where it stands (once per expression: keys, aliases and uses all ask). */
  private chainOn(expression: Node): Chain {
    let chain = this.chains.get(expression.id);
    if (!chain) this.chains.set(expression.id, (chain = chainFrom(expression)));
    return chain;
  }

  /** How an expression (its builder calls applied) is used. */
  useOf(expression: Node): Use {
    let e = expression;
    while (e.parent?.type === 'parenthesized_expression') e = e.parent;
    const parent = e.parent;
    switch (parent?.type) {
      case 'expression_statement':
        return { kind: 'here' };
      case 'variable_declarator':
        return parent.parent?.type === 'local_variable_declaration' ? { kind: 'here' } : { kind: 'escapes' };
      case 'assignment_expression': {
        if (!sameNode(field(parent, 'right'), e)) return { kind: 'here' };
        const left = field(parent, 'left');
        const declaration = left?.type === 'identifier' ? this.symbols.declarationOf(left) : undefined;
        return declaration && !declaration.isField ? { kind: 'here' } : { kind: 'escapes' };
      }
      case 'method_invocation':
        // Called on: a getter or another method of its own reads it.
        return sameNode(field(parent, 'object'), e) ? { kind: 'here' } : { kind: 'escapes' };
      case 'argument_list': {
        const call = parent.parent;
        const args = namedChildren(parent);
        const object = call && field(call, 'object');
        if (call?.type !== 'method_invocation' || !object) return { kind: 'escapes' };
        const name = field(call, 'name')?.text ?? '';
        if (FIXED_LIST_FACTORIES.has(name)) {
          const list = this.symbols.assignedTo(call);
          return list && !list.isField ? { kind: 'added', list } : { kind: 'escapes' };
        }
        if (args.length !== 1) return { kind: 'escapes' };
        if (isBuilderName(name)) return { kind: 'given', property: propertyOfSetter(name) };
        const list = this.symbols.referenceDeclaration(object);
        return name === LIST_ADD && list && !list.isField ? { kind: 'added', list } : { kind: 'escapes' };
      }
      default:
        return { kind: 'escapes' };
    }
  }

  /** Method invocations named `name`, found from the word (once per name: every object given under it asks). */
  callsNamed(name: string): Node[] {
    let calls = this.callsCache.get(name);
    if (calls) return calls;
    calls = [];
    for (const nameNode of nodesNamed(this.tree, this.words, name)) {
      const call = nameNode.parent;
      if (call?.type === 'method_invocation' && sameNode(field(call, 'name'), nameNode)) calls.push(call);
    }
    this.callsCache.set(name, calls);
    return calls;
  }

  /** A declaration's uses, once per declaration (a list's every element asks for them). */
  private usesOf(declaration: Declaration): Node[] {
    let uses = this.usesCache.get(declaration.key);
    if (!uses) this.usesCache.set(declaration.key, (uses = this.symbols.usesOf(declaration)));
    return uses;
  }
}

function capitalise(name: string): string {
  return name[0].toUpperCase() + name.slice(1);
}

/** The getters of a property: `userIdentity()` (fluent generations) and `getUserIdentity()` (bean-style). */
export function gettersOf(property: string): string[] {
  return [property, GETTER_PREFIX + capitalise(property)];
}

/** `withUserIdentity` / `setUserIdentity` → `userIdentity`. */
export function propertyOfSetter(name: string): string {
  const rest = name.startsWith('with') ? name.slice(4) : name.slice(3);
  return rest[0].toLowerCase() + rest.slice(1);
}

/** `userIdentity()` (fluent) and `getUserIdentity()` (bean) both read `userIdentity`. */
function propertyOfGetter(name: string): string {
  if (name.length > GETTER_PREFIX.length && name.startsWith(GETTER_PREFIX) && /[A-Z]/.test(name[GETTER_PREFIX.length]))
    return name[GETTER_PREFIX.length].toLowerCase() + name.slice(GETTER_PREFIX.length + 1);
  return name;
}
