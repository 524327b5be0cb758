/**
 * Python adapter: azure-batch (≤14 and 15.x) and azure-mgmt-batch code → identity facts.
 *
 * Evidence of Batch: a call counts only when its callee resolves to a class of the Batch models
 * (`import azure.batch.models as batchmodels`, `from azure.batch.models import X`, `from azure.batch
 * import models`, `azure.batch.models.X`, `batch.models.X` through the service-client module, a
 * module that re-exports them); `x.run_elevated = …` only when x holds such an object, or, weakly,
 * when x is of unknown origin in a file that imports azure.batch. Everything starts from the
 * occurrences of a few anchor words; the tree is asked what each occurrence is.
 */
import type { CanonicalMember, EnumName, TaskKind } from '../../batch/model';
import { PYTHON, pythonGeneration, validSpellings, type EnumSpellings, type PythonPlane, type PythonSdk } from '../../batch/sdks';
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
import { sameNode, wordOccurrences, type Node, type Tree } from '../treeSitterSupport';
import { classify, Resolver, type Binding, type LocalBinding } from './resolver';
import { buildRenderInfo, type PythonRenderContext, type RunElevatedRenderInfo } from './renderInfo';
import { numberLiteral, spanOf, stringLiteral } from './values';

const ENUM_NAMES: readonly EnumName[] = ['ElevationLevel', 'AutoUserScope', 'LoginMode'];
const K = PYTHON.keywords;

/** Class names that identify a Batch model when imported from a module we cannot see into. */
const KNOWN_BATCH_CLASSES = new Set<string>([
  ...Object.keys(PYTHON.taskTypes),
  ...PYTHON.poolTypes,
  ...PYTHON.identityTypes,
  ...ENUM_NAMES,
]);

/** A class of the Batch models, reached by a callee or a type annotation. */
export interface BatchClass {
  readonly plane: PythonPlane;
  readonly className: string;
  readonly confidence: Confidence;
}

/** What object an expression holds, for Batch. */
export type Held =
  | {
      readonly kind: 'batch';
      readonly plane: PythonPlane;
      readonly className?: string;
      readonly confidence: Confidence;
      readonly key: string;
      readonly call?: Node;
    }
  /** Not a Batch model; `key` names the object when its attributes may still hold one (`self.task`). */
  | { readonly kind: 'notBatch'; readonly key?: string }
  | { readonly kind: 'unknown'; readonly key: string };

const MAX_DEPTH = 6;

export class PythonAdapter {
  readonly resolver: Resolver;
  readonly facts: Facts = emptyFacts();
  private sdkCache: PythonSdk | undefined;
  private readonly heldCache = new Map<number, Held>();
  /** Holders that already receive a user identity in any form (even `None`): a fix must not add a second. */
  readonly holdersWithIdentity = new Set<string>();
  private readonly renderInfo = new Map<number, RunElevatedRenderInfo>();

  constructor(
    readonly tree: Tree,
    readonly text: string,
  ) {
    this.resolver = new Resolver(tree, text);
  }

  run(): { facts: Facts; context: PythonRenderContext } {
    const runElevated = this.collectRunElevated();
    const enumAccesses = this.collectEnumAccesses();
    this.collectIdentitySites();
    for (const access of enumAccesses) {
      this.facts.enumRefs.push({ value: this.enumValue(access), valid: validSpellings(this.spellings(access.plane), access.enumName) });
    }
    this.collectIdentities();
    this.collectAccounts();
    for (const { fact, node, callee, plane } of runElevated) {
      this.renderInfo.set(fact.nameSpan.start, buildRenderInfo(this, fact, node, callee, plane));
    }
    return { facts: this.facts, context: { text: this.text, runElevated: this.renderInfo } };
  }

  // ---------------------------------------------------------------------------------------------
  // SDK generation and enum spellings
  // ---------------------------------------------------------------------------------------------

  /** legacy (≤14) or 15.x, from the classes, keywords and enum members the file uses; legacy when nothing tells. */
  get sdk(): PythonSdk {
    this.sdkCache ??= this.decideSdk();
    return this.sdkCache;
  }

  private decideSdk(): PythonSdk {
    const score: Record<PythonSdk, number> = { legacy: 0, v15: 0 };
    for (const sdk of ['legacy', 'v15'] as const) {
      for (const name of PYTHON.generationMarkers[sdk]) {
        for (const offset of wordOccurrences(this.text, name)) {
          const node = this.identifierAt(offset, name);
          if (node && this.isDataPlaneName(node)) score[sdk]++;
        }
      }
    }
    for (const sdk of ['legacy', 'v15'] as const) {
      const keyword = PYTHON.userNameKeyword[sdk];
      for (const offset of wordOccurrences(this.text, keyword)) {
        const node = this.identifierAt(offset, keyword);
        const call = node && keywordCall(node);
        const cls = call && this.batchClassOfCall(call);
        if (cls && cls.plane === 'data' && cls.className === 'UserIdentity') score[sdk]++;
      }
    }
    if (score.legacy !== score.v15) return score.legacy > score.v15 ? 'legacy' : 'v15';
    // Only enum members left to tell: upper case is 15.x, the legacy spellings are legacy.
    const members: Record<PythonSdk, number> = { legacy: 0, v15: 0 };
    for (const access of this.collectEnumAccesses()) {
      if (access.plane !== 'data') continue;
      for (const sdk of ['legacy', 'v15'] as const) {
        if (Object.values(PYTHON.enums[sdk][access.enumName]).includes(access.member)) members[sdk]++;
      }
    }
    return members.v15 > members.legacy ? 'v15' : 'legacy';
  }

  spellings(plane: PythonPlane): EnumSpellings {
    return plane === 'mgmt' ? PYTHON.mgmtEnums : PYTHON.enums[this.sdk];
  }

  private canonicalOf(plane: PythonPlane, enumName: EnumName, member: string): CanonicalMember | undefined {
    const table = this.spellings(plane)[enumName];
    const caseInsensitive = PYTHON.caseInsensitiveEnums[plane === 'mgmt' ? 'mgmt' : this.sdk];
    for (const canonical of Object.keys(table)) {
      const spelled = table[canonical];
      if (caseInsensitive ? member.toUpperCase() === spelled.toUpperCase() : member === spelled) return canonical as CanonicalMember;
    }
    return undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Tree helpers
  // ---------------------------------------------------------------------------------------------

  identifierAt(offset: number, word: string): Node | undefined {
    const node = this.tree.rootNode.descendantForIndex(offset, offset + word.length);
    return node && node.type === 'identifier' && node.startIndex === offset && node.endIndex === offset + word.length ? node : undefined;
  }

  /** `X` or `m.X` as written: the expression an identifier is the last name of. */
  private nameExpression(identifier: Node): Node {
    const parent = identifier.parent;
    return parent?.type === 'attribute' && sameNode(parent.childForFieldName('attribute'), identifier) ? parent : identifier;
  }

  private isDataPlaneName(identifier: Node): boolean {
    const statement = importStatementOf(identifier);
    if (statement) {
      const module = statement.childForFieldName('module_name');
      if (statement.type !== 'import_from_statement' || !module || sameNode(module, identifier) || containsNode(module, identifier))
        return false;
      const c = classify(module.text.replace(/\s/g, ''));
      return c.kind === 'models' && c.plane === 'data';
    }
    const path = this.resolver.qualifiedOf(this.nameExpression(identifier));
    if (!path) return false;
    const c = classify(path);
    return c.kind === 'class' && c.plane === 'data';
  }

  // ---------------------------------------------------------------------------------------------
  // Evidence of Batch
  // ---------------------------------------------------------------------------------------------

  /** The Batch class a callee (or annotation) names, or undefined when it is not one. */
  batchClassOf(expr: Node, depth = 0): BatchClass | undefined {
    const d = this.resolver.denote(expr);
    if (d.kind === 'qualified') {
      const c = classify(d.path);
      if (c.kind === 'class' && c.members.length === 0) return { plane: c.plane, className: c.className, confidence: 'strong' };
      if (c.kind === 'foreign' && this.resolver.importsBatch && KNOWN_BATCH_CLASSES.has(c.lastName)) {
        return { plane: 'data', className: c.lastName, confidence: 'weak' };
      }
      return undefined;
    }
    if (d.kind === 'foreignStar') {
      return this.resolver.importsBatch && KNOWN_BATCH_CLASSES.has(d.name)
        ? { plane: 'data', className: d.name, confidence: 'weak' }
        : undefined;
    }
    // A class of this file deriving from a Batch model is one.
    if (d.kind === 'local' && d.binding?.kind === 'def' && d.binding.owner?.type === 'class_definition' && depth < MAX_DEPTH) {
      return this.batchBaseOf(d.binding.owner, depth + 1);
    }
    return undefined;
  }

  private batchBaseOf(classDef: Node, depth: number): BatchClass | undefined {
    const bases = classDef.childForFieldName('superclasses');
    for (const base of bases?.namedChildren ?? []) {
      if (!base || base.type === 'keyword_argument') continue;
      const cls = this.batchClassOf(base, depth);
      if (cls) return cls;
    }
    return undefined;
  }

  batchClassOfCall(call: Node): BatchClass | undefined {
    const fn = call.childForFieldName('function');
    return fn ? this.batchClassOf(fn) : undefined;
  }

  /** What object `expr` holds: a Batch model (and which call made it), something else, or unknown. */
  held(expr: Node, depth = 0): Held {
    const cached = this.heldCache.get(expr.id);
    if (cached) return cached;
    const result = this.computeHeld(expr, depth);
    this.heldCache.set(expr.id, result);
    return result;
  }

  private computeHeld(expr: Node, depth: number): Held {
    if (depth > MAX_DEPTH) return { kind: 'unknown', key: `py:expr:${expr.startIndex}` };
    switch (expr.type) {
      case 'call': {
        const cls = this.batchClassOfCall(expr);
        const key = `py:call:${expr.startIndex}`;
        if (cls) return { kind: 'batch', plane: cls.plane, className: cls.className, confidence: cls.confidence, key, call: expr };
        const fn = expr.childForFieldName('function');
        const d = fn ? this.resolver.denote(fn) : undefined;
        // A class of this file or a builtin makes something that is not a Batch model.
        if (d?.kind === 'unbound' || (d?.kind === 'local' && d.binding?.owner?.type === 'class_definition'))
          return { kind: 'notBatch', key };
        return { kind: 'unknown', key };
      }
      case 'identifier':
        return this.heldByName(expr, depth);
      case 'attribute':
        return this.heldByAttribute(expr, depth);
      case 'parenthesized_expression': {
        const inner = expr.namedChild(0);
        return inner ? this.held(inner, depth + 1) : { kind: 'notBatch' };
      }
      default:
        return { kind: 'unknown', key: `py:expr:${expr.startIndex}` };
    }
  }

  private heldByName(name: Node, depth: number): Held {
    const binding = this.resolver.resolveName(name.text, name);
    // A star import of the models binds their names only: any other name is as unbound as without it.
    const starClass = binding?.kind === 'star' && classify(`${binding.module}.${name.text}`).kind === 'class';
    if (!binding || (binding.kind === 'star' && !starClass)) return { kind: 'unknown', key: `py:global:${name.text}` };
    if (binding.kind === 'import' || binding.kind === 'star') return { kind: 'notBatch' };
    const key = `py:bind:${binding.start}`;
    switch (binding.kind) {
      case 'def':
        return { kind: 'notBatch' };
      case 'assign': {
        const annotated = binding.type ? this.annotationClass(binding.type) : undefined;
        if (binding.value) {
          const inner = this.held(binding.value, depth + 1);
          if (inner.kind === 'batch') return inner;
          if (inner.kind === 'notBatch') return inner.key ? inner : { kind: 'notBatch', key };
        }
        if (annotated)
          return { kind: 'batch', plane: annotated.plane, className: annotated.className, confidence: annotated.confidence, key };
        return { kind: 'unknown', key };
      }
      case 'param': {
        if (binding.type) {
          const annotated = this.annotationClass(binding.type);
          if (annotated)
            return { kind: 'batch', plane: annotated.plane, className: annotated.className, confidence: annotated.confidence, key };
          return { kind: 'notBatch' };
        }
        const classDef = this.methodClassOfSelf(binding);
        if (classDef) {
          const base = this.batchBaseOf(classDef, depth + 1);
          const selfKey = `py:self:${classDef.startIndex}`;
          return base
            ? { kind: 'batch', plane: base.plane, className: base.className, confidence: base.confidence, key: selfKey }
            : { kind: 'notBatch', key: selfKey };
        }
        return { kind: 'unknown', key };
      }
      default:
        return { kind: 'unknown', key };
    }
  }

  private annotationClass(type: Node): BatchClass | undefined {
    const expr = type.type === 'type' ? type.namedChild(0) : type;
    return expr && (expr.type === 'identifier' || expr.type === 'attribute') ? this.batchClassOf(expr) : undefined;
  }

  /** The class of a method's first parameter (`self`), when the binding is one. */
  private methodClassOfSelf(binding: LocalBinding): Node | undefined {
    const fn = binding.owner;
    if (fn?.type !== 'function_definition') return undefined;
    const params = fn.childForFieldName('parameters');
    if (!sameNode(params?.namedChild(0), binding.node)) return undefined;
    const container = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent;
    const classDef = container?.type === 'block' ? container.parent : undefined;
    return classDef?.type === 'class_definition' ? classDef : undefined;
  }

  private heldByAttribute(expr: Node, depth: number): Held {
    const object = expr.childForFieldName('object');
    const attribute = expr.childForFieldName('attribute');
    if (!object || !attribute) return { kind: 'notBatch' };
    const base = this.held(object, depth + 1);
    if (!base.key) return { kind: 'notBatch' };
    const key = `${base.key}.${attribute.text}`;
    // `self.task = batchmodels.TaskAddParameter(…)` earlier: what was assigned to this very path.
    const assigned = this.assignedToPath(expr, base.key, depth);
    if (assigned) {
      const inner = this.held(assigned, depth + 1);
      if (inner.kind !== 'unknown') return inner;
    }
    if (base.kind === 'notBatch') return { kind: 'notBatch', key };
    if (base.kind === 'batch') {
      // `pool.start_task` where the pool call passed `start_task=StartTask(…)`.
      const passed = base.call && keywordArgument(base.call, attribute.text);
      if (passed) {
        const inner = this.held(passed, depth + 1);
        if (inner.kind === 'batch') return inner;
      }
      return { kind: 'batch', plane: base.plane, confidence: base.confidence, key };
    }
    return { kind: 'unknown', key };
  }

  /** The value last assigned to `receiver.attr` (the same receiver, by holder key) before `path`. */
  private assignedToPath(path: Node, baseKey: string, depth: number): Node | undefined {
    const attribute = path.childForFieldName('attribute')!;
    let best: Node | undefined;
    let bestStart = -1;
    let firstAfter: Node | undefined;
    for (const offset of this.resolver.occurrences(attribute.text)) {
      const node = this.identifierAt(offset, attribute.text);
      const left = node?.parent;
      if (!left || left.type !== 'attribute' || !sameNode(left.childForFieldName('attribute'), node)) continue;
      const assignment = left.parent;
      if (assignment?.type !== 'assignment' || !sameNode(assignment.childForFieldName('left'), left)) continue;
      const leftObject = left.childForFieldName('object');
      const value = assignment.childForFieldName('right');
      if (!leftObject || !value || sameNode(left, path)) continue;
      const leftBase = this.held(leftObject, depth + 1);
      if (!leftBase.key || leftBase.key !== baseKey) continue;
      if (left.startIndex < path.startIndex && left.startIndex > bestStart) {
        best = value;
        bestStart = left.startIndex;
      } else if (left.startIndex > path.startIndex && !firstAfter) firstAfter = value;
    }
    return best ?? firstAfter;
  }

  holderOf(held: Extract<Held, { kind: 'batch' | 'unknown' }>): Holder {
    if (held.kind === 'unknown') return { key: held.key };
    const taskKind: TaskKind | undefined = held.className ? PYTHON.taskTypes[held.className] : undefined;
    return { key: held.key, taskKind, typeName: held.className };
  }

  // ---------------------------------------------------------------------------------------------
  // runElevated
  // ---------------------------------------------------------------------------------------------

  private collectRunElevated(): RunElevatedSite[] {
    const found: RunElevatedSite[] = [];
    for (const offset of wordOccurrences(this.text, PYTHON.runElevated)) {
      const name = this.identifierAt(offset, PYTHON.runElevated);
      const parent = name?.parent;
      if (!name || !parent) continue;
      if (parent.type === 'keyword_argument' && sameNode(parent.childForFieldName('name'), name)) {
        const call = keywordCall(name);
        const cls = call && this.batchClassOfCall(call);
        const valueNode = parent.childForFieldName('value');
        if (!call || !cls || !valueNode) continue;
        const fact: RunElevatedFact = {
          form: 'keyword',
          span: spanOf(parent),
          nameSpan: spanOf(name),
          value: this.value(valueNode, false),
          holder: { key: `py:call:${call.startIndex}`, taskKind: PYTHON.taskTypes[cls.className], typeName: cls.className },
          confidence: cls.confidence,
        };
        found.push({ fact, node: name, callee: call.childForFieldName('function') ?? undefined, plane: cls.plane });
      } else if (parent.type === 'attribute' && sameNode(parent.childForFieldName('attribute'), name)) {
        const receiver = parent.childForFieldName('object');
        if (!receiver) continue;
        const held = this.held(receiver);
        const assignment = parent.parent;
        const isTarget = assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('left'), parent);
        if (isTarget) {
          if (held.kind === 'notBatch' || (held.kind === 'unknown' && !this.resolver.importsBatch)) continue;
          const right = assignment.childForFieldName('right');
          const fact: RunElevatedFact = {
            form: 'assign',
            span: spanOf(assignment),
            nameSpan: spanOf(name),
            // `a.run_elevated = b.run_elevated = True` has no single value to rewrite.
            value: right && right.type !== 'assignment' ? this.value(right, false) : undefined,
            holder: this.holderOf(held),
            confidence: held.kind === 'batch' ? held.confidence : 'weak',
          };
          const batch = held.kind === 'batch' ? held : undefined;
          found.push({ fact, node: name, callee: batch?.call?.childForFieldName('function') ?? undefined, plane: batch?.plane ?? 'data' });
        } else if (held.kind === 'batch' && !isDeleteOrAugmented(parent)) {
          // Reads count only on a known Batch model: a config object's own run_elevated field is not one.
          found.push({
            fact: { form: 'read', span: spanOf(parent), nameSpan: spanOf(name), holder: this.holderOf(held), confidence: held.confidence },
            node: name,
            plane: held.plane,
          });
        }
      }
    }
    for (const f of found) this.facts.runElevated.push({ ...f.fact, generation: pythonGeneration(f.plane, this.sdk) });
    return found;
  }

  // ---------------------------------------------------------------------------------------------
  // Values
  // ---------------------------------------------------------------------------------------------

  /**
   * The Value of an expression. With `follow`, a name bound once to a literal, an enum member, a
   * secret look-up or a GUID is read through (the Value then spans the definition).
   */
  value(expression: Node, follow: boolean, depth = 0): Value {
    // `((x))` is x: unwrapped in a loop, as a file may nest parentheses deeper than the stack allows.
    let node = expression;
    for (
      let inner = node.namedChild(0);
      node.type === 'parenthesized_expression' && inner && node.namedChildCount === 1;
      inner = node.namedChild(0)
    )
      node = inner;
    const span = spanOf(node);
    const text = node.text;
    switch (node.type) {
      case 'true':
      case 'false':
        return { kind: 'bool', value: node.type === 'true', span, text };
      case 'none':
        return { kind: 'null', span, text };
      case 'integer':
      case 'float':
      case 'unary_operator': {
        const n = numberLiteral(node);
        if (n !== undefined) return { kind: 'number', value: n, span, text };
        break;
      }
      case 'string':
      case 'concatenated_string': {
        const s = stringLiteral(node);
        if (s !== undefined) return { kind: 'string', value: s, span, text };
        break;
      }
      case 'attribute': {
        const access = this.enumAccessOf(node);
        if (access) return this.enumValue(access);
        break;
      }
      case 'identifier':
        if (follow && depth < MAX_DEPTH) {
          const binding = this.resolver.resolveName(node.text, node);
          if (binding?.kind === 'assign' && binding.value) {
            const resolved = this.value(binding.value, true, depth + 1);
            if (resolved.kind !== 'expr' || resolved.hint) return resolved;
            return { kind: 'expr', span, text, hint: 'reference' };
          }
        }
        break;
    }
    const hint = this.hintOf(node);
    return hint ? { kind: 'expr', span, text, hint } : { kind: 'expr', span, text };
  }

  /** 'secret' for environment and key-vault look-ups, 'guid' for uuid generators. */
  private hintOf(node: Node): 'secret' | 'guid' | undefined {
    const path = (n: Node | null | undefined) =>
      n && (n.type === 'identifier' || n.type === 'attribute') ? this.resolver.qualifiedOf(n) : undefined;
    switch (node.type) {
      case 'subscript':
        return path(node.childForFieldName('value')) === 'os.environ' ? 'secret' : undefined;
      case 'call': {
        const fn = node.childForFieldName('function');
        const callee = path(fn);
        if (callee && SECRET_FUNCTIONS.has(callee)) return 'secret';
        if (callee && GUID_FUNCTIONS.has(callee)) return 'guid';
        // SecretClient(…).get_secret(name), whatever the client variable is.
        if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'get_secret') return 'secret';
        // str(uuid.uuid4())
        if (fn?.type === 'identifier' && fn.text === 'str' && !this.resolver.resolveName('str', fn)) {
          const arg = node.childForFieldName('arguments')?.namedChild(0);
          return arg && this.hintOf(arg) === 'guid' ? 'guid' : undefined;
        }
        return undefined;
      }
      case 'attribute': {
        const object = node.childForFieldName('object');
        const attr = node.childForFieldName('attribute')?.text;
        const inner = object ? this.hintOf(object) : undefined;
        if (inner === 'secret' && attr === 'value') return 'secret';
        if (inner === 'guid' && (attr === 'hex' || attr === 'urn')) return 'guid';
        return undefined;
      }
      default:
        return undefined;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Enum members
  // ---------------------------------------------------------------------------------------------

  private enumAccessCache: EnumAccess[] | undefined;

  /** Every `ElevationLevel.x` / `AutoUserScope.x` / `LoginMode.x` of the Batch models in the file. */
  private collectEnumAccesses(): EnumAccess[] {
    if (this.enumAccessCache) return this.enumAccessCache;
    const accesses: EnumAccess[] = [];
    for (const enumName of ENUM_NAMES) {
      for (const offset of wordOccurrences(this.text, enumName)) {
        const name = this.identifierAt(offset, enumName);
        if (!name) continue;
        const expr = this.nameExpression(name);
        const access =
          expr.parent?.type === 'attribute' && sameNode(expr.parent.childForFieldName('object'), expr)
            ? this.enumAccessOf(expr.parent)
            : undefined;
        if (access) accesses.push(access);
      }
    }
    this.enumAccessCache = accesses;
    return accesses;
  }

  private enumAccessOf(attribute: Node): EnumAccess | undefined {
    const object = attribute.childForFieldName('object');
    const member = attribute.childForFieldName('attribute');
    if (!object || !member || (object.type !== 'identifier' && object.type !== 'attribute')) return undefined;
    const last = object.type === 'identifier' ? object.text : object.childForFieldName('attribute')?.text;
    if (!last || !(ENUM_NAMES as readonly string[]).includes(last)) return undefined;
    const path = this.resolver.qualifiedOf(object);
    const c = path ? classify(path) : undefined;
    if (c?.kind !== 'class' || c.members.length > 0 || !(ENUM_NAMES as readonly string[]).includes(c.className)) return undefined;
    return { node: attribute, plane: c.plane, enumName: c.className as EnumName, member: member.text, memberSpan: spanOf(member) };
  }

  private enumValue(access: EnumAccess): Extract<Value, { kind: 'enum' }> {
    return {
      kind: 'enum',
      enum: access.enumName,
      member: access.member,
      canonical: this.canonicalOf(access.plane, access.enumName, access.member),
      span: spanOf(access.node),
      memberSpan: access.memberSpan,
      text: access.node.text,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // User identities
  // ---------------------------------------------------------------------------------------------

  /** Identity constructions by call offset, with the holders their value reaches. */
  private readonly constructions = new Map<number, { fact: IdentityFact; holders: { holder: Holder; use: Node }[] }>();
  /** `user_identity=` / `.user_identity =` sites whose value is not a construction this file shows. */
  private readonly identitySites: { valueNode: Node; nameNode: Node; holder: Holder; confidence: Confidence }[] = [];

  /** Constructions of a Batch class named `className`, found from its occurrences. */
  private constructionsOf(className: string): { call: Node; nameNode: Node; cls: BatchClass }[] {
    const found: { call: Node; nameNode: Node; cls: BatchClass }[] = [];
    for (const offset of wordOccurrences(this.text, className)) {
      const name = this.identifierAt(offset, className);
      if (!name) continue;
      const expr = this.nameExpression(name);
      const call = expr.parent;
      if (call?.type !== 'call' || !sameNode(call.childForFieldName('function'), expr)) continue;
      const cls = this.batchClassOf(expr);
      if (cls && cls.className === className) found.push({ call, nameNode: name, cls });
    }
    return found;
  }

  /** The Batch construction of `className` an expression is, directly or through a name bound to one. */
  private constructionBehind(node: Node, className: string, depth = 0): Node | undefined {
    if (node.type === 'call') {
      const cls = this.batchClassOfCall(node);
      return cls?.className === className ? node : undefined;
    }
    if (node.type === 'identifier' && depth < MAX_DEPTH) {
      const binding = this.resolver.resolveName(node.text, node);
      if (binding?.kind === 'assign' && binding.value) return this.constructionBehind(binding.value, className, depth + 1);
    }
    return undefined;
  }

  /** Every place a holder receives a user identity: `user_identity=` of a Batch call, `x.user_identity = …`. */
  private collectIdentitySites(): void {
    for (const offset of wordOccurrences(this.text, PYTHON.userIdentity)) {
      const name = this.identifierAt(offset, PYTHON.userIdentity);
      const parent = name?.parent;
      if (!name || !parent) continue;
      let holder: Holder | undefined;
      let confidence: Confidence = 'strong';
      let valueNode: Node | null = null;
      if (parent.type === 'keyword_argument' && sameNode(parent.childForFieldName('name'), name)) {
        const call = keywordCall(name);
        const cls = call && this.batchClassOfCall(call);
        if (!call || !cls) continue;
        holder = { key: `py:call:${call.startIndex}`, taskKind: PYTHON.taskTypes[cls.className], typeName: cls.className };
        confidence = cls.confidence;
        valueNode = parent.childForFieldName('value');
      } else if (parent.type === 'attribute' && sameNode(parent.childForFieldName('attribute'), name)) {
        const assignment = parent.parent;
        const receiver = parent.childForFieldName('object');
        if (assignment?.type !== 'assignment' || !sameNode(assignment.childForFieldName('left'), parent) || !receiver) continue;
        const held = this.held(receiver);
        if (held.kind === 'notBatch' || (held.kind === 'unknown' && !this.resolver.importsBatch)) continue;
        holder = this.holderOf(held);
        confidence = held.kind === 'batch' ? held.confidence : 'weak';
        valueNode = assignment.childForFieldName('right');
      }
      if (!holder || !valueNode) continue;
      this.holdersWithIdentity.add(holder.key);
      if (valueNode.type === 'none') continue;
      this.identitySites.push({ valueNode, nameNode: name, holder, confidence });
    }
  }

  private collectIdentities(): void {
    for (const { call, nameNode, cls } of this.constructionsOf('UserIdentity')) {
      const args = argumentsOf(call, PYTHON.positional.UserIdentity);
      const userNameNode = args.get(PYTHON.userNameKeyword.legacy) ?? args.get(PYTHON.userNameKeyword.v15);
      const autoUserNode = args.get(K.autoUser);
      const fact: IdentityFact = {
        span: spanOf(call),
        nameSpan: spanOf(nameNode),
        userName: userNameNode && userNameNode.type !== 'none' ? this.value(userNameNode, true) : undefined,
        autoUser: autoUserNode && autoUserNode.type !== 'none' ? this.autoUser(autoUserNode) : undefined,
        confidence: cls.confidence,
      };
      this.constructions.set(call.startIndex, { fact, holders: [] });
    }
    for (const site of this.identitySites) {
      const construction = this.constructionBehind(site.valueNode, 'UserIdentity');
      const entry = construction && this.constructions.get(construction.startIndex);
      if (entry) {
        entry.holders.push({ holder: site.holder, use: site.valueNode });
        continue;
      }
      // An identity this file does not show (a parameter, a factory's result): known to be set, not what it is.
      this.facts.identities.push({
        span: spanOf(site.valueNode),
        nameSpan: spanOf(site.nameNode),
        holder: site.holder,
        autoUser: { reference: this.value(site.valueNode, false) },
        confidence: site.confidence,
      });
    }
    for (const { fact, holders } of this.constructions.values()) {
      if (holders.length <= 1) {
        this.facts.identities.push(holders.length === 1 ? { ...fact, holder: holders[0].holder } : fact);
        continue;
      }
      // One identity (a module constant) given to several holders: the construction once, and each use.
      this.facts.identities.push(fact);
      for (const { holder, use } of holders) {
        this.facts.identities.push({ ...fact, span: spanOf(use), nameSpan: spanOf(use), holder });
      }
    }
  }

  private autoUser(node: Node): IdentityFact['autoUser'] {
    const construction = this.constructionBehind(node, 'AutoUserSpecification');
    if (!construction) return { reference: this.value(node, false) };
    const args = argumentsOf(construction, PYTHON.positional.AutoUserSpecification);
    const scope = args.get(K.scope);
    const elevation = args.get(K.elevationLevel);
    const fact: AutoUserFact = {
      span: spanOf(construction),
      scope: scope && scope.type !== 'none' ? this.value(scope, true) : undefined,
      elevation: elevation && elevation.type !== 'none' ? this.value(elevation, true) : undefined,
    };
    return fact;
  }

  // ---------------------------------------------------------------------------------------------
  // User accounts
  // ---------------------------------------------------------------------------------------------

  private collectAccounts(): void {
    for (const { call, nameNode, cls } of this.constructionsOf('UserAccount')) {
      const args = argumentsOf(call, PYTHON.positional.UserAccount);
      const optional = (key: string) => {
        const node = args.get(key);
        return node && node.type !== 'none' ? this.value(node, true) : undefined;
      };
      const linuxNode = args.get(K.linuxUserConfiguration);
      const windowsNode = args.get(K.windowsUserConfiguration);
      let linux = linuxNode ? this.linuxFact(linuxNode) : undefined;
      // azure-batch 2.x had the key on the account itself.
      const topLevelKey = keywordNameNode(call, K.sshPrivateKey);
      if (!linux && topLevelKey) {
        linux = { span: spanOf(call), nameSpan: spanOf(topLevelKey.name), sshPrivateKey: this.value(topLevelKey.value, true) };
      }
      const windowsCall = windowsNode && this.constructionBehind(windowsNode, 'WindowsUserConfiguration');
      const fact: UserAccountFact = {
        span: spanOf(call),
        nameSpan: spanOf(nameNode),
        name: optional(K.name),
        password: optional(K.password),
        elevation: optional(K.elevationLevel),
        linux,
        windows: windowsCall ? this.windowsFact(windowsCall) : undefined,
        pool: this.poolOf(call),
        confidence: cls.confidence,
      };
      this.facts.accounts.push(fact);
    }
  }

  private linuxFact(node: Node): LinuxUserFact | undefined {
    const call = this.constructionBehind(node, 'LinuxUserConfiguration');
    if (!call) return undefined;
    const args = argumentsOf(call, PYTHON.positional.LinuxUserConfiguration);
    const optional = (key: string) => {
      const n = args.get(key);
      return n && n.type !== 'none' ? this.value(n, true) : undefined;
    };
    return {
      span: spanOf(call),
      nameSpan: spanOf(calleeName(call)),
      uid: optional(K.uid),
      gid: optional(K.gid),
      sshPrivateKey: optional(K.sshPrivateKey),
    };
  }

  private windowsFact(call: Node): UserAccountFact['windows'] {
    const loginMode = argumentsOf(call, PYTHON.positional.WindowsUserConfiguration).get(K.loginMode);
    return {
      span: spanOf(call),
      nameSpan: spanOf(calleeName(call)),
      loginMode: loginMode && loginMode.type !== 'none' ? this.value(loginMode, true) : undefined,
    };
  }

  /**
   * The pool an account is defined on: the call or object its `user_accounts` list is given to,
   * else the list itself. An account held in a variable is followed to the list naming it.
   */
  private poolOf(account: Node): UserAccountFact['pool'] {
    let list: Node | undefined = account.parent?.type === 'list' ? account.parent : undefined;
    if (!list) {
      const binding = assignedName(this.resolver, account);
      list = binding
        ? this.usesOf(binding)
            .map((use) => use.parent)
            .find((p): p is Node => p?.type === 'list')
        : undefined;
    }
    if (!list) return undefined;
    const target = this.receiverOfList(list);
    return target ?? { key: `py:list:${list.startIndex}`, span: spanOf(list) };
  }

  private receiverOfList(list: Node): { key: string; span: Span } | undefined {
    const parent = list.parent;
    if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.text === K.userAccounts) {
      const call = parent.parent?.parent;
      if (call?.type === 'call') return { key: `py:call:${call.startIndex}`, span: spanOf(call) };
    }
    if (parent?.type === 'assignment' && sameNode(parent.childForFieldName('right'), list)) {
      const left = parent.childForFieldName('left');
      if (left?.type === 'attribute' && left.childForFieldName('attribute')?.text === K.userAccounts) {
        const receiver = left.childForFieldName('object');
        const held = receiver ? this.held(receiver) : undefined;
        if (held && held.kind !== 'notBatch') return { key: held.key, span: spanOf(parent) };
      }
      const binding = assignedName(this.resolver, list);
      for (const use of binding ? this.usesOf(binding) : []) {
        const keyword = use.parent;
        if (keyword?.type === 'keyword_argument' && keyword.childForFieldName('name')?.text === K.userAccounts) {
          const call = keyword.parent?.parent;
          if (call?.type === 'call') return { key: `py:call:${call.startIndex}`, span: spanOf(call) };
        }
      }
    }
    return undefined;
  }

  /** The identifiers that read a binding (resolved back to it). */
  private usesOf(binding: LocalBinding): Node[] {
    const uses: Node[] = [];
    for (const offset of this.resolver.occurrences(binding.name)) {
      if (offset === binding.start) continue;
      const node = this.identifierAt(offset, binding.name);
      if (!node) continue;
      const resolved: Binding | undefined = this.resolver.resolveName(binding.name, node);
      if (resolved && resolved.kind === binding.kind && resolved.start === binding.start) uses.push(node);
    }
    return uses;
  }
}

interface RunElevatedSite {
  readonly fact: RunElevatedFact;
  /** The run_elevated name. */
  readonly node: Node;
  /** The callee of the call that made the holder, when known: how this spot reaches the models. */
  readonly callee?: Node;
  readonly plane: PythonPlane;
}

interface EnumAccess {
  readonly node: Node;
  readonly plane: PythonPlane;
  readonly enumName: EnumName;
  readonly member: string;
  readonly memberSpan: Span;
}

const SECRET_FUNCTIONS = new Set(['os.getenv', 'os.environ.get', 'os.environ.setdefault', 'os.environ.__getitem__']);
const GUID_FUNCTIONS = new Set(['uuid.uuid4', 'uuid.uuid1', 'uuid.UUID']);

function containsNode(outer: Node, inner: Node): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}

/** The import statement a name is written in (names in imports sit in a dotted_name or aliased_import). */
function importStatementOf(identifier: Node): Node | undefined {
  let n = identifier.parent;
  if (n?.type !== 'dotted_name' && n?.type !== 'aliased_import') return undefined;
  for (let depth = 0; n && depth < 3; depth++, n = n.parent) {
    if (n.type === 'import_from_statement' || n.type === 'import_statement') return n;
  }
  return undefined;
}

/** The call a keyword argument's name belongs to. */
function keywordCall(name: Node): Node | undefined {
  const list = name.parent?.parent;
  const call = list?.parent;
  return list?.type === 'argument_list' && call?.type === 'call' ? call : undefined;
}

function keywordArgument(call: Node, keyword: string): Node | undefined {
  return keywordNameNode(call, keyword)?.value;
}

function keywordNameNode(call: Node, keyword: string): { name: Node; value: Node } | undefined {
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (arg?.type !== 'keyword_argument') continue;
    const name = arg.childForFieldName('name');
    const value = arg.childForFieldName('value');
    if (name?.text === keyword && value) return { name, value };
  }
  return undefined;
}

/** Keyword arguments by name, positional ones named by the SDK's parameter order. */
function argumentsOf(call: Node, positional: readonly string[] = []): Map<string, Node> {
  const args = new Map<string, Node>();
  let index = 0;
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name');
      const value = arg.childForFieldName('value');
      if (name && value) args.set(name.text, value);
    } else if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') {
      index = positional.length;
    } else {
      const name = positional[index++];
      if (name && !args.has(name)) args.set(name, arg);
    }
  }
  return args;
}

function calleeName(call: Node): Node {
  const fn = call.childForFieldName('function')!;
  return fn.type === 'attribute' ? (fn.childForFieldName('attribute') ?? fn) : fn;
}

function isDeleteOrAugmented(attribute: Node): boolean {
  const parent = attribute.parent;
  return (
    parent?.type === 'delete_statement' ||
    (parent?.type === 'augmented_assignment' && sameNode(parent.childForFieldName('left'), attribute))
  );
}

/** `name = <node>`: the local binding `node` is assigned to, if it is the whole right side of one. */
function assignedName(resolver: Resolver, node: Node): LocalBinding | undefined {
  const assignment = node.parent;
  const left = assignment?.childForFieldName('left');
  if (assignment?.type !== 'assignment' || !sameNode(assignment.childForFieldName('right'), node) || left?.type !== 'identifier')
    return undefined;
  const scope = resolver.scopeOf(left);
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
