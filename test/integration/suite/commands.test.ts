/// <reference types="mocha" />
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { TRACE_CHANNEL } from '../../../client/src/trace';
import { COMMANDS, FIX_ALL_TITLE } from '../../../common/protocol';
import { RUN_ELEVATED, SAMPLES, replaced } from '../support/languages';
import { click, expectVisible, runner, screenshot } from '../support/runner';
import {
  EXTENSION_ID,
  closeAllEditors,
  errorHandlerOf,
  extensionApi,
  nextReport,
  openCopy,
  serverPid,
  setSetting,
  waitForFindings,
  waitForOutputShowing,
} from '../support/workbench';

suite('commands and status', () => {
  suiteSetup(extensionApi);
  teardown(async () => {
    await setSetting('batchIdentity', 'maxFileSizeKB', undefined);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await closeAllEditors();
  });

  for (const sample of SAMPLES) {
    test(`${sample.language}: "${FIX_ALL_TITLE}" fixes the active file; the status item counts its problems`, async () => {
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

  test('"Restart Server" starts a new server process, the open file is analysed again, and no crash is reported', async () => {
    const api = await extensionApi();
    const serverModule = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'server.js');
    const { uri } = await openCopy(SAMPLES[0].single.file, 'restart');
    await waitForFindings(uri, RUN_ELEVATED, 1);
    const before = serverPid(serverModule);
    assert.ok(before, 'a server runs');
    const handler = errorHandlerOf(api);
    const { restarts, notices } = handler;
    // Only a server started again, and sent the open documents, can report on this file.
    const report = nextReport(uri, (r) => r.state === 'analysed' && r.findings === 1, 'a report from the new server', 20_000);
    await vscode.commands.executeCommand(COMMANDS.restartServer);
    await report;
    await waitForFindings(uri, RUN_ELEVATED, 1);
    const after = serverPid(serverModule);
    assert.ok(after !== undefined && after !== before, `a new server process (was ${before}, now ${after})`);
    assert.equal(handler.restarts, restarts, 'a requested restart is not a crash');
    assert.equal(handler.notices, notices, 'and nobody is told about one');
    await vscode.commands.executeCommand(COMMANDS.showOutput);
    await waitForOutputShowing('Restarting the server on request.');
  });

  test('the language status item opens the output when clicked', async () => {
    const { status } = await extensionApi();
    const { uri } = await openCopy(SAMPLES[0].single.file, 'status');
    await waitForFindings(uri, RUN_ELEVATED, 1);
    assert.deepEqual(status.command && { command: status.command.command, title: status.command.title }, {
      command: COMMANDS.showOutput,
      title: 'Show Output',
    });
    await vscode.commands.executeCommand('workbench.action.closePanel');
    if (runner.available) {
      // As a person does it: the {} item in the status bar opens its hover, whose link runs the command.
      await click({ selector: '[id="status.languageStatus"]' });
      await click({ selector: '.hover-language-status .right a', text: 'Show Output' });
    } else {
      await vscode.commands.executeCommand(status.command!.command, ...(status.command!.arguments ?? []));
    }
    await waitForOutputShowing('Workspace scan:');
  });

  test('batchIdentity.trace.server applies without reload: the protocol is traced in its channel, then no more', async () => {
    const { trace } = await extensionApi();
    const shown = (text: string) => waitForOutputShowing(text, undefined, TRACE_CHANNEL);
    await setSetting('batchIdentity', 'trace.server', 'verbose');
    try {
      const traced = await openCopy(SAMPLES[0].single.file, 'traced');
      await waitForFindings(traced.uri, RUN_ELEVATED, 1);
      trace.show(true);
      await shown(`Sending notification 'textDocument/didOpen'`);
      // Verbose traces carry the messages' parameters: the document's name shows in them.
      await shown(path.basename(traced.uri.path));
    } finally {
      await setSetting('batchIdentity', 'trace.server', undefined);
    }
    // Lines reach the channel in order: what lies between two markers was traced between them.
    const marker = `trace check ${Date.now()}`;
    trace.appendLine(`${marker} start`);
    const quiet = await openCopy(SAMPLES[1].single.file, 'untraced');
    await waitForFindings(quiet.uri, RUN_ELEVATED, 1);
    trace.appendLine(`${marker} end`);
    trace.show(true);
    const text = (await shown(`${marker} end`)).getText();
    const between = text.slice(text.indexOf(`${marker} start`), text.indexOf(`${marker} end`));
    assert.doesNotMatch(between, /Sending notification 'textDocument\/didOpen'/, 'nothing traced once the setting is back to off');
  });
});
