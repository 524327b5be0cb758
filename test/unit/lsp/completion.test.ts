/**
 * `textDocument/completion` over stdio, as any editor asks it: the capability, user names from a
 * workspace's pools in files never opened (with elevation, OS settings and defining file), enum
 * members in the document's dialect, and a C# member whose edits (the item's and the using it
 * needs) give compiling code. Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { scratchTrees } from '../../helpers/cli';
import { POOL_CS } from '../../helpers/poolFixtures';
import { LspClient, serverForTest } from '../../helpers/lspClient';

const tree = scratchTrees('bi-lsp-completion');
/** Only to turn a missing answer into a failure instead of a hang; no speed is asserted. */
const HANG = { timeout: 30_000 };

/** The position of `|` in `marked`, and the text without it. */
function cursor(marked: string): { text: string; position: { line: number; character: number } } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

function accept(uri: string, languageId: string, text: string, list: CompletionList, label: string): string {
  const item = list.items.find((i) => i.label === label);
  assert.ok(item, `${label} among ${JSON.stringify(list.items.map((i) => i.label))}`);
  const edit = item.textEdit as TextEdit;
  // Accepting the defaults: a choice's first option, a placeholder's text.
  const newText = edit.newText
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
  return TextDocument.applyEdits(TextDocument.create(uri, languageId, 1, text), [
    { ...edit, newText },
    ...(item.additionalTextEdits ?? []),
  ]);
}

describe('completion over stdio', () => {
  it('user names from pools in unopened files, enum members, a C# member with its using', HANG, async (t) => {
    const root = tree({ 'pools/Pools.cs': POOL_CS, 'jobs/placeholder.txt': '' });
    const uri = (name: string) => pathToFileURL(path.join(root, name)).toString();
    const client = await serverForTest(t, undefined, undefined, {
      workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }],
    });

    // The index is filled in the background: once it holds the C# pool, a name no pool defines is reported.
    const probe = uri('jobs/probe.json');
    await client.open(probe, 'json', '{"id": "t", "commandLine": "x", "userIdentity": {"username": "ghost"}}');
    await client.diagnosticsFor(probe, (p) => p.diagnostics.some((d) => d.code === 'unknown-user'));

    const task = uri('jobs/task.json');
    const named = cursor('{\n  "id": "t",\n  "commandLine": "x",\n  "userIdentity": {"username": "|"}\n}\n');
    await client.open(task, 'json', named.text);
    const names = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: task },
      position: named.position,
    })) as CompletionList;
    const csUser = names.items.find((i) => i.label === 'csUser');
    assert.ok(csUser, JSON.stringify(names.items.map((i) => i.label)));
    assert.equal(csUser.detail, 'admin · Linux uid 12345, gid 98765 · Pools.cs:11');
    assert.equal(accept(task, 'json', named.text, names, 'csUser'), named.text.replace('""', '"csUser"'));

    const memberDoc = uri('jobs/member.json');
    const member = cursor('{\n  "id": "t",\n  "commandLine": "x",\n  "userIdentity": {"autoUser": {"elevationLevel": "|"}}\n}\n');
    await client.open(memberDoc, 'json', member.text);
    const members = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: memberDoc },
      position: member.position,
    })) as CompletionList;
    assert.deepEqual(members.items.map((i) => i.label).sort(), ['admin', 'nonadmin']);

    const csDoc = uri('jobs/Render.cs');
    const cs = cursor(
      'using Microsoft.Azure.Batch;\n\nclass Render\n{\n    CloudTask Task() => new CloudTask("t", "render.exe")\n    {\n        |\n    };\n}\n',
    );
    await client.open(csDoc, 'csharp', cs.text);
    const csItems = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: csDoc },
      position: cs.position,
    })) as CompletionList;
    const text = accept(csDoc, 'csharp', cs.text, csItems, 'UserIdentity (auto-user)');
    assert.equal(
      text,
      'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n\nclass Render\n{\n    CloudTask Task() => new CloudTask("t", "render.exe")\n    {\n' +
        '        UserIdentity = new UserIdentity(new AutoUserSpecification(scope: AutoUserScope.Pool, elevationLevel: ElevationLevel.NonAdmin))\n    };\n}\n',
    );
    const named2 = accept(csDoc, 'csharp', cs.text, csItems, 'UserIdentity (named user)');
    assert.match(named2, /UserIdentity = new UserIdentity\("csUser"\)/, 'the workspace’s account is the choice');
  });

  it('declares the capability with its trigger characters', HANG, async (t) => {
    const client = new LspClient();
    t.after(() => client.close());
    const result = (await client.initialize()) as { capabilities: { completionProvider?: { triggerCharacters?: string[] } } };
    assert.deepEqual(result.capabilities.completionProvider?.triggerCharacters, ['"', "'", '.']);
  });
});
