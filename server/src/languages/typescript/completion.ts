/**
 * TypeScript/JavaScript completion in a task's object literal (`client.task.add(jobId, { id, commandLine, | })`,
 * `startTask: { … }`, an object typed `TaskAddParameter`): the `userIdentity` member, as an
 * auto-user or a named user, with the values of the file's SDK and in the file's quote. Only in an
 * object the evidence shows to be a Batch task, and only when it has no identity yet.
 */
import { JAVASCRIPT } from '../../batch/sdks';
import { SNIPPET_FILES, typescriptIdentityMembers } from '../../batch/snippets';
import { NO_COMPLETIONS, type LanguageCompletions } from '../../engine/completion';
import type { CompletionOptions, SourceFile } from '../../engine/language';
import { atElementPlace, identityProposals, listCommas, typedWord } from '../toolkit/completion';
import { Words } from '../toolkit/text';
import type { Node, Tree } from '../toolkit/treeSitter';
import { BatchEvidence } from './evidence';
import { BatchImports } from './imports';
import { FileQuotes } from './quotes';
import { propertiesOf } from './syntax';

/** An object literal's property being typed: a shorthand property (or a bare name, where the grammar reads one). */
const IDENTIFIERS = new Set(['shorthand_property_identifier', 'identifier']);

export function typescriptCompletionsAt(file: SourceFile, tree: Tree, offset: number, options: CompletionOptions): LanguageCompletions {
  const { text } = file;
  const replace = typedWord(text, offset);
  let object: Node | null = tree.rootNode.descendantForIndex(replace.start, replace.start);
  while (object && !(object.type === 'object' && object.startIndex < offset && offset < object.endIndex)) object = object.parent;
  if (!object || !atElementPlace(object, tree, replace, IDENTIFIERS)) return NO_COMPLETIONS;
  const imports = new BatchImports(tree, text);
  const evidence = new BatchEvidence(tree, new Words(text), imports).of(object);
  if (evidence.batch !== 'yes' || !evidence.taskKind) return NO_COMPLETIONS;
  const { properties } = propertiesOf(object);
  // The word being typed is a shorthand property of its own; any other userIdentity is the task's.
  const typed = (p: (typeof properties)[number]) => p.shorthand && p.key.startIndex === replace.start;
  if (properties.some((p) => p.name === JAVASCRIPT.userIdentity && !typed(p))) return NO_COMPLETIONS;
  const quote = new FileQuotes(tree, text, imports).near(object);
  const forms = typescriptIdentityMembers(options.accountNames, evidence.sdk ?? imports.sdk ?? '@azure/batch', quote);
  const commas = listCommas(text, replace, '{', '}');
  return {
    completions: identityProposals(
      forms,
      JAVASCRIPT.userIdentity,
      replace,
      commas,
      { autoUser: [], namedUser: [] },
      SNIPPET_FILES.typescript.dialect,
    ),
    places: [],
  };
}
