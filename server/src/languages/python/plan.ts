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
import { children, sameNode, type Node, type Tree } from '../toolkit/treeSitter';
import { modelsAccess, type ModelsAccess } from './imports';
import type { SymbolTable } from './scope';
import { unparenthesized } from './syntax';
import type { StatementToken, TokenKind } from './wrap';

export interface RunElevatedPlan {
  readonly plane: PythonPlane;
  readonly sdk: PythonSdk;
  readonly models?: ModelsAccess;
  /** The value as a conditional's condition needs parentheses (`a if b else c`, `lambda`). */
  readonly conditionNeedsParens: boolean;
  /** False for shapes a replacement cannot keep (an annotated assignment). */
  readonly replaceable: boolean;
  readonly removal?: readonly TextEdit[];
  /**
   * The line(s) of the statement the runElevated stands on, as tokens, for wrapping a replacement
   * too long for the project's line length (wrap.ts). Undefined where the line cannot be laid out
   * safely: another statement or a string that spans lines shares it, or syntax errors.
   */
  readonly line?: StatementLine;
}

/** The tokens of the lines holding a runElevated, and the brackets around them. */
export interface StatementLine {
  /** From the start of the first line to the end of the last (before its line break). */
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly StatementToken[];
  /** When the lines are inside brackets (an argument of a call laid out one per line): the node owning them. */
  readonly insideOwner?: number;
  /** Whether the lines end the content of those brackets (only their closing bracket follows): a trailing comma may go there. */
  readonly endsBrackets?: boolean;
}

/** Everything the renderer reads. */
export interface FilePlan {
  readonly text: string;
  readonly runElevated: Plans<RunElevatedPlan>;
  /** The file's indentation step, measured from its blocks; undefined when it has none. */
  readonly indentUnit?: string;
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
    line: statementLine(symbols.text, name, fact.span),
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

/** Statements a replacement may be laid out in (a compound statement's header is left alone). */
const SIMPLE_STATEMENTS = new Set(['expression_statement', 'return_statement']);
const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);
/** The nodes whose brackets hold a collection literal: black splits them one element per line. */
const COLLECTIONS = new Set(['list', 'dictionary', 'set', 'tuple']);

/** The tokens of the lines holding `span`, when only the statement of `name` stands on them. */
function statementLine(text: string, name: Node, span: { start: number; end: number }): StatementLine | undefined {
  let statement = name;
  while (statement.parent && statement.parent.type !== 'module' && statement.parent.type !== 'block') statement = statement.parent;
  if (!SIMPLE_STATEMENTS.has(statement.type) || statement.hasError) return undefined;
  const start = text.lastIndexOf('\n', span.start - 1) + 1;
  const newline = text.indexOf('\n', span.end);
  let end = newline === -1 ? text.length : newline;
  if (text[end - 1] === '\r') end--;
  const tokens: StatementToken[] = [];
  if (!collectTokens(statement, start, end, tokens)) return undefined;
  // The brackets the lines stand inside, when the statement began on an earlier line.
  let insideOwner: number | undefined;
  if (statement.startIndex < start) {
    let around = name.parent;
    while (around && around.startIndex >= start) around = around.parent;
    if (!around || !children(around).some((c) => OPENING.has(c.type))) return undefined;
    insideOwner = around.id;
    const following = children(around).filter((c) => c.startIndex >= end && c.type !== 'comment');
    return { start, end, tokens, insideOwner, endsBrackets: following.length === 1 && CLOSING.has(following[0].type) };
  }
  return { start, end, tokens };
}

/** Collects the leaves of `node` inside [start, end); false when one crosses its bounds. */
function collectTokens(node: Node, start: number, end: number, out: StatementToken[]): boolean {
  if (node.endIndex <= start || node.startIndex >= end) return true;
  const leaf = node.childCount === 0 || node.type === 'string' || node.type === 'concatenated_string';
  if (!leaf) {
    for (const child of children(node)) if (!collectTokens(child, start, end, out)) return false;
    return true;
  }
  if (node.startIndex < start || node.endIndex > end) return false;
  const parent = node.parent;
  let kind: TokenKind = 'other';
  if (OPENING.has(node.type)) kind = 'open';
  else if (CLOSING.has(node.type)) kind = 'close';
  else if (node.type === ',') kind = 'comma';
  else if (node.type === 'comment') kind = 'comment';
  else if ((node.type === 'if' || node.type === 'else') && parent?.type === 'conditional_expression') kind = 'ternary';
  out.push({
    start: node.startIndex,
    end: node.endIndex,
    kind,
    owner: kind === 'open' || kind === 'close' || kind === 'comma' ? parent?.id : undefined,
    collection: kind === 'open' && !!parent && COLLECTIONS.has(parent.type) ? true : undefined,
  });
  return true;
}

/**
 * The file's indentation step, measured on its first block (unlike engine/edits.ts `indentUnitOf`, which
 * guesses from all lines): from the first line of the block's owner (`def f():`) to the block's
 * first statement. Undefined when the file has no block, or its block is on the header's line.
 */
export function firstBlockIndentStep(tree: Tree, text: string): string | undefined {
  const block = firstBlock(tree.rootNode);
  const owner = block?.parent;
  if (!block || !owner || block.startPosition.row === owner.startPosition.row) return undefined;
  const indentOf = (offset: number) => /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))![0];
  const outer = indentOf(owner.startIndex);
  const inner = indentOf(block.startIndex);
  return inner.startsWith(outer) && inner.length > outer.length ? inner.slice(outer.length) : undefined;
}

function firstBlock(node: Node): Node | undefined {
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'block') return child;
    const found = child.namedChildCount > 0 ? firstBlock(child) : undefined;
    if (found) return found;
  }
  return undefined;
}
