/**
 * What rules produce: findings with fix *intents*. A renderer (one per language) turns an intent
 * into text edits in the file's own style; rules never write text.
 */
import type { CodeLanguageId } from '../../../common/languages';
import type { Elevation, Scope } from '../batch/model';
import type { BuilderCallFact, Facts, LanguageId, RunElevatedFact, Span, Value } from './facts';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** `literal`: a known elevation; `conditional`: `e ? Admin : NonAdmin` over the original expression. */
export type ElevationChoice = { readonly literal: Elevation } | { readonly conditional: Value };

export type FixIntent =
  /** Replace a runElevated with the equivalent auto-user identity. */
  | { readonly kind: 'replaceRunElevated'; readonly fact: RunElevatedFact; readonly elevation: ElevationChoice; readonly scope?: Scope }
  /** Remove a runElevated that an existing user identity already expresses. */
  | { readonly kind: 'removeRunElevated'; readonly fact: RunElevatedFact }
  /** Write an enum member with the spelling valid in this file (`NONADMIN` → `NON_ADMIN`). */
  | { readonly kind: 'replaceEnumMember'; readonly span: Span; readonly text: string }
  /** Move a builder call onto the object that owns the method. */
  | { readonly kind: 'moveMisplacedCall'; readonly fact: BuilderCallFact };

export interface Fix {
  readonly title: string;
  readonly intent: FixIntent;
  /** Offered first on the squiggle. */
  readonly preferred?: boolean;
  /** Applied by fix-all (on save, CLI --fix): the documented rewrite, with no choice left to the author. */
  readonly safe: boolean;
}

export interface RelatedInfo {
  readonly span: Span;
  readonly message: string;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly deprecated?: boolean;
  readonly fixes: readonly Fix[];
  readonly related?: readonly RelatedInfo[];
}

/** What a rule may know beyond the file's facts. */
export interface RuleContext {
  /** The file's language (`markdown` for a document embedding code). */
  readonly language: LanguageId;
  /** The language of the code at an offset: the file's own, or an embedded block's (Markdown). */
  languageAt(offset: number): CodeLanguageId;
  readonly fixScope: 'omit' | Scope;
  /** Named user accounts defined anywhere in the workspace (for unknown-user). */
  readonly workspace?: WorkspaceAccounts;
}

export interface WorkspaceAccounts {
  /** True when at least one pool with user accounts is known in the workspace. */
  readonly hasPools: boolean;
  /** Where an account of this name is defined, if anywhere. */
  lookup(name: string): readonly AccountLocation[];
  /** The account names of the pools with this id, from every file; undefined when no such pool with accounts is known. */
  poolAccounts?(poolId: string): readonly string[] | undefined;
}

export interface AccountLocation {
  readonly uri: string;
  /** The 0-based line of the account's name (where a hover's link lands), else of the account itself. */
  readonly line: number;
  readonly elevation?: Elevation;
  readonly uid?: number;
}

/** Whether a rule's findings carry fixes: none, some (when the code says what was meant) or every one. */
export type Fixability = 'never' | 'sometimes' | 'always';

/**
 * How editors mark a rule's findings beyond the squiggle (LSP `DiagnosticTag`): `deprecated` code
 * is struck through. About the code reported, never about the rule itself.
 */
export type FindingTag = 'deprecated';

/**
 * A message of a rule, by id: plain text, or a function of the data it names. Fix titles and
 * related-information texts are messages too. (`never`: any one-argument function is one; its data
 * is typed where the rule uses it, see `MessageRef` in rules/define.ts.)
 */
export type MessageText = string | ((data: never) => string);

/**
 * Everything about a rule except its check, in one place (as ESLint's `meta`, Ruff's violation):
 * the README's rule table and each doc page's header line are generated from it
 * (`scripts/rules.ts`), and the rule tests hold findings to it.
 */
export interface RuleDescriptor {
  /** The diagnostic code and setting key, e.g. `run-elevated`: contract, never renamed. */
  readonly id: string;
  /** One line; the doc page's title. */
  readonly title: string;
  /** What it reports, a few words of Markdown: the README's rule table. */
  readonly summary: string;
  readonly defaultSeverity: Severity;
  readonly fixable: Fixability;
  /** The languages in which it can report (each has a found case in the rule's test table). */
  readonly languages: readonly LanguageId[];
  readonly tags?: readonly FindingTag[];
  /** Every text it shows: messages, fix titles, related information. */
  readonly messages: Readonly<Record<string, MessageText>>;
}

export interface Rule extends RuleDescriptor {
  check(facts: Facts, context: RuleContext): Finding[];
}
