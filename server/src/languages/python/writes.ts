/**
 * What a Batch model object is given after it is built: attribute assignments on the same object
 * (`identity.auto_user = …`, `t.user_identity.auto_user = …`, `pool.virtual_machine_configuration =
 * …`), found from the field names' occurrences and tied to the construction by the holder evidence
 * follows (a name bound to it, the attribute it was assigned to, the keyword it was passed as).
 *
 * A write is the object's own for certain when it is a statement of the block the construction's
 * statement is in, after it: it runs whenever the construction does. Any other write (in a branch,
 * a loop body, another function, before it) and any use that hands the object to code this file
 * does not show (an argument of a call that is no Batch model, a return, an alias that does so)
 * leave the object *open*: its fields may be set where the analysis cannot see them.
 */
import type { Words } from '../toolkit/text';
import { nodesNamed, sameNode, type Node, type Tree } from '../toolkit/treeSitter';
import { MAX_DEPTH, type BatchEvidence } from './evidence';
import type { SymbolTable } from './scope';
import { isDeleteOrAugmented } from './syntax';

/** One field written after construction: its name as written and the value given. */
export interface FieldWrite {
  readonly name: Node;
  readonly value: Node;
}

interface IndexedWrite extends FieldWrite {
  /** The write runs whenever the construction does, after it. */
  readonly certain: boolean;
}

/** Attributes whose use writes an object behind the analysis' back. */
const BACK_DOORS = new Set(['__dict__', '__setattr__']);

/** Expressions that only look at an object (`if identity is None`, `not spec`). */
const LOOKS_ONLY = new Set(['expression_statement', 'comparison_operator', 'not_operator']);
/** Builtins that only look at their arguments (when the name is not rebound in the file). */
const LOOKING_BUILTINS = new Set(['print', 'repr', 'str', 'isinstance', 'type', 'id', 'hash', 'bool', 'getattr', 'hasattr']);
/** Expressions whose value may be the object itself (`identity or default`, `identity if x else other`). */
const PASSES_ON = new Set(['boolean_operator', 'conditional_expression']);

export class ModelWrites {
  /** Writes of one field name, by the start of the construction they write to. */
  private readonly writesByField = new Map<string, Map<number, IndexedWrite[]>>();
  /** Reads of `holder.field` that reach a construction, by its start. */
  private readonly readsByField = new Map<string, Map<number, Node[]>>();

  constructor(
    private readonly tree: Tree,
    private readonly words: Words,
    private readonly symbols: SymbolTable,
    private readonly evidence: BatchEvidence,
  ) {}

  /** The fields written for certain after `call`, the last write of each (later writes win). */
  certain(call: Node, fields: readonly string[]): Map<string, FieldWrite> {
    const found = new Map<string, FieldWrite>();
    for (const field of fields) {
      let last: IndexedWrite | undefined;
      for (const write of this.writesOf(field).get(call.startIndex) ?? []) {
        if (write.certain && (!last || write.name.startIndex > last.name.startIndex)) last = write;
      }
      if (last) found.set(field, { name: last.name, value: last.value });
    }
    return found;
  }

  /**
   * Whether the object `call` builds may get fields the analysis cannot see: one of `fields` is
   * written where it cannot be placed, or the object is handed to code this file does not show —
   * through the call itself, a name bound to it, or `holder.<storedAs>` for one of `storedAs` (the
   * keyword or attribute a holder keeps it under, e.g. `user_identity`).
   */
  isOpen(call: Node, fields: readonly string[], storedAs: readonly string[]): boolean {
    if (this.writtenOutOfPlace(call, fields) || this.handsOver(call, 0)) return true;
    return storedAs.some((field) => (this.readsOf(field).get(call.startIndex) ?? []).some((read) => this.handsOver(read, 0)));
  }

  /** Whether one of `fields` of the object `call` builds is written where the write cannot be placed (a branch, another function). */
  writtenOutOfPlace(call: Node, fields: readonly string[]): boolean {
    return fields.some((field) => (this.writesOf(field).get(call.startIndex) ?? []).some((w) => !w.certain));
  }

  /** Every `o.field = v` (and `del o.field`, `o.field += v`) whose `o` holds a Batch construction. */
  private writesOf(field: string): Map<number, IndexedWrite[]> {
    const cached = this.writesByField.get(field);
    if (cached) return cached;
    const writes = new Map<number, IndexedWrite[]>();
    this.writesByField.set(field, writes);
    for (const attribute of this.attributesNamed(field)) {
      const assignment = attribute.parent;
      const isTarget = assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('left'), attribute);
      if (!isTarget && !isDeleteOrAugmented(attribute)) continue;
      const object = attribute.childForFieldName('object');
      const held = object && this.evidence.held(object);
      if (held?.batch !== 'yes' || !held.call) continue;
      const value = isTarget ? assignment.childForFieldName('right') : null;
      // What `del` or `+=` leaves is not modelled: such a write is never certain.
      const certain = !!value && !!assignment && this.runsAfter(held.call, assignment);
      push(writes, held.call.startIndex, { name: attribute.childForFieldName('attribute')!, value: value ?? attribute, certain });
    }
    return writes;
  }

  /** Every `o.field` other than a write's target that reaches a Batch construction. */
  private readsOf(field: string): Map<number, Node[]> {
    const cached = this.readsByField.get(field);
    if (cached) return cached;
    const reads = new Map<number, Node[]>();
    this.readsByField.set(field, reads);
    for (const attribute of this.attributesNamed(field)) {
      const assignment = attribute.parent;
      if (assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('left'), attribute)) continue;
      const held = this.evidence.held(attribute);
      if (held.batch === 'yes' && held.call) push(reads, held.call.startIndex, attribute);
    }
    return reads;
  }

  /** The attribute expressions `o.<name>`, found from the name's occurrences. */
  private attributesNamed(name: string): Node[] {
    const found: Node[] = [];
    for (const node of nodesNamed(this.tree, this.words, name)) {
      const attribute = node.parent;
      if (attribute?.type === 'attribute' && sameNode(attribute.childForFieldName('attribute'), node)) found.push(attribute);
    }
    return found;
  }

  /** Whether `assignment` is a statement of the block that holds `call`'s statement, after it. */
  private runsAfter(call: Node, assignment: Node): boolean {
    const statement = assignment.parent;
    if (statement?.type !== 'expression_statement' || statement.namedChildCount !== 1) return false;
    const constructed = statementOf(call);
    return !!constructed && sameNode(constructed.parent, statement.parent) && statement.startIndex >= constructed.endIndex;
  }

  /** Whether the use `expr` of an object hands it to code the analysis does not follow. */
  private handsOver(expr: Node, depth: number): boolean {
    let use = expr;
    while (use.parent?.type === 'parenthesized_expression') use = use.parent;
    const parent = use.parent;
    if (!parent) return false;
    if (LOOKS_ONLY.has(parent.type)) return false;
    if (PASSES_ON.has(parent.type)) {
      // The condition of `a if condition else b` is only looked at.
      const isCondition = parent.type === 'conditional_expression' && sameNode(parent.namedChild(1), use);
      return !isCondition && depth < MAX_DEPTH && this.handsOver(parent, depth + 1);
    }
    switch (parent.type) {
      case 'attribute': {
        // `o.field` (read, or a write this module indexes), `o.serialize()`; but not `o.__dict__.update(…)`.
        if (!sameNode(parent.childForFieldName('object'), use)) return false;
        const attribute = parent.childForFieldName('attribute')?.text ?? '';
        return BACK_DOORS.has(attribute);
      }
      case 'keyword_argument': {
        // Given to a Batch model (`StartTask(user_identity=identity)`), it stays in view.
        const call = parent.parent?.parent;
        return !(call?.type === 'call' && this.evidence.batchClassOfCall(call));
      }
      case 'argument_list': {
        const call = parent.parent;
        if (call?.type !== 'call') return true;
        const fn = call.childForFieldName('function');
        if (fn?.type === 'identifier' && LOOKING_BUILTINS.has(fn.text) && !this.symbols.resolveName(fn.text, fn)) return false;
        return !this.evidence.batchClassOfCall(call);
      }
      case 'assignment': {
        if (!sameNode(parent.childForFieldName('right'), use)) return false;
        const left = parent.childForFieldName('left');
        // Kept by a holder (`t.user_identity = identity`): reads of that attribute are followed on their own.
        if (left?.type === 'attribute') return false;
        if (left?.type !== 'identifier' || depth >= MAX_DEPTH) return true;
        const alias = this.symbols.assignedName(use);
        return !alias || this.symbols.usesOf(alias).some((u) => this.handsOver(u, depth + 1));
      }
      default:
        // Returned, yielded, put in a list, a dict or a tuple, captured by a lambda: out of view.
        return true;
    }
  }
}

/** The statement a node is part of: the ancestor that sits in a block (or the module). */
function statementOf(node: Node): Node | undefined {
  for (let n: Node | null = node; n; n = n.parent) {
    const parentType = n.parent?.type;
    if (parentType === 'block' || parentType === 'module') return n;
  }
  return undefined;
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
