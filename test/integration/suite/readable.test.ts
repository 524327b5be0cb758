/// <reference types="mocha" />
/**
 * Issue 14 items 2 and 4 as a person sees them, in the page (offline runner only; under
 * @vscode/test-electron there is no page, and the suite skips): in the Problems panel every
 * run-elevated row shows, uncut, the words that tell it from the others; in a window 900 px tall
 * the hover on runElevated shows this file's replacement before its explanation, whole and wrapped,
 * without scrolling. Screenshots: <language>-problems-rows.png, <language>-hover-900.png.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RUN_ELEVATED, SAMPLES } from '../support/languages';
import {
  DEFAULT_VIEWPORT,
  editorClip,
  expectVisible,
  measure,
  press,
  runner,
  screenshot,
  setViewport,
  type,
  wholeVisible,
} from '../support/runner';
import { closeAllEditors, extensionApi, openCopy, tidyForScreenshots, waitForFindings } from '../support/workbench';

/** A message before its detail in parentheses: what must show uncut. */
const headline = (message: string) => message.slice(0, message.lastIndexOf(' ('));

/**
 * Shows the Problems panel with `text` in its filter box (empty: no filter). Earlier suites' copies
 * have problems too, and a long list only renders the rows in view: the filter keeps this file's.
 * (The view's own focus command opens the panel; "View: Problems" would close it when it is open.)
 */
async function filterProblems(text: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
  await vscode.commands.executeCommand('problems.action.focusFilter');
  await press('Control+a');
  if (text) await type(text);
  else await press('Delete');
}

suite('readable in the page', () => {
  /** Whether the Problems filter holds text (the teardown empties it). */
  let filtered = false;

  suiteSetup(async function () {
    if (!runner.available) this.skip();
    await extensionApi();
    await tidyForScreenshots();
  });
  teardown(async () => {
    if (runner.available) await setViewport(DEFAULT_VIEWPORT.width, DEFAULT_VIEWPORT.height);
    if (filtered) await filterProblems('');
    filtered = false;
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await closeAllEditors();
  });

  for (const sample of SAMPLES) {
    test(`${sample.language}: Problems rows start with what differs; at 900 px the hover shows the replacement first, whole`, async () => {
      const { uri } = await openCopy(sample.several.file, 'readable');
      const diagnostics = await waitForFindings(uri, RUN_ELEVATED, sample.several.squiggled.length);
      const headlines = diagnostics.map((d) => headline(d.message));
      assert.equal(new Set(headlines).size, headlines.length, `the findings say different things: ${headlines.join(' | ')}`);
      for (const line of headlines) assert.ok(line.length <= 80, `${line.length} characters before the detail: ${line}`);

      filtered = true;
      await filterProblems(uri.path.slice(uri.path.lastIndexOf('/') + 1));
      // The filter applies after a pause in typing; the panel then counts what it shows: every
      // diagnostic but hints (VS Code's JavaScript support adds one to a CommonJS file: "may be converted to an ES module").
      const listed = vscode.languages.getDiagnostics(uri).filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint).length;
      await expectVisible({ selector: '.part.panel', text: `Showing ${listed} of` });
      for (const line of headlines) {
        const row = await measure({ selector: '.markers-panel .monaco-list-row', text: line.slice(0, 40) }, line);
        assert.ok(wholeVisible(row), `the Problems row shows "${line}" uncut: ${JSON.stringify(row)}`);
      }
      // The panel's tabs and this file's rows, without the empty panel below them.
      await screenshot(`${sample.language}-problems-rows`, undefined, {
        within: '.part.panel',
        targets: [{ selector: '.part.panel .composite.title' }, { selector: '.markers-panel .monaco-list-row' }],
      });
      await filterProblems('');
      filtered = false;
      await vscode.commands.executeCommand('workbench.action.closePanel');

      await setViewport(DEFAULT_VIEWPORT.width, 900);
      const single = await openCopy(sample.single.file, 'readable');
      const [diagnostic] = await waitForFindings(single.uri, RUN_ELEVATED, 1);
      const inside = diagnostic.range.start.translate(0, 1);
      single.editor.selection = new vscode.Selection(inside, inside);
      single.editor.revealRange(diagnostic.range, vscode.TextEditorRevealType.InCenter);
      // The page has the diagnostics once their squiggle shows (the extension host knows them first): only then
      // does the hover hold the diagnostic beside this extension's own text.
      await expectVisible({ selector: '.monaco-editor .squiggly-warning' });
      await vscode.commands.executeCommand('editor.action.showHover');
      const hover = { selector: '.monaco-editor .monaco-hover', text: 'In this file it becomes:' };
      const shown = await measure(hover, sample.single.becomes);
      assert.ok(wholeVisible(shown), `the replacement shows whole, wrapped, without scrolling: ${JSON.stringify(shown)}`);
      const becomes = shown.text.indexOf('In this file it becomes:');
      const why = shown.text.indexOf('The documented mapping');
      assert.ok(becomes >= 0 && why > becomes, `the replacement comes before the explanation:\n${shown.text}`);
      assert.equal(shown.text.split(headline(diagnostic.message)).length - 1, 1, 'the diagnostic shows once, not repeated by our hover');
      await screenshot(
        `${sample.language}-hover-900`,
        hover,
        editorClip({ selector: '.monaco-hover' }, { selector: '.monaco-resizable-hover' }),
      );
      await press('Escape');
    });
  }
});
