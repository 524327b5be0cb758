/**
 * Text-level plumbing every adapter shares (JSON included): blank and identifier characters, the
 * one whole-word search, and the span a removal takes so that no blank line or stray space is left.
 * The syntax tree decides what an occurrence is; these only find where to ask.
 */
import { lineStart } from '../../engine/edits';
import type { Span } from '../../engine/facts';

/** Only spaces, tabs and carriage returns (what is left of a line once code is taken out of it). */
export function isBlank(s: string): boolean {
  return /^[ \t\r]*$/.test(s);
}

/**
 * A character that can continue an identifier: ASCII letters, digits, `_`, Java's `$`, and
 * anything beyond ASCII (the languages' Unicode letters). `$` is not an identifier character in C#
 * or Python, where it only stands in strings and before C#'s interpolated strings: no word search
 * starts or ends there.
 */
export function isIdentifierChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36 || code > 127
  );
}

/** Offset of the line break ending the line holding `offset` (the text's length on the last line). */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
}

/** How a language lays out what is left around a removal. */
export interface RemovalStyle {
  /**
   * Code stays before the removal and nothing after it on its line: take the spaces before it too,
   * so no trailing spaces are left (C#, Java statements).
   */
  readonly trimSpacesBefore?: boolean;
  /** A line comment that follows the removal keeps its distance from the code before it (`x = f(a)  # why`). */
  readonly lineComment?: string;
}

/**
 * The span removing [start, end) should take: whole lines when nothing else is on them (no blank
 * line is left); otherwise the spaces after the removed text up to what follows it, so
 * `{"a": 1, "x": 2}` keeps one space (spaces running to the end of the line stay, unless the
 * style trims the ones before).
 */
export function removalSpan(text: string, start: number, end: number, style: RemovalStyle = {}): Span {
  const from = lineStart(text, start);
  const stop = lineEnd(text, end);
  const codeBefore = !isBlank(text.slice(from, start));
  const codeAfter = !isBlank(text.slice(end, stop));
  if (!codeBefore && !codeAfter) return { start: from, end: stop < text.length ? stop + 1 : stop };
  if (!codeAfter && style.trimSpacesBefore) {
    let s = start;
    while (s > from && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
    return { start: s, end };
  }
  let after = end;
  while (text[after] === ' ' || text[after] === '\t') after++;
  if (after >= stop) return { start, end };
  if (codeBefore && style.lineComment && text.startsWith(style.lineComment, after)) return { start, end };
  return { start, end: after };
}

/** Distinct words searched one by one before the whole-text index is built. */
const INDEX_AFTER_LOOKUPS = 48;

/**
 * Whole-word occurrences in one text (a word not part of a longer identifier), for one analysis.
 * A few words (the usual file): a native search each, remembered. Many words (every variable of a
 * big file resolved): one pass indexes every identifier-shaped word, so the look-ups stay linear
 * in the text instead of one scan per name.
 */
export class Words {
  private readonly searched = new Map<string, number[]>();
  private index: Map<string, number[]> | undefined;

  constructor(readonly text: string) {}

  /** Offsets of `word`'s whole-word occurrences, in order. */
  of(word: string): readonly number[] {
    // A MISSING identifier (error recovery) has an empty name: searching for '' would never advance.
    if (word === '') return [];
    if (this.index) return this.index.get(word) ?? [];
    let found = this.searched.get(word);
    if (found) return found;
    if (this.searched.size >= INDEX_AFTER_LOOKUPS) {
      this.index = this.build();
      return this.index.get(word) ?? [];
    }
    this.searched.set(word, (found = this.scan(word)));
    return found;
  }

  /** Offsets of `word`'s whole-word occurrences that lie within [start, end). */
  within(word: string, start: number, end: number): readonly number[] {
    const all = this.of(word);
    let low = 0;
    let high = all.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (all[mid] < start) low = mid + 1;
      else high = mid;
    }
    const found: number[] = [];
    for (let i = low; i < all.length && all[i] + word.length <= end; i++) found.push(all[i]);
    return found;
  }

  private scan(word: string): number[] {
    const text = this.text;
    const found: number[] = [];
    for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + word.length)) {
      if (isIdentifierChar(text.charCodeAt(i - 1)) || isIdentifierChar(text.charCodeAt(i + word.length))) continue;
      found.push(i);
    }
    return found;
  }

  private build(): Map<string, number[]> {
    const index = new Map<string, number[]>();
    const text = this.text;
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      const inWord = i < text.length && isIdentifierChar(text.charCodeAt(i));
      if (inWord && start < 0) start = i;
      else if (!inWord && start >= 0) {
        // A word starting with a digit is a number, never a name searched for.
        const first = text.charCodeAt(start);
        if (!(first >= 48 && first <= 57)) {
          const word = text.slice(start, i);
          const list = index.get(word);
          if (list) list.push(start);
          else index.set(word, [start]);
        }
        start = -1;
      }
    }
    return index;
  }
}
