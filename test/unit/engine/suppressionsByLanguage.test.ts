/**
 * `batch-identity-disable-file` in the three tree-sitter languages, each in its own comment syntax
 * (C# and Java `//`, Python `#`): the directive silences the rules it names (all without a name),
 * and the file-scope suppression edit writes it where it belongs. JSON is covered by suppressions.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/engine/edits';
import type { LanguageId } from '../../../server/src/engine/facts';
import { LANGUAGES } from '../../../server/src/engine/languages';
import { suppressionEdit } from '../../../server/src/engine/suppressions';
import { analyze, squiggles } from '../../helpers/engine';

/** Each sample holds one run-elevated and one unknown-enum-member finding. */
const SAMPLES: { language: Exclude<LanguageId, 'json'>; comment: string; text: string; stringLiteral: (s: string) => string }[] = [
  {
    language: 'csharp',
    comment: '//',
    text:
      'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n\nclass C\n{\n    void M(CloudTask task, StartTask s)\n    {\n' +
      '        task.RunElevated = true;\n' +
      '        s.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Administrator));\n    }\n}\n',
    stringLiteral: (s) => `class Note { const string Text = "${s}"; }\n`,
  },
  {
    language: 'java',
    comment: '//',
    text:
      'package jobs;\n\nimport com.microsoft.azure.batch.protocol.models.*;\n\nclass Jobs {\n  void run(CloudTask task) {\n' +
      '    task.withRunElevated(true);\n' +
      '    StartTask s = new StartTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMINISTRATOR)));\n  }\n}\n',
    stringLiteral: (s) => `class Note { static final String TEXT = "${s}"; }\n`,
  },
  {
    language: 'python',
    comment: '#',
    text:
      'import azure.batch.models as batchmodels\n' +
      "t = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n" +
      "s = batchmodels.StartTask(command_line='x', user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.administrator)))\n",
    stringLiteral: (s) => `NOTE = "${s}"\n`,
  },
  {
    language: 'typescript',
    comment: '//',
    text:
      "import { BatchServiceModels } from '@azure/batch';\n" +
      "export const t: BatchServiceModels.TaskAddParameter = { id: 't', commandLine: 'x', runElevated: true };\n" +
      "export const s: BatchServiceModels.StartTask = { commandLine: 'x', userIdentity: { autoUser: { elevationLevel: 'administrator' } } };\n",
    stringLiteral: (s) => `export const NOTE = "${s}";\n`,
  },
];

const rulesOf = async (language: LanguageId, text: string) => (await squiggles(language, text)).map((s) => s.rule);

for (const { language, comment, text, stringLiteral } of SAMPLES) {
  describe(`${language}: batch-identity-disable-file`, () => {
    it('the sample has both findings without a directive', async () => {
      assert.deepEqual(await rulesOf(language, text), ['run-elevated', 'unknown-enum-member']);
    });

    it(`the language's line comment is ${comment}`, () => {
      assert.equal(LANGUAGES[language].lineComment, comment);
    });

    it('a named rule is silenced everywhere in the file, the others stay', async () => {
      assert.deepEqual(await rulesOf(language, `${comment} batch-identity-disable-file run-elevated\n${text}`), ['unknown-enum-member']);
      assert.deepEqual(await rulesOf(language, `${comment} batch-identity-disable-file unknown-enum-member\n${text}`), ['run-elevated']);
      // At the end of the file, after the findings, it works the same.
      assert.deepEqual(await rulesOf(language, `${text}${comment} batch-identity-disable-file run-elevated\n`), ['unknown-enum-member']);
    });

    it('several rules may be listed; a rule not in the file silences nothing', async () => {
      assert.deepEqual(await rulesOf(language, `${comment} batch-identity-disable-file run-elevated, unknown-enum-member\n${text}`), []);
      assert.deepEqual(await rulesOf(language, `${comment} batch-identity-disable-file identity-conflict\n${text}`), [
        'run-elevated',
        'unknown-enum-member',
      ]);
    });

    it('without a rule name every rule is silenced', async () => {
      assert.deepEqual(await rulesOf(language, `${comment} batch-identity-disable-file\n${text}`), []);
    });

    it('a directive inside a string literal does nothing', async () => {
      assert.deepEqual(await rulesOf(language, `${text}${stringLiteral('batch-identity-disable-file')}`), [
        'run-elevated',
        'unknown-enum-member',
      ]);
    });
  });
}

describe('file-scope suppression edits in each language', () => {
  async function suppress(language: LanguageId, text: string, rule: string): Promise<string> {
    const analysis = await analyze(language, text);
    try {
      const finding = analysis.findings.find((f) => f.rule === rule);
      assert.ok(finding, `no ${rule} finding to suppress`);
      const edit = suppressionEdit(text, analysis.file!, LANGUAGES[language].lineComment, rule, finding.span.start, 'file');
      assert.ok(edit, 'a suppression edit');
      return applyEdits(text, [edit]);
    } finally {
      // The directives are found through the syntax tree: free it only once the edit is made.
      analysis.release();
    }
  }

  for (const { language, comment, text } of SAMPLES) {
    it(`${language}: the directive goes on the first line, in ${comment}, and the finding is gone`, async () => {
      const once = await suppress(language, text, 'run-elevated');
      assert.equal(once, `${comment} batch-identity-disable-file run-elevated\n${text}`);
      assert.deepEqual(await rulesOf(language, once), ['unknown-enum-member']);
    });

    it(`${language}: a second rule extends the existing directive`, async () => {
      const once = await suppress(language, text, 'run-elevated');
      const twice = await suppress(language, once, 'unknown-enum-member');
      assert.equal(twice, `${comment} batch-identity-disable-file run-elevated, unknown-enum-member\n${text}`);
      assert.deepEqual(await rulesOf(language, twice), []);
    });

    it(`${language}: CRLF files get a CRLF directive`, async () => {
      const crlf = text.replace(/\n/g, '\r\n');
      const once = await suppress(language, crlf, 'run-elevated');
      assert.equal(once, `${comment} batch-identity-disable-file run-elevated\r\n${crlf}`);
      assert.deepEqual(await rulesOf(language, once), ['unknown-enum-member']);
    });
  }

  it('python: the directive goes after a shebang and a coding line', async () => {
    const python = SAMPLES.find((s) => s.language === 'python')!.text;
    const head = '#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n';
    const once = await suppress('python', `${head}${python}`, 'run-elevated');
    assert.equal(once, `${head}# batch-identity-disable-file run-elevated\n${python}`);
    assert.deepEqual(await rulesOf('python', once), ['unknown-enum-member']);
  });

  it('python: after a shebang alone, the directive is the second line', async () => {
    const python = SAMPLES.find((s) => s.language === 'python')!.text;
    const once = await suppress('python', `#!/usr/bin/env python3\n${python}`, 'unknown-enum-member');
    assert.equal(once, `#!/usr/bin/env python3\n# batch-identity-disable-file unknown-enum-member\n${python}`);
    assert.deepEqual(await rulesOf('python', once), ['run-elevated']);
  });
});
