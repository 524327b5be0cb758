/** The workspace around the open documents: watched files and settings. */
import { FileChangeType, type DidChangeConfigurationParams, type DidChangeWatchedFilesParams } from 'vscode-languageserver';
import { rescan } from '../analysis';
import { localPathOf } from '../uris';
import type { ServerState } from '../state';

/** Files changed on disk (the indexes tell which open documents that concerns). */
export async function didChangeWatchedFiles(state: ServerState, { changes }: DidChangeWatchedFilesParams): Promise<void> {
  let imports = false;
  let format = false;
  for (const change of changes) {
    // A format configuration file (pyproject.toml, .editorconfig…): the open documents' fixes are written anew.
    const file = localPathOf(change.uri);
    if (file && state.formats.changed(file)) {
      format = true;
      continue;
    }
    if (state.documents.get(change.uri)) continue; // open documents are indexed from their buffers
    imports = (await state.scanner.refresh(change.uri, change.type === FileChangeType.Deleted)) || imports;
  }
  // Other files' accounts may be typed through the project import that changed: read them again.
  if (imports) rescan(state);
  if (format) state.scheduler.scheduleAll();
}

export function didChangeConfiguration(state: ServerState, { settings }: DidChangeConfigurationParams): void {
  state.settings.changed(settings);
  void state.logSettings(true);
  state.scheduler.scheduleAll();
  // `batchIdentity.inlayHints.runsAs` may have changed.
  state.refreshInlayHints();
}
