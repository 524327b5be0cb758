/**
 * hardcoded-password: a user account's password written as a literal. Parameters, environment
 * and secret-store look-ups are expressions and pass. The message never repeats the value.
 */
import type { Facts } from '../engine/facts';
import { defineRule, type Report } from './define';

const descriptor = {
  id: 'hardcoded-password',
  title: 'User account passwords are not written in source',
  summary: 'a user account password written in the source',
  defaultSeverity: 'warning',
  fixable: 'never',
  languages: ['csharp', 'java', 'python', 'json'],
  messages: {
    hardcoded: 'This user account password is written in the source. Read it from a secret store, the environment or a template parameter.',
  },
} as const;

/** `<secret>`, `***`: documentation placeholders, not passwords. */
function isPlaceholder(value: string): boolean {
  return value.trim() === '' || /^<[^<>]*>$/.test(value.trim()) || /^\*+$/.test(value.trim());
}

function check(facts: Facts, report: Report<typeof descriptor.messages>): void {
  for (const account of facts.accounts) {
    const password = account.password;
    if (!password || password.kind !== 'string' || isPlaceholder(password.value)) continue;
    report({ span: password.span, confidence: account.confidence, message: 'hardcoded' });
  }
}

export const hardcodedPasswordRule = defineRule(descriptor, check);
