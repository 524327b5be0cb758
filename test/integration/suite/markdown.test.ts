/// <reference types="mocha" />
/**
 * A Markdown document in the real VS Code (issue 18): the code blocks' mistakes are squiggled and
 * nothing of the prose or the table, which name the same API; the preferred quick fix, the
 * suppression comment and fix-all on save write inside the fences, in the list item's
 * indentation; the hover shows the replacement in the block's own fence.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { FIX_ALL_KIND } from '../../../common/settings';
import { RUN_ELEVATED, replaced } from '../support/languages';

/** Resolve every action, as the quick-fix menu does for the one the user picks (codeAction/resolve). */
import {
  closeAllEditors,
  extensionApi,
  hoversAt,
  openCopy,
  setSetting,
  squiggled,
  untilAnswered,
  waitForDiagnostics,
  waitForFindings,
  quickFixesAt,
} from '../support/workbench';

const FILE = 'markdown/render-guide.md';
const RUN_ELEVATED_FIXED = {
  from: '   render.RunElevated = true;',
  to: '   render.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));',
};
const NONADMIN_FIXED = { from: 'withElevationLevel(ElevationLevel.NONADMIN));\n', to: 'withElevationLevel(ElevationLevel.NON_ADMIN));\n' };

suite('markdown', () => {
  suiteSetup(extensionApi);
  teardown(async () => {
    await setSetting('editor', 'codeActionsOnSave', undefined);
    await closeAllEditors();
  });

  test('markdown: the code blocks are squiggled, the prose and the table are not', async () => {
    const { uri, editor } = await openCopy(FILE);
    const diagnostics = await waitForDiagnostics(uri, (ds) => ds.length === 2, 'two findings');
    assert.deepEqual(squiggled(editor.document, diagnostics), ['RunElevated', 'NONADMIN']);
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.severity]),
      [
        [16, vscode.DiagnosticSeverity.Warning],
        [22, vscode.DiagnosticSeverity.Error],
      ],
    );
  });

  test('markdown: the preferred quick fix writes inside the fence, in the list item', async () => {
    const { uri, editor, original } = await openCopy(FILE);
    const [diagnostic] = await waitForFindings(uri, RUN_ELEVATED, 1);
    // Asked again after the server's next report: a workspace re-check just after opening (the
    // copy's file event) may supersede the first answer (ContentModified), as in the editor.
    const preferred = await untilAnswered(
      uri,
      async () => {
        const actions = await quickFixesAt(uri, diagnostic.range);
        const found = actions.filter((a) => a.isPreferred);
        return found.length === 1 ? found : undefined;
      },
      'one preferred quick fix',
    );
    assert.ok(await vscode.workspace.applyEdit(preferred[0].edit!));
    assert.equal(editor.document.getText(), replaced(original, [RUN_ELEVATED_FIXED]));
    await waitForFindings(uri, RUN_ELEVATED, 0);
  });

  test('markdown: "Disable run-elevated for this line" writes a C# comment in the block', async () => {
    const { uri, editor, original } = await openCopy(FILE);
    const [diagnostic] = await waitForFindings(uri, RUN_ELEVATED, 1);
    const actions = await quickFixesAt(uri, diagnostic.range, true);
    const disable = actions.find((a) => a.title === `Disable ${RUN_ELEVATED} for this line`);
    assert.ok(disable, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(disable.edit, 'the action carries its edit');
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.equal(
      editor.document.getText(),
      replaced(original, [
        { from: '   render.RunElevated', to: `   // batch-identity-disable-next-line ${RUN_ELEVATED}\n   render.RunElevated` },
      ]),
    );
    await waitForFindings(uri, RUN_ELEVATED, 0);
  });

  test('markdown: the hover on runElevated shows the replacement in the block’s fence', async () => {
    const { uri, editor } = await openCopy(FILE, 'hover');
    const [diagnostic] = await waitForFindings(uri, RUN_ELEVATED, 1);
    const hovers = await hoversAt(uri, diagnostic.range.start.translate(0, 1));
    const ours = hovers.filter((h) => h.markdown.split('\n').includes('In this file it becomes:'));
    assert.equal(ours.length, 1, JSON.stringify(hovers.map((h) => h.markdown)));
    assert.equal(ours[0].range && editor.document.getText(ours[0].range), 'RunElevated');
    assert.ok(
      ours[0].markdown.includes(
        'In this file it becomes:\n\n```csharp\nUserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin))\n```',
      ),
      ours[0].markdown,
    );
  });

  test(`markdown: codeActionsOnSave ${FIX_ALL_KIND} rewrites both blocks on save, nothing else`, async () => {
    await setSetting('editor', 'codeActionsOnSave', { [FIX_ALL_KIND]: 'explicit' });
    const { uri, editor, original } = await openCopy(FILE, 'save');
    await waitForDiagnostics(uri, (ds) => ds.length === 2, 'two findings');
    const edit = { from: '# Render farm\n', to: '# Render farm\n\nEdited.\n' };
    const at = editor.document.getText().indexOf(edit.from);
    assert.ok(await editor.edit((b) => b.insert(editor.document.positionAt(at + edit.from.length), '\nEdited.\n')));
    await vscode.commands.executeCommand('workbench.action.files.save');
    assert.equal(editor.document.isDirty, false, 'saved');
    const expected = replaced(original, [edit, RUN_ELEVATED_FIXED, NONADMIN_FIXED]);
    assert.equal(editor.document.getText(), expected);
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), expected, 'the file on disk');
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no findings');
  });
});
