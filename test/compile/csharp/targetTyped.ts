/**
 * mcs reads C# 7 and Debian packages no later compiler, so a target-typed `new(…)` (C# 9) cannot
 * be compiled as written. Each one is written out with the type the C# adapter says it creates
 * (`BatchEvidence.targetTypeOf`), under the name its generation gives that type: the compiler then
 * checks that the adapter's reading is right (a wrong type does not compile there) as well as the
 * rest of the code. A `new(…)` the adapter cannot type stays as written and fails to compile.
 */
import { CSHARP, type CSharpSdk } from '../../../server/src/batch/sdks';
import { applyEdits } from '../../../server/src/engine/edits';
import type { TextEdit } from '../../../server/src/engine/language';
import { BatchEvidence } from '../../../server/src/languages/csharp/evidence';
import { Reach } from '../../../server/src/languages/csharp/imports';
import { SymbolTable } from '../../../server/src/languages/csharp/scope';
import { Words } from '../../../server/src/languages/toolkit/text';
import { children } from '../../../server/src/languages/toolkit/treeSitter';
import { parserFor } from '../../../server/src/parsing/treeSitter';

/** The name a generation gives a model: `BatchUserAccount` for Azure.ResourceManager.Batch's UserAccount. */
function nameIn(sdk: CSharpSdk, model: string): string {
  const own = CSHARP.ownTypes[sdk] ?? {};
  return Object.keys(own).find((name) => own[name] === model) ?? model;
}

/** The text with every target-typed `new(…)` the adapter types written `new Type(…)`. */
export async function withTargetTypesWritten(text: string): Promise<string> {
  const tree = (await parserFor('c-sharp')).parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    const words = new Words(text);
    const evidence = new BatchEvidence(new SymbolTable(tree, words), new Reach(tree, words));
    const edits: TextEdit[] = [];
    for (const creation of tree.rootNode.descendantsOfType('implicit_object_creation_expression')) {
      if (!creation) continue;
      const type = evidence.targetTypeOf(creation);
      const keyword = children(creation)[0];
      if (type.batch !== 'yes' || !type.name || !type.sdk || keyword?.type !== 'new') continue;
      edits.push({ span: { start: keyword.endIndex, end: keyword.endIndex }, newText: ` ${nameIn(type.sdk, type.name)}` });
    }
    return applyEdits(text, edits);
  } finally {
    tree.delete();
  }
}
