/**
 * `batch-identity check` on a folder of Markdown documentation (issue 18's "done when"): the walk
 * reads `.md` and `.markdown` files by default; the runElevated and identity mistakes of their
 * code blocks are reported with their positions in the document, nothing of their prose; `--fix`
 * rewrites only inside the code blocks, the documents still render as before, and a second run
 * finds nothing left to fix. The documents' pool accounts do not resolve the code's named users.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { cli, scratchTrees } from '../../helpers/cli';

const tree = scratchTrees('bi-markdown-cli');

const GUIDE = `---
title: Render farm
services: batch
---
# Render farm

Set \`task.RunElevated = true;\` in old code; the table below says what replaced it.

| Before | After |
| --- | --- |
| \`RunElevated = true\` | \`ElevationLevel.NONADMIN\` |

1. Create the task:

   \`\`\`cs
   CloudTask render = new CloudTask("render", "render.exe");
   render.RunElevated = true;
   \`\`\`

2. And the pool's accounts:

   \`\`\`java
   accounts.add(new UserAccount().withName("render").withPassword(secret).withElevationLevel(ElevationLevel.NONADMIN));
   \`\`\`
`;

const NOTES = `# Notes

> \`\`\`python
> task = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated=False)
> \`\`\`

The tasks run on Azure Batch.
`;

const PROSE_ONLY = `# Migration

Replace \`"runElevated": true\` by \`"userIdentity"\`: see the Azure Batch documentation.
`;

/** The rendered structure of a document: every token but the code blocks' content. */
function structure(text: string): string[] {
  return new MarkdownIt('commonmark').parse(text, {}).map((t) => `${t.type} ${t.tag} ${t.info} ${t.type === 'fence' ? '' : t.content}`);
}

describe('batch-identity check on Markdown documentation', () => {
  it('reports the code blocks’ mistakes at their places in the documents, nothing of the prose; exit 1', async () => {
    const root = tree({ 'docs/guide.md': GUIDE, 'docs/notes.markdown': NOTES, 'docs/migration.md': PROSE_ONLY });
    const { code, stdout } = await cli(['check', '--format', 'json', root]);
    assert.equal(code, 1, stdout);
    const reported = (
      JSON.parse(stdout) as { file: string; diagnostics: { code: string; range: { start: { line: number; character: number } } }[] }[]
    ).map((r) => [path.relative(root, r.file), r.diagnostics.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1])]);
    assert.deepEqual(reported, [
      [
        'docs/guide.md',
        [
          ['run-elevated', 17, 11],
          ['unknown-enum-member', 23, 109],
        ],
      ],
      ['docs/notes.markdown', [['run-elevated', 4, 65]]],
    ]);
  });

  it('--fix rewrites inside the code blocks only; the documents render as before; a second run finds nothing', async () => {
    const root = tree({ 'guide.md': GUIDE, 'notes.markdown': NOTES, 'migration.md': PROSE_ONLY });
    const fixed = await cli(['check', '--fix', root]);
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
    assert.match(fixed.stderr, /guide\.md: fixed 2 problems \(run-elevated, unknown-enum-member\)/);
    assert.match(fixed.stderr, /notes\.markdown: fixed 1 problem \(run-elevated\)/);
    const guide = fs.readFileSync(path.join(root, 'guide.md'), 'utf8');
    assert.equal(
      guide,
      GUIDE.replace(
        '   render.RunElevated = true;',
        '   render.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));',
      ).replace(
        '.withPassword(secret).withElevationLevel(ElevationLevel.NONADMIN)',
        '.withPassword(secret).withElevationLevel(ElevationLevel.NON_ADMIN)',
      ),
    );
    const notes = fs.readFileSync(path.join(root, 'notes.markdown'), 'utf8');
    assert.equal(
      notes,
      NOTES.replace(
        'run_elevated=False',
        'user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.non_admin))',
      ),
    );
    assert.equal(fs.readFileSync(path.join(root, 'migration.md'), 'utf8'), PROSE_ONLY);
    assert.deepEqual(structure(guide), structure(GUIDE));
    assert.deepEqual(structure(notes), structure(NOTES));
    const again = await cli(['check', '--fix', root]);
    assert.equal(again.code, 0);
    assert.equal(again.stderr, '');
  });

  it('a document’s sample pool does not define the code’s named users', async () => {
    const root = tree({
      'README.md': '# Azure Batch\n\n```cs\npool.UserAccounts = new List<UserAccount> { new UserAccount("render", secret) };\n```\n',
      'Pool.cs':
        'using System.Collections.Generic;\nusing Microsoft.Azure.Batch;\n\nclass P { void M(CloudPool pool, string s) { pool.UserAccounts = new List<UserAccount> { new UserAccount("deploy", s) }; } }\n',
      'Tasks.cs':
        'using Microsoft.Azure.Batch;\n\nclass T { CloudTask M() => new CloudTask("t", "x") { UserIdentity = new UserIdentity("render") }; }\n',
    });
    const { stdout } = await cli(['check', '--format', 'json', root]);
    const reported = JSON.parse(stdout) as { file: string; diagnostics: { code: string }[] }[];
    assert.deepEqual(
      reported.map((r) => [path.basename(r.file), r.diagnostics.map((d) => d.code)]),
      [['Tasks.cs', ['unknown-user']]],
    );
  });
});
