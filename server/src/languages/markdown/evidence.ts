/**
 * Whether a Markdown document is about Azure Batch, from what the document itself says: its front
 * matter (`services: batch`, `ms.service: batch` in the Batch articles of 2017–2020 this project
 * started from; `ms.service: azure-batch` in today's, MicrosoftDocs/azure-docs articles/batch/),
 * prose naming Azure Batch, or a code block importing a Batch SDK (imports.ts). A fragment's
 * code is read as Batch's only with such evidence; without it, only what the adapters are sure of
 * from the code alone is reported (see index.ts).
 */
import type { ParsedMarkdown } from './blocks';

/** Front matter keys whose values name the page's services, and the values that mean Azure Batch. */
const SERVICE_KEYS = ['services', 'ms.service'];
const BATCH_SERVICES = ['batch', 'azure-batch'];

/** `Azure Batch`, not the retired Azure Batch AI (another service, with its own runElevated). */
const NAMES_BATCH = /\bAzure\s+Batch\b(?!\s*AI\b)/i;

export function documentNamesBatch(parsed: ParsedMarkdown): boolean {
  if (parsed.frontMatter !== undefined && frontMatterNamesBatch(parsed.frontMatter)) return true;
  return parsed.prose.some((text) => NAMES_BATCH.test(text));
}

/**
 * Whether the front matter's services name Batch. Front matter is YAML; these keys hold a plain
 * scalar, a comma-separated list, a flow list (`[batch, storage]`) or a block list (`- batch`),
 * which is all that is read here (no YAML parser is bundled for two keys).
 */
export function frontMatterNamesBatch(frontMatter: string): boolean {
  const values: string[] = [];
  let listOf: string | undefined;
  for (const line of frontMatter.split(/\r\n|\r|\n/)) {
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item && listOf !== undefined) {
      values.push(item[1]);
      continue;
    }
    const entry = /^([A-Za-z0-9_.-]+)\s*:\s*(.*)$/.exec(line);
    listOf = entry && SERVICE_KEYS.includes(entry[1]) ? entry[1] : undefined;
    if (entry && listOf !== undefined) values.push(entry[2]);
  }
  return values
    .flatMap((value) =>
      value
        .replace(/\s+#.*$/, '')
        .replace(/^\[|\]$/g, '')
        .split(','),
    )
    .map((value) =>
      value
        .trim()
        .replace(/^(['"])(.*)\1$/, '$2')
        .trim()
        .toLowerCase(),
    )
    .some((value) => BATCH_SERVICES.includes(value));
}
