/**
 * JSON renderer: fix intents → text edits that keep the document's own spacing, its comments and
 * valid commas. ARM objects get ARM casing, everything else the data-plane spelling. A user
 * identity written into a pretty-printed object is written one member per line in the file's
 * indentation when the project's `.editorconfig` covers the file.
 */
import type { Elevation } from '../../batch/model';
import { JSON_DIALECTS, JSON_KEYS, type JsonDialect } from '../../batch/sdks';
import type { RunElevatedFact } from '../../engine/facts';
import type { ElevationChoice } from '../../engine/findings';
import { detectEol, indentationAt, lineStart } from '../../engine/edits';
import { NO_FORMAT, type FileFormat, type TextEdit } from '../../engine/language';
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

function replaceRunElevated(
  { fact, elevation, scope }: IntentOf<'replaceRunElevated'>,
  file: FilePlan,
  format: FileFormat,
): TextEdit[] | undefined {
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
  const members = [`${key(JSON_KEYS.elevationLevel)}${level}`];
  if (scope) members.unshift(`${key(JSON_KEYS.scope)}${JSON.stringify(JSON_DIALECTS[dialect].enums.AutoUserScope[scope])}`);
  const multiLine = multiLineIndentation(fact, plan.objectStart, text, format);
  if (multiLine) {
    // Pretty-printed: each object opens its own level, as the file's other objects do.
    const { member, unit } = multiLine;
    const eol = detectEol(text);
    const inner = member + unit + unit;
    const newText =
      `${key(JSON_KEYS.userIdentity)}{${eol}${member}${unit}${key(JSON_KEYS.autoUser)}{${eol}` +
      `${members.map((m) => inner + m).join(`,${eol}`)}${eol}${member}${unit}}${eol}${member}}`;
    return [{ span: fact.span, newText }];
  }
  const newText = `${key(JSON_KEYS.userIdentity)}{${key(JSON_KEYS.autoUser)}{${members.join(', ')}}}`;
  return [{ span: fact.span, newText }];
}

/**
 * The indentation for writing the new objects one member per line, when the project has an
 * `.editorconfig` for the file (any FileFormat) and the runElevated's object is pretty-printed:
 * the property alone at the start of its line, below its object's `{`. The step is the file's own
 * (the property's indentation beyond its object's line), else `.editorconfig`'s; undefined (write
 * it inline, as compact files are) otherwise.
 */
function multiLineIndentation(
  fact: RunElevatedFact,
  objectStart: number,
  text: string,
  format: FileFormat,
): { member: string; unit: string } | undefined {
  if (format === NO_FORMAT || Object.keys(format).length === 0) return undefined;
  const start = lineStart(text, fact.span.start);
  const member = text.slice(start, fact.span.start);
  if (!/^[ \t]*$/.test(member) || objectStart >= start) return undefined;
  const outer = indentationAt(text, objectStart);
  const unit = member.startsWith(outer) && member.length > outer.length ? member.slice(outer.length) : format.indentUnit;
  return unit ? { member, unit } : undefined;
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
