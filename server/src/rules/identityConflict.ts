/**
 * identity-conflict: a user identity is either a named user or an auto-user, exactly one
 * (reference §10 R1). An empty user name counts as set (G12: a provider sent `""` with an
 * auto-user and the service rejected it).
 */
import type { Facts } from '../engine/facts';
import { defineRule, type Report } from './define';

const both = 'This user identity sets both a user name and an auto-user; the service accepts exactly one of the two.';

const descriptor = {
  id: 'identity-conflict',
  title: 'A user identity needs exactly one of user name and auto-user',
  summary: 'an identity with both a user name and an auto-user, or neither',
  defaultSeverity: 'error',
  fixable: 'never',
  languages: ['csharp', 'java', 'python', 'json'],
  messages: {
    both: `${both} Keep the one you mean.`,
    bothWithEmptyName: `${both} An empty user name still counts as set: remove it.`,
    neither: 'This user identity sets neither a user name nor an auto-user; the service requires exactly one of the two.',
  },
} as const;

function check(facts: Facts, report: Report<typeof descriptor.messages>): void {
  for (const identity of facts.identities) {
    const named = identity.userName !== undefined && identity.userName.kind !== 'null';
    const auto = identity.autoUser !== undefined && !('reference' in identity.autoUser && identity.autoUser.reference.kind === 'null');
    const at = { span: identity.nameSpan, confidence: identity.confidence };
    if (named && auto) {
      const empty = identity.userName?.kind === 'string' && identity.userName.value === '';
      report({ ...at, message: empty ? 'bothWithEmptyName' : 'both' });
    } else if (!named && !auto) {
      report({ ...at, message: 'neither' });
    }
  }
}

export const identityConflictRule = defineRule(descriptor, check);
