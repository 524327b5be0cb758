/** The three output formats of `check`: text for people, JSON for scripts, SARIF for code-scanning UIs. */
import * as path from 'path';
import { PROJECT_URL, ruleDocUrl } from '../batch/model';
import type { Severity } from '../engine/findings';
import { RULES } from '../rules';

export interface Position {
  readonly line: number;
  readonly character: number;
}

/** One finding as the CLI reports it; positions are 0-based, as in LSP. */
export interface ReportedDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: { readonly start: Position; readonly end: Position };
  readonly fixable: boolean;
}

/** The encoding of a file that is not UTF-8, as a diff of it names it (WHATWG labels). */
export type DiffEncoding = 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface FileReport {
  readonly file: string;
  readonly diagnostics: readonly ReportedDiagnostic[];
  /** With `--diff`: the unified diff of what `--fix` would write to the file, when it would change it (as text). */
  readonly diff?: string;
  /**
   * With a `diff`, the file's encoding when it is not UTF-8: the diff's lines are text here, and
   * the file's bytes are those lines in this encoding (the text format writes a Windows-1252
   * file's lines so: `patchBytes` in diff.ts).
   */
  readonly encoding?: DiffEncoding;
}

/** Files with findings (or, with `--diff`, a change), each with its `diff` (and a non-UTF-8 file's `encoding`) when it has one. */
export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(
    reports
      .filter((r) => r.diagnostics.length > 0 || r.diff)
      .map(({ file, diagnostics, diff, encoding }) =>
        diff ? { file, diagnostics, diff, ...(encoding && { encoding }) } : { file, diagnostics },
      ),
    null,
    2,
  );
}

export function formatText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  let total = 0;
  let fixable = 0;
  for (const report of reports) {
    for (const d of report.diagnostics) {
      total++;
      if (d.fixable) fixable++;
      lines.push(`${report.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`);
    }
  }
  if (total === 0) lines.push('No Batch identity problems found.');
  else lines.push(`${total} problem${total === 1 ? '' : 's'}${fixable ? ` (${fixable} fixable with --fix)` : ''}.`);
  return lines.join('\n');
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export function formatSarif(reports: readonly FileReport[], version: string): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const results = reports.flatMap((report) =>
    report.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code),
      level: SARIF_LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toSarifUri(report.file), uriBaseId: path.isAbsolute(report.file) ? undefined : '%SRCROOT%' },
            // SARIF lines and columns are 1-based; columns count UTF-16 code units, as LSP does.
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
      properties: { fixable: d.fixable },
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'batch-identity',
            version,
            informationUri: PROJECT_URL,
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.title },
              helpUri: ruleDocUrl(rule.id),
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
        // With --diff: the whole patch --fix would apply, as a property of the run (SARIF has no place for a unified diff).
        ...(reports.some((r) => r.diff) ? { properties: { diff: reports.map((r) => r.diff ?? '').join('') } } : {}),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

function toSarifUri(file: string): string {
  const normalized = file.split(path.sep).join('/');
  return path.isAbsolute(file) ? `file://${normalized.startsWith('/') ? '' : '/'}${encodeURI(normalized)}` : encodeURI(normalized);
}
