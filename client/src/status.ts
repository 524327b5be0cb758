/**
 * The language status item: the server's state and this file's finding count, or why the file is
 * not analysed. Clicking it opens the output.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { DOCUMENT_LANGUAGE_IDS } from '../../common/languages';
import { COMMANDS, STATUS_NOTIFICATION, type StatusParams } from '../../common/protocol';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('batchIdentity.status', DOCUMENT_LANGUAGE_IDS);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly disposables: vscode.Disposable[] = [];
  private serverState = 'starting';
  private readonly changed = new vscode.EventEmitter<StatusParams>();
  /** Fires after each analysis the server reports (tests wait on it instead of sleeping). */
  readonly onDidReport = this.changed.event;

  constructor(client: LanguageClient) {
    this.item.name = 'Batch Identity';
    this.item.command = { title: 'Show Output', command: COMMANDS.showOutput };
    this.disposables.push(
      client.onDidChangeState((e) => {
        this.serverState = e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped';
        this.render();
      }),
      client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
        this.byUri.set(params.uri, params);
        this.render();
        this.changed.fire(params);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString())),
      this.changed,
    );
    this.render();
  }

  /** The last report for a document. */
  statusOf(uri: vscode.Uri): StatusParams | undefined {
    return this.byUri.get(uri.toString());
  }

  get text(): string {
    return this.item.text;
  }

  /** What a click on the item runs. */
  get command(): vscode.Command | undefined {
    return this.item.command;
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.byUri.get(uri) : undefined;
    this.item.severity = vscode.LanguageStatusSeverity.Information;
    if (this.serverState !== 'running') {
      this.item.text = `Batch Identity: server ${this.serverState}`;
      this.item.severity = this.serverState === 'stopped' ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
      this.item.busy = this.serverState === 'starting';
      return;
    }
    this.item.busy = false;
    if (!status) this.item.text = 'Batch Identity';
    else if (status.state === 'skipped') this.item.text = `Batch Identity: skipped (${status.reason})`;
    else if (status.state === 'error') {
      this.item.text = 'Batch Identity: analysis failed';
      this.item.severity = vscode.LanguageStatusSeverity.Error;
    } else
      this.item.text =
        status.findings === 0
          ? 'Batch Identity: no problems'
          : `Batch Identity: ${status.findings} problem${status.findings === 1 ? '' : 's'}`;
    this.item.detail = 'Click to show the output';
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.item.dispose();
  }
}
