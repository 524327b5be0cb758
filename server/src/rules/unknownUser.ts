/**
 * unknown-user: a task names a user account that no pool in the workspace defines (reference
 * §10 R14). Quiet when the workspace defines no pools at all: the pool may live elsewhere.
 */
import type { Facts } from '../engine/facts';
import type { RuleContext } from '../engine/findings';
import { defineRule, type Report } from './define';

const descriptor = {
  id: 'unknown-user',
  title: 'A named user must be defined on a pool',
  summary: 'a named user that no pool in the workspace defines',
  defaultSeverity: 'warning',
  fixable: 'never',
  languages: ['csharp', 'java', 'python', 'json'],
  messages: {
    unknown: ({ name }: { name: string }) =>
      `No pool in this workspace defines a user account named '${name}': a task runs as a named user defined on its pool.`,
  },
} as const;

function check(facts: Facts, report: Report<typeof descriptor.messages>, context: RuleContext): void {
  const localNames = new Set(facts.accounts.flatMap((a) => (a.name?.kind === 'string' ? [a.name.value] : [])));
  const hasPools = facts.accounts.length > 0 || !!context.workspace?.hasPools;
  if (!hasPools) return;
  for (const identity of facts.identities) {
    const name = identity.userName;
    if (!name || name.kind !== 'string' || name.value === '' || identity.autoUser) continue;
    if (localNames.has(name.value) || (context.workspace?.lookup(name.value).length ?? 0) > 0) continue;
    report({ span: name.span, confidence: identity.confidence, message: ['unknown', { name: name.value }] });
  }
}

export const unknownUserRule = defineRule(descriptor, check);
