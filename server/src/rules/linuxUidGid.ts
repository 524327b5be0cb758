/** linux-uid-gid: uid and gid must be set together or not at all (reference §10 R2). */
import type { Facts } from '../engine/facts';
import type { Finding, Rule } from '../engine/findings';
import { severityFor } from './confidence';

export const LINUX_UID_GID = 'linux-uid-gid';

function isSet(value: { kind: string } | undefined): boolean {
  return value !== undefined && value.kind !== 'null';
}

function check(facts: Facts): Finding[] {
  const findings: Finding[] = [];
  for (const account of facts.accounts) {
    const linux = account.linux;
    if (!linux) continue;
    const uid = isSet(linux.uid);
    const gid = isSet(linux.gid);
    if (uid === gid) continue;
    const present = uid ? linux.uid! : linux.gid!;
    findings.push({
      rule: LINUX_UID_GID,
      severity: severityFor(linuxUidGidRule.defaultSeverity, account.confidence),
      span: present.span,
      message: `${uid ? 'uid' : 'gid'} is set without ${uid ? 'gid' : 'uid'}: the Linux user configuration needs both or neither (without them the OS picks them).`,
      fixes: [],
    });
  }
  return findings;
}

export const linuxUidGidRule: Rule = {
  id: LINUX_UID_GID,
  title: 'Linux uid and gid go together',
  defaultSeverity: 'error',
  check,
};
