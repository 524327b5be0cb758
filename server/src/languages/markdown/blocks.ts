/**
 * The code blocks of a Markdown document, found by a CommonMark parser (markdown-it): fenced
 * blocks whose info string names a language of the table, with an exact map from each block's
 * text (what the parser reads as its content) back to the document.
 *
 * Inside a list item or a blockquote the parser takes each content line without its container
 * prefix (the item's indentation, the quote's `> `) and without the fence's own indentation. The
 * block's text here is those content lines with the document's own line endings; `BlockMap` maps
 * every offset of it to the document, and maps edits back, writing the prefix into each new line.
 */
import MarkdownIt from 'markdown-it';
import { languageOfFence, languageRow, type CodeLanguageId } from '../../../../common/languages';
import type { Span } from '../../engine/facts';
import type { TextEdit } from '../../engine/language';

/** The languages a Markdown code block may be written in: the table's code languages. */
export type EmbeddedLanguageId = CodeLanguageId;

/** A line of the document: where it starts, where its text ends (before the line break) and where the next starts. */
export interface DocumentLine {
  readonly start: number;
  readonly end: number;
  readonly next: number;
}

/** The document's lines, broken at CRLF, LF and CR, as CommonMark (and markdown-it) break them. */
export function documentLines(text: string): DocumentLine[] {
  const lines: DocumentLine[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    lines.push({ start, end: i, next });
    start = next;
    i = next - 1;
  }
  lines.push({ start, end: text.length, next: text.length });
  return lines;
}

/** One content line of a block: where it is in the block's text and in the document. */
interface BlockLine {
  /** Offset of the line in the block's text. */
  readonly blockStart: number;
  /** Its length in the block's text, without the line break. */
  readonly length: number;
  /** Length of its line break (0 on a last line without one). */
  readonly eol: number;
  /** Offset in the document of the first character the block shares with it (after the prefix). */
  readonly documentStart: number;
  /**
   * Characters at the start of the block's line that the document does not have: spaces the
   * parser wrote for a tab it consumed in part (a tab in a list item's indentation). Nothing maps
   * into them.
   */
  readonly synthetic: number;
  /** The document's text before `documentStart` on this line: container prefix and fence indentation. */
  readonly prefix: string;
}

/** A fenced code block in one of the table's languages. */
export interface CodeBlock {
  /** Its position among the document's blocks (0-based), which keys its facts apart from other blocks'. */
  readonly index: number;
  readonly language: EmbeddedLanguageId;
  /** The info string's language word as written (`cs`, `jsonc`). */
  readonly fence: string;
  /** The block's content: its lines as the parser reads them, with the document's line breaks. */
  readonly text: string;
  readonly map: BlockMap;
  /** The document lines of its content: [first, end). */
  readonly lines: { readonly first: number; readonly end: number };
}

/** The first word of an info string, as VS Code's Markdown grammar reads it (`csharp title="x"`, `python{.numbered}`). */
export function fenceWord(info: string): string {
  return /^[^\s,:?{]*/.exec(info.trim())![0];
}

/** The document's YAML front matter: a first line `---` up to a line `---` or `...`; its lines [1, end) and the closing line. */
export function frontMatterLines(lines: readonly DocumentLine[], text: string): { first: number; end: number } | undefined {
  const line = (i: number) => text.slice(lines[i].start, lines[i].end).trimEnd();
  if (lines.length < 2 || line(0) !== '---') return undefined;
  for (let i = 1; i < lines.length; i++) if (line(i) === '---' || line(i) === '...') return { first: 1, end: i };
  return undefined;
}

let markdownParser: InstanceType<typeof MarkdownIt> | undefined;

/**
 * CommonMark's block structure only: the inline markup of prose (links, emphasis) is never needed, and
 * costs most of a parse. Made on first use: a CLI re-scan that reads no Markdown does not pay for it.
 */
function markdown(): InstanceType<typeof MarkdownIt> {
  if (!markdownParser) {
    markdownParser = new MarkdownIt('commonmark');
    markdownParser.core.ruler.disable(['inline', 'text_join']);
  }
  return markdownParser;
}

export interface ParsedMarkdown {
  readonly lines: readonly DocumentLine[];
  /** Every fenced block with an info string of one of the table's languages, in document order. */
  readonly blocks: readonly CodeBlock[];
  /** The inline text of paragraphs, headings and list items (with its markup): what the page says in prose. */
  readonly prose: readonly string[];
  /** The front matter's text, when there is one. */
  readonly frontMatter?: string;
  /** The info strings of every fenced block, whatever its language, in order: what a rewrite must keep. */
  readonly fences: readonly string[];
}

/**
 * Parses a Markdown document. The front matter is blanked out for the parser (its lines kept, so
 * line numbers stay the document's): CommonMark does not know it, and would read `---` as a rule.
 */
export function parseMarkdown(text: string): ParsedMarkdown {
  const lines = documentLines(text);
  const front = frontMatterLines(lines, text);
  const source = front ? '\n'.repeat(front.end + 1) + text.slice(lines[front.end].next) : text;
  const tokens = markdown().parse(source, {});
  const blocks: CodeBlock[] = [];
  const prose: string[] = [];
  const fences: string[] = [];
  let index = 0;
  for (const token of tokens) {
    if (token.type === 'inline') prose.push(token.content);
    if (token.type !== 'fence' || !token.map) continue;
    const contentLines = token.content === '' ? [] : token.content.replace(/\n$/, '').split('\n');
    const first = token.map[0] + 1;
    fences.push(token.info);
    const word = fenceWord(token.info);
    const language = languageOfFence(word);
    // A Markdown sample in Markdown is about Markdown: its own blocks are not read.
    if (!language || languageRow(language).embedsCode) continue;
    const block = codeBlock(text, lines, first, contentLines, token.map[1], {
      index: index++,
      language: language as CodeLanguageId,
      fence: word,
    });
    if (block) blocks.push(block);
  }
  return {
    lines,
    blocks,
    prose,
    frontMatter: front ? text.slice(lines[front.first].start, lines[front.end].start) : undefined,
    fences,
  };
}

/**
 * The block whose content lines are `contentLines` (as the parser wrote them) from document line
 * `first` on, or undefined when a line cannot be found in the document (the parser changed more
 * than its indentation: a NUL it replaced).
 */
function codeBlock(
  text: string,
  lines: readonly DocumentLine[],
  first: number,
  contentLines: readonly string[],
  fenceEnd: number,
  id: Pick<CodeBlock, 'index' | 'language' | 'fence'>,
): CodeBlock | undefined {
  const blockLines: BlockLine[] = [];
  let blockText = '';
  for (let i = 0; i < contentLines.length; i++) {
    const line = lines[first + i];
    if (!line) return undefined;
    const documentLine = text.slice(line.start, line.end);
    const content = contentLines[i];
    // The content is the line's end, but for spaces the parser wrote in place of part of a tab.
    let synthetic = 0;
    while (!documentLine.endsWith(content.slice(synthetic))) {
      if (content.charCodeAt(synthetic) !== 32) return undefined;
      synthetic++;
    }
    const shared = content.length - synthetic;
    const eol = line.next - line.end;
    blockLines.push({
      blockStart: blockText.length,
      length: content.length,
      eol,
      documentStart: line.end - shared,
      synthetic,
      prefix: documentLine.slice(0, documentLine.length - shared),
    });
    blockText += content + text.slice(line.end, line.next);
  }
  const closing = lines[first + contentLines.length];
  // The closing fence's line, when the block has one, is where an insertion at the block's end goes.
  const closingLine = closing && first + contentLines.length < fenceEnd ? text.slice(closing.start, closing.end) : undefined;
  const map = new BlockMap(blockText, blockLines, closingLine === undefined ? undefined : { start: closing.start, text: closingLine });
  return { ...id, text: blockText, map, lines: { first, end: first + contentLines.length } };
}

/** Offsets and edits between a block's text and the document. */
export class BlockMap {
  /** The prefix written into each line an edit adds: the longest any content line has (container and fence indentation). */
  readonly newLinePrefix: string;

  constructor(
    private readonly text: string,
    private readonly lines: readonly BlockLine[],
    private readonly closing: { readonly start: number; readonly text: string } | undefined,
  ) {
    let prefix = '';
    for (const line of lines) if (line.synthetic === 0 && line.prefix.length > prefix.length) prefix = line.prefix;
    this.newLinePrefix = prefix;
  }

  /** The document's range of the block's text: from its first content character to the end of its last line. */
  get documentSpan(): Span {
    const first = this.lines[0];
    const last = this.lines[this.lines.length - 1];
    if (!first) return { start: this.closing?.start ?? 0, end: this.closing?.start ?? 0 };
    return { start: first.documentStart, end: last.documentStart + last.length - last.synthetic + last.eol };
  }

  /** The line holding a block offset (a line's start belongs to it, not to the line before). */
  private lineAt(offset: number): number {
    let low = 0;
    let high = this.lines.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lines[mid].blockStart <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /**
   * The document offset of a block offset, or undefined inside spaces the document does not have,
   * and at the block's very end when there is no closing line to place it on.
   */
  toDocument(offset: number): number | undefined {
    if (offset < 0 || offset > this.text.length) return undefined;
    const last = this.lines[this.lines.length - 1];
    if (offset === this.text.length && (!last || last.eol > 0)) {
      // After the last line break: the closing fence's line, after the prefix new lines get.
      if (!this.closing || !this.closing.text.startsWith(this.newLinePrefix)) return undefined;
      return this.closing.start + this.newLinePrefix.length;
    }
    const line = this.lines[this.lineAt(offset)];
    const column = offset - line.blockStart;
    if (column < line.synthetic) return undefined;
    return line.documentStart + column - line.synthetic;
  }

  /**
   * Where the document line of a block offset at a line's start begins (before its prefix), or
   * undefined when the offset is not at a line's start; after the last line break, the closing
   * fence's line, when there is one.
   */
  private lineStartInDocument(offset: number): number | undefined {
    const last = this.lines[this.lines.length - 1];
    if (offset === this.text.length && (!last || last.eol > 0)) return this.closing?.start;
    const line = this.lines[this.lineAt(offset)];
    return line && line.blockStart === offset && line.synthetic === 0 ? line.documentStart - line.prefix.length : undefined;
  }

  /** The block offset of a document offset, or undefined outside the block's lines (in a prefix, in the fences). */
  fromDocument(offset: number): number | undefined {
    for (const line of this.lines) {
      const shared = line.length - line.synthetic;
      if (offset >= line.documentStart && offset < line.documentStart + shared + line.eol)
        return line.blockStart + line.synthetic + offset - line.documentStart;
    }
    const last = this.lines[this.lines.length - 1];
    if (last && offset === last.documentStart + last.length - last.synthetic + last.eol) return this.text.length;
    return undefined;
  }

  /** A span of the block in the document; undefined when either end does not map. */
  spanToDocument(span: Span): Span | undefined {
    const start = this.toDocument(span.start);
    const end = this.toDocument(span.end);
    return start === undefined || end === undefined ? undefined : { start, end };
  }

  /**
   * An edit of the block's text as an edit of the document: each line it writes gets the block's
   * prefix (a line it leaves empty, the prefix's blank form: `>` in a quote, nothing in a list),
   * so every line stays in the list item or quote; a replacement that joins lines takes their
   * prefixes with it. An edit at the start of a line whose own prefix is not the block's (a blank
   * line) writes that line's prefix anew. Undefined when an end falls where nothing maps, or the
   * edit would join lines across a quote's `>` (no fix there).
   */
  editToDocument(edit: TextEdit): TextEdit | undefined {
    const blank = this.newLinePrefix.trimEnd();
    const prefixed = (line: string) => (line === '' ? blank : this.newLinePrefix + line);
    // Whole lines inserted at a line's start (an import, a directive): inserted before its prefix, each with its own.
    const lineStart = this.lineStartInDocument(edit.span.start);
    if (edit.span.start === edit.span.end && lineStart !== undefined && /(?:\r\n|\r|\n)$/.test(edit.newText)) {
      const lines = edit.newText.split(/(?<=\r\n|\r(?!\n)|\n)/);
      const newText = lines.map((line) => prefixed(line.replace(/\r?\n$|\r$/, '')) + line.slice(line.search(/\r?\n$|\r$/))).join('');
      return { span: { start: lineStart, end: lineStart }, newText };
    }
    const span = this.spanToDocument(edit.span);
    if (!span) return undefined;
    const from = this.lineAt(edit.span.start);
    const to = this.lineAt(edit.span.end);
    for (let i = from + 1; i <= to && i < this.lines.length; i++) {
      const line = this.lines[i];
      if (line.synthetic > 0 || line.prefix.trim() !== '') return undefined;
    }
    // Up to the block's end after a line break: the closing line's prefix goes too.
    const last = this.lines[this.lines.length - 1];
    const toClosing = edit.span.end === this.text.length && edit.span.start < edit.span.end && !!last && last.eol > 0;
    if (toClosing && this.newLinePrefix.trim() !== '') return undefined;

    const first = this.lines[from];
    const rewritesLine =
      !!first &&
      edit.span.start === first.blockStart &&
      first.synthetic === 0 &&
      first.prefix !== this.newLinePrefix &&
      edit.span.start < this.text.length;
    // Whether the rest of the line after the edit is empty: then a line ending the new text is empty too.
    // (At the block's end after a line break, the rest is the closing fence's line.)
    const restEmpty = edit.span.end < this.text.length ? /^(?:\r\n|\r|\n)/.test(this.text.slice(edit.span.end)) : !last || last.eol === 0;
    const parts = edit.newText.split(/(\r\n|\r|\n)/);
    let newText = '';
    for (let i = 0; i < parts.length; i += 2) {
      const isLast = i === parts.length - 1;
      const empty = parts[i] === '' && (!isLast || restEmpty);
      if (i > 0) newText += parts[i - 1] + (empty ? blank : this.newLinePrefix);
      else if (rewritesLine) newText += empty ? blank : this.newLinePrefix;
      newText += parts[i];
    }
    return { span: { start: rewritesLine ? first.documentStart - first.prefix.length : span.start, end: span.end }, newText };
  }
}
