import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/engine/edits';
import { suppressionEdit } from '../../../server/src/engine/suppressions';
import { analyze, squiggles } from '../../helpers/engine';

const TASK = (before: string, inner = '') =>
  `${before}{\n  "id": "t",\n  "commandLine": "x",${inner}\n  "runElevated": true,\n  "userIdentity": {"username": "", "autoUser": {}}\n}\n`;

describe('suppression comments', () => {
  it('disable-next-line silences the named rule on the next line only', async () => {
    const text = TASK('', '\n  // batch-identity-disable-next-line run-elevated');
    assert.deepEqual(
      (await squiggles('json', text)).map((s) => s.rule),
      ['identity-conflict'],
    );
  });

  it('without rule ids every rule is silenced; several ids may be listed', async () => {
    assert.deepEqual(await squiggles('json', TASK('', '\n  /* batch-identity-disable-next-line */')), [
      { rule: 'identity-conflict', severity: 'warning', text: '"userIdentity"' },
    ]);
    const both = '{\n  "commandLine": "x",\n  // batch-identity-disable-next-line unknown-user, run-elevated\n  "runElevated": true\n}';
    assert.deepEqual(await squiggles('json', both), []);
  });

  it('disable-file silences the rule everywhere', async () => {
    assert.deepEqual(
      (await squiggles('json', TASK('// batch-identity-disable-file identity-conflict\n'))).map((s) => s.rule),
      ['run-elevated'],
    );
    assert.deepEqual(await squiggles('json', TASK('// batch-identity-disable-file\n')), []);
  });

  it('a directive inside a string does nothing', async () => {
    const text = '{\n  "commandLine": "x", "note": "// batch-identity-disable-file",\n  "runElevated": true\n}';
    assert.deepEqual(
      (await squiggles('json', text)).map((s) => s.rule),
      ['run-elevated'],
    );
  });
});

describe('suppression edits', () => {
  async function suppress(text: string, rule: string, scope: 'line' | 'file') {
    const analysis = await analyze('json', text);
    const finding = analysis.findings.find((f) => f.rule === rule)!;
    return applyEdits(text, [suppressionEdit(text, analysis.file!, '//', rule, finding.span.start, scope)!]);
  }

  it('a next-line directive goes above the finding, in its indentation and line ending', async () => {
    const text = '{\r\n\t"commandLine": "x",\r\n\t"runElevated": true\r\n}';
    assert.equal(
      await suppress(text, 'run-elevated', 'line'),
      '{\r\n\t"commandLine": "x",\r\n\t// batch-identity-disable-next-line run-elevated\r\n\t"runElevated": true\r\n}',
    );
  });

  it('an existing directive of the line is extended, not repeated', async () => {
    const text =
      '{\n  "commandLine": "x",\n  // batch-identity-disable-next-line identity-conflict\n  "runElevated": true, "userIdentity": {}\n}';
    const once = await suppress(text, 'run-elevated', 'line');
    assert.equal(once, text.replace('identity-conflict\n', 'identity-conflict, run-elevated\n'));
    assert.deepEqual(await squiggles('json', once), []);
  });

  it('a file directive goes first, or extends the existing one', async () => {
    const text = TASK('');
    const once = await suppress(text, 'run-elevated', 'file');
    assert.equal(once, `// batch-identity-disable-file run-elevated\n${text}`);
    assert.equal(
      await suppress(once, 'identity-conflict', 'file'),
      `// batch-identity-disable-file run-elevated, identity-conflict\n${text}`,
    );
  });
});
