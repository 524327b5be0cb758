/**
 * The LSP layer: wires documents, settings and requests to the engine, and nothing more. Batch
 * knowledge lives in the model and the rules; syntax knowledge in the language adapters.
 */
import {
  CodeActionKind,
  FileChangeType,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, type Settings } from '../../../common/settings';
import { SERVER_COMMANDS, STATUS_NOTIFICATION, type StatusParams } from '../../../common/protocol';
import { Engine, fixAllFixOf, languageOf, type Analysis } from '../engine/engine';
import { applyEdits, diffEdits } from '../engine/edits';
import type { Finding } from '../engine/findings';
import type { TextEdit } from '../engine/language';
import { LANGUAGES } from '../engine/languages';
import { suppressionEdit, type SuppressionScope } from '../engine/suppressions';
import { RUN_ELEVATED } from '../rules/runElevated';
import { DocumentStore } from './documentStore';
import { toDiagnostic, toLspEdits, toRange, type DiagnosticData } from './convert';
import { SettingsProvider } from './settings';
import { hoverAt } from '../hover/hover';
import { warmRuntime } from '../parsing/treeSitter';
import { AccountIndex, accountsIn } from '../workspace/accountIndex';
import { ProjectImportIndex } from '../workspace/projectImports';
import { WorkspaceScanner } from './workspaceScanner';

interface Current {
  readonly version: number;
  readonly analysis: Analysis;
}

/** How long typing in a buffer that changes the project's global usings must pause before the workspace is read again. */
const RESCAN_AFTER_TYPING_MS = 500;

export function startServer(connection: Connection): void {
  const engine = new Engine();
  const store = new DocumentStore(engine);
  const settings = new SettingsProvider(connection);
  const current = new Map<string, Current>();
  const scheduled = new Set<string>();
  /** Documents being validated, and those asked for again meanwhile (validated once more after). */
  const validating = new Set<string>();
  const again = new Set<string>();
  const loggedSkips = new Map<string, string>();
  const accounts = new AccountIndex();
  const projectImports = new ProjectImportIndex();
  const scanner = new WorkspaceScanner(engine, accounts, projectImports, (message) => log(message));

  const log = (message: string) => connection.console.log(message);

  connection.onInitialize((params): InitializeResult => {
    settings.initialize(params);
    scanner.setFolders(
      (params.workspaceFolders ?? []).map((f) => f.uri).concat(params.workspaceFolders ? [] : params.rootUri ? [params.rootUri] : []),
    );
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [SERVER_COMMANDS.applyFixAll] },
        hoverProvider: true,
      },
      serverInfo: { name: 'batch-identity' },
    };
  });

  connection.onInitialized(() => {
    warmRuntime();
    // The workspace's pool accounts, read in the background; open documents are re-checked once known.
    rescan();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    let changed = false;
    let imports = false;
    for (const change of changes) {
      if (store.get(change.uri)) continue; // open documents are indexed from their buffers
      const refreshed = await scanner.refresh(change.uri, change.type === FileChangeType.Deleted);
      changed ||= refreshed.changed;
      imports ||= refreshed.imports;
    }
    // Other files' accounts may be typed through the `global using` that changed: read them again.
    if (imports) rescan();
    if (changed) revalidateAll();
  });

  /** Reads the workspace's unopened files again; open documents are re-checked if anything changed. */
  function rescan(): void {
    void scanner
      .scan(() => store.all().map((d) => d.uri))
      .then((changed) => {
        if (changed) revalidateAll();
      });
  }

  /**
   * Pools in unopened C# files may be typed through the global usings that just changed in a
   * buffer: the workspace is read again once typing pauses (each keystroke may change them).
   */
  let rescanTimer: NodeJS.Timeout | undefined;
  function rescanSoon(): void {
    clearTimeout(rescanTimer);
    rescanTimer = setTimeout(rescan, RESCAN_AFTER_TYPING_MS);
  }

  function revalidateAll(except?: string): void {
    for (const document of store.all()) if (document.uri !== except) schedule(document.uri);
  }

  // Documents -----------------------------------------------------------------------------------
  connection.onDidOpenTextDocument(({ textDocument: d }) => {
    store.open(d.uri, d.languageId, d.version, d.text);
    schedule(d.uri);
  });
  connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) => {
    if (store.change(d.uri, d.version, contentChanges)) schedule(d.uri);
  });
  connection.onDidCloseTextDocument(({ textDocument: d }) => {
    store.close(d.uri);
    current.delete(d.uri);
    loggedSkips.delete(d.uri);
    connection.sendDiagnostics({ uri: d.uri, diagnostics: [] });
    // Its accounts came from the buffer: closed unsaved, they must not outlive it.
    void scanner.reindexClosed(d.uri).then((changed) => {
      if (changed) revalidateAll();
    });
  });
  connection.onDidChangeConfiguration(({ settings: pushed }) => {
    settings.changed(pushed);
    for (const document of store.all()) schedule(document.uri);
  });

  /**
   * Analyses run after the messages already received: a burst of changes costs one analysis of
   * the newest text, and a result for a version that is no longer current is dropped. One
   * validation per document at a time: requests while one runs make one more run after it (a
   * burst of 1,000 changes made up to 1,000 concurrent analyses, each publishing).
   */
  function schedule(uri: string): void {
    if (validating.has(uri)) {
      again.add(uri);
      return;
    }
    if (scheduled.has(uri)) return;
    scheduled.add(uri);
    setImmediate(() => {
      scheduled.delete(uri);
      validating.add(uri);
      void validate(uri).finally(() => {
        validating.delete(uri);
        if (again.delete(uri)) schedule(uri);
      });
    });
  }

  async function analyzeCurrent(document: TextDocument, documentSettings: Settings): Promise<Analysis> {
    // Only documents being edited keep a tree for incremental parsing: opening many files must
    // not fill the (never shrinking) WASM memory with trees nobody edits.
    const keepSyntax = store.isEdited(document.uri);
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
    if (store.get(document.uri) && accounts.update(document.uri, accountsIn(document.uri, analysis.text, analysis.facts)))
      revalidateAll(document.uri);
    // Its `global using` directives reach every other C# file, the unopened pools' too.
    if (store.get(document.uri) && projectImports.update(document.uri, analysis.projectImports ?? [])) {
      revalidateAll(document.uri);
      rescanSoon();
    }
    return analysis;
  }

  async function validate(uri: string): Promise<void> {
    const before = store.get(uri);
    if (!before) return;
    let analysis: Analysis;
    const documentSettings = await settings.forDocument(uri);
    // Read the document only now: changes may have arrived while the settings were fetched.
    const document = store.get(uri);
    if (!document) return;
    try {
      analysis = await analyzeCurrent(document, documentSettings);
    } catch (error) {
      log(`Could not analyse ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      connection.sendDiagnostics({ uri, diagnostics: [] });
      sendStatus({ uri, version: document.version, state: 'error', findings: 0, reason: 'the analysis failed; see the output' });
      return;
    }
    if (store.get(uri)?.version !== document.version) return; // a newer version is scheduled
    current.set(uri, { version: document.version, analysis });
    const diagnostics: Diagnostic[] = analysis.findings.map((finding, index) => toDiagnostic(document, finding, index));
    connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    if (analysis.skipped) {
      if (loggedSkips.get(uri) !== analysis.skipped) log(`Skipped ${uri}: ${analysis.skipped}.`);
      loggedSkips.set(uri, analysis.skipped);
    } else {
      loggedSkips.delete(uri);
    }
    sendStatus({
      uri,
      version: document.version,
      state: analysis.skipped ? 'skipped' : 'analysed',
      findings: analysis.findings.length,
      reason: analysis.skipped,
    });
  }

  function sendStatus(status: StatusParams): void {
    void connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  /** The analysis of the document's current version (analysing now if the scheduled run is still to come). */
  async function analysisOf(document: TextDocument): Promise<Analysis> {
    const known = current.get(document.uri);
    if (known && known.version === document.version) return known.analysis;
    const analysis = await analyzeCurrent(document, await settings.forDocument(document.uri));
    current.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  async function fixAllEdit(document: TextDocument, onlyRules?: readonly string[]) {
    const result = await engine.fixAll(
      { uri: document.uri, languageId: document.languageId, text: document.getText() },
      { settings: await settings.forDocument(document.uri), onlyRules, workspace: accounts, workspaceImports: projectImports.all() },
    );
    if (!result.changed) return undefined;
    return { changes: { [document.uri]: toLspEdits(document, diffEdits(document.getText(), result.text)) } };
  }

  // Code actions --------------------------------------------------------------------------------
  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    const document = store.get(params.textDocument.uri);
    if (!document || !languageOf(document.languageId)) return [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const actions: CodeAction[] = [];

    if (wants(FIX_ALL_KIND)) {
      const edit = await fixAllEdit(document);
      if (edit) actions.push({ title: 'Fix all Batch identity problems', kind: FIX_ALL_KIND, edit });
      if (only) return actions;
    }
    if (!wants(CodeActionKind.QuickFix)) return actions;

    const analysis = await analysisOf(document);
    let offersRunElevatedFixAll = false;
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = findingFor(analysis, document, diagnostic);
      if (!finding) continue;
      for (const fix of finding.fixes) {
        const edits = analysis.edits(fix);
        if (!edits) continue;
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred,
          edit: { changes: { [document.uri]: toLspEdits(document, edits) } },
        });
      }
      if (finding.rule === RUN_ELEVATED && fixAllFixOf(finding)) offersRunElevatedFixAll = true;
      for (const scope of ['line', 'file'] as const) {
        const edit = await verifiedSuppression(engine, document, analysis, finding, scope);
        if (!edit) continue;
        actions.push({
          title: scope === 'line' ? `Disable ${finding.rule} for this line` : `Disable ${finding.rule} for the entire file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [document.uri]: toLspEdits(document, [edit]) } },
        });
      }
    }
    const fixable = analysis.findings.filter((f) => f.rule === RUN_ELEVATED && fixAllFixOf(f));
    if (offersRunElevatedFixAll && fixable.length > 1) {
      const edit = await fixAllEdit(document, [RUN_ELEVATED]);
      if (edit) actions.push({ title: 'Fix all runElevated in this file', kind: CodeActionKind.QuickFix, edit });
    }
    return actions;
  });

  connection.onHover(async ({ textDocument, position }) => {
    const document = store.get(textDocument.uri);
    if (!document || !languageOf(document.languageId)) return null;
    const analysis = await analysisOf(document);
    const hover = hoverAt(analysis, document.offsetAt(position), accounts);
    return hover ? { contents: { kind: 'markdown', value: hover.markdown }, range: toRange(document, hover.span) } : null;
  });

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== SERVER_COMMANDS.applyFixAll) return;
    const uri = typeof args?.[0] === 'string' ? args[0] : undefined;
    const document = uri ? store.get(uri) : undefined;
    if (!document) return;
    const edit = await fixAllEdit(document);
    if (edit) await connection.workspace.applyEdit({ label: 'Fix all Batch identity problems', edit });
  });

  connection.listen();
}

/**
 * A suppression comment for a finding, offered only when it provably works: the edited text still
 * parses as well as before and the finding is gone. Plain JSON gets none unless it already holds
 * comments (a REST body with a comment is no longer JSON to other tools).
 */
async function verifiedSuppression(
  engine: Engine,
  document: TextDocument,
  analysis: Analysis,
  finding: Finding,
  scope: SuppressionScope,
): Promise<TextEdit | undefined> {
  const file = analysis.file;
  const language = analysis.language && LANGUAGES[analysis.language];
  if (!file || !language) return undefined;
  const text = document.getText();
  if (analysis.language === 'json' && document.languageId !== 'jsonc' && file.comments('//').length + file.comments('/*').length === 0)
    return undefined;
  const edit = suppressionEdit(text, file, language.lineComment, finding.rule, finding.span.start, scope);
  if (!edit) return undefined;
  // A one-off analysis (not keepSyntax): the document's kept tree is not touched.
  const check = await engine.analyze({ uri: document.uri, languageId: document.languageId, text: applyEdits(text, [edit]) });
  check.release();
  const before = analysis.findings.filter((f) => f.rule === finding.rule).length;
  const after = check.findings.filter((f) => f.rule === finding.rule).length;
  const worse = !file.hasSyntaxErrors && check.file?.hasSyntaxErrors;
  return after < before && !worse ? edit : undefined;
}

/** The finding a diagnostic was made from: by the index it carries, checked against rule and range. */
function findingFor(analysis: Analysis, document: TextDocument, diagnostic: Diagnostic) {
  const data = diagnostic.data as DiagnosticData | undefined;
  const sameRange = (span: { start: number; end: number }) => {
    const range = toRange(document, span);
    return (
      range.start.line === diagnostic.range.start.line &&
      range.start.character === diagnostic.range.start.character &&
      range.end.line === diagnostic.range.end.line &&
      range.end.character === diagnostic.range.end.character
    );
  };
  const byIndex = data && data.version === document.version ? analysis.findings[data.index] : undefined;
  if (byIndex && byIndex.rule === diagnostic.code && sameRange(byIndex.span)) return byIndex;
  return analysis.findings.find((f) => f.rule === diagnostic.code && sameRange(f.span));
}
