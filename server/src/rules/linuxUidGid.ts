/**
 * linux-uid-gid: the API says uid and gid "must be specified together or not at all" (reference §10
 * R2). What the service does with one alone is not documented (the SDKs send it), so a warning.
 */
import type { Facts } from '../engine/facts';
import { defineRule, type Report } from './define';

const descriptor = {
  id: 'linux-uid-gid',
  title: 'Linux uid and gid go together',
  summary: '`uid` without `gid`, or `gid` without `uid`',
  defaultSeverity: 'warning',
  fixable: 'never',
  languages: ['csharp', 'java', 'python', 'json', 'typescript'],
  messages: {
    onlyOne: ({ set }: { set: 'uid' | 'gid' }) =>
      `${set} without ${set === 'uid' ? 'gid' : 'uid'}: the API says uid and gid "must be specified together or not at all".`,
  },
} as const;

function isSet(value: { kind: string } | undefined): boolean {
  return value !== undefined && value.kind !== 'null';
}

function check(facts: Facts, report: Report<typeof descriptor.messages>): void {
  for (const account of facts.accounts) {
    const linux = account.linux;
    if (!linux) continue;
    const uid = isSet(linux.uid);
    const gid = isSet(linux.gid);
    if (uid === gid) continue;
    const present = uid ? linux.uid! : linux.gid!;
    report({ span: present.span, confidence: account.confidence, message: ['onlyOne', { set: uid ? 'uid' : 'gid' }] });
  }
}

export const linuxUidGidRule = defineRule(descriptor, check);
