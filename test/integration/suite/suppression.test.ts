/// <reference types="mocha" />
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RUN_ELEVATED, SAMPLES, replaced } from '../support/languages';
import { closeAllEditors, extensionApi, openCopy, waitForFindings, quickFixesAt } from '../support/workbench';

const DISABLE_LINE_TITLE = `Disable ${RUN_ELEVATED} for this line`;
/** `itemResolveCount` of vscode.executeCodeActionProvider: more than any file here offers. */

suite('suppression', () => {
  suiteSetup(extensionApi);
  teardown(closeAllEditors);

  for (const sample of SAMPLES) {
    const expected = sample.single.disableLine;
    const title = expected
      ? `${sample.language}: "${DISABLE_LINE_TITLE}" inserts the directive and the squiggle goes`
      : `${sample.language}: "${DISABLE_LINE_TITLE}" is not offered (a comment would break the file for other tools)`;
    test(title, async () => {
      const { uri, editor, original } = await openCopy(sample.single.file, 'disable');
      const [diagnostic] = await waitForFindings(uri, RUN_ELEVATED, 1);
      // Resolved as the quick-fix menu resolves the action the user picks: the server verifies a
      // suppression (a parse) only then (codeAction/resolve).
      const actions = await quickFixesAt(uri, diagnostic.range, true);
      const disable = actions.filter((a) => a.title === DISABLE_LINE_TITLE);
      if (!expected) {
        assert.deepEqual(disable, [], `offered: ${JSON.stringify(actions.map((a) => a.title))}`);
        return;
      }
      assert.equal(disable.length, 1, `offered: ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.ok(!disable[0].isPreferred, 'never the preferred fix');
      assert.ok(disable[0].edit, 'the action carries its edit');
      assert.ok(await vscode.workspace.applyEdit(disable[0].edit));
      assert.equal(editor.document.getText(), replaced(original, expected));
      await waitForFindings(uri, RUN_ELEVATED, 0);
    });
  }
});
