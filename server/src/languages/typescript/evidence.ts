/**
 * Evidence of Batch for an object literal, from where it stands: the Batch model its type names
 * (`const t: BatchServiceModels.TaskAddParameter = {…}`, `{…} as StartTask`, `satisfies`), the
 * client operation it is passed to (`client.task.add(jobId, {…})`, `task.addCollection(jobId, [{…}])`),
 * a task property it is assigned to (`pool.startTask = {…}`), the Batch object it is nested in, and,
 * for an object held by a variable, the places the variable goes to. One mechanism for every fact.
 */
import type { TaskKind } from '../../batch/model';
import { JAVASCRIPT, type JsSdk } from '../../batch/sdks';
import type { Batchness } from '../toolkit/evidence';
import type { Words } from '../toolkit/text';
import { field, nodeAt, type Node, type Tree } from '../toolkit/treeSitter';
import type { BatchImports } from './imports';
import { COMMENT, dottedPath, keyName, outerOf } from './syntax';

export interface ObjectEvidence {
  readonly batch: Batchness;
  /** The SDK the object's type or the file names, when one. */
  readonly sdk?: JsSdk;
  /** The model type the object is (written, or the operation's parameter). */
  readonly model?: string;
  /** The property that holds the object (`startTask`), or the variable's; what kind of task it is. */
  readonly taskKind?: TaskKind;
  /** Reached a client operation or a task property: a Batch place, though the file imports no SDK. */
  readonly batchPlace?: boolean;
}

const UNKNOWN: ObjectEvidence = { batch: 'unknown' };
/** How many variables deep a value is followed to where it goes. */
const MAX_DEPTH = 4;

const taskKindOfModel = (model: string | undefined): TaskKind | undefined => (model ? JAVASCRIPT.taskTypes[model] : undefined);

export class BatchEvidence {
  private readonly cache = new Map<number, ObjectEvidence>();

  constructor(
    private readonly tree: Tree,
    private readonly words: Words,
    readonly imports: BatchImports,
  ) {}

  /** Evidence for an object literal (or array of them). */
  of(node: Node, depth = 0): ObjectEvidence {
    let evidence = this.cache.get(node.id);
    if (!evidence) {
      evidence = this.compute(node, depth);
      if (depth === 0) this.cache.set(node.id, evidence);
    }
    return evidence;
  }

  private compute(node: Node, depth: number): ObjectEvidence {
    const { parent, types } = outerOf(node);
    for (const type of types) {
      const typed = this.imports.modelOfType(type);
      if (typed) return { batch: 'yes', sdk: typed.sdk, model: typed.model, taskKind: taskKindOfModel(typed.model) };
    }
    return parent ? this.placeOf(node, parent, depth) : UNKNOWN;
  }

  /** What the place a value is put in says of it. */
  private placeOf(value: Node, parent: Node, depth: number): ObjectEvidence {
    const outer = outerOf(value).outer;
    switch (parent.type) {
      case 'pair': {
        if (field(parent, 'value')?.id !== outer.id) return UNKNOWN;
        const holder = parent.parent;
        return holder?.type === 'object' ? this.nested(this.of(holder, depth), keyName(field(parent, 'key'))) : UNKNOWN;
      }
      case 'array': {
        const evidence = this.of(parent, depth);
        // The element of an array of models is the model (`addCollection(jobId, [{…}])`, `userAccounts: [{…}]`).
        return evidence.batch === 'unknown' && !evidence.batchPlace ? UNKNOWN : evidence;
      }
      case 'arguments':
        return this.operationArgument(parent, outer, depth);
      case 'variable_declarator': {
        if (field(parent, 'value')?.id !== outer.id) return UNKNOWN;
        const typed = this.imports.modelOfType(field(parent, 'type'));
        if (typed) return { batch: 'yes', sdk: typed.sdk, model: typed.model, taskKind: taskKindOfModel(typed.model) };
        const name = field(parent, 'name');
        return name?.type === 'identifier' ? this.variable(name, depth) : UNKNOWN;
      }
      case 'assignment_expression': {
        if (field(parent, 'right')?.id !== outer.id) return UNKNOWN;
        const left = field(parent, 'left');
        const property = left?.type === 'member_expression' ? field(left, 'property')?.text : undefined;
        const kind = property !== undefined ? JAVASCRIPT.taskHolders[property] : undefined;
        if (!kind) return UNKNOWN;
        // `pool.startTask = {…}`: a Batch task property, in a file that imports Batch (a name alone is no client operation).
        return this.imports.any ? { batch: 'yes', sdk: this.imports.sdk, taskKind: kind } : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  /** An object under property `key` of an object with `holder` evidence. */
  private nested(holder: ObjectEvidence, key: string | undefined): ObjectEvidence {
    const kind = key !== undefined ? JAVASCRIPT.taskHolders[key] : undefined;
    if (holder.batch === 'yes') return { batch: 'yes', sdk: holder.sdk, taskKind: kind };
    // `{ startTask: {…} }` passed somewhere unknown: the key alone is a Batch place only in a Batch file.
    if (kind && this.imports.any) return { batch: 'unknown', taskKind: kind, batchPlace: true };
    return holder.batchPlace ? { batch: 'unknown', taskKind: kind, batchPlace: true } : UNKNOWN;
  }

  /** An argument of a client operation (`client.task.add(jobId, task)`): the operation's model. */
  private operationArgument(args: Node, argument: Node, depth: number): ObjectEvidence {
    const call = args.parent;
    if (call?.type !== 'call_expression') return UNKNOWN;
    const path = dottedPath(field(call, 'function'));
    // `tasks.push({…})` onto an array the file shows to be of Batch models.
    if (path?.length === 2 && (path[1] === 'push' || path[1] === 'unshift')) return this.arrayElement(call, depth);
    if (!path || path.length < 3) return UNKNOWN;
    const operation = JAVASCRIPT.operations[path[path.length - 2]]?.[path[path.length - 1]];
    if (!operation) return UNKNOWN;
    const index = args.namedChildren.filter((c) => c && c.type !== COMMENT).findIndex((c) => c?.id === argument.id);
    if (index !== operation[0]) return UNKNOWN;
    // In a file without Batch imports, a client this file gets from another module is that module's.
    if (!this.imports.any && this.fromAnotherModule(field(call, 'function'))) return UNKNOWN;
    const model = operation[1].replace(/\[\]$/, '');
    const kind = taskKindOfModel(model);
    return this.imports.any
      ? { batch: 'yes', sdk: this.imports.sdk, model, taskKind: kind }
      : { batch: 'unknown', model, taskKind: kind, batchPlace: true };
  }

  /**
   * Whether the root of a callee (`runner` of `runner.job.add`) is bound in this file to another
   * module: an import of it, `require(…)`, or an object it constructs (`new Scheduler()`). A Batch
   * client bound this way would come with a Batch import, which this file lacks.
   */
  private fromAnotherModule(callee: Node | undefined): boolean {
    let root = callee;
    while (root?.type === 'member_expression') root = field(root, 'object') ?? undefined;
    if (root?.type !== 'identifier') return false;
    const declaration = this.declarationOf(root);
    if (declaration?.type === 'variable_declarator') {
      const value = field(declaration, 'value');
      if (value?.type === 'new_expression') return true;
      if (value?.type === 'call_expression' && field(value, 'function')?.text === 'require') return true;
      if (value?.type === 'await_expression' && value.namedChild(0)?.type === 'call_expression') {
        const inner = value.namedChild(0)!;
        if (field(inner, 'function')?.type === 'import') return true;
      }
    }
    return this.tree.rootNode.namedChildren.some(
      (statement) =>
        statement?.type === 'import_statement' &&
        statement.descendantsOfType('identifier').some((identifier) => identifier?.text === root.text),
    );
  }

  /** An element added to an array variable (`tasks.push(…)`): what the array's declaration says. */
  private arrayElement(call: Node, depth: number): ObjectEvidence {
    const callee = field(call, 'function');
    const receiver = callee && field(callee, 'object');
    const declaration = receiver?.type === 'identifier' ? this.declarationOf(receiver) : undefined;
    if (!declaration) return UNKNOWN;
    const typed = this.imports.modelOfType(field(declaration, 'type'));
    if (typed) return { batch: 'yes', sdk: typed.sdk, model: typed.model, taskKind: taskKindOfModel(typed.model) };
    const value = field(declaration, 'value');
    return value && depth < MAX_DEPTH ? this.of(value, depth + 1) : UNKNOWN;
  }

  /** The declaration of a variable or parameter a name reads (the nearest one before it; shadowing is not modelled). */
  declarationOf(name: Node): Node | undefined {
    let found: Node | undefined;
    for (const offset of this.words.of(name.text)) {
      if (offset >= name.startIndex) break;
      const identifier = nodeAt(this.tree, offset, offset + name.text.length, 'identifier');
      const parent = identifier?.parent;
      if (!parent) continue;
      if (parent.type === 'variable_declarator' && field(parent, 'name')?.id === identifier.id) found = parent;
      else if (
        (parent.type === 'required_parameter' || parent.type === 'optional_parameter') &&
        field(parent, 'pattern')?.id === identifier.id
      )
        found = parent;
    }
    return found;
  }

  /** A variable holding the value: what the places it goes to say (the strongest of them). */
  private variable(name: Node, depth: number): ObjectEvidence {
    if (depth >= MAX_DEPTH) return UNKNOWN;
    let best: ObjectEvidence = UNKNOWN;
    for (const offset of this.words.of(name.text)) {
      if (offset === name.startIndex) continue;
      const use = nodeAt(this.tree, offset, offset + name.text.length);
      if (!use || (use.type !== 'identifier' && use.type !== 'shorthand_property_identifier')) continue;
      const evidence = use.type === 'shorthand_property_identifier' ? this.shorthandUse(use, depth) : this.usedAt(use, depth);
      if (evidence.batch === 'yes') return evidence;
      if (evidence.batchPlace && !best.batchPlace) best = evidence;
    }
    return best;
  }

  /** `{ startTask }`: the variable is the property's value. */
  private shorthandUse(use: Node, depth: number): ObjectEvidence {
    const holder = use.parent;
    return holder?.type === 'object' ? this.nested(this.of(holder, depth + 1), use.text) : UNKNOWN;
  }

  private usedAt(use: Node, depth: number): ObjectEvidence {
    const { parent } = outerOf(use);
    if (!parent || parent.type === 'variable_declarator' || parent.type === 'member_expression') return UNKNOWN;
    return this.placeOf(use, parent, depth + 1);
  }
}
