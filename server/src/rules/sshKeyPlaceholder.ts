/**
 * ssh-key-placeholder: an SSH private key that cannot be one — a GUID (the documentation's own
 * sample passes `new Guid().ToString()`, G17), an empty or very short string. The message never
 * repeats the value.
 */
import type { Facts } from '../engine/facts';
import type { Finding, Rule } from '../engine/findings';
import { severityFor } from './confidence';

export const SSH_KEY_PLACEHOLDER = 'ssh-key-placeholder';

/** Shorter than any real private key (a PEM Ed25519 key is about 400 characters). */
const MIN_KEY_LENGTH = 100;
const GUID = /^\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?$/i;

function problemOf(value: { kind: string; hint?: string; value?: unknown }): string | undefined {
  if (value.kind === 'expr' && value.hint === 'guid') return 'a GUID';
  if (value.kind !== 'string' || typeof value.value !== 'string') return undefined;
  const key = value.value.trim();
  if (key === '') return 'empty';
  if (GUID.test(key)) return 'a GUID';
  if (/^<[^<>]*>$/.test(key)) return undefined; // a documentation placeholder, not a key
  if (key.length < MIN_KEY_LENGTH && !key.includes('PRIVATE KEY')) return 'far too short to be a private key';
  return undefined;
}

function check(facts: Facts): Finding[] {
  const findings: Finding[] = [];
  for (const account of facts.accounts) {
    const key = account.linux?.sshPrivateKey;
    if (!key) continue;
    const problem = problemOf(key);
    if (!problem) continue;
    findings.push({
      rule: SSH_KEY_PLACEHOLDER,
      severity: severityFor(sshKeyPlaceholderRule.defaultSeverity, account.confidence),
      span: key.span,
      message: `This SSH private key is ${problem}, so it cannot be a key: password-less SSH between the pool's nodes will not work. Pass a real private key (not password-protected), or omit it.`,
      fixes: [],
    });
  }
  return findings;
}

export const sshKeyPlaceholderRule: Rule = {
  id: SSH_KEY_PLACEHOLDER,
  title: 'An SSH private key must be a key',
  defaultSeverity: 'warning',
  check,
};
