import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { FIX_ALL_TITLE } from '../../../common/protocol';
import { LspClient, serverForSuite, serverForTest } from '../../helpers/lspClient';

/** The standalone server over stdio, as any editor would run it. */
describe('LSP round trip: node dist/server.js --stdio', () => {
  const client = serverForSuite();

  it('declares its capabilities', async (t) => {
    const other = new LspClient();
    t.after(() => other.close());
    const result = (await other.initialize()) as {
      capabilities: { codeActionProvider: { codeActionKinds: string[] }; textDocumentSync: { change: number } };
    };
    assert.deepEqual(result.capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.batchIdentity']);
    assert.equal(result.capabilities.textDocumentSync.change, 2, 'incremental sync');
  });

  it('publishes diagnostics, offers the preferred fix, and the edit gives the new text', async () => {
    const uri = 'file:///work/task.json';
    const text = '{\n  "id": "t",\n  "commandLine": "x",\n  "runElevated": true\n}\n';
    await client().open(uri, 'json', text);
    const published = await client().diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
    const [diagnostic] = published.diagnostics;
    assert.equal(diagnostic.code, 'run-elevated');
    assert.equal(diagnostic.source, 'batch-identity');
    assert.equal(diagnostic.severity, 2);
    assert.deepEqual(diagnostic.tags, [2], 'Deprecated tag');
    assert.match(diagnostic.codeDescription!.href, /docs\/rules\/run-elevated\.md$/);
    assert.deepEqual(diagnostic.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 15 } });

    const actions = (await client().connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(preferred.kind, 'quickfix');
    const edits = preferred.edit!.changes![uri] as TextEdit[];
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, text), edits);
    assert.equal(
      fixed,
      '{\n  "id": "t",\n  "commandLine": "x",\n  "userIdentity": {\n    "autoUser": {\n      "elevationLevel": "admin"\n    }\n  }\n}\n',
    );
    const taskScope = actions.find((a) => a.title.includes('"scope": "task" (on Windows'));
    assert.ok(taskScope && !taskScope.isPreferred);
  });

  it('answers source.fixAll.batchIdentity with the whole file fixed', async () => {
    const uri = 'file:///work/tasks.json';
    const text =
      '{"value": [\n  {"id": "a", "commandLine": "x", "runElevated": true},\n  {"id": "b", "commandLine": "y", "runElevated": false}\n]}\n';
    await client().open(uri, 'json', text);
    const actions = (await client().connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.batchIdentity'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.batchIdentity');
    assert.equal(actions[0].title, FIX_ALL_TITLE, 'the name the command palette and the docs use');
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, text), actions[0].edit!.changes![uri] as TextEdit[]);
    assert.equal(
      fixed,
      '{"value": [\n  {"id": "a", "commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "admin"}}},\n  {"id": "b", "commandLine": "y", "userIdentity": {"autoUser": {"elevationLevel": "nonadmin"}}}\n]}\n',
    );
  });

  it('follows incremental edits', async () => {
    const uri = 'file:///work/edit.json';
    await client().open(uri, 'json', '{"id": "t", "commandLine": "x"}');
    await client().diagnosticsFor(uri, (p) => p.diagnostics.length === 0);
    // Type `, "runElevated": true` before the closing brace, then take it away again.
    await client().connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 30 }, end: { line: 0, character: 30 } }, text: ', "runElevated": true' }],
    });
    const withFinding = await client().diagnosticsFor(uri, (p) => p.version === 2);
    assert.equal(withFinding.diagnostics.length, 1);
    await client().connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 0, character: 30 }, end: { line: 0, character: 51 } }, text: '' }],
    });
    const cleared = await client().diagnosticsFor(uri, (p) => p.version === 3);
    assert.equal(cleared.diagnostics.length, 0);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = 'file:///work/closed.json';
    await client().open(uri, 'json', '{"commandLine": "x", "runElevated": true}');
    await client().diagnosticsFor(uri, (p) => p.diagnostics.length === 1);
    await client().connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const cleared = await client().diagnosticsFor(uri, (p) => p.diagnostics.length === 0);
    assert.equal(cleared.diagnostics.length, 0);
  });

  it('accounts typed in an open pool resolve named users elsewhere, and go when it is closed unsaved', { timeout: 20_000 }, async (t) => {
    const other = await serverForTest(t);
    const pool = 'file:///nowhere/pool.json';
    const task = 'file:///nowhere/task.json';
    const taskText = '{"id": "t", "commandLine": "x", "userIdentity": {"username": "ghost"}}';
    const unknownUsers = (p: { diagnostics: { code?: string | number }[] }) =>
      p.diagnostics.filter((d) => d.code === 'unknown-user').length;
    await other.open(
      pool,
      'json',
      '{"id": "p", "vmSize": "standard_d2s_v3", "userAccounts": [{"name": "adminUser", "password": "[parameters(\'pw\')]"}]}',
    );
    await other.diagnosticsFor(pool);
    await other.open(task, 'json', taskText);
    // A workspace with pools: `ghost` is defined on none of them.
    await other.diagnosticsFor(task, (p) => unknownUsers(p) === 1);
    await other.connection.sendNotification('textDocument/didClose', { textDocument: { uri: pool } });
    // The pool never existed on disk: no pools now, and a workspace without pools is no evidence.
    const after = await other.diagnosticsFor(task, (p) => unknownUsers(p) === 0);
    assert.equal(unknownUsers(after), 0);
  });

  it('offers suppression comments in JSON with comments, and they work', async () => {
    const uri = 'file:///work/suppress.jsonc';
    const text = '{\n  // a task\n  "commandLine": "x",\n  "runElevated": true\n}\n';
    await client().open(uri, 'jsonc', text);
    const [diagnostic] = (await client().diagnosticsFor(uri, (p) => p.diagnostics.length === 1)).diagnostics;
    const actions = (await client().connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const line = actions.find((a) => a.title === 'Disable run-elevated for this line');
    assert.ok(line, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(actions.some((a) => a.title === 'Disable run-elevated for the entire file'));
    const suppressed = TextDocument.applyEdits(TextDocument.create(uri, 'jsonc', 1, text), line.edit!.changes![uri] as TextEdit[]);
    assert.equal(
      suppressed,
      '{\n  // a task\n  "commandLine": "x",\n  // batch-identity-disable-next-line run-elevated\n  "runElevated": true\n}\n',
    );
  });

  it('offers no comment in plain JSON, where a comment would break other tools', async () => {
    const uri = 'file:///work/plain.json';
    await client().open(uri, 'json', '{"commandLine": "x", "runElevated": true}');
    const [diagnostic] = (await client().diagnosticsFor(uri, (p) => p.diagnostics.length === 1)).diagnostics;
    const actions = (await client().connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    assert.ok(actions.length > 0);
    assert.ok(!actions.some((a) => a.title.startsWith('Disable')));
  });

  it('answers hovers in Markdown', async () => {
    const uri = 'file:///work/hover.json';
    const text = '{"commandLine": "x", "userIdentity": {"autoUser": {"scope": "task"}}}';
    await client().open(uri, 'json', text);
    const character = text.indexOf('"task"') + 2;
    const hover = (await client().connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character },
    })) as {
      contents: { kind: string; value: string };
    };
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /^\*\*"scope": "task"\*\* — on Windows nodes, an auto-user account created for this task alone/);
  });
});
