/**
 * The named user accounts defined on pools anywhere in the workspace, so that a task's named
 * user resolves (and `unknown-user` can tell) across files. Fed by every analysis: open
 * documents, the initial scan, watched-file changes, and the CLI's first pass.
 */
import { LANGUAGE_IDS, LANGUAGE_TABLE } from '../../../common/languages';
import type { Elevation, LoginMode } from '../batch/model';
import { inSample, type Facts, type Span, type UserAccountFact } from '../engine/facts';
import type { AccountLocation, WorkspaceAccounts } from '../engine/findings';
import { literalContent, userNameSites } from '../navigation/userNames';

/** A place in a file as editors count it: zero-based line, UTF-16 character (LSP's `Range`). */
export interface LineRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

export interface IndexedAccount extends AccountLocation {
  readonly name: string;
  /** The id of the pool it is defined on, when the pool's id is a literal. */
  readonly poolId?: string;
  /** Which pool of its file it is defined on (the facts' pool key), for counting pools. */
  readonly poolKey?: string;
  /** The name's characters between its quotes (the whole literal when written with escapes): where go to definition lands. */
  readonly range?: LineRange;
  /** Whether a rename can rewrite the name in place (a literal without escapes). */
  readonly renamable?: boolean;
  /** Its Linux user configuration's gid, when a literal. */
  readonly gid?: number;
  /** Whether it has a Linux or a Windows user configuration. */
  readonly linux?: boolean;
  readonly windows?: boolean;
  /** Its Windows login mode, when set to a known member. */
  readonly loginMode?: LoginMode;
}

/** An identity naming a pool account with a literal (`userName`): what find all references and rename list across files. */
export interface IndexedUserReference {
  readonly name: string;
  readonly uri: string;
  /** The name's characters between its quotes, or the whole literal when written with escapes. */
  readonly range: LineRange;
  readonly renamable: boolean;
}

/**
 * Anchor words of account definitions, every language's (the language table's `accountWords`): a
 * file without them defines no account.
 */
export const ACCOUNT_WORDS: readonly string[] = [...new Set(LANGUAGE_IDS.flatMap((id) => LANGUAGE_TABLE[id].accountWords))];

/**
 * Whether a file may name a user (`userName`, `UserName`, `user_name`, `username`,
 * `withUserName`, `new UserIdentity("…")`): a file without any of these has no named user for the
 * index of references. A prefilter on the text; the syntax tree decides.
 */
export function mayNameUsers(text: string): boolean {
  return /user_?name|UserIdentity/i.test(text);
}

/** The accounts a file defines for the workspace: none from a standalone file (documentation samples, `Facts.standalone`). */
export function accountsIn(uri: string, text: string, facts: Facts): IndexedAccount[] {
  return facts.standalone ? [] : definedAccounts(uri, text, facts);
}

/** The named accounts a file defines, with where: a standalone file's are its own workspace. */
export function definedAccounts(uri: string, text: string, facts: Facts): IndexedAccount[] {
  const accounts: IndexedAccount[] = [];
  const poolIds = new Map(facts.pools.flatMap((pool) => (pool.id?.kind === 'string' ? [[pool.key, pool.id.value] as const] : [])));
  const lines = new LineCounter(text);
  for (const account of facts.accounts) {
    // A sample's accounts (a swagger example's "user1") define no real pool's users.
    if (account.name?.kind !== 'string' || inSample(facts, account.span)) continue;
    const elevation = account.elevation?.kind === 'enum' ? (account.elevation.canonical as Elevation | undefined) : undefined;
    const uid = account.linux?.uid?.kind === 'number' ? account.linux.uid.value : undefined;
    const gid = account.linux?.gid?.kind === 'number' ? account.linux.gid.value : undefined;
    const loginMode =
      account.windows?.loginMode?.kind === 'enum' ? (account.windows.loginMode.canonical as LoginMode | undefined) : undefined;
    const poolId = account.pool && poolIds.get(account.pool.key);
    const content = literalContent(account.name);
    accounts.push({
      name: account.name.value,
      uri,
      line: lines.position(nameOffset(account)).line,
      elevation,
      uid,
      ...(poolId !== undefined && { poolId }),
      ...(account.pool && { poolKey: account.pool.key }),
      range: lines.range(content ?? account.name.span),
      renamable: !!content,
      ...(gid !== undefined && { gid }),
      ...(account.linux && { linux: true }),
      ...(account.windows && { windows: true }),
      ...(loginMode && { loginMode }),
    });
  }
  return accounts;
}

/**
 * Where a person looks for an account: its name (`"name": "adminUser"`), not its object's opening
 * brace; the account's start when the name is written elsewhere (a constant declared above).
 */
function nameOffset(account: UserAccountFact): number {
  const name = account.name?.span;
  return name && name.start >= account.span.start && name.end <= account.span.end ? name.start : account.span.start;
}

/** The named users a file's identities name with a literal, for the workspace: none from a standalone file. */
export function userReferencesIn(uri: string, text: string, facts: Facts): IndexedUserReference[] {
  return facts.standalone ? [] : namedUserReferences(uri, text, facts);
}

/** The named users a file's identities name with a literal: a standalone file's name its own pools' accounts. */
export function namedUserReferences(uri: string, text: string, facts: Facts): IndexedUserReference[] {
  const lines = new LineCounter(text);
  return userNameSites(facts).flatMap((site) =>
    site.role === 'reference' && site.name !== undefined
      ? [{ name: site.name, uri, range: lines.range(site.nameSpan ?? site.span), renamable: !!site.nameSpan }]
      : [],
  );
}

/** Offsets to lines and characters, for offsets asked in increasing order mostly (one pass over the text). */
export class LineCounter {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; character: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - this.starts[low] };
  }

  range(span: Span): LineRange {
    return { start: this.position(span.start), end: this.position(span.end) };
  }
}

/** What an update changed for the files that name accounts. */
export interface AccountChange {
  /** The file whose accounts changed. */
  readonly uri: string;
  /**
   * Names this file defines now and did not before, or the reverse: the names whose `lookup` answer
   * changed. (Rules read whether a name is defined; hovers read where and how live from the index.)
   */
  readonly names: ReadonlySet<string>;
  /** Whether the workspace went from no pools with accounts to some, or back. */
  readonly pools: boolean;
  /** The pool ids whose account names changed (`poolAccounts`' answer). */
  readonly poolIds: ReadonlySet<string>;
}

/** The pool ids whose set of account names differs between two lists of a file's accounts. */
function changedPoolIds(before: readonly IndexedAccount[], after: readonly IndexedAccount[]): Set<string> {
  const pairs = (list: readonly IndexedAccount[]) =>
    new Set(list.flatMap((a) => (a.poolId === undefined ? [] : [`${a.poolId}\u0000${a.name}`])));
  const was = pairs(before);
  const now = pairs(after);
  const changed = new Set<string>();
  for (const pair of was) if (!now.has(pair)) changed.add(pair.slice(0, pair.indexOf('\u0000')));
  for (const pair of now) if (!was.has(pair)) changed.add(pair.slice(0, pair.indexOf('\u0000')));
  return changed;
}

/** What a file's accounts are, without where: equal for two lists that differ only in lines and ranges. */
function detailsOf(accounts: readonly IndexedAccount[]): string {
  return JSON.stringify(
    accounts.map(({ name, elevation, uid, gid, linux, windows, loginMode, poolId }) => [
      name,
      elevation,
      uid,
      gid,
      linux,
      windows,
      loginMode,
      poolId,
    ]),
  );
}

export class AccountIndex implements WorkspaceAccounts {
  private readonly byUri = new Map<string, readonly IndexedAccount[]>();
  /** Per file, the named users its identities name (kept apart: no rule reads them, so a change re-checks nothing). */
  private readonly referencesByUri = new Map<string, readonly IndexedUserReference[]>();
  private byName: Map<string, IndexedAccount[]> | undefined;
  private byPoolId: Map<string, string[]> | undefined;
  private readonly listeners: ((change: AccountChange) => void)[] = [];

  /** Called after every update that changes a file's set of names. */
  onChange(listener: (change: AccountChange) => void): void {
    this.listeners.push(listener);
  }

  private readonly detailListeners: (() => void)[] = [];

  /**
   * Called after every update that changes what a file's accounts are (a name, an elevation, an OS
   * setting, a pool id), not where they are: what "runs as" hints say of a named user.
   */
  onDetailsChange(listener: () => void): void {
    this.detailListeners.push(listener);
  }

  /** Records a file's accounts; returns whether the set of names changed. */
  update(uri: string, accounts: readonly IndexedAccount[]): boolean {
    const previous = this.byUri.get(uri) ?? [];
    if (detailsOf(previous) !== detailsOf(accounts)) for (const listener of this.detailListeners) listener();
    const before = new Set(previous.map((a) => a.name));
    const after = new Set(accounts.map((a) => a.name));
    const hadPools = this.hasPools;
    if (accounts.length === 0) this.byUri.delete(uri);
    else this.byUri.set(uri, accounts);
    this.byName = undefined;
    this.byPoolId = undefined;
    const names = new Set([...before].filter((n) => !after.has(n)).concat([...after].filter((n) => !before.has(n))));
    const pools = hadPools !== this.hasPools;
    const poolIds = changedPoolIds(previous, accounts);
    if (names.size === 0 && !pools && poolIds.size === 0) return false;
    for (const listener of this.listeners) listener({ uri, names, pools, poolIds });
    return true;
  }

  remove(uri: string): boolean {
    this.referencesByUri.delete(uri);
    return this.update(uri, []);
  }

  /** Records the named users a file's identities name. */
  updateReferences(uri: string, references: readonly IndexedUserReference[]): void {
    if (references.length === 0) this.referencesByUri.delete(uri);
    else this.referencesByUri.set(uri, references);
  }

  /** Every identity of the workspace that names this account, file by file. */
  references(name: string): IndexedUserReference[] {
    const found: IndexedUserReference[] = [];
    for (const list of this.referencesByUri.values()) for (const reference of list) if (reference.name === name) found.push(reference);
    return found;
  }

  /** Every account of the workspace, file by file. */
  all(): IndexedAccount[] {
    return [...this.byUri.values()].flat();
  }

  get hasPools(): boolean {
    return this.byUri.size > 0;
  }

  lookup(name: string): readonly IndexedAccount[] {
    if (!this.byName) {
      this.byName = new Map();
      for (const list of this.byUri.values()) {
        for (const account of list) {
          const same = this.byName.get(account.name);
          if (same) same.push(account);
          else this.byName.set(account.name, [account]);
        }
      }
    }
    return this.byName.get(name) ?? [];
  }

  poolAccounts(poolId: string): readonly string[] | undefined {
    if (!this.byPoolId) {
      this.byPoolId = new Map();
      for (const list of this.byUri.values()) {
        for (const account of list) {
          if (account.poolId === undefined) continue;
          const names = this.byPoolId.get(account.poolId);
          if (names) names.push(account.name);
          else this.byPoolId.set(account.poolId, [account.name]);
        }
      }
    }
    return this.byPoolId.get(poolId);
  }

  get size(): number {
    let n = 0;
    for (const list of this.byUri.values()) n += list.length;
    return n;
  }

  /** The names of the accounts a file defines. */
  namesIn(uri: string): ReadonlySet<string> {
    return new Set((this.byUri.get(uri) ?? []).map((a) => a.name));
  }

  /** The files that define accounts. */
  uris(): readonly string[] {
    return [...this.byUri.keys()];
  }

  /**
   * What the index holds, as the output tells it: accounts, pools (one per pool the facts tell
   * apart in a file, else per pool id, else per file) and files.
   */
  summary(): { accounts: number; pools: number; files: number } {
    const pools = new Set<string>();
    for (const [uri, list] of this.byUri) for (const a of list) pools.add(`${uri}\u0000${a.poolKey ?? a.poolId ?? ''}`);
    return { accounts: this.size, pools: pools.size, files: this.byUri.size };
  }
}

/**
 * The workspace as one analysis sees it, remembering what the analysis asked: the names it looked
 * up, the pool ids whose accounts it asked for, and whether it asked if there are pools at all. A
 * later change to the index concerns the analysis only if it touches those (`concerns`).
 */
export class RecordedLookups implements WorkspaceAccounts {
  private readonly names = new Set<string>();
  private readonly poolIds = new Set<string>();
  private askedForPools = false;

  constructor(private readonly index: WorkspaceAccounts) {}

  get hasPools(): boolean {
    this.askedForPools = true;
    return this.index.hasPools;
  }

  lookup(name: string): readonly AccountLocation[] {
    this.names.add(name);
    return this.index.lookup(name);
  }

  poolAccounts(poolId: string): readonly string[] | undefined {
    this.poolIds.add(poolId);
    return this.index.poolAccounts?.(poolId);
  }

  concerns(change: AccountChange): boolean {
    if (change.pools && this.askedForPools) return true;
    for (const name of change.names) if (this.names.has(name)) return true;
    for (const poolId of change.poolIds) if (this.poolIds.has(poolId)) return true;
    return false;
  }
}
