/**
 * `textDocument/codeAction` and `codeAction/resolve`: quick fixes from the findings' fixes,
 * suppression comments verified by re-analysis, "Fix all ⟨rule⟩ problems in this file" for any rule
 * with several fixable findings, and `source.fixAll.batchIdentity`. Nothing here knows a rule or a
 * language.
 *
 * Everything is served from the document's kept analysis. What costs a parse (verifying a
 * suppression, a fix-all) is computed once per document version, and, for clients that resolve code
 * actions (VS Code does), only when the user picks the action: editors ask for code actions on
 * every cursor move.
 */
import {
  CodeActionKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_TITLE, SERVER_COMMANDS, showDocumentationTitle } from '../../../../common/protocol';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../../../../common/settings';
import { fixAllFixOf, languageOf, type Analysis } from '../../engine/engine';
import { applyEdits } from '../../engine/edits';
import type { Finding } from '../../engine/findings';
import { LANGUAGES } from '../../engine/languages';
import { RULES } from '../../rules';
import { suppressionEdit, type SuppressionScope } from '../../engine/suppressions';
import { contentModified, currentAnalysis, derived, fixAllEdit } from '../analysis';
import { toLspEdits, toRange, type DiagnosticData } from '../convert';
import type { KeptAnalysis, ServerState } from '../state';

export const fixAllOfRuleTitle = (rule: string) => `Fix all ${rule} problems in this file`;

/** An action whose edit is computed later: what `data` carries to `codeAction/resolve`. */
type Deferred =
  | { readonly kind: 'suppress'; readonly finding: number; readonly scope: SuppressionScope }
  | { readonly kind: 'fixAll'; readonly rule?: string };
interface DeferredData {
  readonly uri: string;
  readonly version: number;
  readonly deferred: Deferred;
}

export async function codeActions(state: ServerState, params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  const open = state.documents.get(uri);
  if (!open || !languageOf(open.languageId) || state.documents.isLost(uri)) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));

  // Asked for by name (on save): the edit itself, now.
  if (only && wants(FIX_ALL_KIND)) {
    const edit = await fixAllEdit(state, open);
    return edit ? [{ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit }] : [];
  }

  const { document, kept } = await currentAnalysis(state, uri, token);
  const { analysis } = kept;
  const actions: (CodeAction | Promise<CodeAction | undefined>)[] = [];
  /** "Show documentation for ⟨rule⟩": after every action that changes the code. */
  const docs: CodeAction[] = [];
  const later = (title: string, kind: string, deferred: Deferred, diagnostics?: Diagnostic[]) =>
    deferredAction(state, document, kept, { title, kind, diagnostics }, deferred);

  if (wants(FIX_ALL_KIND) && analysis.findings.some((f) => fixable(analysis, f)))
    actions.push(later(FIX_ALL_TITLE, FIX_ALL_KIND, { kind: 'fixAll' }));

  if (wants(CodeActionKind.QuickFix)) {
    /** Rules of the findings asked about that fix-all would fix. */
    const fixAllRules = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const index = findingIndexFor(analysis, document, diagnostic);
      if (index === undefined) continue;
      const finding = analysis.findings[index];
      for (const fix of finding.fixes) {
        const edits = analysis.edits(fix);
        if (!edits) continue;
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred,
          edit: { changes: { [uri]: toLspEdits(document, edits) } },
        });
      }
      if (fixAllFixOf(finding)) fixAllRules.add(finding.rule);
      // Whether the document may take a comment at all is known without a parse: asked before offering.
      if (!acceptsComments(analysis, document.languageId)) continue;
      for (const scope of ['line', 'file'] as const) {
        const title = scope === 'line' ? `Disable ${finding.rule} for this line` : `Disable ${finding.rule} for the entire file`;
        actions.push(later(title, CodeActionKind.QuickFix, { kind: 'suppress', finding: index, scope }, [diagnostic]));
      }
    }
    // Like vscode-eslint's "Show documentation for ⟨rule⟩": once per rule, last, never preferred; a
    // command, no edit (the server asks the client to show the page: window/showDocument).
    if (state.showsDocuments) {
      const documented = new Set<string>();
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string' || documented.has(diagnostic.code)) continue;
        if (!RULES.some((r) => r.id === diagnostic.code)) continue;
        documented.add(diagnostic.code);
        const title = showDocumentationTitle(diagnostic.code);
        docs.push({
          title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: false,
          command: { title, command: SERVER_COMMANDS.showRuleDocumentation, arguments: [diagnostic.code] },
        });
      }
    }
    // Like vscode-eslint's "Fix all ⟨rule⟩ problems": worth offering beside the single fix only when there are several.
    for (const rule of fixAllRules) {
      if (analysis.findings.filter((f) => f.rule === rule && fixAllFixOf(f)).length < 2) continue;
      actions.push(later(fixAllOfRuleTitle(rule), CodeActionKind.QuickFix, { kind: 'fixAll', rule }));
    }
  }
  const settled = [...(await Promise.all(actions)).filter((a): a is CodeAction => !!a), ...docs];
  // The edits are positions in the version analysed: the document must still be at it.
  if (state.documents.get(uri)?.version !== kept.version) throw contentModified('the document changed');
  return settled;
}

/** `codeAction/resolve`: the edit of an action offered without one. */
export async function resolveCodeAction(state: ServerState, action: CodeAction): Promise<CodeAction> {
  const data = action.data as DeferredData | undefined;
  if (!data || typeof data.uri !== 'string' || typeof data.version !== 'number' || !data.deferred)
    throw new ResponseError(ErrorCodes.InvalidParams, 'this code action was not offered by this server (no data to resolve it from)');
  const document = state.documents.get(data.uri);
  const kept = state.analyses.get(data.uri);
  if (!document || document.version !== data.version || kept?.version !== data.version) throw contentModified('the document changed');
  const edit = await deferredEdit(state, document, kept, data.deferred);
  if (state.documents.get(data.uri)?.version !== data.version) throw contentModified('the document changed');
  if (!edit) throw new ResponseError(LSPErrorCodes.RequestFailed, `"${action.title}" turned out not to work here; nothing to apply`);
  return { ...action, edit };
}

/** The action with its edit now, or with `data` to resolve it later (when the client can); undefined when it has no edit. */
async function deferredAction(
  state: ServerState,
  document: TextDocument,
  kept: KeptAnalysis,
  action: CodeAction,
  deferred: Deferred,
): Promise<CodeAction | undefined> {
  if (state.resolvesCodeActionEdits)
    return { ...action, data: { uri: document.uri, version: kept.version, deferred } satisfies DeferredData };
  const edit = await deferredEdit(state, document, kept, deferred);
  return edit ? { ...action, edit } : undefined;
}

/** The edit of a deferred action, computed once per version. */
function deferredEdit(
  state: ServerState,
  document: TextDocument,
  kept: KeptAnalysis,
  deferred: Deferred,
): Promise<WorkspaceEdit | undefined> {
  return derived(kept, JSON.stringify(deferred), async () => {
    if (deferred.kind === 'fixAll') return fixAllEdit(state, document, deferred.rule === undefined ? undefined : [deferred.rule]);
    const finding = kept.analysis.findings[deferred.finding];
    if (!finding) return undefined;
    const edit = await verifiedSuppression(state, kept.analysis, document.languageId, finding, deferred.scope);
    return edit && { changes: { [document.uri]: toLspEdits(document, [edit]) } };
  });
}

/** Whether fix-all would change something for this finding (it has a safe fix that renders here). */
function fixable(analysis: Analysis, finding: Finding): boolean {
  const fix = fixAllFixOf(finding);
  return !!fix && !!analysis.edits(fix)?.length;
}

/** Whether the document may take a comment (its language says; plain JSON, for one, may not). */
function acceptsComments(analysis: Analysis, languageId: string): boolean {
  const language = analysis.language && LANGUAGES[analysis.language];
  if (!analysis.file || !language) return false;
  return !language.acceptsComments || language.acceptsComments(languageId, analysis.file);
}

/**
 * A suppression comment for a finding, offered only when it provably works: the document may take
 * a comment, the edited text still parses as well as before and the finding is gone.
 */
async function verifiedSuppression(state: ServerState, analysis: Analysis, languageId: string, finding: Finding, scope: SuppressionScope) {
  const file = analysis.file;
  const language = analysis.language && LANGUAGES[analysis.language];
  if (!file || !language || !acceptsComments(analysis, languageId)) return undefined;
  const text = analysis.text;
  const edit = suppressionEdit(text, file, language.lineComment, finding.rule, finding.span.start, scope);
  if (!edit) return undefined;
  // A one-off analysis (not keepSyntax): the document's kept tree is not touched.
  const started = Date.now();
  const check = await state.engine.analyze({ uri: analysis.uri, languageId, text: applyEdits(text, [edit]) });
  check.release();
  state.trace(`verified a ${scope} suppression of ${finding.rule} in ${analysis.uri} in ${Date.now() - started} ms`);
  const before = analysis.findings.filter((f) => f.rule === finding.rule).length;
  const after = check.findings.filter((f) => f.rule === finding.rule).length;
  const worse = !file.hasSyntaxErrors && check.file?.hasSyntaxErrors;
  return after < before && !worse ? edit : undefined;
}

/** The finding a diagnostic was made from: by the index it carries, checked against rule and range. */
function findingIndexFor(analysis: Analysis, document: TextDocument, diagnostic: Diagnostic): number | undefined {
  const data = diagnostic.data as DiagnosticData | undefined;
  const sameRange = (span: { start: number; end: number }) => {
    const range = toRange(document, span);
    return (
      range.start.line === diagnostic.range.start.line &&
      range.start.character === diagnostic.range.start.character &&
      range.end.line === diagnostic.range.end.line &&
      range.end.character === diagnostic.range.end.character
    );
  };
  const byIndex = data && data.version === document.version && Number.isInteger(data.index) ? analysis.findings[data.index] : undefined;
  if (byIndex && byIndex.rule === diagnostic.code && sameRange(byIndex.span)) return data!.index;
  const index = analysis.findings.findIndex((f) => f.rule === diagnostic.code && sameRange(f.span));
  return index < 0 ? undefined : index;
}
