/**
 * What the language server knows between messages: the open documents and their kept analyses,
 * the settings, the workspace indexes, and the ways back to the client. Handlers
 * (`handlers/*.ts`) read and change it; the scheduler decides when documents are analysed.
 */
import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import { STATUS_NOTIFICATION, type StatusParams } from '../../../common/protocol';
import { Engine, type Analysis } from '../engine/engine';
import { AccountIndex, type RecordedLookups } from '../workspace/accountIndex';
import { ProjectImportIndex } from '../workspace/projectImports';
import { DocumentStore } from './documentStore';
import { Scheduler, type SchedulerWork } from './scheduler';
import { SettingsProvider } from './settings';
import { WorkspaceScanner } from './workspaceScanner';

/** The analysis of a document's version: what diagnostics, quick fixes and hovers are served from. */
export interface KeptAnalysis {
  readonly version: number;
  readonly analysis: Analysis;
  /** What the analysis asked of the workspace's accounts: a later change re-checks it only if it concerns these. */
  readonly lookups: RecordedLookups;
  /** Results computed from this analysis on request (verified suppressions, fix-all edits), by key: each computed once per version. */
  readonly derived: Map<string, Promise<unknown>>;
}

export class ServerState {
  readonly engine = new Engine();
  readonly documents = new DocumentStore(this.engine);
  readonly settings: SettingsProvider;
  readonly accounts = new AccountIndex();
  readonly projectImports = new ProjectImportIndex();
  readonly scanner: WorkspaceScanner;
  /** Per open document, the analysis of the newest version analysed. */
  readonly analyses = new Map<string, KeptAnalysis>();
  /** Per open document, the version whose analysis failed (requests for it fail instead of waiting). */
  readonly failures = new Map<string, number>();
  /** The skip reason last logged per document: logged when it changes, not on every keystroke. */
  readonly loggedSkips = new Map<string, string>();
  readonly scheduler: Scheduler;
  /** Whether the client can resolve a code action's edit later (`codeAction/resolve`): costly edits are then computed only when chosen. */
  resolvesCodeActionEdits = false;
  /** Whether the client can be told to ask for inlay hints again (`workspace/inlayHint/refresh`). */
  refreshesInlayHints = false;
  shutDown = false;

  constructor(
    readonly connection: Connection,
    work: Omit<SchedulerWork, 'openDocuments' | 'log' | 'trace' | 'prepare'>,
  ) {
    this.settings = new SettingsProvider(connection);
    this.scanner = new WorkspaceScanner(this.engine, this.accounts, this.projectImports, (message) => this.log(message));
    this.scheduler = new Scheduler({
      ...work,
      openDocuments: () => this.documents.all().map((d) => d.uri),
      log: (message) => this.log(message),
      trace: (message) => this.trace(message),
      prepare: (uri) => (this.settings.known(uri) ? undefined : this.settings.forDocument(uri)),
    });
  }

  initializeClient(capabilities: ClientCapabilities): void {
    const codeAction = capabilities.textDocument?.codeAction;
    this.resolvesCodeActionEdits = !!codeAction?.dataSupport && !!codeAction.resolveSupport?.properties.includes('edit');
    this.refreshesInlayHints = !!capabilities.workspace?.inlayHint?.refreshSupport;
  }

  /**
   * Asks the client for every open document's inlay hints again: what a named user's "runs as"
   * says comes from the account index, which a change of another file (or the settings) changes.
   */
  refreshInlayHints(): void {
    if (this.refreshesInlayHints && !this.shutDown) void this.connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  /** A `$/logTrace` line, sent only while the client traces the server (`trace` in `initialize`, `$/setTrace`). */
  trace(message: string): void {
    this.connection.tracer.log(message);
  }

  /** The language status item's report after an analysis. */
  sendStatus(status: StatusParams): void {
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  /** Forgets what was known of a closed document. */
  forget(uri: string): void {
    this.analyses.delete(uri);
    this.failures.delete(uri);
    this.loggedSkips.delete(uri);
    this.settings.forget(uri);
    this.scheduler.forget(uri);
  }
}
