/**
 * Finds the files `check` reads: the four languages' extensions, and the MSBuild project files
 * whose `Using` items are C# global usings; outside build output and dependencies.
 */
import * as fs from 'fs';
import * as path from 'path';
import { languageOfPath } from '../../../common/languages';
import { isProjectFile } from './msbuild';

/** Folders never walked into: dependencies, VCS data, build output. */
export const SKIPPED_FOLDERS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'bin',
  'obj',
  'target',
  'build',
  'dist',
  'out',
  '__pycache__',
  '.venv',
  'venv',
  '.tox',
  '.mypy_cache',
  '.gradle',
  '.idea',
  '.vs',
]);

export interface WalkResult {
  readonly files: string[];
  readonly errors: { path: string; message: string }[];
}

/** A directory entry as the walk reads it: its name and what the entry itself is (a link is not followed yet). */
export interface DirectoryEntry {
  readonly name: string;
  readonly kind: 'directory' | 'file' | 'link' | 'other';
}

export interface WalkOptions {
  /**
   * Lists a directory (entered by its real path `real`); the default reads it. The CLI's cache
   * answers from the listing it recorded while the directory is unchanged, and leaves out the
   * files it dealt with itself (unchanged, with nothing to report).
   */
  readonly list?: (dir: string, real: string) => readonly DirectoryEntry[];
  /**
   * Per directory entered, what to leave out of its entries (`.gitignore`, `files.exclude`);
   * undefined leaves nothing out. Never asked about the inputs themselves.
   */
  readonly exclude?: (dir: string, entries: readonly DirectoryEntry[]) => ((entry: DirectoryEntry) => boolean) | undefined;
  /**
   * Directories (by real path) the walk never enters when it comes upon them, such as the CLI's
   * own cache location: its files are no source, and change with every run. An input named
   * explicitly is still walked.
   */
  readonly skipDirectories?: ReadonlySet<string>;
}

/** Reads a directory's entries, sorted by name (the default `list`). */
export function readDirectory(dir: string): DirectoryEntry[] {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).map((entry): DirectoryEntry => ({
    name: entry.name,
    kind: entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : entry.isSymbolicLink() ? 'link' : 'other',
  }));
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The files of the inputs, each once: regular files only (a named pipe or a device with a source
 * extension is never listed: reading it would block or never end), directory links followed once
 * (each directory is entered by its real path at most once, so a link cycle or a link to `.` adds
 * nothing), and a file reached by several paths listed under the first.
 */
export function collectFiles(inputs: readonly string[], options: WalkOptions = {}): WalkResult {
  const files: string[] = [];
  const errors: { path: string; message: string }[] = [];
  walkFiles(
    inputs,
    options,
    (file) => files.push(file),
    (error) => errors.push(error),
  );
  return { files, errors };
}

/** `dir`'s entry `name`: plain concatenation below a path that is already normalised (path.join costs more than the walk itself). */
const child = (dir: string, name: string) => (dir.endsWith(path.sep) ? dir + name : dir + path.sep + name);

/**
 * `collectFiles` one file at a time, in the same order, so that work on the first files can start
 * while the walk goes on: `onFile` gets each file (the path it was reached by, and its real
 * path), `onError` an input that does not exist or a folder that cannot be listed; both get the
 * index of the input being walked (a file reached again from a later input is not listed again).
 */
export function walkFiles(
  inputs: readonly string[],
  options: WalkOptions,
  onFile: (file: string, real: string, input: number) => void,
  onError: (error: { path: string; message: string }, input: number) => void = () => undefined,
): void {
  const list = options.list ?? ((dir: string) => readDirectory(dir));
  const enteredDirectories = new Set<string>();
  const listedFiles = new Set<string>();
  let current = 0;
  const found = (file: string, real: string) => {
    if (listedFiles.has(real)) return;
    listedFiles.add(real);
    onFile(file, real, current);
  };
  /** `normalized`: `dir` came from the walk, not from the user (whose `examples/` or `./x` path.join tidies once). */
  const walkDirectory = (dir: string, real: string, normalized: boolean) => {
    if (enteredDirectories.has(real)) return;
    enteredDirectories.add(real);
    if (normalized && options.skipDirectories?.has(real)) return;
    let entries: readonly DirectoryEntry[];
    try {
      entries = list(dir, real);
    } catch (error) {
      onError({ path: dir, message: `cannot list: ${(error as NodeJS.ErrnoException).code ?? error}` }, current);
      return;
    }
    if (entries.some((e) => e.name === 'pyvenv.cfg')) return; // a Python virtual environment
    const excluded = options.exclude?.(dir, entries);
    for (const entry of entries) {
      if (excluded?.(entry)) continue;
      // Directory entries carry their type: no stat per file (it would cost more than the search).
      // Below a real path, an entry that is no link has the real path of its name.
      const full = normalized ? child(dir, entry.name) : path.join(dir, entry.name);
      if (entry.kind === 'directory') {
        if (!SKIPPED_FOLDERS.has(entry.name)) walkDirectory(full, child(real, entry.name), true);
      } else if (entry.kind === 'file') {
        if (wanted(entry.name)) found(full, child(real, entry.name));
      } else if (entry.kind === 'link') {
        const target = resolveLink(full);
        if (target?.stats.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name)) walkDirectory(full, target.real, true);
        } else if (target?.stats.isFile() && wanted(entry.name)) {
          found(full, target.real);
        }
      }
      // Anything else (a pipe, a socket, a device) is not source code.
    }
  };
  for (const [index, input] of inputs.entries()) {
    current = index;
    let stat: fs.Stats;
    let real: string;
    try {
      stat = fs.statSync(input);
      real = fs.realpathSync(input);
    } catch (error) {
      onError(
        {
          path: input,
          message: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String(error),
        },
        index,
      );
      continue;
    }
    // What the user names explicitly is read even if its folder or extension would be skipped.
    if (stat.isDirectory()) walkDirectory(input, real, false);
    else if (stat.isFile()) found(input, real);
    else onError({ path: input, message: 'not a regular file or directory' }, index);
  }
}

function wanted(name: string): boolean {
  return !!languageOfPath(name) || isProjectFile(name);
}

/** A link's target and its real path; undefined for a dangling link or a loop of links. */
function resolveLink(link: string): { stats: fs.Stats; real: string } | undefined {
  try {
    return { stats: fs.statSync(link), real: fs.realpathSync(link) };
  } catch {
    return undefined;
  }
}
