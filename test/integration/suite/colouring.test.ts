/// <reference types="mocha" />
/**
 * Issue 14 item 7 in the real VS Code: deprecation colouring comes from the analysis only. Batch's
 * runElevated is struck through because its diagnostic carries the Deprecated tag (the workbench
 * renders that tag as an inline `squiggly-inline-deprecated` decoration); a look-alike — a
 * launcher's own options, an Azure Image Builder customizer, in files that are not Batch code
 * (`fixture/lookalike/`) — gets no diagnostic and no deprecated colouring, and no grammar scopes
 * either as deprecated (read with "Developer: Inspect Editor Tokens and Scopes"). The page checks
 * need the offline runner; the diagnostics' tags are checked everywhere. Screenshot:
 * <language>-deprecated-only-batch.png, the two side by side.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RUN_ELEVATED, SAMPLES } from '../support/languages';
import { countVisible, expectVisible, measure, runner, screenshot } from '../support/runner';
import { closeAllEditors, extensionApi, openCopy, tidyForScreenshots, waitForDiagnostics, waitForFindings } from '../support/workbench';

/** A runElevated the analysis rightly leaves alone: `name` inside `at`, which occurs once in `file`. */
interface LookAlike {
  readonly file: string;
  readonly at: string;
  readonly name: string;
}

const LOOK_ALIKES: Readonly<Record<string, LookAlike>> = {
  csharp: { file: 'lookalike/LaunchOptions.cs', at: 'options.RunElevated = true;', name: 'RunElevated' },
  java: { file: 'lookalike/LaunchOptions.java', at: '.withRunElevated(true)', name: 'withRunElevated' },
  python: { file: 'lookalike/launch_options.py', at: 'LaunchOptions(run_elevated=True)', name: 'run_elevated' },
  json: { file: 'lookalike/image-template.json', at: '"runElevated": true', name: 'runElevated' },
};

/** The decoration the workbench gives a diagnostic tagged Deprecated (VS Code's markerDecorations: strikethrough). */
const DEPRECATED_CLASS = 'squiggly-inline-deprecated';
const DEPRECATED_DECORATION = `.part.editor .view-line .${DEPRECATED_CLASS}`;
/** An editor line with such a decoration (one decoration is several spans where tokens split it, as a JSON key's quotes). */
const DECORATED_LINE = `.part.editor .view-line:has(.${DEPRECATED_CLASS})`;
/** A token a theme strikes through (from a grammar scope's fontStyle), as the editor renders it. */
const STRUCK_TOKEN = '.part.editor .view-line .mtks';

/** Where the name starts in the document: inside the only occurrence of `at`. */
function positionOf(document: vscode.TextDocument, at: string, name: string): vscode.Position {
  const text = document.getText();
  const offset = text.indexOf(at);
  assert.ok(offset >= 0 && text.indexOf(at, offset + 1) < 0, `"${at}" occurs once in ${document.uri.path}`);
  return document.positionAt(offset + at.indexOf(name));
}

/**
 * The TextMate scopes VS Code gives the token at `position`, as "Developer: Inspect Editor Tokens
 * and Scopes" shows them (its widget's text), the widget closed again.
 */
async function inspectedScopes(editor: vscode.TextEditor, position: vscode.Position, name: string): Promise<string> {
  const inside = position.translate(0, 1);
  editor.selection = new vscode.Selection(inside, inside);
  editor.revealRange(new vscode.Range(inside, inside), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('editor.action.inspectTMScopes');
  const widget = await measure({ selector: '.token-inspect-widget', text: 'textmate scopes' });
  await vscode.commands.executeCommand('editor.action.inspectTMScopes'); // toggles it off
  const token = name.replace(/"/g, ''); // a JSON key's quotes are tokens of their own
  assert.ok(widget.text.includes(token), `the inspected token is ${token}:\n${widget.text}`);
  return widget.text.slice(widget.text.indexOf('textmate scopes'));
}

suite('deprecated colouring from the analysis', () => {
  suiteSetup(async () => {
    await extensionApi();
    if (runner.available) await tidyForScreenshots();
  });
  teardown(async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('workbench.action.editorLayoutSingle');
  });

  for (const sample of SAMPLES) {
    const lookAlike = LOOK_ALIKES[sample.language];
    if (!lookAlike) continue;
    test(`${sample.language}: Batch's ${sample.single.squiggled} is struck through by its Deprecated tag; a look-alike ${lookAlike.name} is not coloured at all`, async () => {
      const batch = await openCopy(sample.single.file, 'colour');
      const [diagnostic] = await waitForFindings(batch.uri, RUN_ELEVATED, 1);
      assert.deepEqual(diagnostic.tags, [vscode.DiagnosticTag.Deprecated], "Batch's runElevated is tagged deprecated");
      assert.equal(batch.editor.document.getText(diagnostic.range), sample.single.squiggled);

      // Beside it, in its own column, a file that is not Batch code: analysed, nothing found.
      const other = await openCopy(lookAlike.file, 'colour', vscode.ViewColumn.Two);
      const lookAlikeEditor = other.editor;
      await waitForDiagnostics(other.uri, (ds) => ds.length === 0, 'no findings in the look-alike');
      const name = positionOf(lookAlikeEditor.document, lookAlike.at, lookAlike.name);
      const nameRange = new vscode.Range(name, name.translate(0, lookAlike.name.length));
      const tagged = vscode.languages
        .getDiagnostics(other.uri)
        .filter((d) => d.range.intersection(nameRange) && d.tags?.includes(vscode.DiagnosticTag.Deprecated));
      assert.deepEqual(tagged, [], 'no diagnostic of any source marks the look-alike deprecated');
      if (!runner.available) return;

      assert.doesNotMatch(
        await inspectedScopes(lookAlikeEditor, name, lookAlike.name),
        /deprecated/,
        'no grammar scopes the look-alike deprecated',
      );
      const batchEditor = await vscode.window.showTextDocument(batch.editor.document, vscode.ViewColumn.One);
      assert.doesNotMatch(
        await inspectedScopes(batchEditor, diagnostic.range.start, sample.single.squiggled),
        /deprecated/,
        "nor Batch's: its strike comes from the diagnostic",
      );

      // The page shows Batch's struck through (so the decorations are rendered), and nothing else.
      batchEditor.revealRange(diagnostic.range, vscode.TextEditorRevealType.InCenter);
      lookAlikeEditor.revealRange(nameRange, vscode.TextEditorRevealType.InCenter);
      const batchLine = batchEditor.document.lineAt(diagnostic.range.start.line).text.trim();
      await expectVisible({ selector: DEPRECATED_DECORATION, text: sample.single.squiggled.replace(/"/g, '') });
      await expectVisible({ selector: '.part.editor .view-line', text: lookAlike.at });
      assert.equal(await countVisible({ selector: DECORATED_LINE }), 1, 'one line with a struck-through name in the two editors');
      assert.equal(await countVisible({ selector: DECORATED_LINE, text: batchLine }), 1, `it is Batch's: ${batchLine}`);
      assert.equal(await countVisible({ selector: STRUCK_TOKEN }), 0, 'no token struck through by a theme rule');
      await screenshot(`${sample.language}-deprecated-only-batch`, undefined, {
        targets: [{ selector: '.part.editor .margin-view-overlays .line-numbers' }, { selector: '.part.editor .view-line' }],
      });
    });
  }
});
