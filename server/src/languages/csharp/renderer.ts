/**
 * C# renderer: fix intents → text edits, in the generation the holder belongs to. The legacy SDK
 * builds identities with constructors (its identity types are immutable); the generated models
 * (Protocol.Models, Azure.Compute.Batch) with object initializers. Names are simple when the
 * usings are (or can be made) in place, qualified when the file qualifies its Batch types or
 * simple names would be ambiguous.
 */
import type { Elevation, Scope } from '../../batch/model';
import { CSHARP, spell } from '../../batch/sdks';
import type { RunElevatedFact } from '../../engine/facts';
import type { ElevationChoice, FixIntent } from '../../engine/findings';
import type { TextEdit } from '../../engine/language';
import { enumMemberEdits, unknownIntent } from '../toolkit/render';
import type { FilePlan, IdentityWriter, RunElevatedPlan } from './plan';

export function renderCSharp(intent: FixIntent, plan: FilePlan): TextEdit[] | undefined {
  switch (intent.kind) {
    case 'replaceRunElevated':
      return replaceRunElevated(intent.fact, intent.elevation, intent.scope, plan);
    case 'removeRunElevated': {
      const removal = plan.runElevated.get(intent.fact)?.removal;
      return removal ? [...removal] : undefined;
    }
    case 'replaceEnumMember':
      return enumMemberEdits(intent);
    case 'moveMisplacedCall':
      // C# identities are built with constructors or initializers: no builder call to move.
      return undefined;
    default:
      return unknownIntent(intent);
  }
}

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
function replaceRunElevated(
  fact: RunElevatedFact,
  choice: ElevationChoice,
  scope: Scope | undefined,
  file: FilePlan,
): TextEdit[] | undefined {
  const plan = file.runElevated.get(fact);
  if (!plan?.writer || !fact.value) return undefined;
  const between = file.text.slice(fact.nameSpan.end, fact.value.span.start);
  const newText = `${CSHARP.legacy.userIdentity}${between}${identityText(plan.writer, choice, scope, plan)}`;
  return [{ span: fact.span, newText }, ...plan.writer.usings];
}
