/// <reference types="mocha" />
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SAMPLES, type LanguageSample } from '../support/languages';
import { closeAllEditors, extensionApi, openCopy, waitForDiagnostics, waitForNoJsonSyntaxErrors } from '../support/workbench';

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

/** A copy of the sample's clean file with the typed word on a new line after `after`, and where the word ends. */
async function typedIn(sample: LanguageSample): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor; end: vscode.Position }> {
  const { uri, editor, original } = await openCopy(sample.typing.file, 'snippet');
  const at = original.indexOf(sample.snippets.after);
  assert.ok(at >= 0, `fixture text ${JSON.stringify(sample.snippets.after)}`);
  const lineStart = editor.document.positionAt(at + sample.snippets.after.length);
  assert.ok(await editor.edit((b) => b.insert(lineStart, `\n${sample.snippets.indent}${TYPED}`)));
  const end = editor.document.positionAt(at + sample.snippets.after.length + 1 + sample.snippets.indent.length + TYPED.length);
  return { uri, editor, end };
}

async function snippetsAt(
  uri: vscode.Uri,
  end: vscode.Position,
): Promise<{ snippets: vscode.CompletionItem[]; all: vscode.CompletionItem[] }> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, end);
  return {
    snippets: list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet && labelOf(i).startsWith('batch-')),
    all: list.items,
  };
}

/**
 * Inserts an item over the typed word with its default values, as accepting the completion does
 * (a server's item over its own range, keeping its whitespace when it says so, with its additional edits).
 */
async function insert(editor: vscode.TextEditor, item: vscode.CompletionItem, end: vscode.Position): Promise<void> {
  assert.ok(item.insertText instanceof vscode.SnippetString, 'a snippet to insert');
  const typed = item.range instanceof vscode.Range ? item.range : new vscode.Range(end.translate(0, -TYPED.length), end);
  const options: Parameters<vscode.TextEditor['insertSnippet']>[2] & { keepWhitespace?: boolean } = {
    undoStopBefore: true,
    undoStopAfter: true,
    keepWhitespace: item.keepWhitespace ?? false,
  };
  assert.ok(await editor.insertSnippet(item.insertText, typed, options));
  if (item.additionalTextEdits?.length) {
    const edit = new vscode.WorkspaceEdit();
    edit.set(editor.document.uri, item.additionalTextEdits);
    assert.ok(await vscode.workspace.applyEdit(edit));
  }
}

/** No finding of ours, and (JSON) no syntax error from VS Code's own JSON support. */
async function clean(uri: vscode.Uri, what: string): Promise<void> {
  await waitForDiagnostics(uri, (ds) => ds.length === 0, `no findings in ${what}`);
  await waitForNoJsonSyntaxErrors(uri, what);
}

suite('snippets', () => {
  suiteSetup(extensionApi);
  teardown(closeAllEditors);

  for (const sample of SAMPLES) {
    test(`${sample.language}: completion lists the Batch snippets${sample.snippets.insert ? '; the inserted auto-user snippet has no findings' : ''}`, async () => {
      const { uri, editor, end } = await typedIn(sample);
      const { snippets, all } = await snippetsAt(uri, end);
      assert.deepEqual(
        snippets.map(labelOf).sort(),
        [...(sample.snippets.prefixes ?? PREFIXES)].sort(),
        `snippets offered: ${JSON.stringify(all.map(labelOf))}`,
      );

      const autoUser = snippets.find((i) => labelOf(i) === 'batch-autouser-admin')!;
      assert.ok(autoUser.insertText instanceof vscode.SnippetString, 'a snippet to insert');
      assert.match(autoUser.insertText.value, /user_?identity/i);
      if (!sample.snippets.insert) return;

      await insert(editor, autoUser, end);
      assert.match(editor.document.getText(), /ElevationLevel\.(Admin|ADMIN|admin)\b|"elevationLevel": "admin"|elevationLevel: 'admin'/);
      assert.ok(!editor.document.getText().includes(`${TYPED}\n`), 'the typed word was replaced');
      await clean(uri, 'the inserted snippet');
    });

    if (sample.snippets.insert)
      test(`${sample.language}: each snippet offered there, inserted in its own copy, has no syntax error and no finding`, async () => {
        const first = await typedIn(sample);
        const labels = (await snippetsAt(first.uri, first.end)).snippets.map(labelOf);
        for (const label of labels) {
          const { uri, editor, end } = await typedIn(sample);
          const item = (await snippetsAt(uri, end)).snippets.find((i) => labelOf(i) === label)!;
          await insert(editor, item, end);
          await clean(uri, label);
        }
      });
  }
});
