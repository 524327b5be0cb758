/**
 * What each snippet means, language-neutral: the identities and user accounts it sets up with
 * its defaults (`first`) or with every choice at its last option (`last`). The engine's facts, the
 * compiled C# and the executed Python are all held to this one table.
 */
import type { Elevation, LoginMode, Scope, TaskKind } from '../../../server/src/batch/model';

export type Variant = 'first' | 'last';
export const VARIANTS: readonly Variant[] = ['first', 'last'];

export interface ExpectedIdentity {
  readonly task: TaskKind;
  readonly user?: string;
  readonly scope?: Scope;
  readonly elevation?: Elevation;
}

export interface ExpectedAccount {
  readonly name: string;
  readonly elevation: Elevation;
  readonly uid?: number;
  readonly gid?: number;
  readonly loginMode?: LoginMode;
}

export interface Expected {
  readonly identities: readonly ExpectedIdentity[];
  readonly accounts: readonly ExpectedAccount[];
}

export const EXPECTED: Readonly<Record<string, (variant: Variant) => Expected>> = {
  'batch-autouser-admin': () => ({ identities: [{ task: 'task', scope: 'task', elevation: 'admin' }], accounts: [] }),
  'batch-autouser-pool': (v) => ({ identities: [{ task: 'task', scope: 'pool', elevation: v === 'first' ? 'nonAdmin' : 'admin' }], accounts: [] }),
  'batch-pool-users-windows': (v) => ({
    identities: [],
    accounts: [
      { name: 'adminUser', elevation: 'admin', loginMode: v === 'first' ? 'batch' : 'interactive' },
      { name: 'nonAdminUser', elevation: 'nonAdmin', loginMode: v === 'first' ? 'batch' : 'interactive' },
    ],
  }),
  'batch-pool-users-linux': (v) => ({
    identities: [],
    accounts: [{ name: 'adminUser', elevation: v === 'first' ? 'admin' : 'nonAdmin', uid: 1001, gid: 1001 }],
  }),
  'batch-task-named-user': () => ({ identities: [{ task: 'task', user: 'adminUser' }], accounts: [] }),
  'batch-starttask-admin': () => ({ identities: [{ task: 'startTask', scope: 'pool', elevation: 'admin' }], accounts: [] }),
};
