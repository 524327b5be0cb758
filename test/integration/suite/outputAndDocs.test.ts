/// <reference types="mocha" />
/**
 * Issue 14 items 5 and 8, in the real VS Code: the "Batch Identity" output tells start-up, the
 * settings in force and their changes, and the workspace index and its changes, one line each; the
 * rule pages shipped in the extension open offline in the Markdown preview from the Problems
 * panel's code link, the hover's link and the "Show documentation for ⟨rule⟩" quick fix; a named
 * user's "defined in" link opens the pool file at the account's "name" line. Also run against the
 * installed .vsix (`npm run test:vsix`), where the pages must come from the package.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, showDocumentationTitle } from '../../../common/protocol';
import { POOL_FILE, RUN_ELEVATED, SAMPLES } from '../support/languages';
import { click, expectVisible, press, runner } from '../support/runner';
import {
  EXTENSION_ID,
  closeAllEditors,
  extensionApi,
  hoversAt,
  openCopy,
  previewTab,
  setSetting,
  until,
  waitForDiagnostics,
  waitForFindings,
  waitForOutputShowing,
  waitForPreview,
  workspaceFile,
} from '../support/workbench';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const PAGE = `${RUN_ELEVATED}.md`;

suite('output and rule pages', () => {
  suiteSetup(extensionApi);
  teardown(async () => {
    await setSetting('batchIdentity', 'fix.scope', undefined);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await closeAllEditors();
  });

  test('the output tells start-up, the settings in force, the workspace scan, one line each at the info level', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const version = (extension.packageJSON as { version: string }).version;
    await vscode.commands.executeCommand(COMMANDS.showOutput);
    const text = (await waitForOutputShowing('Workspace scan:')).getText();
    const lines = text.split('\n');
    const line = (pattern: RegExp) => {
      const found = lines.find((l) => pattern.test(l));
      assert.ok(found, `a line like ${pattern} in the output:\n${text}`);
      return found;
    };
    line(
      new RegExp(
        `\\[info\\] Batch Identity ${escape(version)} in .+ \\(extension host Node v\\d+\\.\\d+\\.\\d+\\); language server: ${escape(extension.extensionPath)}.dist.server\\.js$`,
      ),
    );
    line(
      new RegExp(
        `\\[info\\] Batch Identity server ${escape(version)} started for .+: .*server\\.js on Node v\\d+\\.\\d+\\.\\d+ \\(pid \\d+\\)\\.$`,
      ),
    );
    line(
      new RegExp(
        `\\[info\\] Rule pages: ${escape(vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules').toString())} \\(the client's\\)\\.$`,
      ),
    );
    line(
      /\[info\] Settings: \{"enable":true,"languages":\[[^\]]*\],"rules":\{[^}]*\},"fix":\{"scope":"omit"\},"maxFileSizeKB":\d+,"inlayHints":\{"runsAs":true\}\}$/,
    );
    line(/\[info\] Workspace scan: \d+ files? read in \d+ ms; [1-9]\d* pool user accounts? on [1-9]\d* pools? in [1-9]\d* files?\.$/);

    // A change of settings: one line with the settings now in force.
    await setSetting('batchIdentity', 'fix.scope', 'task');
    await waitForOutputShowing('"fix":{"scope":"task"}');
    const changed = visibleLines().filter((l) => l.includes('Settings changed:') && l.includes('"scope":"task"'));
    assert.equal(changed.length, 1, changed.join('\n'));
  });

  test('a pool user account added to the workspace: one line once typing pauses', async () => {
    await vscode.commands.executeCommand(COMMANDS.showOutput);
    const { uri, editor } = await openCopy(POOL_FILE, 'index');
    const file = uri.path.slice(uri.path.lastIndexOf('/scratch/') + 1);
    // The copy's account first (from its file event or its buffer, whichever comes first: one line).
    await waitForOutputShowing(`Workspace index: 1 pool user account added (adminUser) in ${file}`);
    // Another user, typed letter by letter after the first account.
    const anchor = editor.document.getText().indexOf('"elevationLevel": "admin"') + '"elevationLevel": "admin"'.length;
    const name = 'opsUser';
    await editor.edit((e) => e.insert(editor.document.positionAt(anchor), '\n    }, {\n      "name": ""'));
    const at = editor.document.getText().lastIndexOf('""') + 1;
    for (const [i, letter] of [...name].entries()) await editor.edit((e) => e.insert(editor.document.positionAt(at + i), letter));
    await waitForOutputShowing(`Workspace index: 1 pool user account added (${name}) in ${file}`);
    // No line per letter: the copy's account, then the typed one.
    const told = visibleLines().filter((l) => l.includes('Workspace index:') && l.includes(file));
    assert.deepEqual(
      told.map((l) => l.slice(l.indexOf('Workspace index:'), l.indexOf(` in ${file}`))),
      ['Workspace index: 1 pool user account added (adminUser)', `Workspace index: 1 pool user account added (${name})`],
    );
  });

  test("a diagnostic's code link opens the packaged rule page in the Markdown preview", async () => {
    const { uri } = await openCopy(SAMPLES[0].single.file, 'docs-link');
    const [diagnostic] = await waitForFindings(uri, RUN_ELEVATED, 1);
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, RUN_ELEVATED);
    assert.equal(code.target.scheme, 'command');
    assert.equal(code.target.path, COMMANDS.showRuleDocumentation);
    assert.deepEqual(JSON.parse(code.target.query), [RUN_ELEVATED]);
    assert.equal(previewTab(PAGE), undefined);
    if (runner.available) {
      // As a person does it: the rule code in the Problems panel's row.
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await click({ selector: '.markers-panel .monaco-list-row a.monaco-link', text: RUN_ELEVATED });
    } else {
      await vscode.commands.executeCommand(code.target.path, ...(JSON.parse(code.target.query) as unknown[]));
    }
    await waitForPreview(PAGE);
  });

  test('the hover links the packaged rule page, and the link opens it in the preview', async () => {
    const { uri, editor } = await openCopy(SAMPLES[0].single.file, 'docs-hover');
    const [diagnostic] = await waitForFindings(uri, RUN_ELEVATED, 1);
    const inside = diagnostic.range.start.translate(0, 1);
    const hovers = await hoversAt(uri, inside);
    const link = `[Rule ${RUN_ELEVATED}](command:${COMMANDS.showRuleDocumentation}?${encodeURIComponent(JSON.stringify([RUN_ELEVATED]))})`;
    assert.ok(
      hovers.some((h) => h.markdown.includes(link)),
      hovers.map((h) => h.markdown).join('\n---\n'),
    );
    assert.ok(!hovers.some((h) => h.markdown.includes('github.com/batch-identity')), 'no online rule page');
    if (!runner.available) return;
    editor.selection = new vscode.Selection(inside, inside);
    editor.revealRange(diagnostic.range, vscode.TextEditorRevealType.InCenter);
    await expectVisible({ selector: '.monaco-editor .squiggly-warning' });
    await vscode.commands.executeCommand('editor.action.showHover');
    // The command runs only if the hover trusts it: the preview opening proves it does.
    await click({ selector: '.monaco-editor .monaco-hover a', text: `Rule ${RUN_ELEVATED}` });
    await waitForPreview(PAGE);
  });

  test('"Show documentation for run-elevated" is a quick fix, never preferred, that opens the page in the preview', async () => {
    const { uri, editor } = await openCopy(SAMPLES[0].single.file, 'docs-fix');
    const [diagnostic] = await waitForFindings(uri, RUN_ELEVATED, 1);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    const title = showDocumentationTitle(RUN_ELEVATED);
    const show = actions.filter((a) => a.title === title);
    assert.equal(show.length, 1, actions.map((a) => a.title).join(', '));
    assert.equal(show[0].isPreferred ?? false, false);
    assert.equal(show[0].edit, undefined, 'it changes nothing');
    const quickFixes = actions.filter((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
    assert.equal(quickFixes.at(-1)?.title, title, 'after every quick fix that changes the code');
    if (runner.available) {
      const inside = diagnostic.range.start.translate(0, 1);
      editor.selection = new vscode.Selection(inside, inside);
      await vscode.commands.executeCommand('editor.action.quickFix');
      // By keyboard (the menu blocks the pointer until it moves): the last entry.
      await expectVisible({ selector: '.action-widget .monaco-list-row', text: title });
      await press('ArrowUp'); // from the first entry, round to the last
      await expectVisible({ selector: '.action-widget .monaco-list-row.focused', text: title });
      await press('Enter');
    } else {
      await vscode.commands.executeCommand(show[0].command!.command, ...(show[0].command!.arguments ?? []));
    }
    await waitForPreview(PAGE);
  });

  test('a named user\'s "defined in" link opens the pool file at the account\'s "name" line', async function () {
    const sample = SAMPLES.find((s) => s.languageId === 'json' && s.hovers);
    if (!runner.available || !sample?.hovers) this.skip();
    const pool = await vscode.workspace.openTextDocument(workspaceFile(POOL_FILE));
    await waitForDiagnostics(pool.uri, () => true, 'an analysis of the pool');
    const document = await vscode.workspace.openTextDocument(workspaceFile(sample.hovers.file));
    const editor = await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document.uri, (ds) => ds.length === 0, 'no findings (the named user resolves)');
    const at = document.positionAt(document.getText().indexOf('"username"') + 1);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    const nameLine = pool
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('"name": "adminUser"'));
    await click({ selector: '.monaco-editor .monaco-hover a', text: `pool.json:${nameLine + 1}` });
    const opened = await until(
      vscode.window.onDidChangeTextEditorSelection,
      () => {
        const active = vscode.window.activeTextEditor;
        return active?.document.uri.toString() === pool.uri.toString() && active.selection.active.line === nameLine ? active : undefined;
      },
      () =>
        `${POOL_FILE} active at line ${nameLine + 1}; active: ${vscode.window.activeTextEditor?.document.uri.toString()}:${(vscode.window.activeTextEditor?.selection.active.line ?? -2) + 1}`,
      10_000,
    );
    assert.ok(opened);
    await press('Escape');
  });
});

/** The lines of our output channel as shown now. */
function visibleLines(): string[] {
  const output = vscode.window.visibleTextEditors
    .map((e) => e.document)
    .find((d) => d.uri.scheme === 'output' && decodeURIComponent(d.uri.path).endsWith('Batch Identity'));
  return output?.getText().split('\n') ?? [];
}
