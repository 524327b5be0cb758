/**
 * Java renderer: fix intents → text edits in the file's own style. The replacement is written for
 * the generation the holder comes from (legacy `withX`, new `setX`), with the imports it needs
 * added to the file's import block. Everything it needs was worked out by the adapter; it never
 * reads the syntax tree.
 */
import type { Elevation, Scope } from '../../batch/model';
import { JAVA, type JavaSdk } from '../../batch/sdks';
import type { TextEdit } from '../../engine/language';
import { enumMemberEdits, plannedEdits, type IntentOf, type IntentRenderer } from '../toolkit/render';
import { importEdits } from './imports';
import type { FilePlan } from './plan';

const ELEVATION_LEVEL = 'ElevationLevel';
const AUTO_USER_SCOPE = 'AutoUserScope';

/** Java's renderer: one entry per kind of fix intent. */
export const javaRenderer: IntentRenderer<FilePlan> = {
  replaceRunElevated,
  removeRunElevated: (intent, file) => plannedEdits(file.runElevated.get(intent.fact)?.removal),
  replaceEnumMember: enumMemberEdits,
  moveMisplacedCall: (intent, file) => plannedEdits(file.moves.get(intent.fact)),
};

function elevationMember(elevation: Elevation): string {
  return `${ELEVATION_LEVEL}.${JAVA.enums.ElevationLevel[elevation]}`;
}

/** `new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(…)[.withScope(…)])`. */
export function autoUserIdentity(sdk: JavaSdk, level: string, scope: Scope | undefined): string {
  const set = JAVA.setters[sdk];
  const scopeCall = scope ? `.${set.scope}(${AUTO_USER_SCOPE}.${JAVA.enums.AutoUserScope[scope]})` : '';
  return `new ${JAVA.classes.userIdentity}().${set.autoUser}(new ${JAVA.classes.autoUser}().${set.elevationLevel}(${level})${scopeCall})`;
}

function replaceRunElevated({ fact, elevation: choice, scope }: IntentOf<'replaceRunElevated'>, file: FilePlan): TextEdit[] | undefined {
  const plan = file.runElevated.get(fact);
  if (!plan?.sdk) return undefined;
  const level =
    'literal' in choice
      ? elevationMember(choice.literal)
      : `${plan.condition ?? choice.conditional.text} ? ${elevationMember('admin')} : ${elevationMember('nonAdmin')}`;
  const replacement = `${JAVA.setters[plan.sdk].userIdentity}(${autoUserIdentity(plan.sdk, level, scope)})`;
  const names = [JAVA.classes.userIdentity, JAVA.classes.autoUser, ELEVATION_LEVEL, ...(scope ? [AUTO_USER_SCOPE] : [])];
  const imports = importEdits(file.text, file.imports, JAVA.packages[plan.sdk], names);
  if (!imports) return undefined;
  return [{ span: fact.span, newText: replacement }, ...imports];
}
