/** Document synchronisation: `didOpen`, `didChange`, `didClose`, and which documents the client shows. */
import type { DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams } from 'vscode-languageserver';
import type { VisibleDocumentsParams } from '../../../../common/protocol';
import type { ServerState } from '../state';

export function didOpen(state: ServerState, { textDocument: d }: DidOpenTextDocumentParams): void {
  state.documents.open(d.uri, d.languageId, d.version, d.text);
  state.failures.delete(d.uri);
  state.scheduler.changed(d.uri);
}

export function didChange(state: ServerState, { textDocument: d, contentChanges }: DidChangeTextDocumentParams): void {
  if (state.documents.change(d.uri, d.version, contentChanges)) state.scheduler.changed(d.uri);
}

/**
 * A `didChange` that cannot be applied (its changes are malformed): the document's text is no
 * longer the editor's, so its diagnostics go and nothing is analysed from it until a whole new text
 * comes (reopening the file sends one).
 */
export function unappliedChange(state: ServerState, uri: string, problem: string): void {
  if (!state.documents.loseText(uri)) return;
  state.analyses.delete(uri);
  state.scheduler.forget(uri);
  void state.connection.sendDiagnostics({ uri, diagnostics: [] });
  const version = state.documents.get(uri)?.version ?? 0;
  state.sendStatus({
    uri,
    version,
    state: 'error',
    findings: 0,
    reason: `the editor sent a change the server cannot apply (${problem}); reopen the file`,
  });
}

export function didClose(state: ServerState, { textDocument: d }: DidCloseTextDocumentParams): void {
  state.documents.close(d.uri);
  state.forget(d.uri);
  void state.connection.sendDiagnostics({ uri: d.uri, diagnostics: [] });
  // Its accounts came from the buffer: closed unsaved, they must not outlive it.
  state.scanner
    .reindexClosed(d.uri)
    .catch((error: unknown) => state.log(`Could not read ${d.uri} again after it was closed: ${String(error)}`));
}

/** The client's custom notification: the documents it shows, analysed first. */
export function visibleDocuments(state: ServerState, { uris }: VisibleDocumentsParams): void {
  state.scheduler.setVisible(uris);
}
