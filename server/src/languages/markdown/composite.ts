/**
 * The text a code block is analysed as: the block's own text, maybe wrapped so the grammar
 * accepts a fragment (`{` … `}` around JSON members), after a prelude of imports (other blocks'
 * import lines, or synthetic ones). Pieces of it are taken from blocks of the document; the rest
 * is ours and never reaches a fact or an edit.
 */
import type { Span } from '../../engine/facts';
import type { TextEdit } from '../../engine/language';
import type { CodeBlock } from './blocks';

/** Text of our own, or a span of a block's text. */
export type Part = string | { readonly block: CodeBlock; readonly span: Span };

interface Piece {
  readonly start: number;
  readonly end: number;
  /** The block the piece is taken from and where in its text; none for text of our own. */
  readonly block?: CodeBlock;
  readonly blockStart?: number;
}

/** A position or a range of one block's text. */
export interface InBlock<T> {
  readonly block: CodeBlock;
  readonly value: T;
}

export class CompositeText {
  readonly text: string;
  private readonly pieces: readonly Piece[];

  constructor(parts: readonly Part[]) {
    let text = '';
    const pieces: Piece[] = [];
    for (const part of parts) {
      const piece = typeof part === 'string' ? part : part.block.text.slice(part.span.start, part.span.end);
      if (piece === '') continue;
      pieces.push(
        typeof part === 'string'
          ? { start: text.length, end: text.length + piece.length }
          : { start: text.length, end: text.length + piece.length, block: part.block, blockStart: part.span.start },
      );
      text += piece;
    }
    this.text = text;
    this.pieces = pieces;
  }

  /**
   * The block range a range of this text is. A range must lie in one piece taken from a block. An
   * insertion between two pieces goes to the end of the one before when that is a block's (an
   * import added after other blocks' imports lands in their block), else to the start of the one
   * after.
   */
  toBlock(span: Span): InBlock<Span> | undefined {
    const inPiece = (piece: Piece | undefined): InBlock<Span> | undefined =>
      piece?.block && piece.blockStart !== undefined
        ? {
            block: piece.block,
            value: { start: piece.blockStart + span.start - piece.start, end: piece.blockStart + span.end - piece.start },
          }
        : undefined;
    if (span.start === span.end) {
      const p = span.start;
      return (
        inPiece(this.pieces.find((x) => x.start < p && p < x.end)) ??
        inPiece(this.pieces.find((x) => x.end === p && x.block)) ??
        inPiece(this.pieces.find((x) => x.start === p && x.block))
      );
    }
    const piece = this.pieces.find((x) => x.start <= span.start && span.start < x.end);
    return piece && span.end <= piece.end ? inPiece(piece) : undefined;
  }

  /** An edit of this text as an edit of one block's text; undefined when it touches text of our own. */
  editToBlock(edit: TextEdit): InBlock<TextEdit> | undefined {
    const inBlock = this.toBlock(edit.span);
    return inBlock && { block: inBlock.block, value: { span: inBlock.value, newText: edit.newText } };
  }

  /** Where an offset of `block`'s text is in this text, when the block's text is here. */
  fromBlock(block: CodeBlock, offset: number): number | undefined {
    for (const piece of this.pieces) {
      if (piece.block !== block || piece.blockStart === undefined) continue;
      const at = piece.start + offset - piece.blockStart;
      if (at >= piece.start && at <= piece.end) return at;
    }
    return undefined;
  }
}
