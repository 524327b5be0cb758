/**
 * `textDocument/inlayHint`: "runs as" at each task construction, and the outline
 * (`textDocument/documentSymbol`: pools with their accounts, tasks with their identity) and
 * `workspace/symbol` (accounts by name). From the kept analysis and the account index: no parse of their own.
 */
import {
  MarkupKind,
  SymbolKind,
  type CancellationToken,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type InlayHint,
  type InlayHintLabelPart,
  type InlayHintParams,
  type SymbolInformation,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver';
import * as path from 'path';
import { elevationWords, TASK_KIND_LABEL, type Elevation } from '../../batch/model';
import { languageOf } from '../../engine/engine';
import type { Span } from '../../engine/facts';
import type { WorkspaceAccounts } from '../../engine/findings';
import { describeIdentity, ownAccounts } from '../../hover/hover';
import { runsAsHintLabel, runsAsLabel, tasksRunAs, type TaskRunsAs } from '../../navigation/runsAs';
import type { IndexedAccount } from '../../workspace/accountIndex';
import { currentAnalysis } from '../analysis';
import { toRange } from '../convert';
import type { KeptAnalysis, ServerState } from '../state';

async function analysed(state: ServerState, uri: string, token: CancellationToken) {
  const open = state.documents.get(uri);
  if (!open || !languageOf(open.languageId) || state.documents.isLost(uri)) return undefined;
  return currentAnalysis(state, uri, token);
}

/** Where a file's named users resolve: the workspace, or a standalone file's own pools. */
const workspaceOf = (state: ServerState, kept: KeptAnalysis): WorkspaceAccounts =>
  kept.analysis.facts.standalone ? ownAccounts(kept.analysis) : state.accounts;

const RUNS_AS = 'runs as: ';

export async function inlayHints(
  state: ServerState,
  { textDocument, range }: InlayHintParams,
  token: CancellationToken,
): Promise<InlayHint[] | null> {
  const found = await analysed(state, textDocument.uri, token);
  if (!found) return null;
  const { document, kept } = found;
  const settings = state.settings.known(textDocument.uri) ?? (await state.settings.forDocument(textDocument.uri));
  if (!settings.inlayHints.runsAs) return [];
  const shown = { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
  const workspace = workspaceOf(state, kept);
  const hints: InlayHint[] = [];
  for (const task of tasksRunAs(kept.analysis.facts, workspace)) {
    // Editors ask for the lines on screen: the rest is skipped before any work.
    if (task.task.nameSpan.end < shown.start || task.task.nameSpan.start > shown.end) continue;
    // At the end of the line the task is named on, clear of its arguments.
    const { line } = document.positionAt(task.task.nameSpan.end);
    const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    const position = { line, character: lineText.replace(/\s+$/, '').length };
    const offset = document.offsetAt(position);
    if (offset < shown.start || offset > shown.end) continue;
    // Editors may cut a long hint (VS Code at 43 characters by default): the tooltip has it whole, as the hover says it.
    const { line: sentence, access } = describeIdentity(task.runsAs, document.uri);
    const tooltip = { kind: MarkupKind.Markdown, value: [`**${sentence}**`, ...(access ? ['', access] : [])].join('\n') };
    hints.push({ position, label: labelParts(task, workspace), paddingLeft: true, tooltip });
  }
  return hints;
}

/** `runs as: ` then the user's name, which goes to its account, then the rest. */
function labelParts(task: TaskRunsAs, workspace: WorkspaceAccounts): InlayHintLabelPart[] {
  const { user, text } = runsAsHintLabel(task.runsAs);
  if (user === undefined) return [{ value: RUNS_AS + text }];
  const [account] = workspace.lookup(user) as readonly IndexedAccount[];
  const name: InlayHintLabelPart = account
    ? {
        value: user,
        location: {
          uri: account.uri,
          range: account.range ?? { start: { line: account.line, character: 0 }, end: { line: account.line, character: 0 } },
        },
        tooltip: 'Go to the pool user account',
      }
    : { value: user };
  return [{ value: RUNS_AS }, name, { value: text }];
}

const union = (a: Span, b: Span): Span => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });
const inside = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

/** `textDocument/documentSymbol`: pools with their user accounts, tasks with the identity they run as. */
export async function documentSymbols(
  state: ServerState,
  { textDocument }: DocumentSymbolParams,
  token: CancellationToken,
): Promise<DocumentSymbol[] | null> {
  const found = await analysed(state, textDocument.uri, token);
  if (!found) return null;
  const { document, kept } = found;
  const { facts, text } = kept.analysis;
  const written = (span: Span) => text.slice(span.start, span.end);
  const symbol = (
    name: string,
    detail: string,
    kind: SymbolKind,
    span: Span,
    nameSpan: Span,
    children?: DocumentSymbol[],
  ): DocumentSymbol => ({
    name,
    detail,
    kind,
    range: toRange(document, union(span, nameSpan)),
    selectionRange: toRange(document, nameSpan),
    ...(children && { children }),
  });
  const top: { start: number; symbol: DocumentSymbol }[] = [];
  const pools = new Map(facts.pools.map((pool) => [pool.key, { pool, accounts: [] as DocumentSymbol[] }]));
  for (const account of facts.accounts) {
    const name = account.name?.kind === 'string' ? account.name.value : account.name ? written(account.name.span) : 'user account';
    const elevation =
      account.elevation?.kind === 'enum' ? (account.elevation.canonical as Elevation) : account.elevation ? 'unknown' : undefined;
    const detail = `user account · ${elevationWords(elevation)}`;
    const nameSpan = account.name?.span ?? account.nameSpan;
    const entry = symbol(name, detail, SymbolKind.Field, account.span, nameSpan);
    const pool = account.pool && pools.get(account.pool.key);
    if (pool && inside(union(account.span, nameSpan), union(pool.pool.span, pool.pool.nameSpan))) pool.accounts.push(entry);
    else top.push({ start: account.span.start, symbol: entry });
  }
  for (const { pool, accounts } of pools.values()) {
    const id = pool.id?.kind === 'string' ? pool.id.value : undefined;
    const detail = `pool${accounts.length > 0 ? ` · ${accounts.length} user account${accounts.length > 1 ? 's' : ''}` : ''}`;
    top.push({
      start: pool.span.start,
      symbol: symbol(id ?? nameOf(written(pool.nameSpan)), detail, SymbolKind.Class, pool.span, pool.nameSpan, accounts),
    });
  }
  const workspace = workspaceOf(state, kept);
  for (const task of tasksRunAs(facts, workspace)) {
    const { user, text: rest } = runsAsLabel(task.runsAs);
    const runsAs = RUNS_AS + (user ?? '') + rest;
    const identity = task.identity && [symbol('user identity', runsAs, SymbolKind.Property, task.identity.span, task.identity.nameSpan)];
    const holder = task.task;
    const children =
      identity && inside(union(task.identity!.span, task.identity!.nameSpan), union(holder.span, holder.nameSpan)) ? identity : undefined;
    top.push({
      start: holder.span.start,
      symbol: symbol(TASK_KIND_LABEL[holder.holder.taskKind], runsAs, SymbolKind.Object, holder.span, holder.nameSpan, children),
    });
  }
  return top.sort((a, b) => a.start - b.start).map((t) => t.symbol);
}

/** A pool without a literal id is named by its type (`CloudPool`) or key (`"pool"`), else plainly `pool` (a JSON document's root object). */
function nameOf(written: string): string {
  const name = /^"?([A-Za-z_][\w.]*)"?$/.exec(written)?.[1];
  return name ?? 'pool';
}

/** `workspace/symbol`: the workspace's pool user accounts whose name holds the query's characters in order (as editors filter). */
export function workspaceSymbols(state: ServerState, { query }: WorkspaceSymbolParams): SymbolInformation[] {
  const wanted = query.toLowerCase();
  return state.accounts
    .all()
    .filter((account) => matches(account.name.toLowerCase(), wanted))
    .map((account) => ({
      name: account.name,
      kind: SymbolKind.Field,
      location: {
        uri: account.uri,
        range: account.range ?? { start: { line: account.line, character: 0 }, end: { line: account.line, character: 0 } },
      },
      containerName: account.poolId ? `pool ${account.poolId}` : path.posix.basename(account.uri),
    }));
}

function matches(name: string, query: string): boolean {
  let at = 0;
  for (const c of query) {
    at = name.indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}
