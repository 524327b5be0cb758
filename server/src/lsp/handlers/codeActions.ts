/**
 * `textDocument/codeAction`: quick fixes from the findings' fixes, suppression comments verified
 * by re-analysis, "Fix all ⟨rule⟩ problems in this file" for any rule with several fixable
 * findings, and `source.fixAll.batchIdentity`. Nothing here knows a rule or a language.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../../../../common/settings';
import { fixAllFixOf, languageOf, type Analysis, type Engine } from '../../engine/engine';
import { applyEdits } from '../../engine/edits';
import type { Finding } from '../../engine/findings';
import type { TextEdit } from '../../engine/language';
import { LANGUAGES } from '../../engine/languages';
import { suppressionEdit, type SuppressionScope } from '../../engine/suppressions';
import { analysisOf, fixAllEdit } from '../analysis';
import { toLspEdits, toRange, type DiagnosticData } from '../convert';
import type { ServerState } from '../state';

export async function codeActions(state: ServerState, params: CodeActionParams): Promise<CodeAction[]> {
  const document = state.documents.get(params.textDocument.uri);
  if (!document || !languageOf(document.languageId)) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];

  if (wants(FIX_ALL_KIND)) {
    const edit = await fixAllEdit(state, document);
    if (edit) actions.push({ title: 'Fix all Batch identity problems', kind: FIX_ALL_KIND, edit });
    if (only) return actions;
  }
  if (!wants(CodeActionKind.QuickFix)) return actions;

  const analysis = await analysisOf(state, document);
  /** Rules of the findings asked about that fix-all would fix. */
  const fixAllRules = new Set<string>();
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const finding = findingFor(analysis, document, diagnostic);
    if (!finding) continue;
    for (const fix of finding.fixes) {
      const edits = analysis.edits(fix);
      if (!edits) continue;
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [document.uri]: toLspEdits(document, edits) } },
      });
    }
    if (fixAllFixOf(finding)) fixAllRules.add(finding.rule);
    for (const scope of ['line', 'file'] as const) {
      const edit = await verifiedSuppression(state.engine, document, analysis, finding, scope);
      if (!edit) continue;
      actions.push({
        title: scope === 'line' ? `Disable ${finding.rule} for this line` : `Disable ${finding.rule} for the entire file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [document.uri]: toLspEdits(document, [edit]) } },
      });
    }
  }
  // Like vscode-eslint's "Fix all ⟨rule⟩ problems": worth offering beside the single fix only when there are several.
  for (const rule of fixAllRules) {
    if (analysis.findings.filter((f) => f.rule === rule && fixAllFixOf(f)).length < 2) continue;
    const edit = await fixAllEdit(state, document, [rule]);
    if (edit) actions.push({ title: fixAllOfRuleTitle(rule), kind: CodeActionKind.QuickFix, edit });
  }
  return actions;
}

export const fixAllOfRuleTitle = (rule: string) => `Fix all ${rule} problems in this file`;

/**
 * A suppression comment for a finding, offered only when it provably works: the document may take
 * a comment (its language says; plain JSON, for one, may not), the edited text still parses as
 * well as before and the finding is gone.
 */
async function verifiedSuppression(
  engine: Engine,
  document: TextDocument,
  analysis: Analysis,
  finding: Finding,
  scope: SuppressionScope,
): Promise<TextEdit | undefined> {
  const file = analysis.file;
  const language = analysis.language && LANGUAGES[analysis.language];
  if (!file || !language) return undefined;
  const text = document.getText();
  if (language.acceptsComments && !language.acceptsComments(document.languageId, file)) return undefined;
  const edit = suppressionEdit(text, file, language.lineComment, finding.rule, finding.span.start, scope);
  // A one-off analysis (not keepSyntax): the document's kept tree is not touched.
  const check = await engine.analyze({ uri: document.uri, languageId: document.languageId, text: applyEdits(text, [edit]) });
  check.release();
  const before = analysis.findings.filter((f) => f.rule === finding.rule).length;
  const after = check.findings.filter((f) => f.rule === finding.rule).length;
  const worse = !file.hasSyntaxErrors && check.file?.hasSyntaxErrors;
  return after < before && !worse ? edit : undefined;
}

/** The finding a diagnostic was made from: by the index it carries, checked against rule and range. */
function findingFor(analysis: Analysis, document: TextDocument, diagnostic: Diagnostic) {
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
  const byIndex = data && data.version === document.version ? analysis.findings[data.index] : undefined;
  if (byIndex && byIndex.rule === diagnostic.code && sameRange(byIndex.span)) return byIndex;
  return analysis.findings.find((f) => f.rule === diagnostic.code && sameRange(f.span));
}
