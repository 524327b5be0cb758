/// <reference types="mocha" />
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RUN_ELEVATED, SAMPLES } from '../support/languages';
import { closeAllEditors, extensionApi, openCopy, squiggled, waitForFindings } from '../support/workbench';

suite('typing', () => {
  suiteSetup(extensionApi);
  teardown(closeAllEditors);

  for (const sample of SAMPLES) {
    test(`${sample.language}: typing runElevated brings a squiggle, deleting it takes it away`, async () => {
      const { uri, editor, original } = await openCopy(sample.typing.file);
      await waitForFindings(uri, RUN_ELEVATED, 0);
      const start = original.indexOf(sample.typing.after) + sample.typing.after.length;
      assert.ok(start >= sample.typing.after.length, 'fixture text');

      // A few characters at a time, each edit sent as it is made, as when a person types.
      const { insert } = sample.typing;
      for (let typed = 0; typed < insert.length; typed += 3) {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(uri, editor.document.positionAt(start + typed), insert.slice(typed, typed + 3));
        assert.ok(await vscode.workspace.applyEdit(edit));
      }
      const diagnostics = await waitForFindings(uri, RUN_ELEVATED, 1);
      assert.deepEqual(squiggled(editor.document, diagnostics), [sample.typing.squiggled]);

      const removal = new vscode.WorkspaceEdit();
      removal.delete(uri, new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + insert.length)));
      assert.ok(await vscode.workspace.applyEdit(removal));
      assert.equal(editor.document.getText(), original);
      await waitForFindings(uri, RUN_ELEVATED, 0);
    });
  }
});
