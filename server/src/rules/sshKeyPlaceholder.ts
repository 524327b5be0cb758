/**
 * ssh-key-placeholder: an SSH private key that cannot be one — a GUID (the documentation's own
 * sample passes `new Guid().ToString()`, G17), an empty or very short string — written in place or
 * through a local variable or constant. A placeholder for a key filled in later (`<key>`,
 * `$(SshKey)`, …) and the values of a sample document are not keys and pass (placeholders.ts). The
 * message never repeats the value.
 */
import { inSample, type Facts, type Value } from '../engine/facts';
import { defineRule, type Report } from './define';
import { isPlaceholder } from './placeholders';

type Problem = 'guid' | 'empty' | 'short';

const PROBLEM: Record<Problem, string> = { guid: 'a GUID, not a key', empty: 'empty', short: 'far too short to be a key' };

const descriptor = {
  id: 'ssh-key-placeholder',
  title: 'An SSH private key must be a key',
  summary: 'an SSH private key that is a GUID, empty or far too short',
  defaultSeverity: 'warning',
  fixable: 'never',
  languages: ['csharp', 'java', 'python', 'json', 'typescript'],
  messages: {
    notAKey: ({ problem }: { problem: Problem }) =>
      `SSH private key is ${PROBLEM[problem]}: it cannot set up SSH between the pool's nodes. Pass a real private key (not password-protected), or omit it.`,
  },
} as const;

/** Shorter than any real private key (a PEM Ed25519 key is about 400 characters). */
const MIN_KEY_LENGTH = 100;
const GUID = /^\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?$/i;

function problemOf(value: Value): Problem | undefined {
  if (value.kind === 'expr' && value.hint === 'guid') return 'guid';
  if (value.kind !== 'string') return undefined;
  const key = value.value.trim();
  if (key === '') return 'empty';
  if (GUID.test(key)) return 'guid';
  if (isPlaceholder(key)) return undefined;
  if (key.length < MIN_KEY_LENGTH && !key.includes('PRIVATE KEY')) return 'short';
  return undefined;
}

function check(facts: Facts, report: Report<typeof descriptor.messages>): void {
  for (const account of facts.accounts) {
    const key = account.linux?.sshPrivateKey;
    // A sample's keys are placeholders by design (a swagger example's "sshprivatekeyvalue").
    if (!key || inSample(facts, key.span)) continue;
    const problem = problemOf(key);
    if (problem) report({ span: key.span, confidence: account.confidence, message: ['notAKey', { problem }] });
  }
}

export const sshKeyPlaceholderRule = defineRule(descriptor, check);
