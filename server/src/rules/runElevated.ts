/**
 * run-elevated: runElevated was removed in Batch service version 2017-01-01.4.0. Rewrite it to
 * the auto-user identity with the same elevation (the documented mapping sets only the elevation).
 * Messages start with what differs between findings (the value and what it becomes, in the file's
 * own spelling) and keep the story for the hover and the rule page.
 */
import { SERVICE_VERSIONS, type Elevation, type Scope } from '../batch/model';
import { DIALECTS, dialectOf, spellMember, spellRunElevated, type Dialect, type StringQuote } from '../batch/sdks';
import type { Facts, IdentityAssignmentFact, IdentityFact, RunElevatedFact, Value } from '../engine/facts';
import type { ElevationChoice, RuleContext } from '../engine/findings';
import { defineRule, type FixOffer, type Report } from './define';

export const RUN_ELEVATED = 'run-elevated';

/** The elevation a fix writes: a literal one, or the same condition as the runElevated value. */
type ChoiceLabel = Elevation | 'sameCondition';

interface Spelled {
  /** How the file spells Batch names (`RunElevated`, `ElevationLevel.Admin`; `run_elevated`, `ElevationLevel.admin`). */
  readonly dialect: Dialect;
  /** The quote the file writes values in here (TypeScript/JavaScript: the fact's, which the fix writes too); `"` when absent. */
  readonly quote?: StringQuote;
}

/** The detail after the headline: why runElevated has to go, where the file's dialect ever had it. */
function removed(dialect: Dialect): string {
  return dialect === 'arm' || dialect === 'pythonMgmt'
    ? 'ARM pools never had runElevated'
    : `removed in Batch service version ${SERVICE_VERSIONS.userIdentity}`;
}

/** A condition as a message quotes it: one line, cut at 28 characters so the headline stays within 80. */
function quoted(code: string): string {
  const line = code.replace(/\s+/g, ' ').trim();
  return line.length > 28 ? `${line.slice(0, 27)}…` : line;
}

const name = (dialect: Dialect) => DIALECTS[dialect].runElevated;
const elevationMember = ({ dialect, quote }: Spelled, elevation: Elevation) => spellMember(dialect, 'ElevationLevel', elevation, quote);
const scopeMember = ({ dialect, quote }: Spelled, scope: Scope) => spellMember(dialect, 'AutoUserScope', scope, quote);

function choiceText(spelled: Spelled, label: ChoiceLabel): string {
  return label === 'sameCondition' ? 'whose elevation follows the same condition' : elevationMember(spelled, label);
}

const descriptor = {
  id: RUN_ELEVATED,
  title: 'runElevated was removed: use a user identity',
  summary: `\`runElevated\`, removed in ${SERVICE_VERSIONS.userIdentity}`,
  defaultSeverity: 'warning',
  fixable: 'sometimes',
  languages: ['csharp', 'java', 'python', 'json', 'typescript'],
  tags: ['deprecated'],
  messages: {
    read: ({ dialect }: Spelled) => `Reading ${name(dialect)}: read the user identity's elevation level instead (${removed(dialect)}).`,
    identityAgrees: ({ dialect }: Spelled) => `${name(dialect)} repeats this object's user identity: remove it (${removed(dialect)}).`,
    identityDiffers: ({ dialect }: Spelled) =>
      `${name(dialect)} beside a user identity: check the identity, then remove it (${removed(dialect)}).`,
    useIdentity: ({ dialect }: Spelled) =>
      `${name(dialect)} → a user identity; the value does not tell which elevation (${removed(dialect)}).`,
    useElevation: ({ elevation, ...spelled }: Spelled & { elevation: Elevation }) =>
      `${spellRunElevated(spelled.dialect, elevation === 'admin')} → auto-user ${elevationMember(spelled, elevation)} (${removed(spelled.dialect)}).`,
    useSameCondition: ({ dialect, condition }: Spelled & { condition: string }) =>
      `${name(dialect)} → auto-user whose elevation follows ${quoted(condition)} (${removed(dialect)}).`,
    sameObjectIdentity: 'The user identity of the same object',
    replaceFix: ({ elevation, scope, ...spelled }: Spelled & { elevation: ChoiceLabel; scope?: Scope }) =>
      `Replace ${name(spelled.dialect)} with auto-user ${choiceText(spelled, elevation)}` +
      (scope ? `, ${scopeMember(spelled, scope)}` : ''),
    replaceTaskScopeFix: ({ elevation, ...spelled }: Spelled & { elevation: ChoiceLabel }) =>
      `Replace ${name(spelled.dialect)} with auto-user ${choiceText(spelled, elevation)}, ${scopeMember(spelled, 'task')} ` +
      `(on Windows, the default scope before ${SERVICE_VERSIONS.poolScopeDefault})`,
    removeFix: ({ dialect }: Spelled) => `Remove ${name(dialect)} (the user identity already sets this elevation)`,
    identityDecidesFix: ({ dialect }: Spelled) => `Remove ${name(dialect)} (the user identity decides)`,
    overridden: ({ dialect }: Spelled) =>
      `${name(dialect)} is set again later in this object; many JSON readers keep only the last (${removed(dialect)}).`,
    removeOverriddenFix: ({ dialect }: Spelled) => `Remove this ${name(dialect)} (a later one in the same object replaces it)`,
    overridingKey: ({ dialect }: Spelled) => `The ${name(dialect)} that replaces it`,
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

function replaceFixes(fact: RunElevatedFact, choice: ElevationChoice, context: RuleContext, spelled: Spelled): FixOffer<Messages>[] {
  const elevation = labelOf(choice);
  const preferredScope: Scope | undefined = context.fixScope === 'omit' ? undefined : context.fixScope;
  const fixes: FixOffer<Messages>[] = [
    {
      title: ['replaceFix', { ...spelled, elevation, scope: preferredScope }],
      intent: { kind: 'replaceRunElevated', fact, elevation: choice, scope: preferredScope },
      preferred: true,
      safe: true,
    },
  ];
  if (preferredScope !== 'task') {
    fixes.push({
      title: ['replaceTaskScopeFix', { ...spelled, elevation }],
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
    const dialect = dialectOf(context.languageAt(fact.nameSpan.start), fact.generation);
    // Values quoted as the fix writes them (TypeScript/JavaScript files choose their quote).
    const spelled: Spelled = { dialect, ...(fact.quote && { quote: fact.quote }) };
    if (fact.form === 'read') {
      report({ ...base, message: ['read', { dialect }] });
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
        message: [agrees ? 'identityAgrees' : 'identityDiffers', { dialect }],
        fixes: [
          agrees
            ? { title: ['removeFix', { dialect }], intent: { kind: 'removeRunElevated', fact }, preferred: true, safe: true }
            : // Offered, never applied on save: whether the identity says what runElevated meant is the author's call.
              { title: ['identityDecidesFix', { dialect }], intent: { kind: 'removeRunElevated', fact }, safe: false },
        ],
        related: [{ span: (existing ?? assigned)!.nameSpan, message: 'sameObjectIdentity' }],
      });
      continue;
    }
    if (fact.overriddenBy) {
      report({
        ...base,
        message: ['overridden', { dialect }],
        fixes: [{ title: ['removeOverriddenFix', { dialect }], intent: { kind: 'removeRunElevated', fact }, safe: false }],
        related: [{ span: fact.overriddenBy, message: ['overridingKey', { dialect }] }],
      });
      continue;
    }
    report({
      ...base,
      message: !choice
        ? ['useIdentity', { dialect }]
        : 'literal' in choice
          ? ['useElevation', { ...spelled, elevation: choice.literal }]
          : ['useSameCondition', { dialect, condition: choice.conditional.text }],
      fixes: choice ? replaceFixes(fact, choice, context, spelled) : [],
    });
  }
}

export const runElevatedRule = defineRule(descriptor, check);
