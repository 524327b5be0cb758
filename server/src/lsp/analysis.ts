/**
 * Analysing open documents: the analysis of a document's current text, kept for the requests
 * about that version; what it changes in the workspace indexes (accounts and project imports typed
 * in a buffer count for every other file) and which documents such a change concerns; publishing
 * diagnostics and status.
 */
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine/engine';
import { diffEdits } from '../engine/edits';
import { accountsIn, RecordedLookups, userReferencesIn } from '../workspace/accountIndex';
import { toDiagnostic, toLspEdits } from './convert';
import type { KeptAnalysis, ServerState } from './state';

/** Re-checks what a change of the workspace's accounts or project imports concerns, and nothing else. */
export function watchWorkspace(state: ServerState): void {
  const { accounts, projectImports, scheduler, documents } = state;
  // A named user's "runs as" (its elevation, its OS settings) reads the index as it is now.
  accounts.onDetailsChange(() => state.refreshInlayHints());
  accounts.onChange((change) => {
    state.indexLog.changed(change.uri);
    // The file the change comes from was just analysed (or is closed); the others only if their
    // analysis asked about a name that changed (or whether there are pools, and that changed).
    const concerned: string[] = [];
    for (const [uri, kept] of state.analyses) if (uri !== change.uri && kept.lookups.concerns(change)) concerned.push(uri);
    // An analysis under way may have asked before the change: it is re-checked too.
    if (scheduler.running && scheduler.running !== change.uri) concerned.push(scheduler.running);
    if (concerned.length > 0) scheduler.recheckSoon(concerned);
  });
  projectImports.onChange((uri) => {
    // Every file of the language reaches them; the unopened pools' accounts may be typed through them.
    scheduler.recheckSoon(
      documents
        .all()
        .map((d) => d.uri)
        .filter((open) => open !== uri),
    );
    if (documents.get(uri)) scheduler.rescanSoon();
  });
}

/** Analyses a document's current text, keeps the analysis and publishes its diagnostics and status (unless it changed meanwhile). */
export async function validate(state: ServerState, uri: string): Promise<void> {
  const { documents, connection, engine } = state;
  if (!documents.get(uri) || documents.isLost(uri)) return;
  const documentSettings = state.settings.known(uri) ?? (await state.settings.forDocument(uri));
  state.noteDocumentSettings(uri, documentSettings);
  // Read the document only now: changes may have arrived while the settings were fetched.
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  // Only documents being edited keep a tree for incremental parsing: opening many files must
  // not fill the (never shrinking) WASM memory with trees nobody edits.
  const keepSyntax = documents.isEdited(uri);
  const lookups = new RecordedLookups(state.accounts);
  const started = Date.now();
  let analysis: Analysis;
  try {
    analysis = await engine.analyze(
      { uri, languageId: document.languageId, text: document.getText() },
      // Tasks too: an open document shows every task's "runs as" and outline, identity code or not.
      {
        settings: documentSettings,
        keepSyntax,
        workspace: lookups,
        workspaceImports: state.projectImports.all(),
        format: state.formatOf(uri),
        tasks: true,
      },
    );
  } catch (error) {
    state.error(`Could not analyse ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    state.failures.set(uri, version);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    state.sendStatus({ uri, version, state: 'error', findings: 0, reason: 'the analysis failed; see the output' });
    return;
  }
  // Renderers work without the tree, so a one-off tree is freed at once.
  if (!keepSyntax) analysis.release();
  state.trace(
    `analysed ${uri} v${version}: ${analysis.skipped ? 'skipped' : `${analysis.findings.length} findings`} in ${Date.now() - started} ms`,
  );
  if (!documents.get(uri)) return; // closed meanwhile: its accounts must not be indexed
  // Accounts typed in one file resolve named users in the others; its project imports (C# `global
  // using`) reach every other file of the language. The indexes tell who is concerned (watchWorkspace).
  state.accounts.updateReferences(uri, userReferencesIn(uri, analysis.text, analysis.facts));
  state.accounts.update(uri, accountsIn(uri, analysis.text, analysis.facts));
  state.projectImports.update(uri, analysis.projectImports ?? []);
  if (documents.get(uri)?.version !== version) return; // a newer version is scheduled
  state.analyses.set(uri, { version, analysis, lookups, derived: new Map() });
  state.failures.delete(uri);
  const diagnostics: Diagnostic[] = analysis.findings.map((finding, index) =>
    toDiagnostic(document, finding, index, (rule) => state.ruleDoc(rule)),
  );
  void connection.sendDiagnostics({ uri, version, diagnostics });
  if (analysis.skipped) {
    if (state.loggedSkips.get(uri) !== analysis.skipped) state.log(`Skipped ${uri}: ${analysis.skipped}.`);
    state.loggedSkips.set(uri, analysis.skipped);
  } else {
    state.loggedSkips.delete(uri);
  }
  state.sendStatus({
    uri,
    version,
    state: analysis.skipped ? 'skipped' : 'analysed',
    findings: analysis.findings.length,
    reason: analysis.skipped,
  });
}

export const contentModified = (what: string) => new ResponseError(LSPErrorCodes.ContentModified, `${what}; ask again`);
export const requestCancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');

/** Rejects with RequestCancelled when the token fires first. */
function unlessCancelled<T>(promise: Promise<T>, token: CancellationToken): Promise<T> {
  if (token.isCancellationRequested) return Promise.reject(requestCancelled());
  return new Promise((resolve, reject) => {
    const listener = token.onCancellationRequested(() => reject(requestCancelled()));
    promise.then(
      (value) => {
        listener.dispose();
        resolve(value);
      },
      (error: unknown) => {
        listener.dispose();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * The kept analysis of the document's current version, the one the request is about: served as it
 * is when there, else the request waits for the scheduled analysis (which then runs first). A
 * change to the document meanwhile supersedes the request (ContentModified), as does a
 * `$/cancelRequest` (RequestCancelled); no request analyses on its own.
 */
export async function currentAnalysis(
  state: ServerState,
  uri: string,
  token: CancellationToken,
): Promise<{ document: TextDocument; kept: KeptAnalysis }> {
  const version = state.documents.get(uri)?.version;
  for (;;) {
    const document = state.documents.get(uri);
    if (!document) throw contentModified('the document was closed');
    if (document.version !== version) throw contentModified('the document changed');
    const kept = state.analyses.get(uri);
    if (kept?.version === version) return { document, kept };
    if (state.failures.get(uri) === version)
      throw new ResponseError(ErrorCodes.InternalError, 'the analysis of this document failed; the output has the details');
    if (state.shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down');
    await unlessCancelled(state.scheduler.analysed(uri), token);
  }
}

/** A result derived from a kept analysis (a verified suppression, a fix-all edit), computed once per version. */
export function derived<T>(kept: KeptAnalysis, key: string, compute: () => Promise<T>): Promise<T> {
  let result = kept.derived.get(key) as Promise<T> | undefined;
  if (!result) {
    result = compute();
    kept.derived.set(key, result);
    // A failure is not kept: the next request tries again.
    result.catch(() => kept.derived.delete(key));
  }
  return result;
}

/**
 * The workspace edit of fix-all (of every rule, or of some) for the document's current text, as
 * line-level edits; undefined when nothing changes. ContentModified if the document changes meanwhile.
 */
export async function fixAllEdit(
  state: ServerState,
  document: TextDocument,
  onlyRules?: readonly string[],
): Promise<WorkspaceEdit | undefined> {
  const { uri, version, languageId } = document;
  const text = document.getText();
  const started = Date.now();
  const result = await state.engine.fixAll(
    { uri, languageId, text },
    {
      settings: state.settings.known(uri) ?? (await state.settings.forDocument(uri)),
      onlyRules,
      workspace: state.accounts,
      workspaceImports: state.projectImports.all(),
      format: state.formatOf(uri),
    },
  );
  state.trace(
    `fix-all ${uri} v${version}${onlyRules ? ` (${onlyRules.join(', ')})` : ''}: ${result.fixed} fixed in ${Date.now() - started} ms`,
  );
  // The edits are positions in the text they were made from: the document must still hold it.
  if (state.documents.get(uri)?.version !== version) throw contentModified('the document changed');
  if (!result.changed) return undefined;
  return { changes: { [uri]: toLspEdits(document, diffEdits(text, result.text)) } };
}

/** Reads the workspace's unopened files again (the indexes tell who their changes concern). */
export function rescan(state: ServerState): void {
  // The scan's summary line counts what it finds: its changes are not told one by one.
  state.indexLog.mute();
  state.scanner
    .scan((uri) => !!state.documents.get(uri))
    .catch((error: unknown) =>
      state.error(`Workspace scan failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    )
    .finally(() => state.indexLog.unmute());
}
