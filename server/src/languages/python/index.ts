/** Python (azure-batch ≤14 and 15.x, azure-mgmt-batch), parsed by tree-sitter. */
import { PYTHON } from '../../batch/sdks';
import { commentsContaining } from '../toolkit/treeSitter';
import { treeSitterLanguage } from '../toolkit/treeSitterLanguage';
import { pythonCompletionsAt } from './completion';
import { collectFacts } from './facts';
import { pythonRenderer } from './renderer';
import { render } from '../toolkit/render';

export const pythonLanguage = treeSitterLanguage({
  id: 'python',
  // Every fact starts at one of these words.
  anchorWords: [PYTHON.runElevated, PYTHON.userIdentity, ...PYTHON.identityTypes, 'ElevationLevel', 'AutoUserScope', 'LoginMode'],
  completionsAt: pythonCompletionsAt,
  analyze(file, tree) {
    const { facts, plan } = collectFacts(file.text, tree);
    return {
      facts,
      render: (intent) => render(intent, pythonRenderer, plan),
      comments: (needle) => commentsContaining(tree, file.text, needle, ['comment']),
      hasSyntaxErrors: tree.rootNode.hasError,
    };
  },
});
