/// <reference types="mocha" />
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../common/protocol';
import { DIAGNOSTIC_SOURCE } from '../../../common/settings';
import { RUN_ELEVATED, SAMPLES } from '../support/languages';
import { closeAllEditors, codeOf, extensionApi, openCopy, squiggled, waitForFindings } from '../support/workbench';

suite('diagnostics', () => {
  suiteSetup(extensionApi);
  teardown(closeAllEditors);

  for (const sample of SAMPLES) {
    test(`${sample.language}: opening a file squiggles runElevated`, async () => {
      const api = await extensionApi();
      const { uri, editor } = await openCopy(sample.single.file);
      assert.equal(editor.document.languageId, sample.languageId);
      const diagnostics = await waitForFindings(uri, RUN_ELEVATED, 1);
      assert.deepEqual(squiggled(editor.document, diagnostics), [sample.single.squiggled]);
      const [diagnostic] = diagnostics;
      assert.equal(diagnostic.severity, sample.single.severity);
      assert.equal(diagnostic.source, DIAGNOSTIC_SOURCE);
      assert.equal(codeOf(diagnostic), RUN_ELEVATED);
      // Starts with the value and what it becomes, spelled the file's way, then why.
      assert.equal(diagnostic.message, sample.single.message);
      // The rule code links to its documentation: the packaged page, opened by the extension's command (outputAndDocs suite).
      assert.ok(
        typeof diagnostic.code === 'object' &&
          diagnostic.code.target.toString(true) === `command:${COMMANDS.showRuleDocumentation}?${JSON.stringify([RUN_ELEVATED])}`,
        JSON.stringify(diagnostic.code),
      );
      // The language status item counts what the server found in the active file.
      assert.deepEqual(
        { state: api.status.statusOf(uri)?.state, findings: api.status.statusOf(uri)?.findings, text: api.status.text },
        { state: 'analysed', findings: 1, text: 'Batch Identity: 1 problem' },
      );
    });

    test(`${sample.language}: every finding of a file is squiggled`, async () => {
      const { uri, editor } = await openCopy(sample.several.file);
      const diagnostics = await waitForFindings(uri, RUN_ELEVATED, sample.several.squiggled.length);
      assert.deepEqual(squiggled(editor.document, diagnostics), sample.several.squiggled);
    });

    test(`${sample.language}: a clean file has none`, async () => {
      const { uri } = await openCopy(sample.typing.file);
      assert.deepEqual(await waitForFindings(uri, RUN_ELEVATED, 0), []);
      assert.deepEqual(
        vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE),
        [],
      );
    });
  }
});
