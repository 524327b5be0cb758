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
