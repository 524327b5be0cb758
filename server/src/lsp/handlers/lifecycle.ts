/** `initialize`, `initialized` and `shutdown`: capabilities, settings, workspace folders, the background scan. */
import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { SERVER_COMMANDS } from '../../../../common/protocol';
import { FIX_ALL_KIND } from '../../../../common/settings';
import { warmRuntime } from '../../parsing/treeSitter';
import { rescan } from '../analysis';
import { COMPLETION_TRIGGER_CHARACTERS } from './completion';
import { workspaceFolderUris } from '../params';
import type { ServerState } from '../state';

export function initialize(state: ServerState, params: InitializeParams): InitializeResult {
  state.settings.initialize(params);
  state.initializeClient(params.capabilities);
  // A folder that is not a readable path is left out (with a log line), never a failed start.
  const { uris, skipped } = workspaceFolderUris(params);
  for (const folder of skipped) state.log(`Workspace folder ${folder} has no URI: it is not scanned.`);
  state.scanner.setFolders(uris);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
      executeCommandProvider: { commands: [SERVER_COMMANDS.applyFixAll] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
    },
    serverInfo: { name: 'batch-identity' },
  };
}

export function initialized(state: ServerState): void {
  warmRuntime();
  // The workspace's pool accounts, read in the background; the open documents they concern are re-checked.
  rescan(state);
}

/** No analysis after `shutdown` (the guard in transport.ts refuses requests after it). */
export function shutdown(state: ServerState): void {
  state.shutDown = true;
  state.scheduler.stop();
}
