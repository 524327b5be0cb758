/**
 * Migrate Workspace over stdio (issue 17.1), as any LSP client sees it: `workspace/executeCommand`
 * `batchIdentity.migrateWorkspace` answered by one `workspace/applyEdit` whose changes carry one
 * change annotation per file, needing confirmation; open documents edited in their unsaved text at
 * their version; `.gitignore` and `files.exclude` honoured; the result exactly what `check --fix`
 * writes; progress on the client's token; cancellation; clients that cannot review. Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import type {
  ApplyWorkspaceEditParams,
  ConfigurationParams,
  ShowMessageRequestParams,
  TextDocumentEdit,
  TextEdit,
  WorkDoneProgressBegin,
  WorkDoneProgressEnd,
  WorkDoneProgressReport,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { WorkDoneProgress } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MigrationSummary } from '../../../common/protocol';
import { cli, scratchTrees, snapshot } from '../../helpers/cli';
import { serverForTest, type LspClient } from '../../helpers/lspClient';

const tree = scratchTrees('bi-lsp-migrate');
const EXAMPLES = path.resolve(__dirname, '../../../examples');
const COMMAND = 'batchIdentity.migrateWorkspace';
const PROGRESS_TOKEN = 'migrate-1';
const TASK = '{\n  "id": "t",\n  "commandLine": "x",\n  "runElevated": true\n}\n';

/** What VS Code sends: configuration pulled, documentChanges with change annotations, applyEdit, work-done progress. */
const REVIEWING_CLIENT = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true, changeAnnotationSupport: { groupsOnLabel: true } },
  },
  window: { workDoneProgress: true },
};

/** The examples of all four languages, with files .gitignore and files.exclude leave out, and a file outside any rule. */
function workspaceFiles(): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {};
  for (const name of fs.readdirSync(EXAMPLES)) files[`src/${name}`] = fs.readFileSync(path.join(EXAMPLES, name));
  Object.assign(files, {
    '.gitignore': 'generated/\n*.local.json\n',
    'generated/task.json': TASK,
    'jobs/task.local.json': TASK,
    'jobs/.gitignore': '!keep.local.json\n',
    'jobs/keep.local.json': TASK,
    'jobs/task.json': TASK,
    'vendor/task.json': TASK,
    'crlf/task.json': TASK.replace(/\n/g, '\r\n'),
  });
  return files;
}
/** VS Code's `files.exclude` as the test's client answers it. */
const FILES_EXCLUDE = { '**/vendor': true, '**/.git': true, 'off/**': false };
/** The files the migration must leave alone: ignored by git or excluded by files.exclude. */
const LEFT_OUT = ['generated/task.json', 'jobs/task.local.json', 'vendor/task.json'];

interface Session {
  client: LspClient;
  edits: ApplyWorkspaceEditParams[];
  progress: (WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd)[];
  messages: ShowMessageRequestParams[];
}

async function session(
  t: TestContext,
  root: string,
  options: { capabilities?: Record<string, unknown>; answer?: (p: ApplyWorkspaceEditParams) => { applied: boolean }; choose?: string } = {},
): Promise<Session> {
  const client = await serverForTest(t, options.capabilities ?? REVIEWING_CLIENT, undefined, {
    workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'root' }],
  });
  const edits: ApplyWorkspaceEditParams[] = [];
  const progress: Session['progress'] = [];
  const messages: ShowMessageRequestParams[] = [];
  client.connection.onRequest('workspace/configuration', (params: ConfigurationParams) =>
    params.items.map((item) => (item.section === 'files.exclude' ? FILES_EXCLUDE : item.section === 'batchIdentity' ? {} : null)),
  );
  client.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
    edits.push(params);
    return options.answer?.(params) ?? { applied: true };
  });
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  // vscode-jsonrpc hands `$/progress` to the handler of its token only.
  client.connection.onProgress(WorkDoneProgress.type, PROGRESS_TOKEN, (value) => {
    progress.push(value);
  });
  client.connection.onRequest('window/showMessageRequest', (params: ShowMessageRequestParams) => {
    messages.push(params);
    return params.actions?.find((a) => a.title === options.choose) ?? null;
  });
  return { client, edits, progress, messages };
}

/** Applies a workspace edit to the files on disk (or to `buffers` for the documents it names): what an editor does. */
function applyToDisk(edit: WorkspaceEdit, buffers: Record<string, string> = {}): void {
  const changes: [string, TextEdit[]][] = edit.documentChanges
    ? (edit.documentChanges as TextDocumentEdit[]).map((c) => [c.textDocument.uri, c.edits as TextEdit[]])
    : Object.entries(edit.changes ?? {});
  for (const [uri, edits] of changes) {
    const file = fileURLToPath(uri);
    const text = buffers[uri] ?? fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, TextDocument.applyEdits(TextDocument.create(uri, 'x', 0, text), edits));
  }
}

describe('lsp: Migrate Workspace', { timeout: 60_000 }, () => {
  it('one annotated edit, one annotation per file needing confirmation; applied, it is exactly what check --fix writes', async (t) => {
    const files = workspaceFiles();
    const root = tree(files);
    const { client, edits, progress } = await session(t, root);
    const summary = (await client.connection.sendRequest('workspace/executeCommand', {
      command: COMMAND,
      arguments: [{ scope: 'omit' }],
      workDoneToken: PROGRESS_TOKEN,
    })) as MigrationSummary;

    assert.equal(edits.length, 1);
    const [{ edit, label, metadata }] = edits;
    assert.equal(label, 'Batch Identity: Migrate Workspace');
    assert.deepEqual(metadata, { isRefactoring: true });
    const changes = edit.documentChanges as TextDocumentEdit[];
    const names = changes.map((c) => path.relative(root, fileURLToPath(c.textDocument.uri)).split(path.sep).join('/')).sort();
    assert.deepEqual(names, [
      'crlf/task.json',
      'jobs/keep.local.json',
      'jobs/task.json',
      'src/LegacyTasks.cs',
      'src/LegacyTasks.java',
      // Markdown's code blocks are migrated as the editor's fix-all and check --fix do (examples/batch-docs.md).
      'src/batch-docs.md',
      'src/legacy-pool.json',
      'src/legacy-tasks.js',
      'src/legacy-tasks.json',
      'src/legacy-tasks.ts',
      'src/legacy_tasks.py',
    ]);
    // One annotation per file, needing confirmation, and every edit of a file carries its file's.
    assert.equal(Object.keys(edit.changeAnnotations ?? {}).length, changes.length);
    for (const change of changes) {
      assert.equal(change.textDocument.version, null, 'files not open: no version');
      const ids = new Set((change.edits as { annotationId?: string }[]).map((e) => e.annotationId));
      assert.equal(ids.size, 1);
      const annotation = edit.changeAnnotations![[...ids][0]!];
      assert.equal(annotation.needsConfirmation, true);
      assert.equal(annotation.label, path.relative(root, fileURLToPath(change.textDocument.uri)).split(path.sep).join('/'));
      assert.match(annotation.description ?? '', /^\d+ problems? fixed \(run-elevated\)$/);
    }
    assert.deepEqual(
      { ...summary, skipped: summary.skipped.length },
      // batch-docs.md: five runElevated in its code blocks; legacy-tasks.ts and .js: four each.
      { applied: true, files: 11, changes: 37, scanned: 11, excluded: 3, skipped: 0 },
    );
    // Work-done progress on the client's token: begin (cancellable), end.
    const kinds = progress.map((p) => p.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.deepEqual(progress[0], {
      kind: 'begin',
      title: 'Batch Identity: Migrate Workspace',
      percentage: 0,
      message: 'reading the workspace',
      cancellable: true,
    });

    // Applied, the workspace is what check --fix makes of the same files (which it does not leave out).
    applyToDisk(edit);
    const fixed = tree(files);
    const cliRun = await cli(['check', '--fix', '--no-cache', fixed]);
    assert.equal(cliRun.code, 0, cliRun.stdout);
    const expected = snapshot(fixed);
    const migrated = snapshot(root);
    for (const name of LEFT_OUT) {
      assert.equal(migrated[name], Buffer.from(files[name]).toString('latin1'), `${name} is left alone`);
      delete expected[name];
      delete migrated[name];
    }
    assert.deepEqual(migrated, expected);
  });

  it('an open document is migrated from its unsaved text, at its version', async (t) => {
    const root = tree({ 'a.json': TASK, 'b.json': TASK });
    const { client, edits } = await session(t, root);
    const uri = pathToFileURL(path.join(root, 'a.json')).toString();
    const unsaved = TASK.replace('"id": "t"', '"id": "unsaved"');
    await client.open(uri, 'json', unsaved, 7);
    await client.connection.sendRequest('workspace/executeCommand', { command: COMMAND, arguments: [] });
    const changes = edits[0].edit.documentChanges as TextDocumentEdit[];
    const open = changes.find((c) => c.textDocument.uri === uri)!;
    assert.equal(open.textDocument.version, 7);
    const result = TextDocument.applyEdits(TextDocument.create(uri, 'json', 7, unsaved), open.edits as TextEdit[]);
    assert.equal(
      result,
      '{\n  "id": "unsaved",\n  "commandLine": "x",\n  "userIdentity": {\n    "autoUser": {\n      "elevationLevel": "admin"\n    }\n  }\n}\n',
    );
  });

  it('the scope asked for is written; files unticked in the preview stay as they are', async (t) => {
    const root = tree({ 'a.json': TASK, 'b.json': TASK });
    // The editor applies the edit without one file, as the Refactor Preview does when it is unticked.
    const { client, edits } = await session(t, root, { answer: () => ({ applied: true }) });
    await client.connection.sendRequest('workspace/executeCommand', { command: COMMAND, arguments: [{ scope: 'task' }] });
    const edit = edits[0].edit;
    const refused = pathToFileURL(path.join(root, 'b.json')).toString();
    applyToDisk({ documentChanges: (edit.documentChanges as TextDocumentEdit[]).filter((c) => c.textDocument.uri !== refused) });
    assert.equal(
      fs.readFileSync(path.join(root, 'a.json'), 'utf8'),
      '{\n  "id": "t",\n  "commandLine": "x",\n  "userIdentity": {\n    "autoUser": {\n      "scope": "task",\n      "elevationLevel": "admin"\n    }\n  }\n}\n',
    );
    assert.equal(fs.readFileSync(path.join(root, 'b.json'), 'utf8'), TASK);
  });

  it('cancelled before the edit is sent: RequestCancelled, and no edit', async (t) => {
    const root = tree({ 'a.json': TASK });
    const { client, edits } = await session(t, root);
    const source = new CancellationTokenSource();
    // The server asks for the folder's configuration before it reads a file: the cancellation comes first.
    client.connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      source.cancel();
      return params.items.map(() => ({}));
    });
    await assert.rejects(
      client.connection.sendRequest('workspace/executeCommand', { command: COMMAND }, source.token),
      (error: { code?: number }) => {
        assert.equal(error.code, -32800);
        return true;
      },
    );
    // The server still answers, and a second run works (the first one let go of the lock).
    client.connection.onRequest('workspace/configuration', (params: ConfigurationParams) => params.items.map(() => ({})));
    const summary = (await client.connection.sendRequest('workspace/executeCommand', { command: COMMAND })) as MigrationSummary;
    assert.equal(summary.files, 1);
    assert.equal(edits.length, 1);
  });

  it('a client that cannot review change annotations is asked first; declined, nothing is sent; accepted, a plain edit', async (t) => {
    const plain = { workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } } };
    const root = tree({ 'a.json': TASK });
    const declined = await session(t, root, { capabilities: plain, choose: 'Cancel' });
    const no = (await declined.client.connection.sendRequest('workspace/executeCommand', { command: COMMAND })) as MigrationSummary;
    assert.equal(declined.messages.length, 1);
    assert.match(declined.messages[0].message, /cannot show the 1 change in 1 file for review before they are applied\. Apply them now\?/);
    assert.deepEqual([no.applied, declined.edits.length], [false, 0]);
    assert.match(no.notApplied ?? '', /not confirmed/);

    const accepted = await session(t, root, { capabilities: plain, choose: 'Apply' });
    const yes = (await accepted.client.connection.sendRequest('workspace/executeCommand', { command: COMMAND })) as MigrationSummary;
    assert.equal(yes.applied, true);
    const edit = accepted.edits[0].edit;
    assert.equal(edit.changeAnnotations, undefined);
    assert.ok((edit.documentChanges as TextDocumentEdit[]).every((c) => c.edits.every((e) => !('annotationId' in e))));
  });

  it('a file that is not open and not valid UTF-8 is skipped with its reason; the others are migrated', async (t) => {
    // é as its one Windows-1252 byte: the editor would decode the file as UTF-8, not as this edit's text.
    const legacy = Buffer.concat([
      Buffer.from('{\n  "id": "caf'),
      Buffer.from([0xe9]),
      Buffer.from('",\n  "commandLine": "x",\n  "runElevated": true\n}\n'),
    ]);
    const root = tree({ 'a.json': TASK, 'legacy.json': legacy });
    const { client, edits } = await session(t, root);
    const summary = (await client.connection.sendRequest('workspace/executeCommand', { command: COMMAND })) as MigrationSummary;
    assert.equal(summary.files, 1);
    assert.deepEqual(
      summary.skipped.map((s) => [path.basename(fileURLToPath(s.uri)), s.reason]),
      [
        [
          'legacy.json',
          'not valid UTF-8 (read here as Windows-1252, which the editor may not): open it in its encoding and migrate again, or use check --fix',
        ],
      ],
    );
    const changed = (edits[0].edit.documentChanges as TextDocumentEdit[]).map((c) => path.basename(fileURLToPath(c.textDocument.uri)));
    assert.deepEqual(changed, ['a.json']);
    assert.deepEqual(fs.readFileSync(path.join(root, 'legacy.json')), legacy);
  });

  it('a refused edit, a file too large and wrong arguments are said so', async (t) => {
    const root = tree({ 'a.json': TASK, 'big.json': TASK + ' '.repeat(3000) });
    const { client } = await session(t, root, { answer: () => ({ applied: false }) });
    client.connection.onRequest('workspace/configuration', (params: ConfigurationParams) =>
      params.items.map((item) => (item.section === 'batchIdentity' ? { maxFileSizeKB: 2 } : {})),
    );
    const summary = (await client.connection.sendRequest('workspace/executeCommand', { command: COMMAND })) as MigrationSummary;
    assert.equal(summary.applied, false);
    assert.match(summary.notApplied ?? '', /did not apply/);
    assert.deepEqual(summary.skipped, [
      { uri: pathToFileURL(path.join(root, 'big.json')).toString(), reason: 'the file is larger than batchIdentity.maxFileSizeKB (2 KB)' },
    ]);
    await assert.rejects(
      client.connection.sendRequest('workspace/executeCommand', { command: COMMAND, arguments: [{ scope: 'everywhere' }] }),
      (error: { code?: number }) => {
        assert.equal(error.code, -32602);
        return true;
      },
    );
  });
});
