/**
 * A Markdown document through the standalone server over stdio (`node dist/server.js --stdio`),
 * as any editor would open it: diagnostics at the code's places in the document, the preferred
 * quick fix and `source.fixAll.batchIdentity` writing inside the fence, in the list item's
 * indentation, a hover showing the replacement in the block's own fence, and suppression comments
 * in the block's comment syntax (none in a `json` block without comments). The server knows
 * nothing of Markdown: all of it comes through the engine.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serverForSuite } from '../../helpers/lspClient';

const URI = 'file:///work/docs/render.md';
const TEXT = [
  '# Render on Azure Batch',
  '',
  '1. The task:',
  '',
  '   ```cs',
  '   CloudTask render = new CloudTask("render", "render.exe");',
  '   render.RunElevated = true;',
  '   ```',
  '',
  '2. Its REST body:',
  '',
  '   ```json',
  '   {"id": "render", "commandLine": "render.exe", "runElevated": false}',
  '   ```',
  '',
].join('\n');

const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 1, text), edits);

describe('markdown over stdio', () => {
  const client = serverForSuite();

  it('diagnostics, the preferred fix inside the fence, fix-all, the hover’s fence and suppressions', async () => {
    await client().open(URI, 'markdown', TEXT);
    const { diagnostics } = await client().diagnosticsFor(URI, (p) => p.diagnostics.length === 2);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
      [
        ['run-elevated', 6, 10, 21],
        ['run-elevated', 12, 49, 62],
      ],
    );

    const actionsFor = async (index: number) =>
      (await client().connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: diagnostics[index].range,
        context: { diagnostics: [diagnostics[index]] },
      })) as CodeAction[];

    const csharp = await actionsFor(0);
    const preferred = csharp.find((a) => a.isPreferred)!;
    assert.equal(
      apply(TEXT, preferred.edit!.changes![URI] as TextEdit[]),
      TEXT.replace(
        '   render.RunElevated = true;',
        '   render.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));',
      ),
    );
    const disableLine = csharp.find((a) => a.title === 'Disable run-elevated for this line')!;
    assert.equal(
      apply(TEXT, disableLine.edit!.changes![URI] as TextEdit[]),
      TEXT.replace('   render.RunElevated', '   // batch-identity-disable-next-line run-elevated\n   render.RunElevated'),
    );
    // A `json` block without comments takes none: a JSON reader of the sample would choke on it.
    const json = await actionsFor(1);
    assert.deepEqual(
      json.filter((a) => a.title.startsWith('Disable')).map((a) => a.title),
      [],
    );
    assert.ok(json.some((a) => a.isPreferred));

    const [fixAll] = (await client().connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.batchIdentity'] },
    })) as CodeAction[];
    assert.equal(
      apply(TEXT, fixAll.edit!.changes![URI] as TextEdit[]),
      TEXT.replace(
        '   render.RunElevated = true;',
        '   render.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));',
      ).replace('"runElevated": false', '"userIdentity": {"autoUser": {"elevationLevel": "nonadmin"}}'),
    );

    const hover = (await client().connection.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: 6, character: 12 },
    })) as Hover;
    const markdown = (hover.contents as { value: string }).value;
    assert.ok(
      markdown.includes(
        'In this file it becomes:\n\n```csharp\nUserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin))\n```',
      ),
      markdown,
    );
    assert.deepEqual(hover.range, diagnostics[0].range);
  });
});
