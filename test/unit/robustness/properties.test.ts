/**
 * Property tests over Batch identity sources in all four languages (test/helpers/batchSources.ts:
 * the examples, the language tests' inputs and generated code, mutated by random edits,
 * truncations and garbage). A fixed seed in CI; locally, e.g.
 * `FUZZ_RUNS=3000 FUZZ_SEED=$RANDOM node test/run-unit.mjs robustness` explores further.
 *   (a) the engine never throws: analysis, every fix's edits, fix-all, hovers anywhere, and the
 *       suppression comment of every finding;
 *   (b) no fix (nor fix-all) makes a syntax error the input did not have: an input without errors
 *       gives an output without errors; in one with errors, no error where the fix wrote;
 *   (c) fix-all applied twice equals fix-all applied once;
 *   (d) every edit of a fix stays where its intent allows (test/helpers/syntaxRegions.ts);
 *   (e) JSON: no fix, nor fix-all, gives an object a duplicate key it did not have (jsonc-parser
 *       does not report duplicates; they are counted here, per key, over every object).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits } from '../../../server/src/engine/edits';
import { Engine } from '../../../server/src/engine/engine';
import { LANGUAGES as SUPPORT } from '../../../server/src/engine/languages';
import { suppressionEdit } from '../../../server/src/engine/suppressions';
import { hoverAt } from '../../../server/src/hover/hover';
import { AccountIndex, accountsIn } from '../../../server/src/workspace/accountIndex';
import { EXTENSION, LANGUAGES, languageIdOf, mutatedArb, type Mutated } from '../../helpers/batchSources';
import { newDuplicates } from '../../helpers/fixAllSweep';
import { FUZZ_RUNS, FUZZ_SEED } from '../../helpers/fuzz';
import { fixLocality, newSyntaxError, parse, preciseEdits } from '../../helpers/syntaxRegions';

const engine = new Engine();
const RUNS = Math.max(1, Math.round(FUZZ_RUNS * 1.5));

function label(sample: Mutated): string {
  return `\nmutations: ${JSON.stringify(sample.mutations)}\ntext: ${JSON.stringify(sample.text)}`;
}

for (const language of LANGUAGES) {
  const uriOf = `file:///fuzz/sample${EXTENSION[language]}`;
  const input = (text: string) => ({ uri: uriOf, languageId: languageIdOf(language, text), text });

  describe(`${language}: properties over mutated Batch sources`, () => {
    it('(a) never throws: analysis, fixes, fix-all, hovers, suppressions', async () => {
      await fc.assert(
        fc.asyncProperty(
          mutatedArb(language, { binary: true }),
          fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
          async (sample, offsets) => {
            const text = sample.text;
            const analysis = await engine.analyze(input(text));
            const workspace = new AccountIndex();
            workspace.update(uriOf, accountsIn(uriOf, text, analysis.facts));
            const hoverOffsets = [
              ...offsets.map((o) => o % (text.length + 1)),
              ...analysis.findings.flatMap((f) => [f.span.start, f.span.end]),
            ];
            try {
              for (const offset of hoverOffsets) hoverAt(analysis, offset, workspace);
              for (const finding of analysis.findings) {
                for (const fix of finding.fixes) {
                  const edits = analysis.edits(fix);
                  if (edits) applyEdits(text, edits);
                }
                if (analysis.file) {
                  for (const scope of ['line', 'file'] as const) {
                    const edit = suppressionEdit(
                      text,
                      analysis.file,
                      SUPPORT[language].lineComment,
                      finding.rule,
                      finding.span.start,
                      scope,
                    );
                    // None where the code takes no comment (a Markdown `json` block without comments).
                    if (!edit) continue;
                    const suppressed = await engine.analyze(input(applyEdits(text, [edit])));
                    suppressed.release();
                  }
                }
              }
            } finally {
              analysis.release();
            }
            await engine.fixAll(input(text), { workspace });
          },
        ),
        { seed: FUZZ_SEED, numRuns: RUNS },
      );
    });

    it('(b, d) every fix adds no syntax error and writes only where its intent allows', async () => {
      await fc.assert(
        fc.asyncProperty(mutatedArb(language), async (sample) => {
          const text = sample.text;
          const analysis = await engine.analyze(input(text));
          const parsed = await parse(language, text);
          try {
            for (const finding of analysis.findings) {
              for (const fix of finding.fixes) {
                const edits = analysis.edits(fix);
                if (!edits) continue;
                const where = `${finding.rule} / ${fix.title}`;
                const local = fixLocality(parsed, analysis, fix, edits);
                assert.equal(local, undefined, `${where}: ${local}${label(sample)}`);
                const broken = await newSyntaxError(parsed, edits);
                assert.equal(broken, undefined, `${where}: ${broken}${label(sample)}`);
              }
            }
          } finally {
            parsed.dispose();
            analysis.release();
          }
        }),
        { seed: FUZZ_SEED, numRuns: RUNS },
      );
    });

    it('(b, c) fix-all adds no syntax error, and applied twice equals once', async () => {
      await fc.assert(
        fc.asyncProperty(mutatedArb(language), async (sample) => {
          const once = await engine.fixAll(input(sample.text));
          if (!once.changed) return;
          const twice = await engine.fixAll(input(once.text));
          assert.equal(twice.text, once.text, `fix-all is not idempotent${label(sample)}`);
          const parsed = await parse(language, sample.text);
          try {
            const broken = await newSyntaxError(parsed, preciseEdits(sample.text, once.text));
            assert.equal(broken, undefined, `fix-all: ${broken}${label(sample)}`);
          } finally {
            parsed.dispose();
          }
        }),
        { seed: FUZZ_SEED, numRuns: RUNS },
      );
    });
  });
}

describe('json: no fix writes a duplicate key', () => {
  const input = (text: string) => ({ uri: 'file:///fuzz/sample.json', languageId: languageIdOf('json', text), text });

  it('(e) after every fix of every finding, and after fix-all, no object has a key more often than before', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedArb('json'), async (sample) => {
        const text = sample.text;
        const analysis = await engine.analyze(input(text));
        try {
          for (const finding of analysis.findings) {
            for (const fix of finding.fixes) {
              const edits = analysis.edits(fix);
              if (!edits) continue;
              const added = newDuplicates(text, applyEdits(text, edits));
              assert.equal(added, undefined, `${finding.rule} / ${fix.title}: ${added}${label(sample)}`);
            }
          }
        } finally {
          analysis.release();
        }
        const fixed = await engine.fixAll(input(text));
        const added = newDuplicates(text, fixed.text);
        assert.equal(added, undefined, `fix-all: ${added}${label(sample)}`);
      }),
      { seed: FUZZ_SEED, numRuns: RUNS * 2 },
    );
  });
});
