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

export function collectFiles(inputs: readonly string[]): WalkResult {
  const files: string[] = [];
  const errors: { path: string; message: string }[] = [];
  const walkDirectory = (dir: string) => {
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
      const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && isDirectorySafe(full));
      if (isDirectory) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walkDirectory(full);
      } else if (languageOfPath(entry.name) || isProjectFile(entry.name)) {
        files.push(full);
      }
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (error) {
      errors.push({
        path: input,
        message: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String(error),
      });
      continue;
    }
    // What the user names explicitly is read even if its folder or extension would be skipped.
    if (stat.isDirectory()) walkDirectory(input);
    else if (stat.isFile()) files.push(input);
  }
  return { files, errors };
}

function isDirectorySafe(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
