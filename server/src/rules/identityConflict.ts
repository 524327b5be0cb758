/**
 * identity-conflict: a user identity is either a named user or an auto-user, exactly one: the API
 * says "you must specify one but not both" (reference §10 R1). The service's response is not
 * documented, so a warning (docs/severity.md). An empty user name counts as set: the SDKs send it
 * (G12; Terraform's azurerm provider once sent `user_name = ""` beside `auto_user`).
 */
import type { Facts } from '../engine/facts';
import { defineRule, type Report } from './define';

/** The API's own words, which every message ends with. */
const ONE_NOT_BOTH = '(the API: "you must specify one but not both")';

const descriptor = {
  id: 'identity-conflict',
  title: 'A user identity needs exactly one of user name and auto-user',
  summary: 'an identity with both a user name and an auto-user, or neither',
  defaultSeverity: 'warning',
  fixable: 'never',
  languages: ['csharp', 'java', 'python', 'json', 'typescript'],
  messages: {
    both: `Both a user name and an auto-user in this user identity: keep the one you mean ${ONE_NOT_BOTH}.`,
    bothWithEmptyName: `Empty user name beside an auto-user: it is sent all the same, so remove it ${ONE_NOT_BOTH}.`,
    neither: `Neither a user name nor an auto-user in this user identity ${ONE_NOT_BOTH}.`,
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
