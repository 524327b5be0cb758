/**
 * What the language server knows between messages: the open documents and their kept analyses,
 * the settings, the workspace indexes, and the ways back to the client. Handlers
 * (`handlers/*.ts`) read and change it; the scheduler decides when documents are analysed.
 */
import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import type { Settings } from '../../../common/settings';
import { STATUS_NOTIFICATION, type StatusParams } from '../../../common/protocol';
import { ruleDocUrl } from '../batch/model';
import { Engine, type Analysis } from '../engine/engine';
import type { FileFormat } from '../engine/language';
import { AccountIndex, type RecordedLookups } from '../workspace/accountIndex';
import { FormatResolver } from '../workspace/format';
import { ProjectImportIndex } from '../workspace/projectImports';
import { DocumentStore } from './documentStore';
import { describeSettings, displayName, IndexChangeLog } from './output';
import { Scheduler, type SchedulerWork } from './scheduler';
import { SettingsProvider } from './settings';
import { localPathOf } from './uris';
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
  /** How each document's project wants it written, from its configuration on disk (re-read when a watched one changes). */
  readonly formats = new FormatResolver();
  readonly scanner: WorkspaceScanner;
  /** Per open document, the analysis of the newest version analysed. */
  readonly analyses = new Map<string, KeptAnalysis>();
  /** Per open document, the version whose analysis failed (requests for it fail instead of waiting). */
  readonly failures = new Map<string, number>();
  /** The skip reason last logged per document: logged when it changes, not on every keystroke. */
  readonly loggedSkips = new Map<string, string>();
  readonly scheduler: Scheduler;
  /** Tells the output what changes in the workspace's pool user accounts, once edits pause. */
  readonly indexLog: IndexChangeLog;
  /** The settings last told to the output (window-wide), and those told for single documents since. */
  private toldSettings: string | undefined;
  private readonly toldDocumentSettings = new Set<string>();
  /** The folder of rule pages the client opens (`initializationOptions.docsBase`); undefined: the online pages. */
  docsBase: string | undefined;
  /** Whether the client shows documents the server asks it to (`window/showDocument`): then "Show documentation for ⟨rule⟩" is offered. */
  showsDocuments = false;
  /** Whether the client can resolve a code action's edit later (`codeAction/resolve`): costly edits are then computed only when chosen. */
  resolvesCodeActionEdits = false;
  /** What the client said it can do in `initialize` (Migrate Workspace asks about workspace edits and progress). */
  clientCapabilities: ClientCapabilities = {};
  /** A Migrate Workspace is under way (one at a time). */
  migrating = false;
  /** Whether the client can be told to ask for inlay hints again (`workspace/inlayHint/refresh`). */
  refreshesInlayHints = false;
  shutDown = false;

  constructor(
    readonly connection: Connection,
    work: Omit<SchedulerWork, 'openDocuments' | 'log' | 'trace' | 'prepare'>,
  ) {
    this.settings = new SettingsProvider(connection);
    this.scanner = new WorkspaceScanner(
      this.engine,
      this.accounts,
      this.projectImports,
      (message) => this.log(message),
      (message) => this.error(message),
    );
    this.indexLog = new IndexChangeLog(
      this.accounts,
      (message) => this.log(message),
      (uri) => displayName(uri, this.scanner.folderPaths),
    );
    this.scheduler = new Scheduler({
      ...work,
      openDocuments: () => this.documents.all().map((d) => d.uri),
      log: (message) => this.log(message),
      trace: (message) => this.trace(message),
      prepare: (uri) => (this.settings.known(uri) ? undefined : this.settings.forDocument(uri)),
    });
  }

  initializeClient(capabilities: ClientCapabilities): void {
    this.clientCapabilities = capabilities;
    const codeAction = capabilities.textDocument?.codeAction;
    this.resolvesCodeActionEdits = !!codeAction?.dataSupport && !!codeAction.resolveSupport?.properties.includes('edit');
    this.showsDocuments = !!capabilities.window?.showDocument?.support;
    this.refreshesInlayHints = !!capabilities.workspace?.inlayHint?.refreshSupport;
  }

  /**
   * Asks the client for every open document's inlay hints again: what a named user's "runs as"
   * says comes from the account index, which a change of another file (or the settings) changes.
   */
  refreshInlayHints(): void {
    if (this.refreshesInlayHints && !this.shutDown) void this.connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  /** A rule's page, where this client reads it: under `docsBase`, else online. */
  ruleDoc(ruleId: string): string {
    return ruleDocUrl(ruleId, this.docsBase);
  }

  /** A line in the output (info level): an event, never per keystroke. */
  log(message: string): void {
    this.connection.console.info(message);
  }

  /** Something failed: a line at the error level. */
  error(message: string): void {
    this.connection.console.error(message);
  }

  /**
   * Tells the window-wide settings when they differ from what was told (at start, after each
   * change). Asked of the client (without a resource) or as pushed.
   */
  async logSettings(changed: boolean): Promise<void> {
    const text = describeSettings(await this.settings.forWindow());
    this.toldDocumentSettings.clear();
    if (text === this.toldSettings) return;
    this.toldSettings = text;
    this.log(`Settings${changed ? ' changed' : ''}: ${text}`);
  }

  /** A document analysed with settings of its own (a folder's or language's override): told once per distinct settings. */
  noteDocumentSettings(uri: string, settings: Settings): void {
    const text = describeSettings(settings);
    if (this.toldSettings === undefined || text === this.toldSettings || this.toldDocumentSettings.has(text)) return;
    this.toldDocumentSettings.add(text);
    this.log(`Settings in force for ${displayName(uri, this.scanner.folderPaths)} differ: ${text}`);
  }

  /** A `$/logTrace` line, sent only while the client traces the server (`trace` in `initialize`, `$/setTrace`). */
  trace(message: string): void {
    this.connection.tracer.log(message);
  }

  /** The language status item's report after an analysis. */
  sendStatus(status: StatusParams): void {
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  /** How the project wants the document written; nothing for a document that is no file on this machine. */
  formatOf(uri: string): FileFormat | undefined {
    const file = localPathOf(uri);
    return file ? this.formats.formatOf(file) : undefined;
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
