/**
 * What the three tree-sitter languages share: incremental parsing, tree disposal, comment look-up
 * and small node helpers. Each language adds its adapter (tree → facts) and renderer (intent → edits).
 */
import type { Facts, Span } from '../engine/facts';
import {
  spanKey,
  type BrokenSyntax,
  type FileAnalysis,
  type LanguageSupport,
  type ProjectContext,
  type SourceFile,
  type TextChange,
} from '../engine/language';
import { LANGUAGE_TABLE, type TreeSitterLanguageId } from '../../../common/languages';
import { parserFor, type Node, type Tree } from '../parsing/treeSitter';

export type { Node, Tree };

export function treeSitterLanguage(
  spec: Omit<LanguageSupport<Tree>, 'id' | 'lineComment' | 'parse' | 'edit' | 'dispose' | 'analyze'> & {
    readonly id: TreeSitterLanguageId;
    analyze(file: SourceFile, tree: Tree, project?: ProjectContext): FileAnalysis;
  },
): LanguageSupport<Tree> {
  // The grammar and the comment syntax are the language table's.
  const { grammar, lineComment } = LANGUAGE_TABLE[spec.id];
  return {
    id: spec.id,
    lineComment,
    anchorWords: spec.anchorWords,
    projectImports: spec.projectImports,
    async parse(text, previous) {
      const parser = await parserFor(grammar);
      const tree = parser.parse(text, previous ?? null);
      if (!tree) throw new Error(`tree-sitter returned no tree for a ${spec.id} file`);
      return tree;
    },
    edit(previous, change: TextChange) {
      previous.edit(change);
    },
    dispose(tree) {
      tree.delete();
    },
    analyze(file, tree, project) {
      const analysis = spec.analyze(file, tree, project);
      let loneCr: boolean | undefined;
      // Comments are found through the tree, which a kept analysis outlives (the server asks for
      // suppression directives when it builds quick fixes, long after the tree was freed): each
      // answer is kept, and the engine asks for the directives during the analysis.
      const comments = new Map<string, Span[]>();
      return {
        ...analysis,
        comments: (needle) => {
          let spans = comments.get(needle);
          if (!spans) comments.set(needle, (spans = analysis.comments(needle)));
          return spans;
        },
        brokenSyntax: brokenSyntaxOf(tree, analysis.facts),
        render: (intent) => {
          // The renderers place whole lines by LF (CRLF included): in a file that breaks lines with a
          // lone CR (classic Mac OS) an added import would land at the end of the file. No fix there.
          loneCr ??= hasLoneCr(file.text);
          return loneCr ? undefined : analysis.render(intent);
        },
      };
    },
  };
}

/** Where runElevated and misplaced-call constructs stand in broken syntax: their statement, or its neighbours. */
function brokenSyntaxOf(tree: Tree, facts: Facts): Map<string, BrokenSyntax> {
  const broken = new Map<string, BrokenSyntax>();
  if (!tree.rootNode.hasError) return broken;
  for (const { span } of [...facts.runElevated, ...facts.misplacedCalls]) {
    let statement: Node = tree.rootNode.descendantForIndex(span.start, Math.max(span.start, span.end - 1)) ?? tree.rootNode;
    while (statement.parent && !STATEMENT.test(statement.type)) statement = statement.parent;
    if (statement.hasError) broken.set(spanKey(span), 'inside');
    else if (statement.previousNamedSibling?.hasError || statement.nextNamedSibling?.hasError) broken.set(spanKey(span), 'beside');
  }
  return broken;
}

/** Statements and declarations of the three grammars (`expression_statement`, `local_variable_declaration`, …). */
const STATEMENT = /(?:statement|declaration)$/;

function hasLoneCr(text: string): boolean {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

/** The same syntax node (`id` is a plain field, so this costs no call into the parser). */
export function sameNode(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return !!a && !!b && a.id === b.id;
}

export function spanOf(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}

/** Comment nodes whose text contains `needle`, found from the text (cheap) and confirmed by the tree. */
export function commentsContaining(tree: Tree, text: string, needle: string, commentTypes: readonly string[]): Span[] {
  const spans: Span[] = [];
  let seenEnd = -1;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) {
    if (i < seenEnd) continue;
    const node = tree.rootNode.descendantForIndex(i, i + needle.length);
    if (node && commentTypes.includes(node.type)) {
      spans.push(spanOf(node));
      seenEnd = node.endIndex;
    }
  }
  return spans;
}

/**
 * Offsets of whole-word occurrences of `word` (not part of a longer identifier). The syntax tree
 * then decides what each occurrence is; this only avoids walking the whole tree.
 */
export function wordOccurrences(text: string, word: string): number[] {
  // A MISSING identifier (error recovery) has an empty name: searching for '' would never advance.
  if (word === '') return [];
  // Adapters ask for the same words several times per analysis: remember the last text's answers.
  if (memo.text !== text) {
    memo.text = text;
    memo.byWord.clear();
  }
  let found = memo.byWord.get(word);
  if (!found) memo.byWord.set(word, (found = scanWord(text, word)));
  return found;
}

const memo: { text: string | undefined; byWord: Map<string, number[]> } = { text: undefined, byWord: new Map() };

function scanWord(text: string, word: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + word.length)) {
    if (isIdentifierChar(text.charCodeAt(i - 1)) || isIdentifierChar(text.charCodeAt(i + word.length))) continue;
    found.push(i);
  }
  return found;
}

function isIdentifierChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127;
}

/** The named node exactly covering [start, end), if it has the given type. */
export function nodeAt(tree: Tree, start: number, end: number, type: string): Node | undefined {
  const node = tree.rootNode.namedDescendantForIndex(start, end);
  return node && node.type === type && node.startIndex === start && node.endIndex === end ? node : undefined;
}

export function ancestor(node: Node, predicate: (n: Node) => boolean): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (predicate(n)) return n;
  return undefined;
}
