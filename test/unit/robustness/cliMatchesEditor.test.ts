/**
 * (e) `check --fix` writes exactly what the editor's fix-all gives: the CLI (in process, on temp
 * files) against `Engine.fixAll` over mutated Batch sources of all four languages, and the LSP
 * server's `source.fixAll.batchIdentity` code action over stdio against the CLI on a few samples
 * (needs `npm run build`).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runCli } from '../../../server/src/cli/main';
import { Engine } from '../../../server/src/engine/engine';
import type { LanguageId } from '../../../server/src/engine/facts';
import { AccountIndex, accountsIn } from '../../../server/src/workspace/accountIndex';
import { decode } from '../../../server/src/workspace/sourceFiles';
import { corpus, EXTENSION, GENERATED, LANGUAGES, languageIdOf, mutatedArb } from '../../helpers/batchSources';
import { FUZZ_RUNS, FUZZ_SEED } from '../../helpers/fuzz';
import { serverForSuite } from '../../helpers/lspClient';

const RUNS = Math.max(1, Math.round(FUZZ_RUNS * 0.5));
const quiet = { stdout: () => {}, stderr: () => {}, version: '0.0.0-test' };

/** What the editor's fix-all makes of a text: the engine with the file's own accounts indexed, as the server does. */
async function editorFixAll(engine: Engine, uri: string, languageId: string, text: string): Promise<string> {
  const analysis = await engine.analyze({ uri, languageId, text });
  analysis.release();
  const workspace = new AccountIndex();
  workspace.update(uri, accountsIn(uri, text, analysis.facts));
  return (await engine.fixAll({ uri, languageId, text }, { workspace })).text;
}

/** `check --fix` on one file: its text afterwards (decoded as the CLI reads it). */
async function cliFix(file: string, content: string): Promise<string> {
  fs.writeFileSync(file, content);
  // --no-cache: the default cache would go into the checkout's node_modules.
  await runCli(['check', '--no-cache', '--fix', file], quiet);
  return decode(fs.readFileSync(file)).text;
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bi-cli-editor-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('(e) check --fix equals the editor fix-all', () => {
  for (const language of LANGUAGES) {
    it(`${language}: CLI in process vs Engine.fixAll`, async () => {
      const engine = new Engine();
      const file = path.join(scratch, `sample${EXTENSION[language]}`);
      await fc.assert(
        fc.asyncProperty(mutatedArb(language), async (sample) => {
          const cli = await cliFix(file, sample.text);
          // The CLI reads the bytes written: a text that is not the same after UTF-8 (a lone surrogate) is compared as read.
          const text = decode(Buffer.from(sample.text)).text;
          const editor = await editorFixAll(engine, file, languageIdOf(language, text), text);
          assert.equal(cli, editor, `mutations: ${JSON.stringify(sample.mutations)}\ntext: ${JSON.stringify(sample.text)}`);
        }),
        { seed: FUZZ_SEED, numRuns: RUNS },
      );
    });
  }
});

describe('(e) the server fix-all code action equals check --fix', () => {
  const client = serverForSuite();

  /** The examples, a few recorded inputs and a few generated sources of each language. */
  const samples: { language: LanguageId; text: string }[] = LANGUAGES.flatMap((language) => [
    ...corpus(language)
      .slice(0, 8)
      .map((text) => ({ language, text })),
    ...fc.sample(GENERATED[language], { seed: FUZZ_SEED, numRuns: 6 }).map((text) => ({ language, text })),
  ]);

  it(`${samples.length} documents: the same text`, async () => {
    let fixedSomething = 0;
    for (const [index, { language, text }] of samples.entries()) {
      const uri = `file:///robustness/sample${index}${EXTENSION[language]}`;
      const languageId = languageIdOf(language, text);
      await client().open(uri, languageId, text);
      const actions = (await client().connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.batchIdentity'] },
      })) as CodeAction[];
      await client().connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      const edits = (actions[0]?.edit?.changes?.[uri] ?? []) as TextEdit[];
      const editor = TextDocument.applyEdits(TextDocument.create(uri, languageId, 1, text), edits);
      const cli = await cliFix(path.join(scratch, `server${index}${EXTENSION[language]}`), text);
      assert.equal(editor, cli, `${language} sample ${index}: ${JSON.stringify(text)}`);
      if (editor !== text) fixedSomething++;
    }
    // The comparison is about real fixes: most samples have some.
    assert.ok(fixedSomething >= samples.length / 2, `only ${fixedSomething} of ${samples.length} samples changed`);
  });
});
