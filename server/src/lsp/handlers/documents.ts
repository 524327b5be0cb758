/** Document synchronisation: `didOpen`, `didChange`, `didClose`. */
import type { DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams } from 'vscode-languageserver';
import type { ServerState } from '../state';

export function didOpen(state: ServerState, { textDocument: d }: DidOpenTextDocumentParams): void {
  state.documents.open(d.uri, d.languageId, d.version, d.text);
  state.scheduler.schedule(d.uri);
}

export function didChange(state: ServerState, { textDocument: d, contentChanges }: DidChangeTextDocumentParams): void {
  if (state.documents.change(d.uri, d.version, contentChanges)) state.scheduler.schedule(d.uri);
}

export function didClose(state: ServerState, { textDocument: d }: DidCloseTextDocumentParams): void {
  state.documents.close(d.uri);
  state.forget(d.uri);
  void state.connection.sendDiagnostics({ uri: d.uri, diagnostics: [] });
  // Its accounts came from the buffer: closed unsaved, they must not outlive it.
  void state.scanner.reindexClosed(d.uri).then((changed) => {
    if (changed) state.scheduler.scheduleAll();
  });
}
