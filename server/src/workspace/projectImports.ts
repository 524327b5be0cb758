/**
 * The imports files make for the whole workspace (C#'s `global using X;`, often all in one
 * GlobalUsings.cs, and MSBuild `Using` items), by file, so that every C# file reaches what they
 * import. Fed like the account index: open documents, the server's scan and watched-file changes,
 * the CLI's first pass. The workspace counts as one project: an import of any file counts in all.
 */
import { languageOfPath, type Engine } from '../engine/engine';
import { LANGUAGES } from '../engine/languages';
import { isProjectFile, usingsOfProjectFile } from './msbuild';
import { decode } from './sourceFiles';

/** Whether a file can import for its whole project: an MSBuild project file, or a file of a language that has such imports. */
export function mayMakeProjectImports(file: string): boolean {
  const language = languageOfPath(file);
  return isProjectFile(file) || (!!language && !!LANGUAGES[language].projectImports);
}

/**
 * A file's imports for its whole project, from its bytes (the CLI's and the server's scans read
 * them their own way): a project file's `Using` items, or what the language reads from the tree
 * when the text holds its word (searched in the bytes first, unless the file is UTF-16). The bytes
 * are decoded before anything is awaited, so a caller's reused buffer may be passed.
 */
export async function projectImportsOfFile(engine: Engine, file: string, bytes: Buffer): Promise<string[]> {
  const language = languageOfPath(file);
  const word = language && LANGUAGES[language].projectImports?.word;
  const projectFile = isProjectFile(file);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!projectFile && (!language || !word || (!utf16 && !bytes.includes(word)))) return [];
  const text = decode(bytes).text;
  return projectFile ? usingsOfProjectFile(text) : engine.projectImportsOf({ uri: file, languageId: language!, text });
}

export class ProjectImportIndex {
  private readonly byUri = new Map<string, readonly string[]>();
  private union: readonly string[] | undefined;
  private readonly listeners: ((uri: string) => void)[] = [];

  /** Called with the file's uri after every update that changes the workspace's set of imports. */
  onChange(listener: (uri: string) => void): void {
    this.listeners.push(listener);
  }

  /** Records a file's project imports; returns whether the workspace's set of imports changed. */
  update(uri: string, imports: readonly string[]): boolean {
    const before = this.all();
    if (imports.length === 0) this.byUri.delete(uri);
    else this.byUri.set(uri, [...imports]);
    this.union = undefined;
    const changed = this.all().join('\u0000') !== before.join('\u0000');
    if (changed) for (const listener of this.listeners) listener(uri);
    return changed;
  }

  remove(uri: string): boolean {
    return this.update(uri, []);
  }

  /** Every import of the workspace, sorted, each once. */
  all(): readonly string[] {
    this.union ??= [...new Set([...this.byUri.values()].flat())].sort();
    return this.union;
  }
}
