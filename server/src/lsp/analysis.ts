/**
 * Analysing open documents: the analysis of a document's current text, what it changes in the
 * workspace indexes (accounts and project imports typed in a buffer count for every other file),
 * and publishing its diagnostics and status.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../../../common/settings';
import type { Analysis } from '../engine/engine';
import { diffEdits } from '../engine/edits';
import { accountsIn } from '../workspace/accountIndex';
import { toDiagnostic, toLspEdits } from './convert';
import type { ServerState } from './state';

export async function analyzeCurrent(state: ServerState, document: TextDocument, documentSettings: Settings): Promise<Analysis> {
  const { documents, engine, accounts, projectImports, scheduler } = state;
  // Only documents being edited keep a tree for incremental parsing: opening many files must
  // not fill the (never shrinking) WASM memory with trees nobody edits.
  const keepSyntax = documents.isEdited(document.uri);
  const input = { uri: document.uri, languageId: document.languageId, text: document.getText() };
  const analysis = await engine.analyze(input, {
    settings: documentSettings,
    keepSyntax,
    workspace: accounts,
    workspaceImports: projectImports.all(),
  });
  // Renderers work without the tree, so a one-off tree is freed at once.
  if (!keepSyntax) analysis.release();
  // Accounts typed in one file resolve named users in the others (not once it is closed: the
  // file on disk speaks for it again).
  if (documents.get(document.uri) && accounts.update(document.uri, accountsIn(document.uri, analysis.text, analysis.facts)))
    scheduler.scheduleAll(document.uri);
  // Its project imports (C# `global using`) reach every other file of the language, the unopened pools' too.
  if (documents.get(document.uri) && projectImports.update(document.uri, analysis.projectImports ?? [])) {
    scheduler.scheduleAll(document.uri);
    scheduler.rescanSoon();
  }
  return analysis;
}

/** Analyses a document's current text and publishes its diagnostics and status (unless it changed meanwhile). */
export async function validate(state: ServerState, uri: string): Promise<void> {
  const { documents, connection } = state;
  if (!documents.get(uri)) return;
  const documentSettings = await state.settings.forDocument(uri);
  // Read the document only now: changes may have arrived while the settings were fetched.
  const document = documents.get(uri);
  if (!document) return;
  let analysis: Analysis;
  try {
    analysis = await analyzeCurrent(state, document, documentSettings);
  } catch (error) {
    state.log(`Could not analyse ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    state.sendStatus({ uri, version: document.version, state: 'error', findings: 0, reason: 'the analysis failed; see the output' });
    return;
  }
  if (documents.get(uri)?.version !== document.version) return; // a newer version is scheduled
  state.analyses.set(uri, { version: document.version, analysis });
  const diagnostics: Diagnostic[] = analysis.findings.map((finding, index) => toDiagnostic(document, finding, index));
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  if (analysis.skipped) {
    if (state.loggedSkips.get(uri) !== analysis.skipped) state.log(`Skipped ${uri}: ${analysis.skipped}.`);
    state.loggedSkips.set(uri, analysis.skipped);
  } else {
    state.loggedSkips.delete(uri);
  }
  state.sendStatus({
    uri,
    version: document.version,
    state: analysis.skipped ? 'skipped' : 'analysed',
    findings: analysis.findings.length,
    reason: analysis.skipped,
  });
}

/** The analysis of the document's current version (analysing now if the scheduled run is still to come). */
export async function analysisOf(state: ServerState, document: TextDocument): Promise<Analysis> {
  const known = state.analyses.get(document.uri);
  if (known && known.version === document.version) return known.analysis;
  const analysis = await analyzeCurrent(state, document, await state.settings.forDocument(document.uri));
  state.analyses.set(document.uri, { version: document.version, analysis });
  return analysis;
}

/** The workspace edit of fix-all (of every rule, or of some), as line-level edits; undefined when nothing changes. */
export async function fixAllEdit(state: ServerState, document: TextDocument, onlyRules?: readonly string[]) {
  const result = await state.engine.fixAll(
    { uri: document.uri, languageId: document.languageId, text: document.getText() },
    {
      settings: await state.settings.forDocument(document.uri),
      onlyRules,
      workspace: state.accounts,
      workspaceImports: state.projectImports.all(),
    },
  );
  if (!result.changed) return undefined;
  return { changes: { [document.uri]: toLspEdits(document, diffEdits(document.getText(), result.text)) } };
}

/** Reads the workspace's unopened files again; open documents are re-checked if anything changed. */
export function rescan(state: ServerState): void {
  void state.scanner
    .scan(() => state.documents.all().map((d) => d.uri))
    .then((changed) => {
      if (changed) state.scheduler.scheduleAll();
    });
}
