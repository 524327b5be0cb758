/**
 * Tells the server which documents the editors show (`batchIdentity/visibleDocuments`), when that
 * changes and whenever the server (re)starts: the server analyses them first when work queues up.
 * LSP has no such notification; other editors get the server's fallback (most recently changed first).
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { VISIBLE_DOCUMENTS_NOTIFICATION, type VisibleDocumentsParams } from '../../common/protocol';

export class VisibleDocuments implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly sentEmitter = new vscode.EventEmitter<VisibleDocumentsParams>();
  /** Fires after each notification was handed to the connection (the integration tests wait on it). */
  readonly onDidSend = this.sentEmitter.event;

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.send()),
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) this.send();
      }),
      this.sentEmitter,
    );
  }

  send(): void {
    if (!this.client.isRunning()) return;
    const uris = [...new Set(vscode.window.visibleTextEditors.map((e) => this.client.code2ProtocolConverter.asUri(e.document.uri)))];
    const params: VisibleDocumentsParams = { uris };
    this.client.sendNotification(VISIBLE_DOCUMENTS_NOTIFICATION, params).then(
      () => this.sentEmitter.fire(params),
      () => undefined, // the server stopped meanwhile: it is sent again once it runs
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
