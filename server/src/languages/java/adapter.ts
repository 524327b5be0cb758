/**
 * Java adapter: builder chains of com.microsoft.azure.batch (fluent `withX`) and
 * com.azure.compute.batch (bean-style `setX`) → identity facts. Work starts at the anchor words'
 * occurrences and walks up and across from there; a big file costs a parse and little more.
 *
 * Evidence of Batch is one question asked the same way for every fact: does the chain start at a
 * type that comes from a Batch package (imported, fully qualified, or the file's own package)?
 * Batch AI (`…management.batchai`, with its own fluent withRunElevated) never counts.
 */
import type { TaskKind } from '../../batch/model';
import { JAVA, JAVA_GENERATIONS, validSpellings, type JavaProperty, type JavaSdk } from '../../batch/sdks';
import { detectEol, lineStart } from '../../engine/edits';
import {
  emptyFacts,
  type AutoUserFact,
  type Confidence,
  type Facts,
  type Holder,
  type IdentityFact,
  type LinuxUserFact,
  type MisplacedCallFact,
  type RunElevatedFact,
  type Span,
  type UserAccountFact,
  type Value,
} from '../../engine/facts';
import type { TextEdit } from '../../engine/language';
import { wordOccurrences, type Node, type Tree } from '../treeSitterSupport';
import type { ImportsInfo } from './imports';
import {
  chainFrom,
  chainThrough,
  field,
  isBuilderName,
  isPlainReference,
  JavaSyntax,
  namedChildren,
  OTHER,
  same,
  sdkOfPackage,
  UNKNOWN,
  wordsIn,
  type Chain,
  type Declaration,
  type Origin,
  type Segment,
} from './syntax';
import { JavaValues } from './values';

/** What the renderer needs for one runElevated, worked out while the tree is at hand. */
export interface RunElevatedPlan {
  /** The generation a replacement is written for; undefined when the file does not say. */
  readonly sdk?: JavaSdk;
  /** The condition as a replacement writes it (parenthesised where `?:` would bind it wrongly). */
  readonly condition?: string;
  /** Edits removing the call (or its statement); undefined when no removal keeps the code valid. */
  readonly removal?: TextEdit[];
}

export interface JavaContext {
  readonly text: string;
  readonly imports: ImportsInfo;
  /** By the runElevated name's offset. */
  readonly runElevated: ReadonlyMap<number, RunElevatedPlan>;
  /** By the misplaced method name's offset: the move, or undefined when its shape is not clear. */
  readonly misplaced: ReadonlyMap<number, TextEdit[] | undefined>;
  /** Holder keys of objects that are given a user identity somewhere in the file. */
  readonly identityHolders: ReadonlySet<string>;
}

/** The object a call is made on: its type when known, where that type comes from, and who it is. */
interface ObjectState {
  readonly type?: string;
  readonly origin: Origin;
  readonly key: string;
}

/** Calls made on one constructed object: its own chain and later statements on its variable. */
interface ObjectCalls {
  readonly creation: Node;
  readonly typeNode: Node;
  readonly type: string;
  readonly origin: Origin;
  /** The builder part of the creation's chain. */
  readonly chain: Chain;
  readonly builderEnd: number;
  readonly declaration?: Declaration;
  /** Builder calls on the object, in order (the creation's chain first). */
  readonly calls: readonly Segment[];
  /** Follow-up chains on the variable (`id.withAutoUser(…)`), each with its builder calls. */
  readonly followUps: readonly Segment[][];
  /** Where the variable is passed as an argument later (`users.add(admin)`). */
  readonly passedAs: readonly Node[];
}

const LIST_FACTORIES = new Set(['asList', 'of', 'singletonList', 'newArrayList', 'listOf']);
const LIST_ADD = 'add';
/** Conditions that `c ? a : b` would split differently unless parenthesised. */
const LOOSE_EXPRESSIONS = new Set(['ternary_expression', 'assignment_expression', 'lambda_expression']);

/** Method name → the property it sets, per identity class (both generations). */
const PROPERTY_BY_METHOD = new Map<string, JavaProperty>();
for (const sdk of Object.keys(JAVA.setters) as JavaSdk[]) {
  for (const [property, method] of Object.entries(JAVA.setters[sdk])) PROPERTY_BY_METHOD.set(method!, property as JavaProperty);
}
const IDENTITY_CLASSES = new Set<string>(Object.values(JAVA.classes));
const USER_IDENTITY_SETTERS = new Set((Object.keys(JAVA.setters) as JavaSdk[]).map((sdk) => JAVA.setters[sdk].userIdentity!));
const COMMAND_LINE_SETTERS = new Set((Object.keys(JAVA.setters) as JavaSdk[]).map((sdk) => JAVA.setters[sdk].commandLine!));

function spanOf(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}

function isBlank(s: string): boolean {
  return /^[ \t\r]*$/.test(s);
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
}

export function analyzeJava(text: string, tree: Tree): { facts: Facts; context: JavaContext } {
  return new JavaAdapter(text, tree).run();
}

class JavaAdapter {
  private readonly syntax: JavaSyntax;
  private readonly values: JavaValues;
  private readonly facts = emptyFacts();
  private readonly runElevatedPlans = new Map<number, RunElevatedPlan>();
  private readonly misplacedPlans = new Map<number, TextEdit[] | undefined>();
  private readonly identityHolders = new Set<string>();
  /** Identity creation offset → the holder it is given to (first use wins). */
  private readonly holderOfIdentity = new Map<number, Holder>();
  private readonly objectCache = new Map<number, ObjectCalls | undefined>();

  constructor(
    private readonly text: string,
    tree: Tree,
  ) {
    this.syntax = new JavaSyntax(text, tree);
    this.values = new JavaValues(this.syntax);
  }

  run(): { facts: Facts; context: JavaContext } {
    this.collectIdentityHolders();
    this.collectRunElevated();
    this.collectIdentities();
    this.collectAccounts();
    this.collectEnumRefs();
    this.collectMisplacedCalls();
    const declaredTypes = new Set<string>();
    if (this.facts.runElevated.length > 0) {
      for (const name of [JAVA.classes.userIdentity, JAVA.classes.autoUser, ...Object.keys(JAVA.enums)])
        if (this.syntax.declaresType(name)) declaredTypes.add(name);
    }
    const context: JavaContext = {
      text: this.text,
      imports: {
        imports: this.syntax.imports,
        packageName: this.syntax.packageName,
        packageEnd: this.syntax.packageSpan?.end,
        firstDeclarationStart: this.syntax.firstDeclarationStart,
        declaredTypes,
        broken: this.syntax.importsBroken,
      },
      runElevated: this.runElevatedPlans,
      misplaced: this.misplacedPlans,
      identityHolders: this.identityHolders,
    };
    return { facts: this.facts, context };
  }

  // -- where calls are made ---------------------------------------------------------------------

  /** Method invocations named `name`, found from the word (declarations, comments, strings excluded). */
  private callsNamed(name: string): Node[] {
    const calls: Node[] = [];
    for (const offset of wordOccurrences(this.text, name)) {
      const nameNode = this.syntax.nodeAt(offset, offset + name.length);
      const call = nameNode?.parent;
      if (nameNode?.type === 'identifier' && call?.type === 'method_invocation' && same(field(call, 'name'), nameNode)) calls.push(call);
    }
    return calls;
  }

  /** The object a chain's root is, before any call. */
  private rootState(chain: Chain, anchor: Node): ObjectState {
    const root = chain.root;
    if (!root || root.type === 'this') {
      const superclass = this.syntax.enclosingSuperclass(anchor);
      return superclass
        ? { type: superclass.name, origin: superclass.origin, key: `java:this:${superclass.classNode.startIndex}` }
        : { origin: OTHER, key: `java:this:${anchor.startIndex}` };
    }
    switch (root.type) {
      case 'object_creation_expression': {
        const type = this.syntax.typeOf(field(root, 'type'));
        return { type: type?.name, origin: type?.origin ?? OTHER, key: this.creationKey(chain, root) };
      }
      case 'identifier':
      case 'field_access': {
        const declaration = this.referenceDeclaration(root);
        if (declaration) {
          const type = this.declaredType(declaration);
          return { type: type?.name, origin: type?.origin ?? UNKNOWN, key: declaration.key };
        }
        // The documentation's shorthand `CloudTask.withRunElevated(true)` names the type itself.
        const named = root.type === 'identifier' ? this.syntax.originOfName(root.text) : UNKNOWN;
        if (named.kind === 'batch' && JAVA.taskTypes[root.text])
          return { type: root.text, origin: named, key: `java:name:${this.scopeStart(root)}:${root.text}` };
        return root.type === 'identifier'
          ? { origin: UNKNOWN, key: `java:name:${this.scopeStart(root)}:${root.text}` }
          : { origin: UNKNOWN, key: `java:expr:${root.startIndex}` };
      }
      case 'parenthesized_expression': {
        const inner = namedChildren(root)[0];
        return inner ? this.rootState({ ...chain, root: inner }, anchor) : { origin: UNKNOWN, key: `java:expr:${root.startIndex}` };
      }
      case 'cast_expression': {
        const type = this.syntax.typeOf(field(root, 'type'));
        const value = field(root, 'value');
        const key =
          value && isPlainReference(value) ? this.rootState({ ...chain, root: value }, anchor).key : `java:expr:${root.startIndex}`;
        return { type: type?.name, origin: type?.origin ?? UNKNOWN, key };
      }
      default:
        return { origin: UNKNOWN, key: `java:expr:${root.startIndex}` };
    }
  }

  /** The state of the object that segment `index` of the chain is called on. */
  private stateBefore(chain: Chain, index: number, anchor: Node): ObjectState {
    let state = this.rootState(chain, anchor);
    for (let i = 0; i < index; i++) {
      const segment = chain.segments[i];
      if (isBuilderName(segment.name)) continue;
      const held = JAVA.taskGetters[segment.name];
      if (held && state.origin.kind === 'batch' && segment.args.length === 0) {
        state = { type: held, origin: state.origin, key: `${state.key}.${segment.name}` };
      } else {
        state = { origin: UNKNOWN, key: `java:call:${segment.call.startIndex}` };
      }
    }
    return state;
  }

  /** A created object is its variable when the whole builder chain is assigned to one. */
  private creationKey(chain: Chain, creation: Node): string {
    const builders = chain.segments.every((s) => isBuilderName(s.name));
    const declaration = builders ? this.assignedTo(chain.outer) : undefined;
    return declaration?.key ?? `java:new:${creation.startIndex}`;
  }

  /** The variable an expression is stored in (`T x = e;`, `x = e;`, `this.x = e;`). */
  private assignedTo(expression: Node): Declaration | undefined {
    const parent = expression.parent;
    if (parent?.type === 'variable_declarator' && same(field(parent, 'value'), expression)) {
      const name = field(parent, 'name');
      return name ? this.syntax.declarationOf(name) : undefined;
    }
    if (parent?.type === 'assignment_expression' && same(field(parent, 'right'), expression)) {
      const left = field(parent, 'left');
      return left ? this.referenceDeclaration(left) : undefined;
    }
    return undefined;
  }

  /** The declaration behind `x` or `this.x`. */
  private referenceDeclaration(node: Node): Declaration | undefined {
    if (node.type === 'identifier') return this.syntax.declarationOf(node);
    if (node.type === 'field_access' && field(node, 'object')?.type === 'this') {
      const name = field(node, 'field');
      return name ? this.syntax.fieldOf(node, name.text) : undefined;
    }
    return undefined;
  }

  /** A declaration's type; for `var`, the type its initializer creates. */
  private declaredType(declaration: Declaration): { name: string; origin: Origin } | undefined {
    if (declaration.typeNode && declaration.typeNode.text !== 'var') return this.syntax.typeOf(declaration.typeNode);
    const creation = declaration.valueNode && this.creationBehind(declaration.valueNode, false);
    return creation ? this.syntax.typeOf(field(creation, 'type')) : undefined;
  }

  private scopeStart(node: Node): number {
    for (let n = node.parent; n; n = n.parent) {
      if (
        n.type === 'method_declaration' ||
        n.type === 'constructor_declaration' ||
        n.type === 'lambda_expression' ||
        n.type === 'class_body'
      )
        return n.startIndex;
    }
    return 0;
  }

  /**
   * The object creation an expression stands for: `new T()…builders`, or a variable initialised
   * with one (followed once).
   */
  private creationBehind(expression: Node, followVariables = true): Node | undefined {
    if (expression.type === 'object_creation_expression') return expression;
    if (expression.type === 'method_invocation') {
      const chain = chainThrough(expression);
      if (
        chain.root?.type === 'object_creation_expression' &&
        same(chain.outer, expression) &&
        chain.segments.every((s) => isBuilderName(s.name))
      )
        return chain.root;
      return undefined;
    }
    if (followVariables && (expression.type === 'identifier' || expression.type === 'field_access')) {
      const declaration = this.referenceDeclaration(expression);
      const initial = declaration?.valueNode && this.creationBehind(declaration.valueNode, false);
      if (initial) return initial;
      // Declared empty and assigned once later: `T x; … x = new T()…;`
      return declaration ? this.assignedCreation(declaration) : undefined;
    }
    return undefined;
  }

  private assignedCreation(declaration: Declaration): Node | undefined {
    for (const use of this.usesOf(declaration)) {
      const parent = use.parent;
      if (parent?.type === 'assignment_expression' && same(field(parent, 'left'), use)) {
        const right = field(parent, 'right');
        return right && this.creationBehind(right, false);
      }
    }
    return undefined;
  }

  /** Identifiers after the declaration, in its scope, that refer to it. */
  private usesOf(declaration: Declaration): Node[] {
    const uses: Node[] = [];
    const from = declaration.isField ? declaration.scope.startIndex : declaration.nameNode.endIndex;
    for (const offset of wordsIn(this.text, declaration.name, from, declaration.scope.endIndex)) {
      if (offset === declaration.nameNode.startIndex) continue;
      const node = this.syntax.nodeAt(offset, offset + declaration.name.length);
      if (node?.type !== 'identifier') continue;
      const reference =
        node.parent?.type === 'field_access' && same(field(node.parent, 'field'), node) && field(node.parent, 'object')?.type === 'this'
          ? node.parent
          : node;
      if (reference === node && node.parent?.type === 'field_access' && same(field(node.parent, 'field'), node)) continue;
      if (this.referenceDeclaration(reference)?.key === declaration.key) uses.push(reference);
    }
    return uses;
  }

  /** Everything done to one constructed object (cached: identities, accounts and checks share it). */
  private objectCalls(creation: Node): ObjectCalls | undefined {
    if (this.objectCache.has(creation.id)) return this.objectCache.get(creation.id);
    const typeNode = field(creation, 'type');
    const type = this.syntax.typeOf(typeNode);
    let result: ObjectCalls | undefined;
    if (typeNode && type) {
      const chain = chainFrom(creation);
      const builders: Segment[] = [];
      for (const segment of chain.segments) {
        if (!isBuilderName(segment.name)) break;
        builders.push(segment);
      }
      const builderOuter = builders.length > 0 ? builders[builders.length - 1].call : creation;
      const declaration = builders.length === chain.segments.length ? this.assignedTo(chain.outer) : undefined;
      const followUps: Segment[][] = [];
      const passedAs: Node[] = [];
      if (declaration) {
        for (const use of this.usesOf(declaration)) {
          const parent = use.parent;
          if (parent?.type === 'method_invocation' && same(field(parent, 'object'), use)) {
            const calls: Segment[] = [];
            for (const segment of chainThrough(parent).segments) {
              if (!isBuilderName(segment.name)) break;
              calls.push(segment);
            }
            if (calls.length > 0) followUps.push(calls);
          } else if (parent?.type === 'argument_list') {
            passedAs.push(use);
          }
        }
      }
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
      };
    }
    this.objectCache.set(creation.id, result);
    return result;
  }

  /** The last value given to each property of the object's class. */
  private propertiesOf(object: ObjectCalls): Map<JavaProperty, Segment> {
    const own = new Set([...(JAVA.methods.legacy[object.type] ?? []), ...(JAVA.methods.new[object.type] ?? [])]);
    const properties = new Map<JavaProperty, Segment>();
    for (const segment of object.calls) {
      const property = PROPERTY_BY_METHOD.get(segment.name);
      if (property && own.has(segment.name) && segment.args.length === 1) properties.set(property, segment);
    }
    return properties;
  }

  private argumentValue(segment: Segment | undefined): Value | undefined {
    return segment ? this.values.valueOf(segment.args[0]) : undefined;
  }

  // -- runElevated --------------------------------------------------------------------------------

  /** Objects given a user identity, and which identity creation each receives. */
  private collectIdentityHolders(): void {
    for (const name of USER_IDENTITY_SETTERS) {
      for (const call of this.callsNamed(name)) {
        const chain = chainThrough(call);
        const index = chain.segments.findIndex((s) => same(s.call, call));
        const state = this.stateBefore(chain, index, call);
        this.identityHolders.add(state.key);
        const arg = chain.segments[index].args[0];
        const creation = arg && this.creationBehind(arg);
        if (creation && !this.holderOfIdentity.has(creation.startIndex))
          this.holderOfIdentity.set(creation.startIndex, this.holderOf(state));
      }
    }
  }

  private holderOf(state: ObjectState): Holder {
    const taskKind: TaskKind | undefined = state.origin.kind === 'batch' && state.type ? JAVA.taskTypes[state.type] : undefined;
    return { key: state.key, taskKind, typeName: state.type };
  }

  private collectRunElevated(): void {
    const found: { fact: RunElevatedFact; plan: RunElevatedPlan }[] = [];
    for (const name of [JAVA.runElevated.fluent, JAVA.runElevated.bean]) {
      for (const call of this.callsNamed(name)) {
        const chain = chainThrough(call);
        const index = chain.segments.findIndex((s) => same(s.call, call));
        const segment = chain.segments[index];
        if (segment.args.length !== 1) continue;
        const state = this.stateBefore(chain, index, call);
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
            sdk: (state.origin.kind === 'batch' ? sdkOfPackage(state.origin.pkg) : undefined) ?? this.syntax.fileSdk,
            condition: LOOSE_EXPRESSIONS.has(segment.args[0].type) ? `(${value.text})` : value.text,
            removal: this.removal(segment),
          },
        });
      }
    }
    found.sort((a, b) => a.fact.span.start - b.fact.span.start);
    for (const { fact, plan } of found) {
      this.facts.runElevated.push(plan.sdk ? { ...fact, generation: JAVA_GENERATIONS[plan.sdk] } : fact);
      this.runElevatedPlans.set(fact.nameSpan.start, plan);
    }
  }

  /**
   * strong: called on a Batch task model; weak: on an object of unknown type in a file that
   * imports Batch (and no look-alike service), with the unmistakable shape — a boolean literal in
   * a chain that also sets the command line. Anything else is someone else's runElevated.
   */
  private runElevatedConfidence(state: ObjectState, chain: Chain, value: Value): Confidence | undefined {
    if (state.origin.kind === 'batch') return state.type && JAVA.taskTypes[state.type] ? 'strong' : undefined;
    if (state.origin.kind === 'other') return undefined;
    const shaped = value.kind === 'bool' && chain.segments.some((s) => COMMAND_LINE_SETTERS.has(s.name));
    return shaped && this.syntax.batchImported && !this.syntax.otherServiceImported ? 'weak' : undefined;
  }

  /** Edits that take a runElevated call out while keeping the code valid and its lines in place. */
  private removal(segment: Segment): TextEdit[] | undefined {
    const text = this.text;
    const call = segment.call;
    const object = field(call, 'object');
    const statement = call.parent?.type === 'expression_statement' ? call.parent : undefined;
    if (statement && (!object || isPlainReference(object))) return [{ span: removalOfStatement(text, spanOf(statement)), newText: '' }];
    if (!object || !segment.dot) return undefined;
    const dotStart = segment.dot.startIndex;
    const end = call.endIndex;
    const gap = text.slice(object.endIndex, dotStart);
    const before = text.slice(lineStart(text, dotStart), dotStart);
    const after = text.slice(end, lineEnd(text, end));
    if (gap.includes('\n') && isBlank(before) && isBlank(after)) {
      const stop = lineEnd(text, end);
      return [{ span: { start: lineStart(text, dotStart), end: stop < text.length ? stop + 1 : stop }, newText: '' }];
    }
    const laterCallOnLine = after.trimStart().startsWith('.');
    if (/^\s*$/.test(gap) && !(gap.includes('\n') && laterCallOnLine)) return [{ span: { start: object.endIndex, end }, newText: '' }];
    return [{ span: { start: dotStart, end }, newText: '' }];
  }

  // -- identities ---------------------------------------------------------------------------------

  /** Creations of `type` that come from Batch, in document order. */
  private creationsOf(type: string): ObjectCalls[] {
    const found: ObjectCalls[] = [];
    for (const offset of wordOccurrences(this.text, type)) {
      const node = this.syntax.nodeAt(offset, offset + type.length);
      if (node?.type !== 'type_identifier') continue;
      let typeNode = node;
      if (typeNode.parent?.type === 'scoped_type_identifier') typeNode = typeNode.parent;
      const creation = typeNode.parent;
      if (creation?.type !== 'object_creation_expression' || !same(field(creation, 'type'), typeNode)) continue;
      const object = this.objectCalls(creation);
      if (object && object.origin.kind === 'batch' && object.type === type) found.push(object);
    }
    return found;
  }

  private collectIdentities(): void {
    for (const identity of this.creationsOf(JAVA.classes.userIdentity)) {
      const properties = this.propertiesOf(identity);
      const autoUserSegment = properties.get('autoUser');
      let autoUser: IdentityFact['autoUser'];
      if (autoUserSegment) {
        const arg = autoUserSegment.args[0];
        const spec = this.creationBehind(arg);
        const specCalls = spec && this.objectCalls(spec);
        autoUser =
          specCalls && specCalls.type === JAVA.classes.autoUser ? this.autoUserFact(specCalls) : { reference: this.values.valueOf(arg) };
      }
      this.facts.identities.push({
        span: { start: identity.creation.startIndex, end: identity.builderEnd },
        nameSpan: spanOf(identity.typeNode),
        holder: this.holderOfIdentity.get(identity.creation.startIndex),
        userName: this.argumentValue(properties.get('userName')),
        autoUser,
        confidence: 'strong',
      });
    }
  }

  private autoUserFact(spec: ObjectCalls): AutoUserFact {
    const properties = this.propertiesOf(spec);
    return {
      span: { start: spec.creation.startIndex, end: spec.builderEnd },
      scope: this.argumentValue(properties.get('scope')),
      elevation: this.argumentValue(properties.get('elevationLevel')),
    };
  }

  // -- accounts -----------------------------------------------------------------------------------

  private collectAccounts(): void {
    for (const account of this.creationsOf(JAVA.classes.userAccount)) {
      const properties = this.propertiesOf(account);
      const constructorArgs = namedChildren(field(account.creation, 'arguments'));
      const byConstructor = new Map<JavaProperty, Value>();
      const sdk = sdkOfPackage(account.origin.kind === 'batch' ? account.origin.pkg : undefined) ?? this.syntax.fileSdk ?? 'new';
      const parameters = JAVA.constructorParameters[sdk]?.[account.type] ?? [];
      constructorArgs.forEach((arg, i) => {
        if (parameters[i]) byConstructor.set(parameters[i], this.values.valueOf(arg));
      });
      const value = (property: JavaProperty) => this.argumentValue(properties.get(property)) ?? byConstructor.get(property);
      this.facts.accounts.push({
        span: { start: account.creation.startIndex, end: account.builderEnd },
        nameSpan: spanOf(account.typeNode),
        name: value('name'),
        password: value('password'),
        elevation: value('elevationLevel'),
        linux: this.linuxOf(account, properties),
        windows: this.windowsOf(properties),
        pool: this.poolOf(account),
        confidence: 'strong',
      });
    }
  }

  private linuxOf(account: ObjectCalls, properties: Map<JavaProperty, Segment>): LinuxUserFact | undefined {
    const segment = properties.get('linuxUserConfiguration');
    const creation = segment && this.creationBehind(segment.args[0]);
    const linux = creation && this.objectCalls(creation);
    if (linux && linux.type === JAVA.classes.linux) {
      const own = this.propertiesOf(linux);
      return {
        span: { start: linux.creation.startIndex, end: linux.builderEnd },
        nameSpan: spanOf(linux.typeNode),
        uid: this.argumentValue(own.get('uid')),
        gid: this.argumentValue(own.get('gid')),
        sshPrivateKey: this.argumentValue(own.get('sshPrivateKey')),
      };
    }
    // 2017-01-01.4.0 (SDK v1.0.0) had the key on the account itself.
    const key = properties.get('sshPrivateKey');
    if (key)
      return {
        span: { start: account.creation.startIndex, end: account.builderEnd },
        nameSpan: spanOf(key.nameNode),
        sshPrivateKey: this.argumentValue(key),
      };
    return undefined;
  }

  private windowsOf(properties: Map<JavaProperty, Segment>): UserAccountFact['windows'] {
    const segment = properties.get('windowsUserConfiguration');
    const creation = segment && this.creationBehind(segment.args[0]);
    const windows = creation && this.objectCalls(creation);
    if (!windows || windows.type !== JAVA.classes.windows) return undefined;
    return {
      span: { start: windows.creation.startIndex, end: windows.builderEnd },
      nameSpan: spanOf(windows.typeNode),
      loginMode: this.argumentValue(this.propertiesOf(windows).get('loginMode')),
    };
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
      return this.referenceDeclaration(list)?.key ?? `java:expr:${list.startIndex}`;
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
      return this.assignedTo(e)?.key ?? `java:list:${e.startIndex}`;
    }
  }

  // -- enums --------------------------------------------------------------------------------------

  private collectEnumRefs(): void {
    for (const enumName of Object.keys(JAVA.enums) as (keyof typeof JAVA.enums)[]) {
      for (const offset of wordOccurrences(this.text, enumName)) {
        const node = this.syntax.nodeAt(offset, offset + enumName.length);
        if (node?.type !== 'identifier') continue;
        let typeExpression: Node = node;
        const parent = node.parent;
        // `a.b.ElevationLevel.ADMIN`: the name is the field of the qualifier.
        if (parent?.type === 'field_access' && same(field(parent, 'field'), node)) typeExpression = parent;
        const access = typeExpression.parent;
        if (access?.type !== 'field_access' || !same(field(access, 'object'), typeExpression)) continue;
        const value = this.values.enumValueOf(access);
        if (value) this.facts.enumRefs.push({ value, valid: validSpellings(JAVA.enums, value.enum) });
      }
    }
    this.facts.enumRefs.sort((a, b) => a.value.span.start - b.value.span.start);
  }

  // -- misplaced calls ----------------------------------------------------------------------------

  private collectMisplacedCalls(): void {
    const seen = new Set<number>();
    const push = (fact: MisplacedCallFact, plan: TextEdit[] | undefined) => {
      if (seen.has(fact.nameSpan.start)) return;
      seen.add(fact.nameSpan.start);
      this.facts.misplacedCalls.push(fact);
      this.misplacedPlans.set(fact.nameSpan.start, plan);
    };
    for (const type of IDENTITY_CLASSES) {
      for (const object of this.creationsOf(type)) {
        const sdk = this.sdkOf(object.origin);
        this.checkCalls(object.type, sdk, object.chain.segments, push, object.chain);
        for (const calls of object.followUps) this.checkCalls(object.type, sdk, calls, push);
      }
      for (const declaration of this.declarationsOfType(type)) {
        const declared = this.syntax.typeOf(declaration.typeNode);
        if (declared?.origin.kind !== 'batch') continue;
        if (declaration.valueNode && this.creationBehind(declaration.valueNode, false)) continue;
        for (const use of this.usesOf(declaration)) {
          const parent = use.parent;
          if (parent?.type !== 'method_invocation' || !same(field(parent, 'object'), use)) continue;
          const calls: Segment[] = [];
          for (const segment of chainThrough(parent).segments) {
            if (!isBuilderName(segment.name)) break;
            calls.push(segment);
          }
          this.checkCalls(type, this.sdkOf(declared.origin), calls, push);
        }
      }
    }
    this.facts.misplacedCalls.sort((a, b) => a.span.start - b.span.start);
  }

  private sdkOf(origin: Origin): JavaSdk | undefined {
    return sdkOfPackage(origin.kind === 'batch' ? origin.pkg : undefined) ?? this.syntax.fileSdk;
  }

  /** Variables and parameters declared with `type` (not created here). */
  private declarationsOfType(type: string): Declaration[] {
    const found: Declaration[] = [];
    for (const offset of wordOccurrences(this.text, type)) {
      const node = this.syntax.nodeAt(offset, offset + type.length);
      if (node?.type !== 'type_identifier') continue;
      const holder = node.parent;
      if (!holder || !same(field(holder, 'type'), node)) continue;
      if (holder.type === 'local_variable_declaration' || holder.type === 'field_declaration') {
        for (const declarator of holder.childrenForFieldName('declarator')) {
          const name = declarator && field(declarator, 'name');
          const declaration = name && this.syntax.declarationOf(name);
          if (declaration) found.push(declaration);
        }
      } else if (holder.type === 'formal_parameter') {
        const name = field(holder, 'name');
        const declaration = name && this.syntax.declarationOf(name);
        if (declaration) found.push(declaration);
      }
    }
    return found;
  }

  /**
   * Builder calls on an object of `type` that its class does not have but another identity class
   * does (`withScope` on UserIdentity). The move into an in-place argument is planned for calls of
   * the creation's own chain; elsewhere the shape is not clear enough to move anything.
   */
  private checkCalls(
    type: string,
    sdk: JavaSdk | undefined,
    calls: readonly Segment[],
    push: (fact: MisplacedCallFact, plan: TextEdit[] | undefined) => void,
    chain?: Chain,
  ): void {
    for (const [index, segment] of calls.entries()) {
      const generation = sdk ?? (Object.keys(JAVA.setterPrefix) as JavaSdk[]).find((g) => segment.name.startsWith(JAVA.setterPrefix[g]));
      if (!generation) continue;
      const methods = JAVA.methods[generation];
      if (!methods[type] || methods[type].includes(segment.name)) continue;
      const owners = Object.keys(methods).filter((cls) => cls !== type && methods[cls].includes(segment.name));
      if (owners.length === 0) continue;
      const target = chain ? this.moveTarget(calls, index, owners) : undefined;
      const ownerType = target?.type ?? owners[0];
      push(
        {
          span: { start: segment.dot?.startIndex ?? segment.nameNode.startIndex, end: segment.call.endIndex },
          nameSpan: spanOf(segment.nameNode),
          method: segment.name,
          receiverType: type,
          ownerType,
        },
        target && chain ? this.movePlan(chain, index, target) : undefined,
      );
    }
  }

  /** The nearest earlier call whose argument is built in place as an object of an owner class. */
  private moveTarget(calls: readonly Segment[], index: number, owners: readonly string[]): ObjectCalls | undefined {
    for (let i = index - 1; i >= 0; i--) {
      const arg = calls[i].args.length === 1 ? calls[i].args[0] : undefined;
      const creation = arg && this.creationBehind(arg, false);
      const object = creation && this.objectCalls(creation);
      if (object && owners.includes(object.type) && same(object.chain.outer, arg)) return object;
    }
    return undefined;
  }

  /**
   * Moves `.withScope(…)` to the end of the argument it belongs in, on a line of its own when it
   * had one (indented like the argument's last call), else inline. Undefined when a comment sits
   * in the way or the target already makes the same call.
   */
  private movePlan(chain: Chain, index: number, target: ObjectCalls): TextEdit[] | undefined {
    const text = this.text;
    const segment = chain.segments[index];
    if (!segment.dot) return undefined;
    if (target.calls.some((c) => c.name === segment.name)) return undefined;
    const previousEnd = index > 0 ? chain.segments[index - 1].call.endIndex : chain.root!.endIndex;
    const gap = text.slice(previousEnd, segment.dot.startIndex);
    if (!/^\s*$/.test(gap)) return undefined;
    const moved = text.slice(segment.dot.startIndex, segment.call.endIndex);
    let insertion = moved;
    if (gap.includes('\n')) {
      const last = target.chain.segments[target.chain.segments.length - 1];
      const lastLine = last?.dot ? text.slice(lineStart(text, last.dot.startIndex), last.dot.startIndex) : undefined;
      if (lastLine !== undefined && isBlank(lastLine)) {
        insertion = detectEol(text) + lastLine + moved;
      }
    }
    return [
      { span: { start: target.builderEnd, end: target.builderEnd }, newText: insertion },
      { span: { start: previousEnd, end: segment.call.endIndex }, newText: '' },
    ];
  }
}

/** The simple name inside a (possibly qualified or generic) type: where hovers anchor. */
function simpleTypeNode(typeNode: Node): Node {
  if (typeNode.type === 'scoped_type_identifier') {
    const parts = namedChildren(typeNode);
    return parts[parts.length - 1] ?? typeNode;
  }
  if (typeNode.type === 'generic_type') return simpleTypeNode(namedChildren(typeNode)[0] ?? typeNode);
  return typeNode;
}

/** A statement's removal: its whole line when alone on it, else the statement and the spaces beside it. */
function removalOfStatement(text: string, statement: Span): Span {
  const start = lineStart(text, statement.start);
  const stop = lineEnd(text, statement.end);
  const before = text.slice(start, statement.start);
  const after = text.slice(statement.end, stop);
  if (isBlank(before) && isBlank(after)) return { start, end: stop < text.length ? stop + 1 : stop };
  if (isBlank(after)) {
    let s = statement.start;
    while (s > start && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
    return { start: s, end: statement.end };
  }
  let e = statement.end;
  while (e < stop && (text[e] === ' ' || text[e] === '\t')) e++;
  return { start: statement.start, end: e };
}
