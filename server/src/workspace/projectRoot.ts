/**
 * The project a checked path belongs to. The editor indexes pool accounts over its workspace
 * folders, whatever file is open; the CLI does the same over the project root, whatever folder or
 * file is checked, so that checking one folder of a repository does not report users whose pool
 * is defined in another (unknown-user), and its findings are the editor's.
 */
import * as fs from 'fs';
import * as path from 'path';
import { collectFiles } from './walk';

/**
 * The nearest folder at or above `input` that holds `.git` (a folder, or a file in a worktree or
 * submodule); without one, the working folder when `input` lies in it (it plays the editor's
 * workspace folder), else `input` itself. Undefined when `input` does not exist.
 */
export function projectRootOf(input: string, cwd: string): string | undefined {
  const absolute = path.resolve(cwd, input);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    return undefined;
  }
  for (let dir = stat.isDirectory() ? absolute : path.dirname(absolute); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  const relative = path.relative(cwd, absolute);
  const inCwd = !relative.startsWith('..') && !path.isAbsolute(relative);
  return inCwd ? path.resolve(cwd) : absolute;
}

/**
 * The project roots of the inputs that the inputs themselves do not name: walked after the inputs
 * (the walk is ordered and lists each real path once), they give the rest of the projects, with the
 * walk's skips (dependencies, build output, virtual environments, links followed once). Absolute.
 */
export function projectRootsBeyond(inputs: readonly string[], cwd = process.cwd()): string[] {
  const roots = [...new Set(inputs.map((input) => projectRootOf(input, cwd)).filter((root): root is string => !!root))];
  const walkedWhole = new Set(inputs.map((input) => path.resolve(cwd, input)));
  return roots.filter((root) => !walkedWhole.has(root));
}

/**
 * The files of the inputs' projects that the inputs leave out: read for the pool accounts and
 * project imports they define, never reported. `checked` is how many files `collectFiles(inputs)`
 * listed: walking the inputs first and the roots after lists those same files first, so what
 * comes after them is the rest of the projects. (The CLI walks both in one go, `walkFiles`, and
 * tells them apart by the input each file came from.)
 */
export function projectContextFiles(inputs: readonly string[], checked: number, cwd = process.cwd()): string[] {
  const missing = projectRootsBeyond(inputs, cwd);
  if (missing.length === 0) return [];
  return collectFiles([...inputs.map((input) => path.resolve(cwd, input)), ...missing]).files.slice(checked);
}
