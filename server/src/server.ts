/**
 * The language server's entry point: `node dist/server.js --stdio` (any LSP client), or started
 * by the extension over IPC. vscode-languageserver picks the transport from the arguments.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/languageServer';

startServer(createConnection(ProposedFeatures.all));
