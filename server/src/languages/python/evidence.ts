/**
 * Evidence of Batch for Python: a call counts only when its callee resolves to a class of the Batch
 * models (`import azure.batch.models as batchmodels`, `from azure.batch.models import X`, `from
 * azure.batch import models`, `azure.batch.models.X`, `batch.models.X` through the service-client
 * module, a module that re-exports them, a class of this file deriving from one); an object is
 * Batch's when it was made by such a call, or is annotated with such a class, or is reached from
 * one (`pool.start_task`). The same answers tell the SDK generation (legacy ≤14 or 15.x) and
 * which enum members are Batch's.
 */
import type { EnumName, TaskKind } from '../../batch/model';
import { PYTHON, type PythonPlane, type PythonSdk } from '../../batch/sdks';
import type { Confidence, Holder, Span } from '../../engine/facts';
import type { Batchness } from '../toolkit/evidence';
import type { Words } from '../toolkit/text';
import { nodesNamed, sameNode, spanOf, type Node, type Tree } from '../toolkit/treeSitter';
import { classify } from './modules';
import type { LocalBinding, SymbolTable } from './scope';
import { containsNode, importStatementOf, keywordArgument, keywordCall, nameExpression } from './syntax';

export const ENUM_NAMES: readonly EnumName[] = ['ElevationLevel', 'AutoUserScope', 'LoginMode'];

/** Class names that identify a Batch model when imported from a module we cannot see into. */
const KNOWN_BATCH_CLASSES = new Set<string>([
  ...Object.keys(PYTHON.taskTypes),
  ...PYTHON.poolTypes,
  ...PYTHON.identityTypes,
  ...ENUM_NAMES,
]);

/** How far names and attributes are followed (against cycles in broken code). */
export const MAX_DEPTH = 6;

/** A class of the Batch models, reached by a callee or a type annotation. */
export interface BatchClass {
  readonly plane: PythonPlane;
  readonly className: string;
  readonly confidence: Confidence;
}

/** What object an expression holds, for Batch (the tri-state, with what each answer knows). */
export type HeldObject =
  | {
      readonly batch: Extract<Batchness, 'yes'>;
      readonly plane: PythonPlane;
      readonly className?: string;
      readonly confidence: Confidence;
      readonly key: string;
      readonly call?: Node;
    }
  /** Not a Batch model; `key` names the object when its attributes may still hold one (`self.task`). */
  | { readonly batch: Extract<Batchness, 'no'>; readonly key?: string }
  | { readonly batch: Extract<Batchness, 'unknown'>; readonly key: string };

/** An enum member of the Batch models as written (`batchmodels.ElevationLevel.admin`). */
export interface EnumAccess {
  readonly node: Node;
  readonly plane: PythonPlane;
  readonly enumName: EnumName;
  readonly member: string;
  readonly memberSpan: Span;
}

/** A construction of a Batch model class: the call, its class name as written, and the class. */
export interface Construction {
  readonly call: Node;
  readonly nameNode: Node;
  readonly cls: BatchClass;
}

export class BatchEvidence {
  private sdkCache: PythonSdk | undefined;
  private readonly heldCache = new Map<number, HeldObject>();

  constructor(
    private readonly tree: Tree,
    private readonly words: Words,
    private readonly symbols: SymbolTable,
  ) {}

  /** legacy (≤14) or 15.x, from the classes, keywords and enum members the file uses; legacy when nothing tells. */
  get sdk(): PythonSdk {
    this.sdkCache ??= this.decideSdk();
    return this.sdkCache;
  }

  private decideSdk(): PythonSdk {
    const score: Record<PythonSdk, number> = { legacy: 0, v15: 0 };
    for (const sdk of ['legacy', 'v15'] as const) {
      for (const name of PYTHON.generationMarkers[sdk]) {
        for (const node of nodesNamed(this.tree, this.words, name)) if (this.isDataPlaneName(node)) score[sdk]++;
      }
    }
    for (const sdk of ['legacy', 'v15'] as const) {
      const keyword = PYTHON.userNameKeyword[sdk];
      for (const node of nodesNamed(this.tree, this.words, keyword)) {
        const call = keywordCall(node);
        const cls = call && this.batchClassOfCall(call);
        if (cls && cls.plane === 'data' && cls.className === 'UserIdentity') score[sdk]++;
      }
    }
    if (score.legacy !== score.v15) return score.legacy > score.v15 ? 'legacy' : 'v15';
    // Only enum members left to tell: upper case is 15.x, the legacy spellings are legacy.
    const members: Record<PythonSdk, number> = { legacy: 0, v15: 0 };
    for (const access of this.enumAccesses()) {
      if (access.plane !== 'data') continue;
      for (const sdk of ['legacy', 'v15'] as const) {
        if (Object.values(PYTHON.enums[sdk][access.enumName]).includes(access.member)) members[sdk]++;
      }
    }
    return members.v15 > members.legacy ? 'v15' : 'legacy';
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
    const path = this.symbols.qualifiedOf(nameExpression(identifier));
    if (!path) return false;
    const c = classify(path);
    return c.kind === 'class' && c.plane === 'data';
  }

  /** The Batch class a callee (or annotation) names, or undefined when it is not one. */
  batchClassOf(expr: Node, depth = 0): BatchClass | undefined {
    const d = this.symbols.denote(expr);
    if (d.kind === 'qualified') {
      const c = classify(d.path);
      if (c.kind === 'class' && c.members.length === 0) return { plane: c.plane, className: c.className, confidence: 'strong' };
      if (c.kind === 'foreign' && this.symbols.importsBatch && KNOWN_BATCH_CLASSES.has(c.lastName)) {
        return { plane: 'data', className: c.lastName, confidence: 'weak' };
      }
      return undefined;
    }
    if (d.kind === 'foreignStar') {
      return this.symbols.importsBatch && KNOWN_BATCH_CLASSES.has(d.name)
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
  held(expr: Node, depth = 0): HeldObject {
    const cached = this.heldCache.get(expr.id);
    if (cached) return cached;
    const result = this.computeHeld(expr, depth);
    this.heldCache.set(expr.id, result);
    return result;
  }

  private computeHeld(expr: Node, depth: number): HeldObject {
    if (depth > MAX_DEPTH) return { batch: 'unknown', key: `py:expr:${expr.startIndex}` };
    switch (expr.type) {
      case 'call': {
        const cls = this.batchClassOfCall(expr);
        const key = `py:call:${expr.startIndex}`;
        if (cls) return { batch: 'yes', plane: cls.plane, className: cls.className, confidence: cls.confidence, key, call: expr };
        const fn = expr.childForFieldName('function');
        const d = fn ? this.symbols.denote(fn) : undefined;
        // A class of this file or a builtin makes something that is not a Batch model.
        if (d?.kind === 'unbound' || (d?.kind === 'local' && d.binding?.owner?.type === 'class_definition')) return { batch: 'no', key };
        return { batch: 'unknown', key };
      }
      case 'identifier':
        return this.heldByName(expr, depth);
      case 'attribute':
        return this.heldByAttribute(expr, depth);
      case 'parenthesized_expression': {
        const inner = expr.namedChild(0);
        return inner ? this.held(inner, depth + 1) : { batch: 'no' };
      }
      default:
        return { batch: 'unknown', key: `py:expr:${expr.startIndex}` };
    }
  }

  private heldByName(name: Node, depth: number): HeldObject {
    const binding = this.symbols.resolveName(name.text, name);
    // A star import of the models binds their names only: any other name is as unbound as without it.
    const starClass = binding?.kind === 'star' && classify(`${binding.module}.${name.text}`).kind === 'class';
    if (!binding || (binding.kind === 'star' && !starClass)) return { batch: 'unknown', key: `py:global:${name.text}` };
    if (binding.kind === 'import' || binding.kind === 'star') return { batch: 'no' };
    const key = `py:bind:${binding.start}`;
    switch (binding.kind) {
      case 'def':
        return { batch: 'no' };
      case 'assign': {
        const annotated = binding.type ? this.annotationClass(binding.type) : undefined;
        if (binding.value) {
          const inner = this.held(binding.value, depth + 1);
          if (inner.batch === 'yes') return inner;
          if (inner.batch === 'no') return inner.key ? inner : { batch: 'no', key };
        }
        if (annotated)
          return { batch: 'yes', plane: annotated.plane, className: annotated.className, confidence: annotated.confidence, key };
        return { batch: 'unknown', key };
      }
      case 'param': {
        if (binding.type) {
          const annotated = this.annotationClass(binding.type);
          if (annotated)
            return { batch: 'yes', plane: annotated.plane, className: annotated.className, confidence: annotated.confidence, key };
          return { batch: 'no' };
        }
        const classDef = this.methodClassOfSelf(binding);
        if (classDef) {
          const base = this.batchBaseOf(classDef, depth + 1);
          const selfKey = `py:self:${classDef.startIndex}`;
          return base
            ? { batch: 'yes', plane: base.plane, className: base.className, confidence: base.confidence, key: selfKey }
            : { batch: 'no', key: selfKey };
        }
        return { batch: 'unknown', key };
      }
      default:
        return { batch: 'unknown', key };
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

  private heldByAttribute(expr: Node, depth: number): HeldObject {
    const object = expr.childForFieldName('object');
    const attribute = expr.childForFieldName('attribute');
    if (!object || !attribute) return { batch: 'no' };
    const base = this.held(object, depth + 1);
    if (!base.key) return { batch: 'no' };
    const key = `${base.key}.${attribute.text}`;
    // `self.task = batchmodels.TaskAddParameter(…)` earlier: what was assigned to this very path.
    const assigned = this.assignedToPath(expr, base.key, depth);
    if (assigned) {
      const inner = this.held(assigned, depth + 1);
      if (inner.batch !== 'unknown') return inner;
    }
    if (base.batch === 'no') return { batch: 'no', key };
    if (base.batch === 'yes') {
      // `pool.start_task` where the pool call passed `start_task=StartTask(…)`.
      const passed = base.call && keywordArgument(base.call, attribute.text);
      if (passed) {
        const inner = this.held(passed, depth + 1);
        if (inner.batch === 'yes') return inner;
      }
      return { batch: 'yes', plane: base.plane, confidence: base.confidence, key };
    }
    return { batch: 'unknown', key };
  }

  /** The value last assigned to `receiver.attr` (the same receiver, by holder key) before `path`. */
  private assignedToPath(path: Node, baseKey: string, depth: number): Node | undefined {
    const attribute = path.childForFieldName('attribute')!;
    let best: Node | undefined;
    let bestStart = -1;
    let firstAfter: Node | undefined;
    for (const node of nodesNamed(this.tree, this.words, attribute.text)) {
      const left = node.parent;
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

  holderOf(held: Extract<HeldObject, { batch: 'yes' | 'unknown' }>): Holder {
    if (held.batch === 'unknown') return { key: held.key };
    const taskKind: TaskKind | undefined = held.className ? PYTHON.taskTypes[held.className] : undefined;
    return { key: held.key, taskKind, typeName: held.className };
  }

  private enumAccessCache: EnumAccess[] | undefined;

  /** Every `ElevationLevel.x` / `AutoUserScope.x` / `LoginMode.x` of the Batch models in the file. */
  enumAccesses(): EnumAccess[] {
    if (this.enumAccessCache) return this.enumAccessCache;
    const accesses: EnumAccess[] = [];
    for (const enumName of ENUM_NAMES) {
      for (const name of nodesNamed(this.tree, this.words, enumName)) {
        const expr = nameExpression(name);
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

  /** `ElevationLevel.x` / `AutoUserScope.x` / `LoginMode.x` when the enum is one of the Batch models'. */
  enumAccessOf(attribute: Node): EnumAccess | undefined {
    const object = attribute.childForFieldName('object');
    const member = attribute.childForFieldName('attribute');
    if (!object || !member || (object.type !== 'identifier' && object.type !== 'attribute')) return undefined;
    const last = object.type === 'identifier' ? object.text : object.childForFieldName('attribute')?.text;
    if (!last || !(ENUM_NAMES as readonly string[]).includes(last)) return undefined;
    const path = this.symbols.qualifiedOf(object);
    const c = path ? classify(path) : undefined;
    if (c?.kind !== 'class' || c.members.length > 0 || !(ENUM_NAMES as readonly string[]).includes(c.className)) return undefined;
    return { node: attribute, plane: c.plane, enumName: c.className as EnumName, member: member.text, memberSpan: spanOf(member) };
  }

  /** Constructions of a Batch class named `className`, found from its occurrences. */
  constructionsOf(className: string): Construction[] {
    const found: Construction[] = [];
    for (const name of nodesNamed(this.tree, this.words, className)) {
      const expr = nameExpression(name);
      const call = expr.parent;
      if (call?.type !== 'call' || !sameNode(call.childForFieldName('function'), expr)) continue;
      const cls = this.batchClassOf(expr);
      if (cls && cls.className === className) found.push({ call, nameNode: name, cls });
    }
    return found;
  }

  /** The Batch construction of `className` an expression is, directly or through a name bound to one. */
  constructionBehind(node: Node, className: string, depth = 0): Node | undefined {
    if (node.type === 'call') {
      const cls = this.batchClassOfCall(node);
      return cls?.className === className ? node : undefined;
    }
    if (node.type === 'identifier' && depth < MAX_DEPTH) {
      const binding = this.symbols.resolveName(node.text, node);
      if (binding?.kind === 'assign' && binding.value) return this.constructionBehind(binding.value, className, depth + 1);
    }
    return undefined;
  }
}
