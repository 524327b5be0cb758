/**
 * identity-conflict: a user identity is either a named user or an auto-user, exactly one
 * (reference §10 R1). An empty user name counts as set (G12: a provider sent `""` with an
 * auto-user and the service rejected it).
 */
import type { Facts } from '../engine/facts';
import type { Finding, Rule } from '../engine/findings';
import { severityFor } from './confidence';

export const IDENTITY_CONFLICT = 'identity-conflict';

function check(facts: Facts): Finding[] {
  const findings: Finding[] = [];
  for (const identity of facts.identities) {
    const severity = severityFor(identityConflictRule.defaultSeverity, identity.confidence);
    const named = identity.userName !== undefined && identity.userName.kind !== 'null';
    const auto = identity.autoUser !== undefined && !('reference' in identity.autoUser && identity.autoUser.reference.kind === 'null');
    if (named && auto) {
      const empty = identity.userName?.kind === 'string' && identity.userName.value === '';
      findings.push({
        rule: IDENTITY_CONFLICT,
        severity,
        span: identity.nameSpan,
        message:
          'This user identity sets both a user name and an auto-user; the service accepts exactly one of the two.' +
          (empty ? ' An empty user name still counts as set: remove it.' : ' Keep the one you mean.'),
        fixes: [],
      });
    } else if (!named && !auto) {
      findings.push({
        rule: IDENTITY_CONFLICT,
        severity,
        span: identity.nameSpan,
        message: 'This user identity sets neither a user name nor an auto-user; the service requires exactly one of the two.',
        fixes: [],
      });
    }
  }
  return findings;
}

export const identityConflictRule: Rule = {
  id: IDENTITY_CONFLICT,
  title: 'A user identity needs exactly one of user name and auto-user',
  defaultSeverity: 'error',
  check,
};
