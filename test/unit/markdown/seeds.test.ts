/**
 * The documentation pages this project started from ("Run tasks under user accounts in Batch",
 * ../shared/seeds/: 000 Dutch 2019, 001 Dutch/English 2017, 002 English draft 2017) as Markdown:
 * test/fixtures/markdown/seeds/ rebuilds each page's shape — its front matter, notes, sections,
 * code blocks and migration tables — around samples of the same shapes (our own names and prose).
 * Every mistake the brief names is found in the code blocks of each page that has it, and nothing
 * in its prose or tables:
 *   - Java `withScope` called on the UserIdentity (000, 001), fixed by moving it;
 *   - Java `ElevationLevel.NONADMIN` (000, 001) → NON_ADMIN;
 *   - Python `ElevationLevel.nonadmin` (001; 000 writes `non_admin`) → non_admin;
 *   - C# `sshPrivateKey: new Guid().ToString()` (000, 001), and the literal passwords beside it;
 *   - the draft (002) has none: its pool's passwords are variables, its `UserIdentity = …`
 *     fragment is right, and its `\\\` block is not code.
 * The migration tables name `RunElevated = true`, `withRunElevated`, `run_elevated=True` and
 * `NONADMIN` in inline code: prose, never reported.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { analyze, fixAll, squiggles } from '../../helpers/engine';

const FIXTURES = path.resolve(__dirname, '../../fixtures/markdown/seeds');
const read = (file: string) => fs.readFileSync(path.join(FIXTURES, file), 'utf8');

/** `text` with each [before, after] replaced once, each `before` required to occur exactly once. */
function replaced(text: string, ...edits: [string, string][]): string {
  let out = text;
  for (const [before, after] of edits) {
    assert.equal(out.split(before).length, 2, `'${before}' must occur once`);
    out = out.replace(before, after);
  }
  return out;
}

/** The document's structure as a reader sees it rendered: every token but the code blocks' content. */
function structure(text: string): string[] {
  return new MarkdownIt('commonmark').parse(text, {}).map((t) => `${t.type} ${t.tag} ${t.info} ${t.type === 'fence' ? '' : t.content}`);
}

/** The 0-based lines the findings start on. */
async function squigglesWithLines(text: string): Promise<number[]> {
  const analysis = await analyze('markdown', text);
  analysis.release();
  return analysis.findings.map((f) => text.slice(0, f.span.start).split('\n').length - 1);
}

const WITH_SCOPE: [string, string] = [
  '                .withElevationLevel(ElevationLevel.ADMIN))\n                .withScope(AutoUserScope.TASK));',
  '                .withElevationLevel(ElevationLevel.ADMIN)\n                .withScope(AutoUserScope.TASK)));',
];
const NONADMIN_JAVA: [string, string] = [
  'withPassword(userSecret).withElevationLevel(ElevationLevel.NONADMIN));',
  'withPassword(userSecret).withElevationLevel(ElevationLevel.NON_ADMIN));',
];

/** What the pages with the samples of 2017 and 2019 have in common: the .NET pools, the Java samples. */
const COMMON: [string, string, string][] = [
  ['misplaced-call', 'error', 'withScope'],
  ['hardcoded-password', 'warning', '"Welkom2019"'],
  ['hardcoded-password', 'warning', '"2019Welkom"'],
  ['hardcoded-password', 'warning', '"Welkom2019"'],
  ['ssh-key-placeholder', 'warning', 'new Guid().ToString()'],
  ['hardcoded-password', 'warning', '"2019Welkom"'],
  ['ssh-key-placeholder', 'warning', 'new Guid().ToString()'],
  ['unknown-enum-member', 'error', 'NONADMIN'],
];

const CASES: { file: string; page: string; findings: [string, string, string][]; fixes: [string, string][] }[] = [
  { file: '2019-nl.md', page: '000 (Dutch, 2019)', findings: COMMON, fixes: [WITH_SCOPE, NONADMIN_JAVA] },
  {
    file: '2017-nl-en.md',
    page: '001 (Dutch/English, 2017)',
    findings: [...COMMON, ['unknown-enum-member', 'error', 'nonadmin']],
    fixes: [
      WITH_SCOPE,
      NONADMIN_JAVA,
      ['elevation_level=batchmodels.ElevationLevel.nonadmin)\n]', 'elevation_level=batchmodels.ElevationLevel.non_admin)\n]'],
    ],
  },
  { file: '2017-draft.md', page: '002 (English draft, 2017)', findings: [], fixes: [] },
];

describe('seeds as Markdown: each page’s code blocks, and nothing of its prose', () => {
  for (const { file, page, findings, fixes } of CASES) {
    it(`${page}: ${findings.length} findings, in the samples only`, async () => {
      const text = read(file);
      const found = await squiggles('markdown', text);
      assert.deepEqual(
        found.map((f) => [f.rule, f.severity, f.text]),
        findings,
      );
      // The migration tables name the same API in inline code: no squiggle is on a table's line.
      const tableLines = text.split('\n').flatMap((line, i) => (line.startsWith('|') ? [i] : []));
      for (const f of await squigglesWithLines(text)) assert.ok(!tableLines.includes(f), `a squiggle on table line ${f + 1}`);
    });

    it(`${page}: fix-all rewrites the samples only, and the page renders as before`, async () => {
      const text = read(file);
      const once = await fixAll('markdown', text);
      assert.equal(once, replaced(text, ...fixes));
      assert.equal(await fixAll('markdown', once), once, 'fix-all twice = once');
      assert.deepEqual(structure(once), structure(text));
    });
  }
});
