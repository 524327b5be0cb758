/**
 * unknown-user: a task names a user account its pool does not define (reference §10 R14: a task
 * can only run as a user account of its pool). Reported only on evidence that covers the pool:
 *  - the pool the task runs on is in view — a start task's own pool, a job's auto-pool, or the pool
 *    a job names by id, defined in this file or elsewhere — with its accounts, and none has the
 *    name; or else
 *  - the whole project's pools are in view and none defines the name. The editor's index covers
 *    its workspace folders, the CLI's the project root of what it checks (workspace/projectRoot.ts),
 *    and without either the file alone is the view. Quiet when the view defines no pools at all:
 *    the pool may live elsewhere, and in a sample document (a swagger example), whose names are
 *    placeholders.
 */
import { inSample, type Facts, type Holder } from '../engine/facts';
import type { RuleContext } from '../engine/findings';
import { defineRule, type Report } from './define';
import { isPlaceholder } from './placeholders';

const descriptor = {
  id: 'unknown-user',
  title: 'A named user must be defined on a pool',
  summary: 'a named user that no pool in the workspace defines',
  defaultSeverity: 'warning',
  fixable: 'never',
  languages: ['csharp', 'java', 'python', 'json', 'typescript'],
  messages: {
    unknown: ({ name }: { name: string }) =>
      `No pool in this workspace defines a user account named '${name}': a task runs as a named user defined on its pool.`,
    notOnItsPool: ({ name }: { name: string }) => `The pool this task runs on has no user account named '${name}'.`,
  },
} as const;

/**
 * The account names of the pool the holder's task runs on, when that pool and its accounts are in
 * view; undefined when the code does not say which pool, or the pool's accounts are not in view
 * (then only the whole project can tell). Names that are not literals make the list unknown; so
 * does a list with accounts the file does not show ('unseen': then nothing can be said).
 */
function accountsOfItsPool(pool: Holder['pool'], facts: Facts, context: RuleContext): ReadonlySet<string> | 'unseen' | undefined {
  if (!pool) return undefined;
  const keys = new Set<string>();
  let elsewhere: readonly string[] = [];
  if ('key' in pool) {
    if (pool.unseen) return 'unseen';
    keys.add(pool.key);
  } else {
    // A placeholder id (`<pool-id>`, `${POOL_ID}`) names no pool in particular: samples share them.
    if (pool.id.kind !== 'string' || isPlaceholder(pool.id.value)) return undefined;
    const id = pool.id.value;
    for (const defined of facts.pools) if (defined.id?.kind === 'string' && defined.id.value === id) keys.add(defined.key);
    elsewhere = context.workspace?.poolAccounts?.(id) ?? [];
  }
  const local = facts.accounts.filter((account) => account.pool && keys.has(account.pool.key)).map((account) => account.name);
  if (local.length === 0 && elsewhere.length === 0) return undefined;
  const names = local.flatMap((name) => (name?.kind === 'string' ? [name.value] : []));
  if (names.length < local.length) return undefined;
  // An account named by a placeholder (`"<admin-user>"`, `"[parameters('user')]"`) may be any user.
  if (names.some(isPlaceholder)) return 'unseen';
  return new Set([...names, ...elsewhere]);
}

function check(facts: Facts, report: Report<typeof descriptor.messages>, context: RuleContext): void {
  const localNames = new Set(facts.accounts.flatMap((a) => (a.name?.kind === 'string' ? [a.name.value] : [])));
  // Asked only when needed: the server re-checks a document when the answer to what it asked changes.
  const projectHasPools = () => facts.accounts.length > 0 || !!context.workspace?.hasPools;
  for (const identity of facts.identities) {
    const name = identity.userName;
    if (!name || name.kind !== 'string' || name.value === '' || identity.autoUser) continue;
    // A sample's user names are placeholders by design (a swagger example's "user1"), and so is
    // a name filled in later (`"<user-name>"`, `"${BATCH_USER}"`).
    if (inSample(facts, name.span) || isPlaceholder(name.value)) continue;
    const itsPool = accountsOfItsPool(identity.holder?.pool, facts, context);
    if (itsPool === 'unseen') continue;
    if (itsPool) {
      if (!itsPool.has(name.value))
        report({ span: name.span, confidence: identity.confidence, message: ['notOnItsPool', { name: name.value }] });
      continue;
    }
    if (!projectHasPools()) continue;
    if (localNames.has(name.value) || (context.workspace?.lookup(name.value).length ?? 0) > 0) continue;
    report({ span: name.span, confidence: identity.confidence, message: ['unknown', { name: name.value }] });
  }
}

export const unknownUserRule = defineRule(descriptor, check);
