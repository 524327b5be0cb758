/** C#, parsed by tree-sitter-c-sharp: the adapter (tree → facts) and renderer (intent → edits). */
import { CSHARP } from '../../batch/sdks';
import { Words } from '../toolkit/text';
import { commentsContaining } from '../toolkit/treeSitter';
import { treeSitterLanguage } from '../toolkit/treeSitterLanguage';
import { csharpCompletionsAt } from './completion';
import { collectFacts, TASK_WORDS } from './facts';
import { Reach } from './imports';
import { csharpRenderer } from './renderer';
import { render } from '../toolkit/render';

export const csharpLanguage = treeSitterLanguage({
  id: 'csharp',
  anchorWords: [CSHARP.legacy.runElevated, ...CSHARP.identityTypes, ...Object.keys(CSHARP.enums)],
  taskWords: TASK_WORDS,
  // `global using Microsoft.Azure.Batch;` in one file (often GlobalUsings.cs) serves them all.
  // (The word is how the directive is written in practice; the tree decides what it is.)
  projectImports: { word: 'global using', read: (file, tree) => new Reach(tree, new Words(file.text)).globalUsings() },
  completionsAt: csharpCompletionsAt,
  analyze(file, tree, project) {
    const { facts, plan } = collectFacts(file.text, tree, project?.workspaceImports);
    return {
      facts,
      render: (intent) => render(intent, csharpRenderer, plan),
      comments: (needle) => commentsContaining(tree, file.text, needle, ['comment']),
      hasSyntaxErrors: tree.rootNode.hasError,
    };
  },
});
