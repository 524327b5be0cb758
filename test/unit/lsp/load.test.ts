/**
 * The server's scheduling under load (issue 19.3–19.5), over stdio against dist/server.js, a fresh
 * server per case. What is asserted is behaviour, counted from what the server publishes and
 * traces (`$/logTrace`: one `analysed …` line per analysis, `verified …` per suppression check,
 * `fix-all …` per fix-all, `re-checking …` per workspace re-check), never a timing: speed is the
 * bench's (`npm run bench`). Messages that must arrive together are written in one write, so the
 * server reads them at once. Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { CancellationTokenSource, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { VISIBLE_DOCUMENTS_NOTIFICATION } from '../../../common/protocol';
import { frame, serverForTest, type LspClient } from '../../helpers/lspClient';

const HANG = { timeout: 60_000 };

/** Settings pushed (no `workspace/configuration` round trips), code actions resolved later as VS Code does them. */
const RESOLVING = { textDocument: { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } } };

const started = (t: TestContext, capabilities: Record<string, unknown> = {}) =>
  serverForTest(t, capabilities, undefined, { trace: 'messages' });

/** Notifications written to the server in one write. */
function together(client: LspClient, ...messages: { method: string; params: unknown; id?: number }[]): void {
  client.process.stdin!.write(Buffer.concat(messages.map((m) => frame(JSON.stringify({ jsonrpc: '2.0', ...m })))));
}
const didChange = (uri: string, version: number, at: { line: number; character: number }, text: string) => ({
  method: 'textDocument/didChange',
  params: { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text }] },
});
const didOpen = (uri: string, text: string, languageId = 'json') => ({
  method: 'textDocument/didOpen',
  params: { textDocument: { uri, languageId, version: 1, text } },
});

const analysesOf = (client: LspClient, uri: string) => client.traces().filter((line) => line.startsWith(`analysed ${uri} `)).length;
const analysed = (client: LspClient) => client.traces().filter((line) => line.startsWith('analysed '));

const TASKS = (n: number) =>
  `{"value": [\n${Array.from({ length: n }, (_, i) => `  {"id": "t${i}", "commandLine": "x", "runElevated": ${i % 2 === 0}}`).join(',\n')}\n]}\n`;
const pool = (...names: string[]) =>
  `{"id": "p", "vmSize": "standard_d2s_v3", "userAccounts": [${names.map((name) => `{"name": "${name}", "password": "[parameters('pw')]"}`).join(', ')}]}\n`;
const taskAs = (user: string) => `{"id": "t", "commandLine": "x", "userIdentity": {"username": "${user}"}}\n`;
const AUTO_USER_TASK = '{"id": "t", "commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "admin"}}}\n';

describe('load: coalescing', () => {
  it('200 edits sent together give one analysis, of the last version, and one publication', HANG, async (t) => {
    const client = await started(t);
    const uri = 'file:///load/burst.json';
    await client.open(uri, 'json', TASKS(20));
    await client.diagnosticsFor(uri, (p) => p.version === 1);
    const before = analysesOf(client, uri);
    // Type 200 characters into a command line, one notification each.
    together(client, ...Array.from({ length: 200 }, (_, i) => didChange(uri, i + 2, { line: 1, character: 34 + i }, 'y')));
    await client.diagnosticsFor(uri, (p) => p.version === 201);
    await client.roundTrip();
    assert.deepEqual(
      client.publishedFor(uri).map((p) => p.version),
      [1, 201],
    );
    assert.equal(analysesOf(client, uri) - before, 1);
  });

  it('a hover waiting for an analysis is superseded by a newer change (−32801); then answered from the new analysis', HANG, async (t) => {
    const client = await serverForTest(t, { workspace: { configuration: true } }, undefined, { trace: 'messages' });
    const uri = 'file:///load/superseded.json';
    const text = '{"commandLine": "x", "userIdentity": {"autoUser": {"scope": "task"}}}';
    await client.open(uri, 'json', text);
    await client.diagnosticsFor(uri, (p) => p.version === 1);
    // Hold the document's next analysis: its settings are asked for again after a configuration change, and answered late.
    let asked!: () => void;
    const askedPromise = new Promise<void>((resolve) => (asked = resolve));
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    client.connection.onRequest('workspace/configuration', async (params: { items: { scopeUri?: string }[] }) => {
      if (params.items.some((i) => i.scopeUri === uri)) {
        asked();
        await answered;
      }
      return params.items.map(() => ({}));
    });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await askedPromise;
    const position = { line: 0, character: text.indexOf('"task"') + 2 };
    await client.connection.sendNotification('textDocument/didChange', didChange(uri, 2, { line: 0, character: 0 }, ' ').params);
    // The hover is about version 2, and waits for its analysis…
    const hover = client.connection
      .sendRequest('textDocument/hover', { textDocument: { uri }, position: { ...position, character: position.character + 1 } })
      .then(
        () => undefined,
        (error: { code: number }) => error.code,
      );
    // … which version 3 makes moot.
    await client.connection.sendNotification('textDocument/didChange', didChange(uri, 3, { line: 0, character: 0 }, ' ').params);
    await client.roundTrip();
    answer();
    assert.equal(await hover, -32801);
    await client.diagnosticsFor(uri, (p) => p.version === 3);
    assert.equal(analysesOf(client, uri), 2, 'version 1, then version 3 only');
    const now = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { ...position, character: position.character + 2 },
    })) as { contents: { value: string } };
    assert.match(now.contents.value, /\*\*"scope": "task"\*\* — on Windows nodes, an auto-user account created for this task alone/);
  });

  it('a hover waiting for an analysis, cancelled with $/cancelRequest, is answered −32800 at once', HANG, async (t) => {
    const client = await serverForTest(t, { workspace: { configuration: true } }, undefined, { trace: 'messages' });
    const uri = 'file:///load/cancelled.json';
    await client.open(uri, 'json', TASKS(2));
    await client.diagnosticsFor(uri, (p) => p.version === 1);
    // The document's next analysis waits for its settings, which are answered only at the end.
    let asked!: () => void;
    const askedPromise = new Promise<void>((resolve) => (asked = resolve));
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    client.connection.onRequest('workspace/configuration', async (params: { items: { scopeUri?: string }[] }) => {
      if (params.items.some((i) => i.scopeUri === uri)) {
        asked();
        await answered;
      }
      return params.items.map(() => ({}));
    });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await askedPromise;
    await client.connection.sendNotification('textDocument/didChange', didChange(uri, 2, { line: 1, character: 34 }, 'y').params);
    const cancel = new CancellationTokenSource();
    const hover = client.connection
      .sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } }, cancel.token)
      .then(
        () => undefined,
        (error: { code: number }) => error.code,
      );
    await client.roundTrip(); // the hover is being handled: it waits for version 2
    cancel.cancel();
    assert.equal(await hover, -32800);
    answer();
    await client.diagnosticsFor(uri, (p) => p.version === 2);
  });
});

describe('load: requests served from the kept analysis', () => {
  async function codeActions(client: LspClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
  }

  it('code actions and hovers, asked again and again, parse nothing; a suppression is verified when it is resolved', HANG, async (t) => {
    const client = await started(t, RESOLVING);
    const uri = 'file:///load/actions.jsonc';
    const text =
      '{\n  // tasks\n  "value": [\n    {"id": "a", "commandLine": "x", "runElevated": true},\n    {"id": "b", "commandLine": "x", "runElevated": false}\n  ]\n}\n';
    await client.open(uri, 'jsonc', text);
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.version === 1);
    assert.equal(diagnostics.length, 2);
    await client.roundTrip();
    const traced = client.traces().length;
    let actions: CodeAction[] = [];
    for (let i = 0; i < 5; i++) {
      for (const diagnostic of diagnostics) actions = await codeActions(client, uri, diagnostic);
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: diagnostics[0].range.start });
    }
    assert.deepEqual(client.traces().slice(traced), [], 'no analysis, verification or fix-all for code actions and hovers');
    // Fix-alls and suppressions are offered without their edits, to be resolved when chosen.
    const line = actions.find((a) => a.title === 'Disable run-elevated for this line')!;
    const fixAll = actions.find((a) => a.title === 'Fix all run-elevated problems in this file')!;
    assert.ok(line && !line.edit && fixAll && !fixAll.edit, JSON.stringify(actions));
    const resolved = (await client.connection.sendRequest('codeAction/resolve', line)) as CodeAction;
    assert.deepEqual(resolved.edit!.changes![uri], [
      {
        range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } },
        newText: '    // batch-identity-disable-next-line run-elevated\n',
      },
    ]);
    assert.equal(
      client
        .traces()
        .slice(traced)
        .filter((l) => l.startsWith('verified a line suppression of run-elevated')).length,
      1,
    );
    assert.equal(analysesOf(client, uri), 1);
  });

  it('a client that cannot resolve gets the edits at once, each computed once per version', HANG, async (t) => {
    const client = await started(t);
    const uri = 'file:///load/eager.jsonc';
    const text =
      '{\n  // tasks\n  "value": [\n    {"id": "a", "commandLine": "x", "runElevated": true},\n    {"id": "b", "commandLine": "x", "runElevated": false}\n  ]\n}\n';
    await client.open(uri, 'jsonc', text);
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.version === 1);
    await client.roundTrip();
    const traced = client.traces().length;
    const first = await codeActions(client, uri, diagnostics[0]);
    const computed = client.traces().slice(traced);
    // Two suppressions verified, the fix-all of the file and of the rule: once.
    assert.equal(computed.filter((l) => l.startsWith('verified')).length, 2, computed.join('\n'));
    assert.equal(computed.filter((l) => l.startsWith('fix-all')).length, 2, computed.join('\n'));
    assert.ok(first.every((a) => a.edit));
    for (let i = 0; i < 3; i++) assert.deepEqual(await codeActions(client, uri, diagnostics[0]), first);
    assert.equal(client.traces().length, traced + computed.length, 'asked again: nothing computed again');
  });
});

describe('load: the workspace re-check after an account change', () => {
  it('a keystroke in an account name re-checks only the documents naming that account, once', HANG, async (t) => {
    const client = await started(t);
    const poolUri = 'file:///load/pool.json';
    const text = pool('ops', 'dev');
    await client.open(poolUri, 'json', text);
    // The pool's accounts are indexed before any task is analysed: no re-check is due before the keystrokes.
    await client.diagnosticsFor(poolUri, (p) => p.version === 1);
    const tasks: Record<string, string[]> = { ops: [], dev: [], auto: [] };
    for (const kind of Object.keys(tasks))
      for (let i = 0; i < 4; i++) {
        const uri = `file:///load/${kind}-${i}.json`;
        tasks[kind].push(uri);
        await client.open(uri, 'json', kind === 'auto' ? AUTO_USER_TASK : taskAs(kind));
      }
    for (const uri of Object.values(tasks).flat()) await client.diagnosticsFor(uri, (p) => p.version === 1);
    await client.roundTrip();
    assert.deepEqual(
      client.traces().filter((l) => l.startsWith('re-checking')),
      [],
    );
    const traced = client.traces().length;
    // Rename ops → opsX…, three keystrokes at once.
    const at = text.indexOf('"ops"') + 4;
    together(client, ...['X', 'Y', 'Z'].map((c, i) => didChange(poolUri, i + 2, { line: 0, character: at + i }, c)));
    for (const uri of tasks.ops) await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'unknown-user'));
    const lines = client.traces().slice(traced);
    const rechecks = lines.filter((l) => l.startsWith('re-checking'));
    assert.equal(rechecks.length, 1, lines.join('\n'));
    assert.match(rechecks[0], /^re-checking 4 documents the workspace changes concern: /);
    assert.deepEqual(rechecks[0].split(': ')[1].split(' ').sort(), [...tasks.ops].sort());
    await client.roundTrip();
    const after = client
      .traces()
      .slice(traced)
      .filter((l) => l.startsWith('analysed '));
    assert.deepEqual(after.map((l) => l.split(' ')[1]).sort(), [poolUri, ...tasks.ops].sort(), after.join('\n'));
  });

  it('opening documents that define and name accounts stays linear: each is analysed at most twice', HANG, async (t) => {
    const client = await started(t);
    const N = 60;
    const uri = (i: number) => `file:///load/linear-${i}.py`;
    // Document i defines user-i on a pool and runs a task as user-(i+1): each account is named by
    // another document. (A task, not the pool's start task: a start task is judged against its own
    // pool's accounts, whatever the workspace defines.)
    const text = (i: number) =>
      'import os\nfrom azure.batch import models\n\n' +
      `pool = models.PoolAddParameter(id='p${i}', vm_size='s', user_accounts=[models.UserAccount(name='user-${i}', password=os.environ['PW'])])\n` +
      `task = models.TaskAddParameter(id='t${i}', command_line='x', user_identity=models.UserIdentity(user_name='user-${(i + 1) % N}'))\n`;
    together(client, ...Array.from({ length: N }, (_, i) => didOpen(uri(i), text(i), 'python')));
    for (let i = 0; i < N; i++) await client.diagnosticsFor(uri(i), (p) => !p.diagnostics.some((d) => d.code === 'unknown-user'));
    await client.roundTrip();
    const counts = new Map<string, number>();
    for (const line of analysed(client)) counts.set(line.split(' ')[1], (counts.get(line.split(' ')[1]) ?? 0) + 1);
    assert.equal(counts.size, N);
    assert.ok(
      [...counts.values()].every((n) => n <= 2),
      JSON.stringify([...counts]),
    );
  });

  it('visible documents are analysed first, then the most recently changed', HANG, async (t) => {
    const client = await started(t);
    const uri = (i: number) => `file:///load/order-${i}.json`;
    together(client, ...Array.from({ length: 8 }, (_, i) => didOpen(uri(i), TASKS(2))), {
      method: VISIBLE_DOCUMENTS_NOTIFICATION,
      params: { uris: [uri(2), uri(5)] },
    });
    for (let i = 0; i < 8; i++) await client.diagnosticsFor(uri(i));
    const order = analysed(client).map((l) => l.split(' ')[1]);
    assert.deepEqual(order, [5, 2, 7, 6, 4, 3, 1, 0].map(uri));
  });
});
