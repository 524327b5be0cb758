/**
 * What a run-elevated finding says and offers — its message and the titles of its fixes, by id
 * and data from the rule's descriptor — for the rows of the run-elevated table, in the spelling
 * of the file's dialect: `const { ADMIN } = expectIn('csharp')`, `['warning', 'RunElevated', ...ADMIN]`.
 */
import type { Dialect, StringQuote } from '../../../../server/src/batch/sdks';
import type { MessageRef } from '../../../../server/src/rules/define';
import type { runElevatedRule } from '../../../../server/src/rules/runElevated';
import type { CSharpCompile } from '../../../compile/csharp/stubRows';
import type { PythonSdkExpectation } from '../../../compile/python/sdkRows';
import type { TypeScriptCheck } from '../../../compile/typescript/tscRows';
import type { CaseOf } from '../table';

/**
 * A row of the run-elevated table; Python and JSON rows may say what the real SDK for Python makes
 * of them, C# rows what mcs makes of them against the stub SDKs (`sdk`).
 */
export type RunElevatedCase = CaseOf<typeof runElevatedRule, PythonSdkExpectation | CSharpCompile | TypeScriptCheck>;

type Messages = typeof runElevatedRule.messages;
type Said = readonly [message: MessageRef<Messages>, fixes: readonly MessageRef<Messages>[]];

/**
 * The expectations of one dialect (a Python 15 file says `ElevationLevel.ADMIN`, a REST body
 * `"admin"`); in TypeScript/JavaScript, with the quote the file writes values in (`elevationLevel: 'admin'`).
 */
export function expectIn(dialect: Dialect, quote?: StringQuote) {
  const spelled = { dialect, ...(quote && { quote }) };
  /**
   * A runElevated whose value tells the elevation: the message names it; the preferred fix writes
   * it, with the configured scope, and a second one writes task scope unless that is the configured one.
   */
  const replaced = (elevation: 'admin' | 'nonAdmin', scope?: 'task' | 'pool'): Said => [
    ['useElevation', { ...spelled, elevation }],
    fixesOf(spelled, elevation, scope),
  ];
  /** A value that is an expression, kept as the condition (`condition`: its text, as the message quotes it). */
  const sameCondition = (condition: string, scope?: 'task' | 'pool'): Said => [
    ['useSameCondition', { dialect, condition }],
    fixesOf(spelled, 'sameCondition', scope),
  ];
  return {
    replaced,
    sameCondition,
    ADMIN: replaced('admin'),
    NON_ADMIN: replaced('nonAdmin'),
    /** A read: nothing to rewrite. */
    READ: [['read', { dialect }], []] as Said,
    /** A value that tells no elevation (null, a GUID): no fix. */
    UNKNOWN_VALUE: [['useIdentity', { dialect }], []] as Said,
    /** Beside a user identity of the same object with the same elevation: the fix removes runElevated. */
    AGREES: [['identityAgrees', { dialect }], [['removeFix', { dialect }]]] as Said,
    /**
     * Beside a user identity that says something else, or that the file does not show: the identity
     * decides, and removing runElevated is offered in the menu (never applied on save).
     */
    DIFFERS: [['identityDiffers', { dialect }], [['identityDecidesFix', { dialect }]]] as Said,
  };
}

function fixesOf(
  spelled: { dialect: Dialect; quote?: StringQuote },
  elevation: 'admin' | 'nonAdmin' | 'sameCondition',
  scope?: 'task' | 'pool',
): MessageRef<Messages>[] {
  const fixes: MessageRef<Messages>[] = [['replaceFix', { ...spelled, elevation, scope }]];
  if (scope !== 'task') fixes.push(['replaceTaskScopeFix', { ...spelled, elevation }]);
  return fixes;
}
