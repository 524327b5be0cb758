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
  // A task model is built by calling its class.
  taskWords: Object.keys(PYTHON.taskTypes),
  completionsAt: pythonCompletionsAt,
  analyze(file, tree, project) {
    const { facts, plan } = collectFacts(file.text, tree);
    return {
      facts,
      render: (intent) => render(intent, pythonRenderer, plan, project?.format),
      comments: (needle) => commentsContaining(tree, file.text, needle, ['comment']),
      hasSyntaxErrors: tree.rootNode.hasError,
    };
  },
});
