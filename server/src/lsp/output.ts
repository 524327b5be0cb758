/**
 * What the server tells the output (LSP `window/logMessage`, so every client shows it; VS Code's
 * goes to the "Batch Identity" channel): one line per event, at the info level unless something
 * failed — start-up, the settings in force, the workspace index and its changes, each file
 * skipped and why, errors. Nothing per keystroke: index changes are told once edits pause, skips
 * when their reason changes, settings when they change.
 */
import * as path from 'path';
import type { Settings } from '../../../common/settings';
import type { AccountIndex } from '../workspace/accountIndex';
import { localPathOf } from './uris';

/** `1 pool user account`, `3 pool user accounts`. */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The settings as one line: JSON, every key, so a line says exactly what is in force. */
export function describeSettings(settings: Settings): string {
  return JSON.stringify(settings);
}

/** A file as the output names it: relative to the workspace folder holding it, else its path or URI. */
export function displayName(uri: string, folders: readonly string[]): string {
  const file = localPathOf(uri);
  if (!file) return uri;
  for (const folder of folders) {
    const relative = path.relative(folder, file);
    if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return relative.split(path.sep).join('/');
  }
  return file;
}

/** How long edits must pause before an index change is told: a name typed letter by letter is one line. */
export const INDEX_CHANGE_QUIET_MS = 1000;

/**
 * Tells what changed in the workspace's pool user accounts — "1 pool user account added in
 * pool.json (adminUser)" — once changes pause, as the difference from what was last told. Muted
 * while the background scan fills the index (its summary line counts what it found).
 */
export class IndexChangeLog {
  /** Per file, the names last told (or found by the last scan). */
  private readonly told = new Map<string, ReadonlySet<string>>();
  private readonly dirty = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private muted = 0;

  constructor(
    private readonly index: AccountIndex,
    private readonly log: (message: string) => void,
    private readonly name: (uri: string) => string,
    private readonly quietMs = INDEX_CHANGE_QUIET_MS,
  ) {}

  /** The index changed for a file: told once changes pause (unless a scan is filling it). */
  changed(uri: string): void {
    if (this.muted > 0) return;
    this.dirty.add(uri);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.quietMs);
    this.timer.unref?.();
  }

  /** A scan begins: its changes are not told one by one. */
  mute(): void {
    this.muted++;
  }

  /** A scan ended: what the index holds now is what was told (the scan's summary said it). */
  unmute(): void {
    this.muted = Math.max(0, this.muted - 1);
    if (this.muted > 0) return;
    this.told.clear();
    for (const uri of this.index.uris()) this.told.set(uri, this.index.namesIn(uri));
  }

  /** Tells the pending changes now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const uri of [...this.dirty].sort()) {
      const now = this.index.namesIn(uri);
      const before = this.told.get(uri) ?? new Set<string>();
      const added = [...now].filter((n) => !before.has(n)).sort();
      const removed = [...before].filter((n) => !now.has(n)).sort();
      if (now.size > 0) this.told.set(uri, now);
      else this.told.delete(uri);
      const parts: string[] = [];
      if (added.length > 0) parts.push(`${counted(added.length, 'pool user account')} added (${added.join(', ')})`);
      if (removed.length > 0) parts.push(`${counted(removed.length, 'pool user account')} removed (${removed.join(', ')})`);
      if (parts.length === 0) continue;
      const { accounts, pools } = this.index.summary();
      this.log(
        `Workspace index: ${parts.join(', ')} in ${this.name(uri)}; ${counted(accounts, 'pool user account')} on ${counted(pools, 'pool')} in all.`,
      );
    }
    this.dirty.clear();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
