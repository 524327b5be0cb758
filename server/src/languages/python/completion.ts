/**
 * Python completion in the arguments of a task model's call (`batchmodels.TaskAddParameter(id='t', |)`):
 * the `user_identity=` keyword, as an auto-user or a named user, for azure-batch ≤ 14 (the
 * snippets' generation), the models written through the call's own module reference.
 */
import { PYTHON } from '../../batch/sdks';
import { codeIdentityMembers, SNIPPET_FILES } from '../../batch/snippets';
import { NO_COMPLETIONS, type LanguageCompletions } from '../../engine/completion';
import type { CompletionOptions, SourceFile } from '../../engine/language';
import { atElementPlace, identityProposals, listCommas, typedWord } from '../toolkit/completion';
import type { Node, Tree } from '../toolkit/treeSitter';

/** A call's argument being typed: a bare name (before its `=`). */
const IDENTIFIERS = new Set(['identifier']);

/** The names an import binds to azure.batch.models: `import azure.batch.models as m`, `from azure.batch import models`. */
function modelsModuleNames(tree: Tree): Set<string> {
  const names = new Set<string>();
  const module = PYTHON.modelsModule;
  for (const statement of tree.rootNode.descendantsOfType(['import_statement', 'import_from_statement'])) {
    if (!statement) continue;
    if (statement.type === 'import_statement') {
      for (const item of statement.namedChildren) {
        if (item?.type === 'aliased_import' && item.childForFieldName('name')?.text === module)
          names.add(item.childForFieldName('alias')!.text);
        else if (item?.type === 'dotted_name' && item.text === module) names.add(module);
      }
    } else if (statement.childForFieldName('module_name')?.text === module.slice(0, module.lastIndexOf('.'))) {
      for (const item of statement.namedChildren.slice(1)) {
        if (item?.type === 'dotted_name' && item.text === 'models') names.add('models');
        else if (item?.type === 'aliased_import' && item.childForFieldName('name')?.text === 'models')
          names.add(item.childForFieldName('alias')!.text);
      }
    }
  }
  return names;
}

export function pythonCompletionsAt(file: SourceFile, tree: Tree, offset: number, options: CompletionOptions): LanguageCompletions {
  const { text } = file;
  const replace = typedWord(text, offset);
  let node: Node | null = tree.rootNode.descendantForIndex(replace.start, replace.start);
  while (node && !(node.type === 'argument_list' && node.startIndex < offset && offset < node.endIndex)) node = node.parent;
  const call = node?.parent;
  if (!node || call?.type !== 'call') return NO_COMPLETIONS;
  if (!atElementPlace(node, tree, replace, IDENTIFIERS)) return NO_COMPLETIONS;
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'attribute') return NO_COMPLETIONS;
  const model = callee.childForFieldName('attribute')?.text ?? '';
  const modulePath = callee.childForFieldName('object')?.text ?? '';
  if (!(model in PYTHON.taskTypes) || model.startsWith('Batch') || !modelsModuleNames(tree).has(modulePath)) return NO_COMPLETIONS;
  const keyword = PYTHON.userIdentity;
  const given = node.namedChildren.some((c) => c?.type === 'keyword_argument' && c.childForFieldName('name')?.text === keyword);
  if (given) return NO_COMPLETIONS;
  // The file's string quote, as its first string argument writes it.
  const firstString = node.descendantsOfType('string')[0];
  const quote = firstString?.text.startsWith('"') ? '"' : "'";
  const forms = codeIdentityMembers('python', options.accountNames, `${modulePath}.`, quote);
  const commas = listCommas(text, replace, '(', ')');
  return {
    completions: identityProposals(forms, keyword, replace, commas, { autoUser: [], namedUser: [] }, SNIPPET_FILES.python.dialect),
    places: [],
  };
}
