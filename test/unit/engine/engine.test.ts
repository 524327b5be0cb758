import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Engine } from '../../../server/src/engine/engine';
import { settingsWith } from '../../helpers/engine';

const TASK = '{"id": "t", "commandLine": "x", "runElevated": true}';

describe('engine', () => {
  it('keeps at most the configured number of trees, dropping the least recently analysed', async () => {
    const engine = new Engine(2);
    for (const name of ['a', 'b', 'c'])
      await engine.analyze({ uri: `file:///${name}.json`, languageId: 'json', text: TASK }, { keepSyntax: true });
    assert.equal(engine.keptDocuments, 2);
    // `a` was dropped: its next analysis still works (a full parse) and is kept again.
    const again = await engine.analyze({ uri: 'file:///a.json', languageId: 'json', text: TASK }, { keepSyntax: true });
    assert.equal(again.findings.length, 1);
    assert.equal(engine.keptDocuments, 2);
  });

  it('does not parse a file without identity words', async () => {
    const analysis = await new Engine().analyze({ uri: 'file:///plain.json', languageId: 'json', text: '{"name": "x"}' });
    assert.equal(analysis.prefiltered, true);
  });

  it('says why a file is skipped', async () => {
    const engine = new Engine();
    const skipped = async (languageId: string, text: string, settings = settingsWith({})) =>
      (await engine.analyze({ uri: 'file:///x', languageId, text }, { settings })).skipped;
    assert.equal(await skipped('yaml', TASK), "language 'yaml' is not analysed");
    assert.equal(await skipped('json', TASK, settingsWith({ enable: false })), 'batchIdentity.enable is false');
    assert.equal(await skipped('json', TASK, settingsWith({ languages: ['csharp'] })), 'json is not in batchIdentity.languages');
    assert.equal(
      await skipped('json', TASK + ' '.repeat(2048), settingsWith({ maxFileSizeKB: 1 })),
      'the file is larger than batchIdentity.maxFileSizeKB (1 KB)',
    );
    assert.equal(await skipped('json', `${TASK}\u0000\u0001`), 'the file looks binary');
    assert.equal(
      await skipped('json', '{"runElevated": ' + '['.repeat(100_000) + ']'.repeat(100_000) + '}'),
      'the file is nested too deeply to parse',
    );
  });
});
