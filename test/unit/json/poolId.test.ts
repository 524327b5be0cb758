/**
 * A JSON pool's id (`PoolFact.id`), what a job's `poolInfo.poolId` names: a data-plane pool body's
 * plain-string `"id"` whose account list is all shown; none for an ARM resource, an auto-pool's
 * `pool`, an id that is an ARM expression, or a list holding an account the file does not show.
 * And an edit to a pool's id or a job's poolId is never carried over by the incremental path.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTree } from 'jsonc-parser';
import type { TextChange } from '../../../server/src/engine/language';
import { collectFacts } from '../../../server/src/languages/json/facts';
import { shiftedAnalysis } from '../../../server/src/languages/json/incremental';
import { armPool, cliTemplate, json } from '../rules/table';

const ACCOUNTS = [{ name: 'ops', password: '<secret>' }];

function analyse(text: string) {
  return collectFacts(text, parseTree(text, [], { allowTrailingComma: true }));
}

function poolIds(text: string): (string | undefined)[] {
  return analyse(text).facts.pools.map((pool) => (pool.id?.kind === 'string' ? pool.id.value : pool.id?.kind));
}

describe('JSON pool ids', () => {
  it('a REST pool body, and pools of a value array', () => {
    assert.deepEqual(poolIds(json({ id: 'render', vmSize: 's', userAccounts: ACCOUNTS })), ['render']);
    assert.deepEqual(
      poolIds(
        json({
          value: [
            { id: 'a', vmSize: 's', userAccounts: ACCOUNTS },
            { id: 'b', vmSize: 's', userAccounts: ACCOUNTS },
          ],
        }),
      ),
      ['a', 'b'],
    );
  });

  it('a Batch CLI template pool with a plain id; none when the id is a parameter', () => {
    assert.deepEqual(poolIds(cliTemplate('pool', { id: 'render', vmSize: 's', userAccounts: ACCOUNTS })), ['render']);
    assert.deepEqual(poolIds(cliTemplate('pool', { id: "[parameters('poolId')]", vmSize: 's', userAccounts: ACCOUNTS })), [undefined]);
  });

  it('none for an ARM pool resource (its name is an ARM resource name), even with an "id" in its properties', () => {
    assert.deepEqual(poolIds(armPool({ id: 'render', vmSize: 's', userAccounts: ACCOUNTS })), [undefined]);
  });

  it('none for an auto-pool’s pool specification', () => {
    const job = json({ id: 'j', poolInfo: { autoPoolSpecification: { pool: { id: 'x', vmSize: 's', userAccounts: ACCOUNTS } } } });
    assert.deepEqual(poolIds(job), [undefined]);
  });

  it('none where the list holds an account the file does not show', () => {
    const pool = json({ id: 'render', vmSize: 's', userAccounts: [...ACCOUNTS, "[parameters('extra')]"] });
    assert.deepEqual(poolIds(pool), [undefined]);
  });

  describe('incremental edits', () => {
    const edit = (text: string, at: string, insert: string) => {
      const start = text.indexOf(at) + 1;
      const change: TextChange = {
        startIndex: start,
        oldEndIndex: start,
        newEndIndex: start + insert.length,
        startPosition: { row: 0, column: 0 },
        oldEndPosition: { row: 0, column: 0 },
        newEndPosition: { row: 0, column: 0 },
      };
      const newText = text.slice(0, start) + insert + text.slice(start);
      return shiftedAnalysis(analyse(text), text, change, newText);
    };
    const POOL = '{\n  "id": "render",\n  "vmSize": "s",\n  "userAccounts": [{ "name": "ops", "password": "<secret>" }]\n}\n';
    const JOB =
      '{\n  "id": "job",\n  "poolInfo": { "poolId": "render" },\n' +
      '  "jobManagerTask": { "id": "m", "commandLine": "run", "userIdentity": { "username": "ops" } }\n}\n';

    it('typing in a pool’s id or a job’s poolId needs a full analysis', () => {
      assert.equal(edit(POOL, '"render"', 'x'), undefined);
      assert.equal(edit(JOB, '"render"', 'x'), undefined);
    });

    it('typing in any other id keeps the facts, shifted', () => {
      assert.notEqual(edit(JOB, '"job"', 'x'), undefined);
      assert.notEqual(edit(JOB, '"m"', 'x'), undefined);
    });
  });
});
