/**
 * `textDocument/completion`: from the document's kept analysis (its facts: user names, enum members)
 * and what its language proposes at the cursor by the tree (completion/complete.ts), with the
 * workspace's pool user accounts as the account index holds them now.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type CancellationToken,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
} from 'vscode-languageserver';
import { completionsAt } from '../../completion/complete';
import type { Completion, CompletionKind } from '../../engine/completion';
import { languageOf } from '../../engine/engine';
import { currentAnalysis } from '../analysis';
import { toLspEdits, toRange } from '../convert';
import type { ServerState } from '../state';

/** What the client types that may open a completion: a key's or a string's quote (names are proposed inside it), a member access. */
export const COMPLETION_TRIGGER_CHARACTERS = ['"', "'", '.'];

const ITEM_KIND: Record<CompletionKind, CompletionItemKind> = {
  snippet: CompletionItemKind.Snippet,
  property: CompletionItemKind.Property,
  enumMember: CompletionItemKind.EnumMember,
  user: CompletionItemKind.Value,
  keyword: CompletionItemKind.Keyword,
};

export async function completion(
  state: ServerState,
  { textDocument, position }: CompletionParams,
  token: CancellationToken,
): Promise<CompletionList | null> {
  const open = state.documents.get(textDocument.uri);
  if (!open || !languageOf(open.languageId) || state.documents.isLost(textDocument.uri)) return null;
  const { document, kept } = await currentAnalysis(state, textDocument.uri, token);
  const input = { uri: document.uri, languageId: document.languageId, text: document.getText() };
  const found = await completionsAt(state.engine, {
    document: input,
    offset: document.offsetAt(position),
    analysis: kept.analysis,
    accounts: state.accounts.all(),
  });
  const items = found.map((c: Completion): CompletionItem => ({
    label: c.label,
    labelDetails: c.description ? { description: c.description } : undefined,
    kind: ITEM_KIND[c.kind],
    detail: c.detail,
    documentation: c.documentation ? { kind: 'markdown', value: c.documentation } : undefined,
    textEdit: { range: toRange(document, c.replace), newText: c.snippet },
    insertTextFormat: InsertTextFormat.Snippet,
    // Written in the file's indentation already: the client must not indent it again.
    insertTextMode: InsertTextMode.asIs,
    additionalTextEdits: c.additionalEdits ? toLspEdits(document, c.additionalEdits) : undefined,
    filterText: c.filterText,
    sortText: c.sortText,
    preselect: c.preselect,
  }));
  // Complete for what is typed so far: the list depends on the place, not on the word.
  return { isIncomplete: false, items };
}
