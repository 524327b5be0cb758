/**
 * Java completion after a `.` in a task's builder chain (`new TaskAddParameter().withId("t").|`):
 * `withUserIdentity(…)`, as an auto-user or a named user, for com.microsoft.azure.batch (the
 * snippets' generation), with the identity classes imported when neither they nor the package are.
 */
import { JAVA } from '../../batch/sdks';
import { codeIdentityMembers, SNIPPET_FILES } from '../../batch/snippets';
import { NO_COMPLETIONS, type LanguageCompletions } from '../../engine/completion';
import type { CompletionOptions, SourceFile, TextEdit } from '../../engine/language';
import { identityProposals, previousNonBlank, typedWord } from '../toolkit/completion';
import type { Node, Tree } from '../toolkit/treeSitter';

const PACKAGE = JAVA.packages.legacy;

/** What a builder chain is made of: a receiver before a `.` is the outermost of these ending there. */
const CHAIN_PARTS = new Set(['method_invocation', 'object_creation_expression', 'argument_list']);

/** The expression that ends at `end` (the receiver before a `.`). */
function expressionEndingAt(tree: Tree, end: number): Node | undefined {
  let node: Node | null = tree.rootNode.descendantForIndex(end - 1, end - 1);
  while (node?.parent && node.parent.endIndex === end && CHAIN_PARTS.has(node.parent.type)) node = node.parent;
  return node ?? undefined;
}

export function javaCompletionsAt(file: SourceFile, tree: Tree, offset: number, options: CompletionOptions): LanguageCompletions {
  const { text } = file;
  const replace = typedWord(text, offset);
  const dot = previousNonBlank(text, replace.start);
  if (dot.char !== '.') return NO_COMPLETIONS;
  const receiverEnd = previousNonBlank(text, dot.end - 1).end;
  // Down the chain to the construction: each call's receiver, a call already giving the identity ends it.
  let node = expressionEndingAt(tree, receiverEnd);
  const setter = JAVA.setters.legacy.userIdentity!;
  while (node?.type === 'method_invocation') {
    if (node.childForFieldName('name')?.text === setter) return NO_COMPLETIONS;
    node = node.childForFieldName('object') ?? undefined;
  }
  if (node?.type !== 'object_creation_expression') return NO_COMPLETIONS;
  const typeName = node.childForFieldName('type')?.text ?? '';
  if (!(typeName in JAVA.taskTypes) || typeName.startsWith('Batch')) return NO_COMPLETIONS;
  const imports = tree.rootNode.descendantsOfType('import_declaration').filter((d): d is Node => !!d);
  const imported = imports.map((d) => d.text.replace(/^import\s+|;$/g, '').replace(/\s+/g, ''));
  if (!imported.some((i) => i.startsWith(`${PACKAGE}.`))) return NO_COMPLETIONS;
  const forms = codeIdentityMembers('java', options.accountNames);
  // Each proposal imports the classes it names that neither the package nor a class import brings.
  const importsOf = (names: readonly string[]): TextEdit[] => {
    const last = imports[imports.length - 1];
    const missing = imported.includes(`${PACKAGE}.*`) ? [] : names.filter((name) => !imported.includes(`${PACKAGE}.${name}`));
    if (!last || missing.length === 0) return [];
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    return [
      { span: { start: last.endIndex, end: last.endIndex }, newText: missing.map((name) => `${eol}import ${PACKAGE}.${name};`).join('') },
    ];
  };
  const proposalImports = { autoUser: importsOf(forms.names), namedUser: importsOf(forms.names.slice(0, 1)) };
  return {
    completions: identityProposals(forms, setter, replace, { after: '' }, proposalImports, SNIPPET_FILES.java.dialect),
    places: [],
  };
}
