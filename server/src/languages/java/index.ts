/** java: placeholder until its adapter lands (finds nothing yet). */
import { emptyFacts } from '../../engine/facts';
import { commentsContaining, treeSitterLanguage } from '../treeSitterSupport';

export const javaLanguage = treeSitterLanguage({
  id: 'java',
  grammar: 'java',
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
