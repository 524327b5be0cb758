/**
 * C# names → declarations: the variable, parameter, field or property a name refers to (innermost
 * visible first), its uses, the member writes made through it, and the holder key that tells two
 * facts are about the same object. Names are resolved from the occurrences of their word inside
 * the enclosing member and types (cached per name), never by walking a whole tree.
 */
import type { Words } from '../toolkit/text';
import { children, field, nearest, sameNode, usesIn, type Node, type Tree } from '../toolkit/treeSitter';
import { assignmentTo, declaratorValue, TYPE_DECLARATIONS, unwrap } from './syntax';

export interface Declaration {
  /** The declared name (an identifier, or a lambda's implicit parameter). */
  readonly name: Node;
  readonly type?: Node;
  /** The initial value, when written with the declaration. */
  readonly value?: Node;
  /** What a `foreach` variable iterates over. */
  readonly collection?: Node;
  /** Where the name is visible (offsets kept: asking a node for them crosses into WASM). */
  readonly scope: Node;
  readonly scopeStart: number;
  readonly scopeEnd: number;
  readonly nameStart: number;
  /** A field or property: visible in its whole type, before its declaration too. */
  readonly isMember: boolean;
  /** `const`, or a `readonly` field: its value is the one written here. */
  readonly isConstant: boolean;
}

export interface MemberAssignment {
  /** Member names after the variable: `id.AutoUser.Scope = …` → ['AutoUser', 'Scope']. */
  readonly path: string[];
  readonly name: Node;
  readonly value: Node;
}

const LOCAL_SCOPES: ReadonlySet<string> = new Set([
  'block',
  'switch_section',
  'for_statement',
  'foreach_statement',
  'using_statement',
  'fixed_statement',
  'lambda_expression',
  'anonymous_method_expression',
  'local_function_statement',
  'method_declaration',
  'constructor_declaration',
  'accessor_declaration',
  'catch_clause',
  'compilation_unit',
  ...TYPE_DECLARATIONS,
]);

/** Where names are searched for, innermost first: a member's body, then each enclosing type. */
const REGIONS: ReadonlySet<string> = new Set([
  'method_declaration',
  'constructor_declaration',
  'destructor_declaration',
  'operator_declaration',
  'conversion_operator_declaration',
  'local_function_statement',
  'accessor_declaration',
  ...TYPE_DECLARATIONS,
]);

const MEMBER_SCOPES: ReadonlySet<string> = new Set([
  'method_declaration',
  'constructor_declaration',
  'local_function_statement',
  'accessor_declaration',
  'property_declaration',
  'lambda_expression',
  'operator_declaration',
  ...TYPE_DECLARATIONS,
]);

/** The member name an assignable expression ends in: `UserIdentity` of `start.UserIdentity`, or the initializer member itself. */
function memberNameOf(target: Node): Node | undefined {
  if (target.type === 'member_access_expression') return field(target, 'name');
  return target.type === 'identifier' ? target : undefined;
}

/** `x.A = e`, `x.A.B = e` from an occurrence of `x`: the members written and the value, when it is such a write. */
function writeThrough(use: Node): MemberAssignment | undefined {
  const path: string[] = [];
  let current = use;
  let nameNode: Node | undefined;
  for (
    let parent = current.parent;
    parent?.type === 'member_access_expression' && sameNode(field(parent, 'expression'), current);
    parent = current.parent
  ) {
    nameNode = field(parent, 'name');
    if (!nameNode) break;
    path.push(nameNode.text);
    current = parent;
  }
  const assignment = path.length > 0 ? assignmentTo(current) : undefined;
  const value = assignment && field(assignment, 'right');
  return nameNode && value ? { path, name: nameNode, value } : undefined;
}

function hasModifier(node: Node, ...modifiers: string[]): boolean {
  return children(node).some((c) => c.type === 'modifier' && modifiers.includes(c.text));
}

/** The file's symbol table: declarations, uses and holder keys, each cached for the analysis. */
export class SymbolTable {
  private readonly declarationCache = new Map<string, Declaration[]>();
  private readonly resolved = new Map<number, Declaration | null>();
  private readonly usesCache = new Map<number, Node[]>();
  /** Member accesses by member name, then by the holder key of the member they denote. */
  private readonly accessCache = new Map<string, Map<string, Node[]>>();
  private readonly text: string;

  constructor(
    private readonly tree: Tree,
    private readonly words: Words,
  ) {
    this.text = words.text;
  }

  private declarationAt(node: Node): Declaration | undefined {
    const parent = node.parent;
    if (!parent) return undefined;
    const make = (
      scope: Node | undefined,
      rest: { type?: Node; value?: Node; collection?: Node; isConstant?: boolean } = {},
    ): Declaration | undefined =>
      scope && {
        name: node,
        scope,
        scopeStart: scope.startIndex,
        scopeEnd: scope.endIndex,
        nameStart: node.startIndex,
        isMember: TYPE_DECLARATIONS.has(scope.type),
        isConstant: rest.isConstant ?? false,
        type: rest.type,
        value: rest.value,
        collection: rest.collection,
      };
    if (node.type === 'implicit_parameter') return make(parent);
    if (node.type !== 'identifier') return undefined;
    const isName = (name: string) => sameNode(field(parent, name), node);
    switch (parent.type) {
      case 'variable_declarator': {
        if (!isName('name')) return undefined;
        const declaration = parent.parent;
        const holder = declaration?.parent;
        if (!declaration || !holder) return undefined;
        const isField = holder.type === 'field_declaration';
        const isConstant = hasModifier(holder, 'const') || (isField && hasModifier(holder, 'readonly'));
        const scope = isField ? nearest(holder, TYPE_DECLARATIONS) : nearest(parent, LOCAL_SCOPES);
        return make(scope, { type: field(declaration, 'type'), value: declaratorValue(parent), isConstant });
      }
      case 'parameter':
        return isName('name') ? make(parent.parent?.parent ?? undefined, { type: field(parent, 'type') }) : undefined;
      case 'foreach_statement':
        return isName('left') ? make(parent, { type: field(parent, 'type'), collection: field(parent, 'right') }) : undefined;
      case 'declaration_pattern':
      case 'declaration_expression':
        return isName('name') ? make(nearest(parent, LOCAL_SCOPES), { type: field(parent, 'type') }) : undefined;
      case 'property_declaration':
        return isName('name') ? make(nearest(parent, TYPE_DECLARATIONS), { type: field(parent, 'type') }) : undefined;
      default:
        return undefined;
    }
  }

  /** Declarations of `name` inside `region`, from the name's occurrences there. */
  private declarationsIn(region: Node, name: string): Declaration[] {
    const key = `${region.startIndex}:${region.endIndex}:${name}`;
    let found = this.declarationCache.get(key);
    if (found) return found;
    found = [];
    for (const offset of this.words.within(name, region.startIndex, region.endIndex)) {
      // A declared name is never a member name (`x.name`) nor followed by `.`, `(` or `[`: skip those without asking the tree.
      if (this.neighbour(offset - 1, -1) === '.' || '.(['.includes(this.neighbour(offset + name.length, 1))) continue;
      const node = this.tree.rootNode.namedDescendantForIndex(offset, offset + name.length);
      if (!node || node.startIndex !== offset || node.endIndex !== offset + name.length) continue;
      const declaration = this.declarationAt(node);
      if (declaration) found.push(declaration);
    }
    this.declarationCache.set(key, found);
    return found;
  }

  /** The first character from `offset` on, in direction `step`, that is not whitespace. */
  private neighbour(offset: number, step: 1 | -1): string {
    let i = offset;
    while (i >= 0 && i < this.text.length && /\s/.test(this.text[i])) i += step;
    return i >= 0 && i < this.text.length ? this.text[i] : '';
  }

  /**
   * The declaration an identifier refers to: the innermost visible one, searched member by member
   * outwards (the method's own locals and parameters first, then the fields of each enclosing type).
   */
  resolve(identifier: Node): Declaration | undefined {
    const start = identifier.startIndex;
    const cached = this.resolved.get(start);
    if (cached !== undefined) return cached ?? undefined;
    const result = this.resolveUncached(identifier, start);
    this.resolved.set(start, result ?? null);
    return result;
  }

  private resolveUncached(identifier: Node, start: number): Declaration | undefined {
    const own = this.declarationAt(identifier);
    if (own) return own;
    if (identifier.type !== 'identifier') return undefined;
    const name = identifier.text;
    const root = this.tree.rootNode;
    let region: Node | undefined = nearest(identifier, REGIONS) ?? root;
    while (region) {
      let best: Declaration | undefined;
      for (const d of this.declarationsIn(region, name)) {
        if (start < d.scopeStart || start >= d.scopeEnd) continue;
        if (!d.isMember && d.nameStart > start) continue;
        const narrower = !best || d.scopeEnd - d.scopeStart < best.scopeEnd - best.scopeStart;
        const sameScopeLater = best && best.scopeStart === d.scopeStart && best.scopeEnd === d.scopeEnd && d.nameStart > best.nameStart;
        if (narrower || sameScopeLater) best = d;
      }
      if (best) return best;
      // The root ends the search whatever its type: a file that is all error has an ERROR root.
      region = region.parent ? (nearest(region, REGIONS) ?? root) : undefined;
    }
    return undefined;
  }

  /** Identifiers that refer to a declaration, after it. */
  usesOf(declaration: Declaration): Node[] {
    const cached = this.usesCache.get(declaration.nameStart);
    if (cached) return cached;
    const range = { start: declaration.scopeStart, end: declaration.scopeEnd };
    const uses = usesIn(this.tree, this.words, declaration.name.text, range, declaration.nameStart, (node) => {
      const parent = node.parent;
      // `x.task` is a member named like the variable, not the variable.
      if (parent?.type === 'member_access_expression' && sameNode(field(parent, 'name'), node)) return undefined;
      // Nor is the label of a named argument (`task: x`).
      if (parent?.type === 'argument' && sameNode(field(parent, 'name'), node)) return undefined;
      return this.resolve(node)?.nameStart === declaration.nameStart ? node : undefined;
    });
    this.usesCache.set(declaration.nameStart, uses);
    return uses;
  }

  /** `v.A = e` and `v.A.B = e` statements on a variable. */
  memberAssignments(declaration: Declaration): MemberAssignment[] {
    return this.usesOf(declaration).flatMap((use) => writeThrough(use) ?? []);
  }

  /**
   * Writes through the member an object was assigned to (`target`: `start.UserIdentity`, or
   * `UserIdentity` in an initializer), after offset `after` and up to the member's next assignment:
   * `start.UserIdentity.AutoUser = …` completes what `start.UserIdentity = new UserIdentity()` began.
   * The same holder key is the same object (a variable's members, `this`'s, or a member's text).
   */
  writesThrough(target: Node, after: number): MemberAssignment[] {
    const word = memberNameOf(target)?.text;
    if (!word) return [];
    const key = this.keyOfLValue(target);
    const found: MemberAssignment[] = [];
    for (const access of this.accessesOf(word, key, after)) {
      if (assignmentTo(access)) break; // the member holds another object from here on
      const write = writeThrough(access);
      if (write) found.push(write);
    }
    return found;
  }

  /**
   * Uses of the member an object was assigned to, after `after`, as a value rather than through its
   * members (`Configure(start.UserIdentity)`, `var id = start.UserIdentity`): where it escapes.
   */
  valueUsesThrough(target: Node, after: number): Node[] {
    const word = memberNameOf(target)?.text;
    if (!word) return [];
    const found: Node[] = [];
    for (const access of this.accessesOf(word, this.keyOfLValue(target), after)) {
      if (assignmentTo(access)) break;
      const parent = access.parent;
      if (parent?.type === 'member_access_expression' && sameNode(field(parent, 'expression'), access)) {
        const call = parent.parent;
        // A method called on it may change it.
        if (call?.type === 'invocation_expression' && sameNode(field(call, 'function'), parent)) found.push(access);
        continue;
      }
      found.push(access);
    }
    return found;
  }

  /** Member accesses `….word` after `after` whose object has the holder key `key`, in text order. */
  private accessesOf(word: string, key: string, after: number): Node[] {
    let byKey = this.accessCache.get(word);
    if (!byKey) {
      byKey = new Map();
      for (const offset of this.words.of(word)) {
        const node = this.tree.rootNode.namedDescendantForIndex(offset, offset + word.length);
        const access = node?.parent;
        if (!node || access?.type !== 'member_access_expression' || !sameNode(field(access, 'name'), node)) continue;
        const accessKey = this.keyOfLValue(access);
        const same = byKey.get(accessKey);
        if (same) same.push(access);
        else byKey.set(accessKey, [access]);
      }
      this.accessCache.set(word, byKey);
    }
    return (byKey.get(key) ?? []).filter((access) => access.startIndex >= after);
  }

  /** The value a name stands for, when it is a variable initialised where declared. */
  initialValueOf(identifier: Node): Node | undefined {
    return identifier.type === 'identifier' ? this.resolve(identifier)?.value : undefined;
  }

  // Holder keys ----------------------------------------------------------------------------------

  private memberStart(node: Node): number {
    return nearest(node, MEMBER_SCOPES)?.startIndex ?? 0;
  }

  keyOfVariable(declaration: Declaration): string {
    return `cs:var:${declaration.nameStart}`;
  }

  /** The object an assignable expression denotes: `task`, `job.JobManagerTask`, `StartTask` in an initializer. */
  keyOfLValue(expression: Node): string {
    const expr = unwrap(expression);
    switch (expr.type) {
      case 'identifier': {
        const assignment = expr.parent;
        const owner = assignment?.parent;
        if (
          assignment?.type === 'assignment_expression' &&
          sameNode(field(assignment, 'left'), expr) &&
          owner?.type === 'initializer_expression'
        ) {
          return `${this.keyOfInitializer(owner)}.${expr.text}`;
        }
        const declaration = this.resolve(expr);
        return declaration ? this.keyOfVariable(declaration) : `cs:name:${this.memberStart(expr)}:${expr.text}`;
      }
      case 'member_access_expression': {
        const receiver = field(expr, 'expression');
        const name = field(expr, 'name');
        if (receiver && name) return `${this.keyOfLValue(receiver)}.${name.text}`;
        break;
      }
      case 'cast_expression': {
        const value = field(expr, 'value');
        if (value) return this.keyOfLValue(value);
        break;
      }
      case 'this':
      case 'base':
      case 'this_expression':
        return `cs:this:${nearest(expr, TYPE_DECLARATIONS)?.startIndex ?? 0}`;
    }
    return `cs:text:${this.memberStart(expr)}:${expr.text.replace(/\s+/g, '')}`;
  }

  /** The object an initializer fills. */
  keyOfInitializer(initializer: Node): string {
    const parent = initializer.parent;
    if (parent?.type === 'object_creation_expression' || parent?.type === 'implicit_object_creation_expression')
      return this.keyOfObject(parent);
    if (parent?.type === 'assignment_expression') {
      const left = field(parent, 'left');
      if (left) return this.keyOfLValue(left);
    }
    return `cs:init:${initializer.startIndex}`;
  }

  /** A created object: the variable or member it is stored in, else the creation itself. */
  keyOfObject(creation: Node): string {
    const parent = creation.parent;
    if (parent?.type === 'variable_declarator') {
      const name = field(parent, 'name');
      if (name) return `cs:var:${name.startIndex}`;
    }
    if (parent?.type === 'assignment_expression' && sameNode(field(parent, 'right'), creation)) {
      const left = field(parent, 'left');
      if (left) return this.keyOfLValue(left);
    }
    return `cs:obj:${creation.startIndex}`;
  }
}
