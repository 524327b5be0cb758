/** Java, parsed by tree-sitter: the data-plane SDKs (legacy fluent, com.azure.compute.batch) and the two management SDKs alike. */
import { JAVA } from '../../batch/sdks';
import { commentsContaining } from '../toolkit/treeSitter';
import { treeSitterLanguage } from '../toolkit/treeSitterLanguage';
import { javaCompletionsAt } from './completion';
import { collectFacts } from './facts';
import { javaRenderer } from './renderer';
import { render } from '../toolkit/render';

export const javaLanguage = treeSitterLanguage({
  id: 'java',
  // `RunElevated` is inside withRunElevated/setRunElevated; the rest name the identity model.
  anchorWords: ['RunElevated', ...JAVA.identityTypes, ...Object.keys(JAVA.enums)],
  // A task model is built under its type's name.
  taskWords: Object.keys(JAVA.taskTypes),
  completionsAt: javaCompletionsAt,
  analyze(file, tree) {
    const { facts, plan } = collectFacts(file.text, tree);
    return {
      facts,
      render: (intent) => render(intent, javaRenderer, plan),
      comments: (needle) => commentsContaining(tree, file.text, needle, ['line_comment', 'block_comment']),
      hasSyntaxErrors: tree.rootNode.hasError,
    };
  },
});
