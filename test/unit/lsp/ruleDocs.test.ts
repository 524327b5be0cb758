/**
 * Where rule links lead (issue 14 item 8), the contract with clients: without
 * `initializationOptions.docsBase` the stable online pages (https), with it the client's own
 * pages; "Show documentation for ⟨rule⟩" (offered to clients that show documents) asks the client
 * to show the page through `window/showDocument` — inside the editor for the client's pages,
 * externally for the online ones. Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { SERVER_COMMANDS } from '../../../common/protocol';
import { serverForTest } from '../../helpers/lspClient';

const ONLINE = 'https://github.com/batch-identity/batch-identity/blob/main/docs/rules';
const PACKAGED = 'file:///home/me/.vscode/extensions/batch-identity.batch-identity-0.1.0/docs/rules';
const SHOWS_DOCUMENTS = { workspace: { configuration: true }, window: { showDocument: { support: true } } };

const URI = 'file:///work/task.json';
/** A run-elevated finding (two of them) and an unknown-enum-member finding. */
const TEXT =
  '{"value": [\n  {"id": "a", "commandLine": "x", "runElevated": true},\n  {"id": "b", "commandLine": "y", "runElevated": false},\n' +
  '  {"id": "c", "commandLine": "z", "userIdentity": {"autoUser": {"elevationLevel": "Admin"}}}\n]}\n';

async function opened(t: TestContext, capabilities: Record<string, unknown>, options?: unknown) {
  const client = await serverForTest(t, capabilities, options);
  await client.open(URI, 'json', TEXT);
  const { diagnostics } = await client.diagnosticsFor(URI, (p) => p.diagnostics.length === 3);
  const actionsFor = async (diagnostic: Diagnostic) =>
    (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
  const hoverAt = async (needle: string) => {
    const line = TEXT.split('\n').findIndex((l) => l.includes(needle));
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line, character: TEXT.split('\n')[line].indexOf(needle) + 1 },
    })) as Hover;
    return (hover.contents as { value: string }).value;
  };
  return { client, diagnostics, actionsFor, hoverAt };
}

describe('rule documentation links', () => {
  it('without docsBase: the online pages, in code links and hovers; the page is shown externally', async (t) => {
    const { client, diagnostics, actionsFor, hoverAt } = await opened(t, SHOWS_DOCUMENTS);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.codeDescription?.href]),
      [
        ['run-elevated', `${ONLINE}/run-elevated.md`],
        ['run-elevated', `${ONLINE}/run-elevated.md`],
        ['unknown-enum-member', `${ONLINE}/unknown-enum-member.md`],
      ],
    );
    assert.ok((await hoverAt('"runElevated": true')).includes(`[Rule run-elevated](${ONLINE}/run-elevated.md)`));

    const actions = await actionsFor(diagnostics[0]);
    const show = actions.filter((a) => a.title === 'Show documentation for run-elevated');
    assert.equal(show.length, 1);
    assert.deepEqual(show[0], {
      title: 'Show documentation for run-elevated',
      kind: 'quickfix',
      diagnostics: [diagnostics[0]],
      isPreferred: false,
      command: {
        title: 'Show documentation for run-elevated',
        command: SERVER_COMMANDS.showRuleDocumentation,
        arguments: ['run-elevated'],
      },
    });
    assert.equal(
      actions.at(-1),
      actions.find((a) => a.command),
      'after every action that changes the code',
    );
    await client.connection.sendRequest('workspace/executeCommand', show[0].command);
    assert.deepEqual(client.shownDocuments, [{ uri: `${ONLINE}/run-elevated.md`, external: true, takeFocus: true }]);
  });

  it("with docsBase: the client's pages, in code links, hovers and the page shown inside the editor", async (t) => {
    const { client, diagnostics, actionsFor, hoverAt } = await opened(t, SHOWS_DOCUMENTS, { docsBase: `${PACKAGED}/` });
    assert.deepEqual(
      diagnostics.map((d) => d.codeDescription?.href),
      [`${PACKAGED}/run-elevated.md`, `${PACKAGED}/run-elevated.md`, `${PACKAGED}/unknown-enum-member.md`],
    );
    const runElevated = await hoverAt('"runElevated": true');
    assert.ok(runElevated.includes(`[Rule run-elevated](${PACKAGED}/run-elevated.md)`), runElevated);
    assert.ok(!runElevated.includes(ONLINE));
    assert.ok((await hoverAt('"Admin"')).includes(`[Rule unknown-enum-member](${PACKAGED}/unknown-enum-member.md)`));

    // One per rule asked about, whatever the number of its diagnostics.
    const actions = (await actionsFor(diagnostics[2])).concat(await actionsFor(diagnostics[0]));
    const shows = actions.filter((a) => a.command?.command === SERVER_COMMANDS.showRuleDocumentation);
    assert.deepEqual(
      shows.map((a) => [a.title, a.isPreferred]),
      [
        ['Show documentation for unknown-enum-member', false],
        ['Show documentation for run-elevated', false],
      ],
    );
    for (const show of shows) await client.connection.sendRequest('workspace/executeCommand', show.command);
    assert.deepEqual(client.shownDocuments, [
      { uri: `${PACKAGED}/unknown-enum-member.md`, external: false, takeFocus: true },
      { uri: `${PACKAGED}/run-elevated.md`, external: false, takeFocus: true },
    ]);
    await assert.rejects(
      client.connection.sendRequest('workspace/executeCommand', {
        command: SERVER_COMMANDS.showRuleDocumentation,
        arguments: ['../../etc/passwd'],
      }),
      /takes a rule id/,
    );
  });

  it('not offered to clients that cannot show documents; a docsBase that is no URI is ignored', async (t) => {
    const { diagnostics, actionsFor } = await opened(t, { workspace: { configuration: true } }, { docsBase: 'not a uri' });
    assert.equal(diagnostics[0].codeDescription?.href, `${ONLINE}/run-elevated.md`);
    const actions = await actionsFor(diagnostics[0]);
    assert.ok(actions.length > 0);
    assert.deepEqual(
      actions.filter((a) => a.command),
      [],
    );
  });
});
