/**
 * What the Java renderer needs, worked out while the syntax tree is at hand: for each runElevated,
 * the generation a replacement is written for, the condition as it would be written, and the edits
 * that take the call out; for each builder call, the edits that move it onto the object that has
 * the method, where the shape is clear enough to move it.
 */
import type { JavaSdk } from '../../batch/sdks';
import { detectEol, lineStart } from '../../engine/edits';
import type { TextEdit } from '../../engine/language';
import type { Plans } from '../toolkit/plans';
import { isBlank, lineEnd, removalSpan } from '../toolkit/text';
import { field, spanOf, type Node } from '../toolkit/treeSitter';
import type { ImportsInfo } from './imports';
import { isPlainReference, type Chain, type Segment } from './syntax';

export interface RunElevatedPlan {
  /** The generation a replacement is written for; undefined when the file does not say. */
  readonly sdk?: JavaSdk;
  /** The condition as a replacement writes it (parenthesised where `?:` would bind it wrongly). */
  readonly condition?: string;
  /** Edits removing the call (or its statement); undefined when no removal keeps the code valid. */
  readonly removal?: TextEdit[];
}

/** Everything the renderer reads. */
export interface FilePlan {
  readonly text: string;
  readonly imports: ImportsInfo;
  readonly runElevated: Plans<RunElevatedPlan>;
  /** Per builder call: the move onto the object that has the method, or undefined when its shape is not clear. */
  readonly moves: Plans<TextEdit[] | undefined>;
}

/** An object built in place whose builder calls a moved call can join. */
export interface MoveTarget {
  /** Its builder calls, in order (its own chain's first). */
  readonly calls: readonly Segment[];
  /** The chain that builds it. */
  readonly chain: Chain;
  /** Where its builder calls end. */
  readonly builderEnd: number;
}

/** Conditions that `c ? a : b` would split differently unless parenthesised. */
const LOOSE_EXPRESSIONS = new Set(['ternary_expression', 'assignment_expression', 'lambda_expression']);

/** The condition a runElevated value becomes, as written in a replacement. */
export function conditionText(value: Node, text: string): string {
  return LOOSE_EXPRESSIONS.has(value.type) ? `(${text})` : text;
}

/** Edits that take a runElevated call out while keeping the code valid and its lines in place. */
export function callRemoval(text: string, segment: Segment): TextEdit[] | undefined {
  const call = segment.call;
  const object = field(call, 'object');
  const statement = call.parent?.type === 'expression_statement' ? call.parent : undefined;
  if (statement && (!object || isPlainReference(object))) {
    const { start, end } = spanOf(statement);
    return [{ span: removalSpan(text, start, end, { trimSpacesBefore: true }), newText: '' }];
  }
  if (!object || !segment.dot) return undefined;
  const dotStart = segment.dot.startIndex;
  const end = call.endIndex;
  const gap = text.slice(object.endIndex, dotStart);
  const before = text.slice(lineStart(text, dotStart), dotStart);
  const after = text.slice(end, lineEnd(text, end));
  if (gap.includes('\n') && isBlank(before) && isBlank(after)) {
    const stop = lineEnd(text, end);
    return [{ span: { start: lineStart(text, dotStart), end: stop < text.length ? stop + 1 : stop }, newText: '' }];
  }
  const laterCallOnLine = after.trimStart().startsWith('.');
  if (/^\s*$/.test(gap) && !(gap.includes('\n') && laterCallOnLine)) return [{ span: { start: object.endIndex, end }, newText: '' }];
  return [{ span: { start: dotStart, end }, newText: '' }];
}

/**
 * Moves `.withScope(…)` (segment `index` of `chain`) to the end of the argument it belongs in, on a
 * line of its own when it had one (indented like the argument's last call), else inline. Undefined
 * when a comment sits in the way or the target already makes the same call.
 */
export function callMove(text: string, chain: Chain, index: number, target: MoveTarget): TextEdit[] | undefined {
  const segment = chain.segments[index];
  if (!segment.dot) return undefined;
  if (target.calls.some((c) => c.name === segment.name)) return undefined;
  const previousEnd = index > 0 ? chain.segments[index - 1].call.endIndex : chain.root!.endIndex;
  const gap = text.slice(previousEnd, segment.dot.startIndex);
  if (!/^\s*$/.test(gap)) return undefined;
  const moved = text.slice(segment.dot.startIndex, segment.call.endIndex);
  let insertion = moved;
  if (gap.includes('\n')) {
    const last = target.chain.segments[target.chain.segments.length - 1];
    const lastLine = last?.dot ? text.slice(lineStart(text, last.dot.startIndex), last.dot.startIndex) : undefined;
    if (lastLine !== undefined && isBlank(lastLine)) {
      insertion = detectEol(text) + lastLine + moved;
    }
  }
  return [
    { span: { start: target.builderEnd, end: target.builderEnd }, newText: insertion },
    { span: { start: previousEnd, end: segment.call.endIndex }, newText: '' },
  ];
}
