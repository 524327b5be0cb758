/// <reference types="mocha" />
/**
 * Named users as symbols, "runs as" inlay hints and the outline in the real VS Code, through the
 * client: the fixture's account `adminUser` is defined in json/pool.json and named in C#, Java,
 * Python, JSON, TypeScript and JavaScript (`*identities*`). The files are opened first, so that each query waits on an
 * event (their analyses) rather than on the background scan; unopened files are covered over
 * stdio (test/unit/lsp/navigation.test.ts).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectVisible, runner, screenshot, editorClip } from '../support/runner';
import {
  closeAllEditors,
  extensionApi,
  setSetting,
  tidyForScreenshots,
  untilAnswered,
  waitForDiagnostics,
  workspaceFile,
} from '../support/workbench';

const POOL = 'json/pool.json';
const NAMING = [
  'csharp/Identities.cs',
  'java/Identities.java',
  'python/identities.py',
  'json/identities.json',
  'typescript/identities.ts',
  'javascript/identities.js',
];
/** Tasks of every kind of identity, built in C#: its hints are the README's screenshot. */
const RENDER_JOB = 'csharp/RenderJob.cs';

/** Opens a fixture file and waits for its analysis. */
async function opened(file: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(file));
  await waitForDiagnostics(document.uri, () => true, `an analysis of ${file}`);
  return document;
}

/** The position inside the `adminUser` of a document (its only one). */
function inName(document: vscode.TextDocument): vscode.Position {
  const text = document.getText();
  const at = text.indexOf('adminUser');
  assert.ok(at >= 0 && text.indexOf('adminUser', at + 1) < 0, `one adminUser in ${document.uri.path}`);
  return document.positionAt(at + 2);
}

const relative = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, false);
const nameAt = async (location: { uri: vscode.Uri; range: vscode.Range }) =>
  (await vscode.workspace.openTextDocument(location.uri)).getText(location.range);
const labelOf = (hint: vscode.InlayHint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((p) => p.value).join(''));

suite('named users, runs-as hints and outline', () => {
  let pool: vscode.TextDocument;
  let naming: vscode.TextDocument[];
  let renderJob: vscode.TextDocument;
  suiteSetup(async () => {
    await extensionApi();
    pool = await opened(POOL);
    renderJob = await opened(RENDER_JOB);
    naming = [];
    for (const file of NAMING) naming.push(await opened(file));
  });
  suiteTeardown(closeAllEditors);

  test('go to definition: from a named user in C#, Java, Python, JSON, TypeScript and JavaScript to the account name in the JSON pool', async () => {
    for (const document of naming) {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        document.uri,
        inName(document),
      );
      const ours = found
        .map((l) => ('targetUri' in l ? { uri: l.targetUri, range: l.targetRange } : l))
        .filter((l) => relative(l.uri) === POOL);
      assert.equal(ours.length, 1, `${relative(document.uri)}: ${JSON.stringify(found)}`);
      assert.equal(await nameAt(ours[0]), 'adminUser');
    }
  });

  test('find all references of the account: every identity naming it, in every language', async () => {
    const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', pool.uri, inName(pool));
    const files = new Set(found.map((l) => relative(l.uri)));
    for (const file of [POOL, ...NAMING]) assert.ok(files.has(file), `${file} among ${[...files].join(', ')}`);
    for (const location of found) assert.equal(await nameAt(location), 'adminUser', relative(location.uri));
  });

  test('rename the account: its name and every reference, across files', async () => {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      naming[0].uri,
      inName(naming[0]),
      'renderAdmin',
    );
    const files = new Set(edit.entries().map(([uri]) => relative(uri)));
    for (const file of [POOL, ...NAMING]) assert.ok(files.has(file), `${file} among ${[...files].join(', ')}`);
    for (const [uri, edits] of edit.entries()) {
      for (const e of edits) {
        assert.equal(e.newText, 'renderAdmin');
        assert.equal(await nameAt({ uri, range: e.range }), 'adminUser');
      }
    }
  });

  test('inlay hints: "runs as" at each task, the named user linked to its account; off by batchIdentity.inlayHints.runsAs', async () => {
    const document = naming[3];
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const hints = () => vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, whole);
    const shown = (await hints()).filter((h) => labelOf(h).startsWith('runs as: '));
    assert.deepEqual(shown.map(labelOf), [
      'runs as: pool auto-user · admin',
      'runs as: task auto-user · non-admin',
      'runs as: adminUser · admin',
    ]);
    const csharp = await vscode.commands.executeCommand<vscode.InlayHint[]>(
      'vscode.executeInlayHintProvider',
      renderJob.uri,
      new vscode.Range(0, 0, renderJob.lineCount, 0),
    );
    assert.deepEqual(
      csharp.filter((h) => labelOf(h).startsWith('runs as: ')).map((h) => [h.position.line, labelOf(h)]),
      [
        [10, 'runs as: auto-user · non-admin (default)'],
        [15, 'runs as: auto-user · non-admin (default)'],
        [16, 'runs as: task auto-user · admin'],
        [21, 'runs as: adminUser · admin'],
        [25, 'runs as: set elsewhere'],
      ],
    );
    const user = (shown[2].label as vscode.InlayHintLabelPart[]).find((p) => p.value === 'adminUser');
    assert.ok(user?.location, 'the user part has a location');
    assert.equal(relative(user.location.uri), POOL);
    assert.equal(await nameAt(user.location), 'adminUser');
    // TypeScript and JavaScript: at the end of the line each task is named on (a start task's key, a task.add call's brace).
    for (const [document, publish] of [
      [naming[4], 'runs as: task auto-user · admin'],
      [naming[5], 'runs as: task auto-user · non-admin'],
    ] as const) {
      const found = await vscode.commands.executeCommand<vscode.InlayHint[]>(
        'vscode.executeInlayHintProvider',
        document.uri,
        new vscode.Range(0, 0, document.lineCount, 0),
      );
      const ours = found.filter((h) => labelOf(h).startsWith('runs as: '));
      assert.deepEqual(
        ours.map((h) => [h.position.line, labelOf(h)]),
        [
          [4, 'runs as: pool auto-user · admin'],
          [6, publish],
          [11, 'runs as: adminUser · admin'],
        ],
        relative(document.uri),
      );
      const named = (ours[2].label as vscode.InlayHintLabelPart[]).find((p) => p.value === 'adminUser');
      assert.equal(named?.location && relative(named.location.uri), POOL, relative(document.uri));
    }

    await setSetting('batchIdentity', 'inlayHints.runsAs', false);
    try {
      await untilAnswered(
        document.uri,
        async () => ((await hints()).some((h) => labelOf(h).startsWith('runs as: ')) ? undefined : true),
        'no runs-as hints once the setting is off',
      );
    } finally {
      await setSetting('batchIdentity', 'inlayHints.runsAs', undefined);
    }
  });

  test('document symbols: pools with their accounts, tasks with what they run as', async () => {
    const outline = async (document: vscode.TextDocument) => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      const flat = (list: vscode.DocumentSymbol[]): unknown[] =>
        list.map((s) => [s.name, s.detail, ...(s.children.length ? [flat(s.children)] : [])]);
      // Ours among every provider's (VS Code's JSON support outlines every key).
      return flat(symbols.filter((s) => /^(pool|runs as:|user account)/.test(s.detail)));
    };
    assert.deepEqual(await outline(pool), [['render-pool', 'pool · 1 user account', [['adminUser', 'user account · admin']]]]);
    assert.deepEqual(await outline(naming[0]), [
      [
        'start task',
        'runs as: pool auto-user (default scope) · admin',
        [['user identity', 'runs as: pool auto-user (default scope) · admin']],
      ],
    ]);
    // TypeScript: the tasks a file adds, each with the identity it is given.
    const withIdentity = (kind: string, runsAs: string) => [kind, runsAs, [['user identity', runsAs]]];
    assert.deepEqual(await outline(naming[4]), [
      withIdentity('start task', 'runs as: pool auto-user (default scope) · admin'),
      withIdentity('task', 'runs as: task auto-user · admin'),
      withIdentity('task', 'runs as: adminUser · admin'),
    ]);
    const accounts = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'adminU');
    assert.ok(
      accounts.some((s) => s.name === 'adminUser' && relative(s.location.uri) === POOL),
      JSON.stringify(accounts.map((s) => s.name)),
    );
  });

  test('the hints in the page (screenshot for the README)', async function () {
    if (!runner.available) this.skip();
    await tidyForScreenshots();
    // Whole: VS Code cuts hints at 43 characters by default (the tooltip has them whole).
    await setSetting('editor', 'inlayHints.maximumLength', 0);
    try {
      const editor = await vscode.window.showTextDocument(renderJob);
      editor.revealRange(new vscode.Range(6, 0, 27, 0), vscode.TextEditorRevealType.AtTop);
      const hint = { selector: '.monaco-editor .view-lines', text: 'runs as: adminUser · admin' };
      await expectVisible(hint);
      await screenshot('csharp-runs-as-hints', hint, editorClip());
    } finally {
      await setSetting('editor', 'inlayHints.maximumLength', undefined);
    }
  });
});
