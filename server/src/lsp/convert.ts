/** Findings and edits in LSP terms. */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE } from '../../../common/settings';
import { ruleDocUrl } from '../batch/model';
import type { Span } from '../engine/facts';
import type { Finding, Severity } from '../engine/findings';
import type { TextEdit } from '../engine/language';

export const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function toSpan(document: TextDocument, range: Range): Span {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

/** What a diagnostic carries back to code-action requests: which finding of which version. */
export interface DiagnosticData {
  readonly version: number;
  readonly index: number;
}

/** `ruleDoc`: where the client reads a rule's page (the code link); the online page by default. */
export function toDiagnostic(
  document: TextDocument,
  finding: Finding,
  index: number,
  ruleDoc: (rule: string) => string = ruleDocUrl,
): Diagnostic {
  return {
    range: toRange(document, finding.span),
    severity: LSP_SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDoc(finding.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    tags: finding.deprecated ? [DiagnosticTag.Deprecated] : undefined,
    relatedInformation: finding.related?.map((r) => ({
      location: { uri: document.uri, range: toRange(document, r.span) },
      message: r.message,
    })),
    data: { version: document.version, index } satisfies DiagnosticData,
  };
}

export function toLspEdits(document: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(document, e.span), newText: e.newText }));
}
