/**
 * What each task a file builds runs as — the identity the hover computes (`resolveIdentity`),
 * defaults included — for the "runs as" inlay hints and the outline. From the facts the analysis
 * already made: no parse of its own.
 */
import { ELEVATION_WORD } from '../batch/model';
import type { Facts, IdentityFact, TaskFact } from '../engine/facts';
import type { WorkspaceAccounts } from '../engine/findings';
import { DEFAULT_IDENTITY, resolveIdentity, runsAsParts, type ResolvedIdentity } from '../hover/hover';

export interface TaskRunsAs {
  readonly task: TaskFact;
  /** The identity written for the task, when one is written in view. */
  readonly identity?: IdentityFact;
  /** What it runs as; `elsewhere` when the task is given an identity this file does not spell out (a variable, a parameter, a call). */
  readonly runsAs: ResolvedIdentity;
}

/**
 * Each task with what it runs as, in text order. A task whose identity sets both a named user and
 * an auto-user, or neither, is left out: the API requires one but not both ("you must specify one
 * but not both", UserIdentity; what the service does with it is not documented), so no hint says
 * what it runs as; so is a task that sets runElevated and no identity.
 */
export function tasksRunAs(facts: Facts, workspace?: WorkspaceAccounts): TaskRunsAs[] {
  const identities = new Map<string, IdentityFact>();
  for (const identity of facts.identities) if (identity.holder) identities.set(identity.holder.key, identity);
  const assigned = new Set(facts.identityAssignments.map((a) => a.holder.key));
  // runElevated without an identity: what it runs as depends on the service version the request
  // names (rejected since 2017-01-01.4.0); the run-elevated diagnostic and hover say so, no hint guesses.
  const elevated = new Set(facts.runElevated.filter((r) => r.form !== 'read').map((r) => r.holder.key));
  const result: TaskRunsAs[] = [];
  for (const task of facts.tasks) {
    const identity = identities.get(task.holder.key);
    if (identity) {
      // Neither or both of a named user and an auto-user: an identity the API forbids, no hint.
      const resolved = resolveIdentity(identity, workspace);
      if (resolved) result.push({ task, identity, runsAs: resolved });
    } else if (!elevated.has(task.holder.key)) {
      result.push({ task, runsAs: assigned.has(task.holder.key) ? { kind: 'elsewhere' } : DEFAULT_IDENTITY });
    }
  }
  return result;
}

/** A task's "runs as" in a few words, the user's name apart so that it can link to its account. */
export function runsAsLabel(runsAs: TaskRunsAs['runsAs']): { readonly user?: string; readonly text: string } {
  return runsAsParts(runsAs);
}

/**
 * The same for an inlay hint, which editors cut (VS Code at 43 characters by default): an auto-user
 * whose scope and elevation are known is named by them alone — `pool auto-user · admin` — and the
 * tooltip, as the hover, says which of them are defaults.
 */
export function runsAsHintLabel(runsAs: TaskRunsAs['runsAs']): { readonly user?: string; readonly text: string } {
  if (runsAs.kind === 'autoUser' && runsAs.scope !== 'unknown' && runsAs.elevation !== 'unknown')
    return { text: `${runsAs.scope} auto-user · ${ELEVATION_WORD[runsAs.elevation]}` };
  return runsAsParts(runsAs);
}
