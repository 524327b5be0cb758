/**
 * Named users as symbols, "runs as" inlay hints and the outline over stdio, as any LSP client sees
 * them: the account is defined in a JSON pool never opened, and named in C#, Java, Python, TypeScript and JSON
 * (one open, the rest on disk only). Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { pathToFileURL } from 'node:url';
import type {
  DocumentHighlight,
  DocumentSymbol,
  InlayHint,
  MarkupContent,
  InlayHintLabelPart,
  Location,
  Range,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { scratchTrees } from '../../helpers/cli';
import { LspClient, serverForTest } from '../../helpers/lspClient';

const tree = scratchTrees('bi-lsp-navigation');
/** Only to turn a missing answer into a failure instead of a hang; no speed is asserted. */
const HANG = { timeout: 30_000 };

const POOL_JSON =
  '{\n  "id": "render-pool",\n  "vmSize": "standard_d2s_v3",\n  "userAccounts": [\n    { "name": "adminUser", "elevationLevel": "admin" }\n  ],\n  "startTask": { "commandLine": "cmd /c install.cmd" }\n}\n';
const TASKS_JSON =
  '{\n  "value": [\n    { "id": "plain", "commandLine": "a" },\n    { "id": "publish", "commandLine": "b", "userIdentity": { "username": "adminUser" } }\n  ]\n}\n';
const IDENTITIES_CS = `using Microsoft.Azure.Batch;

class Identities
{
    void Configure(CloudTask publish, string who)
    {
        publish.UserIdentity = new UserIdentity("adminUser");
        var built = new CloudTask("built", "cmd /c x") { UserIdentity = new UserIdentity(who) };
    }
}
`;
const IDENTITIES_JAVA = `import com.microsoft.azure.batch.protocol.models.*;

class Identities {
    void configure(TaskAddParameter publish) {
        publish.withUserIdentity(new UserIdentity().withUserName("adminUser"));
    }
}
`;
const IDENTITIES_PY = `import azure.batch.models as batchmodels


def configure(publish):
    publish.user_identity = batchmodels.UserIdentity(user_name='adminUser')
`;

const IDENTITIES_TS = `import { BatchServiceModels } from '@azure/batch';

export function configure(publish: BatchServiceModels.TaskAddParameter): void {
  publish.userIdentity = { userName: 'adminUser' };
}
`;

function workspace() {
  const root = tree({
    'pool.json': POOL_JSON,
    'tasks.json': TASKS_JSON,
    'Identities.cs': IDENTITIES_CS,
    'Identities.java': IDENTITIES_JAVA,
    'identities.py': IDENTITIES_PY,
    'identities.ts': IDENTITIES_TS,
  });
  return { root, uri: (name: string) => pathToFileURL(path.join(root, name)).toString() };
}

async function started(t: TestContext) {
  const { root, uri } = workspace();
  const client = await serverForTest(
    t,
    { workspace: { configuration: true }, textDocument: { rename: { prepareSupport: true } } },
    undefined,
    { workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }] },
  );
  await client.notification<{ message: string }>('window/logMessage', (p) => p.message.startsWith('Workspace scan:'));
  await client.open(uri('tasks.json'), 'json', TASKS_JSON);
  await client.diagnosticsFor(uri('tasks.json'));
  const request = <R>(method: string, params: unknown) => client.connection.sendRequest<R>(method, params);
  return { client, root, uri, request };
}

/** The text a range covers in a file of the workspace. */
const textAt = (uri: string, range: Range) => {
  const file = fs.readFileSync(new URL(uri), 'utf8');
  return file.split('\n')[range.start.line].slice(range.start.character, range.end.character);
};
const where = (l: Location) => `${path.basename(new URL(l.uri).pathname)}:${l.range.start.line}:${textAt(l.uri, l.range)}`;

/** The position of the `nth` occurrence of `needle` in `text`, `into` characters in. */
function positionOf(text: string, needle: string, into = 1, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `no ${needle}`);
  const before = text.slice(0, at + into).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function applied(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((out, e) => out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end)), text);
}

describe('named users as symbols over stdio', () => {
  it(
    'capabilities: definition, references, rename (with prepare when the client asks first), highlights, inlay hints, symbols',
    HANG,
    async (t) => {
      const capabilitiesOf = async (clientCapabilities: Record<string, unknown>) => {
        const client = new LspClient();
        t.after(() => client.close());
        return ((await client.initialize(clientCapabilities)) as { capabilities: Record<string, unknown> }).capabilities;
      };
      const asking = await capabilitiesOf({ textDocument: { rename: { prepareSupport: true } } });
      const provided = Object.fromEntries(
        [
          'definitionProvider',
          'referencesProvider',
          'renameProvider',
          'documentHighlightProvider',
          'inlayHintProvider',
          'documentSymbolProvider',
          'workspaceSymbolProvider',
        ].map((name) => [name, asking[name]]),
      );
      assert.deepEqual(provided, {
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentHighlightProvider: true,
        inlayHintProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
      });
      assert.equal((await capabilitiesOf({})).renameProvider, true);
    },
  );

  it('go to definition: from a named user in an open JSON file to the account name in a pool never opened', HANG, async (t) => {
    const { uri, request } = await started(t);
    const locations = await request<Location[]>('textDocument/definition', {
      textDocument: { uri: uri('tasks.json') },
      position: positionOf(TASKS_JSON, '"adminUser"', 3),
    });
    assert.deepEqual(
      locations.map((l) => where(l)),
      ['pool.json:4:adminUser'],
    );
  });

  it('find all references: every identity naming the account, in five languages, open and unopened', HANG, async (t) => {
    const { uri, request } = await started(t);
    const references = (includeDeclaration: boolean) =>
      request<Location[]>('textDocument/references', {
        textDocument: { uri: uri('tasks.json') },
        position: positionOf(TASKS_JSON, 'adminUser'),
        context: { includeDeclaration },
      });
    const found = (await references(true)).map((l) => where(l)).sort();
    assert.deepEqual(found, [
      'Identities.cs:6:adminUser',
      'Identities.java:4:adminUser',
      'identities.py:4:adminUser',
      'identities.ts:3:adminUser',
      'pool.json:4:adminUser',
      'tasks.json:3:adminUser',
    ]);
    assert.equal((await references(false)).length, 5);
  });

  it('rename: the account and every reference across files; refused where the name is built at run time', HANG, async (t) => {
    const { client, uri, request } = await started(t);
    const at = { textDocument: { uri: uri('tasks.json') }, position: positionOf(TASKS_JSON, 'adminUser', 2) };
    const prepared = await request<{ range: Range; placeholder: string }>('textDocument/prepareRename', at);
    assert.equal(prepared.placeholder, 'adminUser');
    assert.equal(textAt(uri('tasks.json'), prepared.range), 'adminUser');

    const edit = await request<WorkspaceEdit>('textDocument/rename', { ...at, newName: 'batchAdmin' });
    const files = Object.keys(edit.changes!)
      .map((u) => path.basename(new URL(u).pathname))
      .sort();
    assert.deepEqual(files, ['Identities.cs', 'Identities.java', 'identities.py', 'identities.ts', 'pool.json', 'tasks.json']);
    for (const [fileUri, edits] of Object.entries(edit.changes!)) {
      const before = fs.readFileSync(new URL(fileUri), 'utf8');
      const after = applied(before, edits);
      assert.equal(after, before.split('adminUser').join('batchAdmin'), fileUri);
    }
    await assert.rejects(request('textDocument/rename', { ...at, newName: 'a"b' }), /escaping/);

    // From the account's own name, the same edit.
    await client.open(uri('pool.json'), 'json', POOL_JSON);
    await client.diagnosticsFor(uri('pool.json'));
    const fromDefinition = await request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uri('pool.json') },
      position: positionOf(POOL_JSON, 'adminUser', 4),
      newName: 'batchAdmin',
    });
    assert.deepEqual(fromDefinition, edit);

    // A C# file opened: `new UserIdentity(who)` names a user built at run time.
    await client.open(uri('Identities.cs'), 'csharp', IDENTITIES_CS);
    await client.diagnosticsFor(uri('Identities.cs'));
    await assert.rejects(
      request('textDocument/prepareRename', {
        textDocument: { uri: uri('Identities.cs') },
        position: positionOf(IDENTITIES_CS, '(who)', 2),
      }),
      /built at run time/,
    );
  });

  it('document highlight: the account named in this file', HANG, async (t) => {
    const { uri, request } = await started(t);
    const highlights = await request<DocumentHighlight[]>('textDocument/documentHighlight', {
      textDocument: { uri: uri('tasks.json') },
      position: positionOf(TASKS_JSON, 'adminUser'),
    });
    assert.deepEqual(
      highlights.map((h) => [h.range.start.line, h.kind]),
      [[3, 2]],
    );
  });

  it('inlay hints: "runs as" at each task, the named user linked to its account; off by the setting', HANG, async (t) => {
    const { client, uri, request } = await started(t);
    const hints = () =>
      request<InlayHint[]>('textDocument/inlayHint', {
        textDocument: { uri: uri('tasks.json') },
        range: { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } },
      });
    const label = (h: InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
    const shown = await hints();
    assert.deepEqual(shown.map(label), ['runs as: auto-user · non-admin (default)', 'runs as: adminUser · admin']);
    assert.ok(
      shown.every((h) => label(h).length <= 43),
      'each label fits in what VS Code shows of a hint by default (editor.inlayHints.maximumLength)',
    );
    // A task without a user identity: the documentation does not say which auto-user, and the tooltip says so.
    const noIdentity = shown[0].tooltip as MarkupContent;
    assert.match(noIdentity.value, /^\*\*auto-user · non-admin \(default\) · no user identity\*\*/);
    assert.match(noIdentity.value, /auto-user specification without a scope gets pool scope/);
    assert.match(noIdentity.value, /"as a non-administrative user unique to the task"/);
    assert.deepEqual(
      shown.map((h) => h.position.line),
      [2, 3],
    );
    const user = (shown[1].label as InlayHintLabelPart[]).find((p) => p.value === 'adminUser')!;
    assert.equal(where(user.location!), 'pool.json:4:adminUser');

    client.settings = { inlayHints: { runsAs: false } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.deepEqual(await hints(), []);
  });

  it('inlay hints follow the account: an elevation changed in the pool asks the client to refresh them', HANG, async (t) => {
    const { root, uri } = workspace();
    const client = await serverForTest(t, { workspace: { configuration: true, inlayHint: { refreshSupport: true } } }, undefined, {
      workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }],
    });
    let refreshed!: () => void;
    const refresh = new Promise<void>((resolve) => (refreshed = resolve));
    await client.notification<{ message: string }>('window/logMessage', (p) => p.message.startsWith('Workspace scan:'));
    for (const [name, text] of [
      ['pool.json', POOL_JSON],
      ['tasks.json', TASKS_JSON],
    ]) {
      await client.open(uri(name), 'json', text);
      await client.diagnosticsFor(uri(name));
    }
    client.connection.onRequest('workspace/inlayHint/refresh', () => {
      refreshed();
      return null;
    });
    const withoutElevation = POOL_JSON.replace(', "elevationLevel": "admin"', '');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri('pool.json'), version: 2 },
      contentChanges: [{ text: withoutElevation }],
    });
    await refresh;
    const hints = await client.connection.sendRequest<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: uri('tasks.json') },
      range: { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } },
    });
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.deepEqual(labels, ['runs as: auto-user · non-admin (default)', 'runs as: adminUser · non-admin (default)']);
  });

  it('document symbols: the pool with its account and its start task; workspace symbols: accounts by name', HANG, async (t) => {
    const { client, uri, request } = await started(t);
    await client.open(uri('pool.json'), 'json', POOL_JSON);
    await client.diagnosticsFor(uri('pool.json'));
    const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri('pool.json') } });
    const outline = (list: DocumentSymbol[]): unknown[] =>
      list.map((s) => [s.name, s.detail, ...(s.children?.length ? [outline(s.children)] : [])]);
    assert.deepEqual(outline(symbols), [
      // Named by its id, as C# and Python pools are (a JSON pool body carries its id).
      ['render-pool', 'pool · 1 user account', [['adminUser', 'user account · admin']]],
      ['start task', 'runs as: auto-user · non-admin (default)'],
    ]);
    const found = await request<SymbolInformation[]>('workspace/symbol', { query: 'adm' });
    assert.deepEqual(
      found.map((s) => where(s.location)),
      ['pool.json:4:adminUser'],
    );
    assert.deepEqual(await request<SymbolInformation[]>('workspace/symbol', { query: 'zz' }), []);
  });
});
