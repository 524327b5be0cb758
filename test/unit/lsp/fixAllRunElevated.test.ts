import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serverForSuite } from '../../helpers/lspClient';

/** The quick fix "Fix all runElevated in this file", over stdio against dist/server.js. */
describe('LSP: Fix all runElevated in this file', () => {
  const client = serverForSuite();

  const task = (id: string, elevated: boolean) => `{"id": "${id}", "commandLine": "x", "runElevated": ${elevated}}`;
  const fixedTask = (id: string, level: string) =>
    `{"id": "${id}", "commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "${level}"}}}`;

  async function quickFixes(uri: string, text: string, findings: number): Promise<CodeAction[]> {
    await client().open(uri, 'json', text);
    const [diagnostic] = (await client().diagnosticsFor(uri, (p) => p.diagnostics.length === findings)).diagnostics;
    return (await client().connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
  }

  it('is offered beside the single fix when a file has several, and rewrites every runElevated (only those)', async () => {
    const uri = 'file:///work/tasks.json';
    const text = `{"value": [\n  ${task('a', true)},\n  ${task('b', false)},\n  {"id": "c", "commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "Admin"}}}\n]}\n`;
    const actions = await quickFixes(uri, text, 3);
    const fixAll = actions.filter((a) => a.title === 'Fix all runElevated in this file');
    assert.equal(fixAll.length, 1, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fixAll[0].kind, 'quickfix');
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, text), fixAll[0].edit!.changes![uri] as TextEdit[]);
    // The enum casing of task c is another rule's finding: this fix leaves it alone.
    assert.equal(fixed, text.replace(task('a', true), fixedTask('a', 'admin')).replace(task('b', false), fixedTask('b', 'nonadmin')));
  });

  it('is not offered for a single runElevated', async () => {
    const uri = 'file:///work/one.json';
    const actions = await quickFixes(uri, `${task('a', true)}\n`, 1);
    assert.ok(actions.length > 0);
    assert.ok(!actions.some((a) => a.title === 'Fix all runElevated in this file'));
  });
});
