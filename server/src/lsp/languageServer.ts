/**
 * The LSP layer: wires each message to its handler (`handlers/*.ts`) over the server's state
 * (`state.ts`), and nothing more — rust-analyzer's shape. Batch knowledge lives in the model and
 * the rules, syntax knowledge in the language adapters, and when documents are analysed in the
 * scheduler (`scheduler.ts`).
 */
import type { Connection } from 'vscode-languageserver';
import { rescan, validate } from './analysis';
import { codeActions } from './handlers/codeActions';
import { didChange, didClose, didOpen } from './handlers/documents';
import { executeCommand } from './handlers/executeCommand';
import { hover } from './handlers/hover';
import { initialize, initialized } from './handlers/lifecycle';
import { didChangeConfiguration, didChangeWatchedFiles } from './handlers/workspace';
import { ServerState } from './state';

export function startServer(connection: Connection): void {
  const state: ServerState = new ServerState(connection, {
    analyse: (uri) => validate(state, uri),
    rescan: () => rescan(state),
  });

  connection.onInitialize((params) => initialize(state, params));
  connection.onInitialized(() => initialized(state));

  connection.onDidOpenTextDocument((params) => didOpen(state, params));
  connection.onDidChangeTextDocument((params) => didChange(state, params));
  connection.onDidCloseTextDocument((params) => didClose(state, params));
  connection.onDidChangeWatchedFiles((params) => didChangeWatchedFiles(state, params));
  connection.onDidChangeConfiguration((params) => didChangeConfiguration(state, params));

  connection.onCodeAction((params) => codeActions(state, params));
  connection.onHover((params) => hover(state, params));
  connection.onExecuteCommand((params) => executeCommand(state, params));

  connection.listen();
}
