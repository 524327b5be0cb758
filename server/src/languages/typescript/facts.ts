/**
 * TypeScript/JavaScript facts: code of the JavaScript Batch SDKs (azure-batch, @azure/batch) →
 * identity facts. A task, pool or identity is a plain object literal whose properties are the
 * REST body's, so everything starts at the occurrences of `runElevated`, `userIdentity` and
 * `userAccounts`; the tree says what each occurrence is (a property, an assignment, a read) and
 * evidence.ts whether its object is Batch's.
 */
import type { EnumName } from '../../batch/model';
import {
  ACCOUNT_SHAPE_KEYS,
  ENUM_FIELDS,
  JAVASCRIPT,
  JS_GENERATIONS,
  JSON_FIELD_KEYS,
  JSON_KEYS,
  validSpellings,
  type JsSdk,
} from '../../batch/sdks';
import { emptyFacts, type Confidence, type Facts, type Holder, type RunElevatedFact, type Span, type Value } from '../../engine/facts';
import { accountFact, identityFact, type ModelField, type WrittenModel } from '../toolkit/models';
import { Plans } from '../toolkit/plans';
import { Words } from '../toolkit/text';
import { field, spanOf, type Node, type Tree } from '../toolkit/treeSitter';
import { BatchEvidence, type ObjectEvidence } from './evidence';
import { BatchImports } from './imports';
import { FileQuotes } from './quotes';
import { planAssignment, planProperty, type FilePlan, type RunElevatedPlan } from './plan';
import { keyName, objectValue, outerOf, propertyNamed, unwrapped } from './syntax';
import { enumValueOf, spellingsOf, valueOf } from './values';

/** The property of each model field: the REST body's, but UserIdentity's `userName` as the typings name it (the mappers send it as `username`). */
const KEYS: Record<ModelField, string> = { ...JSON_FIELD_KEYS, userName: JAVASCRIPT.userName };
/** What a task has that an options object of one's own would not: the command it runs (required on every task kind). */
const TASK_SHAPE_KEY = JSON_KEYS.commandLine;

/** Where a name occurs: a property key, an assignment's or read's member, a shorthand property. */
type Occurrence =
  | { readonly kind: 'property'; readonly property: Node; readonly key: Node; readonly value: Node | undefined; readonly object: Node }
  | { readonly kind: 'member'; readonly member: Node; readonly name: Node; readonly receiver: Node };

export function collectFacts(text: string, tree: Tree): { facts: Facts; plan: FilePlan } {
  return new TypeScriptFacts(text, tree).run();
}

class TypeScriptFacts {
  private readonly words: Words;
  private readonly imports: BatchImports;
  private readonly evidence: BatchEvidence;
  private readonly facts: Facts = emptyFacts();
  private readonly plans = new Plans<RunElevatedPlan>();
  private readonly quotes: FileQuotes;

  constructor(
    private readonly text: string,
    private readonly tree: Tree,
  ) {
    this.words = new Words(text);
    this.imports = new BatchImports(tree, text);
    this.evidence = new BatchEvidence(tree, this.words, this.imports);
    this.quotes = new FileQuotes(tree, text, this.imports);
  }

  run(): { facts: Facts; plan: FilePlan } {
    this.runElevated();
    this.identities();
    this.accounts();
    this.tasks();
    return { facts: this.facts, plan: { text: this.text, runElevated: this.plans } };
  }

  /** The occurrences of a property name that are a property, member or shorthand (not a type's member, not a string elsewhere). */
  private occurrences(name: string): Occurrence[] {
    const found: Occurrence[] = [];
    for (const offset of this.words.of(name)) {
      const node = this.tree.rootNode.descendantForIndex(offset, offset + name.length);
      if (!node || node.startIndex !== offset || node.endIndex !== offset + name.length) continue;
      const parent = node.parent;
      if (!parent) continue;
      if (node.type === 'shorthand_property_identifier' && parent.type === 'object')
        found.push({ kind: 'property', property: node, key: node, value: node, object: parent });
      else if (node.type === 'property_identifier' && parent.type === 'pair' && field(parent, 'key')?.id === node.id) {
        if (parent.parent?.type === 'object')
          found.push({ kind: 'property', property: parent, key: node, value: field(parent, 'value'), object: parent.parent });
      } else if (node.type === 'string_fragment' && parent.type === 'string' && parent.text.length === name.length + 2) {
        const pair = parent.parent;
        if (pair?.type === 'pair' && field(pair, 'key')?.id === parent.id && pair.parent?.type === 'object')
          found.push({ kind: 'property', property: pair, key: parent, value: field(pair, 'value'), object: pair.parent });
      } else if (node.type === 'property_identifier' && parent.type === 'member_expression' && field(parent, 'property')?.id === node.id) {
        const receiver = field(parent, 'object');
        if (receiver) found.push({ kind: 'member', member: parent, name: node, receiver });
      }
    }
    return found;
  }

  private holderOf(object: Node, evidence: ObjectEvidence): Holder {
    const pool = this.poolOf(object);
    return { key: `ts:${object.startIndex}`, taskKind: evidence.taskKind ?? 'task', typeName: evidence.model, ...(pool && { pool }) };
  }

  /**
   * The pool a task runs on, where the code says: a start task's own pool (the accounts list beside
   * it keys the pool, as `accounts()` keys it), a job task's `poolInfo` (its auto-pool's accounts,
   * or the id of the pool it names). `unseen` where the list may hold accounts the file does not show.
   */
  private poolOf(task: Node): Holder['pool'] {
    const { parent } = outerOf(task);
    const owner = parent?.type === 'pair' ? parent.parent : undefined;
    const kind = parent?.type === 'pair' ? keyName(field(parent, 'key')) : undefined;
    if (!owner || owner.type !== 'object' || !kind) return undefined;
    const accountsOf = (pool: Node | undefined) => {
      const list = pool && propertyNamed(pool, JAVASCRIPT.userAccounts);
      const array = list && !list.shorthand ? unwrapped(list.value) : undefined;
      if (array?.type !== 'array') return undefined;
      return { key: `ts:${array.startIndex}`, ...(!this.showsAllAccounts(array) && { unseen: true }) };
    };
    if (kind === 'startTask') return accountsOf(owner);
    if (JAVASCRIPT.taskHolders[kind] === undefined) return undefined;
    const poolInfo = objectValue(propertyNamed(owner, JSON_KEYS.poolInfo)?.value);
    if (!poolInfo) return undefined;
    const poolId = propertyNamed(poolInfo, JSON_KEYS.poolId);
    if (poolId && !poolId.shorthand) return { id: valueOf(poolId.value) };
    const auto = objectValue(propertyNamed(poolInfo, JSON_KEYS.autoPoolSpecification)?.value);
    return accountsOf(objectValue(auto && propertyNamed(auto, JAVASCRIPT.autoPoolKey)?.value));
  }

  /** The SDK whose spellings apply to an object, and whether it is only assumed (the file names none). */
  private sdkOf(evidence: ObjectEvidence): { sdk: JsSdk; assumed: boolean } {
    const sdk = evidence.sdk ?? this.imports.sdk;
    // Without an SDK in view: @azure/batch, the current one, whose values are the REST body's.
    return sdk ? { sdk, assumed: false } : { sdk: '@azure/batch', assumed: true };
  }

  /** Evidence for the object a member's receiver holds: a variable typed or initialised in this file, or a task property. */
  private receiverEvidence(receiver: Node): { evidence: ObjectEvidence; key: string } | undefined {
    const node = unwrapped(receiver);
    if (node.type === 'member_expression') {
      const property = field(node, 'property')?.text;
      const kind = property !== undefined ? JAVASCRIPT.taskHolders[property] : undefined;
      if (kind && this.imports.any) return { evidence: { batch: 'yes', sdk: this.imports.sdk, taskKind: kind }, key: `ts:${node.text}` };
      return undefined;
    }
    if (node.type !== 'identifier') return undefined;
    const declaration = this.evidence.declarationOf(node);
    if (!declaration) return undefined;
    const typed = this.imports.modelOfType(field(declaration, 'type'));
    if (typed) {
      const object = objectValue(field(declaration, 'value'));
      const taskKind = JAVASCRIPT.taskTypes[typed.model];
      return {
        evidence: { batch: 'yes', sdk: typed.sdk, model: typed.model, taskKind },
        key: `ts:${object?.startIndex ?? declaration.startIndex}`,
      };
    }
    const object = objectValue(field(declaration, 'value'));
    return object ? { evidence: this.evidence.of(object), key: `ts:${object.startIndex}` } : undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // tasks
  // ---------------------------------------------------------------------------------------------

  /**
   * Every task object literal the file builds, whatever its identity: an object with a command line
   * (which every task kind requires) that the evidence shows to be a Batch task model (passed to
   * `task.add`, typed `TaskAddParameter`, held by `startTask`, …). Keyed as its identity facts'
   * holders are (`holderOf`), so "runs as" finds the identity written in it.
   */
  private tasks(): void {
    for (const occurrence of this.occurrences(TASK_SHAPE_KEY)) {
      if (occurrence.kind !== 'property') continue;
      const { object } = occurrence;
      const evidence = this.evidence.of(object);
      if (evidence.batch !== 'yes' || !evidence.taskKind) continue;
      const holder = this.holderOf(object, evidence);
      this.facts.tasks.push({
        span: spanOf(object),
        nameSpan: this.taskName(object),
        holder: { ...holder, taskKind: evidence.taskKind },
        confidence: 'strong',
      });
    }
  }

  /** Where a task object is named: the property holding it (`startTask`), the variable it initialises, else its opening brace. */
  private taskName(object: Node): Span {
    const { parent } = outerOf(object);
    const name =
      parent?.type === 'pair' ? field(parent, 'key') : parent?.type === 'variable_declarator' ? field(parent, 'name') : undefined;
    return name ? spanOf(name) : { start: object.startIndex, end: object.startIndex + 1 };
  }

  // ---------------------------------------------------------------------------------------------
  // runElevated
  // ---------------------------------------------------------------------------------------------

  private runElevated(): void {
    for (const occurrence of this.occurrences(JAVASCRIPT.runElevated)) {
      if (occurrence.kind === 'property') this.runElevatedProperty(occurrence);
      else this.runElevatedMember(occurrence);
    }
  }

  private runElevatedProperty({ property, key, value, object }: Extract<Occurrence, { kind: 'property' }>): void {
    if (!value) return;
    const evidence = this.evidence.of(object);
    const confidence = this.confidence(evidence, object, valueOf(value));
    if (!confidence) return;
    const { sdk } = this.sdkOf(evidence);
    const fact: RunElevatedFact = {
      form: 'property',
      span: spanOf(property),
      nameSpan: spanOf(key),
      value: valueOf(value),
      holder: this.holderOf(object, evidence),
      confidence,
      generation: JS_GENERATIONS[sdk],
      quote: this.quotes.near(object),
    };
    this.facts.runElevated.push(fact);
    this.plans.set(fact, planProperty(this.text, property, value, sdk));
  }

  /**
   * Strong on a Batch object; weak on an object of unknown origin in a Batch place or a file that
   * imports Batch, when it is unmistakably a task: a boolean runElevated beside a command line.
   */
  private confidence(evidence: ObjectEvidence, object: Node, value: Value): Confidence | undefined {
    if (evidence.batch === 'yes') return 'strong';
    if (evidence.batch === 'no' || !(this.imports.any || evidence.batchPlace)) return undefined;
    return value.kind === 'bool' && propertyNamed(object, TASK_SHAPE_KEY) ? 'weak' : undefined;
  }

  /** `task.runElevated = e` (assign) or a read of it, on an object the file shows to be Batch's. */
  private runElevatedMember({ member, name, receiver }: Extract<Occurrence, { kind: 'member' }>): void {
    const found = this.receiverEvidence(receiver);
    if (!found || found.evidence.batch !== 'yes') return;
    const { sdk } = this.sdkOf(found.evidence);
    const holder: Holder = { key: found.key, taskKind: found.evidence.taskKind ?? 'task', typeName: found.evidence.model };
    const { outer, parent } = outerOf(member);
    const assignment = parent?.type === 'assignment_expression' && field(parent, 'left')?.id === outer.id ? parent : undefined;
    const right = assignment && field(assignment, 'right');
    if (assignment && right) {
      const fact: RunElevatedFact = {
        form: 'assign',
        span: spanOf(assignment),
        nameSpan: spanOf(name),
        value: valueOf(right),
        holder,
        confidence: 'strong',
        generation: JS_GENERATIONS[sdk],
        quote: this.quotes.near(undefined),
      };
      this.facts.runElevated.push(fact);
      this.plans.set(fact, planAssignment(this.text, assignment, name, sdk));
      return;
    }
    // `delete task.runElevated`, `task.runElevated ??= …`: neither a plain write nor a read to rewrite.
    if (parent?.type === 'unary_expression' || parent?.type === 'augmented_assignment_expression') return;
    this.facts.runElevated.push({
      form: 'read',
      span: spanOf(member),
      nameSpan: spanOf(name),
      holder,
      confidence: 'strong',
      generation: JS_GENERATIONS[sdk],
    });
  }

  // ---------------------------------------------------------------------------------------------
  // identities and accounts
  // ---------------------------------------------------------------------------------------------

  private identities(): void {
    for (const occurrence of this.occurrences(JAVASCRIPT.userIdentity)) {
      if (occurrence.kind === 'member') {
        this.identityMember(occurrence);
        continue;
      }
      const { property, key, value, object } = occurrence;
      const evidence = this.evidence.of(object);
      const confidence = this.identityConfidence(evidence, object);
      if (!confidence || !value) continue;
      const holder = this.holderOf(object, evidence);
      this.facts.identityAssignments.push({ span: spanOf(property), nameSpan: spanOf(key), holder });
      const identity = property.type === 'pair' ? objectValue(value) : undefined;
      if (identity) this.facts.identities.push(identityFact(this.written(identity, spanOf(key), evidence, confidence), holder, confidence));
    }
  }

  /** `task.userIdentity = …` on an object the file shows to be Batch's. */
  private identityMember({ member, name, receiver }: Extract<Occurrence, { kind: 'member' }>): void {
    const { outer, parent } = outerOf(member);
    if (parent?.type !== 'assignment_expression' || field(parent, 'left')?.id !== outer.id) return;
    const found = this.receiverEvidence(receiver);
    if (!found || found.evidence.batch !== 'yes') return;
    const holder: Holder = { key: found.key, taskKind: found.evidence.taskKind ?? 'task', typeName: found.evidence.model };
    this.facts.identityAssignments.push({ span: spanOf(parent), nameSpan: spanOf(name), holder });
    const identity = objectValue(field(parent, 'right'));
    if (identity)
      this.facts.identities.push(identityFact(this.written(identity, spanOf(name), found.evidence, 'strong'), holder, 'strong'));
  }

  private identityConfidence(evidence: ObjectEvidence, object: Node): Confidence | undefined {
    if (evidence.batch === 'yes') return 'strong';
    if (!(this.imports.any || evidence.batchPlace)) return undefined;
    return propertyNamed(object, TASK_SHAPE_KEY) ? 'weak' : undefined;
  }

  private accounts(): void {
    for (const occurrence of this.occurrences(JAVASCRIPT.userAccounts)) {
      if (occurrence.kind !== 'property' || !occurrence.value) continue;
      const list = unwrapped(occurrence.value);
      if (list.type !== 'array') continue;
      const { object } = occurrence;
      const evidence = this.evidence.of(object);
      if (evidence.batch !== 'yes' && !(this.imports.any || evidence.batchPlace)) continue;
      const confidence: Confidence = evidence.batch === 'yes' ? 'strong' : 'weak';
      const pool = { key: `ts:${list.startIndex}`, span: spanOf(object) };
      this.pool(object, list, pool.key, confidence);
      for (const element of list.namedChildren) {
        const account = element && objectValue(element);
        if (!account) continue;
        if (confidence === 'weak' && !ACCOUNT_SHAPE_KEYS.some((k) => propertyNamed(account, k))) continue;
        const name = propertyNamed(account, KEYS.name);
        this.facts.accounts.push(accountFact(this.written(account, spanOf(name?.key ?? account), evidence, confidence), pool, confidence));
      }
    }
  }

  /**
   * Whether a pool's accounts array holds only what the file shows: no element that is not written
   * as an object (`...users`, a variable), and no `x.userAccounts` read or write, which may add to
   * the list later.
   */
  private showsAllAccounts(array: Node): boolean {
    return (
      array.namedChildren.every((element) => !element || element.type === 'comment' || unwrapped(element).type === 'object') &&
      !this.occurrences(JAVASCRIPT.userAccounts).some((occurrence) => occurrence.kind === 'member')
    );
  }

  /**
   * What the pool object holding user accounts says of its OS and its id. Raw values; the rule
   * judges. No id when its accounts array may hold accounts the file does not show: a job naming
   * the pool by id is then not judged against it.
   */
  private pool(object: Node, list: Node, key: string, confidence: Confidence): void {
    const inObject = (o: Node | undefined, name: string) => (o ? propertyNamed(o, name) : undefined);
    const cloudService = inObject(object, 'cloudServiceConfiguration');
    const vm = objectValue(inObject(object, 'virtualMachineConfiguration')?.value);
    const image = objectValue(inObject(vm, 'imageReference')?.value);
    const publisher = inObject(image, 'publisher');
    const sku = inObject(vm, 'nodeAgentSKUId');
    const windows = inObject(vm, 'windowsConfiguration');
    const id = inObject(object, 'id');
    const holderKey = outerOf(object).parent;
    const nameNode = holderKey?.type === 'pair' ? field(holderKey, 'key') : undefined;
    this.facts.pools.push({
      span: spanOf(object),
      nameSpan: spanOf(nameNode ?? object),
      key,
      ...(id && !id.shorthand && this.showsAllAccounts(list) && { id: valueOf(id.value) }),
      ...(cloudService && { cloudServiceConfiguration: spanOf(cloudService.key) }),
      ...(sku && { nodeAgentSkuId: valueOf(sku.value) }),
      ...(publisher && { image: { publisher: valueOf(publisher.value) } }),
      ...(windows && { windowsConfiguration: spanOf(windows.key) }),
      confidence,
    });
  }

  /**
   * An identity model object as written: its properties, identity enum values checked against the
   * SDK's spellings (and reported as enum references), nested objects read the same way.
   */
  private written(object: Node, nameSpan: Span, evidence: ObjectEvidence, confidence: Confidence): WrittenModel {
    const find = (name: ModelField) => propertyNamed(object, KEYS[name]);
    return {
      span: spanOf(object),
      nameSpan,
      value: (name) => {
        const property = find(name);
        if (!property) return undefined;
        const enumName = ENUM_FIELDS[name];
        if (enumName && !property.shorthand) return this.enumValue(property.value, object, enumName, evidence, confidence);
        const value = valueOf(property.value);
        // An auto-user of null or undefined is no auto-user.
        return name === 'autoUser' && value.kind === 'null' ? undefined : value;
      },
      nested: (name) => {
        const property = find(name);
        const nested = property && !property.shorthand ? objectValue(property.value) : undefined;
        return nested && property && this.written(nested, spanOf(property.key), evidence, confidence);
      },
      nameOf: (name) => {
        const property = find(name);
        return property && spanOf(property.key);
      },
    };
  }

  private enumValue(node: Node, object: Node, enumName: EnumName, evidence: ObjectEvidence, confidence: Confidence): Value {
    const { sdk, assumed } = this.sdkOf(evidence);
    const value = enumValueOf(node, enumName, sdk);
    if (value.kind === 'enum')
      this.facts.enumRefs.push({
        value,
        valid: validSpellings(spellingsOf(sdk), enumName),
        dialect: sdk,
        quote: this.quotes.of(node, object),
        ...((confidence === 'weak' || assumed) && { confidence: 'weak' as const }),
      });
    return value;
  }
}
