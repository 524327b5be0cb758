/**
 * duplicate-user: two user accounts with the same name on one pool. Tasks select an account by
 * name, so the second is ambiguous; what the service does with it is not documented, so a warning.
 */
import type { Facts, UserAccountFact } from '../engine/facts';
import { defineRule, type Report } from './define';

const descriptor = {
  id: 'duplicate-user',
  title: 'User account names are unique on a pool',
  summary: 'two accounts with the same name on one pool',
  defaultSeverity: 'warning',
  fixable: 'never',
  languages: ['csharp', 'java', 'python', 'json', 'typescript'],
  messages: {
    duplicate: ({ name }: { name: string }) =>
      `Second user account named '${name}' on this pool: tasks select accounts by name, so it is ambiguous.`,
    firstAccount: 'The first account with this name',
  },
} as const;

function check(facts: Facts, report: Report<typeof descriptor.messages>): void {
  const firstByPoolAndName = new Map<string, UserAccountFact>();
  for (const account of facts.accounts) {
    if (!account.pool || account.name?.kind !== 'string') continue;
    const key = `${account.pool.key}\u0000${account.name.value}`;
    const first = firstByPoolAndName.get(key);
    if (!first) {
      firstByPoolAndName.set(key, account);
      continue;
    }
    report({
      span: account.name.span,
      confidence: account.confidence,
      message: ['duplicate', { name: account.name.value }],
      related: first.name ? [{ span: first.name.span, message: 'firstAccount' }] : undefined,
    });
  }
}

export const duplicateUserRule = defineRule(descriptor, check);
