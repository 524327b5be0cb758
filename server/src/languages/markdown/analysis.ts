/**
 * One Markdown document's analysis, made of its code blocks' analyses by their own languages:
 * facts with every span mapped into the document (and dropped when it lies in text of our own),
 * fixes rendered by the block's language and mapped back, comments, and suppression directives
 * written in the block's comment syntax. A rewrite is checked before it is offered: the document
 * must keep every fence and every line outside the code blocks, and each block it touches must read
 * back as exactly the block's text with the language's edits applied.
 */
import { LANGUAGE_TABLE } from '../../../../common/languages';
import { applyEdits } from '../../engine/edits';
import { emptyFacts, type Facts, type Span } from '../../engine/facts';
import type { FixIntent } from '../../engine/findings';
import { spanKey, type BrokenSyntax, type FileAnalysis, type SuppressionScope, type TextEdit } from '../../engine/language';
import { suppressionEdit } from '../../engine/suppressions';
import { parseMarkdown, type CodeBlock, type ParsedMarkdown } from './blocks';
import type { CompositeText } from './composite';

/** A code block and the analysis of the text it was analysed as. */
export interface AnalysedBlock {
  readonly block: CodeBlock;
  readonly composite: CompositeText;
  readonly file: FileAnalysis;
}

/** The analysis of a Markdown document; `evidence`: whether the document is about Batch (evidence.ts). */
export function markdownAnalysis(text: string, parsed: ParsedMarkdown, blocks: readonly AnalysedBlock[], evidence: boolean): FileAnalysis {
  const mapping = new FactMapping();
  // Samples: their named users resolve among their own accounts, which are not the workspace's.
  const facts: Facts = { ...emptyFacts(), standalone: true };
  const broken = new Map<string, BrokenSyntax>();
  for (const analysed of blocks) {
    const toDocument = (span: Span) => {
      const inBlock = analysed.composite.toBlock(span);
      return inBlock?.block === analysed.block ? analysed.block.map.spanToDocument(inBlock.value) : undefined;
    };
    const mapped = mapping.facts(analysed, toDocument);
    for (const kind of Object.keys(mapped) as (keyof Facts)[]) {
      const list = mapped[kind];
      if (!Array.isArray(list) || !Array.isArray(facts[kind])) continue;
      // Without evidence of Batch in the document, only what the code alone proves is kept.
      const kept = evidence ? list : list.filter((fact) => (fact as { confidence?: string }).confidence !== 'weak');
      (facts[kind] as unknown[]).push(...kept);
    }
    for (const [key, state] of analysed.file.brokenSyntax ?? []) {
      const [start, end] = key.split(':').map(Number);
      const span = toDocument({ start, end });
      if (span) broken.set(spanKey(span), state);
    }
  }

  const blockAt = (offset: number) =>
    blocks.find(({ block }) => {
      const span = block.map.documentSpan;
      return offset >= span.start && offset <= span.end;
    });
  const commentCache = new Map<string, Span[]>();
  const comments = (needle: string): Span[] => {
    let spans = commentCache.get(needle);
    if (!spans) {
      spans = blocks.flatMap((analysed) => ownComments(analysed, needle).flatMap((span) => analysed.block.map.spanToDocument(span) ?? []));
      commentCache.set(needle, spans);
    }
    return spans;
  };
  // Asked now, while the blocks' trees are alive: a kept analysis is asked later, after they are freed.
  comments('batch-identity-disable');

  return {
    facts,
    hasSyntaxErrors: blocks.some((b) => b.file.hasSyntaxErrors),
    brokenSyntax: broken,
    comments,
    languageAt: (offset) => blockAt(offset)?.block.language,
    render(intent) {
      const found = mapping.intent(intent);
      if (!found) return undefined;
      const edits = found.analysed.file.render(found.intent);
      if (!edits) return undefined;
      const byBlock = new Map<CodeBlock, TextEdit[]>();
      for (const edit of edits) {
        const inBlock = found.analysed.composite.editToBlock(edit);
        if (!inBlock) return undefined;
        byBlock.set(inBlock.block, [...(byBlock.get(inBlock.block) ?? []), inBlock.value]);
      }
      return documentEdits(text, parsed, byBlock);
    },
    suppressionEdit(rule: string, findingStart: number, scope: SuppressionScope) {
      const analysed = blockAt(findingStart);
      const lineComment = analysed && LANGUAGE_TABLE[analysed.block.language].lineComment;
      const start = analysed?.block.map.fromDocument(findingStart);
      if (!analysed || lineComment === undefined || start === undefined) return undefined;
      const { block } = analysed;
      // A `json` block takes a comment only when it has some already (as a .json file); `jsonc` always.
      const jsonWithoutComments =
        block.language === 'json' &&
        block.fence.toLowerCase() !== 'jsonc' &&
        ownComments(analysed, '//').length + ownComments(analysed, '/*').length === 0;
      if (jsonWithoutComments) return undefined;
      // The block as a file of its language: the directive goes above the line, or at the block's top.
      const view: FileAnalysis = {
        facts: analysed.file.facts,
        hasSyntaxErrors: analysed.file.hasSyntaxErrors,
        render: () => undefined,
        comments: (needle) => ownComments(analysed, needle),
      };
      const edit = suppressionEdit(block.text, view, lineComment, rule, start, scope);
      return edit && documentEdits(text, parsed, new Map([[block, [edit]]]))?.[0];
    },
  };
}

/** A block's comments containing `needle`, as spans of the block's text (not the text of our own around it). */
function ownComments(analysed: AnalysedBlock, needle: string): Span[] {
  return analysed.file.comments(needle).flatMap((span) => {
    const inBlock = analysed.composite.toBlock(span);
    return inBlock?.block === analysed.block ? [inBlock.value] : [];
  });
}

/**
 * The document edits for edits of blocks' texts, or undefined unless every one maps and the
 * document reads back as it must: the same fences and the same lines outside the code blocks, and
 * each edited block exactly its text with its edits applied.
 */
function documentEdits(text: string, parsed: ParsedMarkdown, byBlock: ReadonlyMap<CodeBlock, readonly TextEdit[]>): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const [block, blockEdits] of byBlock) {
    for (const edit of blockEdits) {
      const mapped = block.map.editToDocument(edit);
      if (!mapped) return undefined;
      edits.push(mapped);
    }
  }
  let after: string;
  try {
    after = applyEdits(text, edits);
  } catch {
    return undefined; // overlapping edits
  }
  const reparsed = parseMarkdown(after);
  if (reparsed.fences.length !== parsed.fences.length || reparsed.fences.some((info, i) => info !== parsed.fences[i])) return undefined;
  if (outsideBlocks(after, reparsed) !== outsideBlocks(text, parsed)) return undefined;
  for (const [block, blockEdits] of byBlock) {
    if (reparsed.blocks.find((b) => b.index === block.index)?.text !== applyEdits(block.text, blockEdits)) return undefined;
  }
  return edits;
}

/** The document's lines outside the code blocks' content (other fences' content included), with their line breaks. */
function outsideBlocks(text: string, parsed: ParsedMarkdown): string {
  let out = '';
  let line = 0;
  for (const { lines } of parsed.blocks) {
    for (; line < lines.first; line++) out += text.slice(parsed.lines[line].start, parsed.lines[line].next);
    line = Math.max(line, lines.end);
    out += '\u0000'; // a block's place
  }
  for (; line < parsed.lines.length; line++) out += text.slice(parsed.lines[line].start, parsed.lines[line].next);
  return out;
}

const DROPPED = Symbol('dropped');

/**
 * Facts of blocks mapped into the document, and fix intents mapped back. Facts are walked
 * generically, so that the fact types can grow without this file knowing: every span (an object
 * of exactly `start` and `end`) is mapped, a fact with a span that does not map is dropped, and
 * every `key` (holder and pool keys, which say two facts concern the same object) is made the
 * block's own, as blocks are separate samples. Objects shared between facts stay shared.
 */
class FactMapping {
  /** Mapped object → the block's own, and the block it came from. */
  private readonly originals = new WeakMap<object, { readonly original: object; readonly analysed: AnalysedBlock }>();

  facts(analysed: AnalysedBlock, toDocument: (span: Span) => Span | undefined): Facts {
    const memo = new Map<object, unknown>();
    const walk = (value: unknown): unknown => {
      if (value === null || typeof value !== 'object') return value;
      if (memo.has(value)) return memo.get(value);
      let mapped: unknown;
      if (isSpan(value)) mapped = toDocument(value) ?? DROPPED;
      else if (Array.isArray(value)) {
        const items = value.map(walk);
        mapped = items.includes(DROPPED) ? DROPPED : items;
      } else {
        const out: Record<string, unknown> = {};
        for (const [key, field] of Object.entries(value)) {
          const walked = key === 'key' && typeof field === 'string' ? `${analysed.block.index}:${field}` : walk(field);
          if (walked === DROPPED) {
            mapped = DROPPED;
            break;
          }
          out[key] = walked;
        }
        mapped ??= out;
      }
      memo.set(value, mapped);
      if (mapped !== DROPPED && typeof mapped === 'object' && mapped) this.originals.set(mapped, { original: value, analysed });
      return mapped;
    };
    const source = analysed.file.facts;
    const out: Record<string, unknown> = {};
    for (const [kind, list] of Object.entries(source)) {
      out[kind] = Array.isArray(list) ? list.map(walk).filter((fact) => fact !== DROPPED) : list;
    }
    return out as unknown as Facts;
  }

  /** An intent made of mapped facts, as the block's language made them; undefined when it mixes blocks or a span does not map. */
  intent(intent: FixIntent): { analysed: AnalysedBlock; intent: FixIntent } | undefined {
    let analysed: AnalysedBlock | undefined;
    const find = (value: unknown): void => {
      if (analysed || value === null || typeof value !== 'object') return;
      const known = this.originals.get(value);
      if (known) analysed = known.analysed;
      else for (const field of Object.values(value)) find(field);
    };
    find(intent);
    if (!analysed) return undefined;
    const { block, composite } = analysed;
    let mixed = false;
    const walk = (value: unknown): unknown => {
      if (value === null || typeof value !== 'object') return value;
      const known = this.originals.get(value);
      if (known) {
        if (known.analysed !== analysed) mixed = true;
        return known.original;
      }
      if (isSpan(value)) {
        // A span a rule made: back through the block into the analysed text.
        const start = block.map.fromDocument(value.start);
        const end = block.map.fromDocument(value.end);
        const from = start === undefined ? undefined : composite.fromBlock(block, start);
        const to = end === undefined ? undefined : composite.fromBlock(block, end);
        if (from === undefined || to === undefined) mixed = true;
        return { start: from ?? 0, end: to ?? 0 };
      }
      if (Array.isArray(value)) return value.map(walk);
      return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, walk(field)]));
    };
    const original = walk(intent) as FixIntent;
    return mixed ? undefined : { analysed, intent: original };
  }
}

function isSpan(value: object): value is Span {
  const keys = Object.keys(value);
  return (
    keys.length === 2 &&
    typeof (value as Span).start === 'number' &&
    typeof (value as Span).end === 'number' &&
    keys.includes('start') &&
    keys.includes('end')
  );
}
