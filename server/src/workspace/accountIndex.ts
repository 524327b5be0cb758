/**
 * The named user accounts defined on pools anywhere in the workspace, so that a task's named
 * user resolves (and `unknown-user` can tell) across files. Fed by every analysis: open
 * documents, the initial scan, watched-file changes, and the CLI's first pass.
 */
import { LANGUAGE_IDS, LANGUAGE_TABLE } from '../../../common/languages';
import type { Elevation } from '../batch/model';
import type { Facts } from '../engine/facts';
import type { AccountLocation, WorkspaceAccounts } from '../engine/findings';

export interface IndexedAccount extends AccountLocation {
  readonly name: string;
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
  for (const account of facts.accounts) {
    if (account.name?.kind !== 'string') continue;
    const elevation = account.elevation?.kind === 'enum' ? (account.elevation.canonical as Elevation | undefined) : undefined;
    const uid = account.linux?.uid?.kind === 'number' ? account.linux.uid.value : undefined;
    accounts.push({ name: account.name.value, uri, line: lineOf(text, account.span.start), elevation, uid });
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
}

export class AccountIndex implements WorkspaceAccounts {
  private readonly byUri = new Map<string, readonly IndexedAccount[]>();
  private byName: Map<string, IndexedAccount[]> | undefined;
  private readonly listeners: ((change: AccountChange) => void)[] = [];

  /** Called after every update that changes a file's set of names. */
  onChange(listener: (change: AccountChange) => void): void {
    this.listeners.push(listener);
  }

  /** Records a file's accounts; returns whether the set of names changed. */
  update(uri: string, accounts: readonly IndexedAccount[]): boolean {
    const before = new Set((this.byUri.get(uri) ?? []).map((a) => a.name));
    const after = new Set(accounts.map((a) => a.name));
    const hadPools = this.hasPools;
    if (accounts.length === 0) this.byUri.delete(uri);
    else this.byUri.set(uri, accounts);
    this.byName = undefined;
    const names = new Set([...before].filter((n) => !after.has(n)).concat([...after].filter((n) => !before.has(n))));
    const pools = hadPools !== this.hasPools;
    if (names.size === 0 && !pools) return false;
    for (const listener of this.listeners) listener({ uri, names, pools });
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

  get size(): number {
    let n = 0;
    for (const list of this.byUri.values()) n += list.length;
    return n;
  }
}

/**
 * The workspace as one analysis sees it, remembering what the analysis asked: the names it looked
 * up and whether it asked if there are pools at all. A later change to the index concerns the
 * analysis only if it touches those (`concerns`).
 */
export class RecordedLookups implements WorkspaceAccounts {
  private readonly names = new Set<string>();
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

  concerns(change: AccountChange): boolean {
    if (change.pools && this.askedForPools) return true;
    for (const name of change.names) if (this.names.has(name)) return true;
    return false;
  }
}
