/// <reference types="mocha" />
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { POOL_FILE, POOL_URI, RUN_ELEVATED, SAMPLES, type HoverExpectation } from '../support/languages';
import {
  closeAllEditors,
  extensionApi,
  hoversAt,
  openCopy,
  waitForDiagnostics,
  waitForFindings,
  workspaceFile,
} from '../support/workbench';

/** This extension's hover among every provider's: the one whose markdown holds `firstLine`. */
async function ourHover(uri: vscode.Uri, position: vscode.Position, firstLine: string) {
  const hovers = await hoversAt(uri, position);
  const ours = hovers.filter((h) => h.markdown.split('\n').includes(firstLine));
  assert.equal(ours.length, 1, `one hover with ${JSON.stringify(firstLine)}; got ${JSON.stringify(hovers.map((h) => h.markdown))}`);
  return ours[0];
}

suite('hover', () => {
  suiteSetup(extensionApi);
  teardown(closeAllEditors);

  for (const sample of SAMPLES) {
    test(`${sample.language}: the hover on runElevated shows this file's replacement first`, async () => {
      const { uri, editor } = await openCopy(sample.single.file, 'hover');
      const [diagnostic] = await waitForFindings(uri, RUN_ELEVATED, 1);
      const hover = await ourHover(uri, diagnostic.range.start.translate(0, 1), 'In this file it becomes:');
      assert.equal(hover.range && editor.document.getText(hover.range), sample.single.squiggled);
      const fence = '```' + sample.setting;
      assert.ok(
        hover.markdown.startsWith(['In this file it becomes:', '', fence, sample.single.becomes, '```'].join('\n')),
        `the replacement in a ${sample.setting} block, first:\n${hover.markdown}`,
      );
    });

    const hovers = sample.hovers;
    if (!hovers) continue;
    test(`${sample.language}: hovers on an elevation member, a scope member, an auto-user identity and a named user defined in ${POOL_FILE}`, async () => {
      // The pool's accounts are known once the server has analysed the pool file: the named
      // user's line then says where it is defined (whatever the background scan has done).
      const pool = await vscode.workspace.openTextDocument(workspaceFile(POOL_FILE));
      await waitForDiagnostics(pool.uri, () => true, 'an analysis of the pool');
      const document = await vscode.workspace.openTextDocument(workspaceFile(hovers.file));
      await vscode.window.showTextDocument(document);
      await waitForDiagnostics(document.uri, (ds) => ds.length === 0, 'no findings (the named user resolves)');

      const text = document.getText();
      const check = async ({ at, range, lines }: HoverExpectation) => {
        const offset = text.indexOf(at);
        assert.ok(offset >= 0 && text.indexOf(at, offset + 1) < 0, `${JSON.stringify(at)} occurs once in ${hovers.file}`);
        const hover = await ourHover(document.uri, document.positionAt(offset + 1), lines[0]);
        const shown = hover.markdown.split('\n');
        for (const line of lines.map((l) => l.replaceAll(POOL_URI, workspaceFile(POOL_FILE).toString())))
          assert.ok(shown.includes(line), `hover at ${JSON.stringify(at)} has the line ${JSON.stringify(line)}:\n${hover.markdown}`);
        assert.equal(hover.range && document.getText(hover.range), range, `the range of the hover at ${JSON.stringify(at)}`);
      };
      for (const expectation of hovers.expect) await check(expectation);
    });
  }
});
