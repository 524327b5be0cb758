/**
 * os-mismatch: a user account's settings for one operating system on a pool of the other. The
 * spec says windowsUserConfiguration "can only be specified if the user is on a Windows pool" and
 * that linuxUserConfiguration "is ignored if specified on a Windows pool". Both are warnings: a
 * documented requirement without a documented rejection, and settings without effect
 * (docs/severity.md). Which OS a pool runs is read from its configuration only where that is certain.
 */
import { POOL_OS } from '../batch/model';
import type { Facts, PoolFact, Span, Value } from '../engine/facts';
import { defineRule, type Report } from './define';

type Os = 'windows' | 'linux';

const OS_NAME: Record<Os, string> = { windows: 'Windows', linux: 'Linux' };

const descriptor = {
  id: 'os-mismatch',
  title: "A user account's OS settings match its pool's OS",
  summary: 'Windows user settings on a Linux pool, or Linux user settings on a Windows pool',
  defaultSeverity: 'warning',
  fixable: 'never',
  languages: ['csharp', 'java', 'python', 'json', 'typescript'],
  messages: {
    windowsOnLinux: 'windowsUserConfiguration on a Linux pool: the spec allows it only on Windows pools.',
    linuxOnWindows: 'linuxUserConfiguration on a Windows pool: the service ignores it there.',
    poolOs: ({ os, because }: { os: Os; because: string }) => `The pool runs ${OS_NAME[os]}: ${because}`,
  },
} as const;

/** What one piece of a pool's configuration says of its OS, and where it says it. */
interface OsEvidence {
  readonly os: Os;
  readonly span: Span;
  readonly because: string;
}

function stringOf(value: Value | undefined): string | undefined {
  return value?.kind === 'string' ? value.value.trim().toLowerCase() : undefined;
}

function evidenceOf(pool: PoolFact): OsEvidence[] {
  const found: OsEvidence[] = [];
  if (pool.cloudServiceConfiguration)
    found.push({ os: 'windows', span: pool.cloudServiceConfiguration, because: 'a Cloud Services configuration' });
  if (pool.windowsConfiguration) found.push({ os: 'windows', span: pool.windowsConfiguration, because: 'windowsConfiguration is set' });
  const sku = stringOf(pool.nodeAgentSkuId);
  if (sku?.startsWith(POOL_OS.nodeAgentSkuPrefix)) {
    const family = sku.slice(POOL_OS.nodeAgentSkuPrefix.length).split(/[\s.]/)[0];
    const os: Os | undefined = (POOL_OS.windowsNodeAgents as readonly string[]).includes(family)
      ? 'windows'
      : (POOL_OS.linuxNodeAgents as readonly string[]).includes(family)
        ? 'linux'
        : undefined;
    if (os) found.push({ os, span: pool.nodeAgentSkuId!.span, because: `node agent SKU ${pool.nodeAgentSkuId!.text}` });
  }
  const publisher = stringOf(pool.image?.publisher);
  if (publisher) {
    const os: Os | undefined = (POOL_OS.windowsImagePublishers as readonly string[]).includes(publisher)
      ? 'windows'
      : (POOL_OS.linuxImagePublishers as readonly string[]).includes(publisher)
        ? 'linux'
        : undefined;
    if (os) found.push({ os, span: pool.image!.publisher!.span, because: `image publisher ${pool.image!.publisher!.text}` });
  }
  return found;
}

/** The pool's OS when every piece of its configuration that tells one agrees; else unknown. */
export function poolOs(pool: PoolFact): OsEvidence | undefined {
  const evidence = evidenceOf(pool);
  if (evidence.length === 0 || evidence.some((e) => e.os !== evidence[0].os)) return undefined;
  return evidence[0];
}

function check(facts: Facts, report: Report<typeof descriptor.messages>): void {
  if (facts.pools.length === 0) return;
  const osByPool = new Map<string, OsEvidence>();
  for (const pool of facts.pools) {
    const os = poolOs(pool);
    // Two pool facts under one key that disagree: say nothing.
    const known = osByPool.get(pool.key);
    if (os && (!known || known.os === os.os)) osByPool.set(pool.key, os);
    else if (known && !os) continue;
    else if (known) osByPool.delete(pool.key);
  }
  for (const account of facts.accounts) {
    const os = account.pool && osByPool.get(account.pool.key);
    if (!os) continue;
    const related = [{ span: os.span, message: ['poolOs', { os: os.os, because: os.because }] as const }];
    if (os.os === 'linux' && account.windows)
      report({ span: account.windows.nameSpan, confidence: account.confidence, message: 'windowsOnLinux', related });
    if (os.os === 'windows' && account.linux)
      report({ span: account.linux.nameSpan, confidence: account.confidence, message: 'linuxOnWindows', related });
  }
}

export const osMismatchRule = defineRule(descriptor, check);
