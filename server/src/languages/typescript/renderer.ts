/**
 * TypeScript/JavaScript renderer: fix intents → text edits in the file's own style. A user
 * identity is a plain object (`userIdentity: { autoUser: { elevationLevel: 'admin' } }`) written
 * with the file's quotes, key quotes, separator and brace spacing, its values spelled the way the
 * typings of the file's SDK declare them.
 */
import type { Elevation } from '../../batch/model';
import { JAVASCRIPT, JSON_KEYS, quotedString } from '../../batch/sdks';
import type { TextEdit } from '../../engine/language';
import { enumMemberEdits, noEdits, plannedEdits, type IntentOf, type IntentRenderer } from '../toolkit/render';
import type { FilePlan } from './plan';
import { spellingsOf } from './values';

export const typescriptRenderer: IntentRenderer<FilePlan> = {
  replaceRunElevated,
  removeRunElevated: (intent, file) => plannedEdits(file.runElevated.get(intent.fact)?.removal),
  replaceEnumMember: enumMemberEdits,
  // Identities are plain objects: no builder call to move.
  moveMisplacedCall: noEdits,
};

function replaceRunElevated({ fact, elevation, scope }: IntentOf<'replaceRunElevated'>, file: FilePlan): TextEdit[] | undefined {
  const plan = file.runElevated.get(fact);
  const value = fact.value;
  if (!plan || !plan.replaceable || !value) return undefined;
  const spelling = spellingsOf(plan.sdk);
  // The quote the adapter read for this runElevated, which its message and hover quote values in too.
  const quote = fact.quote;
  if (!quote) return undefined;
  const member = (e: Elevation) => quotedString(spelling.ElevationLevel[e], quote);
  let level: string;
  if ('literal' in elevation) level = member(elevation.literal);
  else {
    const condition = plan.conditionNeedsParens ? `(${elevation.conditional.text})` : elevation.conditional.text;
    level = `${condition} ? ${member('admin')} : ${member('nonAdmin')}`;
  }
  const key = (name: string) => `${plan.keyQuote}${name}${plan.keyQuote}: `;
  const braces = (inner: string) => (plan.spaced ? `{ ${inner} }` : `{${inner}}`);
  const scopePart = scope ? `${key(JSON_KEYS.scope)}${quotedString(spelling.AutoUserScope[scope], quote)}, ` : '';
  const identity = braces(`${key(JSON_KEYS.autoUser)}${braces(`${scopePart}${key(JSON_KEYS.elevationLevel)}${level}`)}`);
  const name = `${plan.keyQuote}${JAVASCRIPT.userIdentity}${plan.keyQuote}`;
  return [{ span: fact.span, newText: `${plan.receiver}${name}${plan.separator}${identity}` }];
}
