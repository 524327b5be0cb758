/**
 * Completion in the engine's terms: what a language says fits at a place of its syntax tree, and
 * what the engine proposes there. Two sources, merged by `completionsAt` (completion/complete.ts):
 *
 * - the language's own `LanguageSupport.completionsAt` (syntax: a task's initializer, a builder
 *   chain, a call's keywords, a JSON object's keys), which writes its proposals in the file's style
 *   and may name *places* it cannot fill itself;
 * - the facts (any language that produces them): a user name's string and an enum member are
 *   places too. A place is filled from the workspace's accounts and the model, the same for every
 *   language.
 */
import type { CanonicalMember, EnumName } from '../batch/model';
import type { Holder, Span } from './facts';
import type { TextEdit } from './language';

/** What a proposal is, for the editor's icon and grouping. */
export type CompletionKind = 'snippet' | 'property' | 'enumMember' | 'user' | 'keyword';

/** One proposal: text in LSP snippet syntax (`${1:name}`, `${2|a,b|}`) replacing `replace`. */
export interface Completion {
  readonly label: string;
  /** A few words after the label: what it inserts or what it is. */
  readonly description?: string;
  readonly kind: CompletionKind;
  readonly snippet: string;
  /** The text replaced: the word typed so far (its quote included), or an empty span at the cursor. */
  readonly replace: Span;
  /** Edits elsewhere: an import the inserted code needs, a comma the JSON property before lacks. */
  readonly additionalEdits?: readonly TextEdit[];
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** The editor filters on this instead of the label (a JSON key with its quote). */
  readonly filterText?: string;
  /** Orders the list: the task's own pool's accounts before the workspace's others. */
  readonly sortText?: string;
  /** Selected first in the list. */
  readonly preselect?: boolean;
}

/**
 * A place the engine fills, language-neutral: a user name (the workspace's accounts) or an enum
 * member (the model's members in the spelling valid there).
 */
export type CompletionPlace =
  | {
      readonly kind: 'userName';
      /** What a name replaces. */
      readonly replace: Span;
      /** The quote to write around a name, when the place has none yet (`"username": |`). */
      readonly quote?: string;
      /** The task whose identity it is: its own pool's accounts come first. */
      readonly holder?: Holder;
    }
  | {
      readonly kind: 'enumMember';
      readonly enum: EnumName;
      readonly replace: Span;
      /** The text inserted for each member valid here (`"nonadmin"`, `NON_ADMIN`), canonical → text. */
      readonly members: Partial<Readonly<Record<CanonicalMember, string>>>;
      /** Who writes these spellings, for the detail ("REST bodies", "azure-batch"). */
      readonly dialect: string;
    };

/** What a language proposes at an offset of its syntax tree. */
export interface LanguageCompletions {
  readonly completions: readonly Completion[];
  readonly places: readonly CompletionPlace[];
}

export const NO_COMPLETIONS: LanguageCompletions = { completions: [], places: [] };
