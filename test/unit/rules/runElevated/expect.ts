/**
 * What a run-elevated finding says and offers — its message and the titles of its fixes, by id
 * and data from the rule's descriptor — for the rows of the run-elevated table:
 * `['warning', 'RunElevated', ...ADMIN]`.
 */
import type { MessageRef } from '../../../../server/src/rules/define';
import type { runElevatedRule } from '../../../../server/src/rules/runElevated';
import type { CSharpCompile } from '../../../compile/csharp/stubRows';
import type { PythonSdkExpectation } from '../../../compile/python/sdkRows';
import type { CaseOf } from '../table';

/**
 * A row of the run-elevated table; Python and JSON rows may say what the real SDK for Python makes
 * of them, C# rows what mcs makes of them against the stub SDKs (`sdk`).
 */
export type RunElevatedCase = CaseOf<typeof runElevatedRule, PythonSdkExpectation | CSharpCompile>;

type Messages = typeof runElevatedRule.messages;
type Said = readonly [message: MessageRef<Messages>, fixes: readonly MessageRef<Messages>[]];

/**
 * A runElevated whose value tells the elevation (`sameCondition`: an expression, kept as the
 * condition): the message names it; the preferred fix writes it, with the configured scope, and a
 * second one writes task scope unless that is the configured one.
 */
export function replaced(elevation: 'admin' | 'nonAdmin' | 'sameCondition', scope?: 'task' | 'pool'): Said {
  const message: MessageRef<Messages> = elevation === 'sameCondition' ? 'useSameCondition' : ['useElevation', { elevation }];
  const fixes: MessageRef<Messages>[] = [['replaceFix', { elevation, scope }]];
  if (scope !== 'task') fixes.push(['replaceTaskScopeFix', { elevation }]);
  return [message, fixes];
}

export const ADMIN = replaced('admin');
export const NON_ADMIN = replaced('nonAdmin');
export const SAME_CONDITION = replaced('sameCondition');
/** A read: nothing to rewrite. */
export const READ: Said = ['read', []];
/** A value that tells no elevation (null, a GUID): no fix. */
export const UNKNOWN_VALUE: Said = ['useIdentity', []];
/** Beside a user identity of the same object with the same elevation: the fix removes runElevated. */
export const AGREES: Said = ['identityAgrees', ['removeFix']];
/**
 * Beside a user identity that says something else, or that the file does not show: the identity
 * decides, and removing runElevated is offered in the menu (never applied on save).
 */
export const DIFFERS: Said = ['identityDiffers', ['identityDecidesFix']];
