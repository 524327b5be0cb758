/** How the engine reads each language of the table (common/languages.ts): parser, adapter and renderer. */
import { csharpLanguage } from '../languages/csharp';
import { javaLanguage } from '../languages/java';
import { jsonLanguage } from '../languages/json';
import { pythonLanguage } from '../languages/python';
import type { LanguageId } from './facts';
import type { LanguageSupport } from './language';

export const LANGUAGES: Record<LanguageId, LanguageSupport<unknown>> = {
  csharp: csharpLanguage,
  java: javaLanguage,
  python: pythonLanguage,
  json: jsonLanguage,
};
