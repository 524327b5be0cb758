/// <reference types="mocha" />
/**
 * What a person sees, asserted in the page the workbench runs in (offline runner only: under
 * @vscode/test-electron there is no page to look at, so these skip). Named to run first, while
 * the Problems panel holds only this suite's file, which keeps its screenshots readable.
 */
import * as vscode from 'vscode';
import { RUN_ELEVATED, SAMPLES } from '../support/languages';
import { editorClip, expectVisible, press, runner, screenshot } from '../support/runner';
import { closeAllEditors, extensionApi, openCopy, tidyForScreenshots, waitForFindings } from '../support/workbench';

/** The start of a message: rows and hovers may cut long messages short. */
const start = (message: string) => message.slice(0, 40);

suite('in the page', () => {
  suiteSetup(async function () {
    if (!runner.available) this.skip();
    await extensionApi();
    await tidyForScreenshots();
  });
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await closeAllEditors();
  });

  for (const sample of SAMPLES) {
    test(`${sample.language}: the squiggle's hover, the quick-fix menu and the Problems entry are visible`, async () => {
      const { uri, editor } = await openCopy(sample.single.file, 'page');
      const [diagnostic] = await waitForFindings(uri, RUN_ELEVATED, 1);
      const inside = diagnostic.range.start.translate(0, 1);
      editor.selection = new vscode.Selection(inside, inside);
      editor.revealRange(diagnostic.range, vscode.TextEditorRevealType.InCenter);

      // The page has the diagnostics once their squiggle shows (the extension host knows them first): only then
      // does the hover hold the diagnostic beside this extension's own text.
      await expectVisible({ selector: '.monaco-editor .squiggly-warning' });
      await vscode.commands.executeCommand('editor.action.showHover');
      const hover = { selector: '.monaco-editor .monaco-hover', text: start(diagnostic.message) };
      await expectVisible(hover);
      await screenshot(
        `${sample.language}-squiggle-hover`,
        hover,
        editorClip({ selector: '.monaco-hover' }, { selector: '.monaco-resizable-hover' }),
      );
      await press('Escape');

      await vscode.commands.executeCommand('editor.action.quickFix');
      const menu = { selector: '.action-widget', text: sample.single.preferredFix.title };
      await expectVisible(menu);
      await screenshot(`${sample.language}-quick-fix-menu`, menu, editorClip({ selector: '.action-widget' }));
      await press('Escape');

      await vscode.commands.executeCommand('workbench.actions.view.problems');
      const entry = { selector: '.markers-panel .monaco-list-row', text: start(diagnostic.message) };
      await expectVisible(entry);
      await screenshot(`${sample.language}-problems`, entry, { targets: [{ selector: '.part.panel' }] });
    });
  }
});
