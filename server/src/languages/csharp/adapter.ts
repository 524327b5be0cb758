/**
 * C# adapter: syntax tree → identity facts. Every fact starts at an occurrence of an anchor word
 * (`RunElevated`, `UserIdentity`, `UserAccount`, the enum names) and is confirmed by the tree
 * and by the evidence of Batch in resolve.ts; nothing walks the whole tree.
 *
 * What the renderer will need once the tree is gone (statement spans, commas, the using block,
 * how this file writes the identity types) is planned here, per runElevated fact.
 */
import type { EnumName } from '../../batch/model';
import { CSHARP, validSpellings, type CSharpField, type CSharpModelShape } from '../../batch/sdks';
import {
  emptyFacts,
  type AutoUserFact,
  type Confidence,
  type Facts,
  type Holder,
  type IdentityFact,
  type LinuxUserFact,
  type RunElevatedFact,
  type Span,
  type UserAccountFact,
  type Value,
} from '../../engine/facts';
import { lineStart } from '../../engine/edits';
import type { TextEdit } from '../../engine/language';
import { nodeAt, spanOf, wordOccurrences, type Node, type Tree } from '../treeSitterSupport';
import { usingEdits } from './imports';
import { Reach } from './reach';
import { Resolver, type Declaration, type MemberAssignment, type TypeEvidence } from './resolve';
import {
  argumentsOf,
  assignmentTo,
  children,
  fieldOf,
  initializerMembers,
  initializerOf,
  isObjectCreation,
  lastNameNode,
  namedChildren,
  same,
  unwrap,
} from './syntax';
import { Values } from './values';

type ModelName = keyof typeof CSHARP.models;

/** How this file writes an identity at one place. */
export interface IdentityWriter {
  readonly construction: 'constructor' | 'initializer';
  /** Written before type names: '' with usings, else the namespace (`Microsoft.Azure.Batch.`, `Models.`). */
  readonly typePrefix: string;
  readonly enumPrefix: string;
  /** The usings the written names need, when missing. */
  readonly usings: readonly TextEdit[];
}

export interface RunElevatedPlan {
  /** How to write the replacing identity; undefined where replacing is unsafe. */
  readonly writer?: IdentityWriter;
  /** The edits that remove the statement or initializer member; undefined where removing is unsafe. */
  readonly removal?: readonly TextEdit[];
  /** The value must be parenthesised to become a condition. */
  readonly conditionNeedsParens: boolean;
}

export interface CSharpContext {
  readonly text: string;
  /** By the fact's span start. */
  readonly plans: Map<number, RunElevatedPlan>;
}

/** Expressions that bind looser than `?:` and so need parentheses as its condition. */
const LOOSE_EXPRESSIONS: ReadonlySet<string> = new Set([
  'conditional_expression',
  'assignment_expression',
  'lambda_expression',
  'anonymous_method_expression',
  'query_expression',
  'switch_expression',
  'throw_expression',
]);

/** Places where replacing `x.RunElevated = e` by `x.UserIdentity = …` keeps the code's meaning. */
const STATEMENT_LIKE: ReadonlySet<string> = new Set(['expression_statement', 'lambda_expression']);
/** Statement lists a statement can be removed from. */
const STATEMENT_LISTS: ReadonlySet<string> = new Set(['block', 'switch_section']);

function isBlank(s: string): boolean {
  return /^[ \t\r]*$/.test(s);
}

/** Widens a removal to whole lines when nothing else is on them, so no blank line is left. */
function removalSpan(text: string, start: number, end: number): Span {
  const from = lineStart(text, start);
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline;
  const before = text.slice(from, start);
  const after = text.slice(end, lineEnd);
  if (isBlank(before) && isBlank(after)) return { start: from, end: newline === -1 ? lineEnd : newline + 1 };
  if (isBlank(after)) {
    let s = start;
    while (s > from && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
    return { start: s, end };
  }
  let e = end;
  while (text[e] === ' ' || text[e] === '\t') e++;
  return { start, end: e };
}

interface ModelFields {
  /** The value written for each field; later writes win (constructor < initializer < statements). */
  readonly values: Map<CSharpField, Node>;
  /** Writes one level further down (`id.AutoUser.Scope = …`), by the field they go through. */
  readonly nested: Map<CSharpField, MemberAssignment[]>;
}

/** `globalUsings`: namespaces imported by `global using` in the project's other files. */
export function analyzeCSharp(text: string, tree: Tree, globalUsings: readonly string[] = []): { facts: Facts; context: CSharpContext } {
  const facts = emptyFacts();
  const context: CSharpContext = { text, plans: new Map() };
  const reach = new Reach(tree, text, globalUsings);
  if (reach.isBatchSdkSource()) return { facts, context };
  new CSharpAdapter(text, tree, reach, facts, context).run();
  return { facts, context };
}

class CSharpAdapter {
  private readonly resolver: Resolver;
  private readonly values: Values;
  private readonly seenCreations = new Set<number>();
  private readonly writers = new Map<string, IdentityWriter | undefined>();

  constructor(
    private readonly text: string,
    private readonly tree: Tree,
    private readonly reach: Reach,
    private readonly facts: Facts,
    private readonly context: CSharpContext,
  ) {
    this.resolver = new Resolver(tree, text, reach);
    this.values = new Values(this.resolver);
  }

  run(): void {
    this.runElevated();
    this.identities();
    this.accounts();
    this.enumRefs();
  }

  private identifiersNamed(word: string): Node[] {
    const found: Node[] = [];
    for (const offset of wordOccurrences(this.text, word)) {
      const node = nodeAt(this.tree, offset, offset + word.length, 'identifier');
      if (node) found.push(node);
    }
    return found;
  }

  private holderOf(key: string, evidence: TypeEvidence): Holder {
    return { key, taskKind: evidence.name ? CSHARP.taskTypes[evidence.name] : undefined, typeName: evidence.name };
  }

  // runElevated ----------------------------------------------------------------------------------

  private runElevated(): void {
    for (const name of this.identifiersNamed(CSHARP.legacy.runElevated)) {
      const parent = name.parent;
      if (!parent) continue;
      if (parent.type === 'member_access_expression' && same(fieldOf(parent, 'name'), name)) {
        const receiver = fieldOf(parent, 'expression');
        // `runner.RunElevated(…)` calls a method of that name: no property of Batch's.
        const call = parent.parent;
        if (!receiver || (call?.type === 'invocation_expression' && same(fieldOf(call, 'function'), parent))) continue;
        const assignment = assignmentTo(parent);
        this.addRunElevated(name, assignment ? 'assign' : 'read', assignment ?? parent, this.resolver.typeOfExpression(receiver), () =>
          this.resolver.keyOfLValue(receiver),
        );
      } else if (parent.type === 'member_binding_expression' && same(fieldOf(parent, 'name'), name)) {
        // `task?.RunElevated`: always a read.
        const access = parent.parent;
        const receiver = access?.type === 'conditional_access_expression' ? fieldOf(access, 'condition') : undefined;
        if (!access || !receiver) continue;
        this.addRunElevated(name, 'read', access, this.resolver.typeOfExpression(receiver), () => this.resolver.keyOfLValue(receiver));
      } else if (
        parent.type === 'assignment_expression' &&
        same(fieldOf(parent, 'left'), name) &&
        parent.parent?.type === 'initializer_expression'
      ) {
        if (fieldOf(parent, 'operator')?.type !== '=') continue;
        const initializer = parent.parent;
        this.addRunElevated(name, 'member', parent, this.resolver.typeOfInitializer(initializer), () =>
          this.resolver.keyOfInitializer(initializer),
        );
      }
      // Anything else is a declaration, the class's own property, a named argument or an anonymous object member.
    }
  }

  private addRunElevated(name: Node, form: 'assign' | 'member' | 'read', node: Node, evidence: TypeEvidence, key: () => string): void {
    const confidence = this.resolver.confidenceOf(evidence, name.startIndex);
    if (!confidence) return;
    const holder = this.holderOf(key(), evidence);
    const nameSpan = spanOf(name);
    const generation = this.resolver.sdkFor(evidence, name.startIndex);
    if (form === 'read') {
      this.facts.runElevated.push({ form, span: spanOf(node), nameSpan, holder, confidence, generation });
      return;
    }
    const right = fieldOf(node, 'right');
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
    const replaceable = form === 'member' || STATEMENT_LIKE.has(node.parent?.type ?? '');
    this.context.plans.set(fact.span.start, {
      writer: replaceable ? this.writerFor(evidence, name.startIndex) : undefined,
      removal: form === 'member' ? this.memberRemoval(node) : this.statementRemoval(node),
      conditionNeedsParens: LOOSE_EXPRESSIONS.has(right.type),
    });
  }

  /** How to write UserIdentity, AutoUserSpecification and the enums for an object of this type at `at`. */
  private writerFor(evidence: TypeEvidence, at: number): IdentityWriter | undefined {
    // Every fact in the same namespace block with the same kind of holder is written the same way.
    const key = `${evidence.sdk}|${evidence.name}|${evidence.qualifier}|${evidence.qualifierNamespace}|${this.reach.placeKey(at)}`;
    if (this.writers.has(key)) return this.writers.get(key);
    const writer = this.computeWriter(evidence, at);
    this.writers.set(key, writer);
    return writer;
  }

  private computeWriter(evidence: TypeEvidence, at: number): IdentityWriter | undefined {
    const sdk = this.resolver.sdkFor(evidence, at);
    if (!sdk) return undefined;
    const generation = CSHARP.generations[sdk];
    const reachable = this.reach.reachableNamespaces(at);
    const written: string[] = [
      CSHARP.write.userIdentityType,
      CSHARP.write.autoUserType,
      ...(['ElevationLevel', 'AutoUserScope'] satisfies EnumName[]),
    ];
    // Simple names would be ambiguous or shadowed: the file has its own, or another generation's are in reach.
    const conflict =
      written.some((n) => this.reach.declares(n) || this.reach.aliasAt(at, n) !== undefined) ||
      Object.entries(CSHARP.generations).some(([other, g]) => other !== sdk && (reachable.has(g.types) || reachable.has(g.enums)));
    const qualifiedHolder = !!evidence.qualifier && !reachable.has(generation.types);
    if (!conflict && !qualifiedHolder) {
      const needed = generation.construction === 'constructor' ? [generation.types, generation.enums] : [generation.types];
      const usings = usingEdits(this.text, this.tree, this.reach, at, needed);
      return usings && { construction: generation.construction, typePrefix: '', enumPrefix: '', usings };
    }
    // Qualified names, the way the holder's type is written when it names this generation's namespace.
    const reuse = evidence.qualifier && evidence.qualifierNamespace === generation.types ? evidence.qualifier : undefined;
    const typePrefix = reuse ?? `${generation.types}.`;
    const enumPrefix =
      generation.enums === generation.types
        ? typePrefix
        : reuse && generation.enums === `${generation.types}.${CSHARP.relativeEnumNamespace}`
          ? `${reuse}${CSHARP.relativeEnumNamespace}.`
          : `${generation.enums}.`;
    return { construction: generation.construction, typePrefix, enumPrefix, usings: [] };
  }

  /** Removing `x.RunElevated = e;`: only a whole statement of a statement list (not the body of an `if`). */
  private statementRemoval(assignment: Node): TextEdit[] | undefined {
    const statement = assignment.parent;
    const list = statement?.parent;
    if (statement?.type !== 'expression_statement' || !list) return undefined;
    const target = list.type === 'global_statement' ? list : STATEMENT_LISTS.has(list.type) ? statement : undefined;
    if (!target) return undefined;
    return [{ span: removalSpan(this.text, target.startIndex, target.endIndex), newText: '' }];
  }

  /** Removing `RunElevated = e` from an initializer with exactly one of the commas around it; comments stay. */
  private memberRemoval(member: Node): TextEdit[] | undefined {
    const initializer = member.parent;
    if (!initializer) return undefined;
    const tokens = children(initializer);
    const index = tokens.findIndex((t) => same(t, member));
    if (index < 0) return undefined;
    const nextToken = tokens.slice(index + 1).find((t) => t.type !== 'comment');
    const previousToken = tokens
      .slice(0, index)
      .reverse()
      .find((t) => t.type !== 'comment');
    if (nextToken?.type === ',') {
      if (isBlank(this.text.slice(member.endIndex, nextToken.startIndex))) {
        return [{ span: removalSpan(this.text, member.startIndex, nextToken.endIndex), newText: '' }];
      }
      return [
        { span: removalSpan(this.text, member.startIndex, member.endIndex), newText: '' },
        { span: spanOf(nextToken), newText: '' },
      ];
    }
    const edits: TextEdit[] = [];
    if (previousToken?.type === ',') edits.push({ span: spanOf(previousToken), newText: '' });
    edits.push({ span: removalSpan(this.text, member.startIndex, member.endIndex), newText: '' });
    return edits;
  }

  // Models: constructor arguments, initializer members, later statements --------------------------

  /** The creation a value stands for: itself, or the `new` a variable was initialised with. */
  private creationOf(node: Node): Node | undefined {
    const expr = unwrap(node);
    if (isObjectCreation(expr)) return expr;
    if (expr.type !== 'identifier') return undefined;
    const initial = this.resolver.initialValueOf(expr);
    return initial && isObjectCreation(unwrap(initial)) ? unwrap(initial) : undefined;
  }

  /** The Batch model a creation builds, from its written type or its target type. */
  private modelOf(creation: Node): { model: ModelName; evidence: TypeEvidence } | undefined {
    const type = fieldOf(creation, 'type');
    const evidence =
      creation.type === 'object_creation_expression' && type ? this.resolver.classifyType(type) : this.resolver.targetTypeOf(creation);
    if (evidence.batch !== 'yes' || !evidence.name || !(evidence.name in CSHARP.models)) return undefined;
    return { model: evidence.name as ModelName, evidence };
  }

  private variableOf(creation: Node): Declaration | undefined {
    const parent = creation.parent;
    const name = parent?.type === 'variable_declarator' ? fieldOf(parent, 'name') : undefined;
    return name ? this.resolver.resolve(name) : undefined;
  }

  private readModel(creation: Node, model: ModelName, extra: readonly MemberAssignment[] = []): ModelFields {
    const shape: CSharpModelShape = CSHARP.models[model];
    const values = new Map<CSharpField, Node>();
    const nested = new Map<CSharpField, MemberAssignment[]>();
    const args = argumentsOf(creation);
    const positional = args.filter((a) => !a.name);
    args.forEach((arg, index) => {
      let field: CSharpField | undefined = arg.name ? shape.parameters[arg.name] : shape.positional[index];
      // The legacy SDK's one-argument constructors: a user name, or an auto-user specification.
      if (!arg.name && model === 'UserIdentity' && positional.length === 1)
        field = this.isAutoUserSpecification(arg.value) ? 'autoUser' : 'userName';
      if (field) values.set(field, arg.value);
    });
    const initializer = initializerOf(creation);
    for (const member of initializer ? initializerMembers(initializer) : []) {
      const field = shape.properties[member.name.text];
      if (field) values.set(field, member.value);
    }
    const variable = this.variableOf(creation);
    const later = [...(variable ? this.resolver.memberAssignments(variable) : []), ...extra];
    for (const write of later) {
      const field = shape.properties[write.path[0]];
      if (!field) continue;
      if (write.path.length === 1) values.set(field, write.value);
      else nested.set(field, [...(nested.get(field) ?? []), { ...write, path: write.path.slice(1) }]);
    }
    return { values, nested };
  }

  private isAutoUserSpecification(node: Node): boolean {
    const creation = this.creationOf(node);
    if (creation) return this.modelOf(creation)?.model === 'AutoUserSpecification';
    return this.resolver.typeOfExpression(node).name === 'AutoUserSpecification';
  }

  private value(fields: ModelFields, field: CSharpField): Value | undefined {
    const node = fields.values.get(field);
    return node ? this.values.valueOf(node) : undefined;
  }

  /** A nested model (auto-user, Linux or Windows settings) written in place or through a variable. */
  private nestedModel(fields: ModelFields, field: CSharpField, model: ModelName): { creation: Node; fields: ModelFields } | undefined {
    const node = fields.values.get(field);
    const creation = node && this.creationOf(node);
    if (!creation || this.modelOf(creation)?.model !== model) return undefined;
    return { creation, fields: this.readModel(creation, model, fields.nested.get(field)) };
  }

  private nameSpanOf(creation: Node): Span {
    const type = fieldOf(creation, 'type');
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
  }

  /** The creations a type name stands in: `new UserIdentity(…)`, `UserIdentity x = new(…)`, `new List<UserAccount> { new(…) }`. */
  private typeUseOf(name: Node): Node[] | undefined {
    let type = name;
    while (
      type.parent &&
      (type.parent.type === 'qualified_name' || type.parent.type === 'alias_qualified_name') &&
      same(fieldOf(type.parent, 'name'), type)
    )
      type = type.parent;
    const parent = type.parent;
    if (!parent) return undefined;
    if (parent.type === 'object_creation_expression' && same(fieldOf(parent, 'type'), type)) return [parent];
    if (parent.type === 'variable_declaration' && same(fieldOf(parent, 'type'), type)) {
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
    if (parent?.type === 'member_access_expression' && same(fieldOf(parent, 'name'), name)) return assignmentTo(parent);
    if (parent?.type === 'assignment_expression' && parent.parent?.type === 'initializer_expression') return assignmentTo(name);
    return undefined;
  }

  /** The task an identity is assigned to, seen from the assignment `x.UserIdentity = …`. */
  private holderOfAssignment(assignment: Node): { holder: Holder; confidence?: Confidence } | undefined {
    const left = fieldOf(assignment, 'left');
    if (!left) return undefined;
    if (left.type === 'member_access_expression') {
      const receiver = fieldOf(left, 'expression');
      if (!receiver) return undefined;
      const evidence = this.resolver.typeOfExpression(receiver);
      return {
        holder: this.holderOf(this.resolver.keyOfLValue(receiver), evidence),
        confidence: this.resolver.confidenceOf(evidence, left.startIndex),
      };
    }
    const initializer = assignment.parent;
    if (left.type !== 'identifier' || initializer?.type !== 'initializer_expression') return undefined;
    const evidence = this.resolver.typeOfInitializer(initializer);
    return {
      holder: this.holderOf(this.resolver.keyOfInitializer(initializer), evidence),
      confidence: this.resolver.confidenceOf(evidence, left.startIndex),
    };
  }

  /** An identity value assigned to a task: a creation (handled there), a variable holding one, or an opaque expression. */
  private assignedIdentity(name: Node, assignment: Node): void {
    const right = fieldOf(assignment, 'right');
    if (!right) return;
    const value = unwrap(right);
    if (value.type === 'null_literal') return;
    if (value.type === 'implicit_object_creation_expression') {
      this.identity(value);
      return;
    }
    if (this.creationOf(value)) return; // its creation is the fact, with this holder
    const target = this.holderOfAssignment(assignment);
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
    if (parent.type === 'assignment_expression' && same(fieldOf(parent, 'right'), creation) && this.isIdentityTarget(parent))
      return this.holderOfAssignment(parent)?.holder;
    if (parent.type === 'argument') return this.holderOfArgument(parent);
    const variable = this.variableOf(creation);
    for (const use of variable ? this.resolver.usesOf(variable) : []) {
      const useParent = use.parent;
      if (useParent?.type === 'assignment_expression' && same(fieldOf(useParent, 'right'), use) && this.isIdentityTarget(useParent)) {
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
    const left = fieldOf(assignment, 'left');
    const name = left?.type === 'member_access_expression' ? fieldOf(left, 'name') : left;
    return name?.type === 'identifier' && name.text === CSHARP.legacy.userIdentity;
  }

  /** `new StartTask(…, userIdentity: identity)` of the generated models. */
  private holderOfArgument(argument: Node): Holder | undefined {
    if (fieldOf(argument, 'name')?.text !== CSHARP.userIdentityParameter) return undefined;
    const creation = argument.parent?.parent;
    if (!creation || !isObjectCreation(creation)) return undefined;
    const type = fieldOf(creation, 'type');
    const evidence = type ? this.resolver.classifyType(type) : this.resolver.targetTypeOf(creation);
    return evidence.batch === 'yes' ? this.holderOf(this.resolver.keyOfObject(creation), evidence) : undefined;
  }

  private identity(creation: Node): void {
    if (this.seenCreations.has(creation.startIndex)) return;
    this.seenCreations.add(creation.startIndex);
    if (this.modelOf(creation)?.model !== 'UserIdentity') return;
    const fields = this.readModel(creation, 'UserIdentity');
    const fact: IdentityFact = {
      span: spanOf(creation),
      nameSpan: this.nameSpanOf(creation),
      holder: this.holderOfCreation(creation),
      userName: this.value(fields, 'userName'),
      autoUser: this.autoUser(fields),
      confidence: 'strong',
    };
    this.facts.identities.push(fact);
  }

  private autoUser(identity: ModelFields): IdentityFact['autoUser'] {
    const node = identity.values.get('autoUser');
    const nested = this.nestedModel(identity, 'autoUser', 'AutoUserSpecification');
    if (nested) {
      const auto: AutoUserFact = {
        span: spanOf(nested.creation),
        scope: this.value(nested.fields, 'scope'),
        elevation: this.value(nested.fields, 'elevation'),
      };
      return auto;
    }
    return node ? { reference: this.values.valueOf(node) } : undefined;
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
    const fields = this.readModel(creation, 'UserAccount');
    const linux = this.nestedModel(fields, 'linux', 'LinuxUserConfiguration');
    const windows = this.nestedModel(fields, 'windows', 'WindowsUserConfiguration');
    const linuxFact: LinuxUserFact | undefined = linux && {
      span: spanOf(linux.creation),
      nameSpan: this.nameSpanOf(linux.creation),
      uid: this.value(linux.fields, 'uid'),
      gid: this.value(linux.fields, 'gid'),
      sshPrivateKey: this.value(linux.fields, 'sshPrivateKey'),
    };
    const poolKey = this.poolKeyOf(creation);
    const fact: UserAccountFact = {
      span: spanOf(creation),
      nameSpan: this.nameSpanOf(creation),
      name: this.value(fields, 'name'),
      password: this.value(fields, 'password'),
      elevation: this.value(fields, 'elevation'),
      linux: linuxFact,
      windows: windows && {
        span: spanOf(windows.creation),
        nameSpan: this.nameSpanOf(windows.creation),
        loginMode: this.value(windows.fields, 'loginMode'),
      },
      pool: poolKey ? { key: poolKey } : undefined,
      confidence: 'strong',
    };
    this.facts.accounts.push(fact);
  }

  /**
   * Accounts of one pool share a key: the `X.UserAccounts` they end up in, however they get there
   * (collection initializer, `.Add(…)`, a list variable assigned later, an account variable).
   */
  private poolKeyOf(account: Node): string | undefined {
    const direct = this.listKeyAround(account);
    if (direct) return direct;
    const variable = this.variableOf(account);
    for (const use of variable ? this.resolver.usesOf(variable) : []) {
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
      const fn = call?.type === 'invocation_expression' ? fieldOf(call, 'function') : undefined;
      const receiver =
        fn?.type === 'member_access_expression' && fieldOf(fn, 'name')?.text === 'Add' ? fieldOf(fn, 'expression') : undefined;
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
      const left = fieldOf(owner, 'left');
      return left ? this.resolver.keyOfLValue(left) : undefined;
    }
    return undefined;
  }

  private listKeyOfCollection(collection: Node): string {
    const parent = collection.parent;
    if (parent?.type === 'assignment_expression' && same(fieldOf(parent, 'right'), collection)) {
      const left = fieldOf(parent, 'left');
      if (left) return this.resolver.keyOfLValue(left);
    }
    const variable = this.variableOf(collection);
    return variable ? this.listKeyOfVariable(variable) : `cs:list:${collection.startIndex}`;
  }

  private listKeyOfExpression(expression: Node): string {
    const expr = unwrap(expression);
    const variable = expr.type === 'identifier' ? this.resolver.resolve(expr) : undefined;
    return variable ? this.listKeyOfVariable(variable) : this.resolver.keyOfLValue(expr);
  }

  /** A list variable is the pool's list once assigned to `X.UserAccounts`. */
  private listKeyOfVariable(variable: Declaration): string {
    for (const use of this.resolver.usesOf(variable)) {
      const parent = use.parent;
      if (parent?.type === 'assignment_expression' && same(fieldOf(parent, 'right'), use)) {
        const left = fieldOf(parent, 'left');
        if (left) return this.resolver.keyOfLValue(left);
      }
    }
    return this.resolver.keyOfVariable(variable);
  }

  // Enum members ---------------------------------------------------------------------------------

  private enumRefs(): void {
    for (const enumName of Object.keys(CSHARP.enums) as EnumName[]) {
      for (const name of this.identifiersNamed(enumName)) {
        const parent = name.parent;
        if (parent?.type !== 'member_access_expression') continue;
        // `ElevationLevel.X`, or `Common.ElevationLevel.X` where the name closes a qualifier.
        const access = same(fieldOf(parent, 'expression'), name)
          ? parent
          : same(fieldOf(parent, 'name'), name) &&
              parent.parent?.type === 'member_access_expression' &&
              same(fieldOf(parent.parent, 'expression'), parent)
            ? parent.parent
            : undefined;
        const value = access && this.values.enumValueOf(access);
        if (value) this.facts.enumRefs.push({ value, valid: validSpellings(CSHARP.enums, value.enum) });
      }
    }
  }
}
