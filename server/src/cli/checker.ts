/**
 * The work of `check` on a share of the files, in three phases so it can run in several worker
 * threads: `scan` reads the files, keeps those holding an identity word and returns the project
 * imports (C# `global using`) they make; `accounts` lists the pool accounts the kept files define,
 * once every share's imports are known; `check` analyses (and fixes, or diffs) them once every
 * share's accounts are known, so named users resolve across the whole workspace, as in the editor.
 * The files of the project outside the checked paths (`Listed.context`) go through the first two
 * phases only: their imports and accounts count, nothing of them is reported.
 *
 * With the cache (`cache.ts`), a file whose entry still holds is not read: its imports, accounts
 * and findings come from the entry, each as long as what it depended on is unchanged; a file is
 * read (once, lazily) only for what must be computed again. Every phase returns the entries the
 * next run's cache keeps.
 */
import * as path from 'path';
import { languageNames } from '../../../common/languages';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../../../common/settings';
import { Engine, fixAllFixOf, languageOfPath, type Analysis } from '../engine/engine';
import type { LanguageId } from '../engine/facts';
import { ACCOUNT_WORDS, AccountIndex, accountsIn, type IndexedAccount } from '../workspace/accountIndex';
import { FormatResolver } from '../workspace/format';
import { mayConcernBatch, looksBinary } from '../workspace/needles';
import { mayMakeProjectImports, projectImportsOfFile } from '../workspace/projectImports';
import {
  assumedEncodingOf,
  decode,
  encode,
  SourceReader,
  UnreadableFile,
  writeSourceAtomically,
  type SourceText,
} from '../workspace/sourceFiles';
import {
  contentHash,
  importsKey,
  LookupRecorder,
  resultHolds,
  trustworthyStat,
  type CachedAccount,
  type CachedResult,
  type FileEntry,
  type StatKey,
} from './cache';
import { unifiedDiff } from './diff';
import type { DiffEncoding, FileReport, ReportedDiagnostic } from './report';

/** A file as the walk listed it: its position keeps the output in walk order, whoever checked it. */
export interface Listed {
  readonly file: string;
  readonly order: number;
  /**
   * A file of the checked paths' project outside the paths (workspace/projectRoot.ts): read only
   * for the pool accounts and project imports it defines, never reported, never fixed. Its cache
   * entry is the same as if it were checked (what its bytes hold does not depend on why it is read).
   */
  readonly context?: boolean;
}

/** A file handed to a Checker: its real path (the cache's key) and its cache entry, when it has one. */
export interface ScanItem extends Listed {
  readonly real: string;
  readonly cached?: FileEntry;
  /** The file's stat is `cached.stat`: the entry's kind, imports and hash hold without reading the file. */
  readonly trusted?: boolean;
}

/** A line for stderr, ordered by the file it is about. */
export interface Note {
  readonly order: number;
  readonly text: string;
}

/** An entry for the next run's cache; `unchanged` when it is the entry read from the cache, as it was. */
export interface CacheRecord {
  readonly real: string;
  readonly entry: FileEntry;
  readonly unchanged: boolean;
}

export interface ScanResult {
  /** Imports for the whole workspace (C# `global using`), from every file of the share. */
  readonly imports: string[];
  readonly notes: Note[];
  readonly ioError: boolean;
  /** The entries of the files that are not candidates (the candidates' come with `check`). */
  readonly entries: CacheRecord[];
}

export interface CheckResult {
  readonly reports: (FileReport & { readonly order: number })[];
  readonly notes: Note[];
  readonly ioError: boolean;
  readonly entries: CacheRecord[];
}

export interface CheckOptions {
  readonly settings: Settings;
  /** Rewrite files with fix-all. */
  readonly fix: boolean;
  /** Give each report the unified diff of what fix-all would write; nothing is written. */
  readonly diff: boolean;
  /** Record cache entries (hashing the candidates' bytes). */
  readonly cache: boolean;
  /** When the run started (ms since the epoch): a stat newer than this less `racyMs` is not recorded. */
  readonly startedAt: number;
  /** How long before the run a change makes a stat untrustworthy (`RACY_MS`; tests trust every stat with −Infinity). */
  readonly racyMs: number;
  /** The directory `--diff`'s paths are relative to. */
  readonly cwd: string;
}

/** A file holding an identity word: analysed, unless its cache entry's results still hold. */
interface Candidate {
  readonly file: string;
  readonly order: number;
  readonly real: string;
  readonly language: LanguageId;
  /** Read for its imports and accounts only (`Listed.context`): never reported, no notes. */
  readonly context?: boolean;
  /** What stderr says of its bytes whenever it is checked ("not valid UTF-8, read as Windows-1252"); kept in its entry. */
  note?: string;
  /** Its text; read lazily for a file whose entry held in the scan. */
  source?: SourceText;
  hash: string;
  stat: StatKey | undefined;
  /** The imports it makes for the whole project. */
  readonly imports: readonly string[];
  /** The cache entry of the same bytes, whose accounts and result may still hold. */
  prior: FileEntry | undefined;
  /** The entry is the cache's, as read, so far. */
  unchanged: boolean;
  accounts?: FileEntry['accounts'];
  /** It could not be read again: left out (its I/O error is reported). */
  failed?: boolean;
}

function reasonOf(error: unknown): string {
  return error instanceof UnreadableFile ? error.message : ((error as NodeJS.ErrnoException).code ?? String(error));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The note on a file's text read in an encoding it does not declare, as its entry keeps it. */
function encodingNote(source: SourceText): string | undefined {
  const assumed = assumedEncodingOf(source);
  return assumed && `not valid UTF-8, read as ${assumed}`;
}

/** The encoding a diff names (`FileReport.encoding`) when it is not UTF-8. */
function diffEncodingOf(source: SourceText): DiffEncoding | undefined {
  switch (source.encoding) {
    case 'windows1252':
      return 'windows-1252';
    case 'utf16le':
      return 'utf-16le';
    case 'utf16be':
      return 'utf-16be';
    default:
      return undefined;
  }
}

/** An account as the cache keeps it: everything the index knows of it but the file (the entry is the file's). */
function toCachedAccount({ uri: _uri, ...account }: IndexedAccount): CachedAccount {
  return account;
}

export class Checker {
  private readonly engine = new Engine();
  private readonly reader: SourceReader;
  private readonly candidates: Candidate[] = [];
  private workspaceImports: readonly string[] = [];
  /** How each checked file's project wants it written (its tooling's line length, .editorconfig): the fixes follow it. */
  private readonly formats = new FormatResolver();
  private importsKey = importsKey([]);

  constructor(private readonly options: CheckOptions) {
    this.reader = new SourceReader(options.settings.maxFileSizeKB * 1024);
  }

  /**
   * Reads every file whose entry does not hold, but decodes and keeps only those holding an
   * identity word: the byte search is what lets a workspace scan keep up with ripgrep. Grammars
   * start loading as soon as a file needs an analysis, while the reading goes on.
   */
  async scan(items: readonly ScanItem[]): Promise<ScanResult> {
    const notes: Note[] = [];
    const imports: string[] = [];
    const entries: CacheRecord[] = [];
    let ioError = false;
    const { settings, startedAt } = this.options;
    for (const item of items) {
      const { file, order, real, context } = item;
      // Nothing is said of a file of the project that was not checked: the user did not ask for it.
      const say = (text: string | undefined) => {
        if (text && !context) notes.push({ order, text: `${file}: ${text}` });
      };
      const language = languageOfPath(file);
      const importing = mayMakeProjectImports(file);
      if (!language && !importing) {
        say(`skipped, not a ${languageNames('or')} file`);
        continue;
      }
      const cached = item.cached;
      if (item.trusted && cached) {
        say(cached.note);
        imports.push(...(cached.imports ?? []));
        if (cached.kind === 'candidate' && language)
          this.candidates.push({
            file,
            order,
            real,
            language,
            context,
            note: cached.note,
            hash: cached.hash!,
            stat: cached.stat,
            imports: cached.imports ?? [],
            prior: cached,
            unchanged: true,
          });
        else entries.push({ real, entry: cached, unchanged: true });
        continue;
      }
      const plain = (stat: StatKey | undefined, extra: { note?: string; imports?: readonly string[] } = {}) => {
        say(extra.note);
        entries.push({
          real,
          entry: { stat, kind: 'plain', note: extra.note, imports: extra.imports?.length ? extra.imports : undefined },
          unchanged: false,
        });
      };
      try {
        const bytes = this.reader.read(file);
        const stat = this.reader.lastStats && trustworthyStat(this.reader.lastStats, startedAt, this.options.racyMs);
        if (!bytes) {
          plain(stat, { note: language ? `skipped, larger than ${settings.maxFileSizeKB} KB` : undefined });
          continue;
        }
        // Imports for the whole project count even from a file that is no Batch code itself.
        const fileImports = importing ? await projectImportsOfFile(this.engine, file, bytes) : [];
        imports.push(...fileImports);
        if (!language || !mayConcernBatch(bytes, language)) {
          plain(stat, { imports: fileImports });
          continue;
        }
        // Before decoding: binary bytes are seldom valid UTF-8, and a binary file is no I/O error.
        if (looksBinary(bytes)) {
          plain(stat, { note: 'skipped, the file looks binary', imports: fileImports });
          continue;
        }
        // The reader reuses its buffer: keep a copy of what is kept.
        const copy = Buffer.from(bytes);
        const source = decode(copy);
        const note = encodingNote(source);
        say(note);
        const hash = this.options.cache ? contentHash(copy) : '';
        const prior = cached?.kind === 'candidate' && cached.hash === hash && hash !== '' ? cached : undefined;
        this.candidates.push({
          file,
          order,
          real,
          language,
          context,
          note,
          source,
          hash,
          stat,
          imports: fileImports,
          prior,
          unchanged: false,
        });
        // Bytes seen before keep their results, most likely: no grammar to compile for them.
        if (!prior) this.engine.warmUp(language);
      } catch (error) {
        // A project file that cannot be read imports nothing; only the files `check` reports are I/O errors
        // (a file of the project outside the checked paths defines nothing, as far as the check can tell).
        if (!language || context) continue;
        ioError = true;
        notes.push({ order, text: `${file}: ${reasonOf(error)}` });
      }
    }
    return { imports, notes, ioError, entries };
  }

  /** The pool accounts the kept files define, with every share's project imports known. */
  async accounts(workspaceImports: readonly string[]): Promise<{ accounts: IndexedAccount[]; notes: Note[]; ioError: boolean }> {
    this.workspaceImports = workspaceImports;
    this.importsKey = importsKey(workspaceImports);
    const { settings } = this.options;
    const accounts: IndexedAccount[] = [];
    const notes: Note[] = [];
    let ioError = false;
    for (const candidate of this.candidates) {
      const known = candidate.prior?.accounts;
      // A file without account words defines none whatever the imports ('' depends on nothing).
      if (known && (known.imports === '' || known.imports === this.importsKey)) candidate.accounts = known;
      else {
        const source = await this.sourceOf(candidate, notes);
        if (!source) {
          if (!candidate.context) ioError = true;
          continue;
        }
        if (!ACCOUNT_WORDS.some((word) => source.text.includes(word))) candidate.accounts = { imports: '', list: [] };
        else {
          const analysis = await this.engine.analyze(
            { uri: candidate.file, languageId: candidate.language, text: source.text },
            { settings, workspaceImports },
          );
          analysis.release();
          candidate.accounts = {
            imports: this.importsKey,
            list: accountsIn(candidate.file, source.text, analysis.facts).map(toCachedAccount),
          };
        }
        candidate.unchanged = false;
      }
      for (const account of candidate.accounts.list) accounts.push({ ...account, uri: candidate.file });
    }
    return { accounts, notes, ioError };
  }

  /** Analyses (and with --fix, fixes; with --diff, diffs) the kept files, with every share's accounts known. */
  async check(allAccounts: readonly IndexedAccount[]): Promise<CheckResult> {
    const workspace = new AccountIndex();
    const byUri = new Map<string, IndexedAccount[]>();
    for (const account of allAccounts) byUri.set(account.uri, [...(byUri.get(account.uri) ?? []), account]);
    for (const [uri, list] of byUri) workspace.update(uri, list);

    const { settings, fix, diff } = this.options;
    const reports: CheckResult['reports'] = [];
    const notes: Note[] = [];
    const entries: CacheRecord[] = [];
    let ioError = false;
    const options = { settings, workspaceImports: this.workspaceImports };
    for (const candidate of this.candidates) {
      if (candidate.failed) continue;
      if (candidate.context) {
        // Never analysed for findings: its entry goes on, with the findings it had for these bytes if any
        // (a later run may check it, and then they hold only if what they depended on is unchanged).
        entries.push({ real: candidate.real, entry: this.entryOf(candidate, candidate.prior?.result), unchanged: candidate.unchanged });
        continue;
      }
      const { file, order, language } = candidate;
      const prior = candidate.prior?.result;
      const holds = !!prior && resultHolds(prior, workspace, this.importsKey);
      // Fixes are not cached: a file with a fixable finding is fixed (or diffed) from its text.
      if (holds && !((fix || diff) && prior.diagnostics.some((d) => d.fixable))) {
        if (prior.skipped) notes.push({ order, text: `${file}: skipped, ${prior.skipped}` });
        reports.push({ file, diagnostics: prior.diagnostics, order });
        entries.push({ real: candidate.real, entry: this.entryOf(candidate, prior), unchanged: candidate.unchanged });
        continue;
      }
      let source = await this.sourceOf(candidate, notes);
      if (!source) {
        ioError = true;
        continue;
      }
      try {
        const input = { uri: file, languageId: language, text: source.text };
        const format = this.formats.formatOf(file);
        let written = false;
        let patch: Pick<FileReport, 'diff' | 'encoding'> = {};
        if (fix || diff) {
          // Fixes are never cached, so the format is no part of a cached result.
          const fixed = await this.engine.fixAll(input, { ...options, workspace, format });
          if (fixed.changed && fix) {
            writeSourceAtomically(file, source, fixed.text);
            notes.push({ order, text: `${file}: fixed ${plural(fixed.fixed, 'problem')} (${fixed.fixedRules.join(', ')})` });
            source = { ...source, text: fixed.text };
            written = true;
          } else if (fixed.changed) {
            patch = this.diffOf(file, source, fixed.text, order, notes);
          }
        }
        const lookups = new LookupRecorder(workspace);
        const analysis = await this.engine.analyze({ ...input, text: source.text }, { ...options, workspace: lookups, format });
        analysis.release();
        if (analysis.skipped) notes.push({ order, text: `${file}: skipped, ${analysis.skipped}` });
        const reported = report(file, source, analysis);
        reports.push({ ...reported, ...patch, order });
        // A file just written is read again next time (its stat and hash are new): no entry.
        if (!written) {
          const result: CachedResult = {
            imports: this.importsKey,
            names: lookups.names,
            pools: lookups.pools,
            poolAccounts: Object.keys(lookups.poolIds).length ? lookups.poolIds : undefined,
            diagnostics: reported.diagnostics,
            skipped: analysis.skipped,
          };
          entries.push({ real: candidate.real, entry: this.entryOf(candidate, result), unchanged: false });
        }
      } catch (error) {
        ioError = true;
        notes.push({ order, text: `${file}: ${reasonOf(error)}` });
      }
    }
    return { reports, notes, ioError, entries };
  }

  private entryOf(candidate: Candidate, result: CachedResult | undefined): FileEntry {
    const { stat, hash, imports, accounts, note } = candidate;
    return { stat, kind: 'candidate', note, hash, imports: imports.length ? imports : undefined, accounts, result };
  }

  /**
   * A candidate's text: as scanned, or read now for one whose entry held. Bytes that are no longer
   * the entry's (changed during the run) drop what the entry knew. Undefined, with a note, when it
   * cannot be read.
   */
  private async sourceOf(candidate: Candidate, notes: Note[]): Promise<SourceText | undefined> {
    if (candidate.source) return candidate.source;
    const say = (text: string) => {
      if (!candidate.context) notes.push({ order: candidate.order, text: `${candidate.file}: ${text}` });
    };
    try {
      const bytes = this.reader.read(candidate.file);
      if (!bytes) throw new UnreadableFile(`skipped, larger than ${this.options.settings.maxFileSizeKB} KB`);
      const copy = Buffer.from(bytes);
      candidate.source = decode(copy);
      const hash = contentHash(copy);
      if (hash !== candidate.hash) {
        candidate.hash = hash;
        candidate.prior = undefined;
        candidate.unchanged = false;
        candidate.stat = this.reader.lastStats && trustworthyStat(this.reader.lastStats, this.options.startedAt, this.options.racyMs);
        // The note the entry had was said in the scan: say the new bytes' own, if it differs.
        const note = encodingNote(candidate.source);
        if (note && note !== candidate.note) say(note);
        candidate.note = note;
      }
      return candidate.source;
    } catch (error) {
      candidate.failed = true;
      say(reasonOf(error));
      return undefined;
    }
  }

  /**
   * The unified diff of a fix, with the file's path relative to the working directory and its
   * bytes' BOM, and the file's encoding when it is not UTF-8 (`FileReport.encoding`: the text
   * format writes a Windows-1252 file's lines in its own bytes, so `patch` writes what `--fix`
   * would). A fix the file's encoding cannot hold is refused as `--fix` refuses it.
   */
  private diffOf(file: string, source: SourceText, fixed: string, order: number, notes: Note[]): Pick<FileReport, 'diff' | 'encoding'> {
    // What --fix would write: throws (an I/O error for this file, as with --fix) when the encoding cannot hold it.
    encode(fixed, source.encoding);
    const name = path.relative(this.options.cwd, path.resolve(file)).split(path.sep).join('/');
    const encoding = diffEncodingOf(source);
    // UTF-16 lines cannot be patched as lines of bytes: the diff shows them as UTF-8 text.
    if (encoding === 'utf-16le' || encoding === 'utf-16be')
      notes.push({ order, text: `${file}: the file is UTF-16; its diff is shown as UTF-8 text (apply it with --fix, not patch)` });
    const bom = source.encoding === 'utf8bom' ? '\uFEFF' : '';
    return { diff: unifiedDiff(name, bom + source.text, bom + fixed), ...(encoding && { encoding }) };
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
