/**
 * "Batch Identity: Migrate Workspace…". The command is the server's (`batchIdentity.migrateWorkspace`,
 * which vscode-languageclient registers from the server's `executeCommandProvider`); this middleware
 * adds what only an editor can: the scope is asked once (the setting's value offered first), the
 * server's progress shows in a notification with Cancel, and a summary follows. The server's
 * `workspace/applyEdit` goes to VS Code as it is: its changes carry change annotations that need
 * confirmation, so VS Code opens the Refactor Preview, where files can be unticked.
 */
import * as vscode from 'vscode';
import type { LanguageClient, Middleware } from 'vscode-languageclient/node';
import {
  CancellationToken,
  ExecuteCommandRequest,
  WorkDoneProgress,
  type ApplyWorkspaceEditParams,
  type ApplyWorkspaceEditResult,
} from 'vscode-languageclient/node';
import { SERVER_COMMANDS, type MigrateWorkspaceArguments, type MigrationSummary } from '../../common/protocol';

type Scope = NonNullable<MigrateWorkspaceArguments['scope']>;
type Apply = (params: ApplyWorkspaceEditParams) => Promise<ApplyWorkspaceEditResult>;

const TITLE = 'Batch Identity: Migrate Workspace';
/** The label the server gives its edit (`MIGRATION_LABEL` in the server). */
const EDIT_LABEL = 'Batch Identity: Migrate Workspace';

/** The choices of scope, in the words of the `batchIdentity.fix.scope` setting's descriptions. */
const SCOPES: { scope: Scope; label: string; detail: string }[] = [
  {
    scope: 'omit',
    label: 'Documented mapping',
    detail: 'Write only the elevation level; the service default scope applies (pool since 2019-08-01.10.0).',
  },
  {
    scope: 'task',
    label: 'Task scope',
    detail: 'Also write task scope: keeps the per-task isolation runElevated had on Windows before 2019-08-01.10.0.',
  },
  { scope: 'pool', label: 'Pool scope', detail: 'Also write pool scope explicitly.' },
];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export class WorkspaceMigration implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private runs = 0;
  private readonly finished = new vscode.EventEmitter<MigrationSummary | undefined>();
  /** Fires when a migration ends: its summary, or undefined when it was cancelled or failed (the integration tests wait on it). */
  readonly onDidFinish = this.finished.event;
  /**
   * Replaces the Refactor Preview for the migration's edit: given the server's edit and the way VS
   * Code applies one, it decides what is applied. For the integration tests, which cannot click in
   * the preview: they apply the edit with one file left out, as a user who unticks it.
   */
  review: ((params: ApplyWorkspaceEditParams, apply: Apply) => Promise<ApplyWorkspaceEditResult>) | undefined;

  constructor(private readonly output: vscode.LogOutputChannel) {}

  /** The client's middleware: the command and the edit it leads to. */
  readonly middleware: Middleware = {
    executeCommand: (command, args, next) =>
      command === SERVER_COMMANDS.migrateWorkspace
        ? this.run((args as unknown[])[0] as MigrateWorkspaceArguments | undefined)
        : next(command, args),
    workspace: {
      // The client's own handler takes no token (a server's applyEdit cannot be cancelled).
      handleApplyEdit: (params, next) => {
        const apply: Apply = async (p) => (await next(p, CancellationToken.None)) as ApplyWorkspaceEditResult;
        return this.review && params.label === EDIT_LABEL ? this.review(params, apply) : next(params, CancellationToken.None);
      },
    },
  };

  /** The client the middleware belongs to (it is created with the middleware). */
  attach(client: LanguageClient): void {
    this.client = client;
  }

  /** Asks the scope unless given, runs the server's command with progress and Cancel, and shows what it did. */
  async run(given?: MigrateWorkspaceArguments): Promise<MigrationSummary | undefined> {
    const client = this.client;
    if (!client) return undefined;
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage(`${TITLE}: open a folder first; only the files of workspace folders are migrated.`);
      return undefined;
    }
    const scope = given?.scope ?? (await this.askScope());
    if (!scope) return undefined;
    const workDoneToken = `batchIdentity.migrate.${process.pid}.${++this.runs}`;
    const cancel = new vscode.CancellationTokenSource();
    let summary: MigrationSummary | undefined;
    try {
      const request = vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: TITLE, cancellable: true },
        (progress, cancelled) =>
          // The answer is wrapped: a promise resolved with a promise would wait for it, and keep the notification open.
          new Promise<{ answer: Promise<MigrationSummary> }>((shown) => {
            cancelled.onCancellationRequested(() => cancel.cancel());
            let done = 0;
            // The server reports on our token; the notification closes once it is done, before the preview opens.
            const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
              if (value.kind === 'end') {
                listener.dispose();
                shown({ answer });
                return;
              }
              const percentage = value.percentage ?? done;
              progress.report({ message: value.message, increment: percentage - done });
              done = percentage;
            });
            const answer = client.sendRequest(
              ExecuteCommandRequest.type,
              { command: SERVER_COMMANDS.migrateWorkspace, arguments: [{ scope } satisfies MigrateWorkspaceArguments], workDoneToken },
              cancel.token,
            ) as Promise<MigrationSummary>;
            answer.then(
              () => shown({ answer }),
              () => shown({ answer }),
            );
          }),
      );
      summary = await (await request).answer;
    } catch (error) {
      if (cancel.token.isCancellationRequested) {
        void vscode.window.showInformationMessage(`${TITLE}: cancelled; nothing was changed.`);
      } else {
        const message = error instanceof Error ? error.message : String(error);
        this.output.error(`${TITLE} failed: ${message}`);
        void vscode.window.showErrorMessage(`${TITLE} failed: ${message}`);
      }
      this.finished.fire(undefined);
      return undefined;
    } finally {
      cancel.dispose();
    }
    this.report(summary);
    this.finished.fire(summary);
    return summary;
  }

  private async askScope(): Promise<Scope | undefined> {
    const setting = vscode.workspace.getConfiguration('batchIdentity').get<Scope>('fix.scope', 'omit');
    // The documented mapping and task scope; pool scope too when the setting asks for it. The setting's choice first.
    const items = SCOPES.filter((s) => s.scope !== 'pool' || setting === 'pool')
      .sort((a, b) => Number(b.scope === setting) - Number(a.scope === setting))
      .map((s) => ({ ...s, description: s.scope === setting ? 'batchIdentity.fix.scope' : undefined }));
    const picked = await vscode.window.showQuickPick(items, {
      title: TITLE,
      placeHolder: 'What should each runElevated become? (The changes are shown for review before they are applied.)',
    });
    return picked?.scope;
  }

  private report(summary: MigrationSummary): void {
    const { files, changes, scanned, excluded, skipped, applied, notApplied } = summary;
    this.output.info(
      `${TITLE}: ${plural(changes, 'problem')} to fix in ${plural(files, 'file')}; ${plural(scanned, 'file')} read` +
        `${excluded ? `, ${excluded} left out by .gitignore and files.exclude` : ''}; ${applied ? 'applied' : `not applied${notApplied ? ` (${notApplied})` : ''}`}.`,
    );
    for (const { uri, reason } of skipped) this.output.warn(`${TITLE}: skipped ${uri}: ${reason}.`);
    const skippedNote = skipped.length ? ` ${plural(skipped.length, 'file')} skipped (see the output).` : '';
    let message: string;
    if (files === 0) message = `${TITLE}: nothing to migrate in ${plural(scanned, 'file')}.${skippedNote}`;
    else if (applied)
      message = `${TITLE}: ${plural(changes, 'problem')} fixed in ${plural(files, 'file')} (files unticked in the preview are left as they were).${skippedNote}`;
    else message = `${TITLE}: nothing was changed${notApplied ? ` (${notApplied})` : ''}.${skippedNote}`;
    const show = skipped.length ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void show(message, 'Show Output').then((choice) => {
      if (choice) this.output.show(true);
    });
  }

  dispose(): void {
    this.finished.dispose();
  }
}
