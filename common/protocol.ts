/** Custom messages between the extension and the language server. */

/** Server → client after each analysis: what the language status item shows. */
export const STATUS_NOTIFICATION = 'batchIdentity/status';

export interface StatusParams {
  readonly uri: string;
  readonly version: number;
  readonly state: 'analysed' | 'skipped' | 'error';
  readonly findings: number;
  /** Why the file was skipped or failed. */
  readonly reason?: string;
}

/**
 * The one name of fix-all — every safe fix of a file, as on save and `check --fix` — wherever a
 * person meets it: the command palette (package.json's title, held to this by a unit test), the
 * source.fixAll code action, the edit's undo label, README and docs.
 */
export const FIX_ALL_TITLE = 'Fix all Batch identity problems';

/** Commands of the command palette (the client's), and the one its rule-page links run. */
export const COMMANDS = {
  fixAllInFile: 'batchIdentity.fixAllInFile',
  restartServer: 'batchIdentity.restartServer',
  showOutput: 'batchIdentity.showOutput',
  /** Not in the palette: [rule id] → the packaged rule page in the Markdown preview (links in diagnostics and hovers run it). */
  showRuleDocumentation: 'batchIdentity.showRuleDocumentation',
} as const;

/**
 * Commands the server executes (`workspace/executeCommand`): `applyFixAll` [document uri];
 * `showRuleDocumentation` [rule id], which asks the client to show the rule's page
 * (`window/showDocument`: the packaged page when the client gave `docsBase`, else the online one, externally);
 * `migrateWorkspace` [MigrateWorkspaceArguments?].
 */
export const SERVER_COMMANDS = {
  /** Arguments: [document uri]. */
  applyFixAll: 'batchIdentity.server.applyFixAll',
  /** Arguments: [rule id]. */
  showRuleDocumentation: 'batchIdentity.server.showRuleDocumentation',
  /**
   * Arguments: [MigrateWorkspaceArguments?]. Fix-all over every file of the workspace folders, as
   * one `workspace/applyEdit` whose changes carry one change annotation per file that needs
   * confirmation; answered with a `MigrationSummary`. Also the client's command "Batch Identity:
   * Migrate Workspace…" (vscode-languageclient registers it; the client's middleware asks the scope).
   */
  migrateWorkspace: 'batchIdentity.migrateWorkspace',
} as const;

export interface MigrateWorkspaceArguments {
  /** The scope the runElevated fix writes; `batchIdentity.fix.scope` when absent. */
  readonly scope?: 'omit' | 'task' | 'pool';
}

/** What Migrate Workspace did. */
export interface MigrationSummary {
  /** Whether the editor applied the edit (as a whole: files unticked in its preview are left out). */
  readonly applied: boolean;
  /** Why it was not applied, when there was something to apply. */
  readonly notApplied?: string;
  /** Files with changes, and the problems fixed in them. */
  readonly files: number;
  readonly changes: number;
  /** Files read (those holding no identity word are not analysed). */
  readonly scanned: number;
  /** Files and folders left out by `.gitignore` and `files.exclude`. */
  readonly excluded: number;
  /** Files that could not be migrated, and why. */
  readonly skipped: readonly { readonly uri: string; readonly reason: string }[];
}

/** The title of the quick fix that shows a rule's page (never preferred: it changes nothing). */
export const showDocumentationTitle = (rule: string) => `Show documentation for ${rule}`;

/**
 * `initializationOptions` the server reads (all optional):
 * - `settings`: the `batchIdentity` settings, for clients without `workspace/configuration`;
 * - `docsBase`: the URI of a folder holding the rule pages (`<rule>.md`, as `docs/rules/` of the
 *   package) that the client can open. Rule links (diagnostics' `codeDescription.href`, hovers,
 *   `window/showDocument`) then point there; without it they point at the stable online pages
 *   (https). The VS Code extension sends its own `docs/rules/` and opens those pages in the
 *   Markdown preview, offline.
 */
export interface InitializationOptions {
  readonly settings?: unknown;
  readonly docsBase?: string;
}

/**
 * Client → server: the documents shown in editors now (their URIs), sent when that changes. The
 * server analyses them first; without it (other editors), the most recently changed go first.
 */
export const VISIBLE_DOCUMENTS_NOTIFICATION = 'batchIdentity/visibleDocuments';

export interface VisibleDocumentsParams {
  readonly uris: readonly string[];
}
