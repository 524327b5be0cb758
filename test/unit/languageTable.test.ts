/**
 * The language table (common/languages.ts): what it says today, that its look-ups are
 * unambiguous, and that each row's data is true of the rest of the product — the engine's
 * languages, the tree-sitter grammars, VS Code's Markdown grammar (fences) and the adapters
 * (account words). The manifest is held to it by manifest.test.ts.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import * as oniguruma from 'vscode-oniguruma';
import {
  CODE_LANGUAGE_IDS,
  DOCUMENT_LANGUAGE_IDS,
  grammarFile,
  grammarOf,
  type GrammarSource,
  isProjectFileName,
  LANGUAGE_IDS,
  LANGUAGE_TABLE,
  languageNames,
  languageOfFence,
  languageOfLanguageId,
  languageOfPath,
  languageRow,
  TREE_SITTER_GRAMMARS,
  TREE_SITTER_RUNTIME_WASM,
  watchedFilesGlob,
  type LanguageId,
} from '../../common/languages';
import { resolveSettings } from '../../common/settings';
import { LANGUAGES } from '../../server/src/engine/languages';
import { ACCOUNT_WORDS } from '../../server/src/workspace/accountIndex';
import { corpus, mutatedArb } from '../helpers/batchSources';
import { analyze } from '../helpers/engine';
import { FUZZ_RUNS, FUZZ_SEED } from '../helpers/fuzz';

describe('language table: the languages read today', () => {
  it('C#, Java, Python, JSON, TypeScript/JavaScript and Markdown, in that order; Markdown embeds the other five', () => {
    assert.deepEqual(LANGUAGE_IDS, ['csharp', 'java', 'python', 'json', 'typescript', 'markdown']);
    assert.deepEqual(CODE_LANGUAGE_IDS, ['csharp', 'java', 'python', 'json', 'typescript']);
    assert.equal(languageNames('and'), 'C#, Java, Python, JSON, TypeScript/JavaScript and Markdown');
    assert.equal(languageNames('or'), 'C#, Java, Python, JSON, TypeScript/JavaScript or Markdown');
  });

  it('documents of ten VS Code language ids (JSON with comments is json, JavaScript and React are typescript); json5 when another client sends it', () => {
    assert.deepEqual(DOCUMENT_LANGUAGE_IDS, [
      'csharp',
      'java',
      'python',
      'json',
      'jsonc',
      'typescript',
      'typescriptreact',
      'javascript',
      'javascriptreact',
      'markdown',
    ]);
    const cases: [string, LanguageId | undefined][] = [
      ['csharp', 'csharp'],
      ['java', 'java'],
      ['python', 'python'],
      ['json', 'json'],
      ['jsonc', 'json'],
      ['json5', 'json'],
      ['markdown', 'markdown'],
      ['typescript', 'typescript'],
      ['typescriptreact', 'typescript'],
      ['javascript', 'typescript'],
      ['javascriptreact', 'typescript'],
      ['CSharp', undefined],
      ['coffeescript', undefined],
      ['yaml', undefined],
      ['constructor', undefined],
      ['toString', undefined],
    ];
    assert.deepEqual(
      cases.map(([id]) => [id, languageOfLanguageId(id)]),
      cases,
    );
  });

  it('files by extension, in any case; .json5 and others are not read', () => {
    const cases: [string, LanguageId | undefined][] = [
      ['src/Tasks.cs', 'csharp'],
      ['Tasks.CS', 'csharp'],
      ['Jobs.java', 'java'],
      ['pools.py', 'python'],
      ['task.json', 'json'],
      ['config/task.jsonc', 'json'],
      ['TASK.JSON', 'json'],
      ['docs/README.md', 'markdown'],
      ['guide.markdown', 'markdown'],
      ['NOTES.MD', 'markdown'],
      ['submit.ts', 'typescript'],
      ['View.TSX', 'typescript'],
      ['module.mts', 'typescript'],
      ['module.cts', 'typescript'],
      ['submit.js', 'typescript'],
      ['module.mjs', 'typescript'],
      ['module.cjs', 'typescript'],
      ['View.jsx', 'typescript'],
      ['types.d.ts', 'typescript'],
      ['task.json5', undefined],
      ['script.coffee', undefined],
      ['page.mdx', undefined],
      ['task.yaml', undefined],
      ['App.csproj', undefined],
      ['Makefile', undefined],
      ['dir.cs/README', undefined],
      ['.cs', 'csharp'],
    ];
    assert.deepEqual(
      cases.map(([file]) => [file, languageOfPath(file)]),
      cases,
    );
  });

  it('MSBuild project files: *.csproj in any case, Directory.Build.props/.targets exactly', () => {
    assert.deepEqual(
      [
        'App.csproj',
        'app.CSPROJ',
        'Directory.Build.props',
        'Directory.Build.targets',
        'directory.build.props',
        'App.csproj.user',
        'App.vbproj',
        'Tasks.cs',
      ].filter(isProjectFileName),
      ['App.csproj', 'app.CSPROJ', 'Directory.Build.props', 'Directory.Build.targets'],
    );
  });

  it("the client's file watcher: the languages' files, the project files and the format configuration files", () => {
    assert.equal(
      watchedFilesGlob(),
      '**/{*.cs,*.java,*.py,*.json,*.jsonc,*.ts,*.mts,*.cts,*.tsx,*.js,*.mjs,*.cjs,*.jsx,*.md,*.markdown,*.csproj,Directory.Build.props,Directory.Build.targets,' +
        '.editorconfig,pyproject.toml,ruff.toml,.ruff.toml,setup.cfg,tox.ini,.flake8}',
    );
  });

  it('six tree-sitter grammars, each shipped by @vscode/tree-sitter-wasm', () => {
    assert.deepEqual(TREE_SITTER_GRAMMARS, ['c-sharp', 'java', 'python', 'typescript', 'tsx', 'javascript']);
    const folder = path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
    for (const file of [TREE_SITTER_RUNTIME_WASM, ...TREE_SITTER_GRAMMARS.map(grammarFile)])
      assert.ok(fs.existsSync(path.join(folder, file)), `${file} in ${folder}`);
  });

  it('hovers fence C# as csharp; Markdown fences cs, C#, py, jsonc… name their languages', () => {
    assert.deepEqual(
      LANGUAGE_IDS.map((id) => LANGUAGE_TABLE[id].fences[0]),
      ['csharp', 'java', 'python', 'json', 'typescript', 'markdown'],
    );
    const cases: [string, LanguageId | undefined][] = [
      ['cs', 'csharp'],
      ['C#', 'csharp'],
      ['CSharp', 'csharp'],
      ['py', 'python'],
      ['jsonc', 'json'],
      ['JSON', 'json'],
      ['md', 'markdown'],
      ['ts', 'typescript'],
      ['tsx', 'typescript'],
      ['js', 'typescript'],
      ['JavaScript', 'typescript'],
      ['json5', undefined],
      ['coffee', undefined],
      ['sh', undefined],
    ];
    assert.deepEqual(
      cases.map(([info]) => [info, languageOfFence(info)]),
      cases,
    );
  });

  it("account words: every language's, as the workspace index has always looked for them; Markdown's are its blocks'", () => {
    assert.deepEqual([...ACCOUNT_WORDS].sort(), ['UserAccount', 'userAccounts', 'user_accounts'].sort());
    const embedded = new Set(CODE_LANGUAGE_IDS.flatMap((id) => LANGUAGE_TABLE[id].accountWords));
    assert.deepEqual([...LANGUAGE_TABLE.markdown.accountWords].sort(), [...embedded].sort());
  });

  it('batchIdentity.languages keeps only languages of the table', () => {
    assert.deepEqual(resolveSettings({ languages: ['json', 'jsonc', 'typescript', 'javascript', 'python', 7] }).languages, [
      'json',
      'typescript',
      'python',
    ]);
    assert.deepEqual(resolveSettings({}).languages, LANGUAGE_IDS);
  });
});

describe('language table: the grammar of a TypeScript/JavaScript text', () => {
  it('by extension first, then language id, then Markdown fence; TypeScript otherwise', () => {
    const cases: [GrammarSource, string][] = [
      [{ uri: 'file:///a/submit.ts' }, 'typescript'],
      [{ uri: 'file:///a/View.tsx' }, 'tsx'],
      [{ uri: 'file:///a/submit.js', languageId: 'typescript' }, 'javascript'],
      [{ uri: 'file:///a/View.JSX' }, 'javascript'],
      [{ uri: 'file:///a/m.mjs' }, 'javascript'],
      [{ uri: 'file:///a/m.cts' }, 'typescript'],
      [{ uri: 'untitled:Untitled-1', languageId: 'javascriptreact' }, 'javascript'],
      [{ uri: 'untitled:Untitled-1', languageId: 'typescriptreact' }, 'tsx'],
      [{ uri: 'file:///a/submit.ts', languageId: 'javascript' }, 'typescript'],
      [{ fence: 'js' }, 'javascript'],
      [{ fence: 'TSX' }, 'tsx'],
      [{ fence: 'ts' }, 'typescript'],
      [{}, 'typescript'],
    ];
    assert.deepEqual(
      cases.map(([source]) => [source, grammarOf('typescript', source)]),
      cases,
    );
  });
});

describe('language table: consistency', () => {
  it('no language id, extension or fence belongs to two languages', () => {
    const owners = (values: (id: LanguageId) => readonly string[], normalise = (v: string) => v) => {
      const seen = new Map<string, LanguageId>();
      for (const id of LANGUAGE_IDS)
        for (const value of values(id)) {
          const key = normalise(value);
          assert.ok(!seen.has(key) || seen.get(key) === id, `${value} is ${seen.get(key)}'s and ${id}'s`);
          seen.set(key, id);
        }
    };
    owners((id) => [id, ...languageRow(id).vscodeLanguageIds, ...(languageRow(id).otherLanguageIds ?? [])]);
    owners(
      (id) => languageRow(id).extensions,
      (e) => e.toLowerCase(),
    );
    owners(
      (id) => languageRow(id).fences,
      (f) => f.toLowerCase(),
    );
  });

  it('extensions are lower case and start with a dot; every row names a VS Code language id, an extension and a fence', () => {
    for (const id of LANGUAGE_IDS) {
      const row = languageRow(id);
      for (const e of row.extensions) assert.match(e, /^\.[a-z0-9]+$/, `${id}: ${e}`);
      for (const list of [row.vscodeLanguageIds, row.extensions, row.fences, row.accountWords, row.textMateScopes])
        assert.ok(list.length > 0, `${id}: an empty list`);
    }
  });

  it("the engine reads exactly the table's languages, each with the table's comment syntax", () => {
    assert.deepEqual(Object.keys(LANGUAGES), [...LANGUAGE_IDS]);
    for (const id of LANGUAGE_IDS) {
      assert.equal(LANGUAGES[id].id, id);
      assert.equal(LANGUAGES[id].lineComment, languageRow(id).lineComment);
    }
  });

  it('a code language has a comment syntax; a language embedding code has none of its own (its blocks have theirs)', () => {
    for (const id of LANGUAGE_IDS) assert.equal(languageRow(id).lineComment === undefined, !!languageRow(id).embedsCode, id);
  });
});

describe("language table: fences are what VS Code's Markdown grammar reads as the language", () => {
  // VS Code's Markdown grammar (tm-grammars ships the one VS Code has): its fenced_code_block rule
  // tries one rule per language in order; the first whose `begin` matches the fence line embeds
  // that language's grammar. Matched with Oniguruma, as VS Code does.
  const markdown = JSON.parse(fs.readFileSync(require.resolve('tm-grammars/grammars/markdown.json'), 'utf8')) as {
    repository: Record<string, { begin?: string; patterns?: { include?: string; patterns?: { include?: string }[] }[] }>;
  };
  const blockRules = markdown.repository.fenced_code_block.patterns!.map((p) => markdown.repository[p.include!.slice(1)]);

  before(async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  });

  /** The TextMate scope VS Code embeds in a block fenced with this info string. */
  function embeddedScope(info: string): string | undefined {
    const line = new oniguruma.OnigString('```' + info);
    for (const rule of blockRules) {
      if (!rule.begin) continue;
      const scanner = new oniguruma.OnigScanner([rule.begin]);
      const match = scanner.findNextMatchSync(line, 0);
      scanner.dispose();
      if (match) return rule.patterns?.[0]?.patterns?.[0]?.include;
    }
    return undefined;
  }

  for (const id of LANGUAGE_IDS) {
    it(`${id}: ${LANGUAGE_TABLE[id].fences.join(', ')} (in any case) open blocks of ${LANGUAGE_TABLE[id].textMateScopes.join(' or ')}`, () => {
      for (const fence of languageRow(id).fences)
        for (const info of [fence, fence.toUpperCase()]) {
          const scope = embeddedScope(info);
          assert.ok(scope && languageRow(id).textMateScopes.includes(scope), `\`\`\`${info} embeds ${scope}`);
        }
    });
  }
});

describe('language table: account words', () => {
  // The workspace index and the CLI skip a file without account words: that must never hide an
  // account. Over the examples, every text the language tests analyse, and generated and mutated
  // Batch sources (accounts in every style), a file where the adapter finds an account holds one
  // of its language's words.
  for (const id of LANGUAGE_IDS) {
    it(`${id}: a file defining an account holds one of ${LANGUAGE_TABLE[id].accountWords.join(', ')}`, async () => {
      const words = languageRow(id).accountWords;
      let defining = 0;
      const check = async (text: string) => {
        const analysis = await analyze(id, text);
        analysis.release();
        if (analysis.facts.accounts.length === 0) return true;
        defining++;
        return words.some((word) => text.includes(word));
      };
      for (const text of corpus(id)) assert.ok(await check(text), `a recorded text defines an account without an account word:\n${text}`);
      await fc.assert(
        fc.asyncProperty(mutatedArb(id), async (sample) => check(sample.text)),
        { seed: FUZZ_SEED, numRuns: FUZZ_RUNS },
      );
      assert.ok(defining > 0, 'some texts define accounts');
    });
  }
});
