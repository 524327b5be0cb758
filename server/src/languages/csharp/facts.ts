/**
 * C# facts: syntax tree → identity facts. Every fact starts at an occurrence of an anchor word
 * (`RunElevated`, `UserIdentity`, `UserAccount`, the enum names) and is confirmed by the tree and
 * by the evidence of Batch (evidence.ts); nothing walks the whole tree. What the renderer will need
 * once the tree is gone is planned (plan.ts) per runElevated fact.
 */
import type { EnumName } from '../../batch/model';
import { CSHARP, validSpellings, type CSharpField, type CSharpModelShape } from '../../batch/sdks';
import { emptyFacts, type Confidence, type Facts, type Holder, type RunElevatedFact, type Span } from '../../engine/facts';
import { accountFact, identityFact, type NestedField, type WrittenModel } from '../toolkit/models';
import { Plans } from '../toolkit/plans';
import { Words } from '../toolkit/text';
import { children, field, namedChildren, nodesNamed, sameNode, spanOf, type Node, type Tree } from '../toolkit/treeSitter';
import { BatchEvidence, type TypeEvidence } from './evidence';
import { Reach } from './imports';
import { RunElevatedPlanner, type FilePlan, type RunElevatedPlan } from './plan';
import { SymbolTable, type Declaration, type MemberAssignment } from './scope';
import { argumentsOf, assignmentTo, initializerMembers, initializerOf, isObjectCreation, lastNameNode, unwrap } from './syntax';
import { Values } from './values';

type ModelName = keyof typeof CSHARP.models;

interface ModelFields {
  /** The value written for each field; later writes win (constructor < initializer < statements). */
  readonly values: Map<CSharpField, Node>;
  /** Writes one level further down (`id.AutoUser.Scope = …`), by the field they go through. */
  readonly nested: Map<CSharpField, MemberAssignment[]>;
}

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
    this.enumRefs();
  }

  private identifiersNamed(word: string): Node[] {
    return nodesNamed(this.tree, this.words, word);
  }

  private holderOf(key: string, evidence: TypeEvidence): Holder {
    return { key, taskKind: evidence.name ? CSHARP.taskTypes[evidence.name] : undefined, typeName: evidence.name };
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

  // Models: constructor arguments, initializer members, later statements --------------------------

  /** The creation a value stands for: itself, or the `new` a variable was initialised with. */
  private creationOf(node: Node): Node | undefined {
    const expr = unwrap(node);
    if (isObjectCreation(expr)) return expr;
    if (expr.type !== 'identifier') return undefined;
    const initial = this.symbols.initialValueOf(expr);
    return initial && isObjectCreation(unwrap(initial)) ? unwrap(initial) : undefined;
  }

  /** The Batch model a creation builds, from its written type or its target type. */
  private modelOf(creation: Node): { model: ModelName; evidence: TypeEvidence } | undefined {
    const type = field(creation, 'type');
    const evidence =
      creation.type === 'object_creation_expression' && type ? this.evidence.classifyType(type) : this.evidence.targetTypeOf(creation);
    if (evidence.batch !== 'yes' || !evidence.name || !(evidence.name in CSHARP.models)) return undefined;
    return { model: evidence.name as ModelName, evidence };
  }

  private variableOf(creation: Node): Declaration | undefined {
    const parent = creation.parent;
    const name = parent?.type === 'variable_declarator' ? field(parent, 'name') : undefined;
    return name ? this.symbols.resolve(name) : undefined;
  }

  private readModel(creation: Node, model: ModelName, extra: readonly MemberAssignment[] = []): ModelFields {
    const shape: CSharpModelShape = CSHARP.models[model];
    const values = new Map<CSharpField, Node>();
    const nested = new Map<CSharpField, MemberAssignment[]>();
    const args = argumentsOf(creation);
    const positional = args.filter((a) => !a.name);
    args.forEach((arg, index) => {
      let target: CSharpField | undefined = arg.name ? shape.parameters[arg.name] : shape.positional[index];
      // The legacy SDK's one-argument constructors: a user name, or an auto-user specification.
      if (!arg.name && model === 'UserIdentity' && positional.length === 1)
        target = this.isAutoUserSpecification(arg.value) ? 'autoUser' : 'userName';
      if (target) values.set(target, arg.value);
    });
    const initializer = initializerOf(creation);
    for (const member of initializer ? initializerMembers(initializer) : []) {
      const target = shape.properties[member.name.text];
      if (target) values.set(target, member.value);
    }
    const variable = this.variableOf(creation);
    const later = [...(variable ? this.symbols.memberAssignments(variable) : []), ...extra];
    for (const write of later) {
      const target = shape.properties[write.path[0]];
      if (!target) continue;
      if (write.path.length === 1) values.set(target, write.value);
      else nested.set(target, [...(nested.get(target) ?? []), { ...write, path: write.path.slice(1) }]);
    }
    return { values, nested };
  }

  private isAutoUserSpecification(node: Node): boolean {
    const creation = this.creationOf(node);
    if (creation) return this.modelOf(creation)?.model === 'AutoUserSpecification';
    return this.evidence.typeOfExpression(node).name === 'AutoUserSpecification';
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

  /** A nested model (auto-user, Linux or Windows settings) written in place or through a variable. */
  private nestedModel(fields: ModelFields, name: NestedField): WrittenModel | undefined {
    const model = CSHARP.fieldTypes[name] as ModelName;
    const node = fields.values.get(name);
    const creation = node && this.creationOf(node);
    if (!creation || this.modelOf(creation)?.model !== model) return undefined;
    return this.written(creation, model, fields.nested.get(name));
  }

  private nameSpanOf(creation: Node): Span {
    const type = field(creation, 'type');
    return spanOf(type ? lastNameNode(type) : (children(creation)[0] ?? creation));
  }

  // Identities -----------------------------------------------------------------------------------

  private identities(): void {
    for (const name of this.identifiersNamed(CSHARP.write.userIdentityType)) {
      const typeUse = this.typeUseOf(name);
      if (typeUse) {
        for (const creation of typeUse) this.identity(creation);
        continue;
      }
      const target = this.identityTarget(name);
      if (target) this.assignedIdentity(name, target);
    }
    // `new StartTask(…, userIdentity: x)` of the generated models gives the task an identity too.
    for (const name of this.identifiersNamed(CSHARP.userIdentityParameter)) {
      const argument = name.parent;
      if (argument?.type !== 'argument' || !sameNode(field(argument, 'name'), name)) continue;
      const holder = this.holderOfArgument(argument);
      if (holder) this.facts.identityAssignments.push({ span: spanOf(argument), nameSpan: spanOf(name), holder });
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
    // A collection of the type with target-typed elements.
    const list = parent.type === 'type_argument_list' ? parent.parent?.parent : parent.type === 'array_type' ? parent.parent : undefined;
    if (list && (list.type === 'object_creation_expression' || list.type === 'array_creation_expression')) {
      const initializer = initializerOf(list);
      return initializer ? namedChildren(initializer).filter((c) => c.type === 'implicit_object_creation_expression') : [];
    }
    return undefined;
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
    const variable = this.variableOf(creation);
    for (const use of variable ? this.symbols.usesOf(variable) : []) {
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
    this.facts.identities.push(identityFact(this.written(creation, 'UserIdentity'), this.holderOfCreation(creation), 'strong'));
  }

  // Accounts -------------------------------------------------------------------------------------

  private accounts(): void {
    const accountType: ModelName = 'UserAccount';
    for (const name of this.identifiersNamed(accountType)) {
      for (const creation of this.typeUseOf(name) ?? []) this.account(creation);
    }
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
   * (collection initializer, `.Add(…)`, a list variable assigned later, an account variable).
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
    const variable = this.variableOf(collection);
    return variable ? this.listKeyOfVariable(variable) : `cs:list:${collection.startIndex}`;
  }

  private listKeyOfExpression(expression: Node): string {
    const expr = unwrap(expression);
    const variable = expr.type === 'identifier' ? this.symbols.resolve(expr) : undefined;
    return variable ? this.listKeyOfVariable(variable) : this.symbols.keyOfLValue(expr);
  }

  /** A list variable is the pool's list once assigned to `X.UserAccounts`. */
  private listKeyOfVariable(variable: Declaration): string {
    for (const use of this.symbols.usesOf(variable)) {
      const parent = use.parent;
      if (parent?.type === 'assignment_expression' && sameNode(field(parent, 'right'), use)) {
        const left = field(parent, 'left');
        if (left) return this.symbols.keyOfLValue(left);
      }
    }
    return this.symbols.keyOfVariable(variable);
  }

  // Enum members ---------------------------------------------------------------------------------

  private enumRefs(): void {
    for (const enumName of Object.keys(CSHARP.enums) as EnumName[]) {
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
