/**
 * run-elevated: runElevated was removed in Batch service version 2017-01-01.4.0. Rewrite it to
 * the auto-user identity with the same elevation (the documented mapping sets only the elevation).
 */
import { SERVICE_VERSIONS, type Elevation, type Scope } from '../batch/model';
import type { Facts, IdentityAssignmentFact, IdentityFact, RunElevatedFact, Value } from '../engine/facts';
import type { ElevationChoice, RuleContext } from '../engine/findings';
import { defineRule, type FixOffer, type Report } from './define';

export const RUN_ELEVATED = 'run-elevated';

/** The elevation a fix writes: a literal one, or the same condition as the runElevated value. */
type ChoiceLabel = Elevation | 'sameCondition';

const removedIn = `runElevated was removed in Batch service version ${SERVICE_VERSIONS.userIdentity}`;

const descriptor = {
  id: RUN_ELEVATED,
  title: 'runElevated was removed: use a user identity',
  summary: `\`runElevated\`, removed in ${SERVICE_VERSIONS.userIdentity}`,
  defaultSeverity: 'warning',
  fixable: 'sometimes',
  languages: ['csharp', 'java', 'python', 'json'],
  tags: ['deprecated'],
  messages: {
    read: `${removedIn}; read the user identity's elevation level instead.`,
    identityAgrees: `${removedIn}; this object already sets a user identity with the same elevation, so runElevated only adds noise.`,
    identityDiffers: `${removedIn}; this object also sets a user identity, which is what the service uses. Remove runElevated once the identity says what you mean.`,
    useIdentity: `${removedIn} and newer SDKs drop it silently. Use a user identity instead.`,
    useElevation: ({ elevation }: { elevation: Elevation }) =>
      `${removedIn} and newer SDKs drop it silently. Use a user identity: an auto-user with elevation level ${LABEL[elevation]}.`,
    useSameCondition: `${removedIn} and newer SDKs drop it silently. Use a user identity: an auto-user whose elevation level follows the same condition.`,
    sameObjectIdentity: 'The user identity of the same object',
    replaceFix: ({ elevation, scope }: { elevation: ChoiceLabel; scope?: Scope }) =>
      `Replace runElevated with an auto-user identity (elevation ${choiceLabel(elevation)}${scope ? `, ${scope} scope` : ''})`,
    replaceTaskScopeFix: ({ elevation }: { elevation: ChoiceLabel }) =>
      `Replace runElevated with an auto-user identity (elevation ${choiceLabel(elevation)}, task scope: keeps per-task isolation; ` +
      `the default scope is pool since ${SERVICE_VERSIONS.poolScopeDefault})`,
    removeFix: 'Remove runElevated (the user identity already sets this elevation)',
    identityDecidesFix: 'Remove runElevated (the user identity decides)',
    overridden: `${removedIn}; this object sets runElevated again further on, and with duplicate keys most JSON readers keep only the last.`,
    removeOverriddenFix: 'Remove this runElevated (a later one in the same object replaces it)',
    overridingKey: 'The runElevated that replaces it',
  },
} as const;

type Messages = typeof descriptor.messages;

/** What elevation a runElevated value means, or undefined when it cannot be told. */
function elevationChoiceOf(value: Value | undefined): ElevationChoice | undefined {
  if (!value) return undefined;
  if (value.kind === 'bool') return { literal: value.value ? 'admin' : 'nonAdmin' };
  if (value.kind === 'expr' && value.hint !== 'guid') return { conditional: value };
  return undefined;
}

const LABEL: Record<Elevation, string> = { admin: 'Admin', nonAdmin: 'NonAdmin' };

function choiceLabel(label: ChoiceLabel): string {
  return label === 'sameCondition' ? 'Admin or NonAdmin by the same condition' : LABEL[label];
}

function labelOf(choice: ElevationChoice): ChoiceLabel {
  return 'literal' in choice ? choice.literal : 'sameCondition';
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

function replaceFixes(fact: RunElevatedFact, choice: ElevationChoice, context: RuleContext): FixOffer<Messages>[] {
  const elevation = labelOf(choice);
  const preferredScope: Scope | undefined = context.fixScope === 'omit' ? undefined : context.fixScope;
  const fixes: FixOffer<Messages>[] = [
    {
      title: ['replaceFix', { elevation, scope: preferredScope }],
      intent: { kind: 'replaceRunElevated', fact, elevation: choice, scope: preferredScope },
      preferred: true,
      safe: true,
    },
  ];
  if (preferredScope !== 'task') {
    fixes.push({
      title: ['replaceTaskScopeFix', { elevation }],
      intent: { kind: 'replaceRunElevated', fact, elevation: choice, scope: 'task' },
      safe: false,
    });
  }
  return fixes;
}

function check(facts: Facts, report: Report<Messages>, context: RuleContext): void {
  const identityByHolder = new Map<string, IdentityFact>();
  for (const identity of facts.identities)
    if (identity.holder && !identityByHolder.has(identity.holder.key)) identityByHolder.set(identity.holder.key, identity);
  // Any user identity given to the holder (an expression, a variable, null included): a second one would override it.
  const assignmentByHolder = new Map<string, IdentityAssignmentFact>();
  for (const assignment of facts.identityAssignments)
    if (!assignmentByHolder.has(assignment.holder.key)) assignmentByHolder.set(assignment.holder.key, assignment);
  for (const fact of facts.runElevated) {
    const base = { span: fact.nameSpan, confidence: fact.confidence } as const;
    if (fact.form === 'read') {
      report({ ...base, message: 'read' });
      continue;
    }
    const choice = elevationChoiceOf(fact.value);
    const existing = identityByHolder.get(fact.holder.key);
    const assigned = assignmentByHolder.get(fact.holder.key);
    if (existing || assigned) {
      const expressed = existing && identityElevation(existing);
      const agrees = choice && 'literal' in choice && expressed === choice.literal;
      report({
        ...base,
        message: agrees ? 'identityAgrees' : 'identityDiffers',
        fixes: [
          agrees
            ? { title: 'removeFix', intent: { kind: 'removeRunElevated', fact }, preferred: true, safe: true }
            : // Offered, never applied on save: whether the identity says what runElevated meant is the author's call.
              { title: 'identityDecidesFix', intent: { kind: 'removeRunElevated', fact }, safe: false },
        ],
        related: [{ span: (existing ?? assigned)!.nameSpan, message: 'sameObjectIdentity' }],
      });
      continue;
    }
    if (fact.overriddenBy) {
      report({
        ...base,
        message: 'overridden',
        fixes: [{ title: 'removeOverriddenFix', intent: { kind: 'removeRunElevated', fact }, safe: false }],
        related: [{ span: fact.overriddenBy, message: 'overridingKey' }],
      });
      continue;
    }
    report({
      ...base,
      message: !choice ? 'useIdentity' : 'literal' in choice ? ['useElevation', { elevation: choice.literal }] : 'useSameCondition',
      fixes: choice ? replaceFixes(fact, choice, context) : [],
    });
  }
}

export const runElevatedRule = defineRule(descriptor, check);
