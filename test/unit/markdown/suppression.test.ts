/**
 * Suppression in Markdown: a directive is a comment in a code block, in the block's own comment
 * syntax (`//` in C#, Java and JSON with comments, `#` in Python). `batch-identity-disable-next-line`
 * silences the next line of the document, `batch-identity-disable-file` in any block the whole
 * document. Text in prose is no directive. The suppression edits the editor offers go into the
 * finding's block, in its indentation and container prefix; a `json` block takes one only when it
 * already holds comments (as a .json file does), a `jsonc` block always.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/engine/edits';
import { suppressionEdit, type SuppressionScope } from '../../../server/src/engine/suppressions';
import { analyze, squiggles } from '../../helpers/engine';

const md = (...lines: string[]) => lines.join('\n') + '\n';
const rulesOf = async (text: string) => (await squiggles('markdown', text)).map((s) => s.rule);

const CS = (directive = '') =>
  md(
    'Azure Batch',
    '',
    '```cs',
    'CloudTask a = new CloudTask("a", "x");',
    ...(directive ? [directive] : []),
    'a.RunElevated = true;',
    '```',
    '',
    '```python',
    "b = batchmodels.TaskAddParameter(id='b', command_line='x', run_elevated=True)",
    '```',
  );

describe('markdown: directives in code blocks', () => {
  it('without a directive, both blocks report', async () => {
    assert.deepEqual(await rulesOf(CS()), ['run-elevated', 'run-elevated']);
  });

  it('next-line in the block’s syntax silences its next line only', async () => {
    const text = CS('// batch-identity-disable-next-line run-elevated');
    const found = await squiggles('markdown', text);
    assert.deepEqual(
      found.map((f) => f.text),
      ['run_elevated'],
    );
  });

  it('file, in any block, silences the whole document', async () => {
    assert.deepEqual(await rulesOf(CS('// batch-identity-disable-file run-elevated')), []);
    assert.deepEqual(await rulesOf(CS('// batch-identity-disable-file hardcoded-password')), ['run-elevated', 'run-elevated']);
  });

  it('not in prose, not in an HTML comment, not in a string of a block', async () => {
    const text = CS().replace(
      'Azure Batch\n',
      'Azure Batch\n\nbatch-identity-disable-file\n\n<!-- batch-identity-disable-file -->\n\n```cs\nvar note = "batch-identity-disable-file";\n```\n',
    );
    assert.deepEqual(await rulesOf(text), ['run-elevated', 'run-elevated']);
  });
});

describe('markdown: the suppression edits the editor offers', () => {
  /** The document after the edit silencing the first finding, checked to silence it; undefined when none is offered. */
  async function suppressed(text: string, scope: SuppressionScope, index = 0): Promise<string | undefined> {
    const analysis = await analyze('markdown', text);
    try {
      const finding = analysis.findings[index];
      assert.ok(finding, 'a finding to suppress');
      const edit = suppressionEdit(text, analysis.file!, undefined, finding.rule, finding.span.start, scope);
      if (!edit) return undefined;
      const after = applyEdits(text, [edit]);
      const left = (await squiggles('markdown', after)).filter((f) => f.rule === finding.rule).length;
      const before = analysis.findings.filter((f) => f.rule === finding.rule).length;
      // The line's finding is silenced; a file directive silences the rule in the whole document.
      assert.equal(left, scope === 'line' ? before - 1 : 0);
      return after;
    } finally {
      analysis.release();
    }
  }

  it('C# at the top level: above the line, and at the block’s top', async () => {
    assert.equal(await suppressed(CS(), 'line'), CS('// batch-identity-disable-next-line run-elevated'));
    assert.equal(await suppressed(CS(), 'file'), CS().replace('```cs\n', '```cs\n// batch-identity-disable-file run-elevated\n'));
  });

  it('Python in a quote: `#`, with the quote mark and the code’s indentation', async () => {
    const text = md(
      'Azure Batch',
      '',
      '> ```python',
      '> b = batchmodels.TaskAddParameter(',
      ">     id='b',",
      '>     run_elevated=True)',
      '> ```',
    );
    assert.equal(
      await suppressed(text, 'line'),
      text.replace('>     run_elevated', '>     # batch-identity-disable-next-line run-elevated\n>     run_elevated'),
    );
  });

  it('Java in a list item: the item’s indentation; a second rule extends the directive', async () => {
    const text = md(
      'Azure Batch',
      '',
      '- Accounts:',
      '',
      '  ```java',
      '  List<UserAccount> accounts = new ArrayList<>();',
      '  accounts.add(new UserAccount().withName("render").withPassword("Render2017").withElevationLevel(ElevationLevel.NONADMIN));',
      '  ```',
    );
    const once = await suppressed(text, 'line');
    assert.equal(once, text.replace('  accounts.add', '  // batch-identity-disable-next-line hardcoded-password\n  accounts.add'));
    const twice = await suppressed(once!, 'line');
    assert.equal(twice, once!.replace('disable-next-line hardcoded-password', 'disable-next-line hardcoded-password, unknown-enum-member'));
  });

  it('JSON: none in a `json` block without comments; `//` in a `jsonc` block or a `json` block with comments', async () => {
    const body = (fence: string, comment = '') =>
      md('```' + fence, '{', ...(comment ? [comment] : []), '  "id": "t", "commandLine": "x",', '  "runElevated": true', '}', '```');
    assert.equal(await suppressed(body('json'), 'line'), undefined);
    assert.equal(await suppressed(body('json'), 'file'), undefined);
    assert.equal(
      await suppressed(body('jsonc'), 'line'),
      body('jsonc').replace('  "runElevated"', '  // batch-identity-disable-next-line run-elevated\n  "runElevated"'),
    );
    assert.equal(
      await suppressed(body('json', '  // the render task'), 'file'),
      body('json', '  // the render task').replace('```json\n', '```json\n// batch-identity-disable-file run-elevated\n'),
    );
  });
});
