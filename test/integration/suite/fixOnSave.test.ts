/// <reference types="mocha" />
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { FIX_ALL_KIND } from '../../../common/settings';
import { RUN_ELEVATED, SAMPLES, replaced, type Replacement } from '../support/languages';
import { editorClip, screenshot } from '../support/runner';
import { closeAllEditors, extensionApi, openCopy, setSetting, tidyForScreenshots, waitForFindings } from '../support/workbench';

/** Makes the change a person makes before saving, in the open editor. */
async function change(editor: vscode.TextEditor, { from, to }: Replacement): Promise<void> {
  const at = editor.document.getText().indexOf(from);
  assert.ok(at >= 0, `fixture text ${JSON.stringify(from)}`);
  const range = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + from.length));
  assert.ok(await editor.edit((builder) => builder.replace(range, to)));
}

/** Ctrl+S on the active editor: an explicit save, which is what "explicit" code actions run on. */
async function saveActive(document: vscode.TextDocument): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.save');
  assert.equal(document.isDirty, false, 'saved');
}

suite('fix on save', () => {
  suiteSetup(async () => {
    await extensionApi();
    await tidyForScreenshots();
  });
  teardown(async () => {
    await setSetting('editor', 'codeActionsOnSave', undefined);
    await closeAllEditors();
  });

  for (const sample of SAMPLES) {
    test(`${sample.language}: codeActionsOnSave ${FIX_ALL_KIND} rewrites the file on save`, async () => {
      await setSetting('editor', 'codeActionsOnSave', { [FIX_ALL_KIND]: 'explicit' });
      const { uri, editor, original } = await openCopy(sample.several.file, 'save');
      await waitForFindings(uri, RUN_ELEVATED, sample.several.squiggled.length);
      await change(editor, sample.several.edit);
      await saveActive(editor.document);

      const expected = replaced(replaced(original, [sample.several.edit]), sample.several.afterSave);
      assert.equal(editor.document.getText(), expected);
      assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), expected, 'the file on disk');
      await waitForFindings(uri, RUN_ELEVATED, 0);
      await screenshot(`${sample.language}-fixed-on-save`, { selector: '.monaco-editor .view-lines', text: 'userIdentity' }, editorClip());
    });

    test(`${sample.language}: without the setting, saving leaves the file as typed`, async () => {
      const { uri, editor, original } = await openCopy(sample.several.file, 'save');
      await waitForFindings(uri, RUN_ELEVATED, sample.several.squiggled.length);
      await change(editor, sample.several.edit);
      await saveActive(editor.document);
      assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), replaced(original, [sample.several.edit]));
    });
  }
});
