/**
 * What the server tells the output (`window/logMessage`, which VS Code's client writes to the
 * "Batch Identity" channel), issue 14 item 5: start-up, the settings in force and their changes,
 * the workspace index and its changes, each file skipped and why — one line per event, at the info
 * level, nothing per keystroke. Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { version } from '../../../package.json';
import { scratchTrees } from '../../helpers/cli';
import { LspClient } from '../../helpers/lspClient';

const tree = scratchTrees('bi-lsp-output');
/** Only to turn a missing line into a failure instead of a hang; no speed is asserted. */
const HANG = { timeout: 30_000 };
const INFO = 3;

const jsonPool = (id: string, ...names: string[]) =>
  JSON.stringify(
    { id, vmSize: 'standard_d2s_v3', userAccounts: names.map((name) => ({ name, password: "[parameters('pw')]" })) },
    null,
    2,
  ) + '\n';
const TASK = '{"id": "t", "commandLine": "x", "runElevated": true}\n';

const logLine = (client: LspClient, start: string) =>
  client.notification<{ type: number; message: string }>('window/logMessage', (p) => p.message.startsWith(start));

describe('the output: one line per event', () => {
  it(
    'start-up, settings in force and on change, the scan, index changes once typing pauses, skips; nothing per keystroke',
    HANG,
    async (t) => {
      const root = tree({
        'pools/pool.json': jsonPool('render', 'adminUser', 'mpiUser'),
        'jobs/task.json': TASK,
        // Over the background scan's 2 MB: skipped, and said so.
        'data/huge.json': `{"userAccounts": [${'"x",'.repeat(600_000)}"x"]}`,
      });
      const uri = (name: string) => pathToFileURL(path.join(root, name)).toString();
      const client = new LspClient();
      t.after(() => client.close());
      client.settings = { rules: { 'run-elevated': 'error' } };
      await client.initialize({ workspace: { configuration: true } }, undefined, {
        workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }],
        clientInfo: { name: 'test-client', version: '1.2.3' },
      });

      const started = await logLine(client, 'Batch Identity server');
      assert.equal(started.type, INFO);
      assert.match(
        started.message,
        new RegExp(
          `^Batch Identity server ${version.replace(/\./g, '\\.')} started for test-client 1\\.2\\.3: .*server\\.js on Node v\\d+\\.\\d+\\.\\d+ \\(pid \\d+\\)\\.$`,
        ),
      );
      const settings = await logLine(client, 'Settings: ');
      assert.deepEqual(JSON.parse(settings.message.slice('Settings: '.length)), {
        enable: true,
        languages: ['csharp', 'java', 'python', 'json', 'typescript', 'markdown'],
        rules: { 'run-elevated': 'error' },
        fix: { scope: 'omit' },
        maxFileSizeKB: 10240,
        inlayHints: { runsAs: true },
      });
      const scan = await logLine(client, 'Workspace scan: 3 files');
      assert.match(scan.message, /^Workspace scan: 3 files read in \d+ ms; 2 pool user accounts on 1 pool in 1 file\.$/);
      assert.ok(
        client
          .logLines()
          .includes(
            "Workspace scan: skipped data/huge.json: it is larger than 2 MB, the workspace scan's limit (open it to have it analysed).",
          ),
        client.logLines().join('\n'),
      );

      // A pool typed letter by letter in a new buffer: one line once typing pauses, with the name as it ended.
      const typed = uri('pools/ops.json');
      const before = jsonPool('ops', 'o').replace('"o"', '""');
      await client.open(typed, 'json', before);
      const nameAt = before.indexOf('""') + 1;
      const position = (offset: number) => {
        const lines = before.slice(0, offset).split('\n');
        return { line: lines.length - 1, character: lines[lines.length - 1].length };
      };
      let documentVersion = 1;
      for (const [i, letter] of [...'opsUser'].entries()) {
        const at = position(nameAt);
        await client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri: typed, version: ++documentVersion },
          contentChanges: [
            { range: { start: { ...at, character: at.character + i }, end: { ...at, character: at.character + i } }, text: letter },
          ],
        });
        await client.diagnosticsFor(typed, (p) => p.version === documentVersion);
      }
      const added = await logLine(client, 'Workspace index:');
      assert.equal(added.type, INFO);
      assert.equal(
        added.message,
        'Workspace index: 1 pool user account added (opsUser) in pools/ops.json; 3 pool user accounts on 2 pools in all.',
      );

      // A file changed on disk: what it no longer defines.
      fs.writeFileSync(
        path.join(root, 'pools/pool.json'),
        jsonPool('render', 'adminUser', 'mpiUser', 'second').replace('"adminUser"', '"renamed"'),
      );
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('pools/pool.json'), type: 2 }] });
      const changed = await logLine(client, 'Workspace index: 2 pool user accounts added');
      assert.equal(
        changed.message,
        'Workspace index: 2 pool user accounts added (renamed, second), 1 pool user account removed (adminUser) in pools/pool.json; 4 pool user accounts on 2 pools in all.',
      );

      // Settings: told again when they change, not when a change leaves them as they were.
      client.settings = { rules: { 'run-elevated': 'error' }, languages: ['json'] };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const newSettings = await logLine(client, 'Settings changed: ');
      assert.deepEqual(JSON.parse(newSettings.message.slice('Settings changed: '.length)).languages, ['json']);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });

      // An open file of a language left out: skipped, with the reason, once.
      const python = uri('jobs/job.py');
      await client.open(python, 'python', 'task.run_elevated = True\n');
      await client.diagnosticsFor(python);
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: python, version: 2 },
        contentChanges: [{ text: 'task.run_elevated = False\n' }],
      });
      await client.diagnosticsFor(python, (p) => p.version === 2);
      await client.roundTrip();

      const lines = client.logMessages();
      assert.deepEqual(
        lines.filter((l) => l.type !== INFO),
        [],
        'every line at the info level',
      );
      const normalised = lines.map((l) => l.message.replace(/ in \d+ ms/, ' in N ms').replace(/^(Batch Identity server ).*/, '$1…'));
      // The settings (a round trip to the client) and the scan run side by side: their lines in either order.
      assert.equal(normalised[0], 'Batch Identity server …');
      assert.equal(
        normalised[1],
        'Rule pages: https://github.com/batch-identity/batch-identity/blob/main/docs/rules (online; a client that can open local pages sends initializationOptions.docsBase).',
      );
      assert.deepEqual(
        normalised.slice(2, 5).sort(),
        [
          'Settings: {"enable":true,"languages":["csharp","java","python","json","typescript","markdown"],"rules":{"run-elevated":"error"},"fix":{"scope":"omit"},"maxFileSizeKB":10240,"inlayHints":{"runsAs":true}}',
          "Workspace scan: skipped data/huge.json: it is larger than 2 MB, the workspace scan's limit (open it to have it analysed).",
          'Workspace scan: 3 files read in N ms; 2 pool user accounts on 1 pool in 1 file.',
        ].sort(),
      );
      assert.deepEqual(normalised.slice(5), [
        'Workspace index: 1 pool user account added (opsUser) in pools/ops.json; 3 pool user accounts on 2 pools in all.',
        'Workspace index: 2 pool user accounts added (renamed, second), 1 pool user account removed (adminUser) in pools/pool.json; 4 pool user accounts on 2 pools in all.',
        'Settings changed: {"enable":true,"languages":["json"],"rules":{"run-elevated":"error"},"fix":{"scope":"omit"},"maxFileSizeKB":10240,"inlayHints":{"runsAs":true}}',
        `Skipped ${python}: python is not in batchIdentity.languages.`,
      ]);
    },
  );

  it("a document whose own settings differ from the window's: told once, for the first such document", HANG, async (t) => {
    const client = new LspClient();
    t.after(() => client.close());
    client.settingsFor = (uri) => (uri.includes('/strict/') ? { rules: { 'run-elevated': 'error' } } : undefined);
    await client.initialize();
    await logLine(client, 'Settings: ');
    for (const name of ['a', 'b']) {
      const uri = `file:///work/strict/${name}.json`;
      await client.open(uri, 'json', TASK);
      await client.diagnosticsFor(uri);
    }
    await client.open('file:///work/loose/c.json', 'json', TASK);
    await client.diagnosticsFor('file:///work/loose/c.json');
    await client.roundTrip();
    assert.deepEqual(
      client.logLines().filter((l) => l.startsWith('Settings')),
      [
        'Settings: {"enable":true,"languages":["csharp","java","python","json","typescript","markdown"],"rules":{},"fix":{"scope":"omit"},"maxFileSizeKB":10240,"inlayHints":{"runsAs":true}}',
        'Settings in force for /work/strict/a.json differ: {"enable":true,"languages":["csharp","java","python","json","typescript","markdown"],"rules":{"run-elevated":"error"},"fix":{"scope":"omit"},"maxFileSizeKB":10240,"inlayHints":{"runsAs":true}}',
      ],
    );
  });
});
