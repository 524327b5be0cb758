/**
 * The server's workspace index of pool user accounts, as an editor sees it over stdio: files on
 * disk that were never opened are read in the background, `workspace/didChangeWatchedFiles`
 * keeps them current, and a task's named user resolves (diagnostics and hover) across files.
 * Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { scratchTrees } from '../../helpers/cli';
import { POOL_CS } from '../../helpers/poolFixtures';
import { serverForTest, type LspClient } from '../../helpers/lspClient';

const tree = scratchTrees('bi-lsp-workspace');
/** Only to turn a missing publication into a failure instead of a hang; no speed is asserted. */
const HANG = { timeout: 30_000 };

const FileChange = { Created: 1, Changed: 2, Deleted: 3 } as const;

const jsonPool = (...names: string[]) =>
  JSON.stringify(
    { id: 'p', vmSize: 'standard_d2s_v3', userAccounts: names.map((name) => ({ name, password: "[parameters('pw')]" })) },
    null,
    2,
  ) + '\n';
const POOL_PY =
  "import os\nimport azure.batch.models as batchmodels\n\npool = batchmodels.PoolAddParameter(id='p', vm_size='s', user_accounts=[batchmodels.UserAccount(name='pyUser', password=os.environ['PW'])])\n";
const taskFor = (user: string) => `{"id": "t-${user}", "commandLine": "x", "userIdentity": {"username": "${user}"}}`;
const TASKS = `{"value": [\n  ${['adminUser', 'csUser', 'pyUser', 'hiddenUser', 'ghost'].map(taskFor).join(',\n  ')}\n]}\n`;

/** The user names reported by unknown-user in a publication, with their severities. */
const unknownUsers = (p: PublishDiagnosticsParams) =>
  p.diagnostics
    .filter((d) => d.code === 'unknown-user')
    .map((d) => `${TASKS.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)}:${d.severity}`)
    .sort();
const WARNING = 2;

/** A workspace of pools in three languages, one inside node_modules (never read), and a task file. */
function workspace(): { root: string; uri: (name: string) => string } {
  const root = tree({
    'pools/pool.json': jsonPool('adminUser'),
    'pools/Pools.cs': POOL_CS,
    'pools/pools.py': POOL_PY,
    'node_modules/dep/pool.json': jsonPool('hiddenUser'),
    'jobs/tasks.json': TASKS,
  });
  return { root, uri: (name) => pathToFileURL(path.join(root, name)).toString() };
}

const started = (t: TestContext, roots: Parameters<LspClient['initialize']>[2]) => serverForTest(t, undefined, undefined, roots);

describe('workspace index over stdio', () => {
  it('pools in files never opened resolve a task’s named users (workspaceFolders); node_modules is not read', HANG, async (t) => {
    const { root, uri } = workspace();
    const client = await started(t, { workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }] });
    const scanned = await client.notification<{ message: string }>('window/logMessage', (p) => p.message.startsWith('Workspace scan:'));
    assert.match(scanned.message, /^Workspace scan: 4 files read in \d+ ms; 3 pool user accounts on 3 pools in 3 files\.$/);
    await client.open(uri('jobs/tasks.json'), 'json', TASKS);
    const published = await client.diagnosticsFor(uri('jobs/tasks.json'));
    assert.deepEqual(unknownUsers(published), [`"ghost":${WARNING}`, `"hiddenUser":${WARNING}`]);

    // The hover says where the account is defined: a file that was never opened, and its line.
    const line = TASKS.split('\n').findIndex((l) => l.includes('"csUser"'));
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uri('jobs/tasks.json') },
      position: { line, character: TASKS.split('\n')[line].indexOf('"userIdentity"') + 2 },
    })) as Hover;
    const markdown = (hover.contents as { value: string }).value;
    assert.match(markdown, /named user `csUser` · admin · Linux uid 12345/);
    assert.match(
      markdown,
      new RegExp(`defined in \\[\\.\\./pools/Pools\\.cs:${POOL_CS.split('\n').findIndex((l) => l.includes('"csUser"')) + 1}\\]`),
    );
  });

  it('a lone rootUri (clients without workspace folders) is scanned too; with no root nothing is', HANG, async (t) => {
    const { root, uri } = workspace();
    const client = await started(t, { rootUri: pathToFileURL(root).toString() });
    const bare = await started(t, {});
    await client.notification<{ message: string }>('window/logMessage', (p) => p.message.startsWith('Workspace scan:'));
    await client.open(uri('jobs/tasks.json'), 'json', TASKS);
    assert.deepEqual(unknownUsers(await client.diagnosticsFor(uri('jobs/tasks.json'))), [`"ghost":${WARNING}`, `"hiddenUser":${WARNING}`]);

    // No workspace: no pools known, and a workspace without pools is no evidence (information at most).
    await bare.open(uri('jobs/tasks.json'), 'json', TASKS);
    const alone = await bare.diagnosticsFor(uri('jobs/tasks.json'));
    assert.ok(
      unknownUsers(alone).every((u) => !u.endsWith(`:${WARNING}`) && !u.endsWith(':1')),
      JSON.stringify(unknownUsers(alone)),
    );
  });

  it('didChangeWatchedFiles: created, changed and deleted pool files update the open task’s diagnostics', HANG, async (t) => {
    const { root, uri } = workspace();
    const client = await started(t, { workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }] });
    const tasks = uri('jobs/tasks.json');
    const changed = async (name: string, type: number, content?: string) => {
      if (content === undefined) fs.rmSync(path.join(root, name));
      else fs.writeFileSync(path.join(root, name), content);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(name), type }] });
    };
    const until = (expected: string[]) => client.diagnosticsFor(tasks, (p) => JSON.stringify(unknownUsers(p)) === JSON.stringify(expected));
    await client.notification<{ message: string }>('window/logMessage', (p) => p.message.startsWith('Workspace scan:'));
    await client.open(tasks, 'json', TASKS);
    await until([`"ghost":${WARNING}`, `"hiddenUser":${WARNING}`]);

    await changed('pools/more.json', FileChange.Created, jsonPool('ghost'));
    await until([`"hiddenUser":${WARNING}`]);

    await changed('pools/more.json', FileChange.Changed, jsonPool('ghost2'));
    await until([`"ghost":${WARNING}`, `"hiddenUser":${WARNING}`]);

    await changed('pools/pool.json', FileChange.Deleted);
    await until([`"adminUser":${WARNING}`, `"ghost":${WARNING}`, `"hiddenUser":${WARNING}`]);

    // An open pool is indexed from its buffer: a change event for its file on disk does not override it.
    await client.open(uri('pools/pools.py'), 'python', POOL_PY.replace("name='pyUser'", "name='ghost'"));
    await until([`"adminUser":${WARNING}`, `"hiddenUser":${WARNING}`, `"pyUser":${WARNING}`]);
    await changed('pools/pools.py', FileChange.Changed, POOL_PY);
    // Then a change that does count (adminUser defined again): once it shows, the one before was handled.
    await changed('pools/more.json', FileChange.Changed, jsonPool('ghost2', 'adminUser'));
    const after = await client.diagnosticsFor(tasks, (p) => !unknownUsers(p).includes(`"adminUser":${WARNING}`));
    assert.deepEqual(unknownUsers(after), [`"hiddenUser":${WARNING}`, `"pyUser":${WARNING}`]);
  });
});
