/**
 * The result cache of `check` (`--cache`, on by default; docs/cli.md has the format and the
 * rules): what each file held the last time it was read, so that a re-run reads, decodes and
 * analyses only what changed, as ESLint's `--cache` and Ruff's cache do.
 *
 * - One cache file per tool build, settings, inputs and project roots read beyond them (`CacheIdentity`),
 *   in the cache location.
 * - Per file (by real path): the stat it was read with, what `check` made of its bytes (no identity
 *   word, or a candidate with a 106-bit hash of its bytes), the project imports it makes, and for a
 *   candidate the accounts it defines and its findings, each with what it depended on: the
 *   workspace's project imports (`importsKey`) and, for the findings, the answer to every account
 *   name the analysis looked up and whether it asked if there are pools (as the server's
 *   `RecordedLookups`). A change in another file re-checks a file only through these.
 * - Per directory: its entries, so that an unchanged directory (same stat) is not listed again.
 * - A stat is trusted only when the file (or directory) had not changed for `RACY_MS` before the
 *   run read it; otherwise the next run reads it again and compares the hash (git's racily clean
 *   entries). A file whose stat changed but whose bytes hash the same keeps its results.
 * - A cache file that is not ours, of another format, build, settings or inputs, truncated or
 *   altered (its body's checksum is in its first line), or malformed in any entry is ignored, never
 *   trusted. Writes are atomic (a temporary file renamed over the old one), so concurrent runs
 *   never leave a torn file: the last one wins.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ENUM_MEMBERS, type Elevation } from '../batch/model';
import type { AccountLocation, WorkspaceAccounts } from '../engine/findings';
import type { DirectoryEntry } from '../workspace/walk';
import { readDirectory } from '../workspace/walk';
import type { ReportedDiagnostic } from './report';

export const CACHE_FORMAT = 'batch-identity-check-cache';
export const CACHE_FORMAT_VERSION = 1;
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

/**
 * A file's bytes, hashed: what its results are keyed by. Two cyrb53 hashes with different seeds
 * (106 bits): a changed file is told from an unchanged one (nobody is being kept out: whoever can
 * write the sources can write the cache), computed in JavaScript because loading node's crypto
 * module costs each worker thread more than hashing every candidate of a workspace.
 */
export function contentHash(bytes: Buffer): string {
  return checksum(bytes, 0) + checksum(bytes, 0x9e3779b9);
}

/**
 * A fast 53-bit checksum (cyrb53, public domain) of a text or bytes, in hex: what a cache file's
 * body is checked against (a torn or altered file is told apart; nobody is being kept out), and the
 * CLI bundle's build key. Computed in JavaScript: no module to load on the fast path.
 */
export function checksum(data: string | Uint8Array, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  const length = data.length;
  if (typeof data === 'string') {
    for (let i = 0; i < length; i++) {
      const c = data.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  } else {
    // Four bytes a round: a quarter of the multiplications.
    const words = length & ~3;
    for (let i = 0; i < words; i += 4) {
      const c = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    for (let i = words; i < length; i++) {
      const c = data[i];
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** An account a file defines, without the file (the entry is the file's). */
export interface CachedAccount {
  readonly name: string;
  readonly line: number;
  readonly elevation?: Elevation;
  readonly uid?: number;
  /** The id of the pool it is defined on, when the account index knows it. */
  readonly poolId?: string;
}

/** A candidate's findings and what they depended on besides its bytes. */
export interface CachedResult {
  /** The key of the workspace's project imports the analysis was given (`importsKey`). */
  readonly imports: string;
  /** Each account name the analysis looked up, with the digest of the answer (`lookupDigest`). */
  readonly names: Readonly<Record<string, string>>;
  /** Whether there were pools, when the analysis asked. */
  readonly pools?: boolean;
  /** Each pool id whose account names the analysis asked for, with the answer (sorted, or null for none). */
  readonly poolAccounts?: Readonly<Record<string, readonly string[] | null>>;
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
  /** A candidate's bytes, hashed (`contentHash`). */
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
  /**
   * The project roots read beyond the inputs for their accounts and imports (`projectRootsBeyond`):
   * a `.git` added or removed changes what the workspace is, so it is another cache.
   */
  readonly context: readonly string[];
}

/** The key of a list of project imports: findings of a file depend on the workspace's. */
export function importsKey(imports: readonly string[]): string {
  return checksum(JSON.stringify([...imports].sort()));
}

/** The digest of a lookup's answer: how many accounts of the name, and how each is defined (not where: only hovers read that). */
export function lookupDigest(accounts: readonly AccountLocation[]): string {
  // Whatever the index tells of each account but where: its elevation, uid, pool… (fields that are
  // absent and fields that are undefined alike: a cache read back has no undefined fields).
  const how = ({ uri: _uri, line: _line, ...rest }: AccountLocation) =>
    JSON.stringify(
      Object.entries(rest)
        .filter(([, value]) => value !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  return JSON.stringify(accounts.map(how).sort());
}

/** An account index that can also answer which accounts a pool id has (rules may ask; not every index can). */
type PoolAccounts = { poolAccounts?(poolId: string): readonly string[] | undefined };

function poolAnswer(index: WorkspaceAccounts, poolId: string): readonly string[] | null {
  const names = (index as WorkspaceAccounts & PoolAccounts).poolAccounts?.(poolId);
  return names ? [...names].sort() : null;
}

/** The workspace's accounts as one analysis sees them, recording what it asked (`CachedResult.names`, `pools`). */
export class LookupRecorder implements WorkspaceAccounts, PoolAccounts {
  readonly names: Record<string, string> = {};
  pools: boolean | undefined;
  readonly poolIds: Record<string, readonly string[] | null> = {};

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

  poolAccounts(poolId: string): readonly string[] | undefined {
    const names = (this.index as WorkspaceAccounts & PoolAccounts).poolAccounts?.(poolId);
    this.poolIds[poolId] = names ? [...names].sort() : null;
    return names;
  }
}

/** Whether a cached result still holds in this workspace: the same imports, and every answer it was given unchanged. */
export function resultHolds(result: CachedResult, workspace: WorkspaceAccounts, imports: string): boolean {
  if (result.imports !== imports) return false;
  if (result.pools !== undefined && result.pools !== workspace.hasPools) return false;
  for (const [name, digest] of Object.entries(result.names)) if (lookupDigest(workspace.lookup(name)) !== digest) return false;
  for (const [poolId, answer] of Object.entries(result.poolAccounts ?? {}))
    if (JSON.stringify(poolAnswer(workspace, poolId)) !== JSON.stringify(answer)) return false;
  return true;
}

// ---- Reading entries: every part checked, a malformed one is no entry ----

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);
/** The model's elevation levels, as the account index records them. */
const ELEVATIONS = new Set<string>(ENUM_MEMBERS.ElevationLevel);

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
    (v.uid === undefined || isFiniteNumber(v.uid)) &&
    (v.poolId === undefined || isString(v.poolId))
  );
}

function isResult(v: unknown): v is CachedResult {
  return (
    isObject(v) &&
    isString(v.imports) &&
    isObject(v.names) &&
    Object.values(v.names).every(isString) &&
    (v.pools === undefined || typeof v.pools === 'boolean') &&
    (v.poolAccounts === undefined ||
      (isObject(v.poolAccounts) && Object.values(v.poolAccounts).every((names) => names === null || isStringArray(names)))) &&
    Array.isArray(v.diagnostics) &&
    v.diagnostics.every(isDiagnostic) &&
    (v.skipped === undefined || isString(v.skipped))
  );
}

/** An entry in memory: a bare stat for the most common kind (plain, no note, no imports), else the entry itself. */
type StoredEntry = StatKey | FileEntry;

/**
 * A finding as the cache file keeps it: the message is an index into the body's `messages` (the
 * same long sentences recur in every file), positions and fixability as numbers.
 */
type DiskDiagnostic = [
  code: string,
  severity: string,
  message: number,
  startLine: number,
  startCharacter: number,
  endLine: number,
  endCharacter: number,
  fixable: 0 | 1,
];

/** An entry as the cache file keeps it: a stat for a plain file, else the entry with its findings as `DiskDiagnostic`s. */
function encodeEntry(stored: StoredEntry, messages: Map<string, number>): unknown {
  if (isStatKey(stored) || !stored.result) return stored;
  const intern = (message: string) => {
    let at = messages.get(message);
    if (at === undefined) messages.set(message, (at = messages.size));
    return at;
  };
  const diagnostics = stored.result.diagnostics.map((d): DiskDiagnostic => [
    d.code,
    d.severity,
    intern(d.message),
    d.range.start.line,
    d.range.start.character,
    d.range.end.line,
    d.range.end.character,
    d.fixable ? 1 : 0,
  ]);
  return { ...stored, result: { ...stored.result, diagnostics } };
}

function decodeDiagnostic(raw: unknown, messages: readonly string[]): unknown {
  if (!Array.isArray(raw) || raw.length !== 8) return undefined;
  const [code, severity, message, startLine, startCharacter, endLine, endCharacter, fixable] = raw as unknown[];
  if (typeof message !== 'number' || !isString(messages[message]) || (fixable !== 0 && fixable !== 1)) return undefined;
  return {
    code,
    severity,
    message: messages[message],
    range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } },
    fixable: fixable === 1,
  };
}

/** An entry read from a cache file, every part checked: undefined for anything malformed. */
function readEntry(stored: unknown, messages: readonly string[]): FileEntry | undefined {
  if (isStatKey(stored)) return { stat: stored, kind: 'plain' };
  if (!isObject(stored)) return undefined;
  let e = stored;
  if (isObject(e.result) && Array.isArray(e.result.diagnostics))
    e = { ...e, result: { ...e.result, diagnostics: e.result.diagnostics.map((d) => decodeDiagnostic(d, messages)) } };
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
  // A plain entry has no hash, accounts or result: a bare stat says it all when it has no note or imports either.
  return entry.stat && entry.kind === 'plain' && entry.note === undefined && entry.imports === undefined ? entry.stat : entry;
}

const KIND_MARK: Record<DirectoryEntry['kind'], string> = { directory: 'd', file: 'f', link: 'l', other: 'o' };
const MARK_KIND: Record<string, DirectoryEntry['kind']> = { d: 'directory', f: 'file', l: 'link', o: 'other' };
/** Numbers per stat in the file's stat table. */
const STAT_WIDTH = 4;

/**
 * A cache file: a header line (JSON: format, version, identity, the byte lengths of the rest and
 * its checksum), the body (JSON, below) and a line ending, then the stat table: 64-bit floats,
 * four per stat (size, mtimeMs, ctimeMs, ino), little-endian. A re-scan reads all of it, so the
 * common case is small: a plain file is the index of its stat in the table. In the body, per
 * directory the walk listed: its real path, its stat's index (−1 when too recent to trust), its
 * entries' names joined by `/` (which no name holds), one kind letter per entry, and per entry the
 * file's entry (a stat index for a plain file, an object for any other, −1 for none); then the
 * files outside listed directories (inputs named as files, link targets).
 */
interface Body {
  readonly messages: string[];
  readonly dirs: [real: string, stat: number, names: string, kinds: string, entries: unknown[]][];
  readonly files: [real: string, entry: unknown][];
}

/** A directory of the last run, its names indexed on first use. */
interface OldDirectory {
  readonly stat: StatKey | undefined;
  /** Its stat's index in the old table (−1: none). */
  readonly statIndex: number;
  readonly names: string;
  readonly kinds: string;
  /** As the file has them: `readEntry` checks and decodes one when it is used. */
  readonly entries: readonly unknown[];
  index?: Map<string, number>;
}

/** What the last run recorded, as read: entries are checked when used. */
interface OldCache {
  readonly messages: readonly string[];
  readonly stats: Float64Array;
  readonly dirs: Map<string, OldDirectory>;
  readonly files: Map<string, unknown>;
}

/**
 * An entry for the next run: a stat of the last run's table (a plain file kept as it was), an entry
 * of the last run as the file had it (`raw`: kept as it was; the new file's messages start with the
 * old file's, so its message indexes still hold), or an entry.
 */
type NewEntry = number | { readonly raw: unknown } | StoredEntry;

/** A directory as this run lists it, and the entries recorded for its files. */
interface NewDirectory {
  readonly stat: StatKey | undefined;
  /** The last run's record, when the directory is unchanged (same stat, so the same listing). */
  readonly from?: OldDirectory;
  readonly names: string;
  readonly kinds: string;
  /** An unchanged directory's plain files found unchanged while it was listed: their old stat indexes, by position. */
  readonly kept?: (number | undefined)[];
  /** How many `kept` holds. */
  readonly keptCount?: number;
  readonly entries: Map<string, NewEntry>;
}

function statAt(stats: Float64Array, index: number): StatKey | undefined {
  if (!Number.isInteger(index) || index < 0 || (index + 1) * STAT_WIDTH > stats.length) return undefined;
  const at = index * STAT_WIDTH;
  return [stats[at], stats[at + 1], stats[at + 2], stats[at + 3]];
}

function sameStatAt(stats: Float64Array, index: number, now: fs.Stats): boolean {
  const at = index * STAT_WIDTH;
  return stats[at] === now.size && stats[at + 1] === now.mtimeMs && stats[at + 2] === now.ctimeMs && stats[at + 3] === now.ino;
}

/** An entry of the file, checked: a stat index is a plain file (`readEntry` checks the rest). */
function readStoredEntry(stored: unknown, old: OldCache): FileEntry | undefined {
  if (typeof stored === 'number') {
    const stat = statAt(old.stats, stored);
    return stat ? { stat, kind: 'plain' } : undefined;
  }
  return readEntry(stored, old.messages);
}

function readCache(body: unknown, stats: Float64Array): OldCache | undefined {
  if (!isObject(body) || !isStringArray(body.messages) || !Array.isArray(body.dirs) || !Array.isArray(body.files)) return undefined;
  const dirs = new Map<string, OldDirectory>();
  for (const record of body.dirs as unknown[]) {
    if (!Array.isArray(record) || record.length !== 5) return undefined;
    const [real, stat, names, kinds, entries] = record as unknown[];
    if (!isString(real) || typeof stat !== 'number' || !isString(names) || !isString(kinds) || !Array.isArray(entries)) return undefined;
    const count = names === '' ? 0 : names.split('/').length;
    if (kinds.length !== count || entries.length !== count || /[^dflo]/.test(kinds)) return undefined;
    dirs.set(real, { stat: stat === -1 ? undefined : statAt(stats, stat), statIndex: stat === -1 ? -1 : stat, names, kinds, entries });
  }
  const files = new Map<string, unknown>();
  for (const record of body.files as unknown[]) {
    if (!Array.isArray(record) || record.length !== 2 || !isString(record[0])) return undefined;
    files.set(record[0], record[1]);
  }
  return { messages: body.messages, stats, dirs, files };
}

/** The cache file of an identity: two checksums of it, 28 hex digits (`pruneCacheFiles` knows the shape). */
const nameOfCacheFile = (identity: CacheIdentity) => {
  const key = JSON.stringify([CACHE_FORMAT_VERSION, identity.tool, identity.settings, identity.inputs, identity.context]);
  return `${checksum(key)}${checksum(key + CACHE_FORMAT)}.json`;
};

/**
 * One run's view of the cache: the entries of the last run with the same identity (when its file
 * was sound), and the entries this run records for the next.
 */
export class CheckCache {
  private readonly old: OldCache;
  private readonly newDirs = new Map<string, NewDirectory>();
  private readonly newFiles = new Map<string, NewEntry>();
  /** Something differs from what was read: the cache is written again. */
  private changed = false;
  private keptDirs = 0;
  /** Whether a sound cache of this identity was read. */
  readonly loaded: boolean;
  /** Why the cache file there was not used, when there was one that was not sound. */
  readonly ignored: string | undefined;

  private constructor(
    readonly file: string,
    private readonly identity: CacheIdentity,
    private readonly startedAt: number,
    private readonly racyMs: number,
    loaded: OldCache | { ignored?: string },
  ) {
    this.loaded = 'dirs' in loaded;
    if ('dirs' in loaded) this.old = loaded;
    else {
      this.old = { messages: [], stats: new Float64Array(0), dirs: new Map(), files: new Map() };
      this.ignored = loaded.ignored;
      this.changed = true;
    }
  }

  /** The cache for this identity in `location`; empty (and `ignored` says why) when there is no sound one. Never throws. */
  static open(location: string, identity: CacheIdentity, startedAt: number, racyMs = RACY_MS): CheckCache {
    const file = path.join(location, nameOfCacheFile(identity));
    return new CheckCache(file, identity, startedAt, racyMs, load(file, identity));
  }

  /** A file's entry as the last run's cache file has it (unchecked). */
  private stored(real: string, { dir, name } = split(real)): unknown {
    const old = this.old.dirs.get(dir);
    if (old) {
      old.index ??= indexNames(old.names);
      const at = old.index.get(name);
      const entry = at === undefined ? undefined : old.entries[at];
      if (entry !== undefined && entry !== -1) return entry;
    }
    return this.old.files.get(real);
  }

  /** The last run's entry of a file (by real path), if it had a sound one. */
  entry(real: string): FileEntry | undefined {
    const stored = this.stored(real);
    return stored === undefined ? undefined : readStoredEntry(stored, this.old);
  }

  /**
   * The fast path of a re-scan, without an object made per file: whether a file is one without an
   * identity word (no note, no imports) whose stat is still the recorded one; if so its entry is kept.
   */
  unchangedPlain(real: string): boolean {
    const parts = split(real);
    const stored = this.stored(real, parts);
    if (typeof stored !== 'number' || !validStatIndex(this.old.stats, stored)) return false;
    const stats = fs.statSync(real, { throwIfNoEntry: false });
    if (!stats || !stats.isFile() || !sameStatAt(this.old.stats, stored, stats)) return false;
    this.put(real, stored, parts);
    return true;
  }

  /** Keeps the last run's entry of a file for the next run, as it was (the file is unchanged), if it is sound. */
  keep(real: string): void {
    const stored = this.stored(real);
    if (stored === undefined || !readStoredEntry(stored, this.old)) return;
    this.put(real, typeof stored === 'number' ? stored : { raw: stored });
  }

  /** Records a file's entry for the next run; `unchanged` when it is the last run's, as read. */
  record(real: string, entry: FileEntry, unchanged = false): void {
    if (unchanged) return this.keep(real);
    this.put(real, storedEntry(entry));
    this.changed = true;
  }

  private put(real: string, entry: NewEntry, { dir, name } = split(real)): void {
    const listed = this.newDirs.get(dir);
    if (listed) listed.entries.set(name, entry);
    else this.newFiles.set(real, entry);
  }

  /**
   * The walk's directory listing (`WalkOptions.list`): a directory whose stat is the recorded one
   * has the recorded entries (adding, removing or renaming an entry changes a directory's times);
   * others are read, and recorded.
   */
  readonly list = (dir: string, real: string): DirectoryEntry[] => {
    const stats = fs.statSync(real);
    const old = this.old.dirs.get(real);
    if (old && sameStat(old.stat, stats)) {
      // The bulk of a re-scan, done here in one tight loop: each plain file whose stat is still the
      // recorded one is kept, and left out of what the walk gets (it has nothing to report).
      const names = old.names === '' ? [] : old.names.split('/');
      const kept: (number | undefined)[] = new Array(names.length);
      const pending: DirectoryEntry[] = [];
      const base = real.endsWith(path.sep) ? real : real + path.sep;
      const table = this.old.stats;
      let keptCount = 0;
      for (let i = 0; i < names.length; i++) {
        const stored = old.entries[i];
        if (old.kinds.charCodeAt(i) === 0x66 /* f */ && typeof stored === 'number' && validStatIndex(table, stored)) {
          const now = fs.statSync(base + names[i], NO_THROW);
          if (now?.isFile() && sameStatAt(table, stored, now)) {
            kept[i] = stored;
            keptCount++;
            continue;
          }
        }
        pending.push({ name: names[i], kind: MARK_KIND[old.kinds[i]] });
      }
      this.newDirs.set(real, { stat: old.stat, from: old, names: old.names, kinds: old.kinds, kept, keptCount, entries: new Map() });
      this.keptDirs++;
      return pending;
    }
    const entries = readDirectory(dir);
    this.newDirs.set(real, {
      stat: trustworthyStat(stats, this.startedAt, this.racyMs),
      names: entries.map((e) => e.name).join('/'),
      kinds: entries.map((e) => KIND_MARK[e.kind]).join(''),
      entries: new Map(),
    });
    this.changed = true;
    return entries;
  };

  /** Whether every file of the last run has its entry again (kept as it was; what was recorded anew sets `changed`). */
  private keptAll(): boolean {
    let before = this.old.files.size;
    for (const { entries } of this.old.dirs.values()) for (let i = 0; i < entries.length; i++) if (entries[i] !== -1) before++;
    let now = this.newFiles.size;
    for (const listed of this.newDirs.values()) {
      now += listed.entries.size + (listed.keptCount ?? 0);
      if (!listed.kept || listed.entries.size === 0) continue;
      // A file kept while listed and reached again through a link counts once.
      const names = listed.names.split('/');
      for (let i = 0; i < names.length; i++) if (listed.kept[i] !== undefined && listed.entries.has(names[i])) now--;
    }
    return now === before;
  }

  /**
   * Writes what this run recorded, when it differs from what was read: atomically, and keeping at
   * most `MAX_CACHE_FILES` caches in the location. Returns why it could not, if it could not.
   */
  save(): string | undefined {
    if (!this.changed && this.keptDirs === this.old.dirs.size && this.keptAll()) return undefined;
    const old = this.old.stats;
    const oldCount = old.length / STAT_WIDTH;
    // The stats of the entries to write: kept ones are indexes into the old table.
    let live = this.newDirs.size + this.newFiles.size;
    for (const listed of this.newDirs.values()) live += listed.entries.size + (listed.kept?.length ?? 0);
    // Usually the old table is kept whole and new stats are appended, so kept entries, and whole
    // records of unchanged directories, are written as they were read. When most of it is no
    // longer used (or there is none), every stat is copied into a new table.
    const append = oldCount > 0 && live * 2 > oldCount;
    const added: number[] = [];
    const copied = append ? undefined : new Float64Array(live * STAT_WIDTH);
    let used = 0;
    const addStat = (stat: StatKey): number => {
      if (!copied) {
        added.push(...stat);
        return oldCount + added.length / STAT_WIDTH - 1;
      }
      copied.set(stat, used * STAT_WIDTH);
      return used++;
    };
    const keptStat = (index: number): number => {
      if (!copied) return index;
      for (let k = 0; k < STAT_WIDTH; k++) copied[used * STAT_WIDTH + k] = old[index * STAT_WIDTH + k];
      return used++;
    };
    // The old messages first: entries kept as they were refer to them by index.
    const messages = new Map<string, number>(this.old.messages.map((message, i) => [message, i]));
    const encode = (entry: NewEntry | undefined): unknown => {
      if (entry === undefined) return -1;
      if (typeof entry === 'number') return keptStat(entry);
      if (Array.isArray(entry)) return addStat(entry as StatKey);
      if ('raw' in entry) return entry.raw;
      return encodeEntry(entry as FileEntry, messages);
    };
    const dirs: Body['dirs'] = [];
    for (const [real, listed] of this.newDirs) {
      const from = listed.from;
      if (append && from && listed.entries.size === 0 && listed.kept!.every((stored, i) => (stored ?? -1) === from.entries[i])) {
        // Unchanged, every file kept: the record as it was read.
        dirs.push([real, from.statIndex, from.names, from.kinds, from.entries as unknown[]]);
        continue;
      }
      const names = listed.names === '' ? [] : listed.names.split('/');
      const stat = from && from.statIndex >= 0 ? keptStat(from.statIndex) : listed.stat ? addStat(listed.stat) : -1;
      dirs.push([real, stat, listed.names, listed.kinds, names.map((name, i) => encode(listed.entries.get(name) ?? listed.kept?.[i]))]);
    }
    const files: Body['files'] = [...this.newFiles].map(([real, entry]) => [real, encode(entry)]);
    let stats: Float64Array;
    if (copied) stats = copied.subarray(0, used * STAT_WIDTH);
    else {
      stats = new Float64Array(old.length + added.length);
      stats.set(old);
      stats.set(added, old.length);
    }
    const body = Buffer.from(`${JSON.stringify({ messages: [...messages.keys()], dirs, files } satisfies Body)}\n`);
    const table = Buffer.from(stats.buffer, stats.byteOffset, stats.byteLength);
    if (os.endianness() !== 'LE') table.swap64();
    const rest = Buffer.concat([body, table]);
    const header = JSON.stringify({
      format: CACHE_FORMAT,
      version: CACHE_FORMAT_VERSION,
      ...this.identity,
      bodyBytes: body.length,
      statBytes: table.length,
      checksum: checksum(rest),
    });
    const dir = path.dirname(this.file);
    const temp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(temp, Buffer.concat([Buffer.from(`${header}\n`), rest]));
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

/** `statSync`'s options for a file that may be gone: one object for every call (the hot loop of a re-scan). */
const NO_THROW = { throwIfNoEntry: false } as const;

function validStatIndex(stats: Float64Array, index: number): boolean {
  return Number.isInteger(index) && index >= 0 && (index + 1) * STAT_WIDTH <= stats.length;
}

function indexNames(names: string): Map<string, number> {
  return new Map(names === '' ? [] : names.split('/').map((name, i) => [name, i]));
}

function split(real: string): { dir: string; name: string } {
  const at = real.lastIndexOf(path.sep);
  return { dir: at === 0 ? path.sep : real.slice(0, at), name: real.slice(at + 1) };
}

function load(file: string, identity: CacheIdentity): OldCache | { ignored?: string } {
  let bytes: Buffer;
  try {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
      const stats = fs.fstatSync(fd);
      if (!stats.isFile()) return { ignored: 'the cache file is not a regular file' };
      if (stats.size > MAX_CACHE_BYTES) return { ignored: 'the cache file is too large' };
      bytes = fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? {} : { ignored: `the cache file cannot be read (${String(error)})` };
  }
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return { ignored: 'the cache file is truncated' };
  let header: Json;
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8', 0, newline));
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
  if (!isStringArray(header.context) || JSON.stringify(header.context) !== JSON.stringify(identity.context))
    return { ignored: 'the cache file was written for another project' };
  const rest = bytes.subarray(newline + 1);
  const { bodyBytes, statBytes } = header;
  if (
    typeof bodyBytes !== 'number' ||
    typeof statBytes !== 'number' ||
    bodyBytes + statBytes !== rest.length ||
    statBytes % (8 * STAT_WIDTH) !== 0
  )
    return { ignored: 'the cache file is truncated' };
  if (header.checksum !== checksum(rest)) return { ignored: 'the cache file is corrupt (checksum)' };
  // Copied out: a Float64Array needs its bytes aligned, and the file's are wherever the body ends.
  const stats = new Float64Array(statBytes / 8);
  const table = Buffer.from(stats.buffer);
  table.set(rest.subarray(bodyBytes));
  if (os.endianness() !== 'LE') table.swap64();
  try {
    return readCache(JSON.parse(rest.toString('utf8', 0, bodyBytes)), stats) ?? { ignored: 'the cache file is malformed' };
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
      if (!/^[0-9a-f]{28}\.json(\.\d+\.[0-9a-z]+\.tmp)?$/.test(name)) continue;
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
