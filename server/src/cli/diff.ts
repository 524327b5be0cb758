/**
 * `check --diff`: what `--fix` would write, as a standard unified diff (`--- a/path`, `+++ b/path`,
 * hunks with three lines of context) that `git apply` and `patch -p1` accept. Lines keep their
 * `\r` (a CRLF file's diff applies to its bytes), a last line without a newline gets `\ No newline
 * at end of file`, and the caller passes texts as the file's bytes read (a UTF-8 BOM included).
 * The line diff is the one the server's fix-all edits come from (`diffEdits`, Myers).
 *
 * A diff is text; `patchBytes` makes the bytes the text format prints. A file that is not UTF-8
 * gets its lines in its own bytes there, as `git diff` (which prints bytes) and `black --diff`
 * (which writes a file's diff in that file's encoding) do: `patch` then writes exactly what
 * `--fix` writes, and the lines read right in the file's encoding.
 */
import { diffEdits, linesKeepingEnds } from '../engine/edits';
import { encodeWindows1252 } from '../workspace/windows1252';
import type { DiffEncoding } from './report';

const CONTEXT = 3;

/** A run of changed lines: old lines [oldStart, oldEnd) replaced by `added`. */
interface Change {
  readonly oldStart: number;
  readonly oldEnd: number;
  readonly added: readonly string[];
}

function changesBetween(before: string, after: string, oldLines: readonly string[]): Change[] {
  const lineAt = new Map<number, number>();
  let offset = 0;
  for (const [i, line] of oldLines.entries()) {
    lineAt.set(offset, i);
    offset += line.length;
  }
  lineAt.set(offset, oldLines.length);
  return diffEdits(before, after).map((edit) => {
    const oldStart = lineAt.get(edit.span.start);
    const oldEnd = lineAt.get(edit.span.end);
    // diffEdits works on whole lines: its spans start and end at line starts.
    if (oldStart === undefined || oldEnd === undefined) throw new Error('a line diff edit that does not start and end at a line');
    return { oldStart, oldEnd, added: linesKeepingEnds(edit.newText) };
  });
}

/** A path as git writes it in a diff header: C-quoted when it holds a quote, a backslash or a control character. */
export function quotePath(name: string): string {
  const special = (code: number) => code < 0x20 || code === 0x7f || code === 0x22 || code === 0x5c;
  if (![...name].some((c) => special(c.charCodeAt(0)))) return name;
  const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
  const escaped = [...name]
    .map((c) => (special(c.charCodeAt(0)) ? (named[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`) : c))
    .join('');
  return `"${escaped}"`;
}

/**
 * The unified diff from `before` to `after` of the file `name` (a path relative to where the patch
 * is applied, `/`-separated), or '' when they are equal. Every line of the result ends in `\n`.
 */
export function unifiedDiff(name: string, before: string, after: string, context = CONTEXT): string {
  if (before === after) return '';
  const oldLines = linesKeepingEnds(before);
  const changes = changesBetween(before, after, oldLines);
  // As git does: a name with a space ends with a tab, where GNU patch stops reading it (else at the space).
  const end = name.includes(' ') ? '\t\n' : '\n';
  const out: string[] = [`--- ${quotePath(`a/${name}`)}${end}`, `+++ ${quotePath(`b/${name}`)}${end}`];
  // Only a file's last line can lack its newline.
  const line = (body: string[], mark: string, text: string) =>
    body.push(text.endsWith('\n') ? mark + text : `${mark}${text}\n\\ No newline at end of file\n`);
  const range = (from: number, count: number) => (count === 1 ? `${from + 1}` : `${count === 0 ? from : from + 1},${count}`);
  // How far the new file's line numbers run ahead of the old file's, before the hunk at hand.
  let shift = 0;
  for (let i = 0; i < changes.length;) {
    // A hunk takes the changes whose contexts touch or overlap.
    let j = i;
    while (j + 1 < changes.length && changes[j + 1].oldStart - changes[j].oldEnd <= 2 * context) j++;
    const oldFrom = Math.max(0, changes[i].oldStart - context);
    const oldTo = Math.min(oldLines.length, changes[j].oldEnd + context);
    const body: string[] = [];
    let cursor = oldFrom;
    let added = 0;
    for (const change of changes.slice(i, j + 1)) {
      for (; cursor < change.oldStart; cursor++) line(body, ' ', oldLines[cursor]);
      for (; cursor < change.oldEnd; cursor++) line(body, '-', oldLines[cursor]);
      for (const text of change.added) line(body, '+', text);
      added += change.added.length - (change.oldEnd - change.oldStart);
    }
    for (; cursor < oldTo; cursor++) line(body, ' ', oldLines[cursor]);
    const oldCount = oldTo - oldFrom;
    out.push(`@@ -${range(oldFrom, oldCount)} +${range(oldFrom + shift, oldCount + added)} @@\n`, ...body);
    shift += added;
    i = j + 1;
  }
  return out.join('');
}

/**
 * A file's diff as the text format prints it: its header (the `---` and `+++` lines, a path of
 * the file system, UTF-8) and then its hunks in the file's own bytes — a Windows-1252 file's
 * in Windows-1252 (every line of a fix of it can be, or `--fix` and `--diff` refuse it first).
 * UTF-16 lines cannot be patched as lines of bytes: they stay UTF-8 text (with a note, checker.ts).
 */
export function patchBytes(diff: string, encoding?: DiffEncoding): Buffer {
  if (encoding !== 'windows-1252') return Buffer.from(diff, 'utf8');
  const headerEnd = diff.indexOf('\n', diff.indexOf('\n') + 1) + 1;
  const hunks = encodeWindows1252(diff.slice(headerEnd));
  if ('unencodable' in hunks) throw new Error(`a Windows-1252 file's diff holds '${hunks.unencodable}'`);
  return Buffer.concat([Buffer.from(diff.slice(0, headerEnd), 'utf8'), hunks.bytes]);
}
