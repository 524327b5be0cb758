/**
 * The imports files make for the whole workspace (C#'s `global using X;`, often all in one
 * GlobalUsings.cs), by file, so that every C# file reaches what they import. Fed like the account
 * index: open documents, the server's scan and watched-file changes, the CLI's first pass.
 * The workspace counts as one project: a `global using` in any of its C# files counts in all.
 */
export class ProjectImportIndex {
  private readonly byUri = new Map<string, readonly string[]>();
  private union: readonly string[] | undefined;

  /** Records a file's project imports; returns whether the workspace's set of imports changed. */
  update(uri: string, imports: readonly string[]): boolean {
    const before = this.all();
    if (imports.length === 0) this.byUri.delete(uri);
    else this.byUri.set(uri, [...imports]);
    this.union = undefined;
    return this.all().join('\u0000') !== before.join('\u0000');
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
