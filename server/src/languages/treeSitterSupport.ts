/**
 * What the three tree-sitter languages share: incremental parsing, tree disposal, comment look-up
 * and small node helpers. Each language adds its adapter (tree → facts) and renderer (intent → edits).
 */
import type { Facts, Span } from '../engine/facts';
import type { FixIntent } from '../engine/findings';
import type { FileAnalysis, LanguageSupport, SourceFile, TextChange } from '../engine/language';
import { parserFor, type GrammarName, type Node, type Tree } from '../parsing/treeSitter';

export type { Node, Tree };

export function treeSitterLanguage(
  spec: Omit<LanguageSupport<Tree>, 'parse' | 'edit' | 'dispose' | 'analyze'> & {
    readonly grammar: GrammarName;
    analyze(file: SourceFile, tree: Tree): FileAnalysis;
  },
): LanguageSupport<Tree> {
  return {
    id: spec.id,
    lineComment: spec.lineComment,
    anchorWords: spec.anchorWords,
    async parse(text, previous) {
      const parser = await parserFor(spec.grammar);
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
    analyze(file, tree) {
      const analysis = spec.analyze(file, tree);
      const broken = brokenConstructs(tree, analysis.facts);
      let loneCr: boolean | undefined;
      return {
        ...analysis,
        render: (intent) => {
          // The renderers place whole lines by LF (CRLF included): in a file that breaks lines with a
          // lone CR (classic Mac OS) an added import would land at the end of the file. No fix there.
          loneCr ??= hasLoneCr(file.text);
          if (loneCr) return undefined;
          return broken.has(keyOf(intentSpan(intent))) ? undefined : analysis.render(intent);
        },
      };
    },
  };
}

const keyOf = (span: Span) => `${span.start}:${span.end}`;

function intentSpan(intent: FixIntent): Span {
  return intent.kind === 'replaceEnumMember' ? intent.span : intent.fact.span;
}

/**
 * The constructs (by span) whose statement has syntax errors: their shape is not what the
 * renderers expect, and a fix there could carry the errors along or add new ones. A runElevated
 * beside a broken statement is left alone too (see `besideError`): its rewrite is long, and the
 * parser may read part of it into the neighbour's error. A misplaced call may still move there:
 * the move only shifts text inside its own statement (the seeds' sample, with a stray semicolon
 * after it, is the case). Enum members are not among them at all: their fix swaps one
 * identifier for another, which neither adds an error nor moves one (the seeds' own migration
 * lines are a parenthesis short and their NONADMIN still deserves its fix). Nothing to look for
 * in a file without errors.
 */
function brokenConstructs(tree: Tree, facts: Facts): Set<string> {
  const broken = new Set<string>();
  if (!tree.rootNode.hasError) return broken;
  const statementOf = (span: Span) => {
    let node: Node = tree.rootNode.descendantForIndex(span.start, Math.max(span.start, span.end - 1)) ?? tree.rootNode;
    while (node.parent && !STATEMENT.test(node.type)) node = node.parent;
    return node;
  };
  for (const { span } of facts.runElevated) {
    const statement = statementOf(span);
    if (statement.hasError || besideError(statement)) broken.add(keyOf(span));
  }
  for (const { span } of facts.misplacedCalls) if (statementOf(span).hasError) broken.add(keyOf(span));
  return broken;
}

/**
 * Whether a statement's neighbour has syntax errors: where one statement ends and the broken one
 * begins is then the parser's guess, and after any change it may guess again and read part of the
 * statement (and of a fix written there) into the error.
 */
function besideError(node: Node): boolean {
  return !!(node.previousNamedSibling?.hasError || node.nextNamedSibling?.hasError);
}

/** Statements and declarations of the three grammars (`expression_statement`, `local_variable_declaration`, …). */
const STATEMENT = /(?:statement|declaration)$/;

function hasLoneCr(text: string): boolean {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
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
