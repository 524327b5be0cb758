/// <reference types="mocha" />
/**
 * "Batch Identity: Migrate Workspace…" in the real VS Code (issue 17.1). The Refactor Preview cannot
 * be clicked reliably, so the extension's review hook stands in for it: it checks the annotations
 * the preview would show (one per file, needing confirmation) and applies the edit with one file
 * left out, as a user who unticks it. The edit goes through vscode-languageclient's own handling
 * (versions checked) to `vscode.workspace.applyEdit`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TextDocumentEdit } from 'vscode-languageclient/node';
import { SERVER_COMMANDS, type MigrationSummary } from '../../../common/protocol';
import { SAMPLES, replaced } from '../support/languages';
import { closeAllEditors, extensionApi, setSetting } from '../support/workbench';

const root = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
const ANNOTATION = 'batchIdentity.migrate:';

/** Writes a file of the workspace (path relative to it). */
function write(relative: string, text: string): vscode.Uri {
  const file = path.join(root(), relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

suite('migrate workspace', () => {
  suiteSetup(extensionApi);
  teardown(async () => {
    (await extensionApi()).migration.review = undefined;
    await closeAllEditors();
    await setSetting('files', 'exclude', undefined);
    fs.rmSync(path.join(root(), 'migration'), { recursive: true, force: true });
    fs.rmSync(path.join(root(), '.gitignore'), { force: true });
  });

  test('Migrate Workspace: one edit annotated per file for review; with one file refused, every other file is migrated and that one untouched', async () => {
    const api = await extensionApi();
    // Only migration/ takes part: the other suites' fixtures are ignored as git would ignore them.
    write('.gitignore', '/*\n!/migration/\n');
    write('migration/.gitignore', 'generated/\n');
    await setSetting('files', 'exclude', { '**/excluded': true });

    const files = SAMPLES.map((sample) => {
      const original = fs.readFileSync(path.join(root(), sample.several.file), 'utf8');
      const uri = write(`migration/${sample.several.file}`, original);
      return { sample, uri, original, expected: replaced(original, sample.several.afterSave) };
    });
    const first = SAMPLES[0];
    const untouchable = [
      write(`migration/generated/${path.basename(first.several.file)}`, files[0].original),
      write(`migration/excluded/${path.basename(first.several.file)}`, files[0].original),
    ];
    // One document open with a change not saved: the migration starts from the buffer, not the disk.
    const open = files.find((f) => f.sample.language === 'python')!;
    const editor = await vscode.window.showTextDocument(open.uri);
    const edit = open.sample.several.edit;
    assert.ok(await editor.edit((e) => e.replace(rangeOf(editor.document, edit.from), edit.to)));
    open.expected = replaced(replaced(open.original, [edit]), open.sample.several.afterSave);
    const refused = files.find((f) => f.sample.language === 'java')!;

    let reviewed = 0;
    api.migration.review = async (params, apply) => {
      reviewed++;
      const changes = params.edit.documentChanges as TextDocumentEdit[];
      const annotations = params.edit.changeAnnotations ?? {};
      assert.deepEqual(
        changes.map((c) => vscode.Uri.parse(c.textDocument.uri).fsPath).sort(),
        files.map((f) => f.uri.fsPath).sort(),
        'every sample file, nothing ignored or excluded',
      );
      // One annotation per file, needing confirmation: what the Refactor Preview lists with a tick box.
      assert.equal(Object.keys(annotations).length, changes.length);
      for (const change of changes) {
        const ids = new Set(change.edits.map((e) => ('annotationId' in e ? e.annotationId : undefined)));
        assert.equal(ids.size, 1, change.textDocument.uri);
        const id = [...ids][0]!;
        assert.ok(id.startsWith(ANNOTATION), id);
        assert.equal(annotations[id].needsConfirmation, true);
        const isOpen = change.textDocument.uri === open.uri.toString();
        assert.equal(change.textDocument.version, isOpen ? editor.document.version : null, change.textDocument.uri);
      }
      // The user unticks one file and applies the rest.
      const kept = changes.filter((c) => c.textDocument.uri !== refused.uri.toString());
      const confirmed = Object.fromEntries(Object.entries(annotations).map(([id, a]) => [id, { ...a, needsConfirmation: false }]));
      return apply({ ...params, edit: { documentChanges: kept, changeAnnotations: confirmed } });
    };

    const summary = (await vscode.commands.executeCommand(SERVER_COMMANDS.migrateWorkspace, { scope: 'omit' })) as MigrationSummary;
    assert.equal(reviewed, 1);
    assert.equal(summary.applied, true, summary.notApplied);
    assert.deepEqual(summary.skipped, []);
    assert.equal(summary.files, SAMPLES.length);
    assert.equal(
      summary.changes,
      SAMPLES.reduce((n, s) => n + s.several.squiggled.length, 0),
    );
    assert.ok(summary.excluded >= 2, `excluded ${summary.excluded}`);

    for (const { sample, uri, original, expected } of files) {
      const document = await vscode.workspace.openTextDocument(uri);
      if (uri === refused.uri) {
        assert.equal(document.getText(), original, `${sample.language}: refused, untouched`);
        assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), original);
      } else {
        assert.equal(document.getText(), expected, `${sample.language}: migrated`);
        // A refactoring of several files is saved (files.refactoring.autoSave).
        assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), expected, `${sample.language}: saved`);
      }
    }
    for (const uri of untouchable) assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), files[0].original, uri.fsPath);
  });
});

function rangeOf(document: vscode.TextDocument, text: string): vscode.Range {
  const at = document.getText().indexOf(text);
  assert.ok(at >= 0, `${JSON.stringify(text)} in ${document.uri.fsPath}`);
  return new vscode.Range(document.positionAt(at), document.positionAt(at + text.length));
}
