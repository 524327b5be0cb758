/**
 * The LSP layer: wires each message to its handler (`handlers/*.ts`) over the server's state
 * (`state.ts`), each behind a guard (`dispatch.ts`: parameters checked, failures cost the message
 * only), and nothing more — rust-analyzer's shape. Batch knowledge lives in the model and the
 * rules, syntax knowledge in the language adapters, and when documents are analysed in the
 * scheduler (`scheduler.ts`).
 */
import type { CancellationToken, Connection, WorkDoneProgressReporter } from 'vscode-languageserver';
import { VISIBLE_DOCUMENTS_NOTIFICATION } from '../../../common/protocol';
import { rescan, validate, watchWorkspace } from './analysis';
import { guardNotification, guardRequest } from './dispatch';
import { codeActions, resolveCodeAction } from './handlers/codeActions';
import { completion } from './handlers/completion';
import { didChange, didClose, didOpen, unappliedChange, visibleDocuments } from './handlers/documents';
import { executeCommand } from './handlers/executeCommand';
import { hover } from './handlers/hover';
import { initialize, initialized, shutdown } from './handlers/lifecycle';
import { documentSymbols, inlayHints, workspaceSymbols } from './handlers/runsAs';
import { definition, documentHighlight, prepareRename, references, rename } from './handlers/userNames';
import { didChangeConfiguration, didChangeWatchedFiles } from './handlers/workspace';
import * as check from './params';
import { ServerState } from './state';
import type { DispatchObserver } from './transport';

export function startServer(connection: Connection, observer?: DispatchObserver): ServerState {
  const state: ServerState = new ServerState(connection, {
    analyse: (uri) => validate(state, uri),
    rescan: () => rescan(state),
  });
  if (observer) observer.dispatched = () => state.scheduler.noteDispatch();
  watchWorkspace(state);
  const log = (message: string) => state.log(message);
  const request = <P, R>(
    method: string,
    valid: check.Check,
    handler: (state: ServerState, params: P, token: CancellationToken, workDone?: WorkDoneProgressReporter) => R | Promise<R>,
  ) => guardRequest<P, R>(log, method, valid, (params, token, workDone) => handler(state, params, token, workDone));
  const notification = <P>(method: string, valid: check.Check, handler: (state: ServerState, params: P) => void | Promise<void>) =>
    guardNotification<P>(log, method, valid, (params) => handler(state, params));

  // Checked by the transport's guard (the protocol library reads the capabilities first).
  connection.onInitialize((params) => initialize(state, params));
  connection.onInitialized(() => initialized(state));
  connection.onShutdown(() => shutdown(state));

  connection.onDidOpenTextDocument(notification('textDocument/didOpen', check.didOpenParams, didOpen));
  connection.onDidChangeTextDocument(
    guardNotification(
      log,
      'textDocument/didChange',
      check.didChangeParams,
      (params: Parameters<typeof didChange>[1]) => didChange(state, params),
      // A change that cannot be applied leaves the document's text behind the editor's.
      (params, problem) => {
        if (!check.didChangeDocument(params))
          unappliedChange(state, (params as { textDocument: { uri: string } }).textDocument.uri, problem);
      },
    ),
  );
  connection.onDidCloseTextDocument(notification('textDocument/didClose', check.textDocumentParams, didClose));
  connection.onNotification(
    VISIBLE_DOCUMENTS_NOTIFICATION,
    notification(VISIBLE_DOCUMENTS_NOTIFICATION, check.visibleDocumentsParams, visibleDocuments),
  );
  connection.onDidChangeWatchedFiles(
    notification('workspace/didChangeWatchedFiles', check.didChangeWatchedFilesParams, didChangeWatchedFiles),
  );
  connection.onDidChangeConfiguration(
    notification('workspace/didChangeConfiguration', check.didChangeConfigurationParams, didChangeConfiguration),
  );

  connection.onCodeAction(request('textDocument/codeAction', check.codeActionParams, codeActions));
  connection.onCodeActionResolve(request('codeAction/resolve', check.codeActionResolveParams, resolveCodeAction));
  connection.onHover(request('textDocument/hover', check.positionParams, hover));
  connection.onDefinition(request('textDocument/definition', check.positionParams, definition));
  connection.onReferences(request('textDocument/references', check.referenceParams, references));
  connection.onPrepareRename(request('textDocument/prepareRename', check.positionParams, prepareRename));
  connection.onRenameRequest(request('textDocument/rename', check.renameParams, rename));
  connection.onDocumentHighlight(request('textDocument/documentHighlight', check.positionParams, documentHighlight));
  connection.languages.inlayHint.on(request('textDocument/inlayHint', check.rangeParams, inlayHints));
  connection.onDocumentSymbol(request('textDocument/documentSymbol', check.textDocumentParams, documentSymbols));
  connection.onWorkspaceSymbol(request('workspace/symbol', check.workspaceSymbolParams, workspaceSymbols));
  connection.onCompletion(request('textDocument/completion', check.positionParams, completion));
  connection.onExecuteCommand(request('workspace/executeCommand', check.executeCommandParams, executeCommand));

  connection.listen();
  return state;
}
