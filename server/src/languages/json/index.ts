/** JSON and JSON with comments, parsed by jsonc-parser (the parser VS Code's JSON support uses). */
import { parseTree, type ParseError } from 'jsonc-parser';
import { JSON_KEYS } from '../../batch/sdks';
import type { LanguageSupport } from '../../engine/language';
import { analyzeJson, jsonComments, type JsonSyntax } from './adapter';
import { renderJson } from './renderer';

export const jsonLanguage: LanguageSupport<JsonSyntax> = {
  id: 'json',
  lineComment: '//',
  anchorWords: [JSON_KEYS.runElevated, JSON_KEYS.userIdentity, JSON_KEYS.userAccounts],
  async parse(text) {
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    return { root, errors };
  },
  analyze(file, syntax) {
    const { facts, context } = analyzeJson(file.text, syntax);
    return {
      facts,
      render: (intent) => renderJson(intent, context),
      comments: (needle) => jsonComments(file.text, needle),
      hasSyntaxErrors: syntax.errors.length > 0,
    };
  },
};
