/** python: placeholder until its adapter lands (finds nothing yet). */
import { emptyFacts } from '../../engine/facts';
import { commentsContaining, treeSitterLanguage } from '../treeSitterSupport';

export const pythonLanguage = treeSitterLanguage({
  id: 'python',
  grammar: 'python',
  lineComment: '#',
  anchorWords: ['run_elevated', 'user_identity'],
  analyze(file, tree) {
    return {
      facts: emptyFacts(),
      render: () => undefined,
      comments: (needle) => commentsContaining(tree, file.text, needle, ['comment']),
      hasSyntaxErrors: tree.rootNode.hasError,
    };
  },
});
