/**
 * `batch-identity check [--fix | --diff] [--format text|json|sarif] [--no-cache] <file-or-dir>...`
 *
 * The same engine as the editor: same findings, and `--fix` is the editor's fix-all. `--diff`
 * prints what `--fix` would write as a unified diff and writes nothing. Results are cached
 * (`cache.ts`) unless `--no-cache`. Named users resolve against the pools of the whole project: the
 * rest of the project root (`workspace/projectRoot.ts`) is read for accounts and imports, never reported.
 * Exit codes: 0 no finding of warning or above remains (and, with --diff, nothing to change); 1 one
 * does (or --diff has a change); 2 usage or I/O error (files that could be read are still checked
 * and reported).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { languageNames } from '../../../common/languages';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/settings';
import { Engine, languageOfPath } from '../engine/engine';
import { projectRootsBeyond } from '../workspace/projectRoot';
import { walkFiles } from '../workspace/walk';
import { DEFAULT_CACHE_LOCATION, parseArgs, resultCacheLocation } from './args';
import { CheckCache, RACY_MS, sameStat, type FileEntry } from './cache';
import { Checker, type CacheRecord, type CheckOptions, type CheckResult, type Note, type ScanItem, type ScanResult } from './checker';
import { patchBytes } from './diff';
import { WorkerPool } from './parallel';
import { formatJson, formatSarif, formatText, type FileReport } from './report';

export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

export interface CliIo {
  readonly stdout: (text: string) => void;
  /** Bytes for stdout as they are (`--diff`'s patch, whose lines are each file's own bytes); without it, the patch as text. */
  readonly stdoutBytes?: (bytes: Buffer) => void;
  readonly stderr: (text: string) => void;
  readonly version: string;
  /** A script that runs `serveWorker` in a worker thread (the bundle itself); without it, one thread. */
  readonly workerScript?: string;
  /** A hash of the running build (the bundle's bytes): a cache written by another build is not trusted. */
  readonly build?: string;
  /** The working directory (default `process.cwd()`): the default cache location is under it, and `--diff`'s paths are relative to it. */
  readonly cwd?: string;
  /** How long before a run a change makes a file's stat untrustworthy (default `RACY_MS`); tests trust every stat with −Infinity. */
  readonly racyMs?: number;
}

/** From this many files to read on, the work is shared among threads (fewer would pay more to start them). */
const PARALLEL_FROM_FILES = 2000;
const MAX_JOBS = 4;

const USAGE = `Usage: batch-identity check [--fix | --diff] [--format text|json|sarif] [--fix-scope omit|task|pool] <file-or-dir>...

Finds Azure Batch runElevated and user-identity problems in ${languageNames('and')} files.
  --fix              rewrite files with every safe fix (the editor's fix-all), atomically
  --diff             print what --fix would write as a unified diff (git apply, patch -p1); write nothing
  --format           text (default), json (one array of files with findings), or sarif (SARIF 2.1.0)
  --fix-scope        scope the runElevated fix writes: omit (default), task or pool
  --jobs N           threads to use (default: one per core for 2000 files to read or more, else 1)
  --no-cache         read and analyse every file (by default results of unchanged files are reused)
  --cache-location   where the cache is kept (default: ${DEFAULT_CACHE_LOCATION.split(path.sep).join('/')})
Exit: 0 nothing of warning or above (and with --diff nothing to change), 1 findings remain (or a change), 2 usage or I/O error.`;

/** The settings as one string, keys sorted: the cache's key of "the settings that change results" (all of them do). */
export function settingsKey(settings: Settings): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
          )
        : value;
  return JSON.stringify(sorted(settings));
}

export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const startedAt = Date.now();
  const options = parseArgs(args);
  if (typeof options === 'string') {
    if (options) io.stderr(`batch-identity: ${options}\n\n${USAGE}`);
    else io.stdout(USAGE);
    return options ? EXIT.error : EXIT.clean;
  }
  const cwd = io.cwd ?? process.cwd();
  // Relative inputs are the working directory's (in process, a caller may give another than the process's).
  const inputs = io.cwd ? options.paths.map((p) => path.resolve(io.cwd!, p)) : options.paths;
  const settings: Settings = { ...DEFAULT_SETTINGS, fix: { scope: options.fixScope } };
  const racyMs = io.racyMs ?? RACY_MS;
  const checkOptions: CheckOptions = { settings, fix: options.fix, diff: options.diff, cache: options.cache, startedAt, racyMs, cwd };
  // After the inputs, the rest of their projects: read for pool accounts and project imports only
  // (as the editor reads its workspace folders), never reported. The walk lists each file once, under
  // the first input that reaches it, so a checked file is never also a context file.
  const roots = projectRootsBeyond(inputs, cwd);
  const cacheLocation = resultCacheLocation(options, cwd);
  const cache = cacheLocation
    ? CheckCache.open(
        cacheLocation,
        {
          tool: io.build ? `${io.version}+${io.build}` : io.version,
          settings: settingsKey(settings),
          inputs: inputs.map((p) => path.resolve(p)),
          context: roots,
        },
        startedAt,
        racyMs,
      )
    : undefined;

  // Files whose cache entry holds and that hold no identity word need nothing more: handled here.
  const known: ScanResult = { imports: [], notes: [], ioError: false, entries: [] };
  const items: ScanItem[] = [];
  const walkErrors: { path: string; message: string }[] = [];
  // Big workspaces are shared among worker threads (when running from the bundle, which can
  // re-enter itself as a worker): they start once the walk has found enough files to read, and
  // get files while it goes on. The results are the same, in the same order.
  const autoJobs = Math.min(os.availableParallelism(), MAX_JOBS);
  let pool: WorkerPool | undefined =
    options.jobs !== undefined && options.jobs > 1 && io.workerScript
      ? new WorkerPool(io.workerScript, options.jobs, checkOptions)
      : undefined;
  let toRead = 0;
  let order = 0;
  let warmer: Engine | undefined;
  try {
    walkFiles(
      [...inputs, ...roots],
      // The cache's own files are never read as sources (a location inside the tree: they change every run).
      { list: cache?.list, skipDirectories: cache && cacheLocation ? new Set([realPathOr(cacheLocation)]) : undefined },
      (file, real, input) => {
        // The bulk of a re-scan: an unchanged file without an identity word. Nothing to read, nothing to make.
        if (cache?.unchangedPlain(real)) {
          order++;
          return;
        }
        const context = input >= inputs.length;
        const item = classify(file, real, order++, cache?.entry(real), context);
        if (item.trusted && item.cached?.kind === 'plain') {
          if (item.cached.note && !context) known.notes.push({ order: item.order, text: `${file}: ${item.cached.note}` });
          if (item.cached.imports) known.imports.push(...item.cached.imports);
          cache!.keep(real);
          return;
        }
        if (!item.trusted) {
          toRead++;
          // A file that held identity words changed: its grammar compiles (in the background) while the walk goes on.
          const language = item.cached?.kind === 'candidate' && !pool ? languageOfPath(file) : undefined;
          if (language) (warmer ??= new Engine()).warmUp(language);
        }
        if (pool) pool.deal([item]);
        else items.push(item);
        if (!pool && options.jobs === undefined && io.workerScript && autoJobs > 1 && toRead >= PARALLEL_FROM_FILES) {
          pool = new WorkerPool(io.workerScript, autoJobs, checkOptions);
          pool.deal(items.splice(0));
        }
      },
      // A folder of the project outside the inputs that cannot be listed defines nothing: no error.
      (error, input) => {
        if (input < inputs.length) walkErrors.push(error);
      },
    );
    for (const e of walkErrors) io.stderr(`batch-identity: ${e.path}: ${e.message}`);

    let scans: ScanResult[];
    let accountNotes: Note[];
    let checks: CheckResult[];
    let accountsFailed: boolean;
    if (pool) {
      scans = await pool.scan();
      const accounts = await pool.accounts(pooledImports([known, ...scans]));
      accountNotes = accounts.flatMap((a) => a.notes);
      accountsFailed = accounts.some((a) => a.ioError);
      checks = await pool.check(accounts.flatMap((a) => a.accounts));
    } else {
      const checker = new Checker(checkOptions);
      scans = [await checker.scan(items)];
      const accounts = await checker.accounts(pooledImports([known, ...scans]));
      accountNotes = accounts.notes;
      accountsFailed = accounts.ioError;
      checks = [await checker.check(accounts.accounts)];
    }

    if (cache) {
      for (const record of [known, ...scans, ...checks].flatMap((r): CacheRecord[] => r.entries))
        cache.record(record.real, record.entry, record.unchanged);
      const failed = cache.save();
      if (failed)
        io.stderr(
          `batch-identity: the cache could not be written to ${path.dirname(cache.file)} (${failed}); the next run reads every file`,
        );
    }

    const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;
    const ordered = checks.flatMap((c) => c.reports).sort(byOrder);
    const patchNotes: Note[] =
      options.diff && options.format === 'text' && io.stdoutBytes
        ? ordered
            .filter((r) => r.diff && r.encoding === 'windows-1252')
            .map((r) => ({
              order: r.order,
              text: `${r.file}: its diff's lines are the file's own Windows-1252 bytes, as --fix writes them`,
            }))
        : [];
    const notes = [...[known, ...scans, ...checks].flatMap((r) => r.notes), ...accountNotes, ...patchNotes].sort(byOrder);
    for (const note of notes) io.stderr(`batch-identity: ${note.text}`);
    const reports: FileReport[] = ordered.map(({ file, diagnostics, diff, encoding }) => ({ file, diagnostics, diff, encoding }));
    const ioError = walkErrors.length > 0 || accountsFailed || [known, ...scans, ...checks].some((r) => r.ioError);

    const changed = reports.some((r) => r.diff);
    if (options.diff && options.format === 'text') {
      // The patch alone on stdout (`> fix.patch`); what was found goes to stderr.
      const patch = reports.map((r) => r.diff ?? '').join('');
      if (patch && io.stdoutBytes)
        io.stdoutBytes(Buffer.concat(reports.map((r) => (r.diff ? patchBytes(r.diff, r.encoding) : Buffer.alloc(0)))));
      else if (patch) io.stdout(patch.slice(0, -1)); // stdout ends the line
      io.stderr(formatText(reports));
    } else if (options.format === 'json') io.stdout(formatJson(reports));
    else if (options.format === 'sarif') io.stdout(formatSarif(reports, io.version));
    else io.stdout(formatText(reports));

    if (ioError) return EXIT.error;
    const blocking = reports.some((r) => r.diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning'));
    return blocking || changed ? EXIT.findings : EXIT.clean;
  } finally {
    await pool?.terminate();
  }
}

/** A walked file with its cache entry, and whether the entry's stat is the file's now (then the file need not be read). */
function classify(file: string, real: string, order: number, cached: FileEntry | undefined, context: boolean): ScanItem {
  const item = { file, order, real, cached, ...(context && { context }) };
  if (!cached?.stat) return item;
  const stats = fs.statSync(real, { throwIfNoEntry: false });
  return { ...item, trusted: !!stats && stats.isFile() && sameStat(cached.stat, stats) };
}

/** The real path of `location`, or the path itself while it does not exist. */
function realPathOr(location: string): string {
  try {
    return fs.realpathSync(location);
  } catch {
    return location;
  }
}

function pooledImports(scans: readonly ScanResult[]): string[] {
  return [...new Set(scans.flatMap((s) => s.imports))].sort();
}
