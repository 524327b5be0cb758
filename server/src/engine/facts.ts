/**
 * Identity facts: the language-neutral picture of a file that adapters produce and rules read.
 * Adapters know syntax and nothing of rules; rules know Batch and nothing of syntax. Every span is a
 * pair of UTF-16 offsets into the document text (the same unit LSP positions use), end exclusive.
 */
import type { CanonicalMember, EnumName, SdkGeneration, TaskKind } from '../batch/model';
import type { StringQuote, ValueDialect } from '../batch/sdks';

// The languages are the language table's rows (common/languages.ts).
export { LANGUAGE_IDS, type LanguageId } from '../../../common/languages';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** An expression as written, with what the adapter could tell about its value. */
export type Value =
  | { readonly kind: 'bool'; readonly value: boolean; readonly span: Span; readonly text: string }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span; readonly text: string }
  | { readonly kind: 'number'; readonly value: number; readonly span: Span; readonly text: string }
  | { readonly kind: 'null'; readonly span: Span; readonly text: string }
  | {
      readonly kind: 'enum';
      readonly enum: EnumName;
      /** The member as written (`NONADMIN`, `non_admin`, `"Admin"`). */
      readonly member: string;
      /** The canonical member when `member` is a valid spelling for this file's SDK/dialect. */
      readonly canonical?: CanonicalMember;
      readonly span: Span;
      /** Span of the member name alone (what an enum fix replaces). */
      readonly memberSpan: Span;
      readonly text: string;
    }
  | {
      readonly kind: 'expr';
      readonly span: Span;
      readonly text: string;
      /** What the expression is known to be, when the adapter recognises it. */
      readonly hint?: ExprHint;
    };

/**
 * `secret`: a look-up of a secret or setting (environment, key vault, configuration, ARM parameter);
 * `guid`: a GUID generator (`new Guid().ToString()`, `uuid.uuid4()`, …);
 * `reference`: a variable/constant whose value the adapter resolved elsewhere.
 */
export type ExprHint = 'secret' | 'guid' | 'reference';

/** How sure an adapter is that a construct belongs to Azure Batch. */
export type Confidence = 'strong' | 'weak';

/**
 * The object a property belongs to. Two facts with the same holder key describe the same object
 * (the same task), which is how a rule notices runElevated beside an existing userIdentity.
 */
export interface Holder {
  readonly key: string;
  readonly taskKind?: TaskKind;
  /** Type name as written, when known (`CloudTask`, `StartTask`, a JSON path). */
  readonly typeName?: string;
  /**
   * The pool the holder's task runs on, when the code says which (unknown-user judges a named user
   * against that pool's accounts): `key`, a pool of this file — the `PoolFact.key` and
   * `UserAccountFact.pool.key` of a start task's own pool or a job's auto-pool; `id`, the pool id a
   * job names (`poolInfo.poolId`), matched against `PoolFact.id` in this file and elsewhere.
   * `unseen`: the pool's list holds accounts the file does not show (an ARM expression element, a
   * spread, a variable, accounts added later in code), so no name can be said to be missing from it.
   */
  readonly pool?: { readonly key: string; readonly unseen?: boolean } | { readonly id: Value };
}

export interface RunElevatedFact {
  /**
   * assign: `x.RunElevated = e` / `x.run_elevated = e`; member: `RunElevated = e` in an object
   * initializer; read: the value is read, not set; call: `.withRunElevated(e)` / `setRunElevated(e)`;
   * keyword: `run_elevated=e`; property: a JSON `"runElevated": e`.
   */
  readonly form: 'assign' | 'member' | 'read' | 'call' | 'keyword' | 'property';
  /** The text a fix replaces. */
  readonly span: Span;
  /** The name itself: where the squiggle goes. */
  readonly nameSpan: Span;
  /** The value set; absent for reads. */
  readonly value?: Value;
  readonly holder: Holder;
  readonly confidence: Confidence;
  /**
   * JSON: the name of a later `"runElevated"` key of the same object. With duplicate keys most JSON
   * readers keep only the last (RFC 8259 §4), so this one says nothing.
   */
  readonly overriddenBy?: Span;
  /**
   * The SDK generation or JSON dialect of the object, when the adapter can tell: messages and the
   * hover spell names the way that generation does and say what it does with runElevated.
   */
  readonly generation?: SdkGeneration;
  /**
   * Where the language lets a file choose its string quote (TypeScript/JavaScript): the quote the
   * fix writes values in here. Messages and the hover quote values the same way.
   */
  readonly quote?: StringQuote;
}

export interface AutoUserFact {
  readonly span: Span;
  readonly scope?: Value;
  readonly elevation?: Value;
}

/**
 * A holder is given a user identity, whatever the value: an identity built in place, a variable, an
 * expression, null. Whether the holder already has one is this fact, in every language.
 */
export interface IdentityAssignmentFact {
  /** The assignment, property, keyword argument or setter call that gives it. */
  readonly span: Span;
  /** The name it is given under (`UserIdentity`, `user_identity`, `withUserIdentity`, `"userIdentity"`). */
  readonly nameSpan: Span;
  readonly holder: Holder;
}

export interface IdentityFact {
  /** The identity construction (`new UserIdentity(…)`, `UserIdentity(…)`, a JSON object). */
  readonly span: Span;
  /** Where hovers anchor: the type name or the `userIdentity` key. */
  readonly nameSpan: Span;
  /** The task (or other object) that holds this identity, when it is assigned to one. */
  readonly holder?: Holder;
  /** Named user; an empty string counts as set. */
  readonly userName?: Value;
  /** Auto-user: its specification when written in place, else the expression. */
  readonly autoUser?: AutoUserFact | { readonly reference: Value };
  readonly confidence: Confidence;
}

/**
 * A task model built here — a task, start task, job manager, preparation or release task — and the
 * object its identity facts hold (the same `holder.key`): what "runs as" hints and the outline show.
 * A task whose identity is set nowhere in view runs as the default auto-user.
 */
export interface TaskFact {
  /** The construction (`new CloudTask(…)` with its initializer or builder chain, a call, a JSON object). */
  readonly span: Span;
  /** Where the task is named: its type name, or its JSON key (the object itself in an array). */
  readonly nameSpan: Span;
  readonly holder: Holder & { readonly taskKind: TaskKind };
  readonly confidence: Confidence;
}

export interface UserAccountFact {
  readonly span: Span;
  readonly nameSpan: Span;
  readonly name?: Value;
  readonly password?: Value;
  readonly elevation?: Value;
  readonly linux?: LinuxUserFact;
  readonly windows?: { readonly span: Span; readonly nameSpan: Span; readonly loginMode?: Value };
  /** Accounts with the same pool key are defined on the same pool. */
  readonly pool?: { readonly key: string; readonly span?: Span };
  readonly confidence: Confidence;
}

export interface LinuxUserFact {
  readonly span: Span;
  readonly nameSpan: Span;
  readonly uid?: Value;
  readonly gid?: Value;
  readonly sshPrivateKey?: Value;
}

/** A reference to an identity enum member (`ElevationLevel.Admin`, `"elevationLevel": "admin"`). */
export interface EnumRefFact {
  readonly value: Extract<Value, { kind: 'enum' }>;
  /** The spellings valid here, canonical → written; from the model for this file's SDK/dialect. */
  readonly valid: { readonly [canonical: string]: string };
  /**
   * JSON, and JavaScript values the SDK types as strings: the dialect `valid` is from — a string
   * value no compiler checks. Set only where the adapter is sure of the dialect or assumes one
   * (then `confidence` is weak). Absent: a member the compiler or the SDK checks.
   */
  readonly dialect?: ValueDialect;
  /** Weak: the dialect is the likely reading of a document with no evidence of its kind. Absent: sure. */
  readonly confidence?: Confidence;
  /**
   * Where the language lets a file choose its string quote (TypeScript/JavaScript): the value's own
   * quote, which its fix keeps. Messages and hovers quote members the same way.
   */
  readonly quote?: StringQuote;
}

/**
 * A builder call on an identity object (Java's `withX` / `setX` chains), with what the model says of
 * the method. Whether it is made on the wrong object (`withScope` on UserIdentity) is the rule's
 * judgement (misplaced-call).
 */
export interface BuilderCallFact {
  /** From the `.` before the method to the call's end: what a move takes. */
  readonly span: Span;
  readonly nameSpan: Span;
  readonly method: string;
  /** The identity class of the object the call is made on. */
  readonly receiverType: string;
  /**
   * The identity classes that have the method in the receiver's SDK generation, the receiver's
   * own among them when it has it; the one a fix could move the call onto first.
   */
  readonly ownerTypes: readonly string[];
}

/**
 * A pool the code configures, with what it says of the nodes' operating system — raw values as
 * written; which OS they mean is the model's and the rule's judgement (os-mismatch).
 */
export interface PoolFact {
  /** The pool's construction or object. */
  readonly span: Span;
  /** Where a finding about the pool anchors (its type name or key). */
  readonly nameSpan: Span;
  /** The same key as `UserAccountFact.pool.key` of the accounts defined on this pool. */
  readonly key: string;
  /** The pool's id as written (`id`, `Id`, `pool_id`), when it has one: what a job's `poolInfo.poolId` names. */
  readonly id?: Value;
  /** `cloudServiceConfiguration` (Windows only): where it is set. */
  readonly cloudServiceConfiguration?: Span;
  /** `virtualMachineConfiguration.nodeAgentSKUId` (`batch.node.windows amd64`, `batch.node.ubuntu 22.04`). */
  readonly nodeAgentSkuId?: Value;
  /** `virtualMachineConfiguration.imageReference` publisher, offer and SKU (`MicrosoftWindowsServer`, `WindowsServer`). */
  readonly image?: { readonly publisher?: Value; readonly offer?: Value; readonly sku?: Value };
  /** `virtualMachineConfiguration.windowsConfiguration` is set (Windows only). */
  readonly windowsConfiguration?: Span;
  readonly confidence: Confidence;
}

export interface Facts {
  readonly runElevated: RunElevatedFact[];
  readonly identityAssignments: IdentityAssignmentFact[];
  readonly identities: IdentityFact[];
  readonly accounts: UserAccountFact[];
  readonly enumRefs: EnumRefFact[];
  readonly builderCalls: BuilderCallFact[];
  readonly pools: PoolFact[];
  /** The task models the file builds (whatever their identity), in text order. */
  readonly tasks: TaskFact[];
  /**
   * The parts of the file that are samples whose values are placeholders by design (a swagger / API
   * example of a Batch operation: the whole of a JSON file, or one code block of a Markdown page):
   * no value in them is a real secret, and their accounts define no real pool's users.
   */
  readonly samples: Span[];
  /**
   * True when the file's code stands apart from the workspace (the samples of a Markdown
   * document): its named users resolve only among its own accounts, and its accounts are not the
   * workspace's (a sample pool must not satisfy a real task's named user).
   */
  readonly standalone?: boolean;
}

export function emptyFacts(): Facts {
  return {
    runElevated: [],
    identityAssignments: [],
    identities: [],
    accounts: [],
    enumRefs: [],
    builderCalls: [],
    pools: [],
    tasks: [],
    samples: [],
  };
}

/** Whether a span lies in a sample (`Facts.samples`), whose values are placeholders by design. */
export function inSample(facts: Facts, span: Span): boolean {
  return facts.samples.some((sample) => sample.start <= span.start && span.end <= sample.end);
}
