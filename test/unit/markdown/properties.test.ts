/**
 * A source file shown in a Markdown code block reads exactly as the file: over the examples, the
 * language tests' inputs and generated Batch code of each code language (test/helpers/batchSources),
 * put in a fenced block — at the top level, in a list item, in a quote, in a list in a quote,
 * with an indented fence, ``` or ~~~, any of the language's fence words, the file's line breaks —
 *   (1) the document's findings are the file's: rule, severity, message, squiggled text;
 *   (2) each fix gives the block exactly what it gives the file, or, in a quote, nothing where it
 *       would join lines across the quote's `>`;
 *   (3) fix-all gives the block exactly the file's fix-all (outside quotes), changes nothing
 *       outside the block, and applied twice equals once.
 * The block is read back by the tests' own reading of Markdown (test/helpers/markdownBlocks.ts).
 * The files are those that are files of their own: they import what they use and parse without
 * errors (JSON: any document), and the document names Azure Batch, as a page about Batch does.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CODE_LANGUAGE_IDS, grammarOf, LANGUAGE_TABLE, type CodeLanguageId } from '../../../common/languages';
import { applyEdits, detectEol } from '../../../server/src/engine/edits';
import type { Analysis } from '../../../server/src/engine/engine';
import { corpus, GENERATED_CODE, markdownDocument, withoutImports, type Container, type EmbeddedCode } from '../../helpers/batchSources';
import { analyze, fixAll } from '../../helpers/engine';
import { FUZZ_RUNS, FUZZ_SEED } from '../../helpers/fuzz';
import { documentBlocks } from '../../helpers/markdownBlocks';

const RUNS = Math.max(1, Math.round(FUZZ_RUNS / 2));

/** A file extension of each TypeScript/JavaScript grammar. */
const FENCE_EXTENSION: Record<string, string> = { typescript: 'ts', tsx: 'tsx', javascript: 'js' };

/** The Batch namespaces, packages and modules an import line may name. */
const BATCH_IMPORT =
  /\b(?:Microsoft\.Azure\.Batch|Azure\.Compute\.Batch|Microsoft\.Azure\.Management\.Batch|com\.microsoft\.azure\.batch|com\.azure\.compute\.batch|com\.azure\.resourcemanager\.batch|azure\.batch|azure\.mgmt\.batch|azext\.batch)\b|['"](?:azure-batch|@azure\/batch)(?:\/[^'"]*)?['"]/;

/** Code that is a file of its own: uniform line breaks, Batch imported by itself (or JSON), no syntax errors. */
async function isWholeFile(language: CodeLanguageId, code: string, file?: string): Promise<boolean> {
  const breaks = new Set(code.match(/\r\n|\r|\n/g) ?? []);
  if (breaks.size > 1 || breaks.has('\r') || code.includes('\u0000')) return false;
  const importLines = code.split(/(?<=\n)/).filter((line) => !withoutImports(language, line));
  if (language !== 'json' && !importLines.some((line) => BATCH_IMPORT.test(line))) return false;
  const analysis = await analyze(language, code, { file });
  analysis.release();
  return !analysis.skipped && !analysis.file?.hasSyntaxErrors;
}

function blockArb(language: CodeLanguageId): fc.Arbitrary<EmbeddedCode> {
  return fc.record({
    language: fc.constant(language),
    code: fc.oneof(fc.constantFrom(...corpus(language)), GENERATED_CODE[language]),
    container: fc.constantFrom<Container>('top', 'bullet', 'ordered', 'quote', 'quotedBullet'),
    info: fc.constantFrom(...LANGUAGE_TABLE[language].fences.flatMap((f) => [f, f.toUpperCase()])),
    marker: fc.constantFrom<EmbeddedCode['marker']>('```', '~~~'),
    indent: fc.integer({ min: 0, max: 3 }),
  });
}

/** The one code block of a document, read back. */
function blockOf(text: string): string {
  const blocks = documentBlocks(text);
  assert.equal(blocks.length, 1, 'one code block');
  return blocks[0].text;
}

/** The document without its code block's lines: what a fix must leave alone. */
function outside(text: string): string {
  return text.replace(/(```+|~~~+)[^\n]*\n[\s\S]*?\n[> -]*\1/, '<block>');
}

const summary = (analysis: Analysis) =>
  analysis.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    text: analysis.text.slice(f.span.start, f.span.end),
  }));

for (const language of CODE_LANGUAGE_IDS) {
  describe(`markdown: ${language} in a code block reads as the file`, () => {
    it('(1) the same findings, (2) the same fixes, (3) the same fix-all', async () => {
      await fc.assert(
        fc.asyncProperty(blockArb(language), async (block) => {
          // A file of the grammar the fence reads the block with (`js`: JavaScript's, which reads no types).
          const file = language === 'typescript' ? `block.${FENCE_EXTENSION[grammarOf('typescript', { fence: block.info })]}` : undefined;
          fc.pre(await isWholeFile(language, block.code, file));
          const code = block.code;
          const text = markdownDocument([block], 'prose', detectEol(code));
          fc.pre(blockOf(text) === code);
          const quoted = block.container === 'quote' || block.container === 'quotedBullet';
          const asFile = await analyze(language, code, { file });
          const doc = await analyze('markdown', text);
          try {
            assert.deepEqual(summary(doc), summary(asFile));
            doc.findings.forEach((finding, i) => {
              finding.fixes.forEach((fix, j) => {
                const fileEdits = asFile.edits(asFile.findings[i].fixes[j]);
                const docEdits = doc.edits(fix);
                const fileResult = fileEdits && applyEdits(code, fileEdits);
                const docResult = docEdits && blockOf(applyEdits(text, docEdits));
                if (quoted && docResult === undefined) return;
                assert.equal(docResult, fileResult, `${finding.rule}: ${fix.title}`);
              });
            });
          } finally {
            asFile.release();
            doc.release();
          }
          const fixed = await fixAll('markdown', text);
          assert.equal(await fixAll('markdown', fixed), fixed, 'fix-all twice = once');
          assert.equal(outside(fixed), outside(text), 'nothing outside the block changes');
          if (!quoted) assert.equal(blockOf(fixed), await fixAll(language, code, { file }));
        }),
        { seed: FUZZ_SEED, numRuns: RUNS },
      );
    });
  });
}
