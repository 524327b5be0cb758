/**
 * Faults an editor or a repository really produces, driven over stdio against dist/server.js, a
 * fresh server per case (issue 19): none may crash, hang or silence the server. Each case ends by
 * showing the server still answers. Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { STATUS_NOTIFICATION, type StatusParams } from '../../../common/protocol';
import { scratchTrees } from '../../helpers/cli';
import { frame, rawServerForTest, serverForTest, type LspClient } from '../../helpers/lspClient';

/** Only to turn a hang into a failure; no speed is asserted. */
const HANG = { timeout: 30_000 };
const tree = scratchTrees('bi-lsp-faults');

const POOL = `{"id": "p", "vmSize": "standard_d2s_v3", "userAccounts": [{"name": "ops", "password": "[parameters('pw')]"}]}\n`;
const TASK = '{"id": "t", "commandLine": "x", "runElevated": true}\n';

/** The server still works: a document opened now gets its diagnostics. */
async function stillAnswers(client: LspClient): Promise<void> {
  const uri = `file:///faults/alive-${client.published.length}.json`;
  await client.open(uri, 'json', TASK);
  const published = await client.diagnosticsFor(uri);
  assert.deepEqual(
    published.diagnostics.map((d) => d.code),
    ['run-elevated'],
  );
}

const requestError = async (promise: Promise<unknown>): Promise<{ code: number; message: string }> => {
  try {
    await promise;
  } catch (error) {
    return error as { code: number; message: string };
  }
  assert.fail('the request was answered without an error');
};

describe('faults: URIs that are no local path (issue 19.1)', () => {
  const uris = {
    'a Windows UNC share': 'file://fileserver/share/pools/pool.json',
    'an escaped separator': 'file:///work/a%2Fb/pool.json',
    'a bad escape': 'file:///work/%E0%A4%A/pool.json',
    'an untitled buffer': 'untitled:Untitled-1',
  };
  for (const [what, uri] of Object.entries(uris)) {
    it(`${what}: analysed from its text, closed without a crash, its accounts forgotten`, HANG, async (t) => {
      const client = await serverForTest(t, undefined, undefined, {
        workspaceFolders: [{ uri: 'file://fileserver/share', name: 'share' }],
      });
      const task = 'file:///faults/task.json';
      await client.open(uri, 'json', POOL);
      await client.diagnosticsFor(uri);
      await client.open(task, 'json', '{"id": "t", "commandLine": "x", "userIdentity": {"username": "ghost"}}\n');
      // The pool defines accounts, not ghost: a workspace with pools names ghost unknown.
      await client.diagnosticsFor(task, (p) => p.diagnostics.some((d) => d.code === 'unknown-user'));
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      // Its accounts came from the buffer and the file cannot be read: no pools left, so no evidence.
      await client.diagnosticsFor(task, (p) => !p.diagnostics.some((d) => d.code === 'unknown-user'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
      await stillAnswers(client);
      assert.equal(client.process.exitCode, null);
    });
  }

  it('didClose without a uri, or without a document: a log line each', HANG, async (t) => {
    const client = await serverForTest(t);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: {} });
    await client.connection.sendNotification('textDocument/didClose', {});
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'file:///x.json', languageId: 'json', version: 1 },
    });
    await stillAnswers(client);
    assert.ok(
      client.logLines().includes('Ignored textDocument/didClose: textDocument.uri must be a string.'),
      client.logLines().join('\n'),
    );
    assert.ok(client.logLines().includes('Ignored textDocument/didClose: textDocument must be an object.'), client.logLines().join('\n'));
    assert.ok(
      client.logLines().includes('Ignored textDocument/didOpen: textDocument.text must be a string.'),
      client.logLines().join('\n'),
    );
  });

  it('workspace folders that are no path, or missing, are left out with a log line; initialize succeeds', HANG, async (t) => {
    const missing = pathToFileURL(path.join(tree({ 'x.json': '{}' }), 'gone')).toString();
    const client = await serverForTest(t, undefined, undefined, {
      workspaceFolders: [
        { uri: 'file://fileserver/share', name: 'unc' },
        { uri: missing, name: 'missing' },
      ],
    });
    await client.notification<{ message: string }>('window/logMessage', (p) => p.message.startsWith('Workspace scan:'));
    const lines = client.logLines();
    assert.ok(
      lines.some((l) => l.startsWith('Workspace folder file://fileserver/share is not a path on this machine')),
      lines.join('\n'),
    );
    assert.ok(
      lines.some((l) => l.includes('gone cannot be read (no such file or directory)')),
      lines.join('\n'),
    );
    await stillAnswers(client);
  });
});

describe('faults: parameters of the wrong type get −32602 with a clear message (issue 19.8)', () => {
  it('hover, code action, execute command, resolve: −32602 naming what is wrong; never JavaScript’s own words', HANG, async (t) => {
    const client = await serverForTest(t);
    const cases: [string, unknown, RegExp][] = [
      [
        'textDocument/hover',
        { textDocument: { uri: 'file:///a.json' }, position: { line: 'x', character: 0 } },
        /position must be a position/,
      ],
      ['textDocument/hover', { textDocument: { uri: 7 }, position: { line: 0, character: 0 } }, /textDocument\.uri must be a string/],
      ['textDocument/hover', { textDocument: { uri: 'file:///a.json' }, position: { line: -1, character: 0 } }, /at least 0/],
      [
        'textDocument/codeAction',
        { textDocument: { uri: 'file:///a.json' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
        /context must be an object/,
      ],
      [
        'textDocument/codeAction',
        {
          textDocument: { uri: 'file:///a.json' },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [{}] },
        },
        /context\.diagnostics\[0\]\.range must be an object/,
      ],
      ['workspace/executeCommand', { command: 42 }, /command must be a string/],
      ['workspace/executeCommand', { command: 'batchIdentity.server.applyFixAll', arguments: [17] }, /takes the document's URI/],
      ['codeAction/resolve', { title: 'x' }, /not offered by this server/],
    ];
    for (const [method, params, message] of cases) {
      const error = await requestError(client.connection.sendRequest(method, params));
      assert.equal(error.code, -32602, `${method} ${JSON.stringify(params)}: ${error.message}`);
      assert.match(error.message, message);
      assert.doesNotMatch(error.message, /Cannot read|undefined|TypeError/);
    }
    await stillAnswers(client);
  });
});

describe(
  'faults: the walk reads regular files only, each once (issue 19.2, 19.3)',
  { skip: process.platform === 'win32' && 'POSIX links and pipes' },
  () => {
    /** A workspace with a link cycle, a link to `.`, a named pipe and a device with source extensions. */
    function hostileWorkspace(): { root: string; uri: (name: string) => string } {
      const root = tree({ 'pools/pool.json': POOL, 'jobs/tasks.json': TASK });
      fs.symlinkSync('.', path.join(root, 'self'));
      fs.symlinkSync('..', path.join(root, 'pools', 'up'));
      fs.symlinkSync('/dev/zero', path.join(root, 'zero.json'));
      assert.equal(spawnSync('mkfifo', [path.join(root, 'pipe.json')]).status, 0, 'mkfifo');
      return { root, uri: (name) => pathToFileURL(path.join(root, name)).toString() };
    }

    it('the scan ends, reads each file once, and skips pipes and devices; a pipe "created" later is skipped too', HANG, async (t) => {
      const { root, uri } = hostileWorkspace();
      const client = await serverForTest(t, undefined, undefined, {
        workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }],
      });
      const scanned = await client.notification<{ message: string }>('window/logMessage', (p) => p.message.startsWith('Workspace scan:'));
      assert.match(scanned.message, /^Workspace scan: 2 files read in \d+ ms; 1 pool user account on 1 pool in 1 file\.$/);
      assert.equal(spawnSync('mkfifo', [path.join(root, 'later.json')]).status, 0);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: uri('later.json'), type: 1 },
          { uri: uri('zero.json'), type: 2 },
        ],
      });
      await stillAnswers(client);
    });
  },
);

describe('faults: didChange ranges (issue 19.6)', () => {
  const CS = [
    'using Microsoft.Azure.Batch;',
    '',
    'class Jobs',
    '{',
    '    void Submit(CloudTask task)',
    '    {',
    '        task.RunElevated = true;',
    '    }',
    '    void Other(CloudTask other)',
    '    {',
    '        other.RunElevated = false;',
    '    }',
    '}',
    '',
  ].join('\n');
  const strip = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => ({ range: d.range, code: d.code, message: d.message }));

  it('a range whose end precedes its start is read with its ends swapped, by the text and the kept tree alike', HANG, async (t) => {
    const client = await serverForTest(t);
    const uri = 'file:///faults/Reversed.cs';
    let document = TextDocument.create(uri, 'csharp', 1, CS);
    await client.open(uri, 'csharp', CS);
    await client.diagnosticsFor(uri, (p) => p.version === 1);
    const send = async (change: {
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
      text: string;
    }) => {
      // The client's copy, through the same library (which swaps a reversed range too).
      document = TextDocument.update(document, [change], document.version + 1);
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: document.version },
        contentChanges: [change],
      });
      return client.diagnosticsFor(uri, (p) => p.version === document.version);
    };
    // Delete `void Submit(CloudTask task)` … given end first; then edits after it.
    await send({ range: { start: { line: 7, character: 5 }, end: { line: 4, character: 4 } }, text: '' });
    await send({ range: { start: { line: 4, character: 4 }, end: { line: 4, character: 4 } }, text: 'int x; ' });
    const last = await send({ range: { start: { line: 7, character: 8 }, end: { line: 7, character: 8 } }, text: ' ' });
    // What a fresh document with the same text gets.
    const fresh = 'file:///faults/Fresh.cs';
    await client.open(fresh, 'csharp', document.getText());
    const expected = await client.diagnosticsFor(fresh);
    assert.deepEqual(strip(last), strip(expected));
    assert.equal(expected.diagnostics.filter((d) => d.code === 'run-elevated').length, 1, document.getText());
  });

  it(
    'a change that cannot be applied: the document’s diagnostics go, its status says why, and a whole text brings it back',
    HANG,
    async (t) => {
      const client = await serverForTest(t);
      const uri = 'file:///faults/lost.json';
      await client.open(uri, 'json', TASK);
      await client.diagnosticsFor(uri, (p) => p.diagnostics.length === 1);
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: -1, character: 0 }, end: { line: 0, character: 1 } }, text: '' }],
      });
      await client.diagnosticsFor(uri, (p) => p.diagnostics.length === 0);
      const status = await client.notification<StatusParams>(STATUS_NOTIFICATION, (s) => s.uri === uri && s.state === 'error');
      assert.match(status.reason!, /cannot apply .*contentChanges\[0\]\.range\.start.*reopen the file/);
      // Later incremental changes cannot be trusted either; a whole text can.
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 3 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }],
      });
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 4 },
        contentChanges: [{ text: TASK + TASK }],
      });
      const back = await client.diagnosticsFor(uri, (p) => p.version === 4);
      assert.equal(back.diagnostics.length, 1);
      assert.ok(!client.publishedFor(uri).some((p) => p.version === 3), 'nothing analysed from a lost text');
    },
  );
});

describe('faults: framing, malformed bodies, shutdown and exit (issue 19.7, 19.8)', () => {
  const hover = (id: number) => ({
    id,
    method: 'textDocument/hover',
    params: { textDocument: { uri: 'file:///none.json' }, position: { line: 0, character: 0 } },
  });

  it('a body that is not JSON gets −32700 and the server reads on', HANG, async (t) => {
    const server = rawServerForTest(t);
    await server.initialize();
    server.write(frame('{"jsonrpc": "2.0", "id": 5, "method": '));
    server.send(hover(6));
    const parseError = await server.next((m) => m.id === null && 'error' in m);
    assert.equal((parseError.error as { code: number }).code, -32700);
    assert.deepEqual((await server.answer(6)).result, null);
  });

  it('what is not a JSON-RPC message gets −32600, and the server reads on', HANG, async (t) => {
    const server = rawServerForTest(t);
    await server.initialize();
    server.write(frame('[1, 2]'));
    server.write(frame('{"jsonrpc": "2.0", "id": {"a": 1}, "method": "x"}'));
    server.send(hover(7));
    assert.deepEqual((await server.answer(7)).result, null);
    const invalid = server.messages.filter((m) => m.id === null && (m.error as { code: number } | undefined)?.code === -32600);
    assert.equal(invalid.length, 2, JSON.stringify(server.messages));
  });

  for (const [what, bytes] of [
    ['a Content-Length that is no number', 'Content-Length: twelve\r\n\r\n{}'],
    ['no Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}'],
    ['a header line without a colon', 'Content-Length 2\r\n\r\n{}'],
    ['headers that never end', `X-Padding: ${'x'.repeat(20_000)}`],
  ] as const) {
    it(`a broken frame (${what}): said on stderr and the process ends with 1, for the client to restart it`, HANG, async (t) => {
      const server = rawServerForTest(t);
      await server.initialize();
      server.write(bytes);
      server.send(hover(8)); // never read: the stream is lost
      const { code } = await server.exited;
      assert.equal(code, 1);
      assert.match(server.stderr, /unreadable LSP framing on stdin/);
    });
  }

  it('after shutdown, requests get −32600; exit then ends the process with 0', HANG, async (t) => {
    const server = rawServerForTest(t);
    await server.initialize();
    server.send({ id: 1, method: 'shutdown' });
    assert.deepEqual((await server.answer(1)).result, null);
    server.send(hover(2));
    const refused = await server.answer(2);
    assert.equal((refused.error as { code: number }).code, -32600);
    server.send({ method: 'exit' });
    assert.equal((await server.exited).code, 0);
  });

  it('exit right after opening many documents ends the process at once (1 without shutdown)', HANG, async (t) => {
    const server = rawServerForTest(t);
    await server.initialize();
    const opens = Array.from({ length: 200 }, (_, i) =>
      frame(
        JSON.stringify({
          jsonrpc: '2.0',
          method: 'textDocument/didOpen',
          params: { textDocument: { uri: `file:///many/${i}.json`, languageId: 'json', version: 1, text: POOL.repeat(50) } },
        }),
      ),
    );
    server.write(Buffer.concat([...opens, frame(JSON.stringify({ jsonrpc: '2.0', method: 'exit' }))]));
    assert.equal((await server.exited).code, 1);
  });

  it('a request cancelled before it was handled is answered −32800', HANG, async (t) => {
    const server = rawServerForTest(t);
    await server.initialize();
    server.write(
      Buffer.concat([
        frame(JSON.stringify({ jsonrpc: '2.0', ...hover(3) })),
        frame(JSON.stringify({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 3 } })),
      ]),
    );
    const answer = await server.answer(3);
    assert.equal((answer.error as { code: number }).code, -32800);
  });
});
