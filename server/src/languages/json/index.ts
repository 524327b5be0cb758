/** JSON and JSON with comments, parsed by jsonc-parser (the parser VS Code's JSON support uses). */
import { findNodeAtOffset, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { LANGUAGE_TABLE } from '../../../../common/languages';
import { JSON_KEYS } from '../../batch/sdks';
import type { Facts } from '../../engine/facts';
import { spanKey, type BrokenSyntax, type LanguageSupport, type TextChange } from '../../engine/language';
import { jsonCompletionsAt } from './completion';
import { collectFacts } from './facts';
import { shiftedAnalysis, type Analysed } from './incremental';
import { jsonRenderer } from './renderer';
import { render } from '../toolkit/render';
import { commentsContaining } from './syntax';

/** A parsed document, with its analysis once made and the edits recorded since. */
export interface JsonDocument {
  readonly text: string;
  /** Undefined when the analysis was carried over from an earlier text (incremental.ts). */
  readonly root: Node | undefined;
  readonly hasErrors: boolean;
  /** Where the parser found errors (offsets); empty when the text parsed. */
  readonly errorOffsets: readonly number[];
  analysed?: Analysed;
  readonly pending: TextChange[];
}

export const jsonLanguage: LanguageSupport<JsonDocument> = {
  id: 'json',
  lineComment: LANGUAGE_TABLE.json.lineComment,
  // Plain JSON takes a comment only when it already holds some: a REST body with a comment is no
  // longer JSON to other tools.
  acceptsComments: (languageId, file) => languageId === 'jsonc' || file.comments('//').length + file.comments('/*').length > 0,
  anchorWords: [JSON_KEYS.runElevated, JSON_KEYS.userIdentity, JSON_KEYS.userAccounts],
  taskWords: [JSON_KEYS.commandLine],
  async parse(text, previous) {
    // One edit inside a value no rule reads: carry the previous analysis over, shifted (not when
    // the text has errors: their offsets would have to shift too, and a broken text is rare).
    if (previous?.analysed && previous.pending.length === 1 && !previous.hasErrors) {
      const analysed = shiftedAnalysis(previous.analysed, previous.text, previous.pending[0], text);
      if (analysed) return { text, root: undefined, hasErrors: false, errorOffsets: [], analysed, pending: [] };
    }
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    return { text, root, hasErrors: errors.length > 0, errorOffsets: errors.map((e) => e.offset), pending: [] };
  },
  edit(previous, change) {
    previous.pending.push(change);
  },
  completionsAt: (file, document, offset, options) => jsonCompletionsAt(file, document.root, offset, options),
  analyze(file, document, project) {
    // The file name may tell a deployment parameters file (`*.parameters.json`).
    document.analysed ??= collectFacts(file.text, document.root, file.uri.slice(file.uri.lastIndexOf('/') + 1));
    const { facts, plan } = document.analysed;
    return {
      facts,
      brokenSyntax: brokenProperties(document, facts),
      render: (intent) => render(intent, jsonRenderer, plan, project?.format),
      comments: (needle) => commentsContaining(file.text, needle),
      hasSyntaxErrors: document.hasErrors,
    };
  },
};

/**
 * The runElevated properties whose object has syntax errors: the parser's recovery may have put
 * the property into the wrong object (a stray `{` before a start task moved its properties into
 * the pool), so its neighbours and commas are a guess.
 */
function brokenProperties(document: JsonDocument, facts: Facts): Map<string, BrokenSyntax> {
  const broken = new Map<string, BrokenSyntax>();
  if (!document.hasErrors || !document.root) return broken;
  for (const fact of facts.runElevated) {
    let object = findNodeAtOffset(document.root, fact.span.start, true);
    while (object && object.type !== 'object') object = object.parent;
    if (!object) continue;
    const { offset, length } = object;
    if (document.errorOffsets.some((e) => e >= offset && e <= offset + length)) broken.set(spanKey(fact.span), 'inside');
  }
  return broken;
}
