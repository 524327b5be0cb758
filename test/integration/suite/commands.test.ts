/// <reference types="mocha" />
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../common/protocol';
import { RUN_ELEVATED, SAMPLES, replaced } from '../support/languages';
import { expectVisible, runner, screenshot } from '../support/runner';
import { closeAllEditors, extensionApi, nextReport, openCopy, setSetting, waitForFindings, waitForOutputShowing } from '../support/workbench';

suite('commands and status', () => {
  suiteSetup(extensionApi);
  teardown(async () => {
    await setSetting('batchIdentity', 'maxFileSizeKB', undefined);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await closeAllEditors();
  });

  for (const sample of SAMPLES) {
    test(`${sample.language}: "Fix All in File" fixes the active file; the status item counts its problems`, async () => {
      const { status } = await extensionApi();
      const { uri, editor, original } = await openCopy(sample.several.file, 'command');
      const count = sample.several.squiggled.length;
      await waitForFindings(uri, RUN_ELEVATED, count);
      assert.equal(status.text, `Batch Identity: ${count} problems`);

      await vscode.commands.executeCommand(COMMANDS.fixAllInFile);
      // The command returns once the server's edit is applied.
      assert.equal(editor.document.getText(), replaced(original, sample.several.afterSave));
      await waitForFindings(uri, RUN_ELEVATED, 0);
      assert.equal(status.text, 'Batch Identity: no problems');
    });
  }

  test('a file over batchIdentity.maxFileSizeKB is skipped; "Show Output" shows the reason', async () => {
    const { status } = await extensionApi();
    const sample = SAMPLES[0];
    const { uri, editor } = await openCopy(sample.single.file, 'large');
    await waitForFindings(uri, RUN_ELEVATED, 1);
    // Two kilobytes of blank lines at the end keep the code as it is, and the file over 1 KB.
    const padding = new vscode.WorkspaceEdit();
    padding.insert(uri, editor.document.positionAt(editor.document.getText().length), '\n'.repeat(2048));
    assert.ok(await vscode.workspace.applyEdit(padding));
    await waitForFindings(uri, RUN_ELEVATED, 1);

    const reason = 'the file is larger than batchIdentity.maxFileSizeKB (1 KB)';
    const skipped = nextReport(uri, (r) => r.state === 'skipped', 'a skipped report');
    await setSetting('batchIdentity', 'maxFileSizeKB', 1);
    assert.equal((await skipped).reason, reason);
    await waitForFindings(uri, RUN_ELEVATED, 0);
    assert.equal(status.text, `Batch Identity: skipped (${reason})`);

    await vscode.commands.executeCommand(COMMANDS.showOutput);
    await waitForOutputShowing(`Skipped ${uri.toString()}: ${reason}.`);
    if (runner.available) {
      const line = { selector: '.part.panel .monaco-editor .view-lines', text: reason };
      await expectVisible(line);
      await screenshot('output-skipped-file', line, { targets: [{ selector: '.part.panel' }] });
    }

    await setSetting('batchIdentity', 'maxFileSizeKB', undefined);
    await waitForFindings(uri, RUN_ELEVATED, 1);
  });
});
