/**
 * The code blocks of a Markdown document for the property tests, found with markdown-it by the
 * tests' own means (independent of server/src/languages/markdown): each block's text as the
 * parser reads it, its language, and a map of its offsets to the document's. The tests judge a
 * fix in a Markdown document by the block it touches, read as a file of the block's language.
 */
import MarkdownIt from 'markdown-it';
import { languageOfFence, languageRow, type CodeLanguageId } from '../../common/languages';

export interface DocumentBlock {
  readonly language: CodeLanguageId;
  /** The block's content, with the document's line breaks. */
  readonly text: string;
  /** The document offset of a block offset; undefined in spaces the parser wrote for a tab. */
  toDocument(offset: number): number | undefined;
  /** The block offset of a document offset; undefined outside the block's content. */
  fromDocument(offset: number): number | undefined;
  /** The block offset of the start of a document line (before its prefix) of the block, or of its closing fence's line. */
  lineStart(offset: number): number | undefined;
  /** The document's text before each content line's content (container prefix, fence indentation). */
  readonly prefixes: readonly string[];
}

const markdown = new MarkdownIt('commonmark');

export function documentBlocks(text: string): DocumentBlock[] {
  const lines: { start: number; end: number; next: number }[] = [];
  for (let start = 0; ;) {
    const m = /\r\n|\r|\n/g;
    m.lastIndex = start;
    const found = m.exec(text);
    if (!found) {
      lines.push({ start, end: text.length, next: text.length });
      break;
    }
    lines.push({ start, end: found.index, next: found.index + found[0].length });
    start = found.index + found[0].length;
  }
  // YAML front matter, which CommonMark does not know, blanked out (its lines kept).
  const lineText = (i: number) => text.slice(lines[i].start, lines[i].end);
  let source = text;
  if (lines.length > 1 && lineText(0).trimEnd() === '---') {
    const close = lines.findIndex((_, i) => i > 0 && ['---', '...'].includes(lineText(i).trimEnd()));
    if (close > 0) source = '\n'.repeat(close + 1) + text.slice(lines[close].next);
  }
  const blocks: DocumentBlock[] = [];
  for (const token of markdown.parse(source, {})) {
    if (token.type !== 'fence' || !token.map) continue;
    const language = languageOfFence(/^[^\s,:?{]*/.exec(token.info.trim())![0]);
    if (!language || languageRow(language).embedsCode) continue;
    const contents = token.content === '' ? [] : token.content.replace(/\n$/, '').split('\n');
    const rows: { blockStart: number; documentStart: number; lineStart: number; synthetic: number; length: number }[] = [];
    const prefixes: string[] = [];
    let blockText = '';
    let ok = true;
    contents.forEach((content, i) => {
      const line = lines[token.map![0] + 1 + i];
      const documentLine = text.slice(line.start, line.end);
      let synthetic = 0;
      while (synthetic <= content.length && !documentLine.endsWith(content.slice(synthetic))) synthetic++;
      if (synthetic > content.length) ok = false;
      const shared = content.length - synthetic;
      rows.push({
        blockStart: blockText.length,
        documentStart: line.end - shared,
        lineStart: line.start,
        synthetic,
        length: content.length + line.next - line.end,
      });
      prefixes.push(documentLine.slice(0, documentLine.length - shared));
      blockText += content + text.slice(line.end, line.next);
    });
    if (!ok) continue;
    const closing = lines[token.map[0] + 1 + contents.length];
    blocks.push({
      language: language as CodeLanguageId,
      text: blockText,
      prefixes,
      toDocument(offset) {
        const row = [...rows].reverse().find((r) => r.blockStart <= offset);
        if (!row || offset > row.blockStart + row.length) return undefined;
        const column = offset - row.blockStart;
        return column < row.synthetic ? undefined : row.documentStart + column - row.synthetic;
      },
      lineStart(offset) {
        const row = rows.find((r) => r.lineStart === offset);
        if (row) return row.blockStart;
        return closing && closing.start === offset && token.map![1] > token.map![0] + 1 + contents.length ? blockText.length : undefined;
      },
      fromDocument(offset) {
        const row = rows.find((r) => offset >= r.documentStart && offset <= r.documentStart + r.length - r.synthetic);
        return row && row.blockStart + row.synthetic + offset - row.documentStart;
      },
    });
  }
  return blocks;
}
