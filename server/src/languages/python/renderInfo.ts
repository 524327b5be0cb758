/**
 * What the Python renderer needs to know about each runElevated, read from the syntax tree while
 * it is alive (the engine frees the tree before fixes are rendered): how this spot of the file
 * reaches the Batch models, which import to extend and how, what a removal must take with it.
 */
import { PYTHON, type PythonPlane, type PythonSdk } from '../../batch/sdks';
import { detectEol, lineStart } from '../../engine/edits';
import type { RunElevatedFact } from '../../engine/facts';
import type { TextEdit } from '../../engine/language';
import { sameNode, type Node } from '../treeSitterSupport';
import type { PythonAdapter } from './adapter';
import { classify, normalizePath, type Binding, type ImportBinding } from './resolver';

export interface PythonRenderContext {
  readonly text: string;
  /** By the offset of the runElevated name. */
  readonly runElevated: ReadonlyMap<number, RunElevatedRenderInfo>;
}

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

export interface RunElevatedRenderInfo {
  readonly plane: PythonPlane;
  readonly sdk: PythonSdk;
  readonly models?: ModelsAccess;
  /** The holder already receives a user identity (perhaps `None`): a second one must not be written. */
  readonly holderHasIdentity: boolean;
  /** The value as a conditional's condition needs parentheses (`a if b else c`, `lambda`). */
  readonly conditionNeedsParens: boolean;
  /** False for shapes a replacement cannot keep (an annotated assignment). */
  readonly replaceable: boolean;
  readonly removal?: readonly TextEdit[];
}

/** Expressions that bind looser than `a if c else b`: as its condition they need parentheses. */
const LOOSE_EXPRESSIONS = new Set(['conditional_expression', 'lambda', 'named_expression', 'expression_list', 'yield']);

/** The expression inside any parentheses: the condition is written from the value's text without them. */
function unparenthesized(node: Node): Node {
  let inner = node;
  for (
    let child = inner.namedChild(0);
    inner.type === 'parenthesized_expression' && child && inner.namedChildCount === 1;
    child = inner.namedChild(0)
  )
    inner = child;
  return inner;
}

export function buildRenderInfo(
  adapter: PythonAdapter,
  fact: RunElevatedFact,
  name: Node,
  callee: Node | undefined,
  plane: PythonPlane,
): RunElevatedRenderInfo {
  const statementOrArgument = name.parent!;
  const valueNode =
    fact.form === 'keyword' ? statementOrArgument.childForFieldName('value') : statementOrArgument.parent?.childForFieldName('right');
  const annotated = fact.form === 'assign' && !!statementOrArgument.parent?.childForFieldName('type');
  return {
    plane,
    sdk: adapter.sdk,
    models: modelsAccess(adapter, name, plane, callee),
    holderHasIdentity: adapter.holdersWithIdentity.has(fact.holder.key),
    conditionNeedsParens: !!valueNode && LOOSE_EXPRESSIONS.has(unparenthesized(valueNode).type),
    replaceable: (fact.form === 'keyword' || fact.form === 'assign') && !annotated,
    removal:
      fact.form === 'keyword'
        ? keywordRemoval(adapter.text, statementOrArgument)
        : fact.form === 'assign'
          ? statementRemoval(adapter.text, statementOrArgument.parent!)
          : undefined,
  };
}

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
function modelsAccess(adapter: PythonAdapter, site: Node, plane: PythonPlane, callee: Node | undefined): ModelsAccess | undefined {
  const resolver = adapter.resolver;
  if (callee?.type === 'attribute') {
    const object = callee.childForFieldName('object');
    if (object && isModels(resolver.qualifiedOf(object), plane)) return { kind: 'prefix', prefix: object.text.replace(/\s+/g, '') + '.' };
  }
  if (callee?.type === 'identifier') {
    const binding = resolver.resolveName(callee.text, callee);
    if (binding?.kind === 'import' && binding.fromModule !== undefined && isModels(binding.fromModule, plane))
      return namesAccess(adapter, site, plane, binding);
    if (binding?.kind === 'star' && isModels(binding.module, plane)) return namesAccess(adapter, site, plane, undefined);
  }
  const inReach = resolver.importsInReach(site).filter((b) => sameBinding(resolver.resolveName(b.name, site), b));
  const alias = inReach.find((b) => !b.dottedPath && isModels(b.qualified, plane));
  if (alias) return { kind: 'prefix', prefix: `${alias.name}.` };
  const dotted = inReach.find((b) => b.dottedPath && normalizePath(b.dottedPath) === modelsModule(plane));
  if (dotted) return { kind: 'prefix', prefix: `${dotted.dottedPath}.` };
  const fromImport = inReach.find((b) => b.fromModule !== undefined && isModels(b.fromModule, plane));
  if (fromImport) return namesAccess(adapter, site, plane, fromImport);
  if (resolver.starsInReach(site).some((s) => isModels(s.module, plane))) return namesAccess(adapter, site, plane, undefined);
  if (plane !== 'data') return undefined;
  const client = inReach.find((b) => !b.dottedPath && (PYTHON.serviceClientModules as readonly string[]).includes(b.qualified));
  if (client) return { kind: 'prefix', prefix: `${client.name}.models.` };
  return addedImport(adapter, site);
}

/** Bare names: those already bound here to the model classes, and the import that can take the others. */
function namesAccess(adapter: PythonAdapter, site: Node, plane: PythonPlane, target: ImportBinding | undefined): ModelsAccess {
  const resolver = adapter.resolver;
  const bound: Partial<Record<FixClass, string>> = {};
  const blocked: FixClass[] = [];
  const inReach = resolver.importsInReach(site);
  for (const cls of FIX_CLASSES) {
    const alias = inReach.find((b) => {
      const c = classify(b.qualified);
      return (
        c.kind === 'class' &&
        c.plane === plane &&
        c.className === cls &&
        c.members.length === 0 &&
        sameBinding(resolver.resolveName(b.name, site), b)
      );
    });
    if (alias) {
      bound[cls] = alias.name;
      continue;
    }
    const current = resolver.resolveName(cls, site);
    if (current?.kind === 'star' && isModels(current.module, plane)) bound[cls] = cls;
    else if (current) blocked.push(cls);
  }
  return { kind: 'names', bound, blocked, insertion: target ? importInsertion(adapter.text, target.statement) : undefined };
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
  return {
    lastNameEnd: last.endIndex,
    onePerLine,
    trailingComma: afterLast?.type === ',',
    lineEnd,
    indent: text.slice(lineStart(text, last.startIndex), last.startIndex),
  };
}

/** No way to reach the models here: add `import azure.batch.models as batchmodels` under the file's azure.batch import. */
function addedImport(adapter: PythonAdapter, site: Node): ModelsAccess | undefined {
  const resolver = adapter.resolver;
  if (resolver.resolveName(PYTHON.conventionalAlias, site)) return undefined;
  const anchor = resolver.imports
    .filter(
      (b) => b.scopeType === 'module' && b.statement.parent?.type === 'module' && (b.dottedPath ?? b.qualified).startsWith('azure.batch'),
    )
    .map((b) => b.statement)
    .sort((a, b) => b.endIndex - a.endIndex)[0];
  if (!anchor) return undefined;
  const eol = detectEol(adapter.text);
  return {
    kind: 'prefix',
    prefix: `${PYTHON.conventionalAlias}.`,
    addImport: {
      span: { start: anchor.endIndex, end: anchor.endIndex },
      newText: `${eol}import ${PYTHON.modelsModule} as ${PYTHON.conventionalAlias}`,
    },
  };
}

// -----------------------------------------------------------------------------------------------
// Removal
// -----------------------------------------------------------------------------------------------

function isBlank(s: string): boolean {
  return /^[ \t\r]*$/.test(s);
}

/** Widens a removal to whole lines when nothing else is on them; else takes the spaces after it. */
function wholeLines(text: string, start: number, end: number): { start: number; end: number } {
  const from = lineStart(text, start);
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline;
  if (isBlank(text.slice(from, start)) && isBlank(text.slice(end, lineEnd)))
    return { start: from, end: newline === -1 ? lineEnd : newline + 1 };
  let after = end;
  while (text[after] === ' ' || text[after] === '\t') after++;
  // Text or a comment follows: take the spaces up to it, unless it is a comment after code.
  const keepsCodeBefore = !isBlank(text.slice(from, start));
  return { start, end: after < lineEnd && !(keepsCodeBefore && text[after] === '#') ? after : end };
}

/** Removes a keyword argument and exactly one comma next to it, keeping comments and layout. */
function keywordRemoval(text: string, argument: Node): TextEdit[] | undefined {
  const list = argument.parent;
  if (list?.type !== 'argument_list') return undefined;
  const children = list.children.filter((c): c is Node => !!c);
  const index = children.findIndex((c) => sameNode(c, argument));
  const before = children.slice(0, index);
  const after = children.slice(index + 1);
  const next = after.find((c) => c.type !== 'comment');
  const previous = [...before].reverse().find((c) => c.type !== 'comment');
  if (next?.type === ',') {
    const afterComma = after.slice(after.indexOf(next) + 1).find((c) => c.type !== 'comment');
    const sameLine = afterComma && afterComma.startPosition.row === next.endPosition.row;
    // `f(a, run_elevated=True,)`: drop the argument with the comma before it, keep the trailing one.
    if (
      afterComma?.type === ')' &&
      sameLine &&
      previous?.type === ',' &&
      !before.slice(before.indexOf(previous)).some((c) => c.type === 'comment')
    ) {
      return [{ span: { start: previous.startIndex, end: argument.endIndex }, newText: '' }];
    }
    return [{ span: wholeLines(text, argument.startIndex, next.endIndex), newText: '' }];
  }
  if (previous?.type === ',') {
    const commentBetween = before.slice(before.indexOf(previous)).some((c) => c.type === 'comment');
    if (!commentBetween) return [{ span: { start: previous.startIndex, end: argument.endIndex }, newText: '' }];
    return [
      { span: { start: previous.startIndex, end: previous.endIndex }, newText: '' },
      { span: wholeLines(text, argument.startIndex, argument.endIndex), newText: '' },
    ];
  }
  return [{ span: wholeLines(text, argument.startIndex, argument.endIndex), newText: '' }];
}

/** Removes `x.run_elevated = e` as a statement; a block left empty gets `pass`. */
function statementRemoval(text: string, assignment: Node): TextEdit[] | undefined {
  const statement = assignment.parent;
  if (statement?.type !== 'expression_statement' || statement.namedChildCount !== 1) return undefined;
  // `a = 1; t.run_elevated = True` shares its line: leave it to a person.
  if (statement.previousSibling?.type === ';' || statement.nextSibling?.type === ';') return undefined;
  const block = statement.parent;
  const statements = (block?.namedChildren ?? []).filter((c): c is Node => !!c && c.type !== 'comment');
  if (block?.type === 'block' && statements.length === 1)
    return [{ span: { start: statement.startIndex, end: statement.endIndex }, newText: 'pass' }];
  return [{ span: wholeLines(text, statement.startIndex, statement.endIndex), newText: '' }];
}
