/** Finds the files `check` reads: the four languages' extensions, outside build output and dependencies. */
import * as fs from 'fs';
import * as path from 'path';
import { languageOfPath } from '../engine/engine';

/** Folders never walked into: dependencies, VCS data, build output. */
export const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'bin', 'obj', 'target', 'build', 'dist', 'out', '__pycache__', '.venv', 'venv', '.tox', '.mypy_cache', '.gradle', '.idea', '.vs']);

export interface WalkResult {
  readonly files: string[];
  readonly errors: { path: string; message: string }[];
}

export function collectFiles(inputs: readonly string[]): WalkResult {
  const files: string[] = [];
  const errors: { path: string; message: string }[] = [];
  const visit = (p: string, explicit: boolean) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (error) {
      errors.push({ path: p, message: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String(error) });
      return;
    }
    if (stat.isDirectory()) {
      if (!explicit && (SKIPPED_FOLDERS.has(path.basename(p)) || fs.existsSync(path.join(p, 'pyvenv.cfg')))) return;
      let entries: string[];
      try {
        entries = fs.readdirSync(p).sort();
      } catch (error) {
        errors.push({ path: p, message: `cannot list: ${(error as NodeJS.ErrnoException).code ?? error}` });
        return;
      }
      for (const entry of entries) visit(path.join(p, entry), false);
    } else if (stat.isFile() && (explicit || languageOfPath(p))) {
      files.push(p);
    }
  };
  for (const input of inputs) visit(input, true);
  return { files, errors };
}
