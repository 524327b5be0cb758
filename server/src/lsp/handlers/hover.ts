/** `textDocument/hover`: from the document's kept analysis and the model's prose (`hover/hover.ts`); no parse of its own. */
import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver';
import { languageOf } from '../../engine/engine';
import { hoverAt } from '../../hover/hover';
import { currentAnalysis } from '../analysis';
import { toRange } from '../convert';
import type { ServerState } from '../state';

export async function hover(state: ServerState, { textDocument, position }: HoverParams, token: CancellationToken): Promise<Hover | null> {
  const open = state.documents.get(textDocument.uri);
  if (!open || !languageOf(open.languageId) || state.documents.isLost(textDocument.uri)) return null;
  const { document, kept } = await currentAnalysis(state, textDocument.uri, token);
  // Accounts are read from the index as it is now (where a named user is defined, and how).
  const found = hoverAt(kept.analysis, document.offsetAt(position), state.accounts, (rule) => state.ruleDoc(rule));
  return found ? { contents: { kind: 'markdown', value: found.markdown }, range: toRange(document, found.span) } : null;
}
