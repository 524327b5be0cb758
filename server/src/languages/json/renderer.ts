/**
 * JSON renderer: fix intents → text edits that keep the document's own spacing, its comments and
 * valid commas. ARM objects get ARM casing, everything else the data-plane spelling.
 */
import { createScanner } from 'jsonc-parser';
import type { Elevation, Scope } from '../../batch/model';
import { JSON_DIALECTS, JSON_KEYS, type JsonDialect } from '../../batch/sdks';
import type { RunElevatedFact, Span } from '../../engine/facts';
import type { ElevationChoice, FixIntent } from '../../engine/findings';
import type { TextEdit } from '../../engine/language';
import { Token, type JsonContext } from './adapter';

export function renderJson(intent: FixIntent, context: JsonContext): TextEdit[] | undefined {
  switch (intent.kind) {
    case 'replaceRunElevated':
      return replaceRunElevated(intent.fact, intent.elevation, intent.scope, context);
    case 'removeRunElevated':
      return removeProperty(context, intent.fact);
    case 'replaceEnumMember':
      return [{ span: intent.span, newText: intent.text }];
    default:
      return undefined;
  }
}

function dialectOf(fact: RunElevatedFact, context: JsonContext): JsonDialect {
  const offset = Number(fact.holder.key.slice('json:'.length));
  return context.dialectOf.get(offset) ?? 'rest';
}

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
  fact: RunElevatedFact,
  elevation: ElevationChoice,
  scope: Scope | undefined,
  context: JsonContext,
): TextEdit[] | undefined {
  const dialect = dialectOf(fact, context);
  const level = elevationText(elevation, dialect);
  if (!level) return undefined;
  const sep = separatorOf(fact, context.text);
  const key = (name: string) => JSON.stringify(name) + sep;
  const scopePart = scope ? `${key(JSON_KEYS.scope)}${JSON.stringify(JSON_DIALECTS[dialect].enums.AutoUserScope[scope])}, ` : '';
  const newText = `${key(JSON_KEYS.userIdentity)}{${key(JSON_KEYS.autoUser)}{${scopePart}${key(JSON_KEYS.elevationLevel)}${level}}}`;
  return [{ span: fact.span, newText }];
}

/** Offset of the first token at or after `from` that is not whitespace or a comment. */
function nextToken(text: string, from: number): { kind: number; offset: number } {
  const scanner = createScanner(text, true);
  scanner.setPosition(from);
  const kind = scanner.scan();
  return { kind, offset: scanner.getTokenOffset() };
}

function isBlank(s: string): boolean {
  return /^[ \t\r]*$/.test(s);
}

/** Widens a removal to whole lines when nothing else is on them, so no blank line is left. */
function wholeLines(text: string, span: Span): Span {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const newline = text.indexOf('\n', span.end);
  const lineEnd = newline === -1 ? text.length : newline;
  if (isBlank(text.slice(lineStart, span.start)) && isBlank(text.slice(span.end, lineEnd))) {
    return { start: lineStart, end: newline === -1 ? lineEnd : newline + 1 };
  }
  // Otherwise take the spaces after the removed text, so `{"a": 1, "x": 2}` keeps one space.
  let end = span.end;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return { start: span.start, end: end < lineEnd ? end : span.end };
}

/** Removes a property and exactly one of the commas around it, keeping comments. */
function removeProperty(context: JsonContext, fact: RunElevatedFact): TextEdit[] | undefined {
  const text = context.text;
  const prop = fact.span;
  const after = nextToken(text, prop.end);
  if (after.kind === Token.Comma) {
    return [{ span: wholeLines(text, { start: prop.start, end: after.offset + 1 }), newText: '' }];
  }
  // The last property: drop the comma before it, if there is an earlier property.
  const objectStart = Number(fact.holder.key.slice('json:'.length));
  const comma = commaBetweenLast(text, objectStart, prop.start);
  const edits: TextEdit[] = [{ span: wholeLines(text, prop), newText: '' }];
  if (comma !== undefined) edits.unshift({ span: { start: comma, end: comma + 1 }, newText: '' });
  return edits;
}

/** The last comma of an object, at the object's own nesting level, before `before`. */
function commaBetweenLast(text: string, objectStart: number, before: number): number | undefined {
  const scanner = createScanner(text, true);
  scanner.setPosition(objectStart + 1);
  let depth = 0;
  let last: number | undefined;
  for (let kind = scanner.scan(); kind !== Token.EOF && scanner.getTokenOffset() < before; kind = scanner.scan()) {
    if (kind === Token.OpenBrace || kind === Token.OpenBracket) depth++;
    else if (kind === Token.CloseBrace || kind === Token.CloseBracket) depth--;
    else if (kind === Token.Comma && depth === 0) last = scanner.getTokenOffset();
  }
  return last;
}
