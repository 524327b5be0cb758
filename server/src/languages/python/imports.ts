/**
 * How a place of a Python file reaches the Batch models, and how to add to its imports: the prefix
 * its own class was reached through (`batchmodels.`, `models.`, `azure.batch.models.`,
 * `batch.models.`), else the names a `from azure.batch.models import …` binds (and where more can
 * be added so the statement keeps its layout), else a new `import azure.batch.models as
 * batchmodels` under the file's azure.batch import. The file's import statements themselves are
 * read with its bindings (scope.ts).
 */
import { PYTHON, type PythonPlane } from '../../batch/sdks';
import { detectEol, lineStart } from '../../engine/edits';
import type { TextEdit } from '../../engine/language';
import { sameNode, type Node } from '../toolkit/treeSitter';
import { classify, normalizePath } from './modules';
import type { Binding, ImportBinding, SymbolTable } from './scope';

/** The model classes a replacement writes. */
export const FIX_CLASSES = ['UserIdentity', 'AutoUserSpecification', 'AutoUserScope', 'ElevationLevel'] as const;
export type FixClass = (typeof FIX_CLASSES)[number];

/** Where and how to add names to a `from … import` so it keeps its layout. */
export interface ImportInsertion {
  /** End of the last imported name (or alias). */
  readonly lastNameEnd: number;
  /** One name per line inside parentheses. */
  readonly onePerLine: boolean;
  /** A comma already follows the last name. */
  readonly trailingComma: boolean;
  /** End of the last name's line, after any comment on it, before the line break. */
  readonly lineEnd: number;
  readonly indent: string;
  /**
   * The whole statement, when it stands on one line without comments or a line continuation: it
   * can be written again, wrapped in parentheses one name per line, should the added names make it
   * too long. `head` is `from … import`, `names` each imported name as written (with its alias).
   */
  readonly rewritable?: {
    readonly start: number;
    readonly end: number;
    readonly head: string;
    readonly names: readonly string[];
    /** The statement's line: its indentation, and its width now (with any comment after the statement). */
    readonly lineIndent: string;
    readonly lineWidth: number;
  };
}

export type ModelsAccess =
  /** `batchmodels.`, `models.`, `azure.batch.models.`, `batch.models.` (with an import to add first, if any). */
  | { readonly kind: 'prefix'; readonly prefix: string; readonly addImport?: TextEdit }
  /** Bare class names: bound already (from-import, star import) or added to `insertion`'s import. */
  | {
      readonly kind: 'names';
      readonly bound: Partial<Record<FixClass, string>>;
      /** Names bound to something else here: adding the model's class would shadow it. */
      readonly blocked: readonly FixClass[];
      readonly insertion?: ImportInsertion;
    };

function modelsModule(plane: PythonPlane): string {
  return plane === 'mgmt' ? PYTHON.mgmtModelsModule : PYTHON.modelsModule;
}

function isModels(path: string | undefined, plane: PythonPlane): boolean {
  if (!path) return false;
  const c = classify(path);
  return c.kind === 'models' && c.plane === plane;
}

function sameBinding(a: Binding | undefined, b: Binding): boolean {
  return !!a && a.kind === b.kind && a.start === b.start && (a.kind === 'star' || b.kind === 'star' || a.name === b.name);
}

/** How the code at `site` reaches the models of `plane`: the way its own class was reached first, then any import in reach. */
export function modelsAccess(symbols: SymbolTable, site: Node, plane: PythonPlane, callee: Node | undefined): ModelsAccess | undefined {
  if (callee?.type === 'attribute') {
    const object = callee.childForFieldName('object');
    if (object && isModels(symbols.qualifiedOf(object), plane)) return { kind: 'prefix', prefix: object.text.replace(/\s+/g, '') + '.' };
  }
  if (callee?.type === 'identifier') {
    const binding = symbols.resolveName(callee.text, callee);
    if (binding?.kind === 'import' && binding.fromModule !== undefined && isModels(binding.fromModule, plane))
      return namesAccess(symbols, site, plane, binding);
    if (binding?.kind === 'star' && isModels(binding.module, plane)) return namesAccess(symbols, site, plane, undefined);
  }
  const inReach = symbols.importsInReach(site).filter((b) => sameBinding(symbols.resolveName(b.name, site), b));
  const alias = inReach.find((b) => !b.dottedPath && isModels(b.qualified, plane));
  if (alias) return { kind: 'prefix', prefix: `${alias.name}.` };
  const dotted = inReach.find((b) => b.dottedPath && normalizePath(b.dottedPath) === modelsModule(plane));
  if (dotted) return { kind: 'prefix', prefix: `${dotted.dottedPath}.` };
  const fromImport = inReach.find((b) => b.fromModule !== undefined && isModels(b.fromModule, plane));
  if (fromImport) return namesAccess(symbols, site, plane, fromImport);
  if (symbols.starsInReach(site).some((s) => isModels(s.module, plane))) return namesAccess(symbols, site, plane, undefined);
  if (plane !== 'data') return undefined;
  const client = inReach.find((b) => !b.dottedPath && (PYTHON.serviceClientModules as readonly string[]).includes(b.qualified));
  if (client) return { kind: 'prefix', prefix: `${client.name}.models.` };
  return addedImport(symbols, site);
}

/** Bare names: those already bound here to the model classes, and the import that can take the others. */
function namesAccess(symbols: SymbolTable, site: Node, plane: PythonPlane, target: ImportBinding | undefined): ModelsAccess {
  const bound: Partial<Record<FixClass, string>> = {};
  const blocked: FixClass[] = [];
  const inReach = symbols.importsInReach(site);
  for (const cls of FIX_CLASSES) {
    const alias = inReach.find((b) => {
      const c = classify(b.qualified);
      return (
        c.kind === 'class' &&
        c.plane === plane &&
        c.className === cls &&
        c.members.length === 0 &&
        sameBinding(symbols.resolveName(b.name, site), b)
      );
    });
    if (alias) {
      bound[cls] = alias.name;
      continue;
    }
    const current = symbols.resolveName(cls, site);
    if (current?.kind === 'star' && isModels(current.module, plane)) bound[cls] = cls;
    else if (current) blocked.push(cls);
  }
  return { kind: 'names', bound, blocked, insertion: target ? importInsertion(symbols.text, target.statement) : undefined };
}

function importInsertion(text: string, statement: Node): ImportInsertion | undefined {
  // Names added to a statement with syntax errors would be placed (and indented) from its errors.
  if (statement.hasError) return undefined;
  const names = statement.childrenForFieldName('name').filter((n): n is Node => !!n);
  const last = names[names.length - 1];
  if (!last) return undefined;
  const children = statement.children.filter((c): c is Node => !!c);
  const open = children.find((c) => c.type === '(');
  const lastIndex = children.findIndex((c) => sameNode(c, last));
  const afterLast = children.slice(lastIndex + 1).find((c) => c.type !== 'comment');
  const rows = names.map((n) => n.startPosition.row);
  const onePerLine = !!open && new Set(rows).size === rows.length && rows[0] !== open.startPosition.row;
  const newline = text.indexOf('\n', last.endIndex);
  let lineEnd = newline === -1 ? text.length : newline;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const importKeyword = children.find((c) => c.type === 'import');
  const statementLineStart = lineStart(text, statement.startIndex);
  const lineIndent = text.slice(statementLineStart, statement.startIndex);
  const oneLine =
    /^[ \t]*$/.test(lineIndent) &&
    statement.startPosition.row === statement.endPosition.row &&
    !children.some((c) => c.type === 'comment' || c.type === 'line_continuation') &&
    !text.slice(statement.startIndex, statement.endIndex).includes('\\');
  return {
    lastNameEnd: last.endIndex,
    onePerLine,
    trailingComma: afterLast?.type === ',',
    lineEnd,
    indent: text.slice(lineStart(text, last.startIndex), last.startIndex),
    rewritable:
      oneLine && importKeyword
        ? {
            start: statement.startIndex,
            end: statement.endIndex,
            head: text.slice(statement.startIndex, importKeyword.endIndex),
            names: names.map((n) => n.text),
            lineIndent,
            lineWidth: [...text.slice(statementLineStart, lineEnd)].length,
          }
        : undefined,
  };
}

/** No way to reach the models here: add `import azure.batch.models as batchmodels` under the file's azure.batch import. */
function addedImport(symbols: SymbolTable, site: Node): ModelsAccess | undefined {
  if (symbols.resolveName(PYTHON.conventionalAlias, site)) return undefined;
  const anchor = symbols.imports
    .filter(
      (b) => b.scopeType === 'module' && b.statement.parent?.type === 'module' && (b.dottedPath ?? b.qualified).startsWith('azure.batch'),
    )
    .map((b) => b.statement)
    .sort((a, b) => b.endIndex - a.endIndex)[0];
  if (!anchor) return undefined;
  const eol = detectEol(symbols.text);
  return {
    kind: 'prefix',
    prefix: `${PYTHON.conventionalAlias}.`,
    addImport: {
      span: { start: anchor.endIndex, end: anchor.endIndex },
      newText: `${eol}import ${PYTHON.modelsModule} as ${PYTHON.conventionalAlias}`,
    },
  };
}

/** Adds names to a `from … import`, one per line when it lists one per line, else after its last name. */
export function importEdits(
  at: ImportInsertion,
  names: readonly string[],
  eol: string,
  wrap?: { readonly maxLineLength: number; readonly indentUnit: string },
): TextEdit[] {
  if (!at.onePerLine) {
    const appended = names.map((n) => `, ${n}`).join('');
    const statement = at.rewritable;
    if (!wrap || !statement || statement.lineWidth + appended.length <= wrap.maxLineLength)
      return [{ span: { start: at.lastNameEnd, end: at.lastNameEnd }, newText: appended }];
    // Too long for the project: one name per line in parentheses, with a trailing comma, as black and isort's black profile write it.
    const inner = statement.lineIndent + wrap.indentUnit;
    const lines = [...statement.names, ...names].map((n) => `${eol}${inner}${n},`).join('');
    return [{ span: { start: statement.start, end: statement.end }, newText: `${statement.head} (${lines}${eol}${statement.lineIndent})` }];
  }
  const lines = names.map((n, i) => `${eol}${at.indent}${n}${at.trailingComma || i < names.length - 1 ? ',' : ''}`).join('');
  if (at.trailingComma || at.lineEnd === at.lastNameEnd) {
    return [{ span: { start: at.lineEnd, end: at.lineEnd }, newText: (at.trailingComma ? '' : ',') + lines }];
  }
  // A comment follows the last name: its comma goes before the comment, the names after it.
  return [
    { span: { start: at.lastNameEnd, end: at.lastNameEnd }, newText: ',' },
    { span: { start: at.lineEnd, end: at.lineEnd }, newText: lines },
  ];
}
