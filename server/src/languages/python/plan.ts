/**
 * What the Python renderer needs for each runElevated, read from the syntax tree while it is alive
 * (the engine may free the tree before fixes are rendered): the plane and SDK generation to spell
 * members for, how this place reaches the models (imports.ts), whether the value needs parentheses
 * as a condition, and what a removal must take with it.
 */
import type { PythonPlane, PythonSdk } from '../../batch/sdks';
import type { RunElevatedFact } from '../../engine/facts';
import type { TextEdit } from '../../engine/language';
import type { Plans } from '../toolkit/plans';
import { removalSpan, type RemovalStyle } from '../toolkit/text';
import { sameNode, type Node } from '../toolkit/treeSitter';
import { modelsAccess, type ModelsAccess } from './imports';
import type { SymbolTable } from './scope';
import { unparenthesized } from './syntax';

export interface RunElevatedPlan {
  readonly plane: PythonPlane;
  readonly sdk: PythonSdk;
  readonly models?: ModelsAccess;
  /** The value as a conditional's condition needs parentheses (`a if b else c`, `lambda`). */
  readonly conditionNeedsParens: boolean;
  /** False for shapes a replacement cannot keep (an annotated assignment). */
  readonly replaceable: boolean;
  readonly removal?: readonly TextEdit[];
}

/** Everything the renderer reads. */
export interface FilePlan {
  readonly text: string;
  readonly runElevated: Plans<RunElevatedPlan>;
}

/** Expressions that bind looser than `a if c else b`: as its condition they need parentheses. */
const LOOSE_EXPRESSIONS = new Set(['conditional_expression', 'lambda', 'named_expression', 'expression_list', 'yield']);

/** What is left beside a removal: a comment after code keeps its distance from it. */
const REMOVAL: RemovalStyle = { lineComment: '#' };

/** Where a runElevated stands and what is known of it. */
export interface RunElevatedSite {
  readonly fact: RunElevatedFact;
  /** The run_elevated name. */
  readonly node: Node;
  /** The callee of the call that made the holder, when known: how this spot reaches the models. */
  readonly callee?: Node;
  readonly plane: PythonPlane;
}

export function planRunElevated(symbols: SymbolTable, sdk: PythonSdk, site: RunElevatedSite): RunElevatedPlan {
  const { fact, node: name, callee, plane } = site;
  const statementOrArgument = name.parent!;
  const valueNode =
    fact.form === 'keyword' ? statementOrArgument.childForFieldName('value') : statementOrArgument.parent?.childForFieldName('right');
  const annotated = fact.form === 'assign' && !!statementOrArgument.parent?.childForFieldName('type');
  return {
    plane,
    sdk,
    models: modelsAccess(symbols, name, plane, callee),
    conditionNeedsParens: !!valueNode && LOOSE_EXPRESSIONS.has(unparenthesized(valueNode).type),
    replaceable: (fact.form === 'keyword' || fact.form === 'assign') && !annotated,
    removal:
      fact.form === 'keyword'
        ? keywordRemoval(symbols.text, statementOrArgument)
        : fact.form === 'assign'
          ? statementRemoval(symbols.text, statementOrArgument.parent!)
          : undefined,
  };
}

/** Removes a keyword argument and exactly one comma next to it, keeping comments and layout. */
function keywordRemoval(text: string, argument: Node): TextEdit[] | undefined {
  const list = argument.parent;
  if (list?.type !== 'argument_list') return undefined;
  const children = list.children.filter((c): c is Node => !!c);
  const index = children.findIndex((c) => sameNode(c, argument));
  const before = children.slice(0, index);
  const after = children.slice(index + 1);
  const next = after.find((c) => c.type !== 'comment');
  const previous = [...before].reverse().find((c) => c.type !== 'comment');
  if (next?.type === ',') {
    const afterComma = after.slice(after.indexOf(next) + 1).find((c) => c.type !== 'comment');
    const sameLine = afterComma && afterComma.startPosition.row === next.endPosition.row;
    // `f(a, run_elevated=True,)`: drop the argument with the comma before it, keep the trailing one.
    if (
      afterComma?.type === ')' &&
      sameLine &&
      previous?.type === ',' &&
      !before.slice(before.indexOf(previous)).some((c) => c.type === 'comment')
    ) {
      return [{ span: { start: previous.startIndex, end: argument.endIndex }, newText: '' }];
    }
    return [{ span: removalSpan(text, argument.startIndex, next.endIndex, REMOVAL), newText: '' }];
  }
  if (previous?.type === ',') {
    const commentBetween = before.slice(before.indexOf(previous)).some((c) => c.type === 'comment');
    if (!commentBetween) return [{ span: { start: previous.startIndex, end: argument.endIndex }, newText: '' }];
    return [
      { span: { start: previous.startIndex, end: previous.endIndex }, newText: '' },
      { span: removalSpan(text, argument.startIndex, argument.endIndex, REMOVAL), newText: '' },
    ];
  }
  return [{ span: removalSpan(text, argument.startIndex, argument.endIndex, REMOVAL), newText: '' }];
}

/** Removes `x.run_elevated = e` as a statement; a block left empty gets `pass`. */
function statementRemoval(text: string, assignment: Node): TextEdit[] | undefined {
  const statement = assignment.parent;
  if (statement?.type !== 'expression_statement' || statement.namedChildCount !== 1) return undefined;
  // `a = 1; t.run_elevated = True` shares its line: leave it to a person.
  if (statement.previousSibling?.type === ';' || statement.nextSibling?.type === ';') return undefined;
  const block = statement.parent;
  const statements = (block?.namedChildren ?? []).filter((c): c is Node => !!c && c.type !== 'comment');
  if (block?.type === 'block' && statements.length === 1)
    return [{ span: { start: statement.startIndex, end: statement.endIndex }, newText: 'pass' }];
  return [{ span: removalSpan(text, statement.startIndex, statement.endIndex, REMOVAL), newText: '' }];
}
