/**
 * Formatting a fix changes its layout, never its meaning (issue 14): over every Python and JSON
 * text of the corpus (the examples and the recorded test inputs) and generated Python identity
 * code, fix-all with a project format — a line length of 40, so that nearly every rewritten line is
 * wrapped; an .editorconfig indentation — gives, where fix-all without one gives code that parses,
 * code that parses to the same thing: the same Python AST (`ast.dump`, by /usr/bin/python3, which
 * ignores positions), the same JSON value. A JSON identity written one member per line (into an
 * object whose members stand on their own lines) reads as the same value as the one fix-all writes
 * inline into the same document on one line. And fix-all applied twice equals once.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse, type ParseError } from 'jsonc-parser';
import type { FileFormat } from '../../../server/src/engine/language';
import { corpus, pythonSource } from '../../helpers/batchSources';
import { fixAll } from '../../helpers/engine';
import { duplicateKeys } from '../../helpers/fixAllSweep';
import { FUZZ_SEED } from '../../helpers/fuzz';

const NARROW: FileFormat = { maxLineLength: 40, indentUnit: '  ' };
const PYTHON = '/usr/bin/python3';

/** Per pair of texts: null when the first does not parse, else whether both parse to the same AST. */
const SAME_AST = `
import ast, json, sys
out = []
for before, after in json.load(sys.stdin):
    try:
        a = ast.dump(ast.parse(before))
    except SyntaxError:
        out.append(None)
        continue
    try:
        out.append(ast.dump(ast.parse(after)) == a)
    except SyntaxError as e:
        out.append(False)
print(json.dumps(out))
`;

function jsonValue(text: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  return errors.length > 0 ? undefined : value;
}

describe('a formatted fix means what the unformatted one means', () => {
  it('Python: the same AST, in the corpus and in generated code; twice is once', async (t) => {
    const probe = spawnSync(PYTHON, ['-c', 'import ast'], { encoding: 'utf8' });
    if (probe.status !== 0) return t.skip(`${PYTHON} is not available`);
    const texts = [...corpus('python'), ...fc.sample(pythonSource, { seed: FUZZ_SEED, numRuns: 150 })];
    const pairs: [string, string][] = [];
    let wrapped = 0;
    for (const text of texts) {
      const plain = await fixAll('python', text);
      const formatted = await fixAll('python', text, { format: NARROW });
      assert.equal(await fixAll('python', formatted, { format: NARROW }), formatted, `twice differs from once:\n${text}`);
      if (formatted !== plain) wrapped++;
      pairs.push([plain, formatted]);
    }
    // The test means something only if the format changed many fixes.
    assert.ok(wrapped >= 20, `only ${wrapped} texts were wrapped`);
    const result = spawnSync(PYTHON, ['-c', SAME_AST], { input: JSON.stringify(pairs), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(result.status, 0, result.stderr);
    const verdicts = JSON.parse(result.stdout) as (boolean | null)[];
    const differing = pairs.filter((_, i) => verdicts[i] === false).map(([, after]) => after);
    assert.deepEqual(differing, [], 'formatted fixes that parse differently (or not at all)');
    assert.ok(verdicts.filter((v) => v === true).length >= 20, 'most fixed texts parse');
  });

  it('JSON: one member per line or inline, the same value; twice is once', async () => {
    let multiLine = 0;
    let compared = 0;
    for (const text of corpus('json')) {
      const written = await fixAll('json', text);
      const formatted = await fixAll('json', text, { format: NARROW });
      assert.equal(await fixAll('json', written), written, `twice differs from once:\n${text}`);
      assert.equal(await fixAll('json', formatted, { format: NARROW }), formatted, `twice differs from once:\n${text}`);
      // An identity written into an object whose members stand on their own lines adds lines.
      if (lineCount(written) > lineCount(text)) multiLine++;
      const value = jsonValue(written);
      if (value === undefined) continue;
      assert.deepEqual(jsonValue(formatted), value, formatted);
      // The same document on one line gets every identity inline: it must read as the same value.
      const compact = compactOf(text);
      if (compact === undefined) continue;
      const inline = await fixAll('json', compact);
      assert.equal(lineCount(inline), lineCount(compact), `written over several lines in a one-line document:\n${inline}`);
      assert.deepEqual(jsonValue(inline), value, `${written}\nreads otherwise than, on one line,\n${inline}`);
      compared++;
    }
    // The test means something only if many fixes were written one member per line.
    assert.ok(multiLine >= 5, `only ${multiLine} texts were written one member per line`);
    assert.ok(compared >= 5, `only ${compared} texts were compared with their one-line form`);
  });
});

const lineCount = (text: string) => text.split('\n').length;

/** Strict JSON without a repeated key, on one line (JSON.stringify); undefined for JSONC or a text whose keys repeat. */
function compactOf(text: string): string | undefined {
  try {
    return duplicateKeys(text).size === 0 ? JSON.stringify(JSON.parse(text)) : undefined;
  } catch {
    return undefined;
  }
}
