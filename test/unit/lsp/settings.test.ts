/**
 * Settings over stdio, applied live: pulled with `workspace/configuration` (VS Code) and pushed
 * in `initializationOptions` / `workspace/didChangeConfiguration` (editors without pull). Needs
 * `npm run build`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type LspClient, serverForSuite, serverForTest } from '../../helpers/lspClient';

/** Only to turn a missing publication into a failure instead of a hang; no speed is asserted. */
const HANG = { timeout: 20_000 };

const TASK = '{\n  "id": "t",\n  "commandLine": "x",\n  "runElevated": true\n}\n';
/** The task fixed: its members stand on their own lines, and so do the identity's. */
const withAutoUser = (...members: string[]) =>
  `{\n  "id": "t",\n  "commandLine": "x",\n  "userIdentity": {\n    "autoUser": {\n${members.map((m) => `      ${m}`).join(',\n')}\n    }\n  }\n}\n`;
const OMITTED = withAutoUser('"elevationLevel": "admin"');
const TASK_SCOPE = withAutoUser('"scope": "task"', '"elevationLevel": "admin"');
const POOL_SCOPE = withAutoUser('"scope": "pool"', '"elevationLevel": "admin"');
/** The second quick fix's title: it must say that task scope is a Windows matter, and since when pool is the default. */
const TASK_SCOPE_TITLE =
  'Replace "runElevated" with auto-user "elevationLevel": "admin", "scope": "task" (on Windows, the default scope before 2019-08-01.10.0)';

const apply = (uri: string, text: string, action: CodeAction) =>
  TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, text), action.edit!.changes![uri] as TextEdit[]);

async function codeActions(client: LspClient, uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  return (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: only ? [] : [diagnostic], only },
  })) as CodeAction[];
}

/** Sends a configuration change and waits until `uri` is published again with a severity of `severity`. */
async function reconfigure(client: LspClient, uri: string, pushed: unknown, severity: number): Promise<Diagnostic> {
  client.reset(uri);
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: pushed });
  const published = await client.diagnosticsFor(uri, (p) => p.diagnostics.length === 1 && p.diagnostics[0].severity === severity);
  return published.diagnostics[0];
}

describe('settings pulled with workspace/configuration, applied without a restart', () => {
  const client = serverForSuite();

  it('batchIdentity.fix.scope: omit, task, pool choose what the preferred fix and fix-all write', HANG, async () => {
    const uri = 'file:///settings/scope.json';
    client().settings = {};
    await client().open(uri, 'json', TASK);
    let diagnostic = (await client().diagnosticsFor(uri, (p) => p.diagnostics.length === 1)).diagnostics[0];

    // omit (the default): no scope in the preferred fix; a second, not preferred fix writes task scope.
    let actions = await codeActions(client(), uri, diagnostic);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.deepEqual(
      preferred.map((a) => a.title),
      ['Replace "runElevated" with auto-user "elevationLevel": "admin"'],
    );
    assert.equal(apply(uri, TASK, preferred[0]), OMITTED);
    const taskScope = actions.find((a) => a.title === TASK_SCOPE_TITLE);
    assert.ok(taskScope, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(!taskScope.isPreferred);
    assert.equal(apply(uri, TASK, taskScope), TASK_SCOPE);
    const [fixAll] = await codeActions(client(), uri, diagnostic, ['source.fixAll.batchIdentity']);
    assert.equal(apply(uri, TASK, fixAll), OMITTED, 'fix-all never takes the task-scope fix');

    // task: the preferred fix and fix-all write it, and the now redundant second fix is gone.
    client().settings = { fix: { scope: 'task' } };
    diagnostic = await reconfigure(client(), uri, null, 2);
    actions = await codeActions(client(), uri, diagnostic);
    const taskPreferred = actions.find((a) => a.isPreferred)!;
    assert.equal(taskPreferred.title, 'Replace "runElevated" with auto-user "elevationLevel": "admin", "scope": "task"');
    assert.equal(apply(uri, TASK, taskPreferred), TASK_SCOPE);
    assert.equal(actions.filter((a) => a.title.startsWith('Replace "runElevated"')).length, 1);
    assert.equal(apply(uri, TASK, (await codeActions(client(), uri, diagnostic, ['source.fixAll.batchIdentity']))[0]), TASK_SCOPE);

    // pool: written explicitly; the task-scope alternative is offered again.
    client().settings = { fix: { scope: 'pool' } };
    diagnostic = await reconfigure(client(), uri, null, 2);
    actions = await codeActions(client(), uri, diagnostic);
    assert.equal(
      apply(
        uri,
        TASK,
        actions.find((a) => a.isPreferred)!,
      ),
      POOL_SCOPE,
    );
    assert.equal(
      apply(
        uri,
        TASK,
        actions.find((a) => a.title === TASK_SCOPE_TITLE)!,
      ),
      TASK_SCOPE,
    );
    assert.equal(apply(uri, TASK, (await codeActions(client(), uri, diagnostic, ['source.fixAll.batchIdentity']))[0]), POOL_SCOPE);
  });

  it('severity overrides and a disabled rule are applied to open documents at once', HANG, async () => {
    const uri = 'file:///settings/severity.json';
    client().settings = {};
    await client().open(uri, 'json', TASK);
    await client().diagnosticsFor(uri, (p) => p.diagnostics[0]?.severity === 2);
    client().settings = { rules: { 'run-elevated': 'error' } };
    await reconfigure(client(), uri, null, 1);
    client().settings = { rules: { 'run-elevated': 'off' } };
    client().reset(uri);
    await client().connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client().diagnosticsFor(uri, (p) => p.diagnostics.length === 0);
  });
});

describe('settings pushed by a client without workspace/configuration', () => {
  it('initializationOptions.settings, then each didChangeConfiguration, are applied', HANG, async (t) => {
    const client = await serverForTest(t, {}, { settings: { rules: { 'run-elevated': 'hint' } } });
    const uri = 'file:///settings/pushed.json';
    await client.open(uri, 'json', TASK);
    await client.diagnosticsFor(uri, (p) => p.diagnostics.length === 1 && p.diagnostics[0].severity === 4);

    let diagnostic = await reconfigure(client, uri, { batchIdentity: { rules: { 'run-elevated': 'error' }, fix: { scope: 'task' } } }, 1);
    const preferred = (await codeActions(client, uri, diagnostic)).find((a) => a.isPreferred)!;
    assert.equal(apply(uri, TASK, preferred), TASK_SCOPE);

    // A change for other extensions' sections leaves ours as they were.
    client.reset(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { editor: { tabSize: 2 } } });
    diagnostic = (await client.diagnosticsFor(uri)).diagnostics[0];
    assert.equal(diagnostic.severity, 1);

    await reconfigure(client, uri, { batchIdentity: {} }, 2);
  });
});
