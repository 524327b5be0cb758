/**
 * hardcoded-password: a user account's password written as a literal, directly or through a local
 * variable or constant. Parameters, environment and secret-store look-ups are expressions and pass;
 * so do placeholders and every value of a sample document (placeholders.ts). The message never
 * repeats the value.
 */
import type { Facts } from '../engine/facts';
import { defineRule, type Report } from './define';
import { writtenSecret } from './placeholders';

const descriptor = {
  id: 'hardcoded-password',
  title: 'User account passwords are not written in source',
  summary: 'a user account password written in the source',
  defaultSeverity: 'warning',
  fixable: 'never',
  languages: ['csharp', 'java', 'python', 'json', 'typescript'],
  messages: {
    hardcoded: 'This user account password is written in the source. Read it from a secret store, the environment or a template parameter.',
  },
} as const;

function check(facts: Facts, report: Report<typeof descriptor.messages>): void {
  for (const account of facts.accounts) {
    const password = writtenSecret(facts, account.password);
    // An empty password is no secret to leak.
    if (!password || password.value.trim() === '') continue;
    report({ span: password.span, confidence: account.confidence, message: 'hardcoded' });
  }
}

export const hardcodedPasswordRule = defineRule(descriptor, check);
