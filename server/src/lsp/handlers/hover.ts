/** `textDocument/hover`: from the document's analysis and the model's prose (`hover/hover.ts`). */
import type { Hover, HoverParams } from 'vscode-languageserver';
import { languageOf } from '../../engine/engine';
import { hoverAt } from '../../hover/hover';
import { analysisOf } from '../analysis';
import { toRange } from '../convert';
import type { ServerState } from '../state';

export async function hover(state: ServerState, { textDocument, position }: HoverParams): Promise<Hover | null> {
  const document = state.documents.get(textDocument.uri);
  if (!document || !languageOf(document.languageId)) return null;
  const analysis = await analysisOf(state, document);
  const found = hoverAt(analysis, document.offsetAt(position), state.accounts);
  return found ? { contents: { kind: 'markdown', value: found.markdown }, range: toRange(document, found.span) } : null;
}
