/** C#, parsed by tree-sitter-c-sharp: the adapter (tree → facts) and renderer (intent → edits). */
import { CSHARP } from '../../batch/sdks';
import { commentsContaining, treeSitterLanguage } from '../treeSitterSupport';
import { analyzeCSharp } from './adapter';
import { renderCSharp } from './renderer';

export const csharpLanguage = treeSitterLanguage({
  id: 'csharp',
  grammar: 'c-sharp',
  lineComment: '//',
  anchorWords: [CSHARP.legacy.runElevated, ...CSHARP.identityTypes, ...Object.keys(CSHARP.enums)],
  analyze(file, tree) {
    const { facts, context } = analyzeCSharp(file.text, tree);
    return {
      facts,
      render: (intent) => renderCSharp(intent, context),
      comments: (needle) => commentsContaining(tree, file.text, needle, ['comment']),
      hasSyntaxErrors: tree.rootNode.hasError,
    };
  },
});
