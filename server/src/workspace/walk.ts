/**
 * Finds the files `check` reads: the four languages' extensions, and the MSBuild project files
 * whose `Using` items are C# global usings; outside build output and dependencies.
 */
import * as fs from 'fs';
import * as path from 'path';
import { languageOfPath } from '../engine/engine';
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

/**
 * The files of the inputs, each once: regular files only (a named pipe or a device with a source
 * extension is never listed: reading it would block or never end), directory links followed once
 * (each directory is entered by its real path at most once, so a link cycle or a link to `.` adds
 * nothing), and a file reached by several paths listed under the first.
 */
export function collectFiles(inputs: readonly string[]): WalkResult {
  const files: string[] = [];
  const errors: { path: string; message: string }[] = [];
  const enteredDirectories = new Set<string>();
  const listedFiles = new Set<string>();
  const list = (file: string, real: string) => {
    if (listedFiles.has(real)) return;
    listedFiles.add(real);
    files.push(file);
  };
  const walkDirectory = (dir: string, real: string) => {
    if (enteredDirectories.has(real)) return;
    enteredDirectories.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      errors.push({ path: dir, message: `cannot list: ${(error as NodeJS.ErrnoException).code ?? error}` });
      return;
    }
    if (entries.some((e) => e.name === 'pyvenv.cfg')) return; // a Python virtual environment
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      // Directory entries carry their type: no stat per file (it would cost more than the search).
      // Below a real path, an entry that is no link has the real path of its name.
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walkDirectory(full, path.join(real, entry.name));
      } else if (entry.isFile()) {
        if (wanted(entry.name)) list(full, path.join(real, entry.name));
      } else if (entry.isSymbolicLink()) {
        const target = resolveLink(full);
        if (target?.stats.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name)) walkDirectory(full, target.real);
        } else if (target?.stats.isFile() && wanted(entry.name)) {
          list(full, target.real);
        }
      }
      // Anything else (a pipe, a socket, a device) is not source code.
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    let real: string;
    try {
      stat = fs.statSync(input);
      real = fs.realpathSync(input);
    } catch (error) {
      errors.push({
        path: input,
        message: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String(error),
      });
      continue;
    }
    // What the user names explicitly is read even if its folder or extension would be skipped.
    if (stat.isDirectory()) walkDirectory(input, real);
    else if (stat.isFile()) list(input, real);
    else errors.push({ path: input, message: 'not a regular file or directory' });
  }
  return { files, errors };
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
