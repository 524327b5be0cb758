/// <reference types="mocha" />
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SAMPLES } from '../support/languages';
import { closeAllEditors, extensionApi, nextVisibleDocuments, openCopy } from '../support/workbench';

/** The client tells the server which documents the editors show (the server analyses them first). */
suite('visible documents', () => {
  suiteSetup(extensionApi);
  teardown(closeAllEditors);

  test('the server is told the documents of the visible editors, each time they change', async () => {
    const named = (label: string) => (p: { uris: readonly string[] }) => p.uris.some((u) => u.includes(`-${label}-`));
    const aShown = nextVisibleDocuments(named('visible-a'), 'the first copy shown');
    const a = await openCopy(SAMPLES[0].single.file, 'visible-a');
    assert.ok((await aShown).uris.includes(a.uri.toString()));

    // The second copy takes the editor's place, then the first comes back beside it: both are visible.
    const bShown = nextVisibleDocuments(named('visible-b'), 'the second copy shown');
    const b = await openCopy(SAMPLES[1].single.file, 'visible-b');
    await bShown;
    const both = nextVisibleDocuments((p) => p.uris.includes(a.uri.toString()) && p.uris.includes(b.uri.toString()), 'both copies visible');
    await vscode.window.showTextDocument(a.editor.document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    // (Other visible editors, e.g. an output channel, may be named too: the server ignores what it does not hold.)
    const scratch = (await both).uris.filter((u) => u.includes('/scratch/'));
    assert.deepEqual(scratch.sort(), [a.uri.toString(), b.uri.toString()].sort());

    const closed = nextVisibleDocuments((p) => !p.uris.includes(b.uri.toString()), 'no copy visible after closing');
    await closeAllEditors();
    await closed;
  });
});
