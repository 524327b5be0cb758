/**
 * JSON renderer: fix intents → text edits that keep the document's own spacing, its comments and
 * valid commas. ARM objects get ARM casing, everything else the data-plane spelling. A user
 * identity written into an object whose members stand on their own lines is written one member
 * per line in the file's indentation; into an object written on one line, inline.
 */
import type { Elevation } from '../../batch/model';
import { JSON_DIALECTS, JSON_KEYS, type JsonDialect } from '../../batch/sdks';
import type { RunElevatedFact } from '../../engine/facts';
import type { ElevationChoice } from '../../engine/findings';
import { createScanner } from 'jsonc-parser';
import { indentationAt, lineStart } from '../../engine/edits';
import type { FileFormat, TextEdit } from '../../engine/language';
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
  const multiLine = multiLineLayout(fact, plan.objectStart, file, format);
  if (multiLine) {
    // Pretty-printed: each object opens its own level, as the file's other objects do.
    const { member, unit, eol } = multiLine;
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
 * How to write the new objects one member per line, or undefined to write them inline. They go
 * one member per line where the object holding runElevated is written so: the property alone at
 * the start of its line, below its object's `{`, and no other member after it on that line. A
 * holder written on one line (compact JSON, a one-line task in an array) keeps them inline.
 * `member` is the property's own indentation; `unit` one step deeper, the file's own
 * (indentationUnit); `eol` the line break before the property's line, so a CRLF file stays CRLF.
 */
function multiLineLayout(
  fact: RunElevatedFact,
  objectStart: number,
  file: FilePlan,
  format: FileFormat,
): { member: string; unit: string; eol: string } | undefined {
  const text = file.text;
  const start = lineStart(text, fact.span.start);
  const member = text.slice(start, fact.span.start);
  if (!/^[ \t]*$/.test(member) || objectStart >= start) return undefined;
  // A member after it on its line (`"runElevated": true, "id": "t1"`): the line is not one member's.
  let after = nextToken(text, fact.span.end);
  if (after.kind === Token.Comma) after = nextToken(text, after.offset + 1);
  if (after.kind !== Token.CloseBrace && after.kind !== Token.EOF && !text.slice(fact.span.end, after.offset).includes('\n'))
    return undefined;
  const unit = indentationUnit(file, objectStart, member, format);
  if (!unit) return undefined;
  return { member, unit, eol: text[start - 2] === '\r' ? '\r\n' : '\n' };
}

/**
 * One level of the file's indentation: the holder's own step (the property's indentation beyond
 * its object's line), else the step the file's other objects and arrays take (fileIndentationUnit),
 * else `.editorconfig`'s; undefined when nothing says (a file without any indentation).
 */
function indentationUnit(file: FilePlan, objectStart: number, member: string, format: FileFormat): string | undefined {
  const outer = indentationAt(file.text, objectStart);
  if (member.startsWith(outer) && member.length > outer.length) return member.slice(outer.length);
  if (!measuredUnits.has(file)) measuredUnits.set(file, fileIndentationUnit(file.text));
  return measuredUnits.get(file) ?? format.indentUnit;
}

/** Each file's measured step, once per analysis: a fix-all asks for every finding of the same text. */
const measuredUnits = new WeakMap<FilePlan, string | undefined>();

/**
 * The step most of the file's nested lines take: for each `{` or `[` whose first member starts a
 * later line, that line's indentation beyond the bracket's line (read with jsonc-parser's scanner,
 * which skips comments, so brackets in strings and comments do not count). The most frequent
 * step, ties to the first seen; undefined when no line is indented beyond its bracket's.
 */
function fileIndentationUnit(text: string): string | undefined {
  const counts = new Map<string, number>();
  const scanner = createScanner(text, true);
  let opener: number | undefined;
  for (let kind = scanner.scan(); kind !== Token.EOF; kind = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    if (opener !== undefined && text.slice(opener, offset).includes('\n')) {
      const outer = indentationAt(text, opener);
      const inner = indentationAt(text, offset);
      if (inner.startsWith(outer) && inner.length > outer.length) {
        const step = inner.slice(outer.length);
        counts.set(step, (counts.get(step) ?? 0) + 1);
      }
    }
    opener = kind === Token.OpenBrace || kind === Token.OpenBracket ? offset : undefined;
  }
  let unit: string | undefined;
  for (const [step, count] of counts) if (unit === undefined || count > counts.get(unit)!) unit = step;
  return unit;
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
