/**
 * Reads the workspace's files (not only the open ones) for user accounts defined on pools and
 * for imports made for the whole project (C# `global using`), in the background: one file per
 * turn of the event loop, so typing is never kept waiting.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { Engine } from '../engine/engine';
import { languageOfPath } from '../engine/engine';
import { ACCOUNT_WORDS, accountsIn, type AccountIndex } from '../workspace/accountIndex';
import { mayMakeProjectImports, projectImportsOfFile, type ProjectImportIndex } from '../workspace/projectImports';
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
    private readonly imports: ProjectImportIndex,
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
    // Project imports first: a C# pool's accounts may be typed through a `global using` elsewhere.
    for (const file of files) {
      const uri = pathToFileURL(file).toString();
      if (openUris().includes(uri) || !mayMakeProjectImports(file)) continue;
      changed = (await this.indexImports(file, uri)) || changed;
      await yieldToMessages();
    }
    for (const file of files) {
      const uri = pathToFileURL(file).toString();
      if (openUris().includes(uri)) continue;
      changed = (await this.indexFile(file, uri)) || changed;
      await yieldToMessages();
    }
    const imports = this.imports.all();
    this.log(
      `Workspace scan: ${files.length} files read in ${Date.now() - started} ms, ${this.index.size} pool user accounts found` +
        (imports.length > 0 ? `, global usings: ${imports.join(', ')}.` : '.'),
    );
    return changed;
  }

  /** A watched file changed on disk; `imports` says whether the workspace's project imports changed. */
  async refresh(uri: string, deleted: boolean): Promise<{ changed: boolean; imports: boolean }> {
    if (!uri.startsWith('file:')) return { changed: false, imports: false };
    if (deleted) {
      const imports = this.imports.remove(uri);
      return { changed: this.index.remove(uri) || imports, imports };
    }
    const file = fileURLToPath(uri);
    const imports = await this.indexImports(file, uri);
    return { changed: (await this.indexFile(file, uri)) || imports, imports };
  }

  /** A document was closed: its accounts are those of the file on disk again (none if there is none). */
  async reindexClosed(uri: string): Promise<boolean> {
    if (!uri.startsWith('file:')) return this.index.remove(uri);
    const file = fileURLToPath(uri);
    const inWorkspace = this.folders.some((folder) => {
      // path.relative, not a prefix test: it knows the platform's case rules (Windows drive letters).
      const relative = path.relative(folder, file);
      return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    });
    if (!inWorkspace || !fs.existsSync(file)) {
      const imports = this.imports.remove(uri);
      return this.index.remove(uri) || imports;
    }
    const imports = await this.indexImports(file, uri);
    return (await this.indexFile(file, uri)) || imports;
  }

  /** Records a file's imports for the whole project (C# `global using`, MSBuild `Using` items); whether the workspace's imports changed. */
  private async indexImports(file: string, uri: string): Promise<boolean> {
    if (!mayMakeProjectImports(file)) return false;
    try {
      if (fs.statSync(file).size > MAX_SCAN_BYTES) return this.imports.remove(uri);
      return this.imports.update(uri, await projectImportsOfFile(this.engine, file, fs.readFileSync(file)));
    } catch {
      return this.imports.remove(uri);
    }
  }

  private async indexFile(file: string, uri: string): Promise<boolean> {
    const language = languageOfPath(file);
    if (!language) return false;
    try {
      if (fs.statSync(file).size > MAX_SCAN_BYTES) return this.index.remove(uri);
      const { text } = decode(fs.readFileSync(file));
      if (!ACCOUNT_WORDS.some((word) => text.includes(word))) return this.index.remove(uri);
      const analysis = await this.engine.analyze({ uri, languageId: language, text }, { workspaceImports: this.imports.all() });
      analysis.release();
      return this.index.update(uri, accountsIn(uri, text, analysis.facts));
    } catch {
      // Unreadable or undecodable files define no accounts; the CLI reports such files, the editor skips them.
      return this.index.remove(uri);
    }
  }
}
