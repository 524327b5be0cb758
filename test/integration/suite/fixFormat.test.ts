/// <reference types="mocha" />
/**
 * Issue 14, "fixes formatted like the file": in a Python project whose pyproject.toml sets black's
 * `line-length = 79` (fixture python-black/), the quick fix writes no line longer than 79 — the
 * call wrapped as black wraps it — and once the pyproject.toml changes on disk (the client's file
 * watcher tells the server), the next quick fix follows the new length.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RUN_ELEVATED } from '../support/languages';
import { closeAllEditors, extensionApi, nextReport, waitForFindings, workspaceFile, quickFixesAt } from '../support/workbench';

const FIXTURE = 'python-black/render_tasks.py';
const PYPROJECT = 'python-black/pyproject.toml';

const FIXED =
  '"""Render tasks, formatted by black with line-length = 79 (pyproject.toml)."""\n\n' +
  'from azure.batch import models\n\n\n' +
  'def render_task(frame):\n' +
  '    return models.TaskAddParameter(\n' +
  '        id=f"render-{frame}",\n' +
  '        command_line="render.sh",\n' +
  '        user_identity=models.UserIdentity(\n' +
  '            auto_user=models.AutoUserSpecification(\n' +
  '                elevation_level=models.ElevationLevel.admin\n' +
  '            )\n' +
  '        ),\n' +
  '    )\n';

const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

/** A copy of the fixture beside it (under the same pyproject.toml), opened in an editor. */
async function openCopyInProject(label: string): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor }> {
  const uri = workspaceFile(`python-black/copies/render_tasks_${label}_${Date.now()}.py`);
  await write(uri, await read(workspaceFile(FIXTURE)));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return { uri, editor };
}

/** The preferred quick fix of the document's run-elevated finding. */
async function preferredFix(uri: vscode.Uri): Promise<vscode.CodeAction> {
  const [diagnostic] = await waitForFindings(uri, RUN_ELEVATED, 1);
  const actions = await quickFixesAt(uri, diagnostic.range);
  const preferred = actions.find((a) => a.isPreferred);
  assert.ok(preferred?.edit, `offered: ${JSON.stringify(actions.map((a) => a.title))}`);
  return preferred;
}

suite('fixes in the format of the project', () => {
  suiteSetup(extensionApi);
  teardown(closeAllEditors);

  test('python: under pyproject.toml line-length = 79 the quick fix writes no line longer than 79', async () => {
    const { uri, editor } = await openCopyInProject('quick_fix');
    assert.ok(await vscode.workspace.applyEdit((await preferredFix(uri)).edit!));
    const text = editor.document.getText();
    assert.equal(text, FIXED);
    const long = text.split('\n').filter((line) => line.length > 79);
    assert.deepEqual(long, [], 'lines longer than 79');
    await waitForFindings(uri, RUN_ELEVATED, 0);
  });

  test('python: a changed pyproject.toml reaches the next quick fix through the file watcher', async () => {
    const pyproject = workspaceFile(PYPROJECT);
    const original = await read(pyproject);
    const { uri, editor } = await openCopyInProject('watched');
    await preferredFix(uri);
    try {
      await write(pyproject, original.replace('line-length = 79', 'line-length = 200'));
      // The server analyses the open document again once the watcher reports the change: until
      // then the fix is still wrapped. Each round waits for the next analysis (armed before asking).
      for (let round = 0; ; round++) {
        const next = nextReport(uri, () => true, 'the analysis after pyproject.toml changed', 20_000);
        next.catch(() => undefined);
        const fix = await preferredFix(uri);
        if (fix.edit!.get(uri).every((edit) => !edit.newText.includes('\n'))) {
          assert.ok(await vscode.workspace.applyEdit(fix.edit!));
          break;
        }
        assert.ok(round < 5, 'the quick fix is still wrapped after five analyses');
        await next;
      }
      const text = editor.document.getText();
      assert.ok(text.includes('user_identity=models.UserIdentity(auto_user=models.AutoUserSpecification('), text);
      assert.ok(text.split('\n').some((line) => line.length > 79));
    } finally {
      await write(pyproject, original);
    }
  });
});
