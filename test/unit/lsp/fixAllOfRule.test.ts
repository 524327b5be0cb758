import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serverForSuite } from '../../helpers/lspClient';

/**
 * The quick fix "Fix all ⟨rule⟩ problems in this file" (as vscode-eslint offers per rule), over
 * stdio against dist/server.js: for any rule with several fixable findings, not one rule by name.
 */
describe('LSP: Fix all ⟨rule⟩ problems in this file', () => {
  const client = serverForSuite();

  const task = (id: string, elevated: boolean) => `{"id": "${id}", "commandLine": "x", "runElevated": ${elevated}}`;
  const fixedTask = (id: string, level: string) =>
    `{"id": "${id}", "commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "${level}"}}}`;
  const identityTask = (id: string, level: string) =>
    `{"id": "${id}", "commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "${level}"}}}`;

  /** The code actions for the first diagnostic of `rule`, once the document has `findings` diagnostics. */
  async function quickFixes(uri: string, text: string, findings: number, rule: string): Promise<CodeAction[]> {
    await client().open(uri, 'json', text);
    const published = await client().diagnosticsFor(uri, (p) => p.diagnostics.length === findings);
    const diagnostic = published.diagnostics.find((d) => d.code === rule)!;
    return (await client().connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
  }
  const apply = (uri: string, text: string, action: CodeAction) =>
    TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, text), action.edit!.changes![uri] as TextEdit[]);

  it('run-elevated: offered beside the single fix when a file has several, and rewrites every runElevated (only those)', async () => {
    const uri = 'file:///work/tasks.json';
    const text = `{"value": [\n  ${task('a', true)},\n  ${task('b', false)},\n  ${identityTask('c', 'Admin')}\n]}\n`;
    const actions = await quickFixes(uri, text, 3, 'run-elevated');
    const fixAll = actions.filter((a) => a.title === 'Fix all run-elevated problems in this file');
    assert.equal(fixAll.length, 1, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fixAll[0].kind, 'quickfix');
    // The enum casing of task c is another rule's finding: this fix leaves it alone.
    assert.equal(
      apply(uri, text, fixAll[0]),
      text.replace(task('a', true), fixedTask('a', 'admin')).replace(task('b', false), fixedTask('b', 'nonadmin')),
    );
    // Only the rule asked about: no fix-all of unknown-enum-member (it has one finding anyway).
    assert.ok(!actions.some((a) => a.title.includes('unknown-enum-member')), JSON.stringify(actions.map((a) => a.title)));
  });

  it('run-elevated: not offered for a single runElevated', async () => {
    const uri = 'file:///work/one.json';
    const actions = await quickFixes(uri, `${task('a', true)}\n`, 1, 'run-elevated');
    assert.ok(actions.length > 0);
    assert.ok(!actions.some((a) => a.title.endsWith('problems in this file')), JSON.stringify(actions.map((a) => a.title)));
  });

  it('another rule the same way: unknown-enum-member fixes every casing, and leaves runElevated alone', async () => {
    const uri = 'file:///work/casings.json';
    const text = `{"value": [\n  ${identityTask('a', 'Admin')},\n  ${identityTask('b', 'NonAdmin')},\n  ${task('c', true)}\n]}\n`;
    const actions = await quickFixes(uri, text, 3, 'unknown-enum-member');
    const fixAll = actions.filter((a) => a.title === 'Fix all unknown-enum-member problems in this file');
    assert.equal(fixAll.length, 1, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(
      apply(uri, text, fixAll[0]),
      text
        .replace(identityTask('a', 'Admin'), identityTask('a', 'admin'))
        .replace(identityTask('b', 'NonAdmin'), identityTask('b', 'nonadmin')),
    );
    assert.ok(!actions.some((a) => a.title.includes('run-elevated problems')));
  });
});
