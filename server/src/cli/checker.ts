/**
 * The work of `check` on a share of the files, in three phases so it can run in several worker
 * threads: `scan` reads the files, keeps those holding an identity word and returns the project
 * imports (C# `global using`) they make; `accounts` lists the pool accounts the kept files define,
 * once every share's imports are known; `check` analyses (and fixes) them once every share's
 * accounts are known, so named users resolve across the whole workspace, as in the editor.
 */
import { languageNames } from '../../../common/languages';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../../../common/settings';
import { Engine, fixAllFixOf, languageOfPath, type Analysis } from '../engine/engine';
import type { LanguageId } from '../engine/facts';
import { LANGUAGES } from '../engine/languages';
import { ACCOUNT_WORDS, AccountIndex, accountsIn, type IndexedAccount } from '../workspace/accountIndex';
import { FormatResolver } from '../workspace/format';
import { coverNeedles } from '../workspace/needles';
import { mayMakeProjectImports, projectImportsOfFile } from '../workspace/projectImports';
import { assumedEncodingOf, decode, SourceReader, UnreadableFile, writeSourceAtomically, type SourceText } from '../workspace/sourceFiles';
import type { FileReport, ReportedDiagnostic } from './report';

/** A file as the walk listed it: its position keeps the output in walk order, whoever checked it. */
export interface Listed {
  readonly file: string;
  readonly order: number;
  /**
   * A file of the checked paths' project outside the paths (workspace/projectRoot.ts): read only
   * for the pool accounts and project imports it defines, never reported, never fixed.
   */
  readonly context?: boolean;
}

/** A line for stderr, ordered by the file it is about. */
export interface Note {
  readonly order: number;
  readonly text: string;
}

export interface ScanResult {
  /** Imports for the whole workspace (C# `global using`), from every file of the share. */
  readonly imports: string[];
  readonly notes: Note[];
  readonly ioError: boolean;
}

export interface CheckResult {
  readonly reports: (FileReport & { readonly order: number })[];
  readonly notes: Note[];
  readonly ioError: boolean;
}

export interface CheckOptions {
  readonly settings: Settings;
  readonly fix: boolean;
}

/** Per language, the few substrings every anchor word contains one of. */
const NEEDLES = Object.fromEntries(
  Object.entries(LANGUAGES).map(([id, language]) => [
    id,
    coverNeedles([...language.anchorWords, ...ACCOUNT_WORDS]).map((n) => Buffer.from(n)),
  ]),
) as Record<LanguageId, Buffer[]>;

/** The substrings a file that defines a pool account holds one of. */
const ACCOUNT_NEEDLES = coverNeedles(ACCOUNT_WORDS).map((n) => Buffer.from(n));

/** Whether a file's bytes hold any word a finding needs (UTF-16 files are decoded to tell). */
function mayConcernBatch(bytes: Buffer, language: LanguageId): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  return NEEDLES[language].some((needle) => bytes.includes(needle));
}

/** A NUL in the first 8 KB marks a binary file, as git (and the engine) decide; UTF-16 text has NULs but a byte-order mark. */
function looksBinary(bytes: Buffer): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.subarray(0, 8192).includes(0);
}

function reasonOf(error: unknown): string {
  return error instanceof UnreadableFile ? error.message : ((error as NodeJS.ErrnoException).code ?? String(error));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export class Checker {
  private readonly engine = new Engine();
  private readonly candidates: { file: string; order: number; language: LanguageId; source: SourceText; context?: boolean }[] = [];
  private workspaceImports: readonly string[] = [];
  /** How each checked file's project wants it written (its tooling's line length, .editorconfig): the fixes follow it. */
  private readonly formats = new FormatResolver();

  constructor(private readonly options: CheckOptions) {}

  /**
   * Reads every file but decodes and keeps only those holding an identity word: the byte search
   * is what lets a workspace scan keep up with ripgrep. Grammars start loading as soon as a file
   * needs them, while the reading goes on.
   */
  async scan(files: readonly Listed[]): Promise<ScanResult> {
    const notes: Note[] = [];
    const imports: string[] = [];
    let ioError = false;
    const { settings } = this.options;
    const reader = new SourceReader(settings.maxFileSizeKB * 1024);
    for (const { file, order, context } of files) {
      if (context) {
        await this.scanContext(reader, file, order, imports);
        continue;
      }
      const language = languageOfPath(file);
      const importing = mayMakeProjectImports(file);
      if (!language && !importing) {
        notes.push({ order, text: `${file}: skipped, not a ${languageNames('or')} file` });
        continue;
      }
      try {
        const bytes = reader.read(file);
        if (!bytes) {
          if (language) notes.push({ order, text: `${file}: skipped, larger than ${settings.maxFileSizeKB} KB` });
          continue;
        }
        // Imports for the whole project count even from a file that is no Batch code itself.
        if (importing) imports.push(...(await projectImportsOfFile(this.engine, file, bytes)));
        if (!language || !mayConcernBatch(bytes, language)) continue;
        // Before decoding: binary bytes are seldom valid UTF-8, and a binary file is no I/O error.
        if (looksBinary(bytes)) {
          notes.push({ order, text: `${file}: skipped, the file looks binary` });
          continue;
        }
        // The reader reuses its buffer: keep a copy of what is kept.
        const source = decode(Buffer.from(bytes));
        const assumed = assumedEncodingOf(source);
        if (assumed) notes.push({ order, text: `${file}: not valid UTF-8, read as ${assumed}` });
        this.candidates.push({ file, order, language, source });
        this.engine.warmUp(language);
      } catch (error) {
        // A project file that cannot be read imports nothing; only the files `check` reports are I/O errors.
        if (!language) continue;
        ioError = true;
        notes.push({ order, text: `${file}: ${reasonOf(error)}` });
      }
    }
    return { imports, notes, ioError };
  }

  /**
   * A project file outside the checked paths: its project imports, and kept if it may define pool
   * accounts. Nothing about it is reported: the user did not ask for it.
   */
  private async scanContext(reader: SourceReader, file: string, order: number, imports: string[]): Promise<void> {
    const language = languageOfPath(file);
    try {
      const bytes = reader.read(file);
      if (!bytes) return;
      if (mayMakeProjectImports(file)) imports.push(...(await projectImportsOfFile(this.engine, file, bytes)));
      if (!language || !ACCOUNT_NEEDLES.some((needle) => bytes.includes(needle)) || looksBinary(bytes)) return;
      this.candidates.push({ file, order, language, source: decode(Buffer.from(bytes)), context: true });
    } catch {
      // Unreadable: it defines nothing as far as the check can tell.
    }
  }

  /** The pool accounts the kept files define, with every share's project imports known. */
  async accounts(workspaceImports: readonly string[]): Promise<IndexedAccount[]> {
    this.workspaceImports = workspaceImports;
    const { settings } = this.options;
    const accounts: IndexedAccount[] = [];
    for (const { file, language, source } of this.candidates) {
      if (!ACCOUNT_WORDS.some((word) => source.text.includes(word))) continue;
      const analysis = await this.engine.analyze({ uri: file, languageId: language, text: source.text }, { settings, workspaceImports });
      analysis.release();
      accounts.push(...accountsIn(file, source.text, analysis.facts));
    }
    return accounts;
  }

  /** Analyses (and with --fix, fixes) the kept files, with every share's accounts known. */
  async check(allAccounts: readonly IndexedAccount[]): Promise<CheckResult> {
    const workspace = new AccountIndex();
    const byUri = new Map<string, IndexedAccount[]>();
    for (const account of allAccounts) byUri.set(account.uri, [...(byUri.get(account.uri) ?? []), account]);
    for (const [uri, list] of byUri) workspace.update(uri, list);

    const { settings, fix } = this.options;
    const reports: CheckResult['reports'] = [];
    const notes: Note[] = [];
    let ioError = false;
    for (const candidate of this.candidates) {
      if (candidate.context) continue;
      const { file, order, language } = candidate;
      let source = candidate.source;
      try {
        const input = { uri: file, languageId: language, text: source.text };
        const format = this.formats.formatOf(file);
        if (fix) {
          const fixed = await this.engine.fixAll(input, { settings, workspace, workspaceImports: this.workspaceImports, format });
          if (fixed.changed) {
            writeSourceAtomically(file, source, fixed.text);
            notes.push({ order, text: `${file}: fixed ${plural(fixed.fixed, 'problem')} (${fixed.fixedRules.join(', ')})` });
            source = { ...source, text: fixed.text };
          }
        }
        const analysis = await this.engine.analyze(
          { ...input, text: source.text },
          { settings, workspace, workspaceImports: this.workspaceImports, format },
        );
        analysis.release();
        if (analysis.skipped) notes.push({ order, text: `${file}: skipped, ${analysis.skipped}` });
        reports.push({ ...report(file, source, analysis), order });
      } catch (error) {
        ioError = true;
        notes.push({ order, text: `${file}: ${reasonOf(error)}` });
      }
    }
    return { reports, notes, ioError };
  }
}

function report(file: string, source: SourceText, analysis: Analysis): FileReport {
  const document = TextDocument.create('file:///cli', 'plaintext', 0, source.text);
  const diagnostics: ReportedDiagnostic[] = analysis.findings.map((finding) => {
    const fix = fixAllFixOf(finding);
    return {
      code: finding.rule,
      severity: finding.severity,
      message: finding.message,
      range: { start: document.positionAt(finding.span.start), end: document.positionAt(finding.span.end) },
      fixable: !!fix && !!analysis.edits(fix),
    };
  });
  return { file, diagnostics };
}
