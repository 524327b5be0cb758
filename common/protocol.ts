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

/** Commands of the command palette (the client's). */
export const COMMANDS = {
  fixAllInFile: 'batchIdentity.fixAllInFile',
  restartServer: 'batchIdentity.restartServer',
  showOutput: 'batchIdentity.showOutput',
} as const;

/** Commands the server executes (`workspace/executeCommand`); arguments: [document uri]. */
export const SERVER_COMMANDS = {
  applyFixAll: 'batchIdentity.server.applyFixAll',
} as const;

/**
 * Client → server: the documents shown in editors now (their URIs), sent when that changes. The
 * server analyses them first; without it (other editors), the most recently changed go first.
 */
export const VISIBLE_DOCUMENTS_NOTIFICATION = 'batchIdentity/visibleDocuments';

export interface VisibleDocumentsParams {
  readonly uris: readonly string[];
}
