/**
 * unknown-user: a task names a user account that no pool in the workspace defines (reference
 * §10 R14). Quiet when the workspace defines no pools at all: the pool may live elsewhere.
 */
import type { Facts } from '../engine/facts';
import type { Finding, Rule, RuleContext } from '../engine/findings';
import { severityFor } from './confidence';

export const UNKNOWN_USER = 'unknown-user';

function check(facts: Facts, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const localNames = new Set(facts.accounts.flatMap((a) => (a.name?.kind === 'string' ? [a.name.value] : [])));
  const hasPools = facts.accounts.length > 0 || !!context.workspace?.hasPools;
  if (!hasPools) return findings;
  for (const identity of facts.identities) {
    const name = identity.userName;
    if (!name || name.kind !== 'string' || name.value === '' || identity.autoUser) continue;
    if (localNames.has(name.value) || (context.workspace?.lookup(name.value).length ?? 0) > 0) continue;
    findings.push({
      rule: UNKNOWN_USER,
      severity: severityFor(unknownUserRule.defaultSeverity, identity.confidence),
      span: name.span,
      message: `No pool in this workspace defines a user account named '${name.value}'; a task can only run as a user account of its pool.`,
      fixes: [],
    });
  }
  return findings;
}

export const unknownUserRule: Rule = {
  id: UNKNOWN_USER,
  title: 'A named user must be defined on a pool',
  defaultSeverity: 'warning',
  check,
};
