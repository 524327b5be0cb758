/**
 * The contract between the engine and one language: how to parse it, how to turn a syntax tree
 * into identity facts (the adapter), and how to turn a fix intent into text edits in the file's
 * own style (the renderer).
 */
import type { LanguageCompletions } from './completion';
import type { GrammarSource } from '../../../common/languages';
import type { Facts, LanguageId, Span } from './facts';
import type { FixIntent } from './findings';

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** One change to a document, in offsets and (row, UTF-16 column) points, as tree-sitter wants it. */
export interface TextChange {
  readonly startIndex: number;
  readonly oldEndIndex: number;
  readonly newEndIndex: number;
  readonly startPosition: Point;
  readonly oldEndPosition: Point;
  readonly newEndPosition: Point;
}
export interface Point {
  readonly row: number;
  readonly column: number;
}

export interface SourceFile {
  readonly uri: string;
  readonly text: string;
}

export interface FileAnalysis {
  readonly facts: Facts;
  /**
   * The edits that carry out an intent, or undefined when this file's shape makes it unsafe.
   * Works from what the analysis computed, never from the syntax tree: the tree may be freed
   * (replaced by an edit's reparse, or dropped from the engine's cache) while the analysis is kept.
   */
  render(intent: FixIntent): TextEdit[] | undefined;
  /**
   * Spans of the comments whose text contains `needle` (suppression directives). Also asked after
   * the tree is freed (quick fixes of a kept analysis): answers given during the analysis must be
   * remembered (the engine asks for the directives then).
   */
  comments(needle: string): Span[];
  /** Whether the parse found syntax errors anywhere (the engine reports it; fixes stay local). */
  readonly hasSyntaxErrors: boolean;
  /**
   * The constructs (runElevated, misplaced calls; keyed by `spanKey` of the fact's span) that
   * stand inside or right beside text the parser could not read. Computed during the analysis,
   * as the tree may be gone when a fix renders; the engine decides what that rules out.
   */
  readonly brokenSyntax?: ReadonlyMap<string, BrokenSyntax>;
  /**
   * For a document that embeds code of other languages (Markdown's fenced code blocks): the
   * language of the code at an offset (hovers write replacements in its fence), or undefined
   * outside any. Absent for a document of one language.
   */
  languageAt?(offset: number): LanguageId | undefined;
  /**
   * For a document that embeds code of other languages: the edit adding a suppression directive
   * for a finding, in the comment syntax of the code around it, or undefined when that code takes
   * no comment. `suppressionEdit` (engine/suppressions.ts) asks this first.
   */
  suppressionEdit?(rule: string, findingStart: number, scope: SuppressionScope): TextEdit | undefined;
}

/** What a suppression directive silences: the next line, or the whole file. */
export type SuppressionScope = 'line' | 'file';

/**
 * inside: the construct's own statement (JSON: its object) has syntax errors, so its shape is a
 * guess; beside: a neighbouring statement has them, so where one ends and the other begins is a
 * guess, which the parser may revise once the text changes.
 */
export type BrokenSyntax = 'inside' | 'beside';

export const spanKey = (span: Span): string => `${span.start}:${span.end}`;

/**
 * How the project wants this file written, from its configuration on disk (workspace/format.ts
 * reads it): what renderers honour when a fix writes new lines. Every field is optional; without
 * one a renderer writes as it would without any configuration. The engine only passes it on.
 */
export interface FileFormat {
  /** The longest line the project's tooling accepts (Python: black, ruff, flake8, pycodestyle; .editorconfig `max_line_length`). */
  readonly maxLineLength?: number;
  /** One level of indentation as `.editorconfig` says (`indent_style`, `indent_size`): a tab, or so many spaces. */
  readonly indentUnit?: string;
  /** `.editorconfig` `end_of_line`: the line break for a file that has none yet to copy. */
  readonly endOfLine?: '\n' | '\r\n';
}

/** No configuration: renderers write as they always have. */
export const NO_FORMAT: FileFormat = Object.freeze({});

/** What a completion may know beyond the file: the names of the workspace's pool user accounts (a named-user proposal offers them). */
export interface CompletionOptions {
  readonly accountNames: readonly string[];
}

/** What an analysis knows from outside its file. */
export interface ProjectContext {
  /** What the workspace's files import for the whole project (`projectImports` of each; C# `global using`). */
  readonly workspaceImports?: readonly string[];
  /** How the project wants this file written (renderers read it; nothing else does). */
  readonly format?: FileFormat;
}

export interface LanguageSupport<S = unknown> {
  readonly id: LanguageId;
  /**
   * Line comment opener for suppression directives (`//`, `#`): the language table's
   * `lineComment`. None for a language whose directives go into the code it embeds (its
   * `FileAnalysis.suppressionEdit` writes them).
   */
  readonly lineComment?: string;
  /**
   * Whether a comment may be added to a document of this editor language id (a suppression
   * directive); always, when absent.
   */
  acceptsComments?(languageId: string, file: FileAnalysis): boolean;
  /**
   * Words whose presence is necessary for any finding. A file containing none of them is not
   * parsed at all. Case-sensitive, as the languages are.
   */
  readonly anchorWords: readonly string[];
  /**
   * Words of which a file must hold one to build a task model (`Facts.tasks` start from them). A
   * file with none of the anchor words but one of these is parsed only when the caller asks for its
   * tasks (`AnalyzeOptions.tasks`: the server's open documents, for their "runs as" hints and
   * outline); none, for a language that finds tasks only beside identity code.
   */
  readonly taskWords?: readonly string[];
  /**
   * `source` tells which grammar reads the text where a language has several (TypeScript, TSX,
   * JavaScript: `grammarOf`): its file, language id or Markdown fence. A `previous` tree of
   * another grammar is not reused.
   */
  parse(text: string, previous?: S, source?: GrammarSource): Promise<S>;
  /** Record an edit in a previous syntax tree so the next parse reuses it. */
  edit?(previous: S, change: TextChange): void;
  /** Free what a syntax tree holds (tree-sitter trees live in WASM memory). */
  dispose?(syntax: S): void;
  analyze(file: SourceFile, syntax: S, project?: ProjectContext): FileAnalysis;
  /**
   * What fits at an offset by the syntax around it (a task's initializer, a builder chain, a call's
   * keywords, a JSON object's keys), written in the file's style (engine/completion.ts). Asked of
   * the tree the analysis parsed; answers only from the tree and the text, never kept.
   */
  completionsAt?(file: SourceFile, syntax: S, offset: number, options: CompletionOptions): LanguageCompletions;
  /**
   * Imports a file makes for every file of its project (C#'s `global using`): `word` must occur
   * in the text for there to be any, `read` lists them from the syntax tree.
   */
  readonly projectImports?: { readonly word: string; read(file: SourceFile, syntax: S): string[] };
}
