/**
 * Evidence of Batch for C#, one mechanism for every fact: what type an expression, a declaration
 * or an initializer has, and whether that type is Batch's (by declaration, `new`, cast, alias,
 * full qualification, or a Batch namespace in reach with the type unknown). Also the holder keys
 * that tell two facts are about the same object, and the variables names refer to.
 *
 * Variables are resolved from the occurrences of their name inside the enclosing type (cached per
 * name), never by walking a whole tree.
 */
import { CSHARP, type CSharpModelShape, type CSharpSdk } from '../../batch/sdks';
import type { Confidence } from '../../engine/facts';
import type { Node, Tree } from '../treeSitterSupport';
import type { Reach } from './reach';
import {
  assignmentTo,
  children,
  declaratorValue,
  fieldOf,
  namedChildren,
  qualifierText,
  same,
  segmentsOf,
  TYPE_DECLARATIONS,
  unwrap,
} from './syntax';

export type Batchness = 'yes' | 'no' | 'unknown';

export interface TypeEvidence {
  readonly batch: Batchness;
  /** The Batch type's simple name (`StartTask`) when batch is 'yes'. */
  readonly name?: string;
  readonly sdk?: CSharpSdk;
  /** How the type was qualified where it was written (`Models.`), '' for a simple or aliased name. */
  readonly qualifier?: string;
  /** The namespace that qualifier names. */
  readonly qualifierNamespace?: string;
  /** The file's own declaration of the type, when the type is one of the file's. */
  readonly declaration?: Node;
}

const UNKNOWN: TypeEvidence = { batch: 'unknown' };
const NOT_BATCH: TypeEvidence = { batch: 'no' };

/** Every Batch type name an analysis asks about. */
export const BATCH_TYPE_NAMES: ReadonlySet<string> = new Set([
  ...Object.keys(CSHARP.taskTypes),
  ...CSHARP.poolTypes,
  ...CSHARP.identityTypes,
  ...Object.keys(CSHARP.enums),
]);

/** Preference when several generations are in reach and the name does not tell. */
const SDK_PREFERENCE: readonly CSharpSdk[] = [
  'Microsoft.Azure.Batch',
  'Microsoft.Azure.Batch.Protocol.Models',
  'Azure.Compute.Batch',
  'Microsoft.Azure.Management.Batch',
];

function pickSdk(generations: ReadonlySet<CSharpSdk>, name: string): CSharpSdk | undefined {
  if (name.startsWith('Batch') && generations.has('Azure.Compute.Batch')) return 'Azure.Compute.Batch';
  if (name.endsWith('Parameter') && generations.has('Microsoft.Azure.Batch.Protocol.Models'))
    return 'Microsoft.Azure.Batch.Protocol.Models';
  return SDK_PREFERENCE.find((sdk) => generations.has(sdk));
}

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

function nearest(node: Node, types: ReadonlySet<string>): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (types.has(n.type)) return n;
  return undefined;
}

function hasModifier(node: Node, ...modifiers: string[]): boolean {
  return children(node).some((c) => c.type === 'modifier' && modifiers.includes(c.text));
}

export class Resolver {
  private readonly declarationCache = new Map<string, Declaration[]>();
  private readonly resolved = new Map<number, Declaration | null>();
  private readonly usesCache = new Map<number, Node[]>();
  private depth = 0;

  constructor(
    private readonly tree: Tree,
    private readonly text: string,
    readonly reach: Reach,
  ) {}

  // Variables ------------------------------------------------------------------------------------

  /** The declaration a name node introduces, if it is one. */
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
    const isName = (field: string) => same(fieldOf(parent, field), node);
    switch (parent.type) {
      case 'variable_declarator': {
        if (!isName('name')) return undefined;
        const declaration = parent.parent;
        const holder = declaration?.parent;
        if (!declaration || !holder) return undefined;
        const isField = holder.type === 'field_declaration';
        const isConstant = hasModifier(holder, 'const') || (isField && hasModifier(holder, 'readonly'));
        const scope = isField ? nearest(holder, TYPE_DECLARATIONS) : nearest(parent, LOCAL_SCOPES);
        return make(scope, { type: fieldOf(declaration, 'type'), value: declaratorValue(parent), isConstant });
      }
      case 'parameter':
        return isName('name') ? make(parent.parent?.parent ?? undefined, { type: fieldOf(parent, 'type') }) : undefined;
      case 'foreach_statement':
        return isName('left') ? make(parent, { type: fieldOf(parent, 'type'), collection: fieldOf(parent, 'right') }) : undefined;
      case 'declaration_pattern':
      case 'declaration_expression':
        return isName('name') ? make(nearest(parent, LOCAL_SCOPES), { type: fieldOf(parent, 'type') }) : undefined;
      case 'property_declaration':
        return isName('name') ? make(nearest(parent, TYPE_DECLARATIONS), { type: fieldOf(parent, 'type') }) : undefined;
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
    for (const offset of this.occurrences(name, region.startIndex, region.endIndex)) {
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

  /** Whole-word occurrences of `word` in [start, end). */
  occurrences(word: string, start: number, end: number): number[] {
    const found: number[] = [];
    // A MISSING identifier (error recovery) has an empty name: searching for '' would never advance.
    if (word === '') return found;
    const isIdentifierChar = (code: number) =>
      (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127;
    for (let i = this.text.indexOf(word, start); i !== -1 && i + word.length <= end; i = this.text.indexOf(word, i + word.length)) {
      if (isIdentifierChar(this.text.charCodeAt(i - 1)) || isIdentifierChar(this.text.charCodeAt(i + word.length))) continue;
      found.push(i);
    }
    return found;
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
    const uses: Node[] = [];
    const name = declaration.name.text;
    for (const offset of this.occurrences(name, declaration.scopeStart, declaration.scopeEnd)) {
      if (offset === declaration.nameStart) continue;
      const node = this.tree.rootNode.namedDescendantForIndex(offset, offset + name.length);
      if (node?.type !== 'identifier' || node.startIndex !== offset) continue;
      // `x.task` is a member named like the variable, not the variable.
      const parent = node.parent;
      if (parent?.type === 'member_access_expression' && same(fieldOf(parent, 'name'), node)) continue;
      // Nor is the label of a named argument (`task: x`).
      if (parent?.type === 'argument' && same(fieldOf(parent, 'name'), node)) continue;
      if (this.resolve(node)?.nameStart === declaration.nameStart) uses.push(node);
    }
    this.usesCache.set(declaration.nameStart, uses);
    return uses;
  }

  /** `v.A = e` and `v.A.B = e` statements on a variable. */
  memberAssignments(declaration: Declaration): MemberAssignment[] {
    const found: MemberAssignment[] = [];
    for (const use of this.usesOf(declaration)) {
      const path: string[] = [];
      let current = use;
      let nameNode: Node | undefined;
      for (
        let parent = current.parent;
        parent?.type === 'member_access_expression' && same(fieldOf(parent, 'expression'), current);
        parent = current.parent
      ) {
        nameNode = fieldOf(parent, 'name');
        if (!nameNode) break;
        path.push(nameNode.text);
        current = parent;
      }
      const assignment = path.length > 0 ? assignmentTo(current) : undefined;
      const value = assignment && fieldOf(assignment, 'right');
      if (nameNode && value) found.push({ path, name: nameNode, value });
    }
    return found;
  }

  /** The value a name stands for, when it is a variable initialised where declared. */
  initialValueOf(identifier: Node): Node | undefined {
    return identifier.type === 'identifier' ? this.resolve(identifier)?.value : undefined;
  }

  // Types ----------------------------------------------------------------------------------------

  /** A type as written (`CloudTask`, `Models.StartTask`, `global::Microsoft.Azure.Batch.CloudTask`, `IStartTask?`). */
  classifyType(type: Node): TypeEvidence {
    switch (type.type) {
      case 'nullable_type': {
        const inner = fieldOf(type, 'type');
        return inner ? this.classifyType(inner) : NOT_BATCH;
      }
      case 'implicit_type':
        return UNKNOWN;
      case 'predefined_type':
        return type.text === 'object' || type.text === 'dynamic' ? UNKNOWN : NOT_BATCH;
      case 'identifier':
      case 'qualified_name':
      case 'alias_qualified_name': {
        const segments = segmentsOf(type);
        // The written qualifier is copied into fixes: not when it holds a syntax error (`Microsoft{.Azure…`).
        return segments ? this.classifySegments(segments, type.startIndex, type.hasError ? undefined : qualifierText(type)) : NOT_BATCH;
      }
      default:
        return NOT_BATCH;
    }
  }

  /** A dotted type name at an offset: aliases, the file's own types, namespaces in reach, relative namespaces. */
  classifySegments(segments: readonly string[], at: number, written?: string): TypeEvidence {
    const name = segments[segments.length - 1];
    if (segments.length === 1) {
      if (name === 'dynamic') return UNKNOWN;
      const aliased = this.reach.aliasAt(at, name);
      if (aliased) {
        const target = aliased.split('.');
        const sdk = CSHARP.namespaces[target.slice(0, -1).join('.')];
        const typeName = target[target.length - 1];
        return sdk && BATCH_TYPE_NAMES.has(typeName) ? { batch: 'yes', name: typeName, sdk, qualifier: '' } : NOT_BATCH;
      }
      const declarations = this.reach.declarationsOf(name);
      if (declarations.length > 0) return this.ownType(declarations[0]);
      if (!BATCH_TYPE_NAMES.has(name)) return NOT_BATCH;
      const sdk = pickSdk(this.reach.generationsAt(at), name);
      return sdk ? { batch: 'yes', name, sdk, qualifier: '' } : NOT_BATCH;
    }
    const prefix = segments.slice(0, -1);
    const aliasOfFirst = this.reach.aliasAt(at, prefix[0]);
    const prefixText = prefix.join('.');
    const candidates = aliasOfFirst ? [[aliasOfFirst, ...prefix.slice(1)].join('.')] : [prefixText];
    if (!aliasOfFirst) {
      // Inside namespace A.B, `Common.X` may mean A.B.Common.X or A.Common.X.
      for (const ns of this.reach.enclosingNamespaces(at)) {
        const parts = ns.split('.');
        for (let i = parts.length; i >= 1; i--) candidates.push(`${parts.slice(0, i).join('.')}.${prefixText}`);
      }
      // Leniently, `Common.ElevationLevel` beside `using Microsoft.Azure.Batch;` still means Batch's enum.
      for (const ns of this.reach.reachableNamespaces(at)) if (CSHARP.namespaces[ns]) candidates.push(`${ns}.${prefixText}`);
    }
    for (const candidate of candidates) {
      const sdk = CSHARP.namespaces[candidate];
      if (sdk && BATCH_TYPE_NAMES.has(name))
        return { batch: 'yes', name, sdk, qualifier: written ?? `${prefixText}.`, qualifierNamespace: candidate };
    }
    return NOT_BATCH;
  }

  /** A type the file declares: not Batch's, unless it derives from a Batch type (`class MyStart : StartTask`). */
  private ownType(declaration: Node): TypeEvidence {
    const bases = namedChildren(declaration).find((c) => c.type === 'base_list');
    for (const base of bases ? namedChildren(bases) : []) {
      if (base.type === 'identifier' && this.reach.declares(base.text)) continue;
      const evidence = this.classifyType(base);
      if (evidence.batch === 'yes') return evidence;
    }
    return { batch: 'no', declaration };
  }

  /** The type of a member of one of the file's own types, from its field or property declaration. */
  private memberTypeOf(owner: Node, member: string): TypeEvidence | undefined {
    const body = fieldOf(owner, 'body');
    for (const child of body ? namedChildren(body) : []) {
      if (child.type === 'property_declaration' && fieldOf(child, 'name')?.text === member) {
        const type = fieldOf(child, 'type');
        return type ? this.classifyType(type) : UNKNOWN;
      }
      if (child.type === 'field_declaration') {
        const declaration = namedChildren(child).find((c) => c.type === 'variable_declaration');
        const declarator =
          declaration && namedChildren(declaration).find((c) => c.type === 'variable_declarator' && fieldOf(c, 'name')?.text === member);
        const type = declaration && fieldOf(declaration, 'type');
        if (declarator && type) return this.classifyType(type);
      }
    }
    return undefined;
  }

  /** A property whose name is a Batch type's (`pool.StartTask`, `StartTask = { … }`) has that type. */
  private typeOfMember(ownerType: TypeEvidence | undefined, member: Node): TypeEvidence {
    if (ownerType?.declaration) {
      const declared = this.memberTypeOf(ownerType.declaration, member.text);
      if (declared) return declared;
    }
    // A nested identity model named otherwise than its type: `UserIdentity.AutoUser`.
    const shape =
      ownerType?.batch === 'yes' && ownerType.name ? (CSHARP.models as Record<string, CSharpModelShape>)[ownerType.name] : undefined;
    const field = shape?.properties[member.text];
    const fieldType = field && CSHARP.fieldTypes[field];
    if (fieldType) return { batch: 'yes', name: fieldType, sdk: ownerType?.sdk, qualifier: '' };
    return BATCH_TYPE_NAMES.has(member.text) ? this.classifySegments([member.text], member.startIndex) : UNKNOWN;
  }

  typeOfDeclaration(declaration: Declaration): TypeEvidence {
    if (declaration.type && declaration.type.type !== 'implicit_type') return this.classifyType(declaration.type);
    if (declaration.collection) return this.elementTypeOf(declaration.collection);
    if (declaration.value) return this.typeOfExpression(declaration.value);
    return UNKNOWN;
  }

  /** The element type of a collection: `List<CloudTask>`, `CloudTask[]`, `new List<CloudTask>()`. */
  elementTypeOf(collection: Node): TypeEvidence {
    const expr = unwrap(collection);
    let type: Node | undefined;
    if (expr.type === 'identifier') {
      const declaration = this.resolve(expr);
      type = declaration?.type?.type === 'implicit_type' ? fieldOf(unwrap(declaration.value ?? expr), 'type') : declaration?.type;
    } else if (expr.type === 'object_creation_expression' || expr.type === 'array_creation_expression') {
      type = fieldOf(expr, 'type');
    }
    if (!type) return UNKNOWN;
    if (type.type === 'array_type') {
      const element = fieldOf(type, 'type');
      return element ? this.classifyType(element) : UNKNOWN;
    }
    if (type.type === 'generic_name') {
      const args = namedChildren(type).find((c) => c.type === 'type_argument_list');
      const only = args ? namedChildren(args) : [];
      return only.length === 1 ? this.classifyType(only[0]) : UNKNOWN;
    }
    return UNKNOWN;
  }

  /** The type of a value expression, as far as declarations and `new` tell. */
  typeOfExpression(expression: Node): TypeEvidence {
    if (this.depth > 20) return UNKNOWN;
    this.depth++;
    try {
      return this.typeOfExpressionInner(unwrap(expression));
    } finally {
      this.depth--;
    }
  }

  private typeOfExpressionInner(expr: Node): TypeEvidence {
    switch (expr.type) {
      case 'identifier': {
        const declaration = this.resolve(expr);
        if (declaration) return this.typeOfDeclaration(declaration);
        // A type used as a receiver (`nameof(CloudTask.RunElevated)`), or a member declared elsewhere.
        return BATCH_TYPE_NAMES.has(expr.text) || this.reach.aliasAt(expr.startIndex, expr.text)
          ? this.classifySegments([expr.text], expr.startIndex)
          : UNKNOWN;
      }
      case 'member_access_expression': {
        const receiver = fieldOf(expr, 'expression');
        const name = fieldOf(expr, 'name');
        if (!receiver || !name) return UNKNOWN;
        return this.typeOfMember(this.typeOfExpression(receiver), name);
      }
      case 'object_creation_expression': {
        const type = fieldOf(expr, 'type');
        return type ? this.classifyType(type) : UNKNOWN;
      }
      case 'implicit_object_creation_expression':
        return this.targetTypeOf(expr);
      case 'cast_expression': {
        const type = fieldOf(expr, 'type');
        return type ? this.classifyType(type) : UNKNOWN;
      }
      case 'as_expression': {
        const type = fieldOf(expr, 'right');
        return type ? this.classifyType(type) : UNKNOWN;
      }
      case 'element_access_expression': {
        const collection = fieldOf(expr, 'expression');
        return collection ? this.elementTypeOf(collection) : UNKNOWN;
      }
      case 'this':
      case 'base':
      case 'this_expression': {
        // The class's own members, or those it inherits from a Batch type.
        const owner = nearest(expr, TYPE_DECLARATIONS);
        return owner ? this.ownType(owner) : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  /** The type a target-typed `new(…)` creates: its variable's declared type, or the member it is assigned to. */
  targetTypeOf(creation: Node): TypeEvidence {
    const parent = creation.parent;
    if (!parent) return UNKNOWN;
    if (parent.type === 'variable_declarator') {
      const type = parent.parent && fieldOf(parent.parent, 'type');
      return type ? this.classifyType(type) : UNKNOWN;
    }
    if (parent.type === 'assignment_expression' && same(fieldOf(parent, 'right'), creation)) {
      const left = fieldOf(parent, 'left');
      if (!left) return UNKNOWN;
      const owner = parent.parent;
      if (left.type === 'identifier' && owner?.type === 'initializer_expression')
        return this.typeOfMember(this.typeOfInitializer(owner), left);
      return this.typeOfExpression(left);
    }
    if (parent.type === 'initializer_expression') {
      // An element of a collection initializer: `new List<UserAccount> { new("a", "b") }`.
      const collection = parent.parent;
      return collection ? this.elementTypeOf(collection) : UNKNOWN;
    }
    return UNKNOWN;
  }

  /** The type of the object an initializer `{ … }` fills. */
  typeOfInitializer(initializer: Node): TypeEvidence {
    const parent = initializer.parent;
    if (!parent) return UNKNOWN;
    if (parent.type === 'object_creation_expression') {
      const type = fieldOf(parent, 'type');
      return type ? this.classifyType(type) : UNKNOWN;
    }
    if (parent.type === 'implicit_object_creation_expression') return this.targetTypeOf(parent);
    if (parent.type === 'assignment_expression') {
      // A nested initializer: `StartTask = { … }` fills the member's existing object.
      const left = fieldOf(parent, 'left');
      const owner = parent.parent;
      if (left?.type === 'identifier' && owner?.type === 'initializer_expression')
        return this.typeOfMember(this.typeOfInitializer(owner), left);
      return left ? this.typeOfExpression(left) : UNKNOWN;
    }
    return UNKNOWN;
  }

  /** strong: a Batch type; weak: an unknown type with a Batch namespace in reach; undefined: not Batch. */
  confidenceOf(evidence: TypeEvidence, at: number): Confidence | undefined {
    if (evidence.batch === 'yes') return 'strong';
    if (evidence.batch === 'unknown' && this.reach.generationsAt(at).size > 0) return 'weak';
    return undefined;
  }

  /** The generation to write at `at` for an object of this type. */
  sdkFor(evidence: TypeEvidence, at: number): CSharpSdk | undefined {
    return evidence.sdk ?? pickSdk(this.reach.generationsAt(at), evidence.name ?? '');
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
          same(fieldOf(assignment, 'left'), expr) &&
          owner?.type === 'initializer_expression'
        ) {
          return `${this.keyOfInitializer(owner)}.${expr.text}`;
        }
        const declaration = this.resolve(expr);
        return declaration ? this.keyOfVariable(declaration) : `cs:name:${this.memberStart(expr)}:${expr.text}`;
      }
      case 'member_access_expression': {
        const receiver = fieldOf(expr, 'expression');
        const name = fieldOf(expr, 'name');
        if (receiver && name) return `${this.keyOfLValue(receiver)}.${name.text}`;
        break;
      }
      case 'cast_expression': {
        const value = fieldOf(expr, 'value');
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
      const left = fieldOf(parent, 'left');
      if (left) return this.keyOfLValue(left);
    }
    return `cs:init:${initializer.startIndex}`;
  }

  /** A created object: the variable or member it is stored in, else the creation itself. */
  keyOfObject(creation: Node): string {
    const parent = creation.parent;
    if (parent?.type === 'variable_declarator') {
      const name = fieldOf(parent, 'name');
      if (name) return `cs:var:${name.startIndex}`;
    }
    if (parent?.type === 'assignment_expression' && same(fieldOf(parent, 'right'), creation)) {
      const left = fieldOf(parent, 'left');
      if (left) return this.keyOfLValue(left);
    }
    return `cs:obj:${creation.startIndex}`;
  }
}
