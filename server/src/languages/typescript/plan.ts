/**
 * What the TypeScript/JavaScript renderer needs for each runElevated, read from the syntax tree
 * while it is alive: the SDK whose values to write, the file's style around the property (key
 * quotes, the separator, spaces inside braces; the string quote is the fact's, `RunElevatedFact.quote`,
 * which messages and the hover quote values in too), whether the value needs
 * parentheses as a condition, and what a removal must take with it (exactly one comma, the
 * statement of an assignment).
 */
import type { JsSdk } from '../../batch/sdks';
import type { TextEdit } from '../../engine/language';
import type { Plans } from '../toolkit/plans';
import { removalSpan, type RemovalStyle } from '../toolkit/text';
import { children, field, type Node } from '../toolkit/treeSitter';
import { COMMENT, LOOSE_EXPRESSIONS, unwrapped } from './syntax';

export interface RunElevatedPlan {
  readonly sdk: JsSdk;
  /** What a replacement keeps before the new name: the receiver of an assignment (`task.`), else nothing. */
  readonly receiver: string;
  /** The quote around the key (`'runElevated': …`), or nothing. */
  readonly keyQuote: string;
  /** Between the name and the value: `: ` in an object, ` = ` in an assignment. */
  readonly separator: string;
  /** Spaces inside the braces of the object the property is in (`{ a: 1 }`, `{a: 1}`). */
  readonly spaced: boolean;
  readonly conditionNeedsParens: boolean;
  readonly replaceable: boolean;
  readonly removal?: readonly TextEdit[];
}

export interface FilePlan {
  readonly text: string;
  readonly runElevated: Plans<RunElevatedPlan>;
}

const REMOVAL: RemovalStyle = { trimSpacesBefore: true, lineComment: '//' };

/** Whether an object literal is written with spaces inside its braces; a multi-line object counts as spaced. */
export function spacedBraces(object: Node | undefined, text: string): boolean {
  if (!object || object.type !== 'object') return true;
  const next = text[object.startIndex + 1];
  return next === undefined || next === '}' ? true : /\s/.test(next);
}

/** A property of an object literal (`pair` or shorthand): its style, and its removal with exactly one comma. */
export function planProperty(text: string, property: Node, value: Node | undefined, sdk: JsSdk): RunElevatedPlan {
  const object = property.parent!;
  const key = property.type === 'pair' ? field(property, 'key') : property;
  const keyQuote = key?.type === 'string' ? key.text[0] : '';
  const between = key && value && property.type === 'pair' ? text.slice(key.endIndex, value.startIndex) : ': ';
  return {
    sdk,
    receiver: '',
    keyQuote,
    separator: /^[ \t]*:[ \t]*$/.test(between) ? between : ': ',
    spaced: spacedBraces(object, text),
    conditionNeedsParens: !!value && property.type === 'pair' && LOOSE_EXPRESSIONS.has(unwrapped(value).type),
    replaceable: !!key,
    removal: propertyRemoval(text, object, property),
  };
}

/** `task.runElevated = value`: the receiver and `=` are kept; the statement goes on removal. */
export function planAssignment(text: string, assignment: Node, name: Node, sdk: JsSdk): RunElevatedPlan {
  const right = field(assignment, 'right');
  const between = right ? text.slice(name.endIndex, right.startIndex) : '';
  const separator = /^\s*=\s*$/.exec(between)?.[0];
  const statement = assignment.parent;
  return {
    sdk,
    receiver: text.slice(assignment.startIndex, name.startIndex),
    keyQuote: '',
    separator: separator ?? ' = ',
    spaced: true,
    conditionNeedsParens: !!right && LOOSE_EXPRESSIONS.has(unwrapped(right).type),
    replaceable: separator !== undefined && !!right,
    removal:
      statement?.type === 'expression_statement' && statement.namedChildCount === 1
        ? [{ span: removalSpan(text, statement.startIndex, statement.endIndex, REMOVAL), newText: '' }]
        : undefined,
  };
}

/** Removes a property and exactly one comma next to it, keeping comments and layout. */
function propertyRemoval(text: string, object: Node, property: Node): TextEdit[] | undefined {
  const tokens = children(object);
  const index = tokens.findIndex((c) => c.id === property.id);
  if (index < 0) return undefined;
  const before = tokens.slice(0, index);
  const after = tokens.slice(index + 1);
  const next = after.find((c) => c.type !== COMMENT);
  const previous = [...before].reverse().find((c) => c.type !== COMMENT);
  if (next?.type === ',') {
    const afterComma = after.slice(after.indexOf(next) + 1).find((c) => c.type !== COMMENT);
    const sameLine = afterComma && afterComma.startPosition.row === next.endPosition.row;
    // `{ a, runElevated: true, }`: drop the property with the comma before it, keep the trailing one.
    if (
      afterComma?.type === '}' &&
      sameLine &&
      previous?.type === ',' &&
      !before.slice(before.indexOf(previous)).some((c) => c.type === COMMENT)
    )
      return [{ span: { start: previous.startIndex, end: property.endIndex }, newText: '' }];
    return [{ span: removalSpan(text, property.startIndex, next.endIndex, REMOVAL), newText: '' }];
  }
  if (previous?.type === ',') {
    const commentBetween = before.slice(before.indexOf(previous)).some((c) => c.type === COMMENT);
    if (!commentBetween) return [{ span: { start: previous.startIndex, end: property.endIndex }, newText: '' }];
    return [
      { span: { start: previous.startIndex, end: previous.endIndex }, newText: '' },
      { span: removalSpan(text, property.startIndex, property.endIndex, REMOVAL), newText: '' },
    ];
  }
  return [{ span: removalSpan(text, property.startIndex, property.endIndex, REMOVAL), newText: '' }];
}
