/**
 * MSBuild's way to write C# global usings: `<Using Include="Microsoft.Azure.Batch" />` items in a
 * project file (or a Directory.Build.props/.targets shared by several), from which the SDK
 * generates `global using` directives into obj/ (which the walk skips). Read with an XML parser.
 */
import * as path from 'path';
import type * as Sax from 'sax';

/**
 * sax, loaded on the first project file: it loads Node's stream module, which a re-scan of an
 * unchanged tree (the CLI's cache) would pay for on every run.
 */
function sax(): typeof Sax {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('sax') as typeof Sax;
}
import { isProjectFileName } from '../../../common/languages';

/** Project files whose `Using` items count: `*.csproj` and the shared Directory.Build files (the language table's `projectFiles`). */
export function isProjectFile(file: string): boolean {
  return isProjectFileName(path.basename(file));
}

/**
 * The namespaces a project file imports for all its C# files: `Using` items with `Include`,
 * without `Alias` or `Static="true"` (those bring one name, not a namespace); `Remove` takes one
 * out again. Conditions are not evaluated (a conditional item counts). Malformed XML imports
 * nothing: a broken project does not build either.
 */
export function usingsOfProjectFile(text: string): string[] {
  const imports: string[] = [];
  const parser = sax().parser(true, { trim: true });
  let broken = false;
  parser.onerror = () => {
    broken = true;
  };
  parser.onopentag = (tag) => {
    // MSBuild item and attribute names are case-insensitive.
    if (tag.name.toLowerCase() !== 'using') return;
    const attributes = new Map(Object.entries(tag.attributes).map(([name, value]) => [name.toLowerCase(), value]));
    const names = (value: string | undefined) =>
      (value ?? '')
        .split(';')
        .map((n) => n.trim())
        .filter(Boolean);
    if (attributes.has('remove')) {
      for (const name of names(attributes.get('remove'))) while (imports.includes(name)) imports.splice(imports.indexOf(name), 1);
      return;
    }
    if (attributes.has('alias') || attributes.get('static')?.toLowerCase() === 'true') return;
    for (const name of names(attributes.get('include'))) if (!imports.includes(name)) imports.push(name);
  };
  try {
    parser.write(text).close();
  } catch {
    broken = true;
  }
  return broken ? [] : imports;
}
