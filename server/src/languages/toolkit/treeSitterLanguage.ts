/**
 * A tree-sitter language for the engine: incremental parsing, tree disposal, comments remembered
 * beyond the tree's life, and the constructs standing in broken syntax. Each language adds its
 * facts (tree → facts and plans) and renderer (intent → edits).
 */
import type { Facts, Span } from '../../engine/facts';
import {
  spanKey,
  type BrokenSyntax,
  type FileAnalysis,
  type LanguageSupport,
  type ProjectContext,
  type SourceFile,
  type TextChange,
} from '../../engine/language';
import { grammarOf, LANGUAGE_TABLE, type TreeSitterLanguageId } from '../../../../common/languages';
import { parserFor } from '../../parsing/treeSitter';
import type { Node, Tree } from './treeSitter';

export function treeSitterLanguage(
  spec: Omit<LanguageSupport<Tree>, 'id' | 'lineComment' | 'parse' | 'edit' | 'dispose' | 'analyze'> & {
    readonly id: TreeSitterLanguageId;
    analyze(file: SourceFile, tree: Tree, project?: ProjectContext): FileAnalysis;
  },
): LanguageSupport<Tree> {
  // The grammar (of the text's file, where a row has several) and the comment syntax are the language table's.
  const { lineComment } = LANGUAGE_TABLE[spec.id];
  return {
    id: spec.id,
    lineComment,
    anchorWords: spec.anchorWords,
    taskWords: spec.taskWords,
    projectImports: spec.projectImports,
    completionsAt: spec.completionsAt,
    async parse(text, previous, source) {
      const parser = await parserFor(grammarOf(spec.id, source));
      // A tree of another grammar (the document's language changed from TypeScript to TSX) is no base.
      const base = previous && previous.language === parser.language ? previous : null;
      const tree = parser.parse(text, base);
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

/** Where runElevated and builder-call constructs stand in broken syntax: their statement, or its neighbours. */
function brokenSyntaxOf(tree: Tree, facts: Facts): Map<string, BrokenSyntax> {
  const broken = new Map<string, BrokenSyntax>();
  if (!tree.rootNode.hasError) return broken;
  for (const { span } of [...facts.runElevated, ...facts.builderCalls]) {
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
