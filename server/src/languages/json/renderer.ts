/**
 * JSON renderer: fix intents → text edits that keep the document's own spacing, its comments and
 * valid commas. ARM objects get ARM casing, everything else the data-plane spelling.
 */
import type { Elevation } from '../../batch/model';
import { JSON_DIALECTS, JSON_KEYS, type JsonDialect } from '../../batch/sdks';
import type { RunElevatedFact } from '../../engine/facts';
import type { ElevationChoice } from '../../engine/findings';
import type { TextEdit } from '../../engine/language';
import { enumMemberEdits, noEdits, type IntentOf, type IntentRenderer } from '../toolkit/render';
import { removalSpan } from '../toolkit/text';
import type { FilePlan } from './plan';
import { lastCommaBefore, nextToken, Token } from './syntax';

/** JSON's renderer: one entry per kind of fix intent. */
export const jsonRenderer: IntentRenderer<FilePlan> = {
  replaceRunElevated,
  removeRunElevated,
  replaceEnumMember: enumMemberEdits,
  // JSON nests identities: no builder call to move.
  moveMisplacedCall: noEdits,
};

/** The text between a key and its value (`: `, `:`), reused so the new property looks like its neighbours. */
function separatorOf(fact: RunElevatedFact, text: string): string {
  if (!fact.value) return ': ';
  const between = text.slice(fact.nameSpan.end, fact.value.span.start);
  return /^\s*:\s*$/.test(between) && !between.includes('\n') ? between : ': ';
}

function elevationText(choice: ElevationChoice, dialect: JsonDialect): string | undefined {
  const spelling = (e: Elevation) => JSON_DIALECTS[dialect].enums.ElevationLevel[e];
  if ('literal' in choice) return JSON.stringify(spelling(choice.literal));
  // An ARM expression can carry the condition: "[if(<expr>, 'Admin', 'NonAdmin')]".
  const value = choice.conditional;
  const inner = value.kind === 'expr' ? /^"\[(.*)\]"$/s.exec(value.text)?.[1] : undefined;
  if (dialect !== 'arm' || inner === undefined || inner.includes("'Admin'")) return undefined;
  return JSON.stringify(`[if(${inner}, '${spelling('admin')}', '${spelling('nonAdmin')}')]`);
}

function replaceRunElevated({ fact, elevation, scope }: IntentOf<'replaceRunElevated'>, file: FilePlan): TextEdit[] | undefined {
  const plan = file.runElevated.get(fact);
  if (!plan) return undefined;
  const text = file.text;
  const dialect = plan.dialect;
  // Which casing the object needs cannot be told: write neither.
  if (!dialect) return undefined;
  const level = elevationText(elevation, dialect);
  if (!level) return undefined;
  const sep = separatorOf(fact, text);
  const key = (name: string) => JSON.stringify(name) + sep;
  const scopePart = scope ? `${key(JSON_KEYS.scope)}${JSON.stringify(JSON_DIALECTS[dialect].enums.AutoUserScope[scope])}, ` : '';
  const newText = `${key(JSON_KEYS.userIdentity)}{${key(JSON_KEYS.autoUser)}{${scopePart}${key(JSON_KEYS.elevationLevel)}${level}}}`;
  return [{ span: fact.span, newText }];
}

/** Removes a property and exactly one of the commas around it, keeping comments. */
function removeRunElevated({ fact }: IntentOf<'removeRunElevated'>, file: FilePlan): TextEdit[] | undefined {
  const plan = file.runElevated.get(fact);
  if (!plan) return undefined;
  const text = file.text;
  const prop = fact.span;
  const after = nextToken(text, prop.end);
  if (after.kind === Token.Comma) {
    return [{ span: removalSpan(text, prop.start, after.offset + 1), newText: '' }];
  }
  // The last property: drop the comma before it, if there is an earlier property.
  const comma = lastCommaBefore(text, plan.objectStart, prop.start);
  const edits: TextEdit[] = [{ span: removalSpan(text, prop.start, prop.end), newText: '' }];
  if (comma !== undefined) edits.unshift({ span: { start: comma, end: comma + 1 }, newText: '' });
  return edits;
}
