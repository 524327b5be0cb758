/**
 * What the TypeScript compiler and Node must make of a TypeScript/JavaScript test row (`sdk` of a
 * rule table's row, see test/unit/rules/table.ts), against the real typings of the JavaScript
 * Batch SDKs (tsc.ts):
 *
 * - `tsc`: the row's text before the fix compiles against `before` (azure-batch 0.5.3, which had
 *   runElevated); its text after the fix compiles against each of `after`, and, where the fix
 *   changed it, the text before does not (9.0.0 and @azure/batch 10.2.0 reject runElevated in a
 *   typed object literal).
 * - `node`: JavaScript, before and after the fix, passes `node --check` (with the extension given:
 *   `.mjs` for an ES module).
 *
 * The rows of a table are compiled together, one Program per generation, on the first check run.
 */
import assert from 'node:assert/strict';
import type { CheckedRow, RowCheck, RowChecker } from '../../helpers/rowChecks';
import { compile, nodeCheck, type Errors, type Typings } from './tsc';

export type TypeScriptCheck =
  { readonly tsc: { readonly before?: Typings; readonly after: readonly Typings[] } } | { readonly node: '.js' | '.mjs' | '.cjs' };

/** A checker for one table: every row's texts, compiled per generation once. */
export function typescriptRows(): RowChecker<TypeScriptCheck> {
  const texts: Record<Typings, string[]> = { 'azure-batch 0.5.3': [], 'azure-batch 9.0.0': [], '@azure/batch 10.2.0': [] };
  const results = new Map<Typings, Errors[]>();
  /** Queues a text for a generation; the errors, once the generation's Program is built. */
  const queue = (typings: Typings, text: string): (() => Errors) => {
    const index = texts[typings].push(text) - 1;
    return () => {
      let errors = results.get(typings);
      if (!errors) results.set(typings, (errors = compile(texts[typings], typings)));
      return errors[index];
    };
  };
  return (row: CheckedRow<TypeScriptCheck>): RowCheck[] => {
    const expect = row.expect;
    if ('node' in expect) {
      return [
        {
          name: `${row.name} · node --check before and after`,
          skip: false,
          run: async () => {
            assert.equal(nodeCheck(row.input, expect.node), '', 'the text before the fix');
            assert.equal(nodeCheck(row.output, expect.node), '', 'the text after the fix');
          },
        },
      ];
    }
    const checks: RowCheck[] = [];
    const { before, after } = expect.tsc;
    if (before) {
      const errors = queue(before, row.input);
      checks.push({
        name: `${row.name} · tsc: before compiles against ${before}`,
        skip: false,
        run: async () => assert.equal(errors(), ''),
      });
    }
    for (const typings of after) {
      const output = queue(typings, row.output);
      const input = row.output !== row.input ? queue(typings, row.input) : undefined;
      checks.push({
        name: `${row.name} · tsc: after compiles against ${typings}${input ? ', before does not' : ''}`,
        skip: false,
        run: async () => {
          assert.equal(output(), '', 'the text after the fix');
          if (input) assert.notEqual(input(), '', 'the text before the fix compiles, but must not');
        },
      });
    }
    return checks;
  };
}
