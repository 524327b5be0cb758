/**
 * The server writes quick fixes in the format of the document's project (issue 14): a Python
 * document under a pyproject.toml with `line-length = 79` gets a quick fix whose lines fit, and
 * when the pyproject.toml changes on disk (`workspace/didChangeWatchedFiles`, which the client
 * sends for the format configuration files too) the next quick fix follows the new length.
 * Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { scratchTrees } from '../../helpers/cli';
import { serverForTest } from '../../helpers/lspClient';

const tree = scratchTrees('bi-lsp-format');
/** Only to turn a missing answer into a failure instead of a hang; no speed is asserted. */
const HANG = { timeout: 30_000 };

const TASKS =
  "import azure.batch.models as batchmodels\n\nt = batchmodels.TaskAddParameter(id='t1', command_line='cmd', run_elevated=True)\n";

describe('quick fixes in the format of the project', () => {
  it('a Python quick fix under line-length = 79 writes no longer line; a changed pyproject.toml is read again', HANG, async (t) => {
    const root = tree({ 'pyproject.toml': '[tool.black]\nline-length = 79\n', '.editorconfig': 'root = true\n', 'jobs/tasks.py': TASKS });
    fs.mkdirSync(path.join(root, '.git'));
    const client = await serverForTest(t, undefined, undefined, {
      workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }],
    });
    const uri = pathToFileURL(path.join(root, 'jobs/tasks.py')).toString();
    await client.open(uri, 'python', TASKS);
    const published = await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
    const fixedText = async (diagnostics: PublishDiagnosticsParams) => {
      const diagnostic = diagnostics.diagnostics.find((d) => d.code === 'run-elevated')!;
      const actions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      })) as CodeAction[];
      const fix = actions.find((a) => a.isPreferred)!;
      const edits = fix.edit!.changes![uri];
      return TextDocument.applyEdits(TextDocument.create(uri, 'python', 1, TASKS), edits);
    };

    const wrapped = await fixedText(published);
    assert.equal(
      wrapped,
      "import azure.batch.models as batchmodels\n\nt = batchmodels.TaskAddParameter(\n    id='t1',\n    command_line='cmd',\n" +
        '    user_identity=batchmodels.UserIdentity(\n' +
        '        auto_user=batchmodels.AutoUserSpecification(\n' +
        '            elevation_level=batchmodels.ElevationLevel.admin\n' +
        '        )\n' +
        '    ),\n)\n',
    );

    fs.writeFileSync(path.join(root, 'pyproject.toml'), '[tool.black]\nline-length = 200\n');
    client.reset(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(path.join(root, 'pyproject.toml')).toString(), type: 2 }],
    });
    // The open document is analysed again with the new format.
    const again = await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
    const oneLine = await fixedText(again);
    assert.equal(oneLine.split('\n').length, TASKS.split('\n').length, oneLine);
    assert.ok(!oneLine.includes('run_elevated') && oneLine.includes('user_identity=batchmodels.UserIdentity(auto_user='), oneLine);
  });
});
