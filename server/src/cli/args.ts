/**
 * The command line of `batch-identity check`: what the user asked for, nothing read yet. Its own
 * module, with nothing but `path` behind it, because dist/cli.js (`cliLoader.ts`) parses the same
 * arguments before it loads the engine, to know where the result cache (and its code cache) lives.
 */
import * as path from 'path';
import type { FixScope } from '../../../common/settings';

/** Where the cache lives unless `--cache-location` says otherwise (relative to the working directory). */
export const DEFAULT_CACHE_LOCATION = path.join('node_modules', '.cache', 'batch-identity');

export interface Options {
  readonly fix: boolean;
  readonly diff: boolean;
  readonly format: 'text' | 'json' | 'sarif';
  readonly fixScope: FixScope;
  readonly paths: string[];
  readonly jobs?: number;
  readonly cache: boolean;
  readonly cacheLocation?: string;
}

export function parseArgs(args: readonly string[]): Options | string {
  if (args[0] !== 'check') return args.length === 0 || args[0] === '--help' || args[0] === '-h' ? '' : `unknown command '${args[0]}'`;
  let fix = false;
  let diff = false;
  let format: Options['format'] = 'text';
  let fixScope: FixScope = 'omit';
  let jobs: number | undefined;
  let cache = true;
  let cacheLocation: string | undefined;
  const paths: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const valueOf = () => inline ?? args[++i];
    if (flag === '--fix') fix = true;
    else if (flag === '--diff') diff = true;
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
    } else if (flag === '--cache') cache = true;
    else if (flag === '--no-cache') cache = false;
    else if (flag === '--cache-location') {
      const value = valueOf();
      if (!value) return '--cache-location needs a directory';
      cacheLocation = value;
    } else if (flag === '--help' || flag === '-h') return '';
    else if (arg.startsWith('-') && arg !== '-') return `unknown option '${arg}'`;
    else paths.push(arg);
  }
  if (paths.length === 0) return 'no file or directory given';
  if (fix && diff) return '--fix and --diff exclude each other (--diff shows what --fix would write)';
  return { fix, diff, format, fixScope, paths, jobs, cache, cacheLocation };
}

/** The directory of the result cache of a run with these options, or undefined with `--no-cache`. */
export function resultCacheLocation(options: Options, cwd: string): string | undefined {
  return options.cache ? path.resolve(cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION) : undefined;
}
