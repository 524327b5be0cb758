import type { LanguageId } from '../engine/facts';
import { LANGUAGES } from '../engine/languages';
import { ACCOUNT_WORDS } from './accountIndex';

/**
 * The fewest substrings whose presence a file needs before it is worth decoding: every anchor
 * word contains one of them. `RunElevated` and `runElevated` share `unElevated`; the Linux and
 * Windows user configurations share `UserConfiguration`. Fewer needles, fewer passes over the
 * bytes of a big workspace.
 */
export function coverNeedles(words: readonly string[], minLength = 8): string[] {
  const uncovered = new Set(words);
  const needles: string[] = [];
  while (uncovered.size > 0) {
    let best = '';
    let bestCount = 0;
    for (const word of uncovered) {
      for (let start = 0; start < word.length; start++) {
        for (let end = start + Math.min(minLength, word.length); end <= word.length; end++) {
          const candidate = word.slice(start, end);
          let count = 0;
          for (const other of uncovered) if (other.includes(candidate)) count++;
          // More words covered wins; then the longer (rarer) substring.
          if (count > bestCount || (count === bestCount && candidate.length > best.length)) {
            best = candidate;
            bestCount = count;
          }
        }
      }
    }
    needles.push(best);
    for (const word of [...uncovered]) if (word.includes(best)) uncovered.delete(word);
  }
  return needles;
}

/** Per language, the few substrings every anchor word (and account word) contains one of; each computed on first use. */
const needlesByLanguage = new Map<LanguageId, Buffer[]>();

/**
 * Whether a file's bytes hold any word a finding needs, before they are decoded (UTF-16 files
 * cannot be searched as bytes: they are decoded to tell). The CLI's scan and Migrate Workspace
 * read the workspace through it.
 */
export function mayConcernBatch(bytes: Buffer, language: LanguageId): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  let needles = needlesByLanguage.get(language);
  if (!needles) {
    needles = coverNeedles([...LANGUAGES[language].anchorWords, ...ACCOUNT_WORDS]).map((n) => Buffer.from(n));
    needlesByLanguage.set(language, needles);
  }
  return needles.some((needle) => bytes.includes(needle));
}

/** A NUL in the first 8 KB marks a binary file, as git (and the engine) decide; UTF-16 text has NULs but a byte-order mark. */
export function looksBinary(bytes: Buffer): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.subarray(0, 8192).includes(0);
}
