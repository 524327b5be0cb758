/** csharp: placeholder until its adapter lands (finds nothing yet). */
import { emptyFacts } from '../../engine/facts';
import { commentsContaining, treeSitterLanguage } from '../treeSitterSupport';

export const csharpLanguage = treeSitterLanguage({
  id: 'csharp',
  grammar: 'c-sharp',
  lineComment: '//',
  anchorWords: ['RunElevated', 'UserIdentity'],
  analyze(file, tree) {
    return {
      facts: emptyFacts(),
      render: () => undefined,
      comments: (needle) => commentsContaining(tree, file.text, needle, ['comment']),
      hasSyntaxErrors: tree.rootNode.hasError,
    };
  },
});
