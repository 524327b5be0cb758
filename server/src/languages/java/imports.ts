/**
 * What a Java file imports, and how to add an import the way it writes them.
 *
 * Reading: the package declaration and the import declarations at the top of the file, which
 * packages of them are Batch's (and of which SDK generation), and which are another service's with
 * its own look-alike API (Batch AI).
 *
 * Writing: `import` declarations added into the group of imports closest to the new one, at its
 * sorted place when that group is sorted, in the file's line endings.
 */
import { JAVA, type JavaSdk } from '../../batch/sdks';
import { detectEol, lineStart } from '../../engine/edits';
import type { TextEdit } from '../../engine/language';
import type { Tree } from '../toolkit/treeSitter';
import { isComment, namedChildren } from './syntax';

export interface ImportDecl {
  readonly name: string;
  readonly isStatic: boolean;
  readonly wildcard: boolean;
  readonly start: number;
  readonly end: number;
}

/** A name is in a package when it is the package or below it (`a.b` holds `a.b.C`, not `a.bc.C`). */
export function inPackage(qualified: string, prefix: string): boolean {
  const p = prefix.endsWith('.') ? prefix.slice(0, -1) : prefix;
  return qualified === p || qualified.startsWith(p + '.');
}

export function isOtherService(qualified: string): boolean {
  return JAVA.otherServicePrefixes.some((p) => inPackage(qualified, p));
}

export function isBatchName(qualified: string): boolean {
  return !isOtherService(qualified) && Object.values(JAVA.sdkRoots).some((root) => inPackage(qualified, root));
}

export function sdkOfPackage(pkg: string | undefined): JavaSdk | undefined {
  if (!pkg) return undefined;
  for (const sdk of Object.keys(JAVA.sdkRoots) as JavaSdk[]) if (inPackage(pkg, JAVA.sdkRoots[sdk])) return sdk;
  return undefined;
}

export function stripSpace(s: string): string {
  return s.replace(/\s+/g, '');
}

/** The package and import declarations of a file (the top level only). */
export class FileImports {
  readonly imports: ImportDecl[] = [];
  packageName?: string;
  packageSpan?: { start: number; end: number };
  /** Start of the first top-level node that is not a package, import or comment. */
  firstDeclarationStart?: number;
  /** A package or import declaration has syntax errors: where the import block ends is unknown. */
  broken = false;
  /** Something of Batch's is imported (or the file is in a Batch package). */
  readonly batchImported: boolean;
  /** Something of a look-alike service is imported (Batch AI). */
  readonly otherServiceImported: boolean;
  /** Generations the file imports from (wildcards and single types alike). */
  readonly importedSdks = new Set<JavaSdk>();

  constructor(tree: Tree) {
    for (const node of tree.rootNode.namedChildren) {
      if (!node) continue;
      if (node.type === 'package_declaration') {
        const name = namedChildren(node).find((c) => c.type === 'scoped_identifier' || c.type === 'identifier');
        if (name) this.packageName = stripSpace(name.text);
        this.packageSpan = { start: node.startIndex, end: node.endIndex };
        if (node.hasError) this.broken = true;
      } else if (node.type === 'import_declaration') {
        if (node.hasError) this.broken = true;
        const parts = namedChildren(node);
        const name = parts.find((c) => c.type === 'scoped_identifier' || c.type === 'identifier');
        if (!name) continue;
        this.imports.push({
          name: stripSpace(name.text),
          isStatic: node.children.some((c) => c?.type === 'static'),
          wildcard: parts.some((c) => c.type === 'asterisk'),
          start: node.startIndex,
          end: node.endIndex,
        });
      } else if (!isComment(node) && this.firstDeclarationStart === undefined) {
        this.firstDeclarationStart = node.startIndex;
      }
    }
    const names = [...this.imports.map((i) => i.name), ...(this.packageName ? [this.packageName] : [])];
    this.batchImported = names.some(isBatchName);
    this.otherServiceImported = names.some(isOtherService);
    for (const name of names) {
      const sdk = isBatchName(name) ? sdkOfPackage(name) : undefined;
      if (sdk) this.importedSdks.add(sdk);
    }
  }

  /** The one generation the file imports, if exactly one. */
  get fileSdk(): JavaSdk | undefined {
    return this.importedSdks.size === 1 ? [...this.importedSdks][0] : undefined;
  }

  /** What the renderer needs to add imports, once the tree is gone. */
  info(declaredTypes: ReadonlySet<string>): ImportsInfo {
    return {
      imports: this.imports,
      packageName: this.packageName,
      packageEnd: this.packageSpan?.end,
      firstDeclarationStart: this.firstDeclarationStart,
      declaredTypes,
      broken: this.broken,
    };
  }
}

// Adding imports ---------------------------------------------------------------------------------

/** What a renderer needs to know about a file's imports (plain data: no syntax tree). */
export interface ImportsInfo {
  readonly imports: readonly ImportDecl[];
  readonly packageName?: string;
  readonly packageEnd?: number;
  readonly firstDeclarationStart?: number;
  /** Type names this file declares itself (an import of the same name would clash). */
  readonly declaredTypes: ReadonlySet<string>;
  /** The package or an import has syntax errors: an import placed from them could land in code. */
  readonly broken?: boolean;
}

/**
 * Edits importing `names` from `pkg`, none for names already in reach (same package, the class or
 * a wildcard imported); undefined when a name would clash with another class of the same name.
 */
export function importEdits(text: string, info: ImportsInfo, pkg: string, names: readonly string[]): TextEdit[] | undefined {
  const missing: string[] = [];
  for (const name of names) {
    const qualified = `${pkg}.${name}`;
    if (info.packageName === pkg) continue;
    if (info.imports.some((i) => !i.isStatic && (i.wildcard ? i.name === pkg : i.name === qualified))) continue;
    if (info.imports.some((i) => !i.isStatic && !i.wildcard && i.name.endsWith(`.${name}`))) return undefined;
    if (info.declaredTypes.has(name)) return undefined;
    missing.push(qualified);
  }
  if (missing.length === 0) return [];
  if (info.broken) return undefined;
  missing.sort();
  const eol = detectEol(text);
  const line = (qualified: string) => `import ${qualified};${eol}`;

  const regular = info.imports.filter((i) => !i.isStatic);
  const existing = regular.length > 0 ? regular : info.imports;
  if (existing.length > 0) {
    const groups = groupsOf(text, existing);
    const byOffset = new Map<number, string>();
    for (const qualified of missing) {
      const offset = insertionPoint(text, groups, qualified);
      byOffset.set(offset, (byOffset.get(offset) ?? '') + line(qualified));
    }
    return [...byOffset].map(([offset, newText]) => ({
      span: { start: offset, end: offset },
      newText: atLineStart(text, offset, newText, eol),
    }));
  }
  const block = missing.map(line).join('');
  if (info.packageEnd !== undefined) {
    const offset = afterLine(text, info.packageEnd);
    const blankFollows = text.startsWith(eol, offset) || offset >= text.length;
    return [{ span: { start: offset, end: offset }, newText: atLineStart(text, offset, eol + block + (blankFollows ? '' : eol), eol) }];
  }
  const offset = lineStart(text, info.firstDeclarationStart ?? 0);
  return [{ span: { start: offset, end: offset }, newText: block + eol }];
}

/** Imports split where a blank line (or anything but whitespace) separates them. */
function groupsOf(text: string, imports: readonly ImportDecl[]): ImportDecl[][] {
  const groups: ImportDecl[][] = [];
  let current: ImportDecl[] = [];
  for (const decl of imports) {
    const previous = current[current.length - 1];
    if (previous) {
      const between = text.slice(previous.end, decl.start);
      const newlines = between.split('\n').length - 1;
      if (newlines > 1 || between.trim() !== '') {
        groups.push(current);
        current = [];
      }
    }
    current.push(decl);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function sharedSegments(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

function isSorted(group: readonly ImportDecl[]): boolean {
  for (let i = 1; i < group.length; i++) if (group[i - 1].name > group[i].name) return false;
  return true;
}

function insertionPoint(text: string, groups: readonly ImportDecl[][], qualified: string): number {
  let best = groups[0];
  let bestShared = -1;
  for (const group of groups) {
    const shared = Math.max(...group.map((i) => sharedSegments(i.name, qualified)));
    if (shared > bestShared) {
      best = group;
      bestShared = shared;
    }
  }
  if (isSorted(best)) {
    const next = best.find((i) => i.name > qualified);
    return next ? lineStart(text, next.start) : afterLine(text, best[best.length - 1].end);
  }
  let anchor = best[best.length - 1];
  for (const i of best) if (sharedSegments(i.name, qualified) >= sharedSegments(anchor.name, qualified)) anchor = i;
  return afterLine(text, anchor.end);
}

/**
 * The offset just after the line holding `offset` (its line break included); the text's end if
 * none; `offset` itself when code follows on that line (`import a.B; class C {`: after the line
 * would be inside the class).
 */
function afterLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const rest = text.slice(offset, newline === -1 ? text.length : newline).trim();
  if (rest !== '' && !rest.startsWith('//')) return offset;
  return newline === -1 ? text.length : newline + 1;
}

/** Not at the start of a line (the end of a text without a final line break, after a declaration): start the insertion on a new line. */
function atLineStart(text: string, offset: number, newText: string, eol: string): string {
  return offset > 0 && text[offset - 1] !== '\n' ? eol + newText.slice(0, newText.length - eol.length) : newText;
}
