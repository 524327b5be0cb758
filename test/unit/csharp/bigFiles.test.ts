/**
 * Big files: every use is found in a 10,000-line file, whether uses are sparse or dense. How fast
 * that is belongs to `npm run bench`, not to an assertion here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csharpLanguage } from '../../../server/src/languages/csharp';

function bigFile(usesEvery: number): string {
  const lines = ['using System;', 'using Microsoft.Azure.Batch;', '', 'namespace Big', '{', '    class Jobs', '    {'];
  for (let m = 0; m < 500; m++) {
    lines.push(
      `        void M${m}(CloudPool pool, List<CloudTask> tasks)`,
      '        {',
      `            CloudTask task = new CloudTask("t${m}", "cmd");`,
    );
    lines.push(m % usesEvery === 0 ? '            task.RunElevated = true;' : '            task.DisplayName = "x";');
    for (let k = 0; k < 16; k++) lines.push(`            var x${k} = task.Id + pool.Id + ${k};`);
    lines.push('        }');
  }
  lines.push('    }', '}', '');
  return lines.join('\n');
}

async function uses(text: string): Promise<number> {
  const tree = await csharpLanguage.parse(text);
  try {
    return csharpLanguage.analyze({ uri: 'file:///big.cs', text }, tree).facts.runElevated.length;
  } finally {
    csharpLanguage.dispose?.(tree);
  }
}

describe('csharp big files', () => {
  it('10,000 lines with five uses: all five found', async () => {
    const text = bigFile(100);
    assert.ok(text.split('\n').length >= 10_000);
    assert.equal(await uses(text), 5);
  });

  it('10,000 lines with 500 uses: all found', async () => {
    assert.equal(await uses(bigFile(1)), 500);
  });
});
