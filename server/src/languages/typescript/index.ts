/**
 * TypeScript, TSX and JavaScript (azure-batch, @azure/batch), parsed by tree-sitter: the file's
 * extension or language id chooses the grammar (common/languages.ts `grammarOf`).
 */
import { JAVASCRIPT, JSON_KEYS } from '../../batch/sdks';
import { render } from '../toolkit/render';
import { commentsContaining } from '../toolkit/treeSitter';
import { treeSitterLanguage } from '../toolkit/treeSitterLanguage';
import { typescriptCompletionsAt } from './completion';
import { collectFacts } from './facts';
import { typescriptRenderer } from './renderer';

export const typescriptLanguage = treeSitterLanguage({
  id: 'typescript',
  // Every fact starts at one of these words.
  anchorWords: [JAVASCRIPT.runElevated, JAVASCRIPT.userIdentity, JAVASCRIPT.userAccounts],
  // What every task object has: the tasks built without an identity are parsed for when "runs as" is asked.
  taskWords: [JSON_KEYS.commandLine],
  completionsAt: typescriptCompletionsAt,
  analyze(file, tree) {
    const { facts, plan } = collectFacts(file.text, tree);
    return {
      facts,
      render: (intent) => render(intent, typescriptRenderer, plan),
      comments: (needle) => commentsContaining(tree, file.text, needle, ['comment']),
      hasSyntaxErrors: tree.rootNode.hasError,
    };
  },
});
