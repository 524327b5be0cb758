import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { collectFacts } from '../../../server/src/languages/java/facts';
import { parserFor } from '../../../server/src/parsing/treeSitter';

/** ~10,000 lines: the example's methods, renamed, every 50th copy still with its runElevated calls. */
function bigFile(): { text: string; anchors: number } {
  const example = fs.readFileSync(path.resolve(__dirname, '../../../examples/LegacyTasks.java'), 'utf8');
  const start = example.indexOf('    /**', example.indexOf('private LegacyTasks()'));
  const methods = example.slice(start, example.lastIndexOf('}'));
  const perCopy = (methods.match(/RunElevated\(/g) ?? []).length;
  let text = example.slice(0, start);
  let copy = 0;
  let anchors = 0;
  while (text.split('\n').length < 10_000) {
    const withAnchors = copy % 50 === 0;
    const body = withAnchors ? methods : methods.replace(/RunElevated/g, 'Retries');
    text += body.replace(/(public static [\w<>]+ )(\w+)\(/g, (_m, head: string, name: string) => `${head}${name}${copy}(`);
    if (withAnchors) anchors += perCopy;
    copy++;
  }
  return { text: `${text}}\n`, anchors };
}

describe('java big files', () => {
  it('a 10,000-line file: every use found (speed is measured by npm run bench)', async () => {
    const { text, anchors } = bigFile();
    const parser = await parserFor('java');
    const tree = parser.parse(text)!;
    try {
      assert.equal(collectFacts(text, tree).facts.runElevated.length, anchors);
    } finally {
      tree.delete();
    }
  });
});
