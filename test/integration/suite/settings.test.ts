/// <reference types="mocha" />
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LANGUAGE_IDS } from '../../../common/languages';
import { RUN_ELEVATED, SAMPLES, type LanguageSample } from '../support/languages';
import {
  closeAllEditors,
  extensionApi,
  nextReport,
  openCopy,
  ourDiagnostics,
  setSetting,
  untilAnswered,
  waitForDiagnostics,
  waitForFindings,
  quickFixesAt,
} from '../support/workbench';

suite('settings apply without reload', () => {
  suiteSetup(extensionApi);
  teardown(async () => {
    for (const key of ['rules', 'languages', 'enable', 'fix.scope']) await setSetting('batchIdentity', key, undefined);
    await closeAllEditors();
  });

  for (const sample of SAMPLES) {
    test(`${sample.language}: batchIdentity.rules overrides the severity`, async () => {
      const { uri } = await openCopy(sample.single.file);
      await waitForFindings(uri, RUN_ELEVATED, 1);
      await setSetting('batchIdentity', 'rules', { [RUN_ELEVATED]: 'error' });
      await waitForDiagnostics(uri, (ds) => ds.length === 1 && ds[0].severity === vscode.DiagnosticSeverity.Error, 'an error');
      await setSetting('batchIdentity', 'rules', { [RUN_ELEVATED]: 'hint' });
      await waitForDiagnostics(uri, (ds) => ds.length === 1 && ds[0].severity === vscode.DiagnosticSeverity.Hint, 'a hint');
      await setSetting('batchIdentity', 'rules', undefined);
      await waitForDiagnostics(uri, (ds) => ds.length === 1 && ds[0].severity === sample.single.severity, 'the default severity');
    });

    test(`${sample.language}: a rule set to "off" reports nothing, and comes back`, async () => {
      const { uri } = await openCopy(sample.single.file);
      await waitForFindings(uri, RUN_ELEVATED, 1);
      const analysed = nextReport(uri, (r) => r.state === 'analysed' && r.findings === 0, 'an analysis with no findings');
      await setSetting('batchIdentity', 'rules', { [RUN_ELEVATED]: 'off' });
      await analysed;
      await waitForFindings(uri, RUN_ELEVATED, 0);
      await setSetting('batchIdentity', 'rules', {});
      await waitForFindings(uri, RUN_ELEVATED, 1);
    });

    test(`${sample.language}: leaving ${sample.setting} out of batchIdentity.languages skips the file`, async () => {
      const { uri } = await openCopy(sample.single.file);
      await waitForFindings(uri, RUN_ELEVATED, 1);
      const skipped = nextReport(uri, (r) => r.state === 'skipped', 'a skipped report');
      await setSetting(
        'batchIdentity',
        'languages',
        LANGUAGE_IDS.filter((l) => l !== sample.setting),
      );
      assert.equal((await skipped).reason, `${sample.setting} is not in batchIdentity.languages`);
      await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no diagnostics');
      await setSetting('batchIdentity', 'languages', undefined);
      await waitForFindings(uri, RUN_ELEVATED, 1);
    });
  }

  /** How each language writes the task scope into the auto-user specification. */
  const TASK_SCOPE: Record<LanguageSample['setting'], string> = {
    csharp: 'scope: AutoUserScope.Task',
    java: '.withScope(AutoUserScope.TASK)',
    python: 'scope=batchmodels.AutoUserScope.task',
    json: '"scope": "task"',
    typescript: "scope: 'task'",
    // A Markdown sample's blocks write their own language's (markdown.test.ts has a C# block).
    markdown: 'scope: AutoUserScope.Task',
  };
  for (const sample of SAMPLES) {
    test(`${sample.language}: batchIdentity.fix.scope "task" makes the preferred fix write task scope, at once`, async () => {
      const { uri, editor } = await openCopy(sample.single.file);
      const [diagnostic] = await waitForFindings(uri, RUN_ELEVATED, 1);
      const preferredFix = async () => {
        const actions = await quickFixesAt(uri, diagnostic.range);
        return actions.find((a) => a.isPreferred);
      };
      /** The preferred fix once it has `title` (the server re-analyses open files on a settings change). */
      const preferredTitled = (title: string) =>
        untilAnswered(
          uri,
          async () => {
            const fix = await preferredFix();
            return fix?.title === title ? fix : undefined;
          },
          `the preferred fix "${title}"`,
        );
      assert.equal((await preferredFix())?.title, sample.single.preferredFix.title);
      await setSetting('batchIdentity', 'fix.scope', 'task');
      const preferred = await preferredTitled(sample.single.taskScopeTitle);
      assert.ok(await vscode.workspace.applyEdit(preferred.edit!));
      assert.ok(editor.document.getText().includes(TASK_SCOPE[sample.setting]), editor.document.getText());
      await vscode.commands.executeCommand('undo');
      await waitForFindings(uri, RUN_ELEVATED, 1);
      await setSetting('batchIdentity', 'fix.scope', undefined);
      await preferredTitled(sample.single.preferredFix.title);
    });
  }

  test('batchIdentity.enable false turns everything off, and back on', async () => {
    const opened = [];
    for (const sample of SAMPLES) opened.push(await openCopy(sample.single.file)); // one editor at a time
    for (const { uri } of opened) await waitForFindings(uri, RUN_ELEVATED, 1);
    const skipped = opened.map(({ uri }) =>
      nextReport(uri, (r) => r.state === 'skipped' && r.reason === 'batchIdentity.enable is false', 'a skipped report'),
    );
    await setSetting('batchIdentity', 'enable', false);
    await Promise.all(skipped);
    for (const { uri } of opened) assert.deepEqual(ourDiagnostics(uri), []);
    await setSetting('batchIdentity', 'enable', undefined);
    for (const { uri } of opened) await waitForFindings(uri, RUN_ELEVATED, 1);
  });
});
