/**
 * JSON facts: REST bodies, Batch CLI templates and ARM templates → identity facts. Only properties
 * reached from an anchor word are looked at, so big documents cost a parse and little more. Whether
 * an object is Batch's, and in which dialect, is asked of evidence.ts.
 */
import type { Node } from 'jsonc-parser';
import type { EnumName } from '../../batch/model';
import {
  ACCOUNT_SHAPE_KEYS,
  ENUM_FIELDS,
  JSON_DIALECTS,
  JSON_FIELD_KEYS,
  JSON_KEYS,
  validSpellings,
  type JsonDialect,
} from '../../batch/sdks';
import { emptyFacts, type Confidence, type Facts, type Holder, type RunElevatedFact, type Span, type Value } from '../../engine/facts';
import { confidenceFor } from '../toolkit/evidence';
import { accountFact, identityFact, type ModelField, type WrittenModel } from '../toolkit/models';
import { Plans } from '../toolkit/plans';
import { isArmExpression } from './armExpression';
import { BatchEvidence, taskKindOf } from './evidence';
import type { FilePlan, RunElevatedPlan } from './plan';
import { copyLoopsNamed, keyNodeOf, keyOf, propertiesNamed, property, spanOf } from './syntax';
import { enumValueOf, valueOf } from './values';

/** `fileName`: the document's file name, which may tell a deployment parameters file (evidence.ts). */
/**
 * The pool an accounts array keys (as `accounts()` keys it); `unseen` where an element is not an
 * account object (an ARM expression, `"[parameters('admin')]"`) or an account's name is an ARM
 * expression: the pool then has accounts the file does not show.
 */
function poolOfAccounts(accounts: Node | undefined): Holder['pool'] {
  if (accounts?.type !== 'array') return undefined;
  const shown = (accounts.children ?? []).every((item) => {
    if (item.type !== 'object') return false;
    const name = property(item, 'name');
    return !(name?.type === 'string' && typeof name.value === 'string' && isArmExpression(name.value));
  });
  return { key: `json:${accounts.offset}`, ...(!shown && { unseen: true }) };
}

/** Every element of an accounts array is an account object this file shows (`poolOfAccounts` not unseen). */
function isShownList(accounts: Node): boolean {
  const pool = poolOfAccounts(accounts);
  return !!pool && 'key' in pool && !pool.unseen;
}

export function collectFacts(text: string, root: Node | undefined, fileName = ''): { facts: Facts; plan: FilePlan } {
  const facts = emptyFacts();
  if (!root) return { facts, plan: { text, runElevated: new Plans<RunElevatedPlan>(), namesRead: NO_NAMES } };
  const evidence = new BatchEvidence(root, fileName);
  const plan: FilePlan = { text, runElevated: new Plans<RunElevatedPlan>(), namesRead: evidence.namesRead };
  if (!evidence.isSchema) new JsonFacts(text, root, evidence, facts, plan).run();
  // A swagger example's values are placeholders by design: the whole document is a sample.
  if (evidence.isSampleDocument) facts.samples.push({ start: 0, end: text.length });
  return { facts, plan };
}

const NO_NAMES = { names: new Set<string>(), anyName: false };

class JsonFacts {
  constructor(
    private readonly text: string,
    private readonly root: Node,
    private readonly evidence: BatchEvidence,
    private readonly facts: Facts,
    private readonly plan: FilePlan,
  ) {}

  run(): void {
    this.runElevated();
    this.identities();
    this.accounts();
    this.tasks();
  }

  /**
   * The tasks of a Batch document, whatever their identity: objects with a command line, which
   * every task kind requires. Only where the document is Batch's: elsewhere a command line is no
   * evidence of a task.
   */
  private tasks(): void {
    for (const { object } of propertiesNamed(this.text, this.root, JSON_KEYS.commandLine)) {
      if (this.evidence.of(object).batch !== 'yes') continue;
      const holder = this.holderOf(object);
      const key = keyNodeOf(object);
      this.facts.tasks.push({
        span: spanOf(object),
        // Its key (`"startTask"`), or in an array its opening brace.
        nameSpan: key ? spanOf(key) : { start: object.offset, end: object.offset + 1 },
        holder: { ...holder, taskKind: holder.taskKind ?? 'task' },
        confidence: 'strong',
      });
    }
  }

  /** The dialect `node` is written in, when it can be told. */
  private dialectAt(node: Node): JsonDialect | undefined {
    const e = this.evidence.of(node);
    return e.batch === 'no' ? undefined : e.dialect;
  }

  private holderOf(object: Node): Holder {
    const pool = this.poolOfTask(object);
    return { key: `json:${object.offset}`, taskKind: taskKindOf(object), typeName: keyOf(object), ...(pool && { pool }) };
  }

  /**
   * The pool a task object runs on, where the document says: a start task's own pool (the object
   * holding it, whose `userAccounts` array keys its accounts), a job's pool by `poolInfo.poolId`, or
   * the pool of its `poolInfo.autoPoolSpecification`. Undefined where the document does not say.
   */
  private poolOfTask(task: Node): Holder['pool'] {
    const owner = task.parent?.parent;
    if (owner?.type !== 'object') return undefined;
    const key = keyOf(task);
    const kind = key ? JSON_KEYS.taskHolders[key] : undefined;
    if (kind === 'startTask') return poolOfAccounts(property(owner, JSON_KEYS.userAccounts));
    // A job's own tasks (job manager, preparation, release) run on the job's pool.
    if (!kind || kind === 'task') return undefined;
    const poolInfo = property(owner, JSON_KEYS.poolInfo);
    if (poolInfo?.type !== 'object') return undefined;
    const poolId = property(poolInfo, JSON_KEYS.poolId);
    if (poolId && poolId.type === 'string') return { id: valueOf(poolId, this.text) };
    const autoPool = property(poolInfo, JSON_KEYS.autoPoolSpecification);
    const pool = autoPool?.type === 'object' ? property(autoPool, JSON_KEYS.autoPool) : undefined;
    return poolOfAccounts(pool?.type === 'object' ? property(pool, JSON_KEYS.userAccounts) : undefined);
  }

  private runElevated(): void {
    for (const { prop, object } of propertiesNamed(this.text, this.root, JSON_KEYS.runElevated)) {
      const valueNode = prop.children?.[1];
      const keyNode = prop.children?.[0];
      if (!valueNode || !keyNode) continue;
      // A definition (`"runElevated": {"type": "boolean"}`) is not a use.
      if (valueNode.type === 'object' || valueNode.type === 'array') continue;
      const e = this.evidence.of(object);
      if (e.batch === 'no') continue;
      // Without document evidence only the unmistakable shape counts: a boolean beside commandLine.
      const confidence = confidenceFor(e.batch, valueNode.type === 'boolean' && !!property(object, 'commandLine'));
      if (!confidence) continue;
      // A later key of the same object says it again (the properties come in text order).
      const later = (object.children ?? []).filter((p) => p.offset > prop.offset && p.children?.[0]?.value === JSON_KEYS.runElevated);
      const overriddenBy = later.length > 0 ? spanOf(later[later.length - 1].children![0]) : undefined;
      const fact: RunElevatedFact = {
        form: 'property',
        span: spanOf(prop),
        nameSpan: spanOf(keyNode),
        value: valueOf(valueNode, this.text),
        holder: this.holderOf(object),
        confidence,
        generation: e.dialect,
        ...(overriddenBy && { overriddenBy }),
      };
      this.facts.runElevated.push(fact);
      // The identity a fix writes goes where runElevated is: its dialect is that of the value's place
      // (an ARM expression may read one part of the object, not another).
      this.plan.runElevated.set(fact, { dialect: this.dialectAt(valueNode), objectStart: object.offset });
    }
  }

  private identities(): void {
    const seen = new Set<Node>();
    for (const { prop, object } of propertiesNamed(this.text, this.root, JSON_KEYS.userIdentity)) {
      const identity = prop.children?.[1];
      const keyNode = prop.children?.[0];
      if (!identity || !keyNode) continue;
      const e = this.evidence.of(object);
      if (e.batch === 'no') continue;
      // Whatever the value (an object, an ARM expression, null), the object has a user identity.
      this.facts.identityAssignments.push({ span: spanOf(prop), nameSpan: spanOf(keyNode), holder: this.holderOf(object) });
      if (identity.type !== 'object' || seen.has(identity)) continue;
      seen.add(identity);
      const confidence: Confidence = e.batch === 'yes' ? 'strong' : 'weak';
      if (confidence === 'weak' && !property(object, 'commandLine')) continue;
      this.facts.identities.push(
        identityFact(this.written(identity, spanOf(keyNode), this.dialectAt(identity), confidence), this.holderOf(object), confidence),
      );
    }
  }

  private accounts(): void {
    for (const { prop, object } of propertiesNamed(this.text, this.root, JSON_KEYS.userAccounts)) {
      const list = prop.children?.[1];
      if (!list || list.type !== 'array') continue;
      this.poolAccounts(object, list, list.children ?? []);
    }
    // In an ARM template a property copy loop may build the list: `"copy": [{"name": "userAccounts", "count": n, "input": {…}}]`
    // (in `variables` such a loop defines a variable of that name instead).
    if (!this.evidence.isArmTemplate) return;
    for (const { loop, object } of copyLoopsNamed(this.text, this.root, JSON_KEYS.userAccounts)) {
      const input = property(loop, 'input');
      if (input?.type !== 'object' || keyOf(object) === 'variables') continue;
      this.poolAccounts(object, loop, [input]);
    }
  }

  /** The accounts `items` of the pool `object`; `list` (the array or the copy loop) keys the pool. */
  private poolAccounts(object: Node, list: Node, items: readonly Node[]): void {
    const e = this.evidence.of(object);
    if (e.batch === 'no') return;
    const confidence: Confidence = e.batch === 'yes' ? 'strong' : 'weak';
    const pool = { key: `json:${list.offset}`, span: spanOf(object) };
    this.pool(object, pool.key, confidence, list.type === 'array' && isShownList(list));
    for (const item of items) {
      if (item.type !== 'object') continue;
      // Without document evidence, only an account shaped like Batch's counts.
      if (confidence === 'weak' && !ACCOUNT_SHAPE_KEYS.some((key) => property(item, key))) continue;
      const name = property(item, JSON_FIELD_KEYS.name);
      const nameSpan = spanOf(name ? (keyNodeOf(name) ?? item) : item);
      this.facts.accounts.push(accountFact(this.written(item, nameSpan, this.dialectAt(item), confidence), pool, confidence));
    }
  }

  /**
   * What the pool object holding user accounts says of its OS: its Cloud Services or virtual
   * machine configuration, directly (REST, Batch CLI templates) or under `deploymentConfiguration`
   * (ARM). Raw values; which OS they mean is the rule's judgement.
   */
  private pool(object: Node, key: string, confidence: Confidence, listShown: boolean): void {
    const configurations = [object, property(object, 'deploymentConfiguration')].filter((n): n is Node => n?.type === 'object');
    const find = (name: string) => configurations.map((c) => property(c, name)).find((n) => n !== undefined);
    const cloudService = find('cloudServiceConfiguration');
    const vm = find('virtualMachineConfiguration');
    const inVm = (name: string) => (vm?.type === 'object' ? property(vm, name) : undefined);
    const image = inVm('imageReference');
    const publisher = image?.type === 'object' ? property(image, 'publisher') : undefined;
    // REST spells it nodeAgentSKUId, ARM nodeAgentSkuId.
    const sku = inVm('nodeAgentSKUId') ?? inVm('nodeAgentSkuId');
    const windows = inVm('windowsConfiguration');
    const keyName = keyNodeOf(object) ?? object;
    const id = listShown ? this.poolId(object) : undefined;
    this.facts.pools.push({
      span: spanOf(object),
      nameSpan: spanOf(keyName),
      key,
      ...(id && { id }),
      ...(cloudService && { cloudServiceConfiguration: spanOf(keyNodeOf(cloudService) ?? cloudService) }),
      ...(sku && { nodeAgentSkuId: valueOf(sku, this.text) }),
      ...(publisher && { image: { publisher: valueOf(publisher, this.text) } }),
      ...(windows && { windowsConfiguration: spanOf(keyNodeOf(windows) ?? windows) }),
      confidence,
    });
  }

  /**
   * A data-plane pool's id, what a job's `poolInfo.poolId` names: the `"id"` of a REST pool body
   * (`PoolAddParameter`, a pool of a `value` array) or of a Batch CLI template's pool `properties`,
   * a plain string. None in an ARM template (a pool resource's `name` is an ARM resource name, not
   * read as its id), for an auto-pool's `pool` (a `PoolSpecification` has no id), nor where the id is
   * an ARM expression (`"[parameters('poolId')]"`): its value is not known here. Given only where
   * the pool's account list is all shown (the caller's `listShown`): a job elsewhere naming this id
   * is then judged against these accounts alone.
   */
  private poolId(object: Node): Value | undefined {
    const e = this.evidence.of(object);
    if (this.evidence.isArmTemplate || e.batch !== 'yes' || e.dialect !== 'rest') return undefined;
    const holder = object.parent?.parent;
    if (keyOf(object) === JSON_KEYS.autoPool && holder && keyOf(holder) === JSON_KEYS.autoPoolSpecification) return undefined;
    const id = property(object, JSON_KEYS.poolIdKey);
    if (id?.type !== 'string' || typeof id.value !== 'string' || isArmExpression(id.value)) return undefined;
    return valueOf(id, this.text);
  }

  /**
   * An object of the identity models as written: its properties (enum members checked against the
   * dialect and reported as enum references as they are read); nested objects read the same way.
   * Without a dialect, enum members are read but not checked.
   */
  private written(object: Node, nameSpan: Span, dialect: JsonDialect | undefined, confidence: Confidence): WrittenModel {
    const userNameKey = dialect ? JSON_DIALECTS[dialect].userNameKey : 'userName';
    const find = (name: ModelField) =>
      name === 'userName'
        ? (property(object, userNameKey) ?? property(object, userNameKey === 'username' ? 'userName' : 'username'))
        : property(object, JSON_FIELD_KEYS[name]);
    return {
      span: spanOf(object),
      nameSpan,
      value: (name) => {
        const node = find(name);
        if (!node) return undefined;
        const enumName = ENUM_FIELDS[name];
        if (enumName) return this.enumValue(node, enumName, dialect, confidence);
        // A null auto-user is no auto-user (a user name's null is kept: it says the name is unset).
        return name === 'autoUser' && node.type === 'null' ? undefined : valueOf(node, this.text);
      },
      nested: (name) => {
        const node = find(name);
        return node?.type === 'object' ? this.written(node, spanOf(keyNodeOf(node) ?? node), dialect, confidence) : undefined;
      },
      nameOf: (name) => {
        const node = find(name);
        return node && spanOf(keyNodeOf(node) ?? node);
      },
    };
  }

  /**
   * An identity enum member, reported with the spellings valid in this dialect; weak where the
   * dialect is only the likely reading. Not reported where the dialect cannot be told.
   */
  private enumValue(node: Node, enumName: EnumName, dialect: JsonDialect | undefined, confidence: Confidence): Value {
    const value = enumValueOf(node, enumName, dialect, this.text);
    if (value.kind === 'enum' && dialect)
      this.facts.enumRefs.push({
        value,
        valid: validSpellings(JSON_DIALECTS[dialect].enums, value.enum),
        dialect,
        ...(confidence === 'weak' && { confidence }),
      });
    return value;
  }
}
