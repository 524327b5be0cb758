/**
 * Markdown: the code blocks of a document, each analysed by the language its fence names (`cs`,
 * `java`, `py`, `jsonc`…) through that language's own support, with every fact, edit and comment
 * mapped between the block and the document. Prose, tables and inline code are never read.
 *
 * Documentation shows fragments: statements without a class, JSON members without their braces,
 * code whose imports are in another block or nowhere. A block is analysed as the first text of
 * these the grammar reads without a syntax error (else the first): the block as it is, or wrapped
 * (a class around members, `;` after an expression, braces around JSON members); a block that
 * does not import Batch itself comes after the other blocks' imports of its language and, when the
 * document is about Batch (evidence.ts) but none of those imports is Batch's, after synthetic
 * imports of the Batch models (imports.ts). Nothing of ours reaches a fact or an edit. Without evidence that the
 * document is about Batch, findings of weak evidence are dropped: only code that shows it is
 * Batch's by itself (its own imports, a REST body's shape) is reported.
 *
 * Blocks are separate samples: a variable declared in one block is unknown in the next (its
 * finding has the severity of weak evidence), their holder and pool keys are kept apart, and the
 * document is its own workspace (`Facts.standalone`): its accounts resolve its own named users and
 * are not indexed for the workspace, and the workspace's accounts and C# global usings do not
 * reach it.
 */
import { detectEol } from '../../engine/edits';
import type { FileAnalysis, LanguageSupport } from '../../engine/language';
import { markdownAnalysis, type AnalysedBlock } from './analysis';
import { parseMarkdown, type CodeBlock, type EmbeddedLanguageId, type ParsedMarkdown } from './blocks';
import { CompositeText, type Part } from './composite';
import { documentNamesBatch } from './evidence';
import { hasImports, importsOf, syntheticPrelude, type BlockImports } from './imports';

export type { EmbeddedLanguageId };

/** The languages a block may be written in, by the engine's supports. */
export type EmbeddedLanguages = Readonly<Record<EmbeddedLanguageId, LanguageSupport<unknown>>>;

/** A parsed document: its blocks, and for each block to analyse the candidate texts, parsed. */
export interface MarkdownSyntax {
  readonly text: string;
  readonly parsed: ParsedMarkdown;
  readonly evidence: boolean;
  readonly blocks: readonly BlockCandidates[];
  /** The analysis, made once (the engine analyses a parse once; a second call gets the same). */
  analysis?: FileAnalysis;
}

interface BlockCandidates {
  readonly block: CodeBlock;
  readonly language: LanguageSupport<unknown>;
  /** In order of preference; `syntax` is freed (undefined) once the block's text is chosen. */
  readonly candidates: { readonly composite: CompositeText; syntax: unknown }[];
}

/** Fragments wrapped so the grammar reads them, in order of preference after the block as it is. `\n` is the document's line break. */
const WRAPPERS: Record<EmbeddedLanguageId, readonly { readonly open: string; readonly close: string }[]> = {
  // Members without their class; an expression without its `;` (`UserIdentity = new UserIdentity(…)`).
  csharp: [
    { open: 'class BatchIdentitySample\n{\n', close: '\n}\n' },
    { open: '', close: '\n;\n' },
  ],
  java: [
    { open: 'class BatchIdentitySample {\n', close: '\n}\n' },
    { open: '', close: '\n;\n' },
  ],
  // tree-sitter reads indented statements at the top level as they are.
  python: [],
  // Members without their object, elements without their array.
  json: [
    { open: '{\n', close: '\n}\n' },
    { open: '[\n', close: '\n]\n' },
  ],
  // Properties without their object (`startTask: {…}`), elements without their array.
  typescript: [
    { open: '({\n', close: '\n});\n' },
    { open: '[\n', close: '\n];\n' },
  ],
};

export function markdownLanguage(embedded: EmbeddedLanguages): LanguageSupport<MarkdownSyntax> {
  const languages = Object.keys(embedded) as EmbeddedLanguageId[];
  return {
    id: 'markdown',
    // Its blocks' languages' words: a document without any has nothing to report.
    anchorWords: [...new Set(languages.flatMap((id) => embedded[id].anchorWords))],
    async parse(text) {
      const parsed = parseMarkdown(text);
      const wanted = parsed.blocks.filter((block) => embedded[block.language].anchorWords.some((word) => block.text.includes(word)));
      if (wanted.length === 0) return { text, parsed, evidence: false, blocks: [] };
      const eol = detectEol(text);
      const imports = new Map<CodeBlock, BlockImports>();
      for (const block of parsed.blocks) if (hasImports(block.language)) imports.set(block, await importsOf(block, eol));
      const evidence = documentNamesBatch(parsed) || [...imports.values()].some((i) => i.batch);
      const blocks: BlockCandidates[] = [];
      for (const block of wanted) {
        const language = embedded[block.language];
        const prelude = preludeOf(block, parsed.blocks, imports, evidence, eol);
        const whole: Part = { block, span: { start: 0, end: block.text.length } };
        const texts = [
          new CompositeText([...prelude, whole]),
          ...WRAPPERS[block.language].map(
            ({ open, close }) => new CompositeText([...prelude, open.replace(/\n/g, eol), whole, close.replace(/\n/g, eol)]),
          ),
        ];
        const candidates: BlockCandidates['candidates'] = [];
        try {
          for (const composite of texts)
            candidates.push({ composite, syntax: await language.parse(composite.text, undefined, { fence: block.fence }) });
        } catch (error) {
          for (const candidate of candidates) language.dispose?.(candidate.syntax);
          for (const done of blocks) for (const candidate of done.candidates) done.language.dispose?.(candidate.syntax);
          throw error;
        }
        blocks.push({ block, language, candidates });
      }
      return { text, parsed, evidence, blocks };
    },
    dispose(syntax) {
      for (const { language, candidates } of syntax.blocks) {
        for (const candidate of candidates) {
          if (candidate.syntax !== undefined) language.dispose?.(candidate.syntax);
          candidate.syntax = undefined;
        }
      }
    },
    analyze(file, syntax) {
      syntax.analysis ??= markdownAnalysis(
        file.text,
        syntax.parsed,
        syntax.blocks.flatMap((block) => analyseBlock(file.uri, block) ?? []),
        syntax.evidence,
      );
      return syntax.analysis;
    },
  };
}

/** The block analysed as its first candidate text without syntax errors, else as the first; the others' trees freed. */
function analyseBlock(uri: string, { block, language, candidates }: BlockCandidates): AnalysedBlock | undefined {
  let first: AnalysedBlock | undefined;
  let chosen: AnalysedBlock | undefined;
  for (const candidate of candidates) {
    if (candidate.syntax === undefined) continue;
    const analysed = {
      block,
      composite: candidate.composite,
      file: language.analyze({ uri, text: candidate.composite.text }, candidate.syntax),
    };
    first ??= analysed;
    if (!analysed.file.hasSyntaxErrors) {
      chosen = analysed;
      break;
    }
  }
  chosen ??= first;
  for (const candidate of candidates) {
    if (candidate.composite === chosen?.composite || candidate.syntax === undefined) continue;
    language.dispose?.(candidate.syntax);
    candidate.syntax = undefined;
  }
  return chosen;
}

/**
 * What comes before a block that does not import Batch itself: the other blocks' imports of its
 * language (each once), and synthetic imports of the Batch models when the document is about
 * Batch and none of those is Batch's. Nothing before a block that imports Batch, or that nothing
 * may precede (a Java file with its package): it is a file of its own.
 */
function preludeOf(
  block: CodeBlock,
  all: readonly CodeBlock[],
  imports: ReadonlyMap<CodeBlock, BlockImports>,
  evidence: boolean,
  eol: string,
): Part[] {
  const own = imports.get(block);
  if (!hasImports(block.language) || own?.batch || own?.header) return [];
  const parts: Part[] = [];
  const seen = new Set<string>();
  let batch = false;
  for (const other of all) {
    const found = other !== block && other.language === block.language ? imports.get(other) : undefined;
    if (!found) continue;
    batch ||= found.batch;
    for (const taken of found.imports) {
      if (seen.has(taken.text)) continue;
      seen.add(taken.text);
      parts.push(...taken.parts);
    }
  }
  const synthetic = evidence && !batch ? syntheticPrelude(block.language, eol) : undefined;
  return synthetic ? [synthetic, ...parts] : parts;
}
