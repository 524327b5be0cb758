/**
 * Writes snippets/*.json from the snippet definitions in server/src/batch/snippets.ts (built from
 * the Batch model). Run `npx tsx scripts/snippets.ts` after changing them; a unit test fails when
 * the committed files differ from what the model gives.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SNIPPET_FILE_LANGUAGES, SNIPPET_FILES, snippetFile, type SnippetLanguage } from '../server/src/batch/snippets';

export const SNIPPETS_DIR = path.resolve(__dirname, '..', 'snippets');

/** The languages with a snippet file (JSON's bodies are offered by the server's completion where they fit). */
export const SNIPPET_LANGUAGES: readonly SnippetLanguage[] = SNIPPET_FILE_LANGUAGES;

export function render(language: SnippetLanguage): string {
  return JSON.stringify(snippetFile(language), null, 2) + '\n';
}

if (require.main === module) {
  fs.mkdirSync(SNIPPETS_DIR, { recursive: true });
  for (const language of SNIPPET_LANGUAGES) {
    fs.writeFileSync(path.join(SNIPPETS_DIR, SNIPPET_FILES[language].file!), render(language));
    console.log(`wrote snippets/${SNIPPET_FILES[language].file}`);
  }
}
