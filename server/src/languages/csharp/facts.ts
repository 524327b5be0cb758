/**
 * C# facts: syntax tree → identity facts. Every fact starts at an occurrence of an anchor word
 * (`RunElevated`, `UserIdentity`, `UserAccount`, `UserAccounts`, the pool types, the enum names,
 * each under every name the generations give it) and is confirmed by the tree and by the evidence
 * of Batch (evidence.ts); nothing walks the whole tree. What the renderer will need once the tree
 * is gone is planned (plan.ts) per runElevated fact.
 */
import {
  CSHARP,
  csharpTypeNames,
  validSpellings,
  type CSharpField,
  type CSharpJobField,
  type CSharpModelShape,
  type CSharpPoolField,
  type CSharpSdk,
} from '../../batch/sdks';
import { emptyFacts, type Confidence, type Facts, type Holder, type RunElevatedFact, type Span, type Value } from '../../engine/facts';
import { accountFact, identityFact, type NestedField, type WrittenModel } from '../toolkit/models';
import { Plans } from '../toolkit/plans';
import { Words } from '../toolkit/text';
import { children, field, namedChildren, nodesNamed, sameNode, spanOf, type Node, type Tree } from '../toolkit/treeSitter';
import { BatchEvidence, type TypeEvidence } from './evidence';
import { Reach } from './imports';
import { RunElevatedPlanner, type FilePlan, type RunElevatedPlan } from './plan';
import { SymbolTable, type Declaration, type MemberAssignment } from './scope';
import {
  argumentsOf,
  argumentValue,
  assignmentTo,
  initializerMembers,
  initializerOf,
  isObjectCreation,
  lastNameNode,
  unwrap,
} from './syntax';
import { ENUM_TYPE_NAMES, Values } from './values';
import { placeOnPool, type TaskPool } from '../toolkit/taskPools';

type ModelName = keyof typeof CSHARP.models;
type PoolModelName = keyof typeof CSHARP.poolModels;
interface ModelFields<F extends string> {
  /** The value written for each field; later writes win (constructor < initializer < statements). */
  readonly values: Map<F, Node>;
  /** Where each field is written: the property or parameter name, or the positional argument. */
  readonly names: Map<F, Node>;
  /** Writes one level further down (`id.AutoUser.Scope = …`), by the field they go through. */
  readonly nested: Map<F, MemberAssignment[]>;
  /** Properties that set a field of a nested model the SDK creates (`WindowsUserLoginMode`), by that nested field. */
  readonly flattened: Map<F, { readonly name: Node; readonly field: F; readonly value: Node }>;
}

/** The names each model goes by in the generations (`UserAccount`, `BatchUserAccount`): what facts search for. */
const IDENTITY_NAMES = csharpTypeNames('UserIdentity');
const ACCOUNT_NAMES = csharpTypeNames('UserAccount');
const POOL_NAMES = CSHARP.poolTypes.flatMap(csharpTypeNames);
/** The pool property that holds its user accounts (every generation). */
const USER_ACCOUNTS = CSHARP.legacy.userAccounts;
/** The pool information models a job names its pool with, under every name the generations give them. */
const POOL_INFO_NAMES = Object.keys(CSHARP.jobModels.Job.typedArguments).flatMap(csharpTypeNames);
/** The job's own task kinds, and the properties that hold each (`JobManagerTask`). */
const JOB_TASK_PROPERTIES = Object.entries(CSHARP.jobModels.Job.properties).filter(([, field]) => field !== 'poolInfo') as [
  string,
  CSharpJobField,
][];
const MANAGEMENT: ReadonlySet<CSharpSdk> = new Set(CSHARP.managementSdks);
/**
 * The words a task model is built under: its type names in every generation, and the members and
 * parameters a target-typed `new()` is given to (`StartTask = new() { … }`, `startTask: new(…)`).
 */
export const TASK_WORDS: readonly string[] = [
  ...new Set(
    Object.keys(CSHARP.taskTypes)
      .flatMap(csharpTypeNames)
      .flatMap((name) => [name, name[0].toLowerCase() + name.slice(1)]),
  ),
];

/** `globalUsings`: namespaces imported by `global using` in the project's other files. */
export function collectFacts(text: string, tree: Tree, globalUsings: readonly string[] = []): { facts: Facts; plan: FilePlan } {
  const facts = emptyFacts();
  const plan: FilePlan = { text, runElevated: new Plans<RunElevatedPlan>() };
  const words = new Words(text);
  const reach = new Reach(tree, words, globalUsings);
  if (reach.isBatchSdkSource()) return { facts, plan };
  new CSharpFacts(text, tree, words, reach, facts, plan).run();
  return { facts, plan };
}

class CSharpFacts {
  private readonly symbols: SymbolTable;
  private readonly evidence: BatchEvidence;
  private readonly values: Values;
  private readonly planner: RunElevatedPlanner;
  private readonly seenCreations = new Set<number>();
  private readonly seenPools = new Set<number>();
  private readonly seenTasks = new Set<number>();
  /** The pool each task runs on where the code says, by the task's holder keys (null: said two ways); computed once. */
  private taskPoolCache?: Map<string, TaskPool | null>;

  constructor(
    text: string,
    private readonly tree: Tree,
    private readonly words: Words,
    reach: Reach,
    private readonly facts: Facts,
    private readonly plan: FilePlan,
  ) {
    this.symbols = new SymbolTable(tree, words);
    this.evidence = new BatchEvidence(this.symbols, reach);
    this.values = new Values(this.symbols, this.evidence);
    this.planner = new RunElevatedPlanner(text, tree, reach, this.evidence);
  }

  run(): void {
    this.runElevated();
    this.identities();
    this.accounts();
    this.pools();
    this.enumRefs();
    this.tasks();
  }

  private identifiersNamed(word: string): Node[] {
    return nodesNamed(this.tree, this.words, word);
  }

  private holderOf(key: string, evidence: TypeEvidence): Holder {
    const taskKind = evidence.name ? CSHARP.taskTypes[evidence.name] : undefined;
    const pool = taskKind && this.taskPools().get(key);
    return { key, taskKind, typeName: evidence.name, ...(pool && { pool }) };
  }

  // runElevated ----------------------------------------------------------------------------------

  private runElevated(): void {
    for (const name of this.identifiersNamed(CSHARP.legacy.runElevated)) {
      const parent = name.parent;
      if (!parent) continue;
      if (parent.type === 'member_access_expression' && sameNode(field(parent, 'name'), name)) {
        const receiver = field(parent, 'expression');
        // `runner.RunElevated(…)` calls a method of that name: no property of Batch's.
        const call = parent.parent;
        if (!receiver || (call?.type === 'invocation_expression' && sameNode(field(call, 'function'), parent))) continue;
        const assignment = assignmentTo(parent);
        this.addRunElevated(name, assignment ? 'assign' : 'read', assignment ?? parent, this.evidence.typeOfExpression(receiver), () =>
          this.symbols.keyOfLValue(receiver),
        );
      } else if (parent.type === 'member_binding_expression' && sameNode(field(parent, 'name'), name)) {
        // `task?.RunElevated`: always a read.
        const access = parent.parent;
        const receiver = access?.type === 'conditional_access_expression' ? field(access, 'condition') : undefined;
        if (!access || !receiver) continue;
        this.addRunElevated(name, 'read', access, this.evidence.typeOfExpression(receiver), () => this.symbols.keyOfLValue(receiver));
      } else if (
        parent.type === 'assignment_expression' &&
        sameNode(field(parent, 'left'), name) &&
        parent.parent?.type === 'initializer_expression'
      ) {
        if (field(parent, 'operator')?.type !== '=') continue;
        const initializer = parent.parent;
        this.addRunElevated(name, 'member', parent, this.evidence.typeOfInitializer(initializer), () =>
          this.symbols.keyOfInitializer(initializer),
        );
      }
      // Anything else is a declaration, the class's own property, a named argument or an anonymous object member.
    }
  }

  private addRunElevated(name: Node, form: 'assign' | 'member' | 'read', node: Node, evidence: TypeEvidence, key: () => string): void {
    if (this.isManagementPlane(evidence, name.startIndex)) return;
    const confidence = this.evidence.confidenceOf(evidence, name.startIndex);
    if (!confidence) return;
    const holder = this.holderOf(key(), evidence);
    const nameSpan = spanOf(name);
    const generation = this.evidence.sdkFor(evidence, name.startIndex);
    if (form === 'read') {
      this.facts.runElevated.push({ form, span: spanOf(node), nameSpan, holder, confidence, generation });
      return;
    }
    const right = field(node, 'right');
    if (!right) return;
    const value = this.values.valueOf(right);
    const fact: RunElevatedFact = {
      form,
      span: { start: nameSpan.start, end: right.endIndex },
      nameSpan,
      value,
      holder,
      confidence,
      generation,
    };
    this.facts.runElevated.push(fact);
    this.plan.runElevated.set(fact, this.planner.plan(form, node, right, evidence, name.startIndex));
  }

  /**
   * A management model (the start task of `Pool` or `BatchAccountPoolData`), or an object of
   * unknown type where only the management SDKs are in reach: none of them ever had runElevated,
   * so a `RunElevated` there is not Batch's (the compiler rejects it).
   */
  private isManagementPlane(evidence: TypeEvidence, at: number): boolean {
    if (evidence.batch === 'yes') return !!evidence.sdk && MANAGEMENT.has(evidence.sdk);
    if (evidence.batch !== 'unknown') return false;
    const generations = [...this.evidence.reach.generationsAt(at)];
    return generations.length > 0 && generations.every((sdk) => MANAGEMENT.has(sdk));
  }

  // Models: constructor arguments, initializer members, later statements --------------------------

  /**
   * The creation a value stands for: itself, the `new` a variable was initialised with, or, for a
   * variable declared without a value, the last `new` assigned to it before this use.
   */
  private creationOf(node: Node): Node | undefined {
    const expr = unwrap(node);
    if (isObjectCreation(expr)) return expr;
    if (expr.type !== 'identifier') return undefined;
    const declaration = this.symbols.resolve(expr);
    const creation = (value: Node | undefined) => (value && isObjectCreation(unwrap(value)) ? unwrap(value) : undefined);
    if (!declaration || declaration.value) return creation(declaration?.value);
    let assigned: Node | undefined;
    for (const use of this.symbols.usesOf(declaration)) {
      if (use.startIndex >= expr.startIndex) break;
      const assignment = assignmentTo(use);
      if (assignment) assigned = creation(field(assignment, 'right'));
    }
    return assigned;
  }

  /** The Batch model a creation builds, from its written type or its target type (`new()`). */
  private typeOfCreation(creation: Node): TypeEvidence {
    const type = field(creation, 'type');
    return creation.type === 'object_creation_expression' && type ? this.evidence.classifyType(type) : this.evidence.targetTypeOf(creation);
  }

  /** The identity model a creation builds. */
  private modelOf(creation: Node): { model: ModelName; evidence: TypeEvidence } | undefined {
    const evidence = this.typeOfCreation(creation);
    if (evidence.batch !== 'yes' || !evidence.name || !(evidence.name in CSHARP.models)) return undefined;
    return { model: evidence.name as ModelName, evidence };
  }

  /** The Batch model a value is: a creation's (directly or through the variable it initialised), else its declared type's. */
  private modelOfValue(node: Node): string | undefined {
    const creation = this.creationOf(node);
    const evidence = creation ? this.typeOfCreation(creation) : this.evidence.typeOfExpression(node);
    return evidence.batch === 'yes' ? evidence.name : undefined;
  }

  private variableOf(creation: Node): Declaration | undefined {
    const parent = creation.parent;
    const name = parent?.type === 'variable_declarator' ? field(parent, 'name') : undefined;
    return name ? this.symbols.resolve(name) : undefined;
  }

  /**
   * The member a created object is assigned to: `start.UserIdentity` of `start.UserIdentity = new …`,
   * `UserIdentity` of the initializer member `UserIdentity = new …`.
   */
  private memberTargetOf(creation: Node): Node | undefined {
    const parent = creation.parent;
    if (parent?.type !== 'assignment_expression' || !sameNode(field(parent, 'right'), creation) || field(parent, 'operator')?.type !== '=')
      return undefined;
    const left = field(parent, 'left');
    if (left?.type === 'member_access_expression') return left;
    return left?.type === 'identifier' && parent.parent?.type === 'initializer_expression' ? left : undefined;
  }

  /**
   * Statements that complete an object after its creation: writes through the variable it
   * initialised (`identity.AutoUser = …`), or through the member it was assigned to
   * (`start.UserIdentity.AutoUser = …` after `start.UserIdentity = new UserIdentity()`).
   */
  private laterWrites(creation: Node): MemberAssignment[] {
    const variable = this.variableOf(creation);
    if (variable) return this.symbols.memberAssignments(variable);
    const assigned = this.assignedVariableOf(creation);
    if (assigned) return this.symbols.memberAssignments(assigned).filter((write) => write.name.startIndex > creation.endIndex);
    const target = this.memberTargetOf(creation);
    return target ? this.symbols.writesThrough(target, creation.endIndex) : [];
  }

  /** The variable a created object is assigned to after its declaration: `identity = new UserIdentity()`. */
  private assignedVariableOf(creation: Node): Declaration | undefined {
    const parent = creation.parent;
    if (parent?.type !== 'assignment_expression' || !sameNode(field(parent, 'right'), creation) || field(parent, 'operator')?.type !== '=')
      return undefined;
    const left = field(parent, 'left');
    return left?.type === 'identifier' && parent.parent?.type !== 'initializer_expression' ? this.symbols.resolve(left) : undefined;
  }

  /**
   * What a model's fields hold as written: constructor arguments (by name, by their model where the
   * shape says so, else by position), initializer members, then later writes.
   */
  private readFields<F extends string>(
    creation: Node,
    shape: CSharpModelShape<F>,
    later: readonly MemberAssignment[],
    oneArgument?: (value: Node) => F | undefined,
  ): ModelFields<F> {
    const fields: ModelFields<F> = { values: new Map(), names: new Map(), nested: new Map(), flattened: new Map() };
    const set = (target: F | undefined, name: Node, value: Node) => {
      if (!target) return;
      fields.values.set(target, value);
      fields.names.set(target, name);
    };
    const args = argumentsOf(creation);
    const positional = args.filter((a) => !a.name);
    args.forEach((arg, index) => {
      if (arg.name) return set(shape.parameters[arg.name], arg.node, arg.value);
      const model = shape.typedArguments && this.modelOfValue(arg.value);
      const typed = model ? shape.typedArguments?.[model] : undefined;
      set(typed ?? (positional.length === 1 && oneArgument ? oneArgument(arg.value) : shape.positional[index]), arg.node, arg.value);
    });
    const write = (name: Node, path: readonly string[], value: Node, member?: MemberAssignment) => {
      const flattened = shape.flattened?.[path[0]];
      if (flattened && path.length === 1) {
        fields.flattened.set(flattened[0], { name, field: flattened[1], value });
        return;
      }
      const target = shape.properties[path[0]];
      if (!target) return;
      if (path.length === 1) set(target, name, value);
      else if (member) fields.nested.set(target, [...(fields.nested.get(target) ?? []), { ...member, path: member.path.slice(1) }]);
    };
    const initializer = initializerOf(creation);
    for (const member of initializer ? initializerMembers(initializer) : []) write(member.name, [member.name.text], member.value);
    for (const member of later) write(member.name, member.path, member.value, member);
    return fields;
  }

  private readModel(creation: Node, model: ModelName, extra: readonly MemberAssignment[] = []): ModelFields<CSharpField> {
    // The legacy SDK's one-argument constructors: a user name, or an auto-user specification.
    const oneArgument =
      model === 'UserIdentity' ? (value: Node) => (this.isAutoUserSpecification(value) ? 'autoUser' : 'userName') : undefined;
    return this.readFields<CSharpField>(creation, CSHARP.models[model], [...this.laterWrites(creation), ...extra], oneArgument);
  }

  private isAutoUserSpecification(node: Node): boolean {
    return this.modelOfValue(node) === 'AutoUserSpecification';
  }

  /** A model as written: its creation, then what its fields hold, nested models read the same way. */
  private written(creation: Node, model: ModelName, extra?: readonly MemberAssignment[]): WrittenModel {
    const fields = this.readModel(creation, model, extra);
    return {
      span: spanOf(creation),
      nameSpan: this.nameSpanOf(creation),
      value: (name) => {
        const node = fields.values.get(name);
        return node ? this.values.valueOf(node) : undefined;
      },
      nested: (name) => this.nestedModel(fields, name),
    };
  }

  /**
   * A nested model (auto-user, Linux or Windows settings) written in place or through a variable,
   * or the one a flattened property creates (`WindowsUserLoginMode = …` is the Windows settings).
   */
  private nestedModel(fields: ModelFields<CSharpField>, name: NestedField): WrittenModel | undefined {
    const model = CSHARP.fieldTypes[name] as ModelName;
    const node = fields.values.get(name);
    const creation = node && this.creationOf(node);
    if (creation && this.modelOf(creation)?.model === model) return this.written(creation, model, fields.nested.get(name));
    const flattened = fields.flattened.get(name);
    if (!flattened) return undefined;
    return {
      span: { start: flattened.name.startIndex, end: flattened.value.endIndex },
      nameSpan: spanOf(flattened.name),
      value: (field) => (field === flattened.field ? this.values.valueOf(flattened.value) : undefined),
      nested: () => undefined,
    };
  }

  /** Where a creation is named: its type, or for a target-typed `new()` the member or parameter it is given to. */
  private nameSpanOf(creation: Node): Span {
    const type = field(creation, 'type');
    if (type) return spanOf(lastNameNode(type));
    const target = this.memberTargetOf(creation);
    const parameter = creation.parent?.type === 'argument' ? field(creation.parent, 'name') : undefined;
    const name = target?.type === 'member_access_expression' ? field(target, 'name') : (target ?? parameter);
    return spanOf(name ?? children(creation)[0] ?? creation);
  }

  // Identities -----------------------------------------------------------------------------------

  private identities(): void {
    for (const typeName of IDENTITY_NAMES) {
      for (const name of this.identifiersNamed(typeName)) {
        const typeUse = this.typeUseOf(name);
        if (typeUse) {
          for (const creation of typeUse) this.identity(creation);
          continue;
        }
        // The property every generation calls `UserIdentity`.
        const target = typeName === CSHARP.legacy.userIdentity ? this.identityTarget(name) : undefined;
        if (target) this.assignedIdentity(name, target);
      }
    }
    // `new StartTask(…, userIdentity: x)` of the generated models gives the task an identity too.
    for (const name of this.identifiersNamed(CSHARP.userIdentityParameter)) {
      const argument = name.parent;
      if (argument?.type !== 'argument' || !sameNode(field(argument, 'name'), name)) continue;
      const holder = this.holderOfArgument(argument);
      if (!holder) continue;
      this.facts.identityAssignments.push({ span: spanOf(argument), nameSpan: spanOf(name), holder });
      const value = argumentValue(argument);
      if (value?.type === 'implicit_object_creation_expression') this.identity(value);
    }
  }

  /** The creations a type name stands in: `new UserIdentity(…)`, `UserIdentity x = new(…)`, `new List<UserAccount> { new(…) }`. */
  private typeUseOf(name: Node): Node[] | undefined {
    let type = name;
    while (
      type.parent &&
      (type.parent.type === 'qualified_name' || type.parent.type === 'alias_qualified_name') &&
      sameNode(field(type.parent, 'name'), type)
    )
      type = type.parent;
    const parent = type.parent;
    if (!parent) return undefined;
    if (parent.type === 'object_creation_expression' && sameNode(field(parent, 'type'), type)) return [parent];
    if (parent.type === 'variable_declaration' && sameNode(field(parent, 'type'), type)) {
      return namedChildren(parent)
        .filter((c) => c.type === 'variable_declarator')
        .map((d) => this.implicitValue(d))
        .filter((c): c is Node => !!c);
    }
    // A collection of the type with target-typed elements: in its initializer, or added to its variable later.
    const list = parent.type === 'type_argument_list' ? parent.parent?.parent : parent.type === 'array_type' ? parent.parent : undefined;
    if (list && (list.type === 'object_creation_expression' || list.type === 'array_creation_expression')) {
      const initializer = initializerOf(list);
      const variable = this.variableOf(list);
      return [...(initializer ? namedChildren(initializer) : []), ...(variable ? this.addedToVariable(variable) : [])].filter(
        (c) => c.type === 'implicit_object_creation_expression',
      );
    }
    if (list?.type === 'variable_declaration' && parent.type === 'type_argument_list') {
      const variables = namedChildren(list)
        .filter((c) => c.type === 'variable_declarator')
        .map((d) => field(d, 'name'))
        .map((n) => n && this.symbols.resolve(n));
      return variables.flatMap((v) => (v ? this.addedToVariable(v) : [])).filter((c) => c.type === 'implicit_object_creation_expression');
    }
    return undefined;
  }

  /** What is added to a collection variable: `accounts.Add(new("admin", "…"))`. */
  private addedToVariable(variable: Declaration): Node[] {
    return this.symbols.usesOf(variable).flatMap((use) => this.addedTo(use));
  }

  private implicitValue(declarator: Node): Node | undefined {
    return namedChildren(declarator).find((c) => c.type === 'implicit_object_creation_expression');
  }

  /** `x.UserIdentity = v` or `UserIdentity = v` in an initializer: the assignment. */
  private identityTarget(name: Node): Node | undefined {
    const parent = name.parent;
    if (parent?.type === 'member_access_expression' && sameNode(field(parent, 'name'), name)) return assignmentTo(parent);
    if (parent?.type === 'assignment_expression' && parent.parent?.type === 'initializer_expression') return assignmentTo(name);
    return undefined;
  }

  /** The task an identity is assigned to, seen from the assignment `x.UserIdentity = …`. */
  private holderOfAssignment(assignment: Node): { holder: Holder; confidence?: Confidence } | undefined {
    const left = field(assignment, 'left');
    if (!left) return undefined;
    if (left.type === 'member_access_expression') {
      const receiver = field(left, 'expression');
      if (!receiver) return undefined;
      const evidence = this.evidence.typeOfExpression(receiver);
      return {
        holder: this.holderOf(this.symbols.keyOfLValue(receiver), evidence),
        confidence: this.evidence.confidenceOf(evidence, left.startIndex),
      };
    }
    const initializer = assignment.parent;
    if (left.type !== 'identifier' || initializer?.type !== 'initializer_expression') return undefined;
    const evidence = this.evidence.typeOfInitializer(initializer);
    return {
      holder: this.holderOf(this.symbols.keyOfInitializer(initializer), evidence),
      confidence: this.evidence.confidenceOf(evidence, left.startIndex),
    };
  }

  /** An identity value assigned to a task: a creation (handled there), a variable holding one, or an opaque expression. */
  private assignedIdentity(name: Node, assignment: Node): void {
    const right = field(assignment, 'right');
    if (!right) return;
    const target = this.holderOfAssignment(assignment);
    // Whatever the value, null included, the holder has a user identity.
    if (target?.confidence)
      this.facts.identityAssignments.push({ span: spanOf(assignment), nameSpan: spanOf(name), holder: target.holder });
    const value = unwrap(right);
    if (value.type === 'null_literal') return;
    if (value.type === 'implicit_object_creation_expression') {
      this.identity(value);
      return;
    }
    if (this.creationOf(value)) return; // its creation is the fact, with this holder
    if (!target?.confidence) return;
    this.facts.identities.push({
      span: spanOf(right),
      nameSpan: spanOf(name),
      holder: target.holder,
      autoUser: { reference: this.values.valueOf(right) },
      confidence: target.confidence,
    });
  }

  /** Where a created identity ends up: assigned directly, through a variable, or as a `userIdentity:` argument. */
  private holderOfCreation(creation: Node): Holder | undefined {
    const parent = creation.parent;
    if (!parent) return undefined;
    if (parent.type === 'assignment_expression' && sameNode(field(parent, 'right'), creation) && this.isIdentityTarget(parent))
      return this.holderOfAssignment(parent)?.holder;
    if (parent.type === 'argument') return this.holderOfArgument(parent);
    const variable = this.variableOf(creation) ?? this.assignedVariableOf(creation);
    for (const use of variable ? this.symbols.usesOf(variable) : []) {
      if (use.startIndex < creation.endIndex) continue;
      const useParent = use.parent;
      if (useParent?.type === 'assignment_expression' && sameNode(field(useParent, 'right'), use) && this.isIdentityTarget(useParent)) {
        const holder = this.holderOfAssignment(useParent)?.holder;
        if (holder) return holder;
      }
      if (useParent?.type === 'argument') {
        const holder = this.holderOfArgument(useParent);
        if (holder) return holder;
      }
    }
    return undefined;
  }

  private isIdentityTarget(assignment: Node): boolean {
    const left = field(assignment, 'left');
    const name = left?.type === 'member_access_expression' ? field(left, 'name') : left;
    return name?.type === 'identifier' && name.text === CSHARP.legacy.userIdentity;
  }

  /** `new StartTask(…, userIdentity: identity)` of the generated models. */
  private holderOfArgument(argument: Node): Holder | undefined {
    if (field(argument, 'name')?.text !== CSHARP.userIdentityParameter) return undefined;
    const creation = argument.parent?.parent;
    if (!creation || !isObjectCreation(creation)) return undefined;
    const type = field(creation, 'type');
    const evidence = type ? this.evidence.classifyType(type) : this.evidence.targetTypeOf(creation);
    return evidence.batch === 'yes' ? this.holderOf(this.symbols.keyOfObject(creation), evidence) : undefined;
  }

  private identity(creation: Node): void {
    if (this.seenCreations.has(creation.startIndex)) return;
    this.seenCreations.add(creation.startIndex);
    if (this.modelOf(creation)?.model !== 'UserIdentity') return;
    const fact = identityFact(this.written(creation, 'UserIdentity'), this.holderOfCreation(creation), 'strong');
    // Built empty and handed on where the analysis cannot follow: whatever completes it is out of sight.
    if (!fact.userName && !fact.autoUser && this.escapes(creation)) return;
    this.facts.identities.push(fact);
  }

  /**
   * The object escapes the analysis: it is passed to a method (other than as a task's
   * `userIdentity:`), returned, stored elsewhere or has a method called on it — directly, through
   * the variable it initialised, or through the member it was assigned to.
   */
  private escapes(creation: Node): boolean {
    const variable = this.variableOf(creation);
    if (variable) return this.symbols.usesOf(variable).some((use) => this.escapesAt(use));
    const assigned = this.assignedVariableOf(creation);
    if (assigned) return this.symbols.usesOf(assigned).some((use) => use.startIndex > creation.endIndex && this.escapesAt(use));
    const target = this.memberTargetOf(creation);
    if (target) return this.symbols.valueUsesThrough(target, creation.endIndex).some((use) => this.escapesAt(use));
    // Given to a name the symbol table cannot resolve (undeclared, or broken code): nothing tells where it goes.
    const parent = creation.parent;
    if (parent?.type === 'variable_declarator') return false;
    if (parent?.type === 'assignment_expression' && field(parent, 'left')?.type === 'identifier') return false;
    return this.escapesAt(creation);
  }

  /**
   * A value at this place goes where the analysis does not follow: anything but a write or read of
   * one of its members, the left of an assignment, and giving it to a task as its user identity.
   */
  private escapesAt(value: Node): boolean {
    const parent = value.parent;
    if (!parent) return false;
    if (parent.type === 'member_access_expression' && sameNode(field(parent, 'expression'), value)) {
      const call = parent.parent;
      return call?.type === 'invocation_expression' && sameNode(field(call, 'function'), parent);
    }
    if (parent.type === 'assignment_expression') return !sameNode(field(parent, 'left'), value) && !this.isIdentityTarget(parent);
    if (parent.type === 'argument') return !this.holderOfArgument(parent);
    return true;
  }

  // Accounts -------------------------------------------------------------------------------------

  private accounts(): void {
    for (const typeName of ACCOUNT_NAMES) {
      for (const name of this.identifiersNamed(typeName)) for (const creation of this.typeUseOf(name) ?? []) this.account(creation);
    }
    // Target-typed accounts name no type: `pool.UserAccounts.Add(new("admin", "…"))`, `UserAccounts = { new("admin", "…") }`.
    for (const name of this.identifiersNamed(USER_ACCOUNTS))
      for (const creation of this.targetTypedElementsOf(name)) this.account(creation);
  }

  /** The `new(…)` elements given to a collection property: `X.UserAccounts.Add(new(…))`, `UserAccounts = { new(…) }`. */
  private targetTypedElementsOf(name: Node): Node[] {
    const parent = name.parent;
    let elements: Node[] = [];
    if (parent?.type === 'member_access_expression' && sameNode(field(parent, 'name'), name)) elements = this.addedTo(parent);
    else if (
      parent?.type === 'assignment_expression' &&
      sameNode(field(parent, 'left'), name) &&
      parent.parent?.type === 'initializer_expression'
    ) {
      const right = field(parent, 'right');
      elements = right?.type === 'initializer_expression' ? namedChildren(right) : [];
    }
    return elements.filter((e) => e.type === 'implicit_object_creation_expression');
  }

  /** The arguments of `collection.Add(…)` when `collection` is the receiver of an `Add` call. */
  private addedTo(collection: Node): Node[] {
    const access = collection.parent;
    if (access?.type !== 'member_access_expression' || !sameNode(field(access, 'expression'), collection)) return [];
    if (field(access, 'name')?.text !== 'Add') return [];
    const call = access.parent;
    if (call?.type !== 'invocation_expression' || !sameNode(field(call, 'function'), access)) return [];
    return argumentsOf(call).map((a) => a.value);
  }

  private account(creation: Node): void {
    if (this.seenCreations.has(creation.startIndex)) return;
    this.seenCreations.add(creation.startIndex);
    if (this.modelOf(creation)?.model !== 'UserAccount') return;
    const poolKey = this.poolKeyOf(creation);
    this.facts.accounts.push(accountFact(this.written(creation, 'UserAccount'), poolKey ? { key: poolKey } : undefined, 'strong'));
  }

  /**
   * Accounts of one pool share a key: the `X.UserAccounts` they end up in, however they get there
   * (collection initializer, `.Add(…)`, a list variable assigned later, a pool constructor's
   * `userAccounts:`, an account variable).
   */
  private poolKeyOf(account: Node): string | undefined {
    const direct = this.listKeyAround(account);
    if (direct) return direct;
    const variable = this.variableOf(account);
    for (const use of variable ? this.symbols.usesOf(variable) : []) {
      const key = this.listKeyAround(use);
      if (key) return key;
    }
    return undefined;
  }

  /** The list an account expression is put in: an element of a collection initializer or an `Add` argument. */
  private listKeyAround(node: Node): string | undefined {
    const parent = node.parent;
    if (parent?.type === 'initializer_expression') return this.listKeyOfInitializer(parent);
    if (parent?.type === 'argument') {
      const call = parent.parent?.parent;
      const fn = call?.type === 'invocation_expression' ? field(call, 'function') : undefined;
      const receiver = fn?.type === 'member_access_expression' && field(fn, 'name')?.text === 'Add' ? field(fn, 'expression') : undefined;
      if (receiver) return this.listKeyOfExpression(receiver);
    }
    return undefined;
  }

  private listKeyOfInitializer(initializer: Node): string | undefined {
    const owner = initializer.parent;
    if (!owner) return undefined;
    if (
      owner.type === 'object_creation_expression' ||
      owner.type === 'array_creation_expression' ||
      owner.type === 'implicit_array_creation_expression'
    ) {
      return this.listKeyOfCollection(owner);
    }
    if (owner.type === 'assignment_expression') {
      const left = field(owner, 'left');
      return left ? this.symbols.keyOfLValue(left) : undefined;
    }
    return undefined;
  }

  private listKeyOfCollection(collection: Node): string {
    const parent = collection.parent;
    if (parent?.type === 'assignment_expression' && sameNode(field(parent, 'right'), collection)) {
      const left = field(parent, 'left');
      if (left) return this.symbols.keyOfLValue(left);
    }
    const poolList = parent?.type === 'argument' ? this.poolListOfArgument(parent) : undefined;
    if (poolList) return poolList;
    const variable = this.variableOf(collection);
    return variable ? this.listKeyOfVariable(variable) : `cs:list:${collection.startIndex}`;
  }

  private listKeyOfExpression(expression: Node): string {
    const expr = unwrap(expression);
    const variable = expr.type === 'identifier' ? this.symbols.resolve(expr) : undefined;
    return variable ? this.listKeyOfVariable(variable) : this.symbols.keyOfLValue(expr);
  }

  /** A list variable is the pool's list once assigned to `X.UserAccounts` or given as a pool's `userAccounts:`. */
  private listKeyOfVariable(variable: Declaration): string {
    for (const use of this.symbols.usesOf(variable)) {
      const parent = use.parent;
      if (parent?.type === 'assignment_expression' && sameNode(field(parent, 'right'), use)) {
        const left = field(parent, 'left');
        if (left) return this.symbols.keyOfLValue(left);
      }
      const poolList = parent?.type === 'argument' ? this.poolListOfArgument(parent) : undefined;
      if (poolList) return poolList;
    }
    return this.symbols.keyOfVariable(variable);
  }

  /** `new Pool(…, userAccounts: list)`: the pool's account list, keyed as `pool.UserAccounts` would be. */
  private poolListOfArgument(argument: Node): string | undefined {
    const name = field(argument, 'name')?.text;
    const creation = argument.parent?.parent;
    const poolShape: CSharpModelShape<CSharpPoolField> = CSHARP.poolModels.Pool;
    if (!name || poolShape.parameters[name] !== 'userAccounts' || !creation || !isObjectCreation(creation)) return undefined;
    return this.isPool(this.typeOfCreation(creation)) ? this.poolListKey(creation) : undefined;
  }

  // Pools ----------------------------------------------------------------------------------------

  private isPool(evidence: TypeEvidence): boolean {
    return evidence.batch === 'yes' && !!evidence.name && (CSHARP.poolTypes as readonly string[]).includes(evidence.name);
  }

  /** The key of a pool's account list: the same as its accounts' `pool.key`. */
  private poolListKey(pool: Node): string {
    return `${this.symbols.keyOfObject(pool)}.${USER_ACCOUNTS}`;
  }

  /**
   * Pools the file builds — `new CloudPool { … }`, `new BatchAccountPoolData { … }`, the legacy
   * `batchClient.PoolOperations.CreatePool(id, size, configuration)` — with what their configuration
   * says of the nodes' OS, as written; which OS that is, is os-mismatch's judgement.
   */
  private pools(): void {
    for (const { node, name } of this.poolCreations()) this.pool(node, name);
  }

  private poolCreationCache?: { readonly node: Node; readonly name: Node }[];
  private builtPoolListKeys?: ReadonlySet<string>;

  /** The pool creations and `CreatePool(…)` calls of the file, with the name each is found by (not yet checked as Batch's). */
  private poolCreations(): readonly { readonly node: Node; readonly name: Node }[] {
    if (this.poolCreationCache) return this.poolCreationCache;
    const found: { node: Node; name: Node }[] = [];
    for (const typeName of POOL_NAMES) {
      for (const name of this.identifiersNamed(typeName)) for (const node of this.typeUseOf(name) ?? []) found.push({ node, name });
    }
    for (const name of this.identifiersNamed(CSHARP.createPool.method)) {
      const node = this.createPoolCall(name);
      if (node) found.push({ node, name });
    }
    this.poolCreationCache = found;
    return found;
  }

  /** The pools this file builds: `new CloudPool(…)` and the like of Batch's, and `CreatePool(…)` calls. */
  private builtPools(): Node[] {
    return this.poolCreations()
      .map(({ node }) => node)
      .filter((node) => node.type === 'invocation_expression' || this.isPool(this.typeOfCreation(node)));
  }

  /** `….PoolOperations.CreatePool(…)` of Microsoft.Azure.Batch, from the method's name. */
  private createPoolCall(name: Node): Node | undefined {
    const access = name.parent;
    if (access?.type !== 'member_access_expression' || !sameNode(field(access, 'name'), name)) return undefined;
    const receiver = field(access, 'expression');
    const operations = receiver?.type === 'member_access_expression' ? field(receiver, 'name') : receiver;
    if (operations?.text !== CSHARP.createPool.receiver) return undefined;
    if (!this.evidence.reach.generationsAt(name.startIndex).has('Microsoft.Azure.Batch')) return undefined;
    const call = access.parent;
    return call?.type === 'invocation_expression' && sameNode(field(call, 'function'), access) ? call : undefined;
  }

  private pool(node: Node, name: Node): void {
    if (this.seenPools.has(node.startIndex)) return;
    this.seenPools.add(node.startIndex);
    if (node.type !== 'invocation_expression' && !this.isPool(this.typeOfCreation(node))) return;
    const fields = this.readFields<CSharpPoolField>(node, CSHARP.poolModels.Pool, this.laterWrites(node));
    const deployment = this.poolPart(fields, 'deployment');
    const vm = this.poolPart(fields, 'vm') ?? (deployment && this.poolPart(deployment, 'vm'));
    const image = vm && this.poolPart(vm, 'image');
    const cloudService = this.cloudServiceOf(fields) ?? (deployment && this.cloudServiceOf(deployment));
    const windows = vm && this.windowsConfigurationOf(vm);
    const sku = vm?.values.get('nodeAgentSkuId');
    const imageValue = (part: CSharpPoolField): Value | undefined => {
      const value = image?.values.get(part);
      return value && this.values.valueOf(value);
    };
    // A job that names the pool by id is judged against its accounts: not when the list may hold
    // accounts the file does not show (as JSON and TypeScript pools give no id then).
    const list = this.accountListOf(node, fields);
    const id = 'unseen' in list && list.unseen ? undefined : this.poolIdOf(node, fields);
    this.facts.pools.push({
      span: spanOf(node),
      nameSpan: node.type === 'invocation_expression' ? spanOf(name) : this.nameSpanOf(node),
      key: this.poolListKey(node),
      ...(id && { id: this.values.valueOf(id) }),
      ...(cloudService && { cloudServiceConfiguration: spanOf(cloudService) }),
      ...(sku && { nodeAgentSkuId: this.values.valueOf(sku) }),
      ...(image && { image: { publisher: imageValue('publisher'), offer: imageValue('offer'), sku: imageValue('sku') } }),
      ...(windows && { windowsConfiguration: spanOf(windows) }),
      confidence: 'strong',
    });
  }

  /** Where a data-plane pool's id is written: `Id = …`, `id:`, later `pool.Id = …`, else the first argument where the SDK takes it first. */
  private poolIdOf(pool: Node, fields: ModelFields<CSharpPoolField>): Node | undefined {
    const evidence = pool.type === 'invocation_expression' ? undefined : this.typeOfCreation(pool);
    if ((evidence?.sdk && MANAGEMENT.has(evidence.sdk)) || evidence?.name === 'Pool') return undefined;
    const written = fields.values.get('id');
    if (written) return written;
    const takesIdFirst = !evidence || (!!evidence.name && (CSHARP.poolIdFirst as readonly string[]).includes(evidence.name));
    const first = argumentsOf(pool)[0];
    return takesIdFirst && first && !first.name ? first.value : undefined;
  }

  /** The configuration model a pool field holds, written in place or through a variable, with what its fields hold. */
  private poolPart(fields: ModelFields<CSharpPoolField>, part: CSharpPoolField): ModelFields<CSharpPoolField> | undefined {
    const node = fields.values.get(part);
    const creation = node && this.creationOf(node);
    const model = CSHARP.poolFieldTypes[part];
    if (!creation || !model || !(model in CSHARP.poolModels) || this.typeOfCreation(creation).name !== model) return undefined;
    const later = [...this.laterWrites(creation), ...(fields.nested.get(part) ?? [])];
    return this.readFields<CSharpPoolField>(creation, CSHARP.poolModels[model as PoolModelName], later);
  }

  /** Where a Cloud Services configuration is given: an object of that model, not null or an unknown value. */
  private cloudServiceOf(fields: ModelFields<CSharpPoolField>): Node | undefined {
    const node = fields.values.get('cloudService');
    return node && this.modelOfValue(node) === CSHARP.poolFieldTypes.cloudService && this.creationOf(node)
      ? fields.names.get('cloudService')
      : undefined;
  }

  /** Where the VM configuration's windowsConfiguration is given: an object, or one of its flattened settings. */
  private windowsConfigurationOf(vm: ModelFields<CSharpPoolField>): Node | undefined {
    const node = vm.values.get('windowsConfiguration');
    if (node && this.creationOf(node)) return vm.names.get('windowsConfiguration');
    return vm.flattened.get('windowsConfiguration')?.name;
  }

  // Which pool a task runs on ---------------------------------------------------------------------

  /**
   * The pool each task runs on where the code says it plainly (`Holder.pool`), by the holder keys
   * the task goes by: a pool's start task — `pool.StartTask`, a `StartTask = …` member or
   * `startTask:` argument of the pool's creation, or the task variable given there — runs on that
   * pool; a job's own tasks run on the pool its pool information names by id, or on its auto-pool.
   * A task placed two ways (one task variable given to two pools) is placed nowhere.
   */
  private taskPools(): Map<string, TaskPool | null> {
    if (this.taskPoolCache) return this.taskPoolCache;
    const found = new Map<string, TaskPool | null>();
    this.taskPoolCache = found;
    const place = (key: string, pool: TaskPool) => placeOnPool(found, key, pool);
    for (const pool of this.builtPools()) {
      const fields = this.readFields<CSharpPoolField>(pool, CSHARP.poolModels.Pool, this.laterWrites(pool));
      const accounts = this.accountListOf(pool, fields);
      // Whatever start task the pool is given, `pool.StartTask` is the pool's.
      place(`${this.symbols.keyOfObject(pool)}.StartTask`, accounts);
      const start = fields.values.get('startTask');
      const task = start && this.onlyCreationOf(start);
      if (task) place(this.symbols.keyOfObject(task), accounts);
    }
    for (const typeName of POOL_INFO_NAMES) {
      for (const name of this.identifiersNamed(typeName)) {
        for (const info of this.typeUseOf(name) ?? []) {
          const job = this.jobOf(info);
          const pool = job && this.poolOfInfo(info);
          if (!job || !pool) continue;
          for (const [property, kind] of JOB_TASK_PROPERTIES) {
            place(`${job.key}.${property}`, pool);
            const value = job.fields.values.get(kind);
            const task = value && this.onlyCreationOf(value);
            if (task) place(this.symbols.keyOfObject(task), pool);
          }
        }
      }
    }
    return found;
  }

  /**
   * The job a pool information creation is given to — a `PoolInformation = …` member of its
   * creation, `job.PoolInformation = …`, a `poolInfo:` or positional argument of its creation or of
   * `CreateJob(…)` — with what the job's fields hold; only when the job's pool information is this one.
   */
  private jobOf(info: Node): { key: string; fields: ModelFields<CSharpJobField> } | undefined {
    const evidence = this.typeOfCreation(info);
    if (evidence.batch !== 'yes' || !evidence.name || !POOL_INFO_NAMES.includes(evidence.name)) return undefined;
    const shape = CSHARP.jobModels.Job;
    const isPoolInfo = (name: Node | undefined) => !!name && shape.properties[name.text as keyof typeof shape.properties] === 'poolInfo';
    const parent = info.parent;
    if (parent?.type === 'assignment_expression' && sameNode(field(parent, 'right'), info) && field(parent, 'operator')?.type === '=') {
      // Given as the job's pool information: each such write places the job's tasks (two that differ, nowhere).
      const left = field(parent, 'left');
      if (left?.type === 'identifier' && isPoolInfo(left) && parent.parent?.type === 'initializer_expression') {
        const owner = parent.parent.parent;
        if (owner && isObjectCreation(owner))
          return { key: this.symbols.keyOfObject(owner), fields: this.readFields(owner, shape, this.laterWrites(owner)) };
      } else if (left?.type === 'member_access_expression' && isPoolInfo(field(left, 'name'))) {
        const receiver = field(left, 'expression');
        const variable = receiver?.type === 'identifier' ? this.symbols.resolve(receiver) : undefined;
        // The variable's creation or `CreateJob(…)` call, completed by the writes through it.
        if (receiver && variable)
          return {
            key: this.symbols.keyOfLValue(receiver),
            fields: this.readFields(variable.value ?? variable.name, shape, this.symbols.memberAssignments(variable)),
          };
      }
      return undefined;
    }
    const owner = parent?.type === 'argument' ? parent.parent?.parent : undefined;
    if (!owner || !(isObjectCreation(owner) || (owner.type === 'invocation_expression' && this.isCreateJobCall(owner)))) return undefined;
    const variable = this.variableOf(owner);
    const job = {
      key: this.symbols.keyOfObject(owner),
      fields: this.readFields(owner, shape, variable ? this.symbols.memberAssignments(variable) : this.laterWrites(owner)),
    };
    // An argument is the job's pool information when the job's shape reads it as such (later writes aside: each places the tasks).
    const read = this.readFields(owner, shape, []).names.get('poolInfo');
    return read && sameNode(read, parent) ? job : undefined;
  }

  /** `….JobOperations.CreateJob(…)` of Microsoft.Azure.Batch, from the method's name. */
  private isCreateJobCall(call: Node): boolean {
    const access = field(call, 'function');
    if (access?.type !== 'member_access_expression' || field(access, 'name')?.text !== CSHARP.createJob.method) return false;
    const receiver = field(access, 'expression');
    const operations = receiver?.type === 'member_access_expression' ? field(receiver, 'name') : receiver;
    return (
      operations?.text === CSHARP.createJob.receiver && this.evidence.reach.generationsAt(call.startIndex).has('Microsoft.Azure.Batch')
    );
  }

  /** The pool a job's pool information says: the id it names (as written), or its auto-pool's account list. */
  private poolOfInfo(info: Node): TaskPool | undefined {
    const fields = this.readFields(info, CSHARP.jobModels.PoolInformation, this.laterWrites(info));
    const id = fields.values.get('poolId');
    if (id) return { id: this.values.valueOf(id) };
    const auto = fields.values.get('autoPool');
    const autoPool = auto && this.creationOf(auto);
    if (!autoPool || this.typeOfCreation(autoPool).batch !== 'yes') return undefined;
    const spec = this.readFields(autoPool, CSHARP.jobModels.AutoPoolSpecification, this.laterWrites(autoPool)).values.get('pool');
    const pool = spec && this.creationOf(spec);
    if (!pool || !this.isPool(this.typeOfCreation(pool))) return undefined;
    return this.accountListOf(pool, this.readFields<CSharpPoolField>(pool, CSHARP.poolModels.Pool, this.laterWrites(pool)));
  }

  /** The creation a value is, directly or through a variable initialised with it and never assigned again. */
  private onlyCreationOf(value: Node): Node | undefined {
    const expr = unwrap(value);
    if (isObjectCreation(expr)) return expr;
    const variable = expr.type === 'identifier' ? this.symbols.resolve(expr) : undefined;
    const initial = variable?.value && unwrap(variable.value);
    return variable && initial && isObjectCreation(initial) && !this.isReassigned(variable) ? initial : undefined;
  }

  private isReassigned(variable: Declaration): boolean {
    return this.symbols
      .usesOf(variable)
      .some((use) => use.parent?.type === 'assignment_expression' && sameNode(field(use.parent, 'left'), use));
  }

  /**
   * A pool's account list, keyed as its accounts are; `unseen` where it may hold accounts the file
   * does not show: a list not written out in place (or in a variable used only there), an element
   * that is not an account built here, any other use of the pool's `UserAccounts` (`.Add(…)`, a
   * read), or a `UserAccounts` of an object this file does not build as a pool (which may be this one).
   */
  private accountListOf(pool: Node, fields: ModelFields<CSharpPoolField>): TaskPool {
    const key = this.poolListKey(pool);
    const value = fields.values.get('userAccounts');
    const shown = (!value || this.isShownAccountList(value)) && this.otherAccountListUsesShown(key);
    return { key, ...(!shown && { unseen: true }) };
  }

  private isShownAccountList(value: Node, depth = 0): boolean {
    const expr = unwrap(value);
    if (expr.type === 'identifier') {
      const variable = this.symbols.resolve(expr);
      // A list variable: shown when written out where declared and used nowhere else.
      if (depth > 0 || !variable?.value || this.symbols.usesOf(variable).some((use) => !sameNode(use, expr))) return false;
      return this.isShownAccountList(variable.value, depth + 1);
    }
    let initializer: Node | undefined;
    if (expr.type === 'initializer_expression') initializer = expr;
    else if (
      expr.type === 'object_creation_expression' ||
      expr.type === 'array_creation_expression' ||
      expr.type === 'implicit_array_creation_expression'
    ) {
      // `new List<UserAccount>(others)` starts from a list out of view.
      if (argumentsOf(expr).length > 0) return false;
      initializer = initializerOf(expr);
    } else return false;
    const elements = initializer ? namedChildren(initializer).filter((e) => e.type !== 'comment') : [];
    return elements.every((element) => {
      const creation = this.onlyCreationOf(element);
      return !!creation && this.modelOf(creation)?.model === 'UserAccount';
    });
  }

  /** Every `x.UserAccounts` the file writes: this pool's only as a plain assignment of a list written out, others' only on pools built here. */
  private otherAccountListUsesShown(key: string): boolean {
    this.builtPoolListKeys ??= new Set(this.builtPools().map((pool) => this.poolListKey(pool)));
    const builtKeys = this.builtPoolListKeys;
    for (const name of this.identifiersNamed(USER_ACCOUNTS)) {
      const access = name.parent;
      if (access?.type !== 'member_access_expression' || !sameNode(field(access, 'name'), name)) continue;
      const accessKey = this.symbols.keyOfLValue(access);
      if (accessKey !== key) {
        if (builtKeys.has(accessKey)) continue;
        return false;
      }
      const right = assignmentTo(access) && field(access.parent!, 'right');
      if (!right || !this.isShownAccountList(right)) return false;
    }
    return true;
  }

  // Tasks ----------------------------------------------------------------------------------------

  /** Every task model built here, whatever its identity: `new CloudTask(…)`, `StartTask = new() { … }`. */
  private tasks(): void {
    for (const word of TASK_WORDS) {
      for (const name of this.identifiersNamed(word)) {
        for (const creation of this.typeUseOf(name) ?? this.targetTypedValueOf(name)) this.task(creation);
      }
    }
    this.facts.tasks.sort((a, b) => a.span.start - b.span.start);
  }

  /** The `new(…)` a member or parameter of this name is given: `X.StartTask = new(…)`, `StartTask = new() { … }`, `startTask: new(…)`. */
  private targetTypedValueOf(name: Node): Node[] {
    const parent = name.parent;
    let value: Node | undefined;
    if (parent?.type === 'argument' && sameNode(field(parent, 'name'), name)) value = argumentValue(parent);
    else {
      const target = parent?.type === 'member_access_expression' && sameNode(field(parent, 'name'), name) ? parent : name;
      const assignment = target.parent;
      if (
        assignment?.type === 'assignment_expression' &&
        sameNode(field(assignment, 'left'), target) &&
        field(assignment, 'operator')?.type === '='
      )
        value = field(assignment, 'right') ?? undefined;
    }
    return value?.type === 'implicit_object_creation_expression' ? [value] : [];
  }

  private task(creation: Node): void {
    if (this.seenTasks.has(creation.startIndex)) return;
    this.seenTasks.add(creation.startIndex);
    const evidence = this.typeOfCreation(creation);
    const taskKind = evidence.batch === 'yes' && evidence.name ? CSHARP.taskTypes[evidence.name] : undefined;
    if (!taskKind) return;
    this.facts.tasks.push({
      span: spanOf(creation),
      nameSpan: this.nameSpanOf(creation),
      holder: { ...this.holderOf(this.symbols.keyOfObject(creation), evidence), taskKind },
      confidence: 'strong',
    });
  }

  // Enum members ---------------------------------------------------------------------------------

  private enumRefs(): void {
    for (const enumName of ENUM_TYPE_NAMES) {
      for (const name of this.identifiersNamed(enumName)) {
        const parent = name.parent;
        if (parent?.type !== 'member_access_expression') continue;
        // `ElevationLevel.X`, or `Common.ElevationLevel.X` where the name closes a qualifier.
        const access = sameNode(field(parent, 'expression'), name)
          ? parent
          : sameNode(field(parent, 'name'), name) &&
              parent.parent?.type === 'member_access_expression' &&
              sameNode(field(parent.parent, 'expression'), parent)
            ? parent.parent
            : undefined;
        const value = access && this.values.enumValueOf(access);
        if (value) this.facts.enumRefs.push({ value, valid: validSpellings(CSHARP.enums, value.enum) });
      }
    }
  }
}
