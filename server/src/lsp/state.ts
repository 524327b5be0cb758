/**
 * What the language server knows between messages: the open documents and their kept analyses,
 * the settings, the workspace indexes, and the ways back to the client. Handlers
 * (`handlers/*.ts`) read and change it; the scheduler decides when documents are analysed.
 */
import type { Connection } from 'vscode-languageserver';
import { STATUS_NOTIFICATION, type StatusParams } from '../../../common/protocol';
import { Engine, type Analysis } from '../engine/engine';
import { AccountIndex } from '../workspace/accountIndex';
import { ProjectImportIndex } from '../workspace/projectImports';
import { DocumentStore } from './documentStore';
import { Scheduler, type SchedulerWork } from './scheduler';
import { SettingsProvider } from './settings';
import { WorkspaceScanner } from './workspaceScanner';

/** The analysis of a document's version: what diagnostics, quick fixes and hovers are served from. */
export interface KeptAnalysis {
  readonly version: number;
  readonly analysis: Analysis;
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
  /** The skip reason last logged per document: logged when it changes, not on every keystroke. */
  readonly loggedSkips = new Map<string, string>();
  readonly scheduler: Scheduler;

  constructor(
    readonly connection: Connection,
    work: Omit<SchedulerWork, 'openDocuments'>,
  ) {
    this.settings = new SettingsProvider(connection);
    this.scanner = new WorkspaceScanner(this.engine, this.accounts, this.projectImports, (message) => this.log(message));
    this.scheduler = new Scheduler({ ...work, openDocuments: () => this.documents.all().map((d) => d.uri) });
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  /** The language status item's report after an analysis. */
  sendStatus(status: StatusParams): void {
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  /** Forgets what was known of a closed document. */
  forget(uri: string): void {
    this.analyses.delete(uri);
    this.loggedSkips.delete(uri);
  }
}
