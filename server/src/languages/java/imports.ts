/**
 * Adding `import` declarations the way the file already writes them: into the group of imports
 * closest to the new one, at its sorted place when that group is sorted, in the file's line endings.
 */
import { detectEol, lineStart } from '../../engine/edits';
import type { TextEdit } from '../../engine/language';
import type { ImportDecl } from './syntax';

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
