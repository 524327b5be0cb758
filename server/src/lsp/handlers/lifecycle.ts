/** `initialize` and `initialized`: capabilities, settings, workspace folders, the background scan. */
import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { SERVER_COMMANDS } from '../../../../common/protocol';
import { FIX_ALL_KIND } from '../../../../common/settings';
import { warmRuntime } from '../../parsing/treeSitter';
import { rescan } from '../analysis';
import type { ServerState } from '../state';

export function initialize(state: ServerState, params: InitializeParams): InitializeResult {
  state.settings.initialize(params);
  state.scanner.setFolders(
    (params.workspaceFolders ?? []).map((f) => f.uri).concat(params.workspaceFolders ? [] : params.rootUri ? [params.rootUri] : []),
  );
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: [SERVER_COMMANDS.applyFixAll] },
      hoverProvider: true,
    },
    serverInfo: { name: 'batch-identity' },
  };
}

export function initialized(state: ServerState): void {
  warmRuntime();
  // The workspace's pool accounts, read in the background; open documents are re-checked once known.
  rescan(state);
}
