/** The workspace around the open documents: watched files and settings. */
import { FileChangeType, type DidChangeConfigurationParams, type DidChangeWatchedFilesParams } from 'vscode-languageserver';
import { rescan } from '../analysis';
import type { ServerState } from '../state';

export async function didChangeWatchedFiles(state: ServerState, { changes }: DidChangeWatchedFilesParams): Promise<void> {
  let changed = false;
  let imports = false;
  for (const change of changes) {
    if (state.documents.get(change.uri)) continue; // open documents are indexed from their buffers
    const refreshed = await state.scanner.refresh(change.uri, change.type === FileChangeType.Deleted);
    changed ||= refreshed.changed;
    imports ||= refreshed.imports;
  }
  // Other files' accounts may be typed through the project import that changed: read them again.
  if (imports) rescan(state);
  if (changed) state.scheduler.scheduleAll();
}

export function didChangeConfiguration(state: ServerState, { settings }: DidChangeConfigurationParams): void {
  state.settings.changed(settings);
  state.scheduler.scheduleAll();
}
