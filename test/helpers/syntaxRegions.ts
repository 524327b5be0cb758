/**
 * What the property tests check a fix against, with the product's own parsers (tree-sitter for
 * C#, Java and Python; jsonc-parser for JSON):
 *  - syntax errors (`newSyntaxError`: ERROR and MISSING nodes, jsonc-parser errors): an input
 *    without errors must give an output without errors; in an input with errors, no error may
 *    touch text a fix wrote unless it comes from an error of the input there;
 *  - where a fix may write (`fixLocality`), per intent:
 *      replaceRunElevated  one edit inside the runElevated fact's span (the name and value it
 *                          replaces); every other edit is an import edit;
 *      removeRunElevated   edits that delete (or, in Python, write `pass` for a block left empty)
 *                          inside the fact's element — the statement or the list element (initializer
 *                          member, argument, JSON property) holding it — plus the whitespace around it
 *                          and one neighbouring separator (`,` or `;`, comments between allowed);
 *                          a comment outside the element is never deleted;
 *      replaceEnumMember   one edit of exactly the member name of an enum reference fact;
 *      moveMisplacedCall   edits inside the statement holding the misplaced call;
 *    an import edit is a pure insertion of import text (`using N;`, `import a.B;`, `import m as a`,
 *    names added to a `from … import`) in the file's import area: C# among or right after the
 *    usings of the file or of a namespace (before its first other declaration when it has none),
 *    Java among or right after the imports (before the first type declaration when there are
 *    none), Python inside or at the end of an existing import statement; where the parser could
 *    not read the top of the file, the leading lines without code structure.
 * A Markdown document is judged by its code blocks (test/helpers/markdownBlocks.ts, the tests' own
 * reading): its errors and comments are its blocks', each block read as a file of its language;
 * an element, a separator or an import area is the block's, and every edit must lie in a block.
 */
import { createScanner, parseTree, type ParseError } from 'jsonc-parser';
import { applyEdits, diffEdits, minimalEdit } from '../../server/src/engine/edits';
import type { LanguageId, Span } from '../../server/src/engine/facts';
import type { Fix } from '../../server/src/engine/findings';
import type { TextEdit } from '../../server/src/engine/language';
import type { Analysis } from '../../server/src/engine/engine';
import { parserFor, type Node, type Tree } from '../../server/src/parsing/treeSitter';
import { LANGUAGE_TABLE, type GrammarName } from '../../common/languages';
import { documentBlocks, type DocumentBlock } from './markdownBlocks';

const COMMENT_TYPES = new Set(['comment', 'line_comment', 'block_comment']);

/** A parsed text, for the questions below; `dispose` frees the tree. */
export interface Parsed {
  readonly language: LanguageId;
  readonly text: string;
  readonly errors: Span[];
  readonly comments: Span[];
  readonly tree?: Tree;
  /** A Markdown document's code blocks, each parsed as a file of its language. */
  readonly blocks?: readonly { readonly block: DocumentBlock; readonly parsed: Parsed }[];
  dispose(): void;
}

export async function parse(language: LanguageId, text: string): Promise<Parsed> {
  if (language === 'json') {
    const errors: ParseError[] = [];
    try {
      parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    } catch (error) {
      // Too deep to parse: one error over the whole text.
      if (!(error instanceof RangeError)) throw error;
      errors.push({ error: 1 as ParseError['error'], offset: 0, length: text.length });
    }
    return {
      language,
      text,
      errors: errors.map((e) => ({ start: e.offset, end: e.offset + e.length })),
      comments: jsonComments(text),
      dispose: () => {},
    };
  }
  if (language === 'markdown') return parseMarkdown(text);
  const parser = await parserFor((LANGUAGE_TABLE[language] as { grammar: GrammarName }).grammar);
  const tree = parser.parse(text);
  if (!tree) throw new Error('no tree');
  const errors: Span[] = [];
  const comments: Span[] = [];
  const cursor = tree.walk();
  // Pre-order walk of the whole tree (test-only: the product never walks a whole tree).
  for (;;) {
    const node = cursor.currentNode;
    if (node.isError) errors.push({ start: node.startIndex, end: node.endIndex });
    else if (node.isMissing) errors.push({ start: node.startIndex, end: node.startIndex });
    if (COMMENT_TYPES.has(node.type)) comments.push({ start: node.startIndex, end: node.endIndex });
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        cursor.delete();
        return { language, text, errors, comments, tree, dispose: () => tree.delete() };
      }
    }
  }
}

/** A Markdown document: its blocks' errors and comments, in the document. */
async function parseMarkdown(text: string): Promise<Parsed> {
  const blocks = await Promise.all(documentBlocks(text).map(async (block) => ({ block, parsed: await parse(block.language, block.text) })));
  const toDocument = (block: DocumentBlock, span: Span): Span[] => {
    const start = block.toDocument(span.start);
    const end = block.toDocument(span.end);
    return start === undefined || end === undefined ? [] : [{ start, end }];
  };
  return {
    language: 'markdown',
    text,
    errors: blocks.flatMap(({ block, parsed }) => parsed.errors.flatMap((e) => toDocument(block, e))),
    comments: blocks.flatMap(({ block, parsed }) => parsed.comments.flatMap((c) => toDocument(block, c))),
    blocks,
    dispose: () => blocks.forEach(({ parsed }) => parsed.dispose()),
  };
}

/** The block of a Markdown document holding a span, with the span in the block's text. */
function inBlock(parsed: Parsed, span: Span): { block: DocumentBlock; parsed: Parsed; span: Span } | undefined {
  for (const found of parsed.blocks ?? []) {
    const start = found.block.fromDocument(span.start);
    const end = found.block.fromDocument(span.end);
    if (start !== undefined && end !== undefined && start <= end) return { ...found, span: { start, end } };
  }
  return undefined;
}

/** A span of a block's text in the document (the span itself when it does not map). */
function blockToDocument(block: DocumentBlock, span: Span): Span {
  return { start: block.toDocument(span.start) ?? span.start, end: block.toDocument(span.end) ?? span.end };
}

function jsonComments(text: string): Span[] {
  const spans: Span[] = [];
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== 17; kind = scanner.scan()) {
    if (kind === 12 || kind === 13)
      spans.push({ start: scanner.getTokenOffset(), end: scanner.getTokenOffset() + scanner.getTokenLength() });
  }
  return spans;
}

const touches = (a: Span, b: Span) => a.start <= b.end && b.start <= a.end;
const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;
const show = (text: string, span: Span) => JSON.stringify(text.slice(Math.max(0, span.start - 30), span.end + 30));

/** The input span an output span comes from: text inserted by an edit maps to the edit's span. */
function toInput(edits: readonly TextEdit[], span: Span): Span {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  const map = (offset: number, side: 'start' | 'end'): number => {
    let delta = 0;
    for (const e of sorted) {
      const outStart = e.span.start + delta;
      if (offset < outStart) break;
      if (offset <= outStart + e.newText.length) return side === 'start' ? e.span.start : e.span.end;
      delta += e.newText.length - (e.span.end - e.span.start);
    }
    return offset - delta;
  };
  return { start: map(span.start, 'start'), end: map(span.end, 'end') };
}

/** Where the edits' new text lies in the edited text. */
function writtenRanges(edits: readonly TextEdit[]): Span[] {
  let delta = 0;
  return [...edits]
    .sort((a, b) => a.span.start - b.span.start)
    .map((e) => {
      const start = e.span.start + delta;
      delta += e.newText.length - (e.span.end - e.span.start);
      return { start, end: start + e.newText.length };
    });
}

/**
 * Why the edited text has a syntax error the input did not, or undefined. An input without
 * errors must give an output without errors. In an input with errors, a fix must leave no error
 * where it wrote: an error region touching written text must map to (touch) an input error.
 * (Elsewhere, tree-sitter's error recovery around the old errors may report them differently
 * once the text changed; that is not the fix's doing.)
 */
export async function newSyntaxError(before: Parsed, edits: readonly TextEdit[]): Promise<string | undefined> {
  const found = await errorWhereWritten(before, edits);
  if (!found || before.errors.length === 0) return found;
  // The input's own errors, only moved: each error of the output has the text of one of the
  // input's (a line diff of fix-all's output may align an added line with an old broken one).
  if (await onlyTheInputsErrors(before, applyEdits(before.text, edits))) return undefined;
  // tree-sitter's error recovery is not local: once the text changes, it may group the input's
  // broken text with a neighbouring statement, and the error then reaches into the fix's text.
  // Second opinion: blank the input's error regions out (spaces, same offsets); if that input
  // reads without errors, the fix is to blame only if its output, blanked alike, has an error.
  const blanked = await parse(before.language, blank(before.text, before.errors));
  try {
    if (blanked.errors.length > 0) return found;
    const editsOutsideErrors = edits.every((e) => !before.errors.some((x) => touches(x, e.span) && x.start !== x.end));
    return editsOutsideErrors ? errorWhereWritten(blanked, edits) : found;
  } finally {
    blanked.dispose();
  }
}

async function errorWhereWritten(before: Parsed, edits: readonly TextEdit[]): Promise<string | undefined> {
  const after = applyEdits(before.text, edits);
  const parsed = await parse(before.language, after);
  const written = writtenRanges(edits);
  try {
    for (const region of parsed.errors) {
      const where = `new syntax error at ${region.start}-${region.end}: ${show(after, region)}`;
      if (before.errors.length === 0) return `${where} (the input had none)`;
      if (!written.some((w) => wroteInto(w, region))) continue;
      const origin = toInput(edits, region);
      if (!before.errors.some((e) => touches(e, origin))) return `${where}, where the fix wrote`;
    }
    return undefined;
  } finally {
    parsed.dispose();
  }
}

async function onlyTheInputsErrors(before: Parsed, after: string): Promise<boolean> {
  const parsed = await parse(before.language, after);
  try {
    const left = before.errors.map((e) => before.text.slice(e.start, e.end) + (e.start === e.end ? '<missing>' : ''));
    for (const e of parsed.errors) {
      const index = left.indexOf(after.slice(e.start, e.end) + (e.start === e.end ? '<missing>' : ''));
      if (index === -1) return false;
      left.splice(index, 1);
    }
    return true;
  } finally {
    parsed.dispose();
  }
}

/**
 * Whether an error region of the output involves text a fix wrote: it overlaps the written text,
 * or it is a MISSING token (empty) at its edge — the written text lacks something. A non-empty
 * error that only begins where the written text ends (or ends where it begins) holds none of it:
 * those are the input's tokens, regrouped by the parser's recovery.
 */
function wroteInto(written: Span, region: Span): boolean {
  return region.start === region.end ? touches(written, region) : region.start < written.end && written.start < region.end;
}

/** `text` with the given regions overwritten by spaces (line breaks kept): offsets stay valid. */
function blank(text: string, regions: readonly Span[]): string {
  const chars = text.split(''); // UTF-16 code units, as the offsets count
  for (const { start, end } of regions) for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  return chars.join('');
}

/**
 * Character-level edits turning `before` into `after`: the line diff, each changed line (or block,
 * when lines were added or removed) narrowed to what really changed, so that fix-all's edits can
 * be told from the text around them.
 */
export function preciseEdits(before: string, after: string): TextEdit[] {
  const lines = (text: string) => text.split(/(?<=\n)/);
  const narrowed = (offset: number, old: string, now: string): TextEdit[] => {
    const edit = minimalEdit(old, now);
    return edit ? [{ span: { start: offset + edit.span.start, end: offset + edit.span.end }, newText: edit.newText }] : [];
  };
  return diffEdits(before, after).flatMap((e) => {
    const old = lines(before.slice(e.span.start, e.span.end));
    const now = lines(e.newText);
    if (old.length !== now.length) return narrowed(e.span.start, before.slice(e.span.start, e.span.end), e.newText);
    let offset = e.span.start;
    return old.flatMap((line, i) => {
      const edits = narrowed(offset, line, now[i]);
      offset += line.length;
      return edits;
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Locality
// ---------------------------------------------------------------------------------------------

/** Node types whose children are statements or list elements: an element's container. */
const LISTS: Record<Exclude<LanguageId, 'json' | 'markdown'>, Set<string>> = {
  csharp: new Set([
    'block',
    'compilation_unit',
    'initializer_expression',
    'argument_list',
    'declaration_list',
    'switch_section',
    'global_statement',
  ]),
  java: new Set(['block', 'program', 'argument_list', 'class_body', 'constructor_body', 'switch_block_statement_group']),
  python: new Set(['block', 'module', 'argument_list']),
  typescript: new Set(['statement_block', 'program', 'arguments', 'object', 'array', 'class_body']),
};

function smallestCovering(tree: Tree, span: Span): Node {
  let node: Node | null = tree.rootNode.descendantForIndex(span.start, Math.max(span.start, span.end - 1));
  while (node && !(node.startIndex <= span.start && node.endIndex >= span.end)) node = node.parent;
  return node ?? tree.rootNode;
}

/** The statement or list element holding `span`. */
function elementOf(parsed: Parsed, span: Span): Span {
  if (parsed.language === 'markdown') {
    const found = inBlock(parsed, span);
    return found ? blockToDocument(found.block, elementOf(found.parsed, found.span)) : span;
  }
  if (!parsed.tree) return span;
  const lists = LISTS[parsed.language as Exclude<LanguageId, 'json' | 'markdown'>];
  let node = smallestCovering(parsed.tree, span);
  while (node.parent && !lists.has(node.parent.type)) node = node.parent;
  // A global statement's own node is the element (C# top-level statements).
  return { start: node.startIndex, end: node.endIndex };
}

/** `span` widened over whitespace and comments, then one separator on each side, then whitespace. */
function withSeparators(parsed: Parsed, span: Span): Span {
  if (parsed.language === 'markdown') {
    const found = inBlock(parsed, span);
    return found ? blockToDocument(found.block, withSeparators(found.parsed, found.span)) : span;
  }
  const { text, comments } = parsed;
  const skipRight = (from: number) => {
    let at = from;
    for (;;) {
      while (at < text.length && /\s/.test(text[at])) at++;
      const comment = comments.find((c) => c.start === at);
      if (!comment) return at;
      at = comment.end;
    }
  };
  const skipLeft = (from: number) => {
    let at = from;
    for (;;) {
      while (at > 0 && /\s/.test(text[at - 1])) at--;
      const comment = comments.find((c) => c.end === at);
      if (!comment) return at;
      at = comment.start;
    }
  };
  let end = skipRight(span.end);
  end = text[end] === ',' || text[end] === ';' ? end + 1 : span.end;
  let start = skipLeft(span.start);
  start = text[start - 1] === ',' ? start - 1 : span.start;
  while (start > 0 && /\s/.test(text[start - 1])) start--;
  while (end < text.length && /\s/.test(text[end])) end++;
  return { start, end };
}

const IMPORT_TEXT: Record<LanguageId, RegExp> = {
  csharp: /^(?:\r?\n)?(?:[ \t]*using [\w.]+;(?:\r?\n|$))+(?:\r?\n)?$/,
  java: /^(?:\r?\n)*(?:import [\w.]+;(?:\r?\n|$))+(?:\r?\n)*$/,
  python: /^(?:[\s,()]|import [\w.]+(?: as \w+)?|[A-Za-z_]\w*)*$/,
  json: /^(?!)/,
  // The TypeScript renderer adds no imports.
  typescript: /^(?!)/,
  // In a Markdown document, the import text of the block's language (notAnImportEdit).
  markdown: /^(?!)/,
};

/** Named children that may precede an import in its container. */
const BEFORE_IMPORTS = new Set([
  'using_directive',
  'extern_alias_directive',
  'comment',
  'line_comment',
  'block_comment',
  'identifier',
  'qualified_name',
  'package_declaration',
  'import_declaration',
]);
const IMPORT_CONTAINERS = new Set([
  'compilation_unit',
  'namespace_declaration',
  'declaration_list',
  'file_scoped_namespace_declaration',
  'program',
]);
const HEADER_LINE =
  /^\s*(?:(?:global )?using [\w.= ]+;|extern alias \w+;|namespace [\w.]+\s*;?|\{|package [\w.]+;|import (?:static )?[\w.*]+;|\/\/.*)?\s*$/;
const PYTHON_IMPORTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

/** Why `edit` is not an import edit, or undefined when it is one. */
export function notAnImportEdit(parsed: Parsed, edit: TextEdit): string | undefined {
  if (edit.span.start !== edit.span.end) return 'replaces text';
  if (parsed.language === 'markdown') {
    // An import of the block's language, each line it writes with the block's prefix; inserted
    // in the block, or whole lines at the start of one of its lines (before the line's prefix).
    const atLineStart = (parsed.blocks ?? []).flatMap(({ block, parsed: p }) => {
      const offset = block.lineStart(edit.span.start);
      return offset === undefined ? [] : [{ block, parsed: p, span: { start: offset, end: offset } }];
    })[0];
    const found = atLineStart ?? inBlock(parsed, edit.span);
    if (!found) return 'outside every code block';
    const prefix = found.block.prefixes.reduce((a, b) => (b.length > a.length ? b : a), '');
    const unprefixed = (line: string) =>
      line.startsWith(prefix) ? line.slice(prefix.length) : line.startsWith(prefix.trimEnd()) ? line.slice(prefix.trimEnd().length) : line;
    const newText = edit.newText
      .split(/(?<=\r\n|\r(?!\n)|\n)/)
      .map((line, i) => (i > 0 || atLineStart ? unprefixed(line) : line))
      .join('');
    return notAnImportEdit(found.parsed, { span: found.span, newText });
  }
  if (!IMPORT_TEXT[parsed.language].test(edit.newText)) return `inserts ${JSON.stringify(edit.newText)}`;
  const tree = parsed.tree;
  if (!tree) return 'no imports in this language';
  const offset = edit.span.start;
  if (parsed.language === 'python') {
    const found = importNodes(tree.rootNode).some((n) => n.startIndex <= offset && offset <= n.endIndex);
    return found ? undefined : 'not at an import statement';
  }
  let container: Node = tree.rootNode;
  for (let node: Node | null = tree.rootNode.descendantForIndex(offset, offset); node; node = node.parent) {
    if (node.startIndex < offset && offset < node.endIndex) {
      container = node;
      break;
    }
  }
  if (container.type === 'ERROR') {
    // In a region the parser could not read, the import area is the file's leading lines: package,
    // import, using and namespace lines, or broken lines with no code structure (no braces,
    // parentheses or assignments).
    const lines = parsed.text.slice(0, offset).split(/\r\n|\r|\n/);
    const foreign = lines.find((l) => !HEADER_LINE.test(l) && /[{}()=]/.test(l));
    if (foreign === undefined) return undefined;
    // Or right beside an import line (garbage may sit on the lines before it).
    const nextLine = parsed.text.slice(offset).split(/\r\n|\r|\n/)[0];
    const besideImport = [lines[lines.length - 2] ?? '', nextLine].some(
      (l) => /^\s*(?:using|import) [\w.]+;/.test(l) || /\b(?:using|import) [\w.]+;\s*$/.test(l),
    );
    return lines[lines.length - 1] === '' && besideImport ? undefined : `in an error region after ${JSON.stringify(foreign)}`;
  }
  if (!IMPORT_CONTAINERS.has(container.type)) return `inside a ${container.type}`;
  const children = container.namedChildren.filter((c): c is Node => !!c);
  const imports = children.filter((c) => c.type === 'using_directive' || c.type === 'import_declaration');
  if (imports.length > 0) {
    // Among or right after the existing imports (the line break after the last one included).
    const last = imports[imports.length - 1];
    const newline = parsed.text.indexOf('\n', last.endIndex);
    const areaEnd = newline === -1 ? parsed.text.length : newline + 1;
    return offset <= areaEnd ? undefined : `after the last import (${areaEnd})`;
  }
  const other = children.find((c) => c.endIndex <= offset && !BEFORE_IMPORTS.has(c.type));
  return other ? `after a ${other.type}` : undefined;
}

function importNodes(root: Node): Node[] {
  // Imports may sit in functions and conditionals: look at every statement that can hold one.
  const found: Node[] = [];
  const visit = (node: Node) => {
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (PYTHON_IMPORTS.has(child.type)) found.push(child);
      else if (
        child.type.endsWith('statement') ||
        child.type === 'block' ||
        child.type === 'ERROR' ||
        child.type.endsWith('definition') ||
        child.type.endsWith('clause')
      )
        visit(child);
    }
  };
  visit(root);
  return found;
}

/** Why a fix's edits leave the region its intent allows (see the header), or undefined. */
export function fixLocality(parsed: Parsed, analysis: Analysis, fix: Fix, edits: readonly TextEdit[]): string | undefined {
  const intent = fix.intent;
  const text = parsed.text;
  const describe = (e: TextEdit) => `${e.span.start}-${e.span.end} ${show(text, e.span)} → ${JSON.stringify(e.newText)}`;
  switch (intent.kind) {
    case 'replaceRunElevated': {
      const main = edits.filter((e) => within(e.span, intent.fact.span) && e.span.start !== e.span.end);
      if (main.length !== 1)
        return `expected one edit inside the fact ${show(text, intent.fact.span)}, got ${edits.map(describe).join('; ')}`;
      for (const e of edits) {
        if (e === main[0]) continue;
        const why = notAnImportEdit(parsed, e);
        if (why) return `edit outside the fact that is no import edit (${why}): ${describe(e)}`;
      }
      return undefined;
    }
    case 'removeRunElevated': {
      const element = elementOf(parsed, intent.fact.span);
      const region = withSeparators(parsed, element);
      for (const e of edits) {
        if (e.newText !== '' && !(parsed.language === 'python' && e.newText === 'pass')) return `a removal writes text: ${describe(e)}`;
        if (!within(e.span, region)) return `removal outside the element ${show(text, element)}: ${describe(e)}`;
        const comment = parsed.comments.find(
          (c) => touches(c, e.span) && c.end > e.span.start && c.start < e.span.end && !within(c, element),
        );
        if (comment) return `removal deletes a comment ${show(text, comment)}: ${describe(e)}`;
      }
      return undefined;
    }
    case 'replaceEnumMember': {
      const ok = edits.length === 1 && edits[0].span.start === intent.span.start && edits[0].span.end === intent.span.end;
      const isMember = analysis.facts.enumRefs.some(
        (r) => r.value.memberSpan.start === intent.span.start && r.value.memberSpan.end === intent.span.end,
      );
      return ok && isMember ? undefined : `enum fix writes outside the member name: ${edits.map(describe).join('; ')}`;
    }
    case 'moveMisplacedCall': {
      const statement = elementOf(parsed, intent.fact.span);
      const outside = edits.find((e) => !within(e.span, statement));
      return outside ? `move outside its statement ${show(text, statement)}: ${describe(outside)}` : undefined;
    }
  }
}
