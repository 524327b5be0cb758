/// <reference types="mocha" />
/**
 * Completion in the real VS Code (`vscode.executeCompletionItemProvider`), in each language: the
 * workspace's pool accounts at a user name (defined in json/pool.json, used in every language,
 * TypeScript and JavaScript apart), enum members in the file's spelling, and the identity that fits a task's
 * construction — accepted as VS Code accepts an item (its snippet over its range, its additional
 * edits), after which the document has no syntax error (JSON: VS Code's own JSON diagnostics) and
 * no finding. In the page (offline runner), the identity proposal is shown: <language>-completion-identity.png.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { editorClip, expectVisible, press, runner, screenshot } from '../support/runner';
import { closeAllEditors, extensionApi, openCopy, waitForDiagnostics, waitForNoJsonSyntaxErrors } from '../support/workbench';

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

interface Case {
  readonly language: string;
  /** A fixture whose named user is `adminUser`, and the text of that string. */
  readonly userName: { readonly file: string; readonly string: string };
  /** An enum member written in the fixture, and the members the file's SDK spells. */
  readonly enumMember: { readonly file: string; readonly written: string; readonly members: readonly string[] };
  /** A clean fixture, a replacement that opens a place in a task's construction (`|` the cursor), the proposal to accept there. */
  readonly member: { readonly file: string; readonly from: string; readonly to: string; readonly label: string; readonly inserted: RegExp };
}

const CASES: readonly Case[] = [
  {
    language: 'csharp',
    userName: { file: 'csharp/Identities.cs', string: '"adminUser"' },
    enumMember: { file: 'csharp/Identities.cs', written: 'ElevationLevel.NonAdmin', members: ['Admin', 'NonAdmin'] },
    member: {
      file: 'csharp/CleanTask.cs',
      from: '"cmd /c render.exe --frame 2");',
      to: '"cmd /c render.exe --frame 2")\n            {\n                |\n            };',
      label: 'UserIdentity (auto-user)',
      inserted:
        /\n {16}UserIdentity = new UserIdentity\(new AutoUserSpecification\(scope: AutoUserScope\.Pool, elevationLevel: ElevationLevel\.NonAdmin\)\)\n/,
    },
  },
  {
    language: 'java',
    userName: { file: 'java/Identities.java', string: '"adminUser"' },
    enumMember: { file: 'java/Identities.java', written: 'ElevationLevel.NON_ADMIN', members: ['ADMIN', 'NON_ADMIN'] },
    member: {
      file: 'java/CleanTask.java',
      from: '.withCommandLine("cmd /c render.exe --frame 2");',
      to: '.withCommandLine("cmd /c render.exe --frame 2")\n            .|;',
      label: 'withUserIdentity (named user)',
      inserted: /\.withUserIdentity\(new UserIdentity\(\)\.withUserName\("adminUser"\)\);/,
    },
  },
  {
    language: 'python',
    userName: { file: 'python/identities.py', string: "'adminUser'" },
    enumMember: { file: 'python/identities.py', written: 'ElevationLevel.non_admin', members: ['admin', 'non_admin'] },
    member: {
      file: 'python/clean_task.py',
      from: "command_line='cmd /c render.exe --frame 2')",
      to: "command_line='cmd /c render.exe --frame 2',\n        |)",
      label: 'user_identity (auto-user)',
      inserted:
        /\n {8}user_identity=batchmodels\.UserIdentity\(auto_user=batchmodels\.AutoUserSpecification\(scope=batchmodels\.AutoUserScope\.pool, elevation_level=batchmodels\.ElevationLevel\.non_admin\)\)\)/,
    },
  },
  {
    language: 'json',
    userName: { file: 'json/identities.json', string: '"adminUser"' },
    enumMember: { file: 'json/identities.json', written: '"nonadmin"', members: ['admin', 'nonadmin'] },
    member: {
      file: 'json/clean-task.json',
      from: '"id": "render-frame-0002",',
      to: '"id": "render-frame-0002",\n  |',
      label: 'batch-autouser-admin',
      inserted:
        /\n {2}"userIdentity": \{\n {4}"autoUser": \{\n {6}"scope": "task",\n {6}"elevationLevel": "admin"\n {4}\}\n {2}\},\n {2}"commandLine"/,
    },
  },
  // @azure/batch's lower-case values, in the file's single quotes.
  {
    language: 'typescript',
    userName: { file: 'typescript/identities.ts', string: "'adminUser'" },
    enumMember: { file: 'typescript/identities.ts', written: "scope: 'task', elevationLevel: 'admin'", members: ['admin', 'nonadmin'] },
    member: {
      file: 'typescript/clean-task.ts',
      from: "commandLine: 'cmd /c render.exe --frame 2',",
      to: "commandLine: 'cmd /c render.exe --frame 2',\n    |",
      label: 'userIdentity (auto-user)',
      inserted: /\n {4}userIdentity: \{ autoUser: \{ scope: 'pool', elevationLevel: 'nonadmin' \} \}\n {2}\}\);/,
    },
  },
  // JavaScript: azure-batch's typings spell `nonAdmin` (identities.js, in double quotes); clean-task.js is @azure/batch's, in single.
  {
    language: 'javascript',
    userName: { file: 'javascript/identities.js', string: '"adminUser"' },
    enumMember: { file: 'javascript/identities.js', written: 'elevationLevel: "nonAdmin"', members: ['admin', 'nonAdmin'] },
    member: {
      file: 'javascript/clean-task.js',
      from: "commandLine: 'cmd /c render.exe --frame 2',",
      to: "commandLine: 'cmd /c render.exe --frame 2',\n    |",
      label: 'userIdentity (named user)',
      inserted: /\n {4}userIdentity: \{ userName: 'adminUser' \}\n {2}\}\);/,
    },
  },
];

async function completionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items;
}

/** Accepts an item as the suggest widget does: its snippet over its range (as is when it keeps whitespace), then its additional edits. */
async function accept(editor: vscode.TextEditor, item: vscode.CompletionItem, at: vscode.Position): Promise<void> {
  const range = item.range instanceof vscode.Range ? item.range : (item.range?.replacing ?? new vscode.Range(at, at));
  const snippet =
    item.insertText instanceof vscode.SnippetString ? item.insertText : new vscode.SnippetString(String(item.insertText ?? labelOf(item)));
  // `keepWhitespace` (VS Code ≥ 1.94, this run's 1.100) is what the suggest widget does for an item that keeps its whitespace.
  const options: Parameters<vscode.TextEditor['insertSnippet']>[2] & { keepWhitespace?: boolean } = {
    undoStopBefore: true,
    undoStopAfter: false,
    keepWhitespace: item.keepWhitespace ?? false,
  };
  assert.ok(await editor.insertSnippet(snippet, range, options));
  if (item.additionalTextEdits?.length) {
    const edit = new vscode.WorkspaceEdit();
    edit.set(editor.document.uri, item.additionalTextEdits);
    assert.ok(await vscode.workspace.applyEdit(edit));
  }
}

/** Opens a copy of a fixture with `from` replaced by `to` (whose `|` is the cursor). */
async function openAt(
  file: string,
  from: string,
  to: string,
): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor; position: vscode.Position }> {
  const { uri, editor, original } = await openCopy(file, 'completion');
  const at = original.indexOf(from);
  assert.ok(at >= 0, `fixture text ${JSON.stringify(from)}`);
  const cursor = to.indexOf('|');
  assert.ok(
    await editor.edit((b) =>
      b.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + from.length)), to.replace('|', '')),
    ),
  );
  return { uri, editor, position: editor.document.positionAt(at + cursor) };
}

suite('completion', () => {
  suiteSetup(extensionApi);
  teardown(closeAllEditors);

  for (const c of CASES) {
    test(`${c.language}: a user name is completed with the workspace's pool accounts, elevation and defining file in the detail`, async () => {
      const { uri, editor, original } = await openCopy(c.userName.file, 'names');
      await waitForDiagnostics(uri, () => true, 'the first analysis');
      const position = editor.document.positionAt(original.indexOf(c.userName.string) + 1);
      const items = await completionsAt(uri, position);
      const account = items.find((i) => labelOf(i) === 'adminUser' && i.kind === vscode.CompletionItemKind.Value);
      assert.ok(account, `offered: ${JSON.stringify(items.map(labelOf))}`);
      // Scratch copies of other tests may define it too: the fixture's definition is among those listed.
      assert.match(account.detail ?? '', /^admin · /);
      const documentation =
        account.documentation instanceof vscode.MarkdownString ? account.documentation.value : String(account.documentation);
      assert.match(documentation, /\[pool\.json:7\]\(file:.*pool\.json#L7\)/, 'a link to the name’s line');
    });

    test(`${c.language}: an enum member is completed with the members in the file's spelling, each explained`, async () => {
      const { uri, editor, original } = await openCopy(c.enumMember.file, 'enums');
      await waitForDiagnostics(uri, () => true, 'the first analysis');
      const position = editor.document.positionAt(original.indexOf(c.enumMember.written) + c.enumMember.written.length - 1);
      const members = (await completionsAt(uri, position)).filter(
        (i) => i.kind === vscode.CompletionItemKind.EnumMember && i.detail?.startsWith('ElevationLevel'),
      );
      assert.deepEqual(members.map(labelOf).sort(), [...c.enumMember.members].sort());
      const admin = members.find((i) => labelOf(i) === c.enumMember.members[0])!;
      assert.match((admin.documentation as vscode.MarkdownString).value, /full Administrator permissions/);
    });

    test(`${c.language}: in a task's construction the identity that fits there is offered; accepted, no syntax error and no finding`, async () => {
      const { uri, editor, position } = await openAt(c.member.file, c.member.from, c.member.to);
      const item = (await completionsAt(uri, position)).find((i) => labelOf(i) === c.member.label);
      assert.ok(item, `${c.member.label} offered`);
      if (runner.available) {
        // As a person sees it (the README's screenshot): the list at the cursor.
        editor.selection = new vscode.Selection(position, position);
        await vscode.commands.executeCommand('editor.action.triggerSuggest');
        const proposal = { selector: '.suggest-widget .monaco-list-row', text: c.member.label };
        await expectVisible(proposal);
        await screenshot(`${c.language}-completion-identity`, proposal, editorClip({ selector: '.suggest-widget' }));
        await press('Escape');
      }
      await accept(editor, item, position);
      assert.match(editor.document.getText(), c.member.inserted);
      await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no findings in the accepted identity');
      if (c.language === 'json') await waitForNoJsonSyntaxErrors(uri, c.member.label);
    });
  }

  test('json: in an empty file every snippet is a whole body; in a pool, the pool snippets are members — each valid, without a finding', async () => {
    const prefixes = [
      'batch-autouser-admin',
      'batch-autouser-pool',
      'batch-pool-users-linux',
      'batch-pool-users-windows',
      'batch-starttask-admin',
      'batch-task-named-user',
    ];
    for (const prefix of prefixes) {
      const { uri, editor, original } = await openCopy('json/clean-task.json', 'empty');
      assert.ok(
        await editor.edit((b) => b.delete(new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(original.length)))),
      );
      const item = (await completionsAt(uri, new vscode.Position(0, 0))).find((i) => labelOf(i) === prefix);
      assert.ok(item, `${prefix} offered in an empty file`);
      await accept(editor, item, new vscode.Position(0, 0));
      await waitForDiagnostics(uri, (ds) => ds.length === 0, `no findings in ${prefix}`);
      await waitForNoJsonSyntaxErrors(uri, prefix);
      JSON.parse(editor.document.getText());
    }
    for (const prefix of ['batch-pool-users-linux', 'batch-pool-users-windows', 'batch-starttask-admin']) {
      const { uri, editor, position } = await openAt('json/pool.json', '"targetDedicatedNodes": 2,', '"targetDedicatedNodes": 2,\n  |');
      // The fixture pool has accounts already: the account snippets are not offered into it twice…
      const offered = (await completionsAt(uri, position)).map(labelOf);
      if (prefix !== 'batch-starttask-admin') {
        assert.ok(!offered.includes(prefix), `${prefix} not offered beside userAccounts`);
        continue;
      }
      // …and the start task is.
      const item = (await completionsAt(uri, position)).find((i) => labelOf(i) === prefix)!;
      await accept(editor, item, position);
      await waitForDiagnostics(uri, (ds) => ds.length === 0, `no findings in ${prefix}`);
      await waitForNoJsonSyntaxErrors(uri, prefix);
    }
  });
});
