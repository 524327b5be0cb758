/// <reference types="mocha" />
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { RUN_ELEVATED, SAMPLES } from '../support/languages';
import {
  EXTENSION_ID,
  closeAllEditors,
  errorHandlerOf,
  extensionApi,
  nextReport,
  openCopy,
  serverPid,
  waitForFindings,
} from '../support/workbench';

suite('server restart', () => {
  suiteSetup(extensionApi);
  teardown(closeAllEditors);

  test('a killed server is restarted and the diagnostics of open files come back', async () => {
    const api = await extensionApi();
    const serverModule = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'server.js');
    const opened = [];
    for (const sample of SAMPLES) opened.push(await openCopy(sample.single.file));
    for (const { uri } of opened) await waitForFindings(uri, RUN_ELEVATED, 1);

    const killed = serverPid(serverModule);
    assert.ok(killed, `a child process of the extension host (${process.pid}) runs ${serverModule}`);
    const restartsBefore = errorHandlerOf(api).restarts;
    // Reports can only come from a server that runs again and was sent the open documents.
    const reports = opened.map(({ uri }) =>
      nextReport(uri, (r) => r.state === 'analysed' && r.findings === 1, 'a report from the restarted server', 20_000),
    );
    process.kill(killed, 'SIGKILL');
    await Promise.all(reports);

    for (const { uri } of opened) await waitForFindings(uri, RUN_ELEVATED, 1);
    const restarted = serverPid(serverModule);
    assert.ok(restarted !== undefined && restarted !== killed, `a new server process (was ${killed}, now ${restarted})`);
    assert.equal(errorHandlerOf(api).restarts, restartsBefore + 1);
  });

  test('a second crash is restarted too, and the user is told only once', async () => {
    const api = await extensionApi();
    const serverModule = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'server.js');
    const { uri } = await openCopy(SAMPLES[0].single.file);
    await waitForFindings(uri, RUN_ELEVATED, 1);
    const handler = errorHandlerOf(api);
    const before = handler.restarts;
    const killed = serverPid(serverModule);
    assert.ok(killed);
    const report = nextReport(uri, (r) => r.state === 'analysed' && r.findings === 1, 'a report from the restarted server', 20_000);
    process.kill(killed, 'SIGKILL');
    await report;
    assert.equal(handler.restarts, before + 1);
    assert.equal(handler.notices, 1, 'one notification for all crashes of the session');
  });
});
