/**
 * What Migrate Workspace leaves out of a workspace folder, as VS Code's explorer and search do:
 * the folder's `.gitignore` files (git's rules, by the `ignore` package: a deeper file overrides a
 * shallower one, `!` re-includes, a directory pattern excludes everything below; the repository's
 * `.gitignore` files above the folder and `.git/info/exclude` count too) and VS Code's
 * `files.exclude` globs (relative to the folder, `{"when": "$(basename).ts"}` sibling clauses
 * included). Plugged into the walk (`WalkOptions.exclude`), so an excluded directory is never entered.
 */
import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';
import { minimatch } from 'minimatch';
import type { DirectoryEntry, WalkOptions } from './walk';

/** `files.exclude` as VS Code's configuration gives it: glob → true, false (switched off) or a sibling clause. */
export type FilesExclude = Readonly<Record<string, unknown>>;

/** One `.gitignore` (or `info/exclude`): its rules and the directory they are relative to. */
interface Layer {
  readonly base: string;
  readonly rules: Ignore;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

function readRules(file: string): Ignore | undefined {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return ignore().add(text);
  } catch {
    return undefined; // no such file, or not readable: no rules
  }
}

/** The repository root at or above `dir`: the nearest directory holding `.git` (a folder, or a file in worktrees). */
function repositoryRoot(dir: string): string | undefined {
  for (let at = dir; ; at = path.dirname(at)) {
    if (fs.existsSync(path.join(at, '.git'))) return at;
    if (path.dirname(at) === at) return undefined;
  }
}

export class WorkspaceExclusions {
  /** Per directory entered, the `.gitignore` layers that apply to its entries, outermost first. */
  private readonly layers = new Map<string, readonly Layer[]>();
  private readonly globs: { pattern: string; when?: string }[] = [];
  /** Entries left out so far. */
  excluded = 0;

  constructor(
    private readonly folder: string,
    filesExclude: FilesExclude = {},
  ) {
    for (const [pattern, value] of Object.entries(filesExclude)) {
      if (value === true) this.globs.push({ pattern });
      else if (value && typeof value === 'object' && typeof (value as { when?: unknown }).when === 'string')
        this.globs.push({ pattern, when: (value as { when: string }).when });
    }
    // The repository's rules above the folder (a folder may be part of a bigger repository).
    const outer: Layer[] = [];
    const root = repositoryRoot(folder);
    if (root) {
      const info = readRules(path.join(root, '.git', 'info', 'exclude'));
      if (info) outer.push({ base: root, rules: info });
      const above: string[] = [];
      for (let at = path.dirname(folder); root !== folder && at.startsWith(root); at = path.dirname(at)) {
        above.unshift(at);
        if (at === root) break;
      }
      for (const dir of above) {
        const rules = readRules(path.join(dir, '.gitignore'));
        if (rules) outer.push({ base: dir, rules });
      }
    }
    this.layers.set(path.dirname(folder), outer);
  }

  /** For `WalkOptions.exclude`. */
  readonly exclude: NonNullable<WalkOptions['exclude']> = (dir, entries) => {
    const inherited = this.layers.get(path.dirname(dir)) ?? this.layers.get(path.dirname(this.folder)) ?? [];
    const own = entries.some((e) => e.name === '.gitignore' && e.kind !== 'directory')
      ? readRules(path.join(dir, '.gitignore'))
      : undefined;
    const layers = own ? [...inherited, { base: dir, rules: own }] : inherited;
    this.layers.set(dir, layers);
    if (layers.length === 0 && this.globs.length === 0) return undefined;
    const names = new Set(entries.map((e) => e.name));
    return (entry: DirectoryEntry) => {
      const full = path.join(dir, entry.name);
      // A link is judged as what it leads to: a directory pattern must match a linked directory too.
      const directory = entry.kind === 'directory' || (entry.kind === 'link' && isDirectory(full));
      const out = this.ignoredByGit(layers, full, directory) || this.excludedByGlob(full, entry.name, names);
      if (out) this.excluded++;
      return out;
    };
  };

  private ignoredByGit(layers: readonly Layer[], full: string, directory: boolean): boolean {
    let ignored = false;
    for (const { base, rules } of layers) {
      const relative = toPosix(path.relative(base, full)) + (directory ? '/' : '');
      const verdict = rules.test(relative);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  private excludedByGlob(full: string, name: string, siblings: ReadonlySet<string>): boolean {
    if (this.globs.length === 0) return false;
    const relative = toPosix(path.relative(this.folder, full));
    const nocase = process.platform === 'win32' || process.platform === 'darwin';
    return this.globs.some(({ pattern, when }) => {
      if (!minimatch(relative, pattern, { dot: true, nocase })) return false;
      if (!when) return true;
      const dot = name.lastIndexOf('.');
      const sibling = when.replace(/\$\(basename\)/g, dot > 0 ? name.slice(0, dot) : name);
      return siblings.has(sibling);
    });
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
