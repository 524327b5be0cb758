/** How the engine reads each language of the table (common/languages.ts): parser, adapter and renderer. */
import { csharpLanguage } from '../languages/csharp';
import { javaLanguage } from '../languages/java';
import { jsonLanguage } from '../languages/json';
import { markdownLanguage } from '../languages/markdown';
import { pythonLanguage } from '../languages/python';
import { typescriptLanguage } from '../languages/typescript';
import type { CodeLanguageId } from '../../../common/languages';
import type { LanguageId } from './facts';
import type { LanguageSupport } from './language';

/** The languages whose files are code; Markdown's code blocks are written in them. */
const CODE_LANGUAGES: Record<CodeLanguageId, LanguageSupport<unknown>> = {
  csharp: csharpLanguage,
  java: javaLanguage,
  python: pythonLanguage,
  json: jsonLanguage,
  typescript: typescriptLanguage,
};

export const LANGUAGES: Record<LanguageId, LanguageSupport<unknown>> = {
  ...CODE_LANGUAGES,
  markdown: markdownLanguage(CODE_LANGUAGES),
};
