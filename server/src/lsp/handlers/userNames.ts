/**
 * Named users as symbols: go to definition (a named user → its pool account's name), find all
 * references (every identity naming the account, open and unopened files alike, from the
 * workspace account index), rename (`prepareRename` refuses a name built at run time), and the
 * document's highlights. From the kept analyses and the index: no parse of their own.
 */
import {
  DocumentHighlightKind,
  ErrorCodes,
  ResponseError,
  type CancellationToken,
  type DocumentHighlight,
  type Location,
  type Range,
  type ReferenceParams,
  type RenameParams,
  type TextDocumentPositionParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { languageOf } from '../../engine/engine';
import { ownAccounts } from '../../hover/hover';
import { userNameSiteAt, userNameSites, unwritableName, type UserNameSite } from '../../navigation/userNames';
import { namedUserReferences, type AccountIndex, type IndexedAccount, type LineRange } from '../../workspace/accountIndex';
import { currentAnalysis } from '../analysis';
import { toRange } from '../convert';
import type { KeptAnalysis, ServerState } from '../state';

interface Here {
  readonly site: UserNameSite;
  readonly kept: KeptAnalysis;
  readonly document: Awaited<ReturnType<typeof currentAnalysis>>['document'];
  /** Where its names resolve: the workspace, or a standalone file's own pools (documentation samples). */
  readonly index: AccountIndex;
  readonly standalone: boolean;
}

async function siteAt(
  state: ServerState,
  { textDocument, position }: TextDocumentPositionParams,
  token: CancellationToken,
): Promise<Here | undefined> {
  const open = state.documents.get(textDocument.uri);
  if (!open || !languageOf(open.languageId) || state.documents.isLost(textDocument.uri)) return undefined;
  const { document, kept } = await currentAnalysis(state, textDocument.uri, token);
  const site = userNameSiteAt(kept.analysis.facts, document.offsetAt(position));
  if (!site) return undefined;
  const standalone = !!kept.analysis.facts.standalone;
  const index = standalone ? ownAccounts(kept.analysis) : state.accounts;
  if (standalone) index.updateReferences(document.uri, namedUserReferences(document.uri, kept.analysis.text, kept.analysis.facts));
  return { site, kept, document, index, standalone };
}

/** Lets every open document's pending analysis land, so that the index holds their current text. */
async function openDocumentsAnalysed(state: ServerState, token: CancellationToken): Promise<void> {
  for (const document of state.documents.all()) {
    if (state.documents.isLost(document.uri) || !languageOf(document.languageId)) continue;
    await currentAnalysis(state, document.uri, token).catch(() => undefined);
  }
}

const lineStart = (line: number): LineRange => ({ start: { line, character: 0 }, end: { line, character: 0 } });
const definitionLocation = (account: IndexedAccount): Location => ({ uri: account.uri, range: account.range ?? lineStart(account.line) });

/** `textDocument/definition`: from a named user (or an account's own name) to the accounts that define it. */
export async function definition(
  state: ServerState,
  params: TextDocumentPositionParams,
  token: CancellationToken,
): Promise<Location[] | null> {
  const here = await siteAt(state, params, token);
  if (!here?.site.name) return null;
  const accounts = here.index.lookup(here.site.name) as readonly IndexedAccount[];
  return accounts.length > 0 ? accounts.map(definitionLocation) : null;
}

/** The account's definitions and every identity naming it, across the workspace. */
function occurrences(here: Here, name: string, includeDeclaration: boolean): { location: Location; renamable: boolean }[] {
  const found: { location: Location; renamable: boolean }[] = [];
  if (includeDeclaration)
    for (const account of here.index.lookup(name) as readonly IndexedAccount[])
      found.push({ location: definitionLocation(account), renamable: !!account.renamable && !!account.range });
  for (const reference of here.index.references(name))
    found.push({ location: { uri: reference.uri, range: reference.range }, renamable: reference.renamable });
  return found;
}

/** `textDocument/references`: every identity of the workspace naming the account under the cursor, and its definitions when asked. */
export async function references(state: ServerState, params: ReferenceParams, token: CancellationToken): Promise<Location[] | null> {
  await openDocumentsAnalysed(state, token);
  const here = await siteAt(state, params, token);
  if (!here?.site.name) return null;
  return occurrences(here, here.site.name, params.context.includeDeclaration).map((o) => o.location);
}

/** Why a name under the cursor cannot be renamed, or undefined when it can. */
function refusal(site: UserNameSite): string | undefined {
  if (site.name === undefined) return 'This user name is built at run time, not written as a literal: rename cannot follow it.';
  if (!site.nameSpan) return 'This user name is written with escapes: rename it by hand.';
  return undefined;
}

/** `textDocument/prepareRename`: the name's characters between its quotes, or why it cannot be renamed. */
export async function prepareRename(
  state: ServerState,
  params: TextDocumentPositionParams,
  token: CancellationToken,
): Promise<{ range: Range; placeholder: string } | null> {
  const here = await siteAt(state, params, token);
  if (!here) return null;
  const refused = refusal(here.site);
  if (refused) throw new ResponseError(ErrorCodes.InvalidRequest, refused);
  return { range: toRange(here.document, here.site.nameSpan!), placeholder: here.site.name! };
}

/** `textDocument/rename`: the account's name in every definition and every identity naming it, across files. */
export async function rename(state: ServerState, params: RenameParams, token: CancellationToken): Promise<WorkspaceEdit | null> {
  await openDocumentsAnalysed(state, token);
  const here = await siteAt(state, params, token);
  if (!here) return null;
  const refused = refusal(here.site) ?? unwritableName(params.newName);
  if (refused) throw new ResponseError(ErrorCodes.InvalidRequest, refused.endsWith('.') ? refused : `${refused}.`);
  const found = occurrences(here, here.site.name!, true);
  const fixed = found.find((o) => !o.renamable);
  if (fixed)
    throw new ResponseError(
      ErrorCodes.InvalidRequest,
      `The name is written with escapes in ${fixed.location.uri}:${fixed.location.range.start.line + 1}: rename it there by hand first.`,
    );
  const changes: Record<string, TextEdit[]> = {};
  for (const { location } of found) (changes[location.uri] ??= []).push({ range: location.range, newText: params.newName });
  return { changes };
}

/** `textDocument/documentHighlight`: the same account's name in this file, its definitions written, its uses read. */
export async function documentHighlight(
  state: ServerState,
  params: TextDocumentPositionParams,
  token: CancellationToken,
): Promise<DocumentHighlight[] | null> {
  const here = await siteAt(state, params, token);
  if (!here?.site.name) return null;
  return userNameSites(here.kept.analysis.facts)
    .filter((s) => s.name === here.site.name)
    .map((s) => ({
      range: toRange(here.document, s.nameSpan ?? s.span),
      kind: s.role === 'definition' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
    }));
}
