/**
 * The language server's entry point: `node dist/server.js --stdio` (any LSP client), or started
 * by the extension over IPC (`--node-ipc`); `--socket=<port>` and `--pipe=<name>` work too.
 */
import { startServer } from './lsp/languageServer';
import { createServerConnection } from './lsp/transport';

const { connection, observer } = createServerConnection();
startServer(connection, observer);

// Every handler and background task catches its own failures; this is the net below them: a
// promise nobody awaited must cost a log line, not the process and all its state.
process.on('unhandledRejection', (reason) => {
  connection.console.error(`Unexpected failure: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});
