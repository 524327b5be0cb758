/**
 * The named user accounts defined on pools anywhere in the workspace, so that a task's named
 * user resolves (and `unknown-user` can tell) across files. Fed by every analysis: open
 * documents, the initial scan, watched-file changes, and the CLI's first pass.
 */
import { LANGUAGE_IDS, LANGUAGE_TABLE } from '../../../common/languages';
import type { Elevation, LoginMode } from '../batch/model';
import { inSample, type Facts } from '../engine/facts';
import type { AccountLocation, WorkspaceAccounts } from '../engine/findings';

export interface IndexedAccount extends AccountLocation {
  readonly name: string;
  /** The id of the pool it is defined on, when the pool's id is a literal. */
  readonly poolId?: string;
  /** The line of its name (0-based), where completion's link to the definition lands; `line` is its object's. */
  readonly nameLine?: number;
  /** Its OS settings: Linux (uid, gid) or Windows (login mode), when written. */
  readonly linux?: { readonly uid?: number; readonly gid?: number };
  readonly windows?: { readonly loginMode?: LoginMode };
}

/**
 * Anchor words of account definitions, every language's (the language table's `accountWords`): a
 * file without them defines no account.
 */
export const ACCOUNT_WORDS: readonly string[] = [...new Set(LANGUAGE_IDS.flatMap((id) => LANGUAGE_TABLE[id].accountWords))];

/** The accounts a file defines for the workspace: none from a standalone file (documentation samples, `Facts.standalone`). */
export function accountsIn(uri: string, text: string, facts: Facts): IndexedAccount[] {
  return facts.standalone ? [] : definedAccounts(uri, text, facts);
}

/** The named accounts a file defines, with where: a standalone file's are its own workspace. */
export function definedAccounts(uri: string, text: string, facts: Facts): IndexedAccount[] {
  const accounts: IndexedAccount[] = [];
  const poolIds = new Map(facts.pools.flatMap((pool) => (pool.id?.kind === 'string' ? [[pool.key, pool.id.value] as const] : [])));
  for (const account of facts.accounts) {
    // A sample's accounts (a swagger example's "user1") define no real pool's users.
    if (account.name?.kind !== 'string' || inSample(facts, account.span)) continue;
    const elevation = account.elevation?.kind === 'enum' ? (account.elevation.canonical as Elevation | undefined) : undefined;
    const uid = account.linux?.uid?.kind === 'number' ? account.linux.uid.value : undefined;
    const gid = account.linux?.gid?.kind === 'number' ? account.linux.gid.value : undefined;
    const loginMode =
      account.windows?.loginMode?.kind === 'enum' ? (account.windows.loginMode.canonical as LoginMode | undefined) : undefined;
    const poolId = account.pool && poolIds.get(account.pool.key);
    accounts.push({
      name: account.name.value,
      uri,
      line: lineOf(text, account.span.start),
      nameLine: lineOf(text, account.name.span.start),
      elevation,
      uid,
      ...(poolId !== undefined && { poolId }),
      ...(account.linux && { linux: { uid, gid } }),
      ...(account.windows && { windows: { loginMode } }),
    });
  }
  return accounts;
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
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

export class AccountIndex implements WorkspaceAccounts {
  private readonly byUri = new Map<string, readonly IndexedAccount[]>();
  private byName: Map<string, IndexedAccount[]> | undefined;
  private byPoolId: Map<string, string[]> | undefined;
  private readonly listeners: ((change: AccountChange) => void)[] = [];

  /** Called after every update that changes a file's set of names. */
  onChange(listener: (change: AccountChange) => void): void {
    this.listeners.push(listener);
  }

  /** Records a file's accounts; returns whether the set of names changed. */
  update(uri: string, accounts: readonly IndexedAccount[]): boolean {
    const previous = this.byUri.get(uri) ?? [];
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
    return this.update(uri, []);
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

  /** Every account of the workspace, file by file. */
  all(): IndexedAccount[] {
    return [...this.byUri.values()].flat();
  }

  get size(): number {
    let n = 0;
    for (const list of this.byUri.values()) n += list.length;
    return n;
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
