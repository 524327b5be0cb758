/**
 * (f) The server's incremental path — its DocumentStore handing each `didChange` to the kept
 * syntax tree, then a reparse that reuses it — gives what a fresh analysis of the final text
 * gives: findings, messages, spans and fix edits. Random LSP content changes (several per
 * notification, ranges past the end of a line or of the document, whole-text replacements) over
 * Batch sources of all four languages; then the same through the real server over stdio.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Engine, type Analysis } from '../../../server/src/engine/engine';
import type { LanguageId } from '../../../server/src/engine/facts';
import { DocumentStore } from '../../../server/src/lsp/documentStore';
import { toDiagnostic } from '../../../server/src/lsp/convert';
import { AccountIndex, accountsIn } from '../../../server/src/workspace/accountIndex';
import { EXTENSION, LANGUAGES, languageIdOf, seedArb } from '../../helpers/batchSources';
import { FUZZ_RUNS, FUZZ_SEED } from '../../helpers/fuzz';
import { serverForSuite } from '../../helpers/lspClient';

const RUNS = Math.max(1, Math.round(FUZZ_RUNS * 0.5));

const TYPED: Record<LanguageId, string[]> = {
  csharp: ['RunElevated = true;', 'true', 'UserIdentity', '.RunElevated', 'ElevationLevel.Admin'],
  java: ['.withRunElevated(true)', 'false', 'UserIdentity', 'ElevationLevel.NONADMIN'],
  python: ['run_elevated=True', ', run_elevated=False', 'UserIdentity', 'ElevationLevel.admin'],
  json: ['"runElevated": true,', 'false', '"userIdentity": {}', '"admin"'],
  typescript: ['runElevated: true,', 'false', 'userIdentity: {}', "'admin'", "import { BatchServiceModels } from '@azure/batch';\n"],
  // A fence opened, closed or moved into a list or quote, and code typed into a block.
  markdown: ['```cs\n', '```\n', '~~~', '> ', '- ', 'RunElevated = true;', 'run_elevated=True', '"runElevated": true,'],
};
const GARBAGE = ['x', ' ', '\n', '\r\n', '\t', '{', '}', '(', ')', ';', ',', '"', "'", '//', '#', '/*', 'é', '😀'];

/** One LSP content change, from numbers: a range (possibly past a line's or the text's end) or the whole text. */
type ChangeSpec =
  | { readonly at: number; readonly length: number; readonly text: string; readonly wild: boolean }
  | { readonly whole: true; readonly cut: number };

function changeArb(language: LanguageId): fc.Arbitrary<ChangeSpec> {
  return fc.oneof(
    {
      weight: 12,
      arbitrary: fc.record({
        at: fc.nat(),
        length: fc.nat({ max: 12 }),
        text: fc.constantFrom('', ...GARBAGE, ...TYPED[language]),
        wild: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: fc.record({ whole: fc.constant(true as const), cut: fc.nat() }) },
  );
}

function toLspChange(document: TextDocument, spec: ChangeSpec): TextDocumentContentChangeEvent {
  const text = document.getText();
  if ('whole' in spec)
    return {
      text: text.slice(0, spec.cut % (text.length + 1)) + text.slice(spec.cut % (text.length + 1)).replace(/\n/, '\n// reloaded\n'),
    };
  const start = document.positionAt(spec.at % (text.length + 1));
  const end = document.positionAt((spec.at % (text.length + 1)) + spec.length);
  // Clients may send positions past the end of a line or of the document: the document clamps them.
  const wild = spec.wild
    ? { start, end: { line: end.line + (spec.length % 3 === 0 ? 5 : 0), character: end.character + spec.length } }
    : { start, end };
  return { range: wild, text: spec.text };
}

/** A fresh analysis with the document's own pool accounts indexed, as the server has them. */
async function asTheServerSees(uri: string, languageId: string, text: string): Promise<Analysis> {
  const engine = new Engine();
  const first = await engine.analyze({ uri, languageId, text });
  first.release();
  const workspace = new AccountIndex();
  workspace.update(uri, accountsIn(uri, text, first.facts));
  return engine.analyze({ uri, languageId, text }, { workspace });
}

function snapshot(analysis: Analysis) {
  return {
    skipped: analysis.skipped,
    findings: analysis.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      span: f.span,
      fixes: f.fixes.map((fix) => analysis.edits(fix) ?? null),
    })),
  };
}

describe('(f) incremental analysis in the server equals a fresh analysis', () => {
  for (const language of LANGUAGES) {
    it(`${language}: random didChange sequences through the DocumentStore`, async () => {
      await fc.assert(
        fc.asyncProperty(
          seedArb(language),
          fc.array(fc.array(changeArb(language), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
          async (seed, notifications) => {
            const engine = new Engine();
            const store = new DocumentStore(engine);
            const uri = `file:///incremental/sample${EXTENSION[language]}`;
            const languageId = languageIdOf(language, seed);
            store.open(uri, languageId, 1, seed);
            (await engine.analyze({ uri, languageId, text: seed }, { keepSyntax: true })).release();
            // The client's copy (TextDocument.update changes a document in place: not the store's).
            const client = TextDocument.create(uri, languageId, 1, seed);
            for (const [index, changes] of notifications.entries()) {
              // Later changes of one notification apply to the text after the earlier ones.
              const events = changes.map((spec) => {
                const event = toLspChange(client, spec);
                TextDocument.update(client, [event], index + 2);
                return event;
              });
              const text = store.change(uri, index + 2, events)!.getText();
              assert.equal(text, client.getText());
              const incremental = await engine.analyze({ uri, languageId, text }, { keepSyntax: true });
              const fresh = await new Engine().analyze({ uri, languageId, text });
              try {
                // In text with syntax errors, tree-sitter's recovery after an incremental reparse may
                // read the broken part differently from a fresh parse; neither reading is the right
                // one, and forcing fresh parses would cost a full parse per keystroke while the user
                // types broken code. There the two must agree on whether the file is skipped and on
                // its syntax errors; findings are compared where the text parses.
                const broken = fresh.file?.hasSyntaxErrors || incremental.file?.hasSyntaxErrors;
                const context = `seed: ${JSON.stringify(seed)}\nafter ${JSON.stringify(notifications.slice(0, index + 1))}\ntext: ${JSON.stringify(text)}`;
                if (broken) {
                  assert.equal(incremental.skipped, fresh.skipped, context);
                  assert.equal(incremental.file?.hasSyntaxErrors, fresh.file?.hasSyntaxErrors, context);
                } else assert.deepEqual(snapshot(incremental), snapshot(fresh), context);
              } finally {
                fresh.release();
              }
            }
            store.close(uri);
            assert.equal(engine.keptDocuments, 0);
          },
        ),
        { seed: FUZZ_SEED, numRuns: RUNS },
      );
    });
  }

  describe('over stdio (needs npm run build)', () => {
    const client = serverForSuite();

    for (const language of LANGUAGES) {
      it(`${language}: the diagnostics of the last version are those of a fresh analysis`, async () => {
        const cases = fc.sample(fc.tuple(seedArb(language), fc.array(changeArb(language), { minLength: 5, maxLength: 40 })), {
          seed: FUZZ_SEED,
          numRuns: 4,
        });
        for (const [n, [seed, specs]] of cases.entries()) {
          const uri = `file:///incremental/stdio${n}${EXTENSION[language]}`;
          const languageId = languageIdOf(language, seed);
          await client().open(uri, languageId, seed);
          let document = TextDocument.create(uri, languageId, 1, seed);
          for (const [index, spec] of specs.entries()) {
            const event = toLspChange(document, spec);
            document = TextDocument.update(document, [event], index + 2);
            void client().connection.sendNotification('textDocument/didChange', {
              textDocument: { uri, version: document.version },
              contentChanges: [event],
            });
          }
          const strip = (d: Diagnostic) => ({ range: d.range, code: d.code, severity: d.severity, message: d.message });
          const compare = async (step: string) => {
            const published = await client().diagnosticsFor(uri, (p) => p.version === document.version);
            const fresh = await asTheServerSees(uri, languageId, document.getText());
            fresh.release();
            // Broken text: the last version was published; its reading may differ (see above).
            if (fresh.file?.hasSyntaxErrors) return false;
            assert.deepEqual(
              published.diagnostics.map(strip),
              fresh.findings.map((f, i) => strip(toDiagnostic(document, f, i))),
              `${language} case ${n}, ${step}`,
            );
            return true;
          };
          await compare('after the random changes');
          // Then back to the seed by one range change over the whole text: the kept tree, edited
          // through broken states, must end where a fresh parse of the seed does.
          const whole = { range: { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) }, text: seed };
          document = TextDocument.update(document, [whole], document.version + 1);
          void client().connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: document.version },
            contentChanges: [whole],
          });
          const seedParses = !(await new Engine().analyze({ uri, languageId, text: seed })).file?.hasSyntaxErrors;
          assert.equal(await compare('back at the seed'), seedParses);
          await client().connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        }
      });
    }
  });
});
