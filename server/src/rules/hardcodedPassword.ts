/**
 * hardcoded-password: a user account's password written as a literal. Parameters, environment
 * and secret-store look-ups are expressions and pass. The message never repeats the value.
 */
import type { Facts } from '../engine/facts';
import type { Finding, Rule } from '../engine/findings';
import { severityFor } from './confidence';

export const HARDCODED_PASSWORD = 'hardcoded-password';

/** `<secret>`, `***`: documentation placeholders, not passwords. */
function isPlaceholder(value: string): boolean {
  return value.trim() === '' || /^<[^<>]*>$/.test(value.trim()) || /^\*+$/.test(value.trim());
}

function check(facts: Facts): Finding[] {
  const findings: Finding[] = [];
  for (const account of facts.accounts) {
    const password = account.password;
    if (!password || password.kind !== 'string' || isPlaceholder(password.value)) continue;
    findings.push({
      rule: HARDCODED_PASSWORD,
      severity: severityFor(hardcodedPasswordRule.defaultSeverity, account.confidence),
      span: password.span,
      message: 'This user account password is written in the source. Read it from a secret store, the environment or a template parameter.',
      fixes: [],
    });
  }
  return findings;
}

export const hardcodedPasswordRule: Rule = {
  id: HARDCODED_PASSWORD,
  title: 'User account passwords are not written in source',
  defaultSeverity: 'warning',
  check,
};
