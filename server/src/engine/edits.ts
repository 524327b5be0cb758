/** Text-edit arithmetic shared by fix-all, the CLI and the LSP layer. */
import type { Span } from './facts';
import type { TextEdit } from './language';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.span.start < cursor) throw new Error('overlapping edits');
    out += text.slice(cursor, edit.span.start) + edit.newText;
    cursor = edit.span.end;
  }
  return out + text.slice(cursor);
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;
}

/** Two edits conflict when their spans overlap, or both insert at the same point with different text. */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (sameEdit(a, b)) return false;
  if (a.span.start === a.span.end && b.span.start === b.span.end) return a.span.start === b.span.start;
  return (
    (a.span.start < b.span.end && b.span.start < a.span.end) ||
    (a.span.start === a.span.end && a.span.start > b.span.start && a.span.start < b.span.end) ||
    (b.span.start === b.span.end && b.span.start > a.span.start && b.span.start < a.span.end)
  );
}

/**
 * Accepts groups of edits (one group per fix) in order, skipping any group that conflicts with
 * one already accepted; identical edits (the same import added by two fixes) are kept once. The
 * accepted edits are kept sorted, so each edit is compared with its neighbours only: a fix-all of
 * tens of thousands of findings stays fast.
 */
export function mergeEditGroups(groups: readonly (readonly TextEdit[])[]): { edits: TextEdit[]; accepted: number[] } {
  // Sorted by start; accepted edits do not overlap, so their ends are sorted too.
  const edits: TextEdit[] = [];
  const accepted: number[] = [];
  /** The accepted edits that touch `e`'s span (the only ones that can conflict with it or equal it). */
  const near = (e: TextEdit): TextEdit[] => {
    let low = 0;
    let high = edits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (edits[mid].span.end < e.span.start) low = mid + 1;
      else high = mid;
    }
    const found: TextEdit[] = [];
    for (let i = low; i < edits.length && edits[i].span.start <= e.span.end; i++) found.push(edits[i]);
    return found;
  };
  const insert = (e: TextEdit) => {
    let at = edits.length;
    while (
      at > 0 &&
      (edits[at - 1].span.start > e.span.start || (edits[at - 1].span.start === e.span.start && edits[at - 1].span.end > e.span.end))
    )
      at--;
    edits.splice(at, 0, e);
  };
  groups.forEach((group, index) => {
    if (group.some((e) => near(e).some((a) => conflicts(a, e)))) return;
    for (const e of group) if (!near(e).some((a) => sameEdit(a, e))) insert(e);
    accepted.push(index);
  });
  return { edits, accepted };
}

/** The smallest single edit turning `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { span: { start, end: endBefore }, newText: after.slice(start, endAfter) };
}

export function spanContains(outer: Span, offset: number): boolean {
  return offset >= outer.start && offset <= outer.end;
}

export function spansOverlap(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The file's line ending: the first one found, LF when the file has none. */
export function detectEol(text: string): '\n' | '\r\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}

/** Offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  const nl = text.lastIndexOf('\n', offset - 1);
  return nl + 1;
}

/** The whitespace that begins the line holding `offset`. */
export function indentationAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/**
 * Line-level edits turning `before` into `after` (Myers' O(ND) diff), so a fix-all that took
 * several passes still reaches the editor as small edits that leave unchanged lines, and the
 * markers and cursor on them, alone.
 */
export function diffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = linesKeepingEnds(before);
  const b = linesKeepingEnds(after);
  // Trim the common head and tail first: fixes touch a few lines of big files.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const aMid = a.slice(head, a.length - tail);
  const bMid = b.slice(head, b.length - tail);
  const script = myers(aMid, bMid);

  const offsets: number[] = [0];
  for (const line of a) offsets.push(offsets[offsets.length - 1] + line.length);
  const edits: TextEdit[] = [];
  let i = 0;
  let j = 0;
  let k = 0;
  while (k < script.length) {
    if (script[k] === '=') {
      i++;
      j++;
      k++;
      continue;
    }
    const startLine = i;
    let inserted = '';
    while (k < script.length && script[k] !== '=') {
      if (script[k] === '-') i++;
      else inserted += bMid[j++];
      k++;
    }
    edits.push({ span: { start: offsets[head + startLine], end: offsets[head + i] }, newText: inserted });
  }
  return edits;
}

/** The lines of a text, each with its line ending (the last one may have none). */
export function linesKeepingEnds(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    lines.push(text.slice(start, nl + 1));
    start = nl + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** Edit script over lines: '=' keep, '-' delete from a, '+' insert from b. */
function myers(a: readonly string[], b: readonly string[]): string[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a.length, b.length, max);
    }
  }
  return [];
}

function backtrack(trace: Int32Array[], n: number, m: number, max: number): string[] {
  const script: string[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      script.push('=');
      x--;
      y--;
    }
    if (d > 0) script.push(x === prevX ? '+' : '-');
    x = prevX;
    y = prevY;
  }
  return script.reverse();
}

/**
 * The file's indentation unit, read from its lines: a tab when lines are indented with tabs, else
 * the most frequent increase of leading spaces from one indented line to the next deeper one;
 * `fallback` when no line is indented (an empty file).
 */
export function indentUnitOf(text: string, fallback: string): string {
  const increases = new Map<number, number>();
  let tabs = 0;
  let spaces = 0;
  let previous = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const leading = /^[ \t]*/.exec(line)![0];
    if (leading.startsWith('\t')) {
      tabs++;
      continue;
    }
    const width = leading.length;
    if (width > 0) spaces++;
    if (width > previous) increases.set(width - previous, (increases.get(width - previous) ?? 0) + 1);
    previous = width;
  }
  if (tabs > spaces) return '\t';
  let best = 0;
  let count = 0;
  for (const [increase, n] of increases) if (n > count || (n === count && increase < best)) [best, count] = [increase, n];
  return best > 0 ? ' '.repeat(best) : fallback;
}
