/**
 * Java facts: builder chains of com.microsoft.azure.batch (fluent `withX`), com.azure.compute.batch
 * (bean-style `setX`) and the management SDKs com.azure.resourcemanager.batch and
 * com.microsoft.azure.management.batch (fluent) → identity and pool facts. Work starts at the anchor
 * words' occurrences and walks up and across from there; a big file costs a parse and little more.
 * Whether an object is Batch's is asked of evidence.ts, the same way for every fact; which object a
 * later call reaches, of paths.ts; what the renderer will need is planned (plan.ts).
 */
import type { TaskKind } from '../../batch/model';
import { JAVA, JAVA_GENERATIONS, validSpellings, type JavaPoolProperty, type JavaProperty, type JavaSdk } from '../../batch/sdks';
import {
  emptyFacts,
  type Confidence,
  type Facts,
  type Holder,
  type BuilderCallFact,
  type PoolFact,
  type RunElevatedFact,
  type UserAccountFact,
  type Value,
} from '../../engine/facts';
import type { TextEdit } from '../../engine/language';
import { accountFact, identityFact, type ModelField, type WrittenModel } from '../toolkit/models';
import { Plans } from '../toolkit/plans';
import { Words } from '../toolkit/text';
import { field, nodesNamed, sameNode, spanOf, type Node, type Tree } from '../toolkit/treeSitter';
import { BatchEvidence, type ObjectState, type TypeOrigin } from './evidence';
import { FileImports, sdkOfPackage } from './imports';
import { gettersOf, ObjectPaths, propertyOfSetter } from './paths';
import { callMove, callRemoval, conditionText, type FilePlan, type MoveTarget, type RunElevatedPlan } from './plan';
import { SymbolTable, type Declaration } from './scope';
import { chainFrom, chainThrough, isBuilderName, leadingBuilders, namedChildren, simpleTypeNode, type Chain, type Segment } from './syntax';
import { JavaValues } from './values';
import { placeOnPool, type TaskPool } from '../toolkit/taskPools';

/** Calls made on one constructed object: its own chain and later statements on its variable. */
interface ObjectCalls extends MoveTarget {
  readonly creation: Node;
  readonly typeNode: Node;
  readonly type: string;
  readonly origin: TypeOrigin;
  readonly declaration?: Declaration;
  /**
   * Follow-up chains on the variable (`id.withAutoUser(…)`) and on the expressions that stand for
   * the object elsewhere (`task.userIdentity().withAutoUser(…)`, `users.get(0).withName(…)`), each
   * with its builder calls, in document order.
   */
  readonly followUps: readonly Segment[][];
  /** Where the variable is passed as an argument later (`users.add(admin)`). */
  readonly passedAs: readonly Node[];
  /** Every expression standing for the object, its own chain's outermost call first (what escape is judged on). */
  readonly handles: readonly Node[];
}

const TP = JAVA.taskPool;
/** The holder key of an object built here (`EvidenceOf.creationKey`): its variable, else its creation. */
function keyOfObject(object: ObjectCalls): string {
  return object.declaration?.key ?? `java:new:${object.creation.startIndex}`;
}

const LIST_FACTORIES = new Set(['asList', 'of', 'singletonList', 'newArrayList', 'listOf']);
const LIST_ADD = 'add';

/** Method name → the property it sets, per identity class (both generations). */
const PROPERTY_BY_METHOD = new Map<string, JavaProperty>();
for (const sdk of Object.keys(JAVA.setters) as JavaSdk[]) {
  for (const [property, method] of Object.entries(JAVA.setters[sdk])) PROPERTY_BY_METHOD.set(method!, property as JavaProperty);
}
/** The model's neutral field for each Java property an identity model has. */
const MODEL_FIELD: Partial<Record<JavaProperty, ModelField>> = {
  userName: 'userName',
  autoUser: 'autoUser',
  scope: 'scope',
  elevationLevel: 'elevation',
  name: 'name',
  password: 'password',
  linuxUserConfiguration: 'linux',
  windowsUserConfiguration: 'windows',
  uid: 'uid',
  gid: 'gid',
  sshPrivateKey: 'sshPrivateKey',
  loginMode: 'loginMode',
};
/** The class a nested model field holds. */
const NESTED_CLASS: Partial<Record<ModelField, string>> = {
  autoUser: JAVA.classes.autoUser,
  linux: JAVA.classes.linux,
  windows: JAVA.classes.windows,
};
const IDENTITY_CLASSES = new Set<string>(Object.values(JAVA.classes));
const SDKS = Object.keys(JAVA.setters) as JavaSdk[];
const USER_IDENTITY_SETTERS = new Set(SDKS.map((sdk) => JAVA.setters[sdk].userIdentity!));
const USER_ACCOUNTS_SETTERS = new Set(SDKS.map((sdk) => JAVA.setters[sdk].userAccounts!));
const COMMAND_LINE_SETTERS = new Set(SDKS.map((sdk) => JAVA.setters[sdk].commandLine!));
/** The property a user identity is given under: its getters (`userIdentity()`, `getUserIdentity()`) may complete it anywhere. */
const USER_IDENTITY_PROPERTY = propertyOfSetter(JAVA.setters.legacy.userIdentity!);
/** Pool configuration builder method → the property it sets. */
const POOL_PROPERTY_BY_METHOD = new Map<string, JavaPoolProperty>();
for (const [property, methods] of Object.entries(JAVA.poolConfiguration.setters))
  for (const method of methods) POOL_PROPERTY_BY_METHOD.set(method, property as JavaPoolProperty);

export function collectFacts(text: string, tree: Tree): { facts: Facts; plan: FilePlan } {
  return new JavaFacts(text, tree).run();
}

class JavaFacts {
  private readonly words: Words;
  private readonly imports: FileImports;
  private readonly symbols: SymbolTable;
  private readonly evidence: BatchEvidence;
  private readonly values: JavaValues;
  private readonly paths: ObjectPaths;
  private readonly facts = emptyFacts();
  private readonly runElevatedPlans = new Plans<RunElevatedPlan>();
  private readonly moves = new Plans<TextEdit[] | undefined>();
  /** Identity creation offset → the holder it is given to (first use wins). */
  private readonly holderOfIdentity = new Map<number, Holder>();
  private readonly objectCache = new Map<number, ObjectCalls | undefined>();
  /** The pool each task runs on where the code says, by holder key (null: said two ways); computed once. */
  private taskPoolCache?: Map<string, TaskPool | null>;

  constructor(
    private readonly text: string,
    private readonly tree: Tree,
  ) {
    this.words = new Words(text);
    this.imports = new FileImports(tree);
    this.symbols = new SymbolTable(tree, this.words);
    this.evidence = new BatchEvidence(this.imports, this.symbols);
    this.values = new JavaValues(text, this.symbols, this.evidence);
    this.paths = new ObjectPaths(tree, this.words, this.symbols);
  }

  run(): { facts: Facts; plan: FilePlan } {
    this.collectIdentityHolders();
    this.collectRunElevated();
    this.collectIdentities();
    this.collectAccounts();
    this.collectPools();
    this.collectEnumRefs();
    this.collectBuilderCalls();
    this.collectTasks();
    const declaredTypes = new Set<string>();
    if (this.facts.runElevated.length > 0) {
      for (const name of [JAVA.classes.userIdentity, JAVA.classes.autoUser, ...Object.keys(JAVA.enums)])
        if (this.symbols.declaresType(name)) declaredTypes.add(name);
    }
    const plan: FilePlan = {
      text: this.text,
      imports: this.imports.info(declaredTypes),
      runElevated: this.runElevatedPlans,
      moves: this.moves,
    };
    return { facts: this.facts, plan };
  }

  /** Method invocations named `name`, found from the word (declarations, comments, strings excluded). */
  private callsNamed(name: string): Node[] {
    const calls: Node[] = [];
    for (const nameNode of nodesNamed(this.tree, this.words, name)) {
      const call = nameNode.parent;
      if (call?.type === 'method_invocation' && sameNode(field(call, 'name'), nameNode)) calls.push(call);
    }
    return calls;
  }

  /** Everything done to one constructed object (cached: identities, accounts and checks share it). */
  private objectCalls(creation: Node): ObjectCalls | undefined {
    if (this.objectCache.has(creation.id)) return this.objectCache.get(creation.id);
    const typeNode = field(creation, 'type');
    const type = this.evidence.typeOf(typeNode);
    let result: ObjectCalls | undefined;
    if (typeNode && type) {
      const chain = chainFrom(creation);
      const builders = leadingBuilders(chain.segments);
      const builderOuter = builders.length > 0 ? builders[builders.length - 1].call : creation;
      const declaration = builders.length === chain.segments.length ? this.symbols.assignedTo(chain.outer) : undefined;
      const followUps: Segment[][] = [];
      const passedAs: Node[] = [];
      const handles: Node[] = [builderOuter];
      const uses = declaration ? this.symbols.usesOf(declaration) : [];
      const followUp = (expression: Node) => {
        const calls = this.paths.buildersOn(expression);
        if (calls.length > 0) followUps.push(calls);
        handles.push(this.paths.afterBuilders(expression));
      };
      for (const use of uses) {
        const parent = use.parent;
        if (parent?.type === 'method_invocation' && sameNode(field(parent, 'object'), use)) {
          const calls = leadingBuilders(chainThrough(parent).segments);
          if (calls.length > 0) followUps.push(calls);
          handles.push(calls.length > 0 ? calls[calls.length - 1].call : use);
        } else {
          if (parent?.type === 'argument_list') passedAs.push(use);
          handles.push(use);
        }
      }
      for (const alias of this.paths.aliasesOf(creation, uses)) {
        followUp(alias);
        for (const use of this.paths.localUses(this.paths.afterBuilders(alias))) followUp(use);
      }
      followUps.sort((a, b) => a[0].call.startIndex - b[0].call.startIndex);
      result = {
        creation,
        typeNode: simpleTypeNode(typeNode),
        type: type.name,
        origin: type.origin,
        chain: { root: creation, segments: builders, outer: builderOuter },
        builderEnd: builderOuter.endIndex,
        declaration,
        calls: [...builders, ...followUps.flat()],
        followUps,
        passedAs,
        handles,
      };
    }
    this.objectCache.set(creation.id, result);
    return result;
  }

  /** The last value given to each property of the object's class (by the methods of its generation, or of any when it is unknown). */
  private propertiesOf(object: ObjectCalls): Map<JavaProperty, Segment> {
    const sdk = this.sdkOf(object.origin);
    const own = new Set((sdk ? [sdk] : SDKS).flatMap((generation) => JAVA.methods[generation][object.type] ?? []));
    const properties = new Map<JavaProperty, Segment>();
    for (const segment of object.calls) {
      const property = PROPERTY_BY_METHOD.get(segment.name);
      if (property && own.has(segment.name) && segment.args.length === 1) properties.set(property, segment);
    }
    return properties;
  }

  /**
   * Whether code out of sight may complete the object: it, or an expression standing for it, is
   * returned, handed to a method, stored in a field or a list — anything but a statement, a local,
   * a builder's argument or a call made on it.
   */
  private escapes(object: ObjectCalls): boolean {
    if (object.declaration?.isField) return true;
    return object.handles.some((handle) => {
      const use = this.paths.useOf(handle);
      return use.kind === 'escapes' || use.kind === 'added';
    });
  }

  // -- runElevated --------------------------------------------------------------------------------

  /** Objects given a user identity (whatever its value), and which identity creation each receives. */
  private collectIdentityHolders(): void {
    for (const name of USER_IDENTITY_SETTERS) {
      for (const call of this.callsNamed(name)) {
        const chain = chainThrough(call);
        const index = chain.segments.findIndex((s) => sameNode(s.call, call));
        const state = this.evidence.receiverOf(chain, index, call);
        const segment = chain.segments[index];
        this.facts.identityAssignments.push({
          span: { start: segment.dot?.startIndex ?? segment.nameNode.startIndex, end: call.endIndex },
          nameSpan: spanOf(segment.nameNode),
          holder: this.holderOf(state),
        });
        const arg = segment.args[0];
        const creation = arg && this.symbols.creationBehind(arg);
        if (creation && !this.holderOfIdentity.has(creation.startIndex))
          this.holderOfIdentity.set(creation.startIndex, this.holderOf(state));
      }
    }
  }

  private holderOf(state: ObjectState): Holder {
    const taskKind: TaskKind | undefined = state.origin.batch === 'yes' && state.type ? JAVA.taskTypes[state.type] : undefined;
    const pool = this.taskPools().get(state.key);
    return { key: state.key, taskKind, typeName: state.type, ...(pool && { pool }) };
  }

  // -- which pool a task runs on ------------------------------------------------------------------

  /**
   * The pool each task runs on where the code says it plainly (`Holder.pool`), by the holder keys
   * the task goes by (its variable or creation, or `pool.startTask()`): a start task given by
   * `withStartTask`/`setStartTask` to a pool built here runs on that pool; a job's own tasks
   * (`withJobManagerTask`, …) on the pool its pool information names by id. A task placed two ways
   * (one task given to two pools) is placed nowhere. Computed once.
   */
  private taskPools(): Map<string, TaskPool | null> {
    if (this.taskPoolCache) return this.taskPoolCache;
    const found = new Map<string, TaskPool | null>();
    this.taskPoolCache = found;
    const place = (key: string, pool: TaskPool) => placeOnPool(found, key, pool);
    const placeTask = (owner: ObjectCalls, getter: string, setters: readonly Segment[], pool: TaskPool) => {
      place(`${keyOfObject(owner)}.${getter}`, pool);
      for (const setter of setters) {
        const task = this.onlyCreation(setter.args[0]);
        if (task && JAVA.taskTypes[task.type]) place(keyOfObject(task), pool);
      }
    };
    for (const type of TP.poolTypes) {
      for (const pool of this.creationsOf(type)) {
        const starts = pool.calls.filter((s) => (TP.startTask as readonly string[]).includes(s.name) && s.args.length === 1);
        const lists = pool.calls.filter((s) => USER_ACCOUNTS_SETTERS.has(s.name) && s.args.length === 1);
        if (starts.length === 0 || lists.length !== 1) continue;
        const shown = !pool.declaration?.isField && this.isShownAccountList(lists[0].args[0]) && !this.accountListRead();
        placeTask(pool, 'startTask', starts, {
          key: `java:pool:${this.listKeyOfArgument(lists[0].args[0])}`,
          ...(!shown && { unseen: true }),
        });
      }
    }
    for (const type of TP.jobTypes) {
      for (const job of this.creationsOf(type)) {
        const infos = job.calls.filter((s) => (TP.poolInfo as readonly string[]).includes(s.name) && s.args.length === 1);
        const info = infos.length === 1 ? this.onlyCreation(infos[0].args[0]) : undefined;
        if (!info || !(TP.poolInfoTypes as readonly string[]).includes(info.type)) continue;
        if (info.calls.some((s) => (TP.autoPool as readonly string[]).includes(s.name))) continue;
        const ids = info.calls.filter((s) => (TP.poolId as readonly string[]).includes(s.name) && s.args.length === 1);
        const id = ids.length === 1 ? this.values.valueOf(ids[0].args[0]) : undefined;
        if (id?.kind !== 'string') continue;
        for (const getter of new Set(Object.values(TP.jobTasks))) {
          placeTask(
            job,
            getter,
            job.calls.filter((s) => TP.jobTasks[s.name] === getter && s.args.length === 1),
            { id },
          );
        }
      }
    }
    return found;
  }

  /** The object a value is, built here: in place, or a local variable given it once and never assigned again. */
  private onlyCreation(value: Node): ObjectCalls | undefined {
    if (value.type === 'identifier') {
      const declaration = this.symbols.referenceDeclaration(value);
      if (!declaration || declaration.isField) return undefined;
      const assignments = this.symbols
        .usesOf(declaration)
        .filter((use) => use.parent?.type === 'assignment_expression' && sameNode(field(use.parent, 'left'), use));
      if (assignments.length + (declaration.valueNode ? 1 : 0) !== 1) return undefined;
    } else if (value.type !== 'object_creation_expression' && value.type !== 'method_invocation') return undefined;
    const creation = this.symbols.creationBehind(value);
    const object = creation && this.objectCalls(creation);
    return object && object.origin.batch === 'yes' ? object : undefined;
  }

  /**
   * A list written out in place (`Arrays.asList(…)`, `List.of(…)`, `Collections.singletonList(…)`),
   * every element an account built here: a list held in a variable, copied into an `ArrayList`, or
   * holding anything else may have accounts the file does not show.
   */
  private isShownAccountList(list: Node): boolean {
    if (list.type !== 'method_invocation' || !LIST_FACTORIES.has(field(list, 'name')?.text ?? '')) return false;
    return namedChildren(field(list, 'arguments')).every((element) => this.onlyCreation(element)?.type === JAVA.classes.userAccount);
  }

  /** Some code reads a pool's account list (`pool.userAccounts().add(…)`, `getUserAccounts()`): it may add accounts. */
  private accountListRead(): boolean {
    return TP.accountListGetters.some((getter) => this.callsNamed(getter).length > 0);
  }

  private collectRunElevated(): void {
    const found: { fact: RunElevatedFact; plan: RunElevatedPlan }[] = [];
    for (const name of [JAVA.runElevated.fluent, JAVA.runElevated.bean]) {
      for (const call of this.callsNamed(name)) {
        const chain = chainThrough(call);
        const index = chain.segments.findIndex((s) => sameNode(s.call, call));
        const segment = chain.segments[index];
        if (segment.args.length !== 1) continue;
        const state = this.evidence.receiverOf(chain, index, call);
        const value = this.values.valueOf(segment.args[0]);
        const confidence = this.runElevatedConfidence(state, chain, value);
        if (!confidence) continue;
        found.push({
          fact: {
            form: 'call',
            span: { start: segment.nameNode.startIndex, end: call.endIndex },
            nameSpan: spanOf(segment.nameNode),
            value,
            holder: this.holderOf(state),
            confidence,
          },
          plan: {
            sdk: (state.origin.batch === 'yes' ? sdkOfPackage(state.origin.pkg) : undefined) ?? this.imports.fileSdk,
            condition: conditionText(segment.args[0], value.text),
            removal: callRemoval(this.text, segment),
          },
        });
      }
    }
    found.sort((a, b) => a.fact.span.start - b.fact.span.start);
    for (const { fact: seen, plan } of found) {
      // What this SDK generation does with runElevated (hovers say it).
      const fact = plan.sdk ? { ...seen, generation: JAVA_GENERATIONS[plan.sdk] } : seen;
      this.facts.runElevated.push(fact);
      this.runElevatedPlans.set(fact, plan);
    }
  }

  /**
   * strong: called on a Batch task model; weak: on an object of unknown type in a file that
   * imports Batch (and no look-alike service), with the unmistakable shape — a boolean literal in
   * a chain that also sets the command line. Anything else is someone else's runElevated.
   */
  private runElevatedConfidence(state: ObjectState, chain: Chain, value: Value): Confidence | undefined {
    if (state.origin.batch === 'yes') return state.type && JAVA.taskTypes[state.type] ? 'strong' : undefined;
    if (state.origin.batch === 'no') return undefined;
    const shaped = value.kind === 'bool' && chain.segments.some((s) => COMMAND_LINE_SETTERS.has(s.name));
    return shaped && this.imports.batchImported && !this.imports.otherServiceImported ? 'weak' : undefined;
  }

  // -- identities ---------------------------------------------------------------------------------

  /** Creations of `type` that come from Batch, in document order. */
  private creationsOf(type: string): ObjectCalls[] {
    const found: ObjectCalls[] = [];
    for (const node of nodesNamed(this.tree, this.words, type, 'type_identifier')) {
      let typeNode = node;
      if (typeNode.parent?.type === 'scoped_type_identifier') typeNode = typeNode.parent;
      const creation = typeNode.parent;
      if (creation?.type !== 'object_creation_expression' || !sameNode(field(creation, 'type'), typeNode)) continue;
      const object = this.objectCalls(creation);
      if (object && object.origin.batch === 'yes' && object.type === type) found.push(object);
    }
    return found;
  }

  /**
   * Every Batch user identity built here, with what its builder calls set — later ones included
   * (a getter on its holder, a local holding it). One that shows neither a user name nor an
   * auto-user but may be completed out of sight (it escapes, or a holder's user identity is
   * changed through a getter this file cannot follow) is not reported at all: what it holds is
   * not known.
   */
  private collectIdentities(): void {
    let unfollowedCompletion: boolean | undefined;
    for (const identity of this.creationsOf(JAVA.classes.userIdentity)) {
      const written = this.written(identity);
      if (written.value('userName') === undefined && written.value('autoUser') === undefined) {
        unfollowedCompletion ??= this.identityCompletedUnfollowed();
        if (this.escapes(identity) || (unfollowedCompletion && this.givenToHolder(identity))) continue;
      }
      this.facts.identities.push(identityFact(written, this.holderOfIdentity.get(identity.creation.startIndex), 'strong'));
    }
  }

  /** The identity is given to a holder (`task.withUserIdentity(identity)`). */
  private givenToHolder(identity: ObjectCalls): boolean {
    return identity.handles.some((handle) => {
      const use = this.paths.useOf(handle);
      return use.kind === 'given' && use.property === USER_IDENTITY_PROPERTY;
    });
  }

  /**
   * Somewhere a holder's user identity is read and changed (`pool.startTask().userIdentity().withAutoUser(…)`)
   * without this file showing which identity that is.
   */
  private identityCompletedUnfollowed(): boolean {
    const identities = new Set(this.creationsOf(JAVA.classes.userIdentity).map((o) => this.paths.creationKey(o.creation)));
    for (const name of gettersOf(USER_IDENTITY_PROPERTY)) {
      for (const call of this.paths.callsNamed(name)) {
        if (namedChildren(field(call, 'arguments')).length > 0) continue;
        const key = this.paths.keyOf(call);
        if (key && identities.has(key)) continue;
        const changed =
          this.paths.buildersOn(call).length > 0 || this.paths.useOf(call).kind !== 'here' || this.paths.localUses(call).length > 0;
        if (changed) return true;
      }
    }
    return false;
  }

  /**
   * A constructed model as written: the last value each of its builder calls gives a property of its
   * class (and, where the SDK takes them, its constructor arguments); nested models read the same way.
   */
  private written(object: ObjectCalls): WrittenModel {
    const setters = new Map<ModelField, Segment>();
    for (const [property, segment] of this.propertiesOf(object)) {
      const modelField = MODEL_FIELD[property];
      if (modelField) setters.set(modelField, segment);
    }
    const sdk = sdkOfPackage(object.origin.batch === 'yes' ? object.origin.pkg : undefined) ?? this.imports.fileSdk ?? 'new';
    const parameters = JAVA.constructorParameters[sdk]?.[object.type] ?? [];
    const byConstructor = new Map<ModelField, Node>();
    namedChildren(field(object.creation, 'arguments')).forEach((arg, i) => {
      const modelField = parameters[i] && MODEL_FIELD[parameters[i]];
      if (modelField) byConstructor.set(modelField, arg);
    });
    return {
      span: { start: object.creation.startIndex, end: object.builderEnd },
      nameSpan: spanOf(object.typeNode),
      value: (name) => {
        const node = setters.get(name)?.args[0] ?? byConstructor.get(name);
        return node && this.values.valueOf(node);
      },
      nested: (name) => {
        const segment = setters.get(name);
        const creation = segment && this.symbols.creationBehind(segment.args[0]);
        const nested = creation && this.objectCalls(creation);
        return nested && nested.type === NESTED_CLASS[name] ? this.written(nested) : undefined;
      },
      nameOf: (name) => {
        const segment = setters.get(name);
        return segment && spanOf(segment.nameNode);
      },
    };
  }

  // -- tasks ------------------------------------------------------------------------------------

  /** Every Batch task model built here (`new TaskAddParameter()…`, `new StartTask()…`), whatever its identity. */
  private collectTasks(): void {
    for (const [type, taskKind] of Object.entries(JAVA.taskTypes)) {
      for (const task of this.creationsOf(type)) {
        const state = this.evidence.receiverOf(chainFrom(task.creation), 0, task.creation);
        this.facts.tasks.push({
          span: { start: task.creation.startIndex, end: task.builderEnd },
          nameSpan: spanOf(task.typeNode),
          holder: { ...this.holderOf(state), taskKind },
          confidence: 'strong',
        });
      }
    }
    this.facts.tasks.sort((a, b) => a.span.start - b.span.start);
  }

  // -- accounts -----------------------------------------------------------------------------------

  private collectAccounts(): void {
    for (const account of this.creationsOf(JAVA.classes.userAccount)) {
      this.facts.accounts.push(accountFact(this.written(account), this.poolOf(account), 'strong'));
    }
  }

  /** The list an account is put in (`users.add(a)`, `Arrays.asList(a, b)`): accounts of one pool share it. */
  private poolOf(account: ObjectCalls): UserAccountFact['pool'] {
    const expressions = account.declaration ? account.passedAs : [account.chain.outer];
    for (const expression of expressions) {
      const key = this.listKeyOf(expression);
      if (key) return { key: `java:pool:${key}` };
    }
    return undefined;
  }

  private listKeyOf(element: Node): string | undefined {
    const parent = element.parent;
    if (parent?.type === 'array_initializer') {
      return this.storedKey(parent.parent?.type === 'array_creation_expression' ? parent.parent : parent);
    }
    const call = parent?.type === 'argument_list' ? parent.parent : undefined;
    if (call?.type !== 'method_invocation') return undefined;
    const name = field(call, 'name')?.text ?? '';
    if (name === LIST_ADD) {
      const list = field(call, 'object');
      if (!list) return undefined;
      return this.symbols.referenceDeclaration(list)?.key ?? `java:expr:${list.startIndex}`;
    }
    return LIST_FACTORIES.has(name) ? this.storedKey(call) : undefined;
  }

  /** The variable a list expression ends up in (through `new ArrayList<>(…)` copies), else the expression. */
  private storedKey(expression: Node): string {
    let e = expression;
    for (;;) {
      const parent = e.parent;
      if (parent?.type === 'argument_list' && parent.parent?.type === 'object_creation_expression') {
        e = parent.parent;
        continue;
      }
      return this.symbols.assignedTo(e)?.key ?? `java:list:${e.startIndex}`;
    }
  }

  // -- pools ------------------------------------------------------------------------------------

  /**
   * Pools given user accounts (`withUserAccounts(list)`, `setUserAccounts(list)`), with what their
   * configuration says of the nodes' OS: a Cloud Services configuration, the VM configuration's
   * node agent SKU, image publisher and Windows configuration — directly on the pool (data plane)
   * or under `withDeploymentConfiguration` (management). Raw values; the rule decides the OS. The
   * key is the one the accounts of that list carry.
   */
  private collectPools(): void {
    for (const name of USER_ACCOUNTS_SETTERS) {
      for (const call of this.callsNamed(name)) {
        const chain = chainThrough(call);
        const index = chain.segments.findIndex((s) => sameNode(s.call, call));
        const segment = chain.segments[index];
        if (segment.args.length !== 1) continue;
        const state = this.evidence.receiverOf(chain, index, call);
        if (state.origin.batch === 'no' || (state.origin.batch === 'unknown' && !this.imports.batchImported)) continue;
        const configuration = this.poolProperties(this.poolCalls(chain, index));
        const deployment = this.nestedCalls(configuration.get('deploymentConfiguration'));
        const inDeployment = deployment && this.poolProperties(deployment.calls);
        const find = (property: JavaPoolProperty) => configuration.get(property) ?? inDeployment?.get(property);
        const cloudService = find('cloudServiceConfiguration');
        const vm = this.nestedCalls(find('virtualMachineConfiguration'));
        const vmProperties = vm ? this.poolProperties(vm.calls) : new Map<JavaPoolProperty, Segment>();
        const vmArgument = (property: JavaPoolProperty) => {
          const position = vm ? (JAVA.poolConfiguration.constructorParameters[vm.type] ?? []).indexOf(property) : -1;
          return (
            vmProperties.get(property)?.args[0] ?? (position >= 0 ? namedChildren(field(vm!.creation, 'arguments'))[position] : undefined)
          );
        };
        const sku = vmArgument('nodeAgentSkuId');
        const imageNode = vmArgument('imageReference');
        const imageCreation = imageNode && this.symbols.creationBehind(imageNode);
        const image = imageCreation && this.objectCalls(imageCreation);
        const publisher = image && this.poolProperties(image.calls).get('publisher');
        const windows = vmProperties.get('windowsConfiguration');
        const pool: PoolFact = {
          span: { start: (chain.root ?? chain.segments[0].call).startIndex, end: chain.outer.endIndex },
          nameSpan: spanOf(segment.nameNode),
          key: `java:pool:${this.listKeyOfArgument(segment.args[0])}`,
          ...(cloudService && { cloudServiceConfiguration: spanOf(cloudService.nameNode) }),
          ...(sku && { nodeAgentSkuId: this.values.valueOf(sku) }),
          ...(publisher && { image: { publisher: this.values.valueOf(publisher.args[0]) } }),
          ...(windows && { windowsConfiguration: spanOf(windows.nameNode) }),
          confidence: state.origin.batch === 'yes' ? 'strong' : 'weak',
        };
        this.facts.pools.push(pool);
      }
    }
    this.facts.pools.sort((a, b) => a.span.start - b.span.start);
  }

  /**
   * The builder calls made on the pool a call belongs to: every call on the object when the chain
   * starts at its creation or a variable (a parameter's included), else the run of builder calls
   * around it (a definition chain, `defineNewPool(id).withX(…)…attach()`).
   */
  private poolCalls(chain: Chain, index: number): readonly Segment[] {
    const leading = chain.segments.slice(0, index).every((s) => isBuilderName(s.name));
    const creation = leading && chain.root ? this.symbols.creationBehind(chain.root) : undefined;
    const object = creation && this.objectCalls(creation);
    if (object) return object.calls;
    const declaration = leading && chain.root ? this.symbols.referenceDeclaration(chain.root) : undefined;
    if (declaration) {
      const calls: Segment[] = [];
      for (const use of this.symbols.usesOf(declaration)) {
        const parent = use.parent;
        if (parent?.type === 'method_invocation' && sameNode(field(parent, 'object'), use))
          calls.push(...leadingBuilders(chainThrough(parent).segments));
      }
      return calls;
    }
    let first = index;
    while (first > 0 && isBuilderName(chain.segments[first - 1].name)) first--;
    let last = index;
    while (last + 1 < chain.segments.length && isBuilderName(chain.segments[last + 1].name)) last++;
    return chain.segments.slice(first, last + 1);
  }

  /** The last call setting each pool configuration property, where its argument is not null. */
  private poolProperties(calls: readonly Segment[]): Map<JavaPoolProperty, Segment> {
    const found = new Map<JavaPoolProperty, Segment>();
    for (const segment of calls) {
      const property = POOL_PROPERTY_BY_METHOD.get(segment.name);
      if (!property || segment.args.length !== 1) continue;
      if (segment.args[0].type === 'null_literal') found.delete(property);
      else found.set(property, segment);
    }
    return found;
  }

  /** The calls on the object a configuration call is given, when it is built here. */
  private nestedCalls(segment: Segment | undefined): ObjectCalls | undefined {
    const creation = segment && this.symbols.creationBehind(segment.args[0]);
    return creation ? this.objectCalls(creation) : undefined;
  }

  /** The key of the list a pool is given: the one its accounts' `listKeyOf` gives. */
  private listKeyOfArgument(list: Node): string {
    return this.symbols.referenceDeclaration(list)?.key ?? this.storedKey(list);
  }

  // -- enums --------------------------------------------------------------------------------------

  private collectEnumRefs(): void {
    for (const enumName of Object.keys(JAVA.enums) as (keyof typeof JAVA.enums)[]) {
      for (const node of nodesNamed(this.tree, this.words, enumName)) {
        let typeExpression: Node = node;
        const parent = node.parent;
        // `a.b.ElevationLevel.ADMIN`: the name is the field of the qualifier.
        if (parent?.type === 'field_access' && sameNode(field(parent, 'field'), node)) typeExpression = parent;
        const access = typeExpression.parent;
        if (access?.type !== 'field_access' || !sameNode(field(access, 'object'), typeExpression)) continue;
        const value = this.values.enumValueOf(access);
        if (value) this.facts.enumRefs.push({ value, valid: validSpellings(JAVA.enums, value.enum) });
      }
    }
    this.facts.enumRefs.sort((a, b) => a.value.span.start - b.value.span.start);
  }

  // -- builder calls on identity objects ---------------------------------------------------------

  /** Every builder call made on an identity object: created here, or declared with its type (a parameter, a field). */
  private collectBuilderCalls(): void {
    const seen = new Set<number>();
    const push = (fact: BuilderCallFact, move: TextEdit[] | undefined) => {
      if (seen.has(fact.nameSpan.start)) return;
      seen.add(fact.nameSpan.start);
      this.facts.builderCalls.push(fact);
      this.moves.set(fact, move);
    };
    for (const type of IDENTITY_CLASSES) {
      for (const object of this.creationsOf(type)) {
        const sdk = this.sdkOf(object.origin);
        this.reportCalls(object.type, sdk, object.chain.segments, push, object.chain);
        for (const calls of object.followUps) this.reportCalls(object.type, sdk, calls, push);
      }
      for (const declaration of this.declarationsOfType(type)) {
        const declared = this.evidence.typeOf(declaration.typeNode);
        if (declared?.origin.batch !== 'yes') continue;
        if (declaration.valueNode && this.symbols.creationBehind(declaration.valueNode, false)) continue;
        for (const use of this.symbols.usesOf(declaration)) {
          const parent = use.parent;
          if (parent?.type !== 'method_invocation' || !sameNode(field(parent, 'object'), use)) continue;
          this.reportCalls(type, this.sdkOf(declared.origin), leadingBuilders(chainThrough(parent).segments), push);
        }
      }
    }
    this.facts.builderCalls.sort((a, b) => a.span.start - b.span.start);
  }

  private sdkOf(origin: TypeOrigin): JavaSdk | undefined {
    return sdkOfPackage(origin.batch === 'yes' ? origin.pkg : undefined) ?? this.imports.fileSdk;
  }

  /** Variables and parameters declared with `type` (not created here). */
  private declarationsOfType(type: string): Declaration[] {
    const found: Declaration[] = [];
    for (const node of nodesNamed(this.tree, this.words, type, 'type_identifier')) {
      const holder = node.parent;
      if (!holder || !sameNode(field(holder, 'type'), node)) continue;
      if (holder.type === 'local_variable_declaration' || holder.type === 'field_declaration') {
        for (const declarator of holder.childrenForFieldName('declarator')) {
          const name = declarator && field(declarator, 'name');
          const declaration = name && this.symbols.declarationOf(name);
          if (declaration) found.push(declaration);
        }
      } else if (holder.type === 'formal_parameter') {
        const name = field(holder, 'name');
        const declaration = name && this.symbols.declarationOf(name);
        if (declaration) found.push(declaration);
      }
    }
    return found;
  }

  /**
   * Builder calls on an object of `type`, each with the identity classes of its generation that have
   * the method (the model's answer; misplaced-call judges). Where another class has it, the move onto
   * an argument of that class built in place is planned for calls of the creation's own chain;
   * elsewhere the shape is not clear enough to move anything.
   */
  private reportCalls(
    type: string,
    sdk: JavaSdk | undefined,
    calls: readonly Segment[],
    push: (fact: BuilderCallFact, move: TextEdit[] | undefined) => void,
    chain?: Chain,
  ): void {
    for (const [index, segment] of calls.entries()) {
      const generation = sdk ?? (Object.keys(JAVA.setterPrefix) as JavaSdk[]).find((g) => segment.name.startsWith(JAVA.setterPrefix[g]));
      if (!generation) continue;
      const methods = JAVA.methods[generation];
      // A class the model does not describe for this generation: nothing to say of its methods.
      if (!methods[type]) continue;
      const owners = Object.keys(methods).filter((cls) => methods[cls].includes(segment.name));
      const others = owners.filter((cls) => cls !== type);
      const target = chain && others.length > 0 ? this.moveTarget(calls, index, others) : undefined;
      push(
        {
          span: { start: segment.dot?.startIndex ?? segment.nameNode.startIndex, end: segment.call.endIndex },
          nameSpan: spanOf(segment.nameNode),
          method: segment.name,
          receiverType: type,
          ownerTypes: target ? [target.type, ...owners.filter((cls) => cls !== target.type)] : owners,
        },
        target && chain ? callMove(this.text, chain, index, target) : undefined,
      );
    }
  }

  /** The nearest earlier call whose argument is built in place as an object of an owner class. */
  private moveTarget(calls: readonly Segment[], index: number, owners: readonly string[]): ObjectCalls | undefined {
    for (let i = index - 1; i >= 0; i--) {
      const arg = calls[i].args.length === 1 ? calls[i].args[0] : undefined;
      const creation = arg && this.symbols.creationBehind(arg, false);
      const object = creation && this.objectCalls(creation);
      if (object && owners.includes(object.type) && sameNode(object.chain.outer, arg)) return object;
    }
    return undefined;
  }
}
