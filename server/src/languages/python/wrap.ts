/**
 * Lines a Python fix writes, wrapped the way black wraps a line that is too long, for projects
 * whose tooling sets a line length (FileFormat.maxLineLength). Only the statement the fix rewrites
 * is laid out, from its tokens (read from the syntax tree by plan.ts while it was alive, and the
 * fix's own): each token's text is kept as written, only the breaks between them change.
 *
 * black's steps, as far as a rewritten statement needs them (black's `linegen.py`):
 * - a line that fits stays as it is;
 * - right-hand split: the last bracket pair of the line becomes head `f(`, body, tail `)`; the body
 *   goes one level deeper, on one line when it fits and has no "magic" trailing comma;
 * - a body that does not fit is split at its own commas, one element per line, and gets a trailing
 *   comma (the magic trailing comma, which keeps black from joining it again); without commas,
 *   a conditional expression is split before `if` and `else`; otherwise its own last bracket pair
 *   is split in turn.
 * A line that cannot be split further stays long, as black leaves it.
 */

/** A token of a statement: where it is in the file, and what it is to the layout. */
export interface StatementToken {
  readonly start: number;
  readonly end: number;
  readonly kind: TokenKind;
  /**
   * For brackets and commas: the syntax node they belong to. A comma separates the elements of a
   * bracket pair only when both belong to the same node (not a lambda's parameters, not a
   * comprehension's targets).
   */
  readonly owner?: number;
  /** For an opening bracket: a collection literal (list, dict, set, tuple), which black splits one element per line whenever it splits it. */
  readonly collection?: boolean;
}

export type TokenKind = 'open' | 'close' | 'comma' | 'ternary' | 'comment' | 'other';

/** A token to lay out: its text, and the text before it when it stays on the line of the previous one. */
export interface LayoutToken {
  readonly text: string;
  readonly gap: string;
  readonly kind: TokenKind;
  readonly owner?: number;
  readonly collection?: boolean;
}

export interface Layout {
  readonly maxLineLength: number;
  /** One level of indentation (four spaces, a tab, …). */
  readonly indentUnit: string;
}

/** The text of tokens on one line. */
export function flat(tokens: readonly LayoutToken[]): string {
  let out = '';
  tokens.forEach((t, i) => (out += (i === 0 ? '' : t.gap) + t.text));
  return out;
}

/** The line's width as the tools count it: characters (a tab is one, as pycodestyle counts). */
function width(line: string): number {
  return [...line].length;
}

/**
 * The lines of a statement (or part of one) at `indent`, each with its indentation. `inside` is
 * true for a line inside brackets (which may be split at its commas), and `owner` is the node of
 * those brackets.
 */
export function layOut(
  tokens: readonly LayoutToken[],
  indent: string,
  layout: Layout,
  inside = false,
  owner?: number,
  endsBrackets = false,
): string[] {
  const line = indent + flat(tokens);
  if (width(line) <= layout.maxLineLength) return [line];
  if (inside) {
    const pieces = delimiterSplit(tokens, owner);
    if (pieces) {
      // The whole content of its brackets split at its commas: the last element gets the magic trailing comma.
      const last = pieces[pieces.length - 1];
      const atCommas = pieces[0].some((t) => t.kind === 'comma' && t.owner === owner);
      if (endsBrackets && atCommas && !last.some((t) => t.kind === 'comma' && t.owner === owner))
        pieces[pieces.length - 1] = [...last, { text: ',', gap: '', kind: 'comma', owner }];
      return pieces.flatMap((piece) => layOut(piece, indent, layout, true, owner));
    }
  }
  const split = rightHandSplit(tokens);
  if (!split) return [line];
  const { head, body, tail, open } = split;
  const bodyIndent = indent + layout.indentUnit;
  const elements = elementsOf(body, open.owner);
  let bodyLines: string[];
  const magicTrailingComma = elements.trailingComma;
  const oneLine = bodyIndent + flat(body);
  // black keeps a call's arguments on one line when they fit; a collection literal with commas never.
  const exploded = magicTrailingComma || (!!open.collection && elements.pieces.length > 1);
  if (!exploded && width(oneLine) <= layout.maxLineLength) bodyLines = [oneLine];
  else if (elements.pieces.length > 1 || magicTrailingComma) {
    // One element per line, with the magic trailing comma.
    const pieces = elements.pieces.map((piece, i) =>
      i < elements.pieces.length - 1 || magicTrailingComma
        ? piece
        : [...piece, { text: ',', gap: '', kind: 'comma' as const, owner: open.owner }],
    );
    bodyLines = pieces.flatMap((piece) => layOut(piece, bodyIndent, layout, true, open.owner));
  } else bodyLines = layOut(body, bodyIndent, layout, true, open.owner);
  return [indent + flat(head), ...bodyLines, indent + flat(tail)];
}

/**
 * The line split at its commas (those of `owner`'s brackets, at its own depth), each piece ending
 * with its comma; or, without such commas, before each `if` and `else` of a conditional at its
 * depth. Undefined when that leaves the line as it was.
 */
function delimiterSplit(tokens: readonly LayoutToken[], owner: number | undefined): LayoutToken[][] | undefined {
  const { pieces } = elementsOf(tokens, owner);
  if (pieces.length > 1) return pieces;
  const ternary: LayoutToken[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === 'close') depth--;
    if (depth === 0 && token.kind === 'ternary' && ternary[ternary.length - 1].length > 0) ternary.push([]);
    ternary[ternary.length - 1].push(token);
    if (token.kind === 'open') depth++;
  }
  return ternary.length > 1 ? ternary : undefined;
}

/** A bracket body's elements (each with its comma, if any), and whether the last comma ends it. */
function elementsOf(tokens: readonly LayoutToken[], owner: number | undefined): { pieces: LayoutToken[][]; trailingComma: boolean } {
  const pieces: LayoutToken[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === 'close') depth--;
    pieces[pieces.length - 1].push(token);
    if (token.kind === 'open') depth++;
    if (depth === 0 && token.kind === 'comma' && owner !== undefined && token.owner === owner) pieces.push([]);
  }
  const last = pieces[pieces.length - 1];
  // A comment after the last comma belongs to the last element's line.
  if (last.length > 0 && last.every((t) => t.kind === 'comment') && pieces.length > 1) {
    pieces[pieces.length - 2].push(...last);
    last.length = 0;
  }
  const trailingComma = pieces.length > 1 && last.length === 0;
  if (last.length === 0) pieces.pop();
  return { pieces, trailingComma };
}

/** The last bracket pair of a line: the head up to its opening bracket, the body, and the tail from its closing bracket. */
function rightHandSplit(
  tokens: readonly LayoutToken[],
): { head: LayoutToken[]; body: LayoutToken[]; tail: LayoutToken[]; open: LayoutToken } | undefined {
  let close = tokens.length - 1;
  while (close >= 0 && tokens[close].kind !== 'close') close--;
  if (close < 0) return undefined;
  let depth = 0;
  let open = close;
  for (; open >= 0; open--) {
    if (tokens[open].kind === 'close') depth++;
    else if (tokens[open].kind === 'open' && --depth === 0) break;
  }
  // An empty pair (`f()`) cannot be split; a comment inside the pair would be moved onto code.
  if (open < 0 || close === open + 1 || tokens.slice(open + 1, close).some((t) => t.kind === 'comment')) return undefined;
  return {
    head: tokens.slice(0, open + 1),
    body: tokens.slice(open + 1, close).map((t, i) => (i === 0 ? { ...t, gap: '' } : t)),
    tail: tokens.slice(close).map((t, i) => (i === 0 ? { ...t, gap: '' } : t)),
    open: tokens[open],
  };
}

/** The indentation unit of PEP 8, for a file that shows none and has no .editorconfig saying one. */
export const PEP8_INDENT = '    ';
