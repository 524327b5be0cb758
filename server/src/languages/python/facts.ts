/**
 * Python facts: azure-batch (≤14 and 15.x) and azure-mgmt-batch code → identity facts. Everything
 * starts from the occurrences of a few anchor words; the tree is asked what each occurrence is, and
 * evidence.ts whether it is Batch's: `x.run_elevated = …` counts when x holds a Batch model, or,
 * weakly, when x is of unknown origin in a file that imports azure.batch. A model is what its
 * construction's keywords and the attribute writes after it say (writes.ts); an identity whose
 * fields may be set out of view says nothing of the fields it lacks.
 */
import { PYTHON, pythonGeneration, validSpellings, type PythonPlane } from '../../batch/sdks';
import {
  emptyFacts,
  type Confidence,
  type Facts,
  type Holder,
  type IdentityFact,
  type PoolFact,
  type RunElevatedFact,
  type Span,
  type UserAccountFact,
} from '../../engine/facts';
import { accountFact, identityFact, type ModelField, type WrittenModel } from '../toolkit/models';
import { Plans } from '../toolkit/plans';
import { Words } from '../toolkit/text';
import { nodesNamed, sameNode, spanOf, type Node, type Tree } from '../toolkit/treeSitter';
import { BatchEvidence } from './evidence';
import { firstBlockIndentStep, planRunElevated, type FilePlan, type RunElevatedPlan, type RunElevatedSite } from './plan';
import { SymbolTable } from './scope';
import { argumentsOf, calleeName, hasUnreadArguments, isDeleteOrAugmented, keywordCall, type Argument } from './syntax';
import { PythonValues } from './values';
import { ModelWrites } from './writes';
import { placeOnPool, type TaskPool } from '../toolkit/taskPools';

const K = PYTHON.keywords;

/** The keyword(s) that give each field of the identity models (UserIdentity's user name differs per generation). */
const KEYWORDS: Record<ModelField, readonly string[]> = {
  userName: [PYTHON.userNameKeyword.legacy, PYTHON.userNameKeyword.v15],
  autoUser: [K.autoUser],
  scope: [K.scope],
  elevation: [K.elevationLevel],
  name: [K.name],
  password: [K.password],
  linux: [K.linuxUserConfiguration],
  windows: [K.windowsUserConfiguration],
  uid: [K.uid],
  gid: [K.gid],
  sshPrivateKey: [K.sshPrivateKey],
  loginMode: [K.loginMode],
};
/** The class a nested model field holds. */
const NESTED_CLASS = { autoUser: 'AutoUserSpecification', linux: 'LinuxUserConfiguration', windows: 'WindowsUserConfiguration' };
/** The keywords a model's fields are written under, as a construction's keywords or attributes set later. */
const keywordsOf = (className: string): string[] => (PYTHON.modelFields[className] ?? []).flatMap((field) => KEYWORDS[field]);
const P = PYTHON.poolKeywords;
const TP = PYTHON.taskPool;
export function collectFacts(text: string, tree: Tree): { facts: Facts; plan: FilePlan } {
  return new PythonFacts(text, tree).run();
}

class PythonFacts {
  private readonly words: Words;
  private readonly symbols: SymbolTable;
  private readonly evidence: BatchEvidence;
  private readonly values: PythonValues;
  private readonly writes: ModelWrites;
  private readonly facts: Facts = emptyFacts();
  /**
   * Identity constructions by call offset, with the holders their value reaches; `open` ones say
   * nothing of themselves (fields may be set out of view, and none is written in view).
   */
  private readonly constructions = new Map<number, { fact: IdentityFact; open: boolean; holders: { holder: Holder; use: Node }[] }>();
  /** `user_identity=` / `.user_identity =` sites whose value is not a construction this file shows. */
  private readonly identitySites: { valueNode: Node; nameNode: Node; holder: Holder; confidence: Confidence }[] = [];
  /** The pool each task runs on where the code says, by the task's holder keys (null: said two ways); computed once. */
  private taskPoolCache?: Map<string, TaskPool | null>;
  private readonly keywordWriteCache = new Map<string, { owner: Node; value: Node }[]>();

  constructor(
    private readonly text: string,
    private readonly tree: Tree,
  ) {
    this.words = new Words(text);
    this.symbols = new SymbolTable(tree, this.words);
    this.evidence = new BatchEvidence(tree, this.words, this.symbols);
    this.values = new PythonValues(this.symbols, this.evidence);
    this.writes = new ModelWrites(tree, this.words, this.symbols, this.evidence);
  }

  run(): { facts: Facts; plan: FilePlan } {
    const runElevated = this.collectRunElevated();
    const enumAccesses = this.evidence.enumAccesses();
    this.collectIdentitySites();
    for (const access of enumAccesses) {
      this.facts.enumRefs.push({
        value: this.values.enumValue(access),
        valid: validSpellings(this.values.spellings(access.plane), access.enumName),
      });
    }
    this.collectIdentities();
    this.collectAccounts();
    this.collectPools();
    this.collectTasks();
    const plans = new Plans<RunElevatedPlan>();
    for (const site of runElevated) {
      plans.set(site.fact, planRunElevated(this.symbols, this.evidence.sdk, site));
    }
    const indentUnit = runElevated.length > 0 ? firstBlockIndentStep(this.tree, this.text) : undefined;
    return { facts: this.facts, plan: { text: this.text, runElevated: plans, indentUnit } };
  }

  // ---------------------------------------------------------------------------------------------
  // runElevated
  // ---------------------------------------------------------------------------------------------

  private collectRunElevated(): RunElevatedSite[] {
    const found: RunElevatedSite[] = [];
    for (const name of nodesNamed(this.tree, this.words, PYTHON.runElevated)) {
      const parent = name.parent;
      if (!parent) continue;
      if (parent.type === 'keyword_argument' && sameNode(parent.childForFieldName('name'), name)) {
        const call = keywordCall(name);
        const cls = call && this.evidence.batchClassOfCall(call);
        const valueNode = parent.childForFieldName('value');
        if (!call || !cls || !valueNode) continue;
        const fact: RunElevatedFact = {
          form: 'keyword',
          span: spanOf(parent),
          nameSpan: spanOf(name),
          value: this.values.value(valueNode, false),
          holder: this.withPool({ key: `py:call:${call.startIndex}`, taskKind: PYTHON.taskTypes[cls.className], typeName: cls.className }),
          confidence: cls.confidence,
        };
        found.push({ fact, node: name, callee: call.childForFieldName('function') ?? undefined, plane: cls.plane });
      } else if (parent.type === 'attribute' && sameNode(parent.childForFieldName('attribute'), name)) {
        const receiver = parent.childForFieldName('object');
        if (!receiver) continue;
        const held = this.evidence.held(receiver);
        const assignment = parent.parent;
        const isTarget = assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('left'), parent);
        if (isTarget) {
          if (held.batch === 'no' || (held.batch === 'unknown' && !this.symbols.importsBatch)) continue;
          const right = assignment.childForFieldName('right');
          const fact: RunElevatedFact = {
            form: 'assign',
            span: spanOf(assignment),
            nameSpan: spanOf(name),
            // `a.run_elevated = b.run_elevated = True` has no single value to rewrite.
            value: right && right.type !== 'assignment' ? this.values.value(right, false) : undefined,
            holder: this.withPool(this.evidence.holderOf(held)),
            confidence: held.batch === 'yes' ? held.confidence : 'weak',
          };
          const batch = held.batch === 'yes' ? held : undefined;
          found.push({ fact, node: name, callee: batch?.call?.childForFieldName('function') ?? undefined, plane: batch?.plane ?? 'data' });
        } else if (held.batch === 'yes' && !isDeleteOrAugmented(parent)) {
          // Reads count only on a known Batch model: a config object's own run_elevated field is not one.
          found.push({
            fact: {
              form: 'read',
              span: spanOf(parent),
              nameSpan: spanOf(name),
              holder: this.withPool(this.evidence.holderOf(held)),
              confidence: held.confidence,
            },
            node: name,
            plane: held.plane,
          });
        }
      }
    }
    // What this SDK generation does with runElevated (hovers say it); plans are keyed by these facts.
    const sites = found.map((site) => ({ ...site, fact: { ...site.fact, generation: pythonGeneration(site.plane, this.evidence.sdk) } }));
    for (const site of sites) this.facts.runElevated.push(site.fact);
    return sites;
  }

  // ---------------------------------------------------------------------------------------------
  // Tasks
  // ---------------------------------------------------------------------------------------------

  /** Every Batch task model built here (`TaskAddParameter(…)`, `StartTask(…)`), whatever its identity; keyed as its holders are. */
  private collectTasks(): void {
    for (const [className, taskKind] of Object.entries(PYTHON.taskTypes)) {
      for (const { call, nameNode, cls } of this.evidence.constructionsOf(className)) {
        this.facts.tasks.push({
          span: spanOf(call),
          nameSpan: spanOf(nameNode),
          holder: this.withPool({ key: `py:call:${call.startIndex}`, taskKind, typeName: cls.className }),
          confidence: cls.confidence,
        });
      }
    }
    this.facts.tasks.sort((a, b) => a.span.start - b.span.start);
  }

  // ---------------------------------------------------------------------------------------------
  // Which pool a task runs on
  // ---------------------------------------------------------------------------------------------

  /** The holder with the pool its task runs on, where the code says which. */
  private withPool<H extends Holder>(holder: H): H {
    const pool = this.taskPools().get(holder.key);
    return pool ? { ...holder, pool } : holder;
  }

  /**
   * The pool each task runs on where the code says it plainly (`Holder.pool`), by the holder keys
   * the task goes by: a pool's start task — `start_task=` of the pool's construction or
   * `pool.start_task = …`, the task built there or bound once to a name given there — runs on that
   * pool; a job's own tasks run on the pool its `pool_info` names by id, or on its auto-pool. A task
   * placed two ways (one task given to two pools) is placed nowhere.
   */
  private taskPools(): Map<string, TaskPool | null> {
    if (this.taskPoolCache) return this.taskPoolCache;
    const found = new Map<string, TaskPool | null>();
    this.taskPoolCache = found;
    const place = (key: string, pool: TaskPool) => placeOnPool(found, key, pool);
    // Whatever the holder is given, `<holder>.start_task` / `.job_manager_task` is its own task.
    const placeTask = (owner: Node, keyword: string, value: Node | undefined, pool: TaskPool) => {
      place(`py:call:${owner.startIndex}.${keyword}`, pool);
      const task = value && this.onlyConstruction(value);
      if (task && PYTHON.taskTypes[task.className]) place(`py:call:${task.call.startIndex}`, pool);
    };
    for (const { owner, value } of this.keywordWrites(TP.startTask)) {
      if (this.isPoolCall(owner)) placeTask(owner, TP.startTask, value, this.accountListOf(owner));
    }
    for (const { owner, value } of this.keywordWrites(TP.poolInfo)) {
      const pool = this.poolOfInfo(value);
      if (!pool) continue;
      for (const keyword of Object.keys(TP.jobTasks)) {
        placeTask(owner, keyword, undefined, pool);
        for (const write of this.keywordWrites(keyword)) if (sameNode(write.owner, owner)) placeTask(owner, keyword, write.value, pool);
      }
    }
    return found;
  }

  /**
   * Every place a Batch model's `keyword` is given: `keyword=` of its construction, `x.keyword = …`
   * where x holds the construction (`owner`).
   */
  private keywordWrites(keyword: string): { owner: Node; value: Node }[] {
    const cached = this.keywordWriteCache.get(keyword);
    if (cached) return cached;
    const found: { owner: Node; value: Node }[] = [];
    this.keywordWriteCache.set(keyword, found);
    for (const name of nodesNamed(this.tree, this.words, keyword)) {
      const parent = name.parent;
      if (parent?.type === 'keyword_argument' && sameNode(parent.childForFieldName('name'), name)) {
        const call = keywordCall(name);
        const value = parent.childForFieldName('value');
        if (call && value && this.evidence.batchClassOfCall(call)) found.push({ owner: call, value });
      } else if (parent?.type === 'attribute' && sameNode(parent.childForFieldName('attribute'), name)) {
        const assignment = parent.parent;
        const object = parent.childForFieldName('object');
        const value =
          assignment?.type === 'assignment' &&
          sameNode(assignment.childForFieldName('left'), parent) &&
          assignment.childForFieldName('right');
        const held = value && object ? this.evidence.held(object) : undefined;
        if (value && held?.batch === 'yes' && held.call) found.push({ owner: held.call, value });
      }
    }
    return found;
  }

  /** A pool construction of its plane's pool classes. */
  private isPoolCall(call: Node): boolean {
    const cls = this.evidence.batchClassOfCall(call);
    const classes: readonly string[] = cls?.plane === 'mgmt' ? PYTHON.mgmtPoolTypes : PYTHON.poolTypes;
    return !!cls && classes.includes(cls.className);
  }

  /**
   * The construction of a Batch model a value is: in place, or through a name bound once in the
   * file (`start = StartTask(…)`), with its class.
   */
  private onlyConstruction(value: Node): { call: Node; className: string } | undefined {
    let node = value;
    if (node.type === 'identifier') {
      const binding = this.symbols.resolveName(node.text, node);
      if (binding?.kind !== 'assign' || !binding.value || this.symbols.localBindings(node.text).length !== 1) return undefined;
      node = binding.value;
    }
    const cls = node.type === 'call' ? this.evidence.batchClassOfCall(node) : undefined;
    return cls ? { call: node, className: cls.className } : undefined;
  }

  /** The pool a job's `pool_info` says: the id it names (as written), or its auto-pool's account list. */
  private poolOfInfo(value: Node): TaskPool | undefined {
    const info = this.onlyConstruction(value);
    if (!info || !(TP.poolInfoTypes as readonly string[]).includes(info.className)) return undefined;
    const fields = [TP.poolId, TP.autoPoolSpecification];
    if (this.writes.writtenOutOfPlace(info.call, fields)) return undefined;
    const given = this.fieldsOf(info.call, info.className, 'data', fields);
    const id = given.get(TP.poolId)?.value;
    if (id && id.type !== 'none') return { id: this.values.value(id, true) };
    const auto = given.get(TP.autoPoolSpecification)?.value;
    const spec = auto && this.onlyConstruction(auto);
    if (!spec || !(TP.autoPoolTypes as readonly string[]).includes(spec.className)) return undefined;
    if (this.writes.writtenOutOfPlace(spec.call, [TP.autoPool])) return undefined;
    const poolValue = this.fieldsOf(spec.call, spec.className, 'data', [TP.autoPool]).get(TP.autoPool)?.value;
    const pool = poolValue && this.onlyConstruction(poolValue);
    return pool && this.isPoolCall(pool.call) ? this.accountListOf(pool.call) : undefined;
  }

  /**
   * A pool's account list, keyed as its accounts are (`poolOf`); `unseen` where it may hold accounts
   * the file does not show: `**kwargs` given to the pool, a list not written out in place (or under
   * a name bound once and used nowhere else), an element that is not an account built here, or any
   * other use of a `user_accounts` that may be this pool's (`append`, a read, an object of unknown origin).
   */
  private accountListOf(pool: Node): TaskPool {
    const key = `py:call:${pool.startIndex}`;
    const splat = (pool.childForFieldName('arguments')?.namedChildren ?? []).some(
      (arg) => arg?.type === 'list_splat' || arg?.type === 'dictionary_splat',
    );
    const lists = this.keywordWrites(K.userAccounts).filter((write) => sameNode(write.owner, pool));
    const shown = !splat && lists.every((write) => this.isShownAccountList(write.value)) && this.otherAccountListUsesShown(pool);
    return { key, ...(!shown && { unseen: true }) };
  }

  private isShownAccountList(value: Node): boolean {
    let list = value;
    if (list.type === 'identifier') {
      const binding = this.symbols.resolveName(list.text, list);
      if (binding?.kind !== 'assign' || !binding.value || this.symbols.localBindings(list.text).length !== 1) return false;
      // A list under a name: shown when the name is used nowhere else (no `accounts.append(…)`).
      if (this.symbols.usesOf(binding).some((use) => !sameNode(use, value))) return false;
      list = binding.value;
    }
    if (list.type !== 'list') return false;
    return list.namedChildren.every((element) => {
      if (!element || element.type === 'comment') return true;
      return this.onlyConstruction(element)?.className === 'UserAccount';
    });
  }

  /** Every `x.user_accounts` other than a plain assignment: none on this pool or on an object of unknown origin. */
  private otherAccountListUsesShown(pool: Node): boolean {
    for (const name of nodesNamed(this.tree, this.words, K.userAccounts)) {
      const attribute = name.parent;
      if (attribute?.type !== 'attribute' || !sameNode(attribute.childForFieldName('attribute'), name)) continue;
      const object = attribute.childForFieldName('object');
      const held = object && this.evidence.held(object);
      if (!held || held.batch === 'no') continue;
      const built = held.batch === 'yes' ? held.call : undefined;
      if (built && !sameNode(built, pool)) continue; // another pool built here
      const assignment = attribute.parent;
      const isPlainWrite = assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('left'), attribute);
      // A plain write to this pool is read as its list (keywordWrites); any other use, or any use on
      // an object that may be this pool (a parameter, an attribute), may add accounts.
      if (!built || !isPlainWrite) return false;
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // User identities
  // ---------------------------------------------------------------------------------------------

  /** Every place a holder receives a user identity: `user_identity=` of a Batch call, `x.user_identity = …`. */
  private collectIdentitySites(): void {
    for (const name of nodesNamed(this.tree, this.words, PYTHON.userIdentity)) {
      const parent = name.parent;
      if (!parent) continue;
      let holder: Holder | undefined;
      let confidence: Confidence = 'strong';
      let valueNode: Node | null = null;
      let site: Node = parent;
      if (parent.type === 'keyword_argument' && sameNode(parent.childForFieldName('name'), name)) {
        const call = keywordCall(name);
        const cls = call && this.evidence.batchClassOfCall(call);
        if (!call || !cls) continue;
        holder = this.withPool({ key: `py:call:${call.startIndex}`, taskKind: PYTHON.taskTypes[cls.className], typeName: cls.className });
        confidence = cls.confidence;
        valueNode = parent.childForFieldName('value');
      } else if (parent.type === 'attribute' && sameNode(parent.childForFieldName('attribute'), name)) {
        const assignment = parent.parent;
        const receiver = parent.childForFieldName('object');
        if (assignment?.type !== 'assignment' || !sameNode(assignment.childForFieldName('left'), parent) || !receiver) continue;
        const held = this.evidence.held(receiver);
        if (held.batch === 'no' || (held.batch === 'unknown' && !this.symbols.importsBatch)) continue;
        holder = this.withPool(this.evidence.holderOf(held));
        confidence = held.batch === 'yes' ? held.confidence : 'weak';
        valueNode = assignment.childForFieldName('right');
        site = assignment;
      }
      if (!holder || !valueNode) continue;
      // Whatever the value, None included, the holder has a user identity.
      this.facts.identityAssignments.push({ span: spanOf(site), nameSpan: spanOf(name), holder });
      if (valueNode.type === 'none') continue;
      this.identitySites.push({ valueNode, nameNode: name, holder, confidence });
    }
  }

  private collectIdentities(): void {
    for (const { call, nameNode, cls } of this.evidence.constructionsOf('UserIdentity')) {
      const fact = identityFact(this.written(call, 'UserIdentity', spanOf(nameNode), cls.plane), undefined, cls.confidence);
      // Completed out of view (`complete(identity)`, `UserIdentity(**fields)`, a write in a branch):
      // what is missing may be set there, so an identity that shows neither field says nothing.
      const open =
        !fact.userName &&
        !fact.autoUser &&
        (hasUnreadArguments(call, this.positionalOf(cls.plane, 'UserIdentity')) ||
          this.writes.isOpen(call, keywordsOf('UserIdentity'), [PYTHON.userIdentity]));
      this.constructions.set(call.startIndex, { fact, open, holders: [] });
    }
    for (const site of this.identitySites) {
      const construction = this.evidence.constructionBehind(site.valueNode, 'UserIdentity');
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
        autoUser: { reference: this.values.value(site.valueNode, false) },
        confidence: site.confidence,
      });
    }
    for (const { fact, open, holders } of this.constructions.values()) {
      if (open) continue;
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

  /** The SDK's positional order, where it took positional arguments (the data plane before azure-batch 5.0). */
  private positionalOf(plane: PythonPlane, className: string): readonly string[] {
    return plane === 'data' ? (PYTHON.positional[className] ?? []) : [];
  }

  /**
   * What a construction gives each keyword: its arguments (positional ones named by the SDK's order),
   * then the attribute writes that certainly follow it (the last of each wins).
   */
  private fieldsOf(call: Node, className: string, plane: PythonPlane, keywords: readonly string[]): Map<string, Argument> {
    const fields = argumentsOf(call, this.positionalOf(plane, className));
    for (const [keyword, write] of this.writes.certain(call, keywords)) fields.set(keyword, write);
    return fields;
  }

  /**
   * A construction of a Batch model as written: its keyword arguments (positional ones named by the
   * SDK's order) and the attributes set on it later, `None` counting as not written; nested models
   * read the same way.
   */
  private written(call: Node, className: string, nameSpan: Span, plane: PythonPlane): WrittenModel {
    const fields = this.fieldsOf(call, className, plane, keywordsOf(className));
    const argument = (name: ModelField) => KEYWORDS[name].map((keyword) => fields.get(keyword)).find((field) => field !== undefined);
    const isSet = (name: ModelField) => !!argument(name) && argument(name)!.value.type !== 'none';
    // uid and gid go together: with one of them in view and the settings open, the other may be set out of view.
    const pairOutOfView =
      className === 'LinuxUserConfiguration' &&
      isSet('uid') !== isSet('gid') &&
      (hasUnreadArguments(call, this.positionalOf(plane, className)) ||
        this.writes.isOpen(call, keywordsOf(className), [K.linuxUserConfiguration]));
    return {
      span: spanOf(call),
      nameSpan,
      value: (name) => {
        const node = argument(name)?.value;
        if (!node || (pairOutOfView && (name === 'uid' || name === 'gid'))) return undefined;
        // azure-batch 2.x had the SSH key on the account itself: reported as written, None included.
        if (name === 'sshPrivateKey' && className === 'UserAccount') return this.values.value(node, true);
        if (node.type === 'none') return undefined;
        // An auto-user given by an expression is that expression, not what a name bound to it holds.
        return this.values.value(node, name !== 'autoUser');
      },
      nested: (name) => {
        const node = argument(name)?.value;
        const nested = node && this.evidence.constructionBehind(node, NESTED_CLASS[name]);
        const cls = nested && this.evidence.batchClassOfCall(nested);
        return nested && cls && this.written(nested, NESTED_CLASS[name], spanOf(calleeName(nested)), cls.plane);
      },
      nameOf: (name) => {
        const written = argument(name)?.name;
        return written && spanOf(written);
      },
    };
  }

  // ---------------------------------------------------------------------------------------------
  // User accounts
  // ---------------------------------------------------------------------------------------------

  private collectAccounts(): void {
    for (const { call, nameNode, cls } of this.evidence.constructionsOf('UserAccount')) {
      this.facts.accounts.push(
        accountFact(this.written(call, 'UserAccount', spanOf(nameNode), cls.plane), this.poolOf(call), cls.confidence),
      );
    }
  }

  /**
   * The pool an account is defined on: the call or object its `user_accounts` list is given to,
   * else the list itself. An account held in a variable is followed to the list naming it; an
   * account appended (`pool.user_accounts.append(a)`, `accounts.append(a)`, `accounts.extend([a])`)
   * to the list it is appended to.
   */
  private poolOf(account: Node): UserAccountFact['pool'] {
    const binding = this.symbols.assignedName(account);
    const places = [account, ...(binding ? this.symbols.usesOf(binding) : [])];
    for (const place of places) {
      const parent = place.parent;
      if (parent?.type === 'list') return this.poolOfList(parent);
      const appended = parent?.type === 'argument_list' ? this.appendedTo(parent) : undefined;
      if (appended) return appended;
    }
    return undefined;
  }

  private poolOfList(list: Node): UserAccountFact['pool'] {
    const appended = list.parent?.type === 'argument_list' ? this.appendedTo(list.parent) : undefined;
    return appended ?? this.receiverOfList(list) ?? { key: `py:list:${list.startIndex}`, span: spanOf(list) };
  }

  /** `x.append(…)`, `x.insert(i, …)`, `x.extend(…)`: the pool of the list x is (a pool's `user_accounts`, or a list variable). */
  private appendedTo(args: Node): UserAccountFact['pool'] {
    const call = args.parent;
    const fn = call?.type === 'call' ? call.childForFieldName('function') : null;
    const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
    const target = fn?.childForFieldName('object');
    if (!call || !target || !method || !LIST_ADDITIONS.has(method)) return undefined;
    if (target.type === 'attribute' && target.childForFieldName('attribute')?.text === K.userAccounts) {
      const receiver = target.childForFieldName('object');
      const held = receiver ? this.evidence.held(receiver) : undefined;
      return held && held.batch !== 'no' && held.key ? { key: held.key, span: spanOf(call) } : undefined;
    }
    if (target.type !== 'identifier') return undefined;
    const binding = this.symbols.resolveName(target.text, target);
    const list = binding?.kind === 'assign' ? binding.value : undefined;
    return list?.type === 'list' ? this.poolOfList(list) : undefined;
  }

  private receiverOfList(list: Node): { key: string; span: Span } | undefined {
    const parent = list.parent;
    if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.text === K.userAccounts) {
      const call = parent.parent?.parent;
      if (call?.type === 'call') return { key: `py:call:${call.startIndex}`, span: spanOf(call) };
    }
    if (parent?.type === 'assignment' && sameNode(parent.childForFieldName('right'), list)) {
      const left = parent.childForFieldName('left');
      if (left?.type === 'attribute') return this.userAccountsOf(left, parent);
      const binding = this.symbols.assignedName(list);
      for (const use of binding ? this.symbols.usesOf(binding) : []) {
        const keyword = use.parent;
        if (keyword?.type === 'keyword_argument' && keyword.childForFieldName('name')?.text === K.userAccounts) {
          const call = keyword.parent?.parent;
          if (call?.type === 'call') return { key: `py:call:${call.startIndex}`, span: spanOf(call) };
        }
        // `pool.user_accounts = accounts`
        const assignment = use.parent;
        const target =
          assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('right'), use) && assignment.childForFieldName('left');
        const pool = target && target.type === 'attribute' ? this.userAccountsOf(target, assignment) : undefined;
        if (pool) return pool;
      }
    }
    return undefined;
  }

  /** `holder.user_accounts` as an assignment's target: the holder's pool. */
  private userAccountsOf(target: Node, assignment: Node): { key: string; span: Span } | undefined {
    if (target.childForFieldName('attribute')?.text !== K.userAccounts) return undefined;
    const receiver = target.childForFieldName('object');
    const held = receiver ? this.evidence.held(receiver) : undefined;
    return held && held.batch !== 'no' && held.key ? { key: held.key, span: spanOf(assignment) } : undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Pools
  // ---------------------------------------------------------------------------------------------

  /**
   * Every pool the file builds (data-plane pools and azure-mgmt-batch's Pool), with what its
   * configuration says of the nodes' OS — written in place, through names, or set later — keyed as
   * the accounts defined on it are.
   */
  private collectPools(): void {
    const pools: PoolFact[] = [];
    for (const className of [...PYTHON.poolTypes, ...PYTHON.mgmtPoolTypes]) {
      for (const { call, nameNode, cls } of this.evidence.constructionsOf(className)) {
        // Each plane's own pool classes: azure.mgmt.batch.models has no PoolAddParameter, azure.batch.models no Pool.
        if ((PYTHON.mgmtPoolTypes as readonly string[]).includes(className) !== (cls.plane === 'mgmt')) continue;
        pools.push(this.poolFact(call, nameNode, className, cls.plane, cls.confidence));
      }
    }
    this.facts.pools.push(...pools.sort((a, b) => a.span.start - b.span.start));
  }

  private poolFact(call: Node, nameNode: Node, className: string, plane: PythonPlane, confidence: Confidence): PoolFact {
    // A job that names the pool by id is judged against its accounts: not when the list may hold
    // accounts the file does not show (as JSON and TypeScript pools give no id then).
    const list = this.accountListOf(call);
    const id =
      plane === 'data' && !this.writes.writtenOutOfPlace(call, [TP.id]) && !('unseen' in list && list.unseen)
        ? this.fieldsOf(call, className, plane, [TP.id]).get(TP.id)
        : undefined;
    const fact: PoolFact = {
      span: spanOf(call),
      nameSpan: spanOf(nameNode),
      key: `py:call:${call.startIndex}`,
      ...(id && id.value.type !== 'none' && { id: this.values.value(id.value, true) }),
      confidence,
    };
    const configurations = [P.deploymentConfiguration, P.cloudServiceConfiguration, P.virtualMachineConfiguration];
    if (this.writes.writtenOutOfPlace(call, configurations)) return fact;
    const pool = this.fieldsOf(call, className, plane, configurations);
    // Management pools hold both configurations under deployment_configuration.
    const deployment = this.nestedModel(pool.get(P.deploymentConfiguration), 'deploymentConfiguration', plane, [
      P.cloudServiceConfiguration,
      P.virtualMachineConfiguration,
    ]);
    const configuration = (keyword: string) => pool.get(keyword) ?? deployment?.fields.get(keyword);
    const cloudService = this.nestedModel(configuration(P.cloudServiceConfiguration), 'cloudServiceConfiguration', plane, []);
    const vm = this.nestedModel(configuration(P.virtualMachineConfiguration), 'virtualMachineConfiguration', plane, [
      P.nodeAgentSkuId,
      P.imageReference,
      P.windowsConfiguration,
    ]);
    const image = this.nestedModel(vm?.fields.get(P.imageReference), 'imageReference', plane, [P.publisher, P.offer, P.sku]);
    const windows = this.nestedModel(vm?.fields.get(P.windowsConfiguration), 'windowsConfiguration', plane, []);
    // A configuration changed in a branch or elsewhere may say another OS there: the pool's OS is not known.
    if ([deployment, vm, image].some((model) => model?.outOfPlace)) return fact;
    const sku = vm?.fields.get(P.nodeAgentSkuId);
    const imageValue = (keyword: string) => {
      const node = image?.fields.get(keyword)?.value;
      return node && node.type !== 'none' ? this.values.value(node, true) : undefined;
    };
    return {
      ...fact,
      ...(cloudService && { cloudServiceConfiguration: cloudService.nameSpan }),
      ...(sku && sku.value.type !== 'none' && { nodeAgentSkuId: this.values.value(sku.value, true) }),
      ...(image && { image: { publisher: imageValue(P.publisher), offer: imageValue(P.offer), sku: imageValue(P.sku) } }),
      ...(windows && { windowsConfiguration: windows.nameSpan }),
    };
  }

  /**
   * The pool configuration model a field holds, when it is a construction of the model's class (in
   * place or through a name): its fields, where the field is named (what a finding points at), and
   * whether one of `keywords` is also written where the write cannot be placed.
   */
  private nestedModel(
    field: Argument | undefined,
    model: keyof typeof PYTHON.poolModels,
    plane: PythonPlane,
    keywords: readonly string[],
  ): { fields: Map<string, Argument>; nameSpan: Span; outOfPlace: boolean } | undefined {
    const className = PYTHON.poolModels[model];
    const call = field && this.evidence.constructionBehind(field.value, className);
    if (!call) return undefined;
    return {
      fields: this.fieldsOf(call, className, plane, keywords),
      nameSpan: spanOf(field.name ?? calleeName(call)),
      outOfPlace: this.writes.writtenOutOfPlace(call, keywords),
    };
  }
}

/** List methods that add to a list: an account added with them is defined where the list goes. */
const LIST_ADDITIONS = new Set(['append', 'insert', 'extend']);
