/**
 * Reads the workspace's files (not only the open ones) for user accounts defined on pools and
 * for imports made for the whole project (C# `global using`), in the background: one file per
 * turn of the event loop, so typing is never kept waiting. What changes in the indexes is told by
 * the indexes themselves (`onChange`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Engine } from '../engine/engine';
import { languageOfPath } from '../engine/engine';
import { ACCOUNT_WORDS, accountsIn, mayNameUsers, userReferencesIn, type AccountIndex } from '../workspace/accountIndex';
import { mayMakeProjectImports, projectImportsOfFile, type ProjectImportIndex } from '../workspace/projectImports';
import { decode, SourceReader } from '../workspace/sourceFiles';
import { collectFiles } from '../workspace/walk';
import { counted, displayName } from './output';
import { localPathOf } from './uris';

/** Files bigger than this are not read by the background scan. */
const MAX_SCAN_BYTES = 2 * 1024 * 1024;

const yieldToMessages = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceScanner {
  private folders: string[] = [];
  private readonly reader = new SourceReader(MAX_SCAN_BYTES);
  /** The scan under way (or the last one): Migrate Workspace waits for the indexes to be complete. */
  private scanning: Promise<void> = Promise.resolve();

  constructor(
    private readonly engine: Engine,
    private readonly index: AccountIndex,
    private readonly imports: ProjectImportIndex,
    private readonly log: (message: string) => void,
    private readonly error: (message: string) => void = log,
  ) {}

  /** The workspace folders' paths, which the output names files relative to. */
  get folderPaths(): readonly string[] {
    return this.folders;
  }

  /** The workspace folders; one that is not a local path is left out, with a log line (it cannot be read). */
  setFolders(uris: readonly string[]): void {
    this.folders = [];
    for (const uri of uris) {
      const folder = localPathOf(uri);
      if (folder) this.folders.push(folder);
      else
        this.log(`Workspace folder ${uri} is not a path on this machine: its files are not scanned (open documents are still analysed).`);
    }
  }

  /** The workspace folders that are local paths. */
  get roots(): readonly string[] {
    return this.folders;
  }

  /** Resolves once the scan under way, if any, has indexed every file. */
  async settled(): Promise<void> {
    for (let current = this.scanning; ; current = this.scanning) {
      await current.catch(() => undefined);
      if (current === this.scanning) return;
    }
  }

  /** Indexes every file of the folders except the open ones. */
  scan(isOpen: (uri: string) => boolean): Promise<void> {
    this.scanning = this.scanFolders(isOpen);
    return this.scanning;
  }

  private async scanFolders(isOpen: (uri: string) => boolean): Promise<void> {
    if (this.folders.length === 0) return;
    const started = Date.now();
    const { files, errors } = collectFiles(this.folders);
    for (const error of errors) this.log(`Workspace scan: ${error.path} cannot be read (${error.message}); it is left out.`);
    // Project imports first: a C# pool's accounts may be typed through a `global using` elsewhere.
    for (const file of files) {
      const uri = pathToFileURL(file).toString();
      if (isOpen(uri) || !mayMakeProjectImports(file)) continue;
      await this.indexImports(file, uri);
      await yieldToMessages();
    }
    for (const file of files) {
      const uri = pathToFileURL(file).toString();
      if (isOpen(uri)) continue;
      await this.indexFile(file, uri);
      await yieldToMessages();
    }
    const imports = this.imports.all();
    const { accounts, pools, files: defining } = this.index.summary();
    this.log(
      `Workspace scan: ${counted(files.length, 'file')} read in ${Date.now() - started} ms; ` +
        `${counted(accounts, 'pool user account')} on ${counted(pools, 'pool')} in ${counted(defining, 'file')}` +
        (imports.length > 0 ? `; global usings: ${imports.join(', ')}.` : '.'),
    );
  }

  /** A watched file changed on disk; resolves whether the workspace's project imports changed. */
  async refresh(uri: string, deleted: boolean): Promise<boolean> {
    const file = localPathOf(uri);
    if (!file) return false;
    if (deleted) {
      this.index.remove(uri);
      return this.imports.remove(uri);
    }
    const imports = await this.indexImports(file, uri);
    await this.indexFile(file, uri);
    return imports;
  }

  /** A document was closed: its accounts are those of the file on disk again (none if there is none). */
  async reindexClosed(uri: string): Promise<void> {
    const file = localPathOf(uri);
    const inWorkspace =
      !!file &&
      this.folders.some((folder) => {
        // path.relative, not a prefix test: it knows the platform's case rules (Windows drive letters).
        const relative = path.relative(folder, file);
        return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
      });
    if (!file || !inWorkspace || !fs.existsSync(file)) {
      this.imports.remove(uri);
      this.index.remove(uri);
      return;
    }
    await this.indexImports(file, uri);
    await this.indexFile(file, uri);
  }

  /** Records a file's imports for the whole project (C# `global using`, MSBuild `Using` items); whether the workspace's imports changed. */
  private async indexImports(file: string, uri: string): Promise<boolean> {
    if (!mayMakeProjectImports(file)) return false;
    try {
      const bytes = this.reader.read(file);
      if (!bytes) return this.imports.remove(uri);
      return this.imports.update(uri, await projectImportsOfFile(this.engine, file, bytes));
    } catch {
      return this.imports.remove(uri);
    }
  }

  private async indexFile(file: string, uri: string): Promise<void> {
    const language = languageOfPath(file);
    if (!language) return;
    let text: string;
    try {
      const bytes = this.reader.read(file);
      if (!bytes) {
        this.skipped(
          uri,
          `it is larger than ${MAX_SCAN_BYTES / (1024 * 1024)} MB, the workspace scan's limit (open it to have it analysed)`,
        );
        this.index.remove(uri);
        return;
      }
      text = decode(bytes).text;
    } catch (error) {
      // Unreadable or not a regular file: no accounts. The CLI reports such files, the editor skips them.
      this.skipped(uri, `it cannot be read (${error instanceof Error ? error.message : String(error)})`);
      this.index.remove(uri);
      return;
    }
    // Accounts are defined, and named users named, only under these words.
    if (!ACCOUNT_WORDS.some((word) => text.includes(word)) && !mayNameUsers(text)) {
      this.index.remove(uri);
      return;
    }
    try {
      const analysis = await this.engine.analyze({ uri, languageId: language, text }, { workspaceImports: this.imports.all() });
      analysis.release();
      if (analysis.skipped) this.skipped(uri, analysis.skipped);
      this.index.updateReferences(uri, userReferencesIn(uri, text, analysis.facts));
      this.index.update(uri, accountsIn(uri, text, analysis.facts));
    } catch (error) {
      this.error(
        `Workspace scan: could not analyse ${displayName(uri, this.folders)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      this.index.remove(uri);
    }
  }

  /** A file the index leaves out, and why: one line. */
  private skipped(uri: string, reason: string): void {
    this.log(`Workspace scan: skipped ${displayName(uri, this.folders)}: ${reason}.`);
  }
}
