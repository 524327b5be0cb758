/**
 * `batch-identity check [--fix] [--format text|json|sarif] <file-or-dir>...`
 *
 * The same engine as the editor: same findings, and `--fix` is the editor's fix-all.
 * Exit codes: 0 no finding of warning or above remains; 1 one does; 2 usage or I/O error (files
 * that could be read are still checked and reported).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, type FixScope, type Settings } from '../../../common/settings';
import { Engine, fixAllFixOf, languageOfPath, type Analysis } from '../engine/engine';
import { collectFiles } from '../workspace/walk';
import { ACCOUNT_WORDS, AccountIndex, accountsIn } from '../workspace/accountIndex';
import { coverNeedles } from '../workspace/needles';
import * as fs from 'fs';
import type { LanguageId } from '../engine/facts';
import { LANGUAGES } from '../engine/languages';
import { decode, UnreadableFile, writeSourceAtomically, type SourceText } from '../workspace/sourceFiles';
import { formatJson, formatSarif, formatText, type FileReport, type ReportedDiagnostic } from './report';

export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly version: string;
}

const USAGE = `Usage: batch-identity check [--fix] [--format text|json|sarif] [--fix-scope omit|task|pool] <file-or-dir>...

Finds Azure Batch runElevated and user-identity problems in C#, Java, Python and JSON files.
  --fix          rewrite files with every safe fix (the editor's fix-all), atomically
  --format       text (default), json (one array of files with findings), or sarif (SARIF 2.1.0)
  --fix-scope    scope the runElevated fix writes: omit (default), task or pool
Exit: 0 nothing of warning or above, 1 findings remain, 2 usage or I/O error.`;

interface Options {
  readonly fix: boolean;
  readonly format: 'text' | 'json' | 'sarif';
  readonly fixScope: FixScope;
  readonly paths: string[];
}

function parseArgs(args: readonly string[]): Options | string {
  if (args[0] !== 'check') return args.length === 0 || args[0] === '--help' || args[0] === '-h' ? '' : `unknown command '${args[0]}'`;
  let fix = false;
  let format: Options['format'] = 'text';
  let fixScope: FixScope = 'omit';
  const paths: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const valueOf = () => inline ?? args[++i];
    if (flag === '--fix') fix = true;
    else if (flag === '--format') {
      const value = valueOf();
      if (value !== 'text' && value !== 'json' && value !== 'sarif') return `--format must be text, json or sarif (got '${value ?? ''}')`;
      format = value;
    } else if (flag === '--fix-scope') {
      const value = valueOf();
      if (value !== 'omit' && value !== 'task' && value !== 'pool') return `--fix-scope must be omit, task or pool (got '${value ?? ''}')`;
      fixScope = value;
    } else if (flag === '--help' || flag === '-h') return '';
    else if (arg.startsWith('-') && arg !== '-') return `unknown option '${arg}'`;
    else paths.push(arg);
  }
  if (paths.length === 0) return 'no file or directory given';
  return { fix, format, fixScope, paths };
}

/** Per language, the few substrings every anchor word contains one of. */
const NEEDLES = Object.fromEntries(
  Object.entries(LANGUAGES).map(([id, language]) => [id, coverNeedles([...language.anchorWords, ...ACCOUNT_WORDS]).map((n) => Buffer.from(n))]),
) as Record<LanguageId, Buffer[]>;

/** Whether a file's bytes hold any word a finding needs (UTF-16 files are decoded to tell). */
function mayConcernBatch(bytes: Buffer, language: LanguageId): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  return NEEDLES[language].some((needle) => bytes.includes(needle));
}

/** Reads files into one reused buffer: a workspace of small files allocates almost nothing. */
class FileReader {
  private buffer = Buffer.allocUnsafe(1 << 20);

  constructor(private readonly limit: number) {}

  /** The file's bytes (valid until the next read), or undefined when it is larger than the limit. */
  read(file: string): Buffer | undefined {
    const fd = fs.openSync(file, 'r');
    try {
      let length = 0;
      for (;;) {
        if (length === this.buffer.length) {
          if (length > this.limit) return undefined;
          const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
          this.buffer.copy(bigger);
          this.buffer = bigger;
        }
        const n = fs.readSync(fd, this.buffer, length, this.buffer.length - length, null);
        if (n === 0) break;
        length += n;
      }
      return length > this.limit ? undefined : this.buffer.subarray(0, length);
    } finally {
      fs.closeSync(fd);
    }
  }
}

function reasonOf(error: unknown): string {
  return error instanceof UnreadableFile ? error.message : (error as NodeJS.ErrnoException).code ?? String(error);
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

export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    if (options) io.stderr(`batch-identity: ${options}\n\n${USAGE}`);
    else io.stdout(USAGE);
    return options ? EXIT.error : EXIT.clean;
  }
  const settings: Settings = { ...DEFAULT_SETTINGS, fix: { scope: options.fixScope } };
  const engine = new Engine();
  const { files, errors } = collectFiles(options.paths);
  let ioError = errors.length > 0;
  for (const e of errors) io.stderr(`batch-identity: ${e.path}: ${e.message}`);

  // Read every file, but decode and keep only those holding an identity word: the byte search is
  // what lets a workspace scan keep up with ripgrep. Grammars start loading as soon as a file needs
  // them, while the reading goes on.
  const candidates: { file: string; language: LanguageId; source: SourceText }[] = [];
  const reader = new FileReader(settings.maxFileSizeKB * 1024);
  for (const file of files) {
    const language = languageOfPath(file);
    if (!language) {
      io.stderr(`batch-identity: ${file}: skipped, not a C#, Java, Python or JSON file`);
      continue;
    }
    try {
      const bytes = reader.read(file);
      if (!bytes) {
        io.stderr(`batch-identity: ${file}: skipped, larger than ${settings.maxFileSizeKB} KB`);
        continue;
      }
      if (!mayConcernBatch(bytes, language)) continue;
      // The reader reuses its buffer: keep a copy of what is kept.
      candidates.push({ file, language, source: decode(Buffer.from(bytes)) });
      engine.warmUp(language);
    } catch (error) {
      ioError = true;
      io.stderr(`batch-identity: ${file}: ${reasonOf(error)}`);
    }
  }

  // First pass: the pool accounts of every file, so named users resolve across files as in the editor.
  const accounts = new AccountIndex();
  for (const { file, language, source } of candidates) {
    if (!ACCOUNT_WORDS.some((word) => source.text.includes(word))) continue;
    const analysis = await engine.analyze({ uri: file, languageId: language, text: source.text }, { settings });
    accounts.update(file, accountsIn(file, source.text, analysis.facts));
    analysis.release();
  }

  const reports: FileReport[] = [];
  for (const candidate of candidates) {
    const { file, language } = candidate;
    let source = candidate.source;
    try {
      const input = { uri: file, languageId: language, text: source.text };
      if (options.fix) {
        const fixed = await engine.fixAll(input, { settings, workspace: accounts });
        if (fixed.changed) {
          writeSourceAtomically(file, source, fixed.text);
          io.stderr(`batch-identity: ${file}: fixed ${fixed.fixed} problem${fixed.fixed === 1 ? '' : 's'} (${fixed.fixedRules.join(', ')})`);
          source = { ...source, text: fixed.text };
        }
      }
      const analysis = await engine.analyze({ ...input, text: source.text }, { settings, workspace: accounts });
      if (analysis.skipped) io.stderr(`batch-identity: ${file}: skipped, ${analysis.skipped}`);
      reports.push(report(file, source, analysis));
      analysis.release();
    } catch (error) {
      ioError = true;
      io.stderr(`batch-identity: ${file}: ${reasonOf(error)}`);
    }
  }

  if (options.format === 'json') io.stdout(formatJson(reports));
  else if (options.format === 'sarif') io.stdout(formatSarif(reports, io.version));
  else io.stdout(formatText(reports));

  if (ioError) return EXIT.error;
  const blocking = reports.some((r) => r.diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning'));
  return blocking ? EXIT.findings : EXIT.clean;
}
