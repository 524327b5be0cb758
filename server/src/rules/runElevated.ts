/**
 * run-elevated: runElevated was removed in Batch service version 2017-01-01.4.0. Rewrite it to
 * the auto-user identity with the same elevation (the documented mapping sets only the elevation).
 */
import { SERVICE_VERSIONS, type Elevation, type Scope } from '../batch/model';
import type { Facts, IdentityAssignmentFact, IdentityFact, RunElevatedFact, Value } from '../engine/facts';
import type { ElevationChoice, Finding, Fix, Rule, RuleContext } from '../engine/findings';
import { severityFor } from './confidence';

export const RUN_ELEVATED = 'run-elevated';

/** What elevation a runElevated value means, or undefined when it cannot be told. */
function elevationChoiceOf(value: Value | undefined): ElevationChoice | undefined {
  if (!value) return undefined;
  if (value.kind === 'bool') return { literal: value.value ? 'admin' : 'nonAdmin' };
  if (value.kind === 'expr' && value.hint !== 'guid') return { conditional: value };
  return undefined;
}

const LABEL: Record<Elevation, string> = { admin: 'Admin', nonAdmin: 'NonAdmin' };

function choiceLabel(choice: ElevationChoice): string {
  return 'literal' in choice ? LABEL[choice.literal] : 'Admin or NonAdmin by the same condition';
}

/** The elevation an existing identity expresses: admin/nonAdmin for an auto-user, undefined if unknown. */
function identityElevation(identity: IdentityFact): Elevation | undefined {
  const autoUser = identity.autoUser;
  if (!autoUser || identity.userName || 'reference' in autoUser) return undefined;
  const elevation = autoUser.elevation;
  if (!elevation) return 'nonAdmin';
  return elevation.kind === 'enum' && (elevation.canonical === 'admin' || elevation.canonical === 'nonAdmin')
    ? elevation.canonical
    : undefined;
}

function replaceFixes(fact: RunElevatedFact, choice: ElevationChoice, context: RuleContext): Fix[] {
  const label = choiceLabel(choice);
  const preferredScope: Scope | undefined = context.fixScope === 'omit' ? undefined : context.fixScope;
  const scopeNote = preferredScope ? `, ${preferredScope} scope` : '';
  const fixes: Fix[] = [
    {
      title: `Replace runElevated with an auto-user identity (elevation ${label}${scopeNote})`,
      intent: { kind: 'replaceRunElevated', fact, elevation: choice, scope: preferredScope },
      preferred: true,
      safe: true,
    },
  ];
  if (preferredScope !== 'task') {
    fixes.push({
      title:
        `Replace runElevated with an auto-user identity (elevation ${label}, task scope: keeps per-task isolation; ` +
        `the default scope is pool since ${SERVICE_VERSIONS.poolScopeDefault})`,
      intent: { kind: 'replaceRunElevated', fact, elevation: choice, scope: 'task' },
      safe: false,
    });
  }
  return fixes;
}

function check(facts: Facts, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const removedIn = `runElevated was removed in Batch service version ${SERVICE_VERSIONS.userIdentity}`;
  const identityByHolder = new Map<string, IdentityFact>();
  for (const identity of facts.identities)
    if (identity.holder && !identityByHolder.has(identity.holder.key)) identityByHolder.set(identity.holder.key, identity);
  // Any user identity given to the holder (an expression, a variable, null included): a second one would override it.
  const assignmentByHolder = new Map<string, IdentityAssignmentFact>();
  for (const assignment of facts.identityAssignments)
    if (!assignmentByHolder.has(assignment.holder.key)) assignmentByHolder.set(assignment.holder.key, assignment);
  for (const fact of facts.runElevated) {
    const severity = severityFor(runElevatedRule.defaultSeverity, fact.confidence);
    const base = { rule: RUN_ELEVATED, severity, span: fact.nameSpan, deprecated: true } as const;
    if (fact.form === 'read') {
      findings.push({ ...base, message: `${removedIn}; read the user identity's elevation level instead.`, fixes: [] });
      continue;
    }
    const choice = elevationChoiceOf(fact.value);
    const existing = identityByHolder.get(fact.holder.key);
    const assigned = assignmentByHolder.get(fact.holder.key);
    if (existing || assigned) {
      const expressed = existing && identityElevation(existing);
      const agrees = choice && 'literal' in choice && expressed === choice.literal;
      findings.push({
        ...base,
        message: agrees
          ? `${removedIn}; this object already sets a user identity with the same elevation, so runElevated only adds noise.`
          : `${removedIn}; this object also sets a user identity, which is what the service uses. Remove runElevated once the identity says what you mean.`,
        fixes: [
          agrees
            ? {
                title: 'Remove runElevated (the user identity already sets this elevation)',
                intent: { kind: 'removeRunElevated', fact },
                preferred: true,
                safe: true,
              }
            : // Offered, never applied on save: whether the identity says what runElevated meant is the author's call.
              { title: 'Remove runElevated (the user identity decides)', intent: { kind: 'removeRunElevated', fact }, safe: false },
        ],
        related: [{ span: (existing ?? assigned)!.nameSpan, message: 'The user identity of the same object' }],
      });
      continue;
    }
    if (fact.overriddenBy) {
      findings.push({
        ...base,
        message: `${removedIn}; this object sets runElevated again further on, and with duplicate keys most JSON readers keep only the last.`,
        fixes: [
          {
            title: 'Remove this runElevated (a later one in the same object replaces it)',
            intent: { kind: 'removeRunElevated', fact },
            safe: false,
          },
        ],
        related: [{ span: fact.overriddenBy, message: 'The runElevated that replaces it' }],
      });
      continue;
    }
    const advice = !choice
      ? 'Use a user identity instead.'
      : 'literal' in choice
        ? `Use a user identity: an auto-user with elevation level ${LABEL[choice.literal]}.`
        : 'Use a user identity: an auto-user whose elevation level follows the same condition.';
    findings.push({
      ...base,
      message: `${removedIn} and newer SDKs drop it silently. ${advice}`,
      fixes: choice ? replaceFixes(fact, choice, context) : [],
    });
  }
  return findings;
}

export const runElevatedRule: Rule = {
  id: RUN_ELEVATED,
  title: 'runElevated was removed: use a user identity',
  defaultSeverity: 'warning',
  check,
};
