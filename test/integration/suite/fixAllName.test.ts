/// <reference types="mocha" />
/**
 * Issue 14 item 6 in the real VS Code: settings completion offers `source.fixAll.batchIdentity`
 * inside `"editor.codeActionsOnSave"`, and the file-wide fix-all has one name, FIX_ALL_TITLE,
 * wherever a person meets it: the command palette, the contributed source action and the Source
 * Action menu. The quick-fix menu, where VS Code shows no source action, offers the fix-all of the
 * squiggle's rule under that rule's name (as vscode-eslint does), and no other fix-all name.
 *
 * Which part of the manifest the setting's completion comes from: VS Code 1.100 builds the
 * `editor.codeActionsOnSave` schema from the source kinds its registered code action providers
 * declare (codeActionsContribution.ts, `getAllProvidedCodeActionKinds`), which the language client
 * registers from the server's `codeActionKinds`; `contributes.codeActions` is the same kind and
 * title in the manifest, held here to the one name.
 * The menus and the palette are read in the page (offline runner only); the rest everywhere.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, FIX_ALL_TITLE } from '../../../common/protocol';
import { FIX_ALL_KIND } from '../../../common/settings';
import { RUN_ELEVATED, SAMPLES } from '../support/languages';
import { editorClip, expectVisible, measure, press, runner, screenshot, type } from '../support/runner';
import {
  EXTENSION_ID,
  closeAllEditors,
  extensionApi,
  openCopy,
  setSetting,
  tidyForScreenshots,
  waitForFindings,
  workspaceFile,
  quickFixesAt,
} from '../support/workbench';

/** What reads as a fix-all, in any casing ("Fix All in File" was one). */
const isFixAll = (title: string) => /^fix all\b/i.test(title);
/** The quick fix that fixes every finding of one rule (server/src/lsp/handlers/codeActions.ts). */
const fixAllOfRuleTitle = (rule: string) => `Fix all ${rule} problems in this file`;
const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const documentationOf = (item: vscode.CompletionItem) =>
  item.documentation === undefined ? '' : typeof item.documentation === 'string' ? item.documentation : item.documentation.value;

suite('fix-all: one name, offered in settings', () => {
  suiteSetup(async () => {
    await extensionApi();
    if (runner.available) await tidyForScreenshots();
  });
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
    await setSetting('editor', 'codeActionsOnSave', undefined);
  });

  test('the manifest names fix-all once: the palette command and the contributed source action', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: {
        commands: { command: string; title: string; category?: string }[];
        codeActions: { actions: { kind: string; title: string } | { kind: string; title: string }[] }[];
      };
    };
    const command = manifest.contributes.commands.find((c) => c.command === COMMANDS.fixAllInFile);
    assert.deepEqual(command && { title: command.title, category: command.category }, { title: FIX_ALL_TITLE, category: undefined });
    const contributed = manifest.contributes.codeActions.flatMap((c) => (Array.isArray(c.actions) ? c.actions : [c.actions]));
    assert.deepEqual(
      contributed.filter((a) => a.kind === FIX_ALL_KIND).map((a) => a.title),
      [FIX_ALL_TITLE],
    );
  });

  for (const sample of SAMPLES) {
    test(`${sample.language}: the source action, the Source Action menu, the quick-fix menu and the palette all say "${FIX_ALL_TITLE}"`, async function () {
      const { uri, editor } = await openCopy(sample.several.file, 'fix-all-name');
      const diagnostics = await waitForFindings(uri, RUN_ELEVATED, sample.several.squiggled.length);
      const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);

      const source = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        whole,
        vscode.CodeActionKind.Source.value,
      );
      // Other extensions' own fix-alls (TypeScript's `source.fixAll.ts`) are theirs, not a second name of ours.
      const others = (a: vscode.CodeAction) => /^source\.fixAll\.(ts|js|eslint)\b/.test(a.kind?.value ?? '');
      const fixAlls = source.filter((a) => a.kind && vscode.CodeActionKind.SourceFixAll.contains(a.kind) && !others(a));
      assert.deepEqual(
        fixAlls.map((a) => [a.kind?.value, a.title]),
        [[FIX_ALL_KIND, FIX_ALL_TITLE]],
      );

      // The quick-fix menu (VS Code leaves source actions out of it) offers fix-all of the squiggle's rule,
      // named after the rule as vscode-eslint does; no other name (the old "Fix all runElevated in this file").
      const quickFixes = await quickFixesAt(uri, diagnostics[0].range);
      const fixAllTitles = quickFixes.map((a) => a.title).filter(isFixAll);
      assert.deepEqual(fixAllTitles, [fixAllOfRuleTitle(RUN_ELEVATED)], quickFixes.map((a) => a.title).join(' | '));

      if (!runner.available) return;
      const inside = diagnostics[0].range.start.translate(0, 1);
      editor.selection = new vscode.Selection(inside, inside);
      editor.revealRange(diagnostics[0].range, vscode.TextEditorRevealType.InCenter);
      await expectVisible({ selector: '.monaco-editor .squiggly-warning' });

      await vscode.commands.executeCommand('editor.action.sourceAction');
      const sourceMenu = { selector: '.action-widget', text: FIX_ALL_TITLE };
      await expectVisible(sourceMenu);
      await screenshot(`${sample.language}-source-action-menu`, sourceMenu, editorClip({ selector: '.action-widget' }));
      await press('Escape');

      // Asked again once if the menu did not open: the first request can come before the editor has
      // its code actions (the lightbulb), and then VS Code shows nothing.
      const quickFixMenu = { selector: '.action-widget' };
      await vscode.commands.executeCommand('editor.action.quickFix');
      const menu = await measure(quickFixMenu).catch(async () => {
        await vscode.commands.executeCommand('editor.action.quickFix');
        return measure(quickFixMenu);
      });
      await screenshot(`${sample.language}-quick-fix-menu-several`, quickFixMenu, editorClip({ selector: '.action-widget' }));
      await press('Escape');
      assert.deepEqual(
        menu.text
          .split('\n')
          .map((line) => line.trim())
          .filter(isFixAll),
        [fixAllOfRuleTitle(RUN_ELEVATED)],
        `the quick-fix menu:\n${menu.text}`,
      );

      await vscode.commands.executeCommand('workbench.action.showCommands');
      await type('Fix all');
      const row = { selector: '.quick-input-list .monaco-list-row', text: FIX_ALL_TITLE };
      await expectVisible(row);
      const palette = await measure({ selector: '.quick-input-list' });
      await press('Escape');
      const ours = palette.text.split('\n').filter((line) => /batch/i.test(line));
      assert.ok(ours.length > 0 && ours.every((line) => line.trim() === FIX_ALL_TITLE), `the palette's Batch lines:\n${palette.text}`);
    });
  }

  test(`settings.json: completion in "editor.codeActionsOnSave" offers ${FIX_ALL_KIND}`, async () => {
    // Last in the suite: VS Code builds this setting's schema from the code action kinds the running
    // language servers declare, once they have registered; the tests above opened Batch files first.
    // The workspace's own settings file, as a person edits it: VS Code's JSON support serves it with
    // the settings schema. VS Code writes the empty object; the cursor goes inside it.
    await setSetting('editor', 'codeActionsOnSave', {});
    const document = await vscode.workspace.openTextDocument(workspaceFile('.vscode/settings.json'));
    const editor = await vscode.window.showTextDocument(document);
    const text = document.getText();
    const key = text.indexOf('"editor.codeActionsOnSave"');
    assert.ok(key >= 0, text);
    const inside = document.positionAt(text.indexOf('{', key) + 1);
    editor.selection = new vscode.Selection(inside, inside);

    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, inside);
    const offered = list.items.filter((item) => labelOf(item) === FIX_ALL_KIND);
    assert.equal(offered.length, 1, `offered: ${list.items.map(labelOf).join(', ')}`);
    assert.equal(offered[0].kind, vscode.CompletionItemKind.Property);
    // VS Code's own description of a contributed kind (it names the kind, not the contribution's title).
    assert.ok(documentationOf(offered[0]).includes(`'${FIX_ALL_KIND}'`), JSON.stringify(offered[0]));

    if (runner.available) {
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      const suggestion = { selector: '.suggest-widget .monaco-list-row', text: FIX_ALL_KIND };
      await expectVisible(suggestion);
      await screenshot('settings-code-actions-on-save-completion', suggestion, editorClip({ selector: '.suggest-widget' }));
      await press('Escape');
    }
  });
});
