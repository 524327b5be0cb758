/** Completion at a marked place (`|`) of a text, as the server computes it: analysis kept, then completion from the kept tree. */
import { completionsAt } from '../../../server/src/completion/complete';
import type { Completion } from '../../../server/src/engine/completion';
import { applyEdits } from '../../../server/src/engine/edits';
import { Engine } from '../../../server/src/engine/engine';
import type { LanguageId } from '../../../server/src/engine/facts';
import type { TextEdit } from '../../../server/src/engine/language';
import type { IndexedAccount } from '../../../server/src/workspace/accountIndex';
import { expand } from '../snippets/expand';

export const CURSOR = '|';

export interface Completed {
  readonly text: string;
  readonly offset: number;
  readonly items: readonly Completion[];
  /** The labels, in list order (sortText, then label, as editors order them). */
  readonly labels: readonly string[];
  /** The text after accepting `label` with the snippet's defaults (its first choices). */
  accept(label: string): string;
}

const engine = new Engine();
let next = 0;

export async function complete(
  language: LanguageId | 'jsonc',
  marked: string,
  accounts: readonly IndexedAccount[] = [],
  uri = `file:///work/completion${next++}.${language}`,
): Promise<Completed> {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0) throw new Error('no cursor in the text');
  const text = marked.slice(0, offset) + marked.slice(offset + CURSOR.length);
  const document = { uri, languageId: language, text };
  const analysis = await engine.analyze(document, { keepSyntax: true });
  const items = await completionsAt(engine, { document, offset, analysis, accounts });
  engine.forget(uri);
  const ordered = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  return {
    text,
    offset,
    items,
    labels: ordered.map((i) => i.label),
    accept(label) {
      const item = items.find((i) => i.label === label);
      if (!item) throw new Error(`no ${label} among ${JSON.stringify(items.map((i) => i.label))}`);
      const edits: TextEdit[] = [{ span: item.replace, newText: expand(item.snippet.split('\n')) }, ...(item.additionalEdits ?? [])];
      return applyEdits(text, edits);
    },
  };
}

export function account(name: string, uri: string, more: Partial<IndexedAccount> = {}): IndexedAccount {
  return { name, uri, line: 4, elevation: 'admin', ...more };
}
