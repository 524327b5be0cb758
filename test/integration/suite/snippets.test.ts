/// <reference types="mocha" />
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SAMPLES } from '../support/languages';
import { closeAllEditors, extensionApi, openCopy, waitForDiagnostics } from '../support/workbench';

/** The prefixes every language's snippets share (snippets/*.json). */
const PREFIXES = [
  'batch-autouser-admin',
  'batch-autouser-pool',
  'batch-pool-users-windows',
  'batch-pool-users-linux',
  'batch-task-named-user',
  'batch-starttask-admin',
];
/** What a person types before asking for completions. */
const TYPED = 'batch';

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

suite('snippets', () => {
  suiteSetup(extensionApi);
  teardown(closeAllEditors);

  for (const sample of SAMPLES) {
    test(`${sample.language}: completion lists the Batch snippets${sample.snippets.insert ? '; the inserted auto-user snippet has no findings' : ''}`, async () => {
      const { uri, editor, original } = await openCopy(sample.typing.file, 'snippet');
      const at = original.indexOf(sample.snippets.after);
      assert.ok(at >= 0, `fixture text ${JSON.stringify(sample.snippets.after)}`);
      const lineStart = editor.document.positionAt(at + sample.snippets.after.length);
      assert.ok(await editor.edit((b) => b.insert(lineStart, `\n${sample.snippets.indent}${TYPED}`)));
      const end = editor.document.positionAt(at + sample.snippets.after.length + 1 + sample.snippets.indent.length + TYPED.length);

      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, end);
      const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet && labelOf(i).startsWith('batch-'));
      assert.deepEqual(
        snippets.map(labelOf).sort(),
        [...(sample.snippets.prefixes ?? PREFIXES)].sort(),
        `snippets offered: ${JSON.stringify(list.items.map(labelOf))}`,
      );

      const autoUser = snippets.find((i) => labelOf(i) === 'batch-autouser-admin')!;
      assert.ok(autoUser.insertText instanceof vscode.SnippetString, 'a snippet to insert');
      assert.match(autoUser.insertText.value, /user_?identity/i);
      if (!sample.snippets.insert) return;

      // Inserted over the typed word with its default values, as accepting the completion does
      // (a server's item over its own range, keeping its whitespace when it says so, with its additional edits).
      const typed = autoUser.range instanceof vscode.Range ? autoUser.range : new vscode.Range(end.translate(0, -TYPED.length), end);
      const options: Parameters<vscode.TextEditor['insertSnippet']>[2] & { keepWhitespace?: boolean } = {
        undoStopBefore: true,
        undoStopAfter: true,
        keepWhitespace: autoUser.keepWhitespace ?? false,
      };
      assert.ok(await editor.insertSnippet(autoUser.insertText, typed, options));
      if (autoUser.additionalTextEdits?.length) {
        const edit = new vscode.WorkspaceEdit();
        edit.set(uri, autoUser.additionalTextEdits);
        assert.ok(await vscode.workspace.applyEdit(edit));
      }
      assert.match(editor.document.getText(), /ElevationLevel\.(Admin|ADMIN|admin)\b|"elevationLevel": "admin"/);
      assert.ok(!editor.document.getText().includes(`${TYPED}\n`), 'the typed word was replaced');
      await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no findings in the inserted snippet');
      // JSON: VS Code's own JSON support finds no syntax error either.
      assert.deepEqual(
        vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'json'),
        [],
      );
    });
  }
});
