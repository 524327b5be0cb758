/** duplicate-user: two user accounts with the same name on one pool. */
import type { Facts, UserAccountFact } from '../engine/facts';
import type { Finding, Rule } from '../engine/findings';
import { severityFor } from './confidence';

export const DUPLICATE_USER = 'duplicate-user';

function check(facts: Facts): Finding[] {
  const findings: Finding[] = [];
  const firstByPoolAndName = new Map<string, UserAccountFact>();
  for (const account of facts.accounts) {
    if (!account.pool || account.name?.kind !== 'string') continue;
    const key = `${account.pool.key}\u0000${account.name.value}`;
    const first = firstByPoolAndName.get(key);
    if (!first) {
      firstByPoolAndName.set(key, account);
      continue;
    }
    findings.push({
      rule: DUPLICATE_USER,
      severity: severityFor(duplicateUserRule.defaultSeverity, account.confidence),
      span: account.name.span,
      message: `The pool already defines a user account named '${account.name.value}'; account names must be unique on a pool.`,
      fixes: [],
      related: first.name ? [{ span: first.name.span, message: 'The first account with this name' }] : undefined,
    });
  }
  return findings;
}

export const duplicateUserRule: Rule = {
  id: DUPLICATE_USER,
  title: 'User account names are unique on a pool',
  defaultSeverity: 'error',
  check,
};
