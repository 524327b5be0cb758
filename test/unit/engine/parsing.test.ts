/**
 * What the engine parses, and when: files without any identity word are never parsed, tree-sitter
 * grammars load on the first file of their language only, and a document whose tree is kept
 * (`keepSyntax`) is reparsed incrementally from the previous tree after an edit.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { Engine, type Analysis } from '../../../server/src/engine/engine';
import { LANGUAGE_IDS, type LanguageId } from '../../../server/src/engine/facts';
import { LANGUAGES } from '../../../server/src/engine/languages';
import { DocumentStore } from '../../../server/src/lsp/documentStore';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface ParseCall {
  readonly text: string;
  readonly previous: unknown;
  result?: unknown;
  /** The tree's S-expression, read when the parse returned (the tree may be freed later). */
  shape?: string;
}

/** Wraps a language's `parse`, recording each call; `restore` puts the original back. */
function spyOnParse(language: LanguageId): { calls: ParseCall[]; restore: () => void } {
  const support = LANGUAGES[language];
  const original = support.parse;
  const calls: ParseCall[] = [];
  support.parse = async function (this: unknown, text: string, previous?: unknown) {
    const call: ParseCall = { text, previous };
    calls.push(call);
    call.result = await original.call(this, text, previous);
    const root = (call.result as { rootNode?: { toString(): string } }).rootNode;
    if (root) call.shape = root.toString();
    return call.result;
  };
  return { calls, restore: () => void (support.parse = original) };
}

let restores: (() => void)[] = [];
afterEach(() => {
  for (const restore of restores.reverse()) restore();
  restores = [];
});
function spy(language: LanguageId) {
  const s = spyOnParse(language);
  restores.push(s.restore);
  return s;
}

/** Findings as plain data, to compare an incremental analysis with a fresh one. */
function summary(analysis: Analysis) {
  return analysis.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    span: f.span,
    text: analysis.text.slice(f.span.start, f.span.end),
  }));
}

const WITHOUT_WORDS: Record<LanguageId, string> = {
  csharp: 'using System;\n\nclass C\n{\n    void M() { Console.WriteLine("elevated"); }\n}\n',
  java: 'class Jobs {\n  void run() { System.out.println("elevated"); }\n}\n',
  python: "def run(task):\n    print('elevated', task)\n",
  json: '{"id": "t", "commandLine": "cmd /c echo elevated", "elevated": true}',
  typescript: "import { BatchServiceClient } from '@azure/batch';\nconst task = { id: 't', commandLine: 'x', elevated: true };\n",
  markdown: '# Tasks\n\nThey run elevated.\n\n```csharp\nConsole.WriteLine("elevated");\n```\n',
};
const WITH_WORDS: Record<LanguageId, string> = {
  csharp: 'using Microsoft.Azure.Batch;\n\nclass C\n{\n    void M(CloudTask task)\n    {\n        task.RunElevated = true;\n    }\n}\n',
  java: 'import com.microsoft.azure.batch.protocol.models.*;\n\nclass Jobs {\n  void run(CloudTask task) {\n    task.withRunElevated(true);\n  }\n}\n',
  python: "import azure.batch.models as batchmodels\nt = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n",
  json: '{"id": "t", "commandLine": "x", "runElevated": true}',
  typescript:
    "import { BatchServiceModels } from '@azure/batch';\nconst task: BatchServiceModels.TaskAddParameter = { id: 't', commandLine: 'x', runElevated: true };\n",
  markdown:
    '# Tasks\n\n```csharp\nusing Microsoft.Azure.Batch;\n\nclass C\n{\n    void M(CloudTask task)\n    {\n        task.RunElevated = true;\n    }\n}\n```\n',
};

describe('prefilter: a file without identity words is not parsed', () => {
  for (const language of LANGUAGE_IDS) {
    it(`${language}: no word, no parse; with a word, one parse`, async () => {
      const engine = new Engine();
      const { calls } = spy(language);
      const uri = `file:///prefilter.${language}`;

      const without = await engine.analyze({ uri, languageId: language, text: WITHOUT_WORDS[language] });
      assert.equal(calls.length, 0, 'a file without identity words was parsed');
      assert.equal(without.prefiltered, true);
      assert.deepEqual(without.findings, []);
      assert.equal(without.file, undefined);

      const withWords = await engine.analyze({ uri, languageId: language, text: WITH_WORDS[language] });
      withWords.release();
      assert.equal(calls.length, 1);
      assert.equal(calls[0].text, WITH_WORDS[language]);
      assert.notEqual(withWords.prefiltered, true);
      assert.deepEqual(
        withWords.findings.map((f) => f.rule),
        ['run-elevated'],
      );
    });
  }

  it('the words are case-sensitive, as the languages are', async () => {
    const engine = new Engine();
    const { calls } = spy('csharp');
    const analysis = await engine.analyze({
      uri: 'file:///case.cs',
      languageId: 'csharp',
      text: WITH_WORDS.csharp.replace('RunElevated', 'runelevated'),
    });
    assert.equal(analysis.prefiltered, true);
    assert.equal(calls.length, 0);
  });

  it('a kept document that loses its words is forgotten, not parsed', async () => {
    const engine = new Engine();
    const { calls } = spy('python');
    const uri = 'file:///losing.py';
    (await engine.analyze({ uri, languageId: 'python', text: WITH_WORDS.python }, { keepSyntax: true })).release();
    assert.equal(engine.keptDocuments, 1);
    const after = await engine.analyze({ uri, languageId: 'python', text: WITHOUT_WORDS.python }, { keepSyntax: true });
    assert.equal(after.prefiltered, true);
    assert.equal(calls.length, 1);
    assert.equal(engine.keptDocuments, 0);
  });
});

describe('grammars load lazily', () => {
  // A fresh process: nothing else in it has touched tree-sitter. Language.load is the one place a
  // grammar's .wasm is read; loadedGrammars() is what the parsing module reports.
  const SCRIPT = `
    const wasm = require('@vscode/tree-sitter-wasm');
    const path = require('path');
    const loads = [];
    const load = wasm.Language.load;
    wasm.Language.load = function (file, ...rest) { loads.push(path.basename(String(file))); return load.call(this, file, ...rest); };
    const { loadedGrammars } = require('./server/src/parsing/treeSitter');
    const { Engine } = require('./server/src/engine/engine');
    const T = ${JSON.stringify({ without: WITHOUT_WORDS, with: WITH_WORDS })};
    (async () => {
      const engine = new Engine();
      const steps = [];
      const step = (name) => steps.push({ name, grammars: loadedGrammars(), loads: [...loads] });
      step('imported');
      const run = async (language, text) => (await engine.analyze({ uri: 'file:///x.' + language + steps.length, languageId: language, text })).findings.length;
      const counts = {};
      counts.json = await run('json', T.with.json);
      step('json');
      await run('java', T.without.java);
      await run('python', T.without.python);
      await run('csharp', T.without.csharp);
      step('tree-sitter files without words');
      counts.csharp = await run('csharp', T.with.csharp);
      step('csharp');
      await run('csharp', T.with.csharp);
      step('csharp again');
      counts.python = await run('python', T.with.python);
      step('python');
      process.stdout.write(JSON.stringify({ steps, counts }));
    })().catch((e) => { console.error(e); process.exit(1); });
  `;

  it('each grammar loads on the first file of its language that is parsed, once', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', SCRIPT], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.equal(child.status, 0, child.stderr);
    const { steps, counts } = JSON.parse(child.stdout) as {
      steps: { name: string; grammars: string[]; loads: string[] }[];
      counts: Record<string, number>;
    };
    // The analyses really ran (each sample has one finding).
    assert.deepEqual(counts, { json: 1, csharp: 1, python: 1 });
    assert.deepEqual(steps, [
      { name: 'imported', grammars: [], loads: [] },
      { name: 'json', grammars: [], loads: [] },
      { name: 'tree-sitter files without words', grammars: [], loads: [] },
      { name: 'csharp', grammars: ['c-sharp'], loads: ['tree-sitter-c-sharp.wasm'] },
      { name: 'csharp again', grammars: ['c-sharp'], loads: ['tree-sitter-c-sharp.wasm'] },
      // Java was never needed: its grammar is never loaded.
      { name: 'python', grammars: ['c-sharp', 'python'], loads: ['tree-sitter-c-sharp.wasm', 'tree-sitter-python.wasm'] },
    ]);
  });
});

/** Samples with two findings, and two edits: one that shifts them, one that removes the second. */
const INCREMENTAL: {
  language: Exclude<LanguageId, 'json'>;
  text: string;
  insertBefore: string;
  inserted: string;
  replace: [string, string];
}[] = [
  {
    language: 'csharp',
    text:
      'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n\nclass C\n{\n    void M(CloudTask task, StartTask s)\n    {\n' +
      '        task.RunElevated = true;\n' +
      '        s.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Administrator));\n    }\n}\n',
    insertBefore: '        task.RunElevated',
    inserted: '        // the installer needs admin\n        var n = 1;\n',
    replace: ['ElevationLevel.Administrator', 'ElevationLevel.Admin'],
  },
  {
    language: 'java',
    text:
      'package jobs;\n\nimport com.microsoft.azure.batch.protocol.models.*;\n\nclass Jobs {\n  void run(CloudTask task) {\n' +
      '    task.withRunElevated(true);\n' +
      '    StartTask s = new StartTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMINISTRATOR)));\n  }\n}\n',
    insertBefore: '    task.withRunElevated',
    inserted: '    // the installer needs admin\n    int n = 1;\n',
    replace: ['ElevationLevel.ADMINISTRATOR', 'ElevationLevel.ADMIN'],
  },
  {
    language: 'python',
    text:
      'import azure.batch.models as batchmodels\n' +
      "t = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n" +
      "s = batchmodels.StartTask(command_line='x', user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.administrator)))\n",
    insertBefore: 't = batchmodels',
    inserted: '# the installer needs admin\nn = 1\n',
    replace: ['ElevationLevel.administrator', 'ElevationLevel.admin'],
  },
];

/** The LSP range of [start, end) in `text`. */
function rangeOf(text: string, start: number, end: number) {
  const position = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  };
  return { start: position(start), end: position(end) };
}

describe('incremental reparse of kept trees', () => {
  for (const sample of INCREMENTAL) {
    const { language } = sample;

    it(`${language}: after an edit through the document store, the parse gets the previous tree and the analysis equals a fresh one`, async () => {
      const engine = new Engine();
      const fresh = new Engine();
      const store = new DocumentStore(engine);
      const uri = `file:///incremental.${language}`;
      const analyzeKept = async () => {
        const document = store.get(uri)!;
        return engine.analyze({ uri, languageId: language, text: document.getText() }, { keepSyntax: true });
      };
      const analyzeFresh = async (text: string) => {
        const analysis = await fresh.analyze({ uri: `file:///fresh.${language}`, languageId: language, text });
        analysis.release();
        return analysis;
      };

      store.open(uri, language, 1, sample.text);
      const { calls } = spy(language);
      const first = await analyzeKept();
      assert.equal(calls.length, 1);
      assert.equal(calls[0].previous, undefined, 'the first parse has no previous tree');
      assert.equal(engine.keptDocuments, 1);
      assert.deepEqual(
        first.findings.map((f) => f.rule),
        ['run-elevated', 'unknown-enum-member'],
      );

      // 1. Lines inserted above the findings: they shift.
      const at = sample.text.indexOf(sample.insertBefore);
      store.change(uri, 2, [{ range: rangeOf(sample.text, at, at), text: sample.inserted }]);
      const afterInsert = store.get(uri)!.getText();
      assert.equal(afterInsert, sample.text.slice(0, at) + sample.inserted + sample.text.slice(at));
      const second = await analyzeKept();
      assert.equal(calls.length, 2, 'one more parse calls the language');
      assert.notEqual(calls[1].previous, undefined, 'the reparse did not receive the previous tree');
      assert.equal(calls[1].previous, calls[0].result, 'the previous tree is the one the last parse returned');
      assert.equal(calls[1].text, afterInsert);
      const freshSecond = await analyzeFresh(afterInsert);
      assert.deepEqual(summary(second), summary(freshSecond));
      assert.equal(second.findings.length, 2);
      assert.ok(second.findings[0].span.start > first.findings[0].span.start, 'the findings moved down');

      // The incremental tree is the tree a fresh parse builds (the fresh engine's parse went through the spy too).
      assert.equal(calls.length, 3);
      assert.equal(calls[2].previous, undefined);
      assert.ok(calls[1].shape);
      assert.equal(calls[1].shape, calls[2].shape);

      // 2. A replacement that removes a finding, and a second edit in the same change event.
      const [from, to] = sample.replace;
      const where = afterInsert.indexOf(from);
      const afterReplace = afterInsert.slice(0, where) + to + afterInsert.slice(where + from.length);
      store.change(uri, 3, [{ range: rangeOf(afterInsert, where, where + from.length), text: to }]);
      assert.equal(store.get(uri)!.getText(), afterReplace);
      const before = calls.length;
      const third = await analyzeKept();
      assert.equal(calls.length, before + 1);
      assert.equal(calls[before].previous, calls[1].result, 'the reparse did not receive the previous tree');
      assert.deepEqual(summary(third), summary(await analyzeFresh(afterReplace)));
      assert.deepEqual(
        third.findings.map((f) => f.rule),
        ['run-elevated'],
      );
      assert.equal(engine.keptDocuments, 1);

      store.close(uri);
      assert.equal(engine.keptDocuments, 0);
    });

    it(`${language}: without keepSyntax no tree is kept and every parse starts from scratch`, async () => {
      const engine = new Engine();
      const store = new DocumentStore(engine);
      const uri = `file:///oneoff.${language}`;
      const { calls } = spy(language);
      store.open(uri, language, 1, sample.text);
      (await engine.analyze({ uri, languageId: language, text: sample.text })).release();
      assert.equal(engine.keptDocuments, 0);

      const at = sample.text.indexOf(sample.insertBefore);
      store.change(uri, 2, [{ range: rangeOf(sample.text, at, at), text: sample.inserted }]);
      const text = store.get(uri)!.getText();
      const analysis = await engine.analyze({ uri, languageId: language, text });
      analysis.release();
      assert.equal(engine.keptDocuments, 0);
      assert.equal(calls.length, 2);
      assert.equal(calls[0].previous, undefined);
      assert.equal(calls[1].previous, undefined);
      assert.equal(analysis.findings.length, 2);
    });

    it(`${language}: a one-off analysis of a kept document's uri neither reuses nor replaces its tree`, async () => {
      const engine = new Engine();
      const uri = `file:///owner.${language}`;
      const { calls } = spy(language);
      (await engine.analyze({ uri, languageId: language, text: sample.text }, { keepSyntax: true })).release();
      const oneOff = await engine.analyze({ uri, languageId: language, text: sample.text.replace(...sample.replace) });
      oneOff.release();
      assert.equal(calls[1].previous, undefined, 'a one-off analysis reused the kept tree');
      assert.equal(engine.keptDocuments, 1);
      // The owner's next analysis still gets its own tree.
      (await engine.analyze({ uri, languageId: language, text: sample.text }, { keepSyntax: true })).release();
      assert.equal(calls[2].previous, calls[0].result);
      engine.forget(uri);
      assert.equal(engine.keptDocuments, 0);
    });
  }
});
