/**
 * C# completion inside a task's object initializer (`new CloudTask(…) { | }`): the `UserIdentity`
 * member, as an auto-user or a named user, for Microsoft.Azure.Batch (the snippets' generation),
 * with `using Microsoft.Azure.Batch.Common;` added when the enums are not in reach.
 */
import { CSHARP, csharpHasType } from '../../batch/sdks';
import { codeIdentityMembers, SNIPPET_FILES } from '../../batch/snippets';
import { NO_COMPLETIONS, type LanguageCompletions } from '../../engine/completion';
import type { CompletionOptions, SourceFile, TextEdit } from '../../engine/language';
import { atElementPlace, identityProposals, listCommas, typedWord } from '../toolkit/completion';
import type { Node, Tree } from '../toolkit/treeSitter';

const SDK = 'Microsoft.Azure.Batch';
/** An initializer's element being typed: a bare name. */
const IDENTIFIERS = new Set(['identifier']);
const ENUMS_NAMESPACE = 'Microsoft.Azure.Batch.Common';

function usingNames(tree: Tree): { names: Set<string>; last?: Node } {
  const names = new Set<string>();
  let last: Node | undefined;
  for (const directive of tree.rootNode.descendantsOfType('using_directive')) {
    if (!directive) continue;
    const name = directive.namedChildren.find((c) => c && (c.type === 'qualified_name' || c.type === 'identifier'));
    if (name) names.add(name.text);
    last = directive;
  }
  return { names, last };
}

export function csharpCompletionsAt(file: SourceFile, tree: Tree, offset: number, options: CompletionOptions): LanguageCompletions {
  const { text } = file;
  const replace = typedWord(text, offset);
  let node: Node | null = tree.rootNode.descendantForIndex(replace.start, replace.start);
  while (node && !(node.type === 'initializer_expression' && node.startIndex < offset && offset < node.endIndex)) node = node.parent;
  const creation = node?.parent;
  if (!node || creation?.type !== 'object_creation_expression') return NO_COMPLETIONS;
  if (!atElementPlace(node, tree, replace, IDENTIFIERS)) return NO_COMPLETIONS;
  const typeName = creation.childForFieldName('type')?.text.split('.').pop() ?? '';
  if (!(typeName in CSHARP.taskTypes) || !csharpHasType(SDK, typeName)) return NO_COMPLETIONS;
  const usings = usingNames(tree);
  if (![...usings.names].some((n) => n === SDK || n.startsWith(`${SDK}.`))) return NO_COMPLETIONS;
  // The member is set once.
  const member = CSHARP.legacy.userIdentity;
  const assigned = node.namedChildren.some(
    (c) => c?.type === 'assignment_expression' && c.childForFieldName('left')?.text === member && c.endIndex < replace.start,
  );
  if (assigned) return NO_COMPLETIONS;
  const imports: TextEdit[] = [];
  if (!usings.names.has(ENUMS_NAMESPACE) && usings.last) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lineStart = text.lastIndexOf('\n', usings.last.startIndex - 1) + 1;
    const indent = text.slice(lineStart, usings.last.startIndex);
    imports.push({ span: { start: usings.last.endIndex, end: usings.last.endIndex }, newText: `${eol}${indent}using ${ENUMS_NAMESPACE};` });
  }
  const forms = codeIdentityMembers('csharp', options.accountNames);
  const commas = listCommas(text, replace, '{', '}');
  return {
    completions: identityProposals(forms, member, replace, commas, { autoUser: imports, namedUser: [] }, SNIPPET_FILES.csharp.dialect),
    places: [],
  };
}
