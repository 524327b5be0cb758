/**
 * The analysis engine: text → syntax tree → identity facts → findings. The language server and
 * the CLI both call it, so what CI reports is what the editor shows, and the fix-all the editor
 * applies on save is the CLI's `--fix`.
 */
import { languageOfLanguageId, languageOfPath, type CodeLanguageId } from '../../../common/languages';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/settings';
import { RULES } from '../rules';
import { applyEdits, mergeEditGroups } from './edits';
import { emptyFacts, type Facts, type LanguageId } from './facts';
import type { Finding, Fix, FixIntent, RuleContext, WorkspaceAccounts } from './findings';
import { NO_COMPLETIONS, type LanguageCompletions } from './completion';
import {
  spanKey,
  type BrokenSyntax,
  type CompletionOptions,
  type FileAnalysis,
  type FileFormat,
  type LanguageSupport,
  type TextChange,
  type TextEdit,
} from './language';
import { LANGUAGES } from './languages';
import { applySuppressions } from './suppressions';

export interface DocumentInput {
  readonly uri: string;
  /** A VS Code language id (`csharp`, `jsonc`, …) or one of ours. */
  readonly languageId: string;
  readonly text: string;
}

export interface AnalyzeOptions {
  readonly settings?: Settings;
  readonly workspace?: WorkspaceAccounts;
  /** Keep the syntax tree for incremental reparsing (the server does; the CLI does not). */
  readonly keepSyntax?: boolean;
  /** Only these rules (fix-all of one rule). */
  readonly onlyRules?: readonly string[];
  /** What the workspace's files import for the whole project (C# `global using`): see `projectImports`. */
  readonly workspaceImports?: readonly string[];
  /** How the project wants the file written (its tooling's line length, .editorconfig): fixes honour it. */
  readonly format?: FileFormat;
  /**
   * Also parse a file that holds none of its language's anchor words but builds tasks
   * (`LanguageSupport.taskWords`): the server's open documents show every task's "runs as". The
   * CLI and the workspace scan do not ask: such a file has no finding and defines no account.
   */
  readonly tasks?: boolean;
}

export interface Analysis {
  readonly uri: string;
  readonly language?: LanguageId;
  readonly text: string;
  readonly findings: readonly Finding[];
  readonly facts: Facts;
  /** Why the file was not analysed, when it was not (too large, binary, language disabled…). */
  readonly skipped?: string;
  /** True when the file holds none of the identity words and was not parsed. */
  readonly prefiltered?: boolean;
  /** The imports this file makes for its whole project (C# `global using` targets); none elsewhere. */
  readonly projectImports?: readonly string[];
  readonly file?: FileAnalysis;
  /** The edits for one of this analysis's fixes, or undefined when it cannot be rendered safely. */
  edits(fix: Fix): TextEdit[] | undefined;
  /** Frees a one-off analysis's syntax tree (no-op for documents whose tree the engine keeps). */
  release(): void;
}

export interface FixAllResult {
  readonly text: string;
  readonly changed: boolean;
  /** Findings fixed, over all passes. */
  readonly fixed: number;
  /** Rules of the fixed findings, for the CLI's report. */
  readonly fixedRules: readonly string[];
  /** Why the file was not analysed (then nothing is fixed), as `Analysis.skipped`. */
  readonly skipped?: string;
}

const MAX_FIX_PASSES = 10;

/** Map a VS Code language id (`jsonc` is `json`) or a file name to a language of the table (common/languages.ts). */
export const languageOf = languageOfLanguageId;
export { languageOfPath };

/** A NUL in the first 8 KB marks a binary file, as git decides. */
function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

function containsAnyWord(text: string, words: readonly string[]): boolean {
  for (const word of words) if (text.includes(word)) return true;
  return false;
}

interface CachedSyntax {
  readonly language: LanguageSupport;
  readonly syntax: unknown;
  /** The text the tree was parsed from; undefined once an edit was recorded in it (a reparse is due). */
  text: string | undefined;
  /** Edits recorded in it: a parse that awaited while one came made a tree of no text's. */
  changes: number;
}

/**
 * Trees kept for incremental reparsing, most recently analysed first out of the cache last. A
 * tree-sitter tree lives in WASM memory, which never shrinks: keeping every open document's tree
 * would make the server's memory grow with the number of open files. Documents beyond the limit
 * are parsed from scratch on their next edit, once, and kept again.
 */
export const MAX_KEPT_TREES = 8;

export class Engine {
  private readonly syntaxByUri = new Map<string, CachedSyntax>();

  constructor(private readonly maxKeptTrees = MAX_KEPT_TREES) {}

  /** Analyses a document; with `keepSyntax` its tree is kept for the next, incremental, parse. */
  async analyze(doc: DocumentInput, options: AnalyzeOptions = {}): Promise<Analysis> {
    const settings = options.settings ?? DEFAULT_SETTINGS;
    const languageId = languageOf(doc.languageId);
    const base = {
      uri: doc.uri,
      language: languageId,
      text: doc.text,
      facts: emptyFacts(),
      findings: [] as Finding[],
      edits: () => undefined,
      release: () => {},
    };
    // Only the document's owner (keepSyntax) reads or changes its kept tree: one-off analyses of
    // other text under the same uri (fix-all passes, previews) must not reuse it.
    const owner = !!options.keepSyntax;
    const skip = (reason: string): Analysis => {
      if (owner) this.forget(doc.uri);
      return { ...base, skipped: reason };
    };
    if (!languageId) return skip(`language '${doc.languageId}' is not analysed`);
    if (!settings.enable) return skip('batchIdentity.enable is false');
    if (!settings.languages.includes(languageId)) return skip(`${languageId} is not in batchIdentity.languages`);
    if (doc.text.length > settings.maxFileSizeKB * 1024) {
      return skip(`the file is larger than batchIdentity.maxFileSizeKB (${settings.maxFileSizeKB} KB)`);
    }
    if (looksBinary(doc.text)) return skip('the file looks binary');

    const language = LANGUAGES[languageId];
    const wanted =
      containsAnyWord(doc.text, language.anchorWords) || (!!options.tasks && containsAnyWord(doc.text, language.taskWords ?? []));
    if (!wanted) {
      // WASM memory never shrinks: a document without the words keeps no tree (not one a completion parsed either).
      if (owner) this.forget(doc.uri);
      return { ...base, prefiltered: true, projectImports: await this.projectImportsOf(doc) };
    }

    const cached = owner ? this.syntaxByUri.get(doc.uri) : undefined;
    // A kept tree serves its own text, or the text its recorded edits lead to; never another text.
    const previous = cached?.language === language && (cached.text === undefined || cached.text === doc.text) ? cached.syntax : undefined;
    if (cached && !previous) this.forget(doc.uri);
    let syntax: unknown;
    try {
      syntax = await language.parse(doc.text, previous, doc);
    } catch (error) {
      // jsonc-parser recurses per nesting level: a pathological document must not take the server down.
      if (error instanceof RangeError) return skip('the file is nested too deeply to parse');
      throw error;
    }
    if (owner) {
      if (previous !== undefined && previous !== syntax) language.dispose?.(previous);
      // Two first analyses racing on a grammar load each parse from scratch: keep one tree.
      const raced = this.syntaxByUri.get(doc.uri);
      if (raced && raced.syntax !== previous && raced.syntax !== syntax) raced.language.dispose?.(raced.syntax);
      this.keep(doc.uri, { language, syntax, text: doc.text, changes: 0 });
    }

    // A kept tree is freed by the next parse; a one-off tree when the caller releases the analysis.
    const dispose = owner ? undefined : () => language.dispose?.(syntax);
    let file: FileAnalysis;
    let projectImports: string[] | undefined;
    try {
      file = language.analyze(doc, syntax, { workspaceImports: options.workspaceImports, format: options.format });
      if (language.projectImports)
        projectImports = doc.text.includes(language.projectImports.word) ? language.projectImports.read(doc, syntax) : [];
    } catch (error) {
      dispose?.();
      // Adapters follow nested expressions: one nested deeper than the stack allows is skipped too.
      if (error instanceof RangeError) return skip('the file is nested too deeply to analyse');
      throw error;
    }

    // Standalone code (documentation samples) is its own workspace: its named users resolve among its own accounts.
    const workspace = file.facts.standalone ? undefined : options.workspace;
    // A document embedding code (Markdown) says which language each part is; any other file is its own.
    const languageAt = (offset: number) => (file.languageAt?.(offset) ?? languageId) as CodeLanguageId;
    const context: RuleContext = { language: languageId, languageAt, fixScope: settings.fix.scope, workspace };
    const findings: Finding[] = [];
    for (const rule of RULES) {
      if (options.onlyRules && !options.onlyRules.includes(rule.id)) continue;
      const override = settings.rules[rule.id];
      if (override === 'off') continue;
      // One value may stand for several facts (a password constant given to two accounts): one finding.
      const said = new Set<string>();
      for (const finding of rule.check(file.facts, context)) {
        const key = `${spanKey(finding.span)} ${finding.message}`;
        if (said.has(key)) continue;
        said.add(key);
        findings.push(override ? { ...finding, severity: override } : finding);
      }
    }
    findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    const kept = doc.text.includes('batch-identity-disable') ? applySuppressions(doc.text, file, findings) : findings;

    return { ...base, findings: kept, facts: file.facts, file, projectImports, ...handles(file, dispose) };
  }

  /**
   * The imports a file makes for its whole project (C#: the targets of `global using X;`); none
   * for other languages or when the word is absent. A one-off parse, never the kept tree.
   */
  async projectImportsOf(doc: DocumentInput): Promise<string[]> {
    const languageId = languageOf(doc.languageId);
    const language = languageId ? LANGUAGES[languageId] : undefined;
    const imports = language?.projectImports;
    if (!language || !imports || !doc.text.includes(imports.word) || looksBinary(doc.text)) return [];
    const syntax = await language.parse(doc.text, undefined, doc);
    try {
      return imports.read(doc, syntax);
    } finally {
      language.dispose?.(syntax);
    }
  }

  /** Keeps a document's tree as the most recently used, dropping the least recently used beyond the limit. */
  private keep(uri: string, cached: CachedSyntax): void {
    this.syntaxByUri.delete(uri); // re-inserted last: the most recently used
    this.syntaxByUri.set(uri, cached);
    for (const [kept] of this.syntaxByUri) {
      if (this.syntaxByUri.size <= this.maxKeptTrees) break;
      this.forget(kept);
    }
  }

  /**
   * What the language proposes at an offset of an open document (the document's owner: the
   * server), asked of the tree its analysis parsed. A document the analysis did not parse (none of
   * the anchor words, or its tree dropped) is parsed here, incrementally from the tree kept for it
   * when there is one, and the tree kept until the next analysis: requests on one text parse it once.
   */
  async completionsAt(doc: DocumentInput, offset: number, options: CompletionOptions): Promise<LanguageCompletions> {
    const languageId = languageOf(doc.languageId);
    const language = languageId ? LANGUAGES[languageId] : undefined;
    if (!language?.completionsAt || looksBinary(doc.text)) return NO_COMPLETIONS;
    let cached = this.syntaxByUri.get(doc.uri);
    if (cached && cached.language !== language) {
      this.forget(doc.uri);
      cached = undefined;
    }
    if (!cached || cached.text !== doc.text) {
      // From the kept tree when its recorded edits lead to this text; an edit that comes while
      // the parse waits (for its grammar) makes the tree no text's: nothing is proposed then.
      const previous = cached?.text === undefined ? cached : undefined;
      const changes = cached?.changes;
      let syntax: unknown;
      try {
        syntax = await language.parse(doc.text, previous?.syntax, doc);
      } catch (error) {
        if (error instanceof RangeError) return NO_COMPLETIONS;
        throw error;
      }
      if (this.syntaxByUri.get(doc.uri) !== cached || cached?.changes !== changes) {
        if (syntax !== previous?.syntax) language.dispose?.(syntax);
        return NO_COMPLETIONS;
      }
      if (cached && cached.syntax !== syntax) language.dispose?.(cached.syntax);
      cached = { language, syntax, text: doc.text, changes: 0 };
    }
    this.keep(doc.uri, cached);
    try {
      return language.completionsAt({ uri: doc.uri, text: doc.text }, cached.syntax, offset, options);
    } catch (error) {
      // A construct nested deeper than the stack allows: nothing to propose.
      if (error instanceof RangeError) return NO_COMPLETIONS;
      throw error;
    }
  }

  /** Tells a kept syntax tree about an edit, before the next `analyze` of the new text. */
  recordChange(uri: string, change: TextChange): void {
    const cached = this.syntaxByUri.get(uri);
    if (!cached) return;
    cached.language.edit?.(cached.syntax, change);
    cached.text = undefined;
    cached.changes++;
  }

  /** Drops what is kept for a document (closed, skipped, or its language changed). */
  forget(uri: string): void {
    const cached = this.syntaxByUri.get(uri);
    if (!cached) return;
    this.syntaxByUri.delete(uri);
    cached.language.dispose?.(cached.syntax);
  }

  /** Starts loading a language's parser (a grammar compiles in the background) without waiting. */
  warmUp(languageId: LanguageId): void {
    const language = LANGUAGES[languageId];
    language.parse('').then(
      (syntax) => language.dispose?.(syntax),
      () => undefined,
    );
  }

  /** Documents with a kept syntax tree. */
  get keptDocuments(): number {
    return this.syntaxByUri.size;
  }

  /**
   * Applies every safe fix, pass after pass, until none is left (or a pass limit, against fixes
   * that would undo each other). Used by fix on save and by `check --fix`: one implementation.
   */
  async fixAll(doc: DocumentInput, options: AnalyzeOptions = {}): Promise<FixAllResult> {
    let text = doc.text;
    let fixed = 0;
    const fixedRules: string[] = [];
    let skipped: string | undefined;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const analysis = await this.analyze({ ...doc, text }, { ...options, keepSyntax: false });
      if (pass === 0) skipped = analysis.skipped;
      const groups: TextEdit[][] = [];
      const rules: string[] = [];
      for (const finding of analysis.findings) {
        const fix = fixAllFixOf(finding);
        const edits = fix && analysis.edits(fix);
        if (edits && edits.length > 0) {
          groups.push(edits);
          rules.push(finding.rule);
        }
      }
      analysis.release();
      const { edits, accepted } = mergeEditGroups(groups);
      if (accepted.length === 0) break;
      const next = applyEdits(text, edits);
      if (next === text) break;
      text = next;
      fixed += accepted.length;
      for (const index of accepted) fixedRules.push(rules[index]);
    }
    return { text, changed: text !== doc.text, fixed, fixedRules: [...new Set(fixedRules)], skipped };
  }
}

/**
 * An analysis's `edits` and `release`, made outside `analyze` so that they close over the file
 * analysis only: a kept analysis must not keep the syntax tree (or the whole JSON document) alive.
 */
function handles(file: FileAnalysis, dispose: (() => void) | undefined): Pick<Analysis, 'edits' | 'release'> {
  let pending = dispose;
  return {
    // Renderers never read the tree (FileAnalysis.render), so a released analysis still renders.
    edits: (fix: Fix) => {
      if (file.brokenSyntax && !renderableAmid(fix.intent, file.brokenSyntax)) return undefined;
      try {
        return file.render(fix.intent);
      } catch (error) {
        // As in analysis: a construct nested deeper than the stack allows gets no fix.
        if (error instanceof RangeError) return undefined;
        throw error;
      }
    },
    release: () => {
      pending?.();
      // Drop the reference too: a kept analysis must not keep the freed tree's wrapper alive.
      pending = undefined;
    },
  };
}

/** The fix fix-all applies for a finding: the preferred safe one. */
export function fixAllFixOf(finding: Finding): Fix | undefined {
  return finding.fixes.find((f) => f.safe && f.preferred) ?? finding.fixes.find((f) => f.safe);
}

/**
 * Which fixes syntax errors around a construct rule out (the renderers would carry the errors
 * along, or the parser read part of the new text into them). A runElevated rewrite or removal
 * needs its statement and its neighbours sound. A misplaced call moves text inside its own
 * statement: that statement must be sound (the seeds' sample has a stray semicolon right after
 * it). An enum member is one identifier or string swapped for another: nothing to fear (the seeds'
 * migration lines are a parenthesis short and their NONADMIN still deserves its fix).
 */
function renderableAmid(intent: FixIntent, broken: ReadonlyMap<string, BrokenSyntax>): boolean {
  switch (intent.kind) {
    case 'replaceEnumMember':
      return true;
    case 'moveMisplacedCall':
      return broken.get(spanKey(intent.fact.span)) !== 'inside';
    case 'replaceRunElevated':
    case 'removeRunElevated':
      return !broken.has(spanKey(intent.fact.span));
  }
}
