/**
 * `batch-identity check [--fix] [--format text|json|sarif] <file-or-dir>...`
 *
 * The same engine as the editor: same findings, and `--fix` is the editor's fix-all.
 * Exit codes: 0 no finding of warning or above remains; 1 one does; 2 usage or I/O error (files
 * that could be read are still checked and reported).
 */
import * as os from 'os';
import { languageNames } from '../../../common/languages';
import { DEFAULT_SETTINGS, type FixScope, type Settings } from '../../../common/settings';
import { projectContextFiles } from '../workspace/projectRoot';
import { collectFiles } from '../workspace/walk';
import { Checker, type CheckResult, type Listed, type ScanResult } from './checker';
import { checkInParallel } from './parallel';
import { formatJson, formatSarif, formatText, type FileReport } from './report';

export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly version: string;
  /** A script that runs `serveWorker` in a worker thread (the bundle itself); without it, one thread. */
  readonly workerScript?: string;
}

/** From this many files on, the work is shared among threads (fewer would pay more to start them). */
const PARALLEL_FROM_FILES = 2000;
const MAX_JOBS = 4;

const USAGE = `Usage: batch-identity check [--fix] [--format text|json|sarif] [--fix-scope omit|task|pool] <file-or-dir>...

Finds Azure Batch runElevated and user-identity problems in ${languageNames('and')} files.
  --fix          rewrite files with every safe fix (the editor's fix-all), atomically
  --format       text (default), json (one array of files with findings), or sarif (SARIF 2.1.0)
  --fix-scope    scope the runElevated fix writes: omit (default), task or pool
  --jobs N       threads to use (default: one per core for 2000 files or more, else 1)
Exit: 0 nothing of warning or above, 1 findings remain, 2 usage or I/O error.`;

interface Options {
  readonly fix: boolean;
  readonly format: 'text' | 'json' | 'sarif';
  readonly fixScope: FixScope;
  readonly paths: string[];
  readonly jobs?: number;
}

function parseArgs(args: readonly string[]): Options | string {
  if (args[0] !== 'check') return args.length === 0 || args[0] === '--help' || args[0] === '-h' ? '' : `unknown command '${args[0]}'`;
  let fix = false;
  let format: Options['format'] = 'text';
  let fixScope: FixScope = 'omit';
  let jobs: number | undefined;
  const paths: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
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
    } else if (flag === '--jobs') {
      const value = valueOf();
      jobs = Number(value);
      if (!Number.isInteger(jobs) || jobs < 1) return `--jobs must be a whole number of at least 1 (got '${value ?? ''}')`;
    } else if (flag === '--help' || flag === '-h') return '';
    else if (arg.startsWith('-') && arg !== '-') return `unknown option '${arg}'`;
    else paths.push(arg);
  }
  if (paths.length === 0) return 'no file or directory given';
  return { fix, format, fixScope, paths, jobs };
}

export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    if (options) io.stderr(`batch-identity: ${options}\n\n${USAGE}`);
    else io.stdout(USAGE);
    return options ? EXIT.error : EXIT.clean;
  }
  const settings: Settings = { ...DEFAULT_SETTINGS, fix: { scope: options.fixScope } };
  const { files, errors } = collectFiles(options.paths);
  for (const e of errors) io.stderr(`batch-identity: ${e.path}: ${e.message}`);
  const listed: Listed[] = [...files, ...projectContextFiles(options.paths, files.length)].map((file, order) => ({
    file,
    order,
    ...(order >= files.length && { context: true }),
  }));
  const checkOptions = { settings, fix: options.fix };

  // Big workspaces are shared among worker threads (when running from the bundle, which can
  // re-enter itself as a worker); the results are the same, in the same order.
  const jobs = options.jobs ?? (files.length >= PARALLEL_FROM_FILES ? Math.min(os.availableParallelism(), MAX_JOBS) : 1);
  let scans: ScanResult[];
  let checks: CheckResult[];
  if (jobs > 1 && io.workerScript) {
    ({ scans, checks } = await checkInParallel(listed, checkOptions, jobs, io.workerScript));
  } else {
    const checker = new Checker(checkOptions);
    scans = [await checker.scan(listed)];
    checks = [await checker.check(await checker.accounts(scans[0].imports))];
  }

  const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;
  for (const note of [...scans, ...checks].flatMap((r) => r.notes).sort(byOrder)) io.stderr(`batch-identity: ${note.text}`);
  const reports: FileReport[] = checks
    .flatMap((c) => c.reports)
    .sort(byOrder)
    .map(({ file, diagnostics }) => ({ file, diagnostics }));
  const ioError = errors.length > 0 || [...scans, ...checks].some((r) => r.ioError);

  if (options.format === 'json') io.stdout(formatJson(reports));
  else if (options.format === 'sarif') io.stdout(formatSarif(reports, io.version));
  else io.stdout(formatText(reports));

  if (ioError) return EXIT.error;
  const blocking = reports.some((r) => r.diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning'));
  return blocking ? EXIT.findings : EXIT.clean;
}
