/**
 * Evidence of Batch for C#, one mechanism for every fact: what type an expression, a declaration
 * or an initializer has, and whether that type is Batch's (by declaration, `new`, cast, alias, full
 * qualification, or a Batch namespace in reach with the type unknown).
 */
import { CSHARP, csharpHasType, csharpModelOf, type CSharpModelShape, type CSharpSdk } from '../../batch/sdks';
import type { Confidence } from '../../engine/facts';
import { confidenceFor, NOT_BATCH, UNKNOWN, type Evidence } from '../toolkit/evidence';
import { field, namedChildren, nearest, sameNode, type Node } from '../toolkit/treeSitter';
import type { Reach } from './imports';
import type { Declaration, SymbolTable } from './scope';
import { argumentsOf, isObjectCreation, qualifierText, segmentsOf, TYPE_DECLARATIONS, unwrap } from './syntax';

/** What a type is, for Batch. */
export type TypeEvidence = Evidence<{
  /**
   * The Batch model the type is when batch is 'yes': its simple name (`StartTask`), the same for
   * every generation (`BatchAccountPoolStartTask` of Azure.ResourceManager.Batch is a `StartTask`).
   */
  readonly name?: string;
  readonly sdk?: CSharpSdk;
  /** How the type was qualified where it was written (`Models.`), '' for a simple or aliased name. */
  readonly qualifier?: string;
  /** The namespace that qualifier names. */
  readonly qualifierNamespace?: string;
  /** The file's own declaration of the type, when the type is one of the file's. */
  readonly declaration?: Node;
}>;

/** Every Batch type name an analysis asks about, as the generations write them. */
export const BATCH_TYPE_NAMES: ReadonlySet<string> = new Set([
  ...Object.keys(CSHARP.taskTypes),
  ...CSHARP.poolTypes,
  ...CSHARP.identityTypes,
  ...Object.keys(CSHARP.enums),
  ...Object.keys(CSHARP.poolModels),
  ...Object.values(CSHARP.poolFieldTypes),
  ...CSHARP.poolInfoTypes,
  ...Object.values(CSHARP.ownTypes).flatMap((types) => Object.keys(types ?? {})),
]);

/** A Batch type of this name in this generation: the model it is, or undefined when the generation has no such type. */
function modelIn(sdk: CSharpSdk, name: string): string | undefined {
  return BATCH_TYPE_NAMES.has(name) && csharpHasType(sdk, name) ? csharpModelOf(name) : undefined;
}

/** Preference when several generations are in reach and the name does not tell. */
const SDK_PREFERENCE: readonly CSharpSdk[] = [
  'Microsoft.Azure.Batch',
  'Microsoft.Azure.Batch.Protocol.Models',
  'Azure.Compute.Batch',
  'Microsoft.Azure.Management.Batch',
  'Azure.ResourceManager.Batch',
];

function pickSdk(inReach: ReadonlySet<CSharpSdk>, name: string): CSharpSdk | undefined {
  // Only the generations that have the name: `BatchUserIdentity` is Azure.ResourceManager.Batch's alone, which has no `UserIdentity`.
  const generations = new Set([...inReach].filter((sdk) => csharpHasType(sdk, name)));
  if (name.startsWith('Batch') && generations.has('Azure.Compute.Batch')) return 'Azure.Compute.Batch';
  if (name.endsWith('Parameter') && generations.has('Microsoft.Azure.Batch.Protocol.Models'))
    return 'Microsoft.Azure.Batch.Protocol.Models';
  return SDK_PREFERENCE.find((sdk) => generations.has(sdk));
}

export class BatchEvidence {
  private depth = 0;

  constructor(
    private readonly symbols: SymbolTable,
    readonly reach: Reach,
  ) {}

  /** A type as written (`CloudTask`, `Models.StartTask`, `global::Microsoft.Azure.Batch.CloudTask`, `IStartTask?`). */
  classifyType(type: Node): TypeEvidence {
    switch (type.type) {
      case 'nullable_type': {
        const inner = field(type, 'type');
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
        const model = sdk && modelIn(sdk, target[target.length - 1]);
        return sdk && model ? { batch: 'yes', name: model, sdk, qualifier: '' } : NOT_BATCH;
      }
      const declarations = this.reach.declarationsOf(name);
      if (declarations.length > 0) return this.ownType(declarations[0]);
      if (!BATCH_TYPE_NAMES.has(name)) return NOT_BATCH;
      const sdk = pickSdk(this.reach.generationsAt(at), name);
      return sdk ? { batch: 'yes', name: csharpModelOf(name), sdk, qualifier: '' } : NOT_BATCH;
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
      const model = sdk && modelIn(sdk, name);
      if (sdk && model) return { batch: 'yes', name: model, sdk, qualifier: written ?? `${prefixText}.`, qualifierNamespace: candidate };
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
    const body = field(owner, 'body');
    for (const child of body ? namedChildren(body) : []) {
      if (child.type === 'property_declaration' && field(child, 'name')?.text === member) {
        const type = field(child, 'type');
        return type ? this.classifyType(type) : UNKNOWN;
      }
      if (child.type === 'field_declaration') {
        const declaration = namedChildren(child).find((c) => c.type === 'variable_declaration');
        const declarator =
          declaration && namedChildren(declaration).find((c) => c.type === 'variable_declarator' && field(c, 'name')?.text === member);
        const type = declaration && field(declaration, 'type');
        if (declarator && type) return this.classifyType(type);
      }
    }
    return undefined;
  }

  /**
   * The model a property of a Batch model holds (`pool.StartTask`, `StartTask = { … }`,
   * `UserIdentity.AutoUser`), in the owner's generation; a property named as a Batch type, on an
   * object of unknown type, has that type.
   */
  private typeOfMember(ownerType: TypeEvidence | undefined, member: Node): TypeEvidence {
    if (ownerType?.declaration) {
      const declared = this.memberTypeOf(ownerType.declaration, member.text);
      if (declared) return declared;
    }
    const model = CSHARP.memberTypes[member.text];
    if (ownerType?.batch === 'yes' && model) return { batch: 'yes', name: model, sdk: ownerType.sdk, qualifier: '' };
    return BATCH_TYPE_NAMES.has(member.text) ? this.classifySegments([member.text], member.startIndex) : UNKNOWN;
  }

  /** The element model of a Batch model's collection property (`pool.UserAccounts`, `UserAccounts = { … }`). */
  private elementTypeOfMember(ownerType: TypeEvidence, member: Node): TypeEvidence {
    const model = CSHARP.elementTypes[member.text];
    return ownerType.batch === 'yes' && model ? { batch: 'yes', name: model, sdk: ownerType.sdk, qualifier: '' } : UNKNOWN;
  }

  typeOfDeclaration(declaration: Declaration): TypeEvidence {
    if (declaration.type && declaration.type.type !== 'implicit_type') return this.classifyType(declaration.type);
    if (declaration.collection) return this.elementTypeOf(declaration.collection);
    if (declaration.value) return this.typeOfExpression(declaration.value);
    return UNKNOWN;
  }

  /**
   * The element type of a collection: `List<CloudTask>`, `CloudTask[]`, `new List<CloudTask>()`, a
   * Batch model's collection property (`pool.UserAccounts`), or the one a collection initializer
   * fills (`UserAccounts = { … }`).
   */
  elementTypeOf(collection: Node): TypeEvidence {
    const expr = unwrap(collection);
    let type: Node | undefined;
    if (expr.type === 'member_access_expression') {
      const receiver = field(expr, 'expression');
      const name = field(expr, 'name');
      return receiver && name ? this.elementTypeOfMember(this.typeOfExpression(receiver), name) : UNKNOWN;
    }
    if (expr.type === 'assignment_expression') {
      const left = field(expr, 'left');
      const owner = expr.parent;
      if (left?.type === 'identifier' && owner?.type === 'initializer_expression')
        return this.elementTypeOfMember(this.typeOfInitializer(owner), left);
      return left ? this.elementTypeOf(left) : UNKNOWN;
    }
    if (expr.type === 'identifier') {
      const declaration = this.symbols.resolve(expr);
      type = declaration?.type?.type === 'implicit_type' ? field(unwrap(declaration.value ?? expr), 'type') : declaration?.type;
    } else if (expr.type === 'object_creation_expression' || expr.type === 'array_creation_expression') {
      type = field(expr, 'type');
    }
    if (!type) return UNKNOWN;
    if (type.type === 'array_type') {
      const element = field(type, 'type');
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
        const declaration = this.symbols.resolve(expr);
        if (declaration) return this.typeOfDeclaration(declaration);
        // A type used as a receiver (`nameof(CloudTask.RunElevated)`), or a member declared elsewhere.
        return BATCH_TYPE_NAMES.has(expr.text) || this.reach.aliasAt(expr.startIndex, expr.text)
          ? this.classifySegments([expr.text], expr.startIndex)
          : UNKNOWN;
      }
      case 'member_access_expression': {
        const receiver = field(expr, 'expression');
        const name = field(expr, 'name');
        if (!receiver || !name) return UNKNOWN;
        return this.typeOfMember(this.typeOfExpression(receiver), name);
      }
      case 'object_creation_expression': {
        const type = field(expr, 'type');
        return type ? this.classifyType(type) : UNKNOWN;
      }
      case 'implicit_object_creation_expression':
        return this.targetTypeOf(expr);
      case 'cast_expression': {
        const type = field(expr, 'type');
        return type ? this.classifyType(type) : UNKNOWN;
      }
      case 'as_expression': {
        const type = field(expr, 'right');
        return type ? this.classifyType(type) : UNKNOWN;
      }
      case 'element_access_expression': {
        const collection = field(expr, 'expression');
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

  /** The type a target-typed `new(…)` creates: its variable's declared type, the member it is assigned to, the parameter it is passed to. */
  targetTypeOf(creation: Node): TypeEvidence {
    // Target-typed creations nested in one another's arguments: bounded like expressions.
    if (this.depth > 20) return UNKNOWN;
    this.depth++;
    try {
      return this.targetTypeOfInner(creation);
    } finally {
      this.depth--;
    }
  }

  private targetTypeOfInner(creation: Node): TypeEvidence {
    const parent = creation.parent;
    if (!parent) return UNKNOWN;
    if (parent.type === 'variable_declarator') {
      const type = parent.parent && field(parent.parent, 'type');
      return type ? this.classifyType(type) : UNKNOWN;
    }
    if (parent.type === 'assignment_expression' && sameNode(field(parent, 'right'), creation)) {
      const left = field(parent, 'left');
      if (!left) return UNKNOWN;
      const owner = parent.parent;
      if (left.type === 'identifier' && owner?.type === 'initializer_expression')
        return this.typeOfMember(this.typeOfInitializer(owner), left);
      return this.typeOfExpression(left);
    }
    if (parent.type === 'initializer_expression') {
      // An element of a collection initializer: `new List<UserAccount> { new("a", "b") }`, `UserAccounts = { new("a", "b") }`.
      const collection = parent.parent;
      return collection ? this.elementTypeOf(collection) : UNKNOWN;
    }
    if (parent.type === 'argument') return this.typeOfArgument(parent);
    return UNKNOWN;
  }

  /**
   * The type an argument takes: a Batch model's constructor parameter (by name, by position for
   * the identity models), or an element of the collection `Add` is called on
   * (`pool.UserAccounts.Add(new("admin", "…"))`).
   */
  private typeOfArgument(argument: Node): TypeEvidence {
    const call = argument.parent?.parent;
    if (!call) return UNKNOWN;
    if (isObjectCreation(call)) {
      const type = field(call, 'type');
      const owner = type ? this.classifyType(type) : this.targetTypeOf(call);
      if (owner.batch !== 'yes' || !owner.name) return UNKNOWN;
      const name = field(argument, 'name')?.text;
      let model = name !== undefined ? CSHARP.parameterTypes[name] : undefined;
      if (name === undefined) {
        const index = argumentsOf(call).findIndex((a) => sameNode(a.node, argument));
        const shape = (CSHARP.models as Record<string, CSharpModelShape>)[owner.name];
        const positional = shape?.positional[index];
        model = positional && CSHARP.fieldTypes[positional];
      }
      return model ? { batch: 'yes', name: model, sdk: owner.sdk, qualifier: '' } : UNKNOWN;
    }
    const fn = call.type === 'invocation_expression' ? field(call, 'function') : undefined;
    const receiver = fn?.type === 'member_access_expression' && field(fn, 'name')?.text === 'Add' ? field(fn, 'expression') : undefined;
    return receiver ? this.elementTypeOf(receiver) : UNKNOWN;
  }

  /** The type of the object an initializer `{ … }` fills. */
  typeOfInitializer(initializer: Node): TypeEvidence {
    const parent = initializer.parent;
    if (!parent) return UNKNOWN;
    if (parent.type === 'object_creation_expression') {
      const type = field(parent, 'type');
      return type ? this.classifyType(type) : UNKNOWN;
    }
    if (parent.type === 'implicit_object_creation_expression') return this.targetTypeOf(parent);
    if (parent.type === 'assignment_expression') {
      // A nested initializer: `StartTask = { … }` fills the member's existing object.
      const left = field(parent, 'left');
      const owner = parent.parent;
      if (left?.type === 'identifier' && owner?.type === 'initializer_expression')
        return this.typeOfMember(this.typeOfInitializer(owner), left);
      return left ? this.typeOfExpression(left) : UNKNOWN;
    }
    return UNKNOWN;
  }

  /** strong: a Batch type; weak: an unknown type with a Batch namespace in reach; undefined: not Batch. */
  confidenceOf(evidence: TypeEvidence, at: number): Confidence | undefined {
    return confidenceFor(evidence.batch, evidence.batch === 'unknown' && this.reach.generationsAt(at).size > 0);
  }

  /** The generation to write at `at` for an object of this type. */
  sdkFor(evidence: TypeEvidence, at: number): CSharpSdk | undefined {
    return evidence.sdk ?? pickSdk(this.reach.generationsAt(at), evidence.name ?? '');
  }
}
