/**
 * Transitional: what the adapters not yet moved onto the shared toolkit (./toolkit) still import.
 * Removed once every language uses the toolkit directly.
 */
import { Words } from './toolkit/text';

export { nodeAt, sameNode, spanOf, type Node, type Tree } from './toolkit/treeSitter';

let last: Words | undefined;

/** Offsets of whole-word occurrences of `word` (the toolkit's `Words`, kept for the last text). */
export function wordOccurrences(text: string, word: string): number[] {
  if (last?.text !== text) last = new Words(text);
  return [...last.of(word)];
}
