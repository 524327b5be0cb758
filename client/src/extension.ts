/**
 * The VS Code side, kept thin: start the language server, show its state, offer the commands.
 * Everything about Batch happens in the server.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DOCUMENT_LANGUAGE_IDS, watchedFilesGlob } from '../../common/languages';
import { COMMANDS, SERVER_COMMANDS, type InitializationOptions } from '../../common/protocol';
import { WorkspaceMigration } from './migrate';
import { RestartingErrorHandler } from './restarts';
import { RuleDocs } from './ruleDocs';
import { StatusItem } from './status';
import { ServerTraceChannel } from './trace';
import { VisibleDocuments } from './visibleDocuments';

let client: LanguageClient | undefined;

/** What the integration tests reach through `extension.exports`. */
export interface ExtensionApi {
  readonly client: LanguageClient;
  readonly status: StatusItem;
  readonly output: vscode.LogOutputChannel;
  /** Where `batchIdentity.trace.server` sends the protocol trace. */
  readonly trace: ServerTraceChannel;
  /** What tells the server which documents are visible. */
  readonly visible: VisibleDocuments;
  /** The packaged rule pages and how their links open. */
  readonly ruleDocs: RuleDocs;
  /** "Migrate Workspace…": its summaries, and the hook that stands in for the Refactor Preview. */
  readonly migration: WorkspaceMigration;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const output = vscode.window.createOutputChannel('Batch Identity', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The first line of the output, as vscode-eslint's: what runs, where from. The server adds its own.
  output.info(
    `Batch Identity ${(context.extension.packageJSON as { version: string }).version} in ${vscode.env.appName} ${vscode.version} ` +
      `(extension host Node ${process.version}); language server: ${serverModule}`,
  );
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const trace = new ServerTraceChannel();
  // The packaged rule pages, opened in the Markdown preview (offline): the server links there.
  const ruleDocs = new RuleDocs(context.extensionUri);
  const errorHandler = new RestartingErrorHandler(output);
  const migration = new WorkspaceMigration(output);
  const clientOptions: LanguageClientOptions = {
    // Saved files and unsaved buffers. Virtual workspaces are served through the same document
    // sync: the server only reads the documents it is sent.
    documentSelector: DOCUMENT_LANGUAGE_IDS.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
      { scheme: 'vscode-vfs', language },
    ]),
    synchronize: {
      configurationSection: 'batchIdentity',
      // Pool user accounts and C# global usings (also MSBuild `Using` items) in files that are not
      // open keep the workspace indexes current.
      // `**/{*.cs,…,*.csproj,Directory.Build.props,Directory.Build.targets}`, from the language table.
      fileEvents: vscode.workspace.createFileSystemWatcher(watchedFilesGlob()),
    },
    initializationOptions: { docsBase: ruleDocs.docsBase } satisfies InitializationOptions,
    outputChannel: output,
    traceOutputChannel: trace,
    errorHandler,
    // Rule-page links opened in the Markdown preview (diagnostics, hovers, shown documents); "Migrate
    // Workspace…" is the server's command: its middleware asks the scope, shows progress and the summary.
    middleware: { ...ruleDocs.middleware(), ...migration.middleware },
  };
  const languageClient = new LanguageClient('batchIdentity', 'Batch Identity', serverOptions, clientOptions);
  client = languageClient;
  migration.attach(languageClient);
  const status = new StatusItem(languageClient);
  context.subscriptions.push(output, trace, status, migration);

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      output.info('Restarting the server on request.');
      await languageClient.restart();
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(COMMANDS.showRuleDocumentation, (rule: unknown) => ruleDocs.show(rule)),
    vscode.commands.registerCommand(COMMANDS.fixAllInFile, async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) return;
      // Fix-all runs in the server: the same fix-all as on save and in the CLI.
      await languageClient.sendRequest('workspace/executeCommand', {
        command: SERVER_COMMANDS.applyFixAll,
        arguments: [target.toString()],
      });
    }),
  );

  const visible = new VisibleDocuments(languageClient);
  context.subscriptions.push(visible);

  // Sent once the server runs (and again after each restart), then whenever the visible editors change.
  await languageClient.start();
  return { client: languageClient, status, output, trace, visible, ruleDocs, migration };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
