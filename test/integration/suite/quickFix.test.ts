/// <reference types="mocha" />
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RUN_ELEVATED, SAMPLES, replaced } from '../support/languages';
import { closeAllEditors, extensionApi, openCopy, waitForFindings, quickFixesAt } from '../support/workbench';

suite('quick fix', () => {
  suiteSetup(extensionApi);
  teardown(closeAllEditors);

  for (const sample of SAMPLES) {
    test(`${sample.language}: the preferred quick fix on the squiggle gives the expected text`, async () => {
      const { uri, editor, original } = await openCopy(sample.single.file);
      const [diagnostic] = await waitForFindings(uri, RUN_ELEVATED, 1);
      const actions = await quickFixesAt(uri, diagnostic.range);
      const preferred = actions.filter((a) => a.isPreferred);
      assert.deepEqual(
        preferred.map((a) => a.title),
        [sample.single.preferredFix.title],
        `offered: ${JSON.stringify(actions.map((a) => a.title))}`,
      );
      const edit = preferred[0].edit;
      assert.ok(edit, 'the preferred fix carries its edit');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.equal(editor.document.getText(), replaced(original, sample.single.preferredFix.after));
      await waitForFindings(uri, RUN_ELEVATED, 0);
    });
  }
});
