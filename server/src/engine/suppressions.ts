/**
 * Suppression comments, in the file's own comment syntax (the syntax tree says what is a comment,
 * so a directive inside a string does nothing):
 *   batch-identity-disable-next-line [rule …]   the next line
 *   batch-identity-disable-file [rule …]        the whole file
 * Without rule ids a directive covers every rule.
 */
import { detectEol, indentationAt, lineStart } from './edits';
import type { Finding } from './findings';
import type { FileAnalysis, SuppressionScope, TextEdit } from './language';

export const DISABLE_NEXT_LINE = 'batch-identity-disable-next-line';
export const DISABLE_FILE = 'batch-identity-disable-file';

export interface Directive {
  readonly kind: 'next-line' | 'file';
  /** Empty: all rules. */
  readonly rules: readonly string[];
  /** The line the directive's comment starts on (0-based). */
  readonly line: number;
  /** Offset just after the rule list inside the comment, where another id can be added. */
  readonly insertAt: number;
}

const DIRECTIVE = /batch-identity-disable-(next-line|file)\b([^\n]*)/g;

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Rule ids after a directive: words made of lower-case letters, digits and dashes, comma or space separated. */
function parseRuleList(rest: string): { rules: string[]; length: number } {
  const match = /^((?:[\s,]+[a-z][a-z0-9-]*)*)/.exec(rest);
  const list = match ? match[1] : '';
  return { rules: list.split(/[\s,]+/).filter(Boolean), length: list.length };
}

export function findDirectives(text: string, file: FileAnalysis): Directive[] {
  const directives: Directive[] = [];
  for (const comment of file.comments('batch-identity-disable')) {
    const body = text.slice(comment.start, comment.end);
    for (const m of body.matchAll(DIRECTIVE)) {
      const { rules, length } = parseRuleList(m[2]);
      const at = comment.start + (m.index ?? 0);
      directives.push({
        kind: m[1] === 'file' ? 'file' : 'next-line',
        rules,
        line: lineOf(text, comment.start),
        insertAt: at + 'batch-identity-disable-'.length + m[1].length + length,
      });
    }
  }
  return directives;
}

function covers(directive: Directive, rule: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(rule);
}

export function applySuppressions(text: string, file: FileAnalysis, findings: Finding[]): Finding[] {
  const directives = findDirectives(text, file);
  if (directives.length === 0) return findings;
  return findings.filter((finding) => {
    const line = lineOf(text, finding.span.start);
    return !directives.some((d) => covers(d, finding.rule) && (d.kind === 'file' || d.line + 1 === line));
  });
}

export type { SuppressionScope };

/**
 * The edit that adds a directive silencing `rule` at `findingStart`: a comment line above it, in
 * its indentation, or at the top of the file (after a shebang or Python coding line). An existing
 * directive of the same kind is extended instead of repeated. A document embedding other
 * languages (Markdown) writes it itself, in the syntax of the code at the finding
 * (`FileAnalysis.suppressionEdit`); undefined when no comment can go there.
 */
export function suppressionEdit(
  text: string,
  file: FileAnalysis,
  lineComment: string | undefined,
  rule: string,
  findingStart: number,
  scope: SuppressionScope,
): TextEdit | undefined {
  if (file.suppressionEdit) return file.suppressionEdit(rule, findingStart, scope);
  if (lineComment === undefined) return undefined;
  const eol = detectEol(text);
  const directives = findDirectives(text, file);
  if (scope === 'line') {
    const findingLine = lineOf(text, findingStart);
    const existing = directives.find((d) => d.kind === 'next-line' && d.line + 1 === findingLine && d.rules.length > 0);
    if (existing) return { span: { start: existing.insertAt, end: existing.insertAt }, newText: `, ${rule}` };
    const start = lineStart(text, findingStart);
    return {
      span: { start, end: start },
      newText: `${indentationAt(text, findingStart)}${lineComment} ${DISABLE_NEXT_LINE} ${rule}${eol}`,
    };
  }
  const existing = directives.find((d) => d.kind === 'file' && d.rules.length > 0);
  if (existing) return { span: { start: existing.insertAt, end: existing.insertAt }, newText: `, ${rule}` };
  let start = 0;
  // Keep a shebang and a Python coding declaration first: they must stay on the first lines.
  for (let line = 0; line < 2; line++) {
    const end = text.indexOf('\n', start);
    const content = text.slice(start, end === -1 ? text.length : end);
    if (end === -1 || !(content.startsWith('#!') || /^#.*coding[:=]/.test(content))) break;
    start = end + 1;
  }
  return { span: { start, end: start }, newText: `${lineComment} ${DISABLE_FILE} ${rule}${eol}` };
}
