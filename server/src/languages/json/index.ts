/** JSON and JSON with comments, parsed by jsonc-parser (the parser VS Code's JSON support uses). */
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { JSON_KEYS } from '../../batch/sdks';
import type { LanguageSupport, TextChange } from '../../engine/language';
import { analyzeJson, jsonComments } from './adapter';
import { shiftedAnalysis, type Analysed } from './incremental';
import { renderJson } from './renderer';

/** A parsed document, with its analysis once made and the edits recorded since. */
export interface JsonDocument {
  readonly text: string;
  /** Undefined when the analysis was carried over from an earlier text (incremental.ts). */
  readonly root: Node | undefined;
  readonly hasErrors: boolean;
  analysed?: Analysed;
  readonly pending: TextChange[];
}

export const jsonLanguage: LanguageSupport<JsonDocument> = {
  id: 'json',
  lineComment: '//',
  anchorWords: [JSON_KEYS.runElevated, JSON_KEYS.userIdentity, JSON_KEYS.userAccounts],
  async parse(text, previous) {
    // One edit inside a value no rule reads: carry the previous analysis over, shifted.
    if (previous?.analysed && previous.pending.length === 1) {
      const analysed = shiftedAnalysis(previous.analysed, previous.text, previous.pending[0], text);
      if (analysed) return { text, root: undefined, hasErrors: previous.hasErrors, analysed, pending: [] };
    }
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    return { text, root, hasErrors: errors.length > 0, pending: [] };
  },
  edit(previous, change) {
    previous.pending.push(change);
  },
  analyze(file, document) {
    document.analysed ??= analyzeJson(file.text, document.root);
    const { facts, context } = document.analysed;
    return {
      facts,
      render: (intent) => renderJson(intent, context),
      comments: (needle) => jsonComments(file.text, needle),
      hasSyntaxErrors: document.hasErrors,
    };
  },
};
