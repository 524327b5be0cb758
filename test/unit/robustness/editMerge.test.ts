/**
 * Fix-all's merge of edit groups (server/src/engine/edits.ts) compares each edit with its
 * neighbours only, so a 50,000-task collection is fixed in seconds: it must accept exactly what
 * the pairwise definition (every edit against every accepted edit) accepts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { mergeEditGroups } from '../../../server/src/engine/edits';
import type { TextEdit } from '../../../server/src/engine/language';
import { FUZZ_RUNS, FUZZ_SEED } from '../../helpers/fuzz';

const same = (a: TextEdit, b: TextEdit) => a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;

/** The definition: overlapping spans, two different insertions at one point, or an insertion strictly inside a replaced span. */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (same(a, b)) return false;
  if (a.span.start === a.span.end && b.span.start === b.span.end) return a.span.start === b.span.start;
  return (
    (a.span.start < b.span.end && b.span.start < a.span.end) ||
    (a.span.start === a.span.end && a.span.start > b.span.start && a.span.start < b.span.end) ||
    (b.span.start === b.span.end && b.span.start > a.span.start && b.span.start < a.span.end)
  );
}

function pairwise(groups: readonly (readonly TextEdit[])[]) {
  const edits: TextEdit[] = [];
  const accepted: number[] = [];
  groups.forEach((group, index) => {
    if (group.some((e) => edits.some((a) => conflicts(a, e)))) return;
    for (const e of group) if (!edits.some((a) => same(a, e))) edits.push(e);
    accepted.push(index);
  });
  return { edits, accepted };
}

const order = (edits: readonly TextEdit[]) =>
  [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.newText.localeCompare(b.newText));

const editArb: fc.Arbitrary<TextEdit> = fc
  .tuple(fc.nat({ max: 40 }), fc.nat({ max: 4 }), fc.constantFrom('', 'x', 'import A;\n', 'y'))
  .map(([start, length, newText]) => ({ span: { start, end: start + length }, newText }));

describe('fix-all edit merge', () => {
  it('accepts exactly the groups the pairwise definition accepts, with the same edits', () => {
    fc.assert(
      fc.property(fc.array(fc.array(editArb, { minLength: 1, maxLength: 3 }), { maxLength: 25 }), (groups) => {
        // A fix's own edits never overlap each other (the renderers' contract).
        const valid = groups.filter((g) => g.every((e, i) => g.every((f, j) => i === j || !conflicts(e, f) || same(e, f))));
        const fast = mergeEditGroups(valid);
        const reference = pairwise(valid);
        assert.deepEqual(fast.accepted, reference.accepted);
        assert.deepEqual(order(fast.edits), order(reference.edits));
      }),
      { seed: FUZZ_SEED, numRuns: FUZZ_RUNS * 5 },
    );
  });
});
