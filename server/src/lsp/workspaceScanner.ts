/**
 * Reads the workspace's files (not only the open ones) for user accounts defined on pools, in
 * the background: one file per turn of the event loop, so typing is never kept waiting.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { Engine } from '../engine/engine';
import { languageOfPath } from '../engine/engine';
import { ACCOUNT_WORDS, accountsIn, type AccountIndex } from '../workspace/accountIndex';
import { decode } from '../workspace/sourceFiles';
import { collectFiles } from '../workspace/walk';

/** Files bigger than this are not read by the background scan. */
const MAX_SCAN_BYTES = 2 * 1024 * 1024;

const yieldToMessages = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceScanner {
  private folders: string[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly index: AccountIndex,
    private readonly log: (message: string) => void,
  ) {}

  setFolders(uris: readonly string[]): void {
    this.folders = uris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
  }

  /** Indexes every file of the folders except the open ones; resolves whether any account was found. */
  async scan(openUris: () => readonly string[]): Promise<boolean> {
    if (this.folders.length === 0) return false;
    const started = Date.now();
    const { files } = collectFiles(this.folders);
    let changed = false;
    for (const file of files) {
      const uri = pathToFileURL(file).toString();
      if (openUris().includes(uri)) continue;
      changed = (await this.indexFile(file, uri)) || changed;
      await yieldToMessages();
    }
    this.log(`Workspace scan: ${files.length} files read in ${Date.now() - started} ms, ${this.index.size} pool user accounts found.`);
    return changed;
  }

  async refresh(uri: string, deleted: boolean): Promise<boolean> {
    if (!uri.startsWith('file:')) return false;
    if (deleted) return this.index.remove(uri);
    return this.indexFile(fileURLToPath(uri), uri);
  }

  /** A document was closed: its accounts are those of the file on disk again (none if there is none). */
  async reindexClosed(uri: string): Promise<boolean> {
    if (!uri.startsWith('file:')) return this.index.remove(uri);
    const file = fileURLToPath(uri);
    const inWorkspace = this.folders.some((folder) => file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep));
    return inWorkspace && fs.existsSync(file) ? this.indexFile(file, uri) : this.index.remove(uri);
  }

  private async indexFile(file: string, uri: string): Promise<boolean> {
    const language = languageOfPath(file);
    if (!language) return false;
    try {
      if (fs.statSync(file).size > MAX_SCAN_BYTES) return this.index.remove(uri);
      const { text } = decode(fs.readFileSync(file));
      if (!ACCOUNT_WORDS.some((word) => text.includes(word))) return this.index.remove(uri);
      const analysis = await this.engine.analyze({ uri, languageId: language, text });
      analysis.release();
      return this.index.update(uri, accountsIn(uri, text, analysis.facts));
    } catch {
      // Unreadable or undecodable files define no accounts; the CLI reports such files, the editor skips them.
      return this.index.remove(uri);
    }
  }
}
