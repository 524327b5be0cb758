/**
 * The result cache of `check` (`--cache`, on by default; docs/cli.md has the format and the
 * rules): what each file held the last time it was read, so that a re-run reads, decodes and
 * analyses only what changed, as ESLint's `--cache` and Ruff's cache do.
 *
 * - One cache file per tool build, settings and inputs (`CacheIdentity`), in the cache location.
 * - Per file (by real path): the stat it was read with, what `check` made of its bytes (no identity
 *   word, or a candidate with the SHA-256 of its bytes), the project imports it makes, and for a
 *   candidate the accounts it defines and its findings, each with what it depended on: the
 *   workspace's project imports (`importsKey`) and, for the findings, the answer to every account
 *   name the analysis looked up and whether it asked if there are pools (as the server's
 *   `RecordedLookups`). A change in another file re-checks a file only through these.
 * - Per directory: its entries, so that an unchanged directory (same stat) is not listed again.
 * - A stat is trusted only when the file (or directory) had not changed for `RACY_MS` before the
 *   run read it; otherwise the next run reads it again and compares the hash (git's racily clean
 *   entries). A file whose stat changed but whose bytes hash the same keeps its results.
 * - A cache file that is not ours, of another format, build, settings or inputs, truncated or
 *   altered (its body's SHA-256 is in its first line), or malformed in any entry is ignored, never
 *   trusted. Writes are atomic (a temporary file renamed over the old one), so concurrent runs
 *   never leave a torn file: the last one wins.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Elevation } from '../batch/model';
import type { AccountLocation, WorkspaceAccounts } from '../engine/findings';
import type { DirectoryEntry } from '../workspace/walk';
import { readDirectory } from '../workspace/walk';
import type { ReportedDiagnostic } from './report';

export const CACHE_FORMAT = 'batch-identity-check-cache';
export const CACHE_FORMAT_VERSION = 1;
/** Where the cache lives unless `--cache-location` says otherwise (relative to the working directory). */
export const DEFAULT_CACHE_LOCATION = path.join('node_modules', '.cache', 'batch-identity');
/** Cache files kept in one location (one per build, settings and inputs); the least recently written are deleted. */
const MAX_CACHE_FILES = 16;
/** A cache file larger than this is not read (no real workspace comes near it). */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;
/**
 * A file or directory changed this shortly before it was read may change again without its size or
 * times showing it (file systems that keep times to the second or two: FAT, HFS+, some network
 * shares): its stat is not recorded, so the next run reads it again and compares the hash.
 */
export const RACY_MS = 2000;

/** What tells a file's (or directory's) version without reading it: size, modification and change times, inode. */
export type StatKey = readonly [size: number, mtimeMs: number, ctimeMs: number, ino: number];

export function statKey(stats: fs.Stats): StatKey {
  return [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino];
}

export function sameStat(key: StatKey | undefined, stats: fs.Stats): boolean {
  return !!key && key[0] === stats.size && key[1] === stats.mtimeMs && key[2] === stats.ctimeMs && key[3] === stats.ino;
}

/** The stat worth recording for something read after `startedAt`: none when it changed too recently to trust (`RACY_MS`). */
export function trustworthyStat(stats: fs.Stats, startedAt: number, racyMs = RACY_MS): StatKey | undefined {
  return Math.max(stats.mtimeMs, stats.ctimeMs) < startedAt - racyMs ? statKey(stats) : undefined;
}

export function contentHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** An account a file defines, without the file (the entry is the file's). */
export interface CachedAccount {
  readonly name: string;
  readonly line: number;
  readonly elevation?: Elevation;
  readonly uid?: number;
}

/** A candidate's findings and what they depended on besides its bytes. */
export interface CachedResult {
  /** The key of the workspace's project imports the analysis was given (`importsKey`). */
  readonly imports: string;
  /** Each account name the analysis looked up, with the digest of the answer (`lookupDigest`). */
  readonly names: Readonly<Record<string, string>>;
  /** Whether there were pools, when the analysis asked. */
  readonly pools?: boolean;
  readonly diagnostics: readonly ReportedDiagnostic[];
  /** Why the engine skipped the file, when it did. */
  readonly skipped?: string;
}

export interface FileEntry {
  /** The stat the file was read with; absent when too recent to trust (then it is read again). */
  readonly stat?: StatKey;
  /** `plain`: no identity word of its language (or over the size cap, or binary); `candidate`: decoded and analysed. */
  readonly kind: 'plain' | 'candidate';
  /** What `check` says of the file on stderr without reading it again ("skipped, the file looks binary"). */
  readonly note?: string;
  /** The imports it makes for the whole project (C# `global using`, MSBuild `Using` items). */
  readonly imports?: readonly string[];
  /** A candidate's bytes, SHA-256. */
  readonly hash?: string;
  /** A candidate's accounts, as analysed with the workspace's imports of this key. */
  readonly accounts?: { readonly imports: string; readonly list: readonly CachedAccount[] };
  readonly result?: CachedResult;
}

/** What a cache file must have been written for: anything else is another cache. */
export interface CacheIdentity {
  /** The tool's version and a hash of its build: a new build trusts nothing of an old one. */
  readonly tool: string;
  /** The settings that change results (`settingsKey`). */
  readonly settings: string;
  /** The inputs' absolute paths, as given. */
  readonly inputs: readonly string[];
}

/** The key of a list of project imports: findings of a file depend on the workspace's. */
export function importsKey(imports: readonly string[]): string {
  return createHash('sha256')
    .update(JSON.stringify([...imports].sort()))
    .digest('hex')
    .slice(0, 32);
}

/** The digest of a lookup's answer: how many accounts of the name, and how each is defined (not where: only hovers read that). */
export function lookupDigest(accounts: readonly AccountLocation[]): string {
  return accounts
    .map((a) => `${a.elevation ?? '-'}/${a.uid ?? '-'}`)
    .sort()
    .join(',');
}

/** The workspace's accounts as one analysis sees them, recording what it asked (`CachedResult.names`, `pools`). */
export class LookupRecorder implements WorkspaceAccounts {
  readonly names: Record<string, string> = {};
  pools: boolean | undefined;

  constructor(private readonly index: WorkspaceAccounts) {}

  get hasPools(): boolean {
    this.pools = this.index.hasPools;
    return this.pools;
  }

  lookup(name: string): readonly AccountLocation[] {
    const found = this.index.lookup(name);
    this.names[name] = lookupDigest(found);
    return found;
  }
}

/** Whether a cached result still holds in this workspace: the same imports, and every answer it was given unchanged. */
export function resultHolds(result: CachedResult, workspace: WorkspaceAccounts, imports: string): boolean {
  if (result.imports !== imports) return false;
  if (result.pools !== undefined && result.pools !== workspace.hasPools) return false;
  for (const [name, digest] of Object.entries(result.names)) if (lookupDigest(workspace.lookup(name)) !== digest) return false;
  return true;
}

// ---- Reading entries: every part checked, a malformed one is no entry ----

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);
const ELEVATIONS = new Set(['admin', 'nonadmin']);

function isStatKey(v: unknown): v is StatKey {
  return Array.isArray(v) && v.length === 4 && v.every(isFiniteNumber);
}

function isPosition(v: unknown): boolean {
  return isObject(v) && Number.isInteger(v.line) && Number.isInteger(v.character);
}

function isDiagnostic(v: unknown): v is ReportedDiagnostic {
  return (
    isObject(v) &&
    isString(v.code) &&
    isString(v.severity) &&
    SEVERITIES.has(v.severity) &&
    isString(v.message) &&
    isObject(v.range) &&
    isPosition(v.range.start) &&
    isPosition(v.range.end) &&
    typeof v.fixable === 'boolean'
  );
}

function isAccount(v: unknown): v is CachedAccount {
  return (
    isObject(v) &&
    isString(v.name) &&
    Number.isInteger(v.line) &&
    (v.elevation === undefined || (isString(v.elevation) && ELEVATIONS.has(v.elevation))) &&
    (v.uid === undefined || isFiniteNumber(v.uid))
  );
}

function isResult(v: unknown): v is CachedResult {
  return (
    isObject(v) &&
    isString(v.imports) &&
    isObject(v.names) &&
    Object.values(v.names).every(isString) &&
    (v.pools === undefined || typeof v.pools === 'boolean') &&
    Array.isArray(v.diagnostics) &&
    v.diagnostics.every(isDiagnostic) &&
    (v.skipped === undefined || isString(v.skipped))
  );
}

/** A stored entry: a bare stat for the most common kind (plain, no note, no imports), else the entry itself. */
type StoredEntry = StatKey | FileEntry;

function readEntry(stored: unknown): FileEntry | undefined {
  if (isStatKey(stored)) return { stat: stored, kind: 'plain' };
  if (!isObject(stored)) return undefined;
  const e = stored;
  if (e.stat !== undefined && !isStatKey(e.stat)) return undefined;
  if (e.note !== undefined && !isString(e.note)) return undefined;
  if (e.imports !== undefined && !isStringArray(e.imports)) return undefined;
  if (e.kind === 'plain')
    return e.hash === undefined && e.accounts === undefined && e.result === undefined ? (e as unknown as FileEntry) : undefined;
  if (e.kind !== 'candidate' || !isString(e.hash)) return undefined;
  if (e.accounts !== undefined) {
    if (!isObject(e.accounts) || !isString(e.accounts.imports) || !Array.isArray(e.accounts.list) || !e.accounts.list.every(isAccount))
      return undefined;
  }
  if (e.result !== undefined && !isResult(e.result)) return undefined;
  return e as unknown as FileEntry;
}

function storedEntry(entry: FileEntry): StoredEntry {
  const { stat, kind, ...rest } = entry;
  return stat && kind === 'plain' && Object.values(rest).every((v) => v === undefined) ? stat : entry;
}

const KIND_MARK: Record<DirectoryEntry['kind'], string> = { directory: 'd', file: 'f', link: 'l', other: 'o' };
const MARK_KIND: Record<string, DirectoryEntry['kind']> = { d: 'directory', f: 'file', l: 'link', o: 'other' };

/** A directory's recorded listing: its stat (absent when too recent to trust) and its entries, each a kind mark and a name. */
interface StoredListing {
  readonly stat?: StatKey;
  readonly entries: readonly string[];
}

function readListing(stored: unknown): { stat: StatKey; entries: DirectoryEntry[] } | undefined {
  if (!isObject(stored) || !isStatKey(stored.stat) || !isStringArray(stored.entries)) return undefined;
  const entries: DirectoryEntry[] = [];
  for (const marked of stored.entries) {
    const kind = MARK_KIND[marked[0]];
    const name = marked.slice(1);
    if (!kind || !name || name.includes('/') || name.includes(path.sep)) return undefined;
    entries.push({ name, kind });
  }
  return { stat: stored.stat, entries };
}

interface Body {
  /** Real directory → its listing. */
  readonly dirs: Record<string, StoredListing>;
  /** Real directory → file name → entry. */
  readonly files: Record<string, Record<string, StoredEntry>>;
}

const nameOfCacheFile = (identity: CacheIdentity) =>
  `${createHash('sha256')
    .update(JSON.stringify([CACHE_FORMAT_VERSION, identity.tool, identity.settings, identity.inputs]))
    .digest('hex')
    .slice(0, 24)}.json`;

/**
 * One run's view of the cache: the entries of the last run with the same identity (when its file
 * was sound), and the entries this run records for the next.
 */
export class CheckCache {
  private readonly old: Body;
  private readonly dirs: Record<string, StoredListing> = {};
  private readonly files: Record<string, Record<string, StoredEntry>> = {};
  private changed = false;
  private recordedFiles = 0;
  private recordedDirs = 0;
  /** Whether a sound cache of this identity was read. */
  readonly loaded: boolean;
  /** Why the cache file there was not used, when there was one that was not sound. */
  readonly ignored: string | undefined;

  private constructor(
    readonly file: string,
    private readonly identity: CacheIdentity,
    private readonly startedAt: number,
    private readonly racyMs: number,
    loaded: { body: Body } | { ignored?: string },
  ) {
    this.loaded = 'body' in loaded;
    if ('body' in loaded) this.old = loaded.body;
    else {
      this.old = { dirs: {}, files: {} };
      this.ignored = loaded.ignored;
      this.changed = true;
    }
  }

  /** The cache for this identity in `location`; empty (and `ignored` says why) when there is no sound one. Never throws. */
  static open(location: string, identity: CacheIdentity, startedAt: number, racyMs = RACY_MS): CheckCache {
    const file = path.join(location, nameOfCacheFile(identity));
    return new CheckCache(file, identity, startedAt, racyMs, load(file, identity));
  }

  /** The last run's entry of a file (by real path), if it had a sound one. */
  entry(real: string): FileEntry | undefined {
    const { dir, name } = split(real);
    const stored = this.old.files[dir]?.[name];
    return stored === undefined ? undefined : readEntry(stored);
  }

  /** Records a file's entry for the next run; `unchanged` when it is the last run's, as read. */
  record(real: string, entry: FileEntry, unchanged = false): void {
    const { dir, name } = split(real);
    (this.files[dir] ??= {})[name] = unchanged ? (this.old.files[dir]?.[name] ?? storedEntry(entry)) : storedEntry(entry);
    this.recordedFiles++;
    if (!unchanged) this.changed = true;
  }

  /**
   * The walk's directory listing (`WalkOptions.list`): a directory whose stat is the recorded one
   * has the recorded entries (adding, removing or renaming an entry changes a directory's times);
   * others are read, and recorded.
   */
  readonly list = (dir: string, real: string): DirectoryEntry[] => {
    const stats = fs.statSync(real);
    const old = readListing(this.old.dirs[real]);
    if (old && sameStat(old.stat, stats)) {
      this.dirs[real] = this.old.dirs[real];
      this.recordedDirs++;
      return old.entries;
    }
    const entries = readDirectory(dir);
    this.dirs[real] = {
      stat: trustworthyStat(stats, this.startedAt, this.racyMs),
      entries: entries.map((e) => KIND_MARK[e.kind] + e.name),
    };
    this.recordedDirs++;
    this.changed = true;
    return entries;
  };

  /**
   * Writes what this run recorded, when it differs from what was read: atomically, and keeping at
   * most `MAX_CACHE_FILES` caches in the location. Returns why it could not, if it could not.
   */
  save(): string | undefined {
    const sameFiles = this.recordedFiles === countFiles(this.old.files);
    const sameDirs = this.recordedDirs === Object.keys(this.old.dirs).length;
    if (!this.changed && sameFiles && sameDirs) return undefined;
    const body = JSON.stringify({ dirs: this.dirs, files: this.files } satisfies Body);
    const header = JSON.stringify({
      format: CACHE_FORMAT,
      version: CACHE_FORMAT_VERSION,
      ...this.identity,
      sha256: createHash('sha256').update(body).digest('hex'),
    });
    const dir = path.dirname(this.file);
    const temp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(temp, `${header}\n${body}`);
      fs.renameSync(temp, this.file);
    } catch (error) {
      try {
        fs.rmSync(temp, { force: true });
      } catch {
        // The folder is not there (or not a folder): nothing was left.
      }
      return (error as NodeJS.ErrnoException).code ?? String(error);
    }
    pruneCacheFiles(dir, this.file);
    return undefined;
  }
}

function split(real: string): { dir: string; name: string } {
  const at = real.lastIndexOf(path.sep);
  return { dir: real.slice(0, at), name: real.slice(at + 1) };
}

function countFiles(files: Body['files']): number {
  let n = 0;
  for (const names of Object.values(files)) n += Object.keys(names).length;
  return n;
}

function load(file: string, identity: CacheIdentity): { body: Body } | { ignored?: string } {
  let text: string;
  try {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
      const stats = fs.fstatSync(fd);
      if (!stats.isFile()) return { ignored: 'the cache file is not a regular file' };
      if (stats.size > MAX_CACHE_BYTES) return { ignored: 'the cache file is too large' };
      text = fs.readFileSync(fd, 'utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? {} : { ignored: `the cache file cannot be read (${String(error)})` };
  }
  const newline = text.indexOf('\n');
  if (newline < 0) return { ignored: 'the cache file is truncated' };
  let header: Json;
  try {
    const parsed: unknown = JSON.parse(text.slice(0, newline));
    if (!isObject(parsed)) return { ignored: 'the cache file is not a batch-identity cache' };
    header = parsed;
  } catch {
    return { ignored: 'the cache file is not a batch-identity cache' };
  }
  if (header.format !== CACHE_FORMAT) return { ignored: 'the cache file is not a batch-identity cache' };
  if (header.version !== CACHE_FORMAT_VERSION) return { ignored: 'the cache file has another format version' };
  if (header.tool !== identity.tool) return { ignored: 'the cache file was written by another build' };
  if (header.settings !== identity.settings) return { ignored: 'the cache file was written with other settings' };
  if (!isStringArray(header.inputs) || JSON.stringify(header.inputs) !== JSON.stringify(identity.inputs))
    return { ignored: 'the cache file was written for other inputs' };
  const body = text.slice(newline + 1);
  if (header.sha256 !== createHash('sha256').update(body).digest('hex')) return { ignored: 'the cache file is corrupt (checksum)' };
  try {
    const parsed: unknown = JSON.parse(body);
    if (!isObject(parsed) || !isObject(parsed.dirs) || !isObject(parsed.files) || !Object.values(parsed.files).every(isObject))
      return { ignored: 'the cache file is malformed' };
    return { body: parsed as unknown as Body };
  } catch {
    return { ignored: 'the cache file is malformed' };
  }
}

/** Keeps the most recently written caches of a location, and removes temporary files a crashed run left (after an hour). */
function pruneCacheFiles(dir: string, keep: string): void {
  try {
    const now = Date.now();
    const caches: { file: string; mtime: number }[] = [];
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (!/^[0-9a-f]{24}\.json(\.\d+\.[0-9a-z]+\.tmp)?$/.test(name)) continue;
      const stats = fs.statSync(file, { throwIfNoEntry: false });
      if (!stats) continue;
      if (name.endsWith('.tmp')) {
        if (now - stats.mtimeMs > 3600_000) fs.rmSync(file, { force: true });
      } else if (file !== keep) caches.push({ file, mtime: stats.mtimeMs });
    }
    caches.sort((a, b) => b.mtime - a.mtime);
    for (const old of caches.slice(MAX_CACHE_FILES - 1)) fs.rmSync(old.file, { force: true });
  } catch {
    // Pruning is housekeeping: a location that cannot be listed keeps its files.
  }
}
