/** `initialize`, `initialized` and `shutdown`: capabilities, settings, workspace folders, the background scan. */
import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { SERVER_COMMANDS, type InitializationOptions } from '../../../../common/protocol';
import { FIX_ALL_KIND } from '../../../../common/settings';
import { version } from '../../../../package.json';
import { RULE_DOCS_URL } from '../../batch/model';
import { warmRuntime } from '../../parsing/treeSitter';
import { rescan } from '../analysis';
import { COMPLETION_TRIGGER_CHARACTERS } from './completion';
import { workspaceFolderUris } from '../params';
import type { ServerState } from '../state';

export function initialize(state: ServerState, params: InitializeParams): InitializeResult {
  const client = params.clientInfo
    ? ` for ${params.clientInfo.name}${params.clientInfo.version ? ` ${params.clientInfo.version}` : ''}`
    : '';
  state.log(`Batch Identity server ${version} started${client}: ${process.argv[1]} on Node ${process.version} (pid ${process.pid}).`);
  state.settings.initialize(params);
  state.initializeClient(params.capabilities);
  state.docsBase = docsBaseOf(params.initializationOptions);
  state.log(
    state.docsBase
      ? `Rule pages: ${state.docsBase} (the client's).`
      : `Rule pages: ${RULE_DOCS_URL} (online; a client that can open local pages sends initializationOptions.docsBase).`,
  );
  // A folder that is not a readable path is left out (with a log line), never a failed start.
  const { uris, skipped } = workspaceFolderUris(params);
  for (const folder of skipped) state.log(`Workspace folder ${folder} has no URI: it is not scanned.`);
  state.scanner.setFolders(uris);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
      executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      // Options only for a client that asks before renaming (LSP: `prepareSupport`), else a plain yes.
      renameProvider: params.capabilities.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
      documentHighlightProvider: true,
      inlayHintProvider: true,
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
    },
    serverInfo: { name: 'batch-identity' },
  };
}

/** `initializationOptions.docsBase` when it is an absolute URI; anything else is ignored (the online pages then). */
function docsBaseOf(options: unknown): string | undefined {
  const base = (options as InitializationOptions | null | undefined)?.docsBase;
  if (typeof base !== 'string' || !URL.canParse(base)) return undefined;
  return base.replace(/\/+$/, '');
}

export function initialized(state: ServerState): void {
  warmRuntime();
  void state.logSettings(false);
  // The workspace's pool accounts, read in the background; the open documents they concern are re-checked.
  rescan(state);
}

/** No analysis after `shutdown` (the guard in transport.ts refuses requests after it). */
export function shutdown(state: ServerState): void {
  state.shutDown = true;
  state.scheduler.stop();
}
