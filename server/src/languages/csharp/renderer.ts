/**
 * C# renderer: fix intents → text edits, in the generation the holder belongs to. The legacy SDK
 * builds identities with constructors (its identity types are immutable); the generated models
 * (Protocol.Models, Azure.Compute.Batch) with object initializers. Names are simple when the
 * usings are (or can be made) in place, qualified when the file qualifies its Batch types or
 * simple names would be ambiguous.
 */
import type { Elevation, Scope } from '../../batch/model';
import { CSHARP, spell } from '../../batch/sdks';
import type { ElevationChoice } from '../../engine/findings';
import type { TextEdit } from '../../engine/language';
import { enumMemberEdits, noEdits, plannedEdits, type IntentOf, type IntentRenderer } from '../toolkit/render';
import type { FilePlan, IdentityWriter, RunElevatedPlan } from './plan';

/** C#'s renderer: one entry per kind of fix intent. */
export const csharpRenderer: IntentRenderer<FilePlan> = {
  replaceRunElevated,
  removeRunElevated: (intent, file) => plannedEdits(file.runElevated.get(intent.fact)?.removal),
  replaceEnumMember: enumMemberEdits,
  // C# identities are built with constructors or initializers: no builder call to move.
  moveMisplacedCall: noEdits,
};

function elevationMember(writer: IdentityWriter, elevation: Elevation): string {
  return `${writer.enumPrefix}ElevationLevel.${spell(CSHARP.enums, 'ElevationLevel', elevation)}`;
}

function elevationText(writer: IdentityWriter, choice: ElevationChoice, plan: RunElevatedPlan): string {
  if ('literal' in choice) return elevationMember(writer, choice.literal);
  const condition = plan.conditionNeedsParens ? `(${choice.conditional.text})` : choice.conditional.text;
  return `${condition} ? ${elevationMember(writer, 'admin')} : ${elevationMember(writer, 'nonAdmin')}`;
}

/** `new UserIdentity(new AutoUserSpecification(elevationLevel: …))`, or the initializer form of the generated models. */
export function identityText(writer: IdentityWriter, choice: ElevationChoice, scope: Scope | undefined, plan: RunElevatedPlan): string {
  const w = CSHARP.write;
  const level = elevationText(writer, choice, plan);
  const scopeText = scope && `${writer.enumPrefix}AutoUserScope.${spell(CSHARP.enums, 'AutoUserScope', scope)}`;
  const identityType = `${writer.typePrefix}${w.userIdentityType}`;
  const autoUserType = `${writer.typePrefix}${w.autoUserType}`;
  if (writer.construction === 'constructor') {
    const scopeArg = scopeText ? `, ${w.scopeParameter}: ${scopeText}` : '';
    return `new ${identityType}(new ${autoUserType}(${w.elevationParameter}: ${level}${scopeArg}))`;
  }
  const scopeMember = scopeText ? `${w.scopeProperty} = ${scopeText}, ` : '';
  return `new ${identityType} { ${w.autoUserProperty} = new ${autoUserType} { ${scopeMember}${w.elevationProperty} = ${level} } }`;
}

/** `x.RunElevated = e` → `x.UserIdentity = …`: the name and the value change, what is between them stays. */
function replaceRunElevated({ fact, elevation: choice, scope }: IntentOf<'replaceRunElevated'>, file: FilePlan): TextEdit[] | undefined {
  const plan = file.runElevated.get(fact);
  if (!plan?.writer || !fact.value) return undefined;
  const between = file.text.slice(fact.nameSpan.end, fact.value.span.start);
  const newText = `${CSHARP.legacy.userIdentity}${between}${identityText(plan.writer, choice, scope, plan)}`;
  return [{ span: fact.span, newText }, ...plan.writer.usings];
}
