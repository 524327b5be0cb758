/**
 * The incremental JSON path (server/src/languages/json/incremental.ts) must always give what a
 * full analysis of the same text gives: findings, messages and fix edits. Random single edits —
 * typing, deleting, pasting quotes, braces and Batch words — over Batch documents, each checked
 * against a fresh engine. The ARM documents make an object's dialect depend on distant text:
 * parameter and variable names, the property paths and names expressions read, copy loop names,
 * a nested deployment's scope (issue 12); an edit there must not be carried over.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Engine } from '../../../server/src/engine/engine';
import type { TextChange } from '../../../server/src/engine/language';
import { FUZZ_RUNS, FUZZ_SEED } from '../../helpers/fuzz';

const DOCUMENTS = [
  `{\n  "value": [\n    {"id": "a", "commandLine": "echo a", "runElevated": true},\n    {"id": "b", "commandLine": "echo b", "environmentSettings": [{"name": "X", "value": "1"}]},\n    {"id": "c", "commandLine": "echo c", "userIdentity": {"autoUser": {"elevationLevel": "Admin"}}, "runElevated": false}\n  ]\n}\n`,
  `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": [\n    {\n      "type": "Microsoft.Batch/batchAccounts/pools",\n      "name": "pool",\n      "properties": {\n        "vmSize": "STANDARD_D2S_V3",\n        "startTask": {"commandLine": "setup.sh", "runElevated": true, "maxTaskRetryCount": 2},\n        "userAccounts": [{"name": "mpi", "password": "[parameters('p')]", "elevationLevel": "nonadmin", "linuxUserConfiguration": {"uid": 1001}}]\n      }\n    }\n  ]\n}\n`,
  `{\n  "id": "pool",\n  "vmSize": "standard_d2s_v3",\n  "targetDedicatedNodes": 3,\n  "userAccounts": [\n    {"name": "a", "password": "Secret1", "elevationLevel": "admin"},\n    {"name": "a", "password": "<secret>"}\n  ],\n  "startTask": {"commandLine": "x", "userIdentity": {"username": "", "autoUser": {}}}\n}\n`,
  `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "st": {"type": "object", "defaultValue": {"commandLine": "setup.sh", "userIdentity": {"autoUser": {"scope": "Pool", "elevationLevel": "admin"}}}},
    "cfg": {"type": "object", "defaultValue": {"batch": {"commandLine": "x", "runElevated": true}, "other": {"commandLine": "y", "userIdentity": {"autoUser": {"elevationLevel": "Admin"}}}}},
    "unused": {"type": "object", "defaultValue": {"commandLine": "z", "userIdentity": {"autoUser": {"elevationLevel": "admin"}}}}
  },
  "variables": {
    "pools": {"startTask": "[parameters('st')]", "label": "pool-a"},
    "copy": [{"name": "tasks", "count": 2, "input": {"commandLine": "t", "userIdentity": {"autoUser": {"elevationLevel": "nonadmin"}}}}]
  },
  "resources": [
    {"type": "Microsoft.Batch/batchAccounts/pools", "name": "a/p", "properties": {"vmSize": "s", "startTask": "[variables('pools').startTask]"}},
    {"type": "Microsoft.Batch/batchAccounts/pools", "name": "a/q", "properties": {"startTask": "[parameters('cfg').batch]", "displayName": "[variables('tasks')[0].commandLine]"}},
    {"type": "Microsoft.Resources/deployments", "name": "m", "properties": {"expressionEvaluationOptions": {"scope": "inner"}, "parameters": {"st": {"value": {"commandLine": "n", "userIdentity": {"autoUser": {"scope": "task", "elevationLevel": "Admin"}}}}}, "template": {"contentVersion": "1.0.0.0", "parameters": {"st": {"type": "object"}}, "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "name": "a/r", "properties": {"startTask": "[parameters('st')]"}}]}}}
  ]
}
`,
  `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "variables": {"base": {"commandLine": "b", "userIdentity": {"autoUser": {"elevationLevel": "nonadmin"}}}, "extra": {"copy": [{"name": "userAccounts", "count": 1, "input": {"name": "u", "elevationLevel": "admin"}}]}},
  "resources": {
    "pool": {"type": "Microsoft.Batch/batchAccounts/pools", "name": "a/p", "properties": "[union(variables('extra'), createObject('startTask', variables('base')))]"},
    "linked": {"type": "Microsoft.Resources/deployments", "name": "l", "properties": {"templateLink": {"uri": "https://example.com/t.json"}, "parameters": {"st": {"value": {"commandLine": "l", "userIdentity": {"autoUser": {"elevationLevel": "Admin"}}}}}}}
  }
}
`,
];

const INSERTS = [
  'x',
  '7',
  ' ',
  '"',
  ':',
  ',',
  '{',
  '}',
  '[',
  ']',
  '\n',
  'runElevated',
  '"runElevated": true, ',
  'commandLine',
  'admin',
  'Admin',
  '\\',
  '/*',
  '//',
  "'",
  'st',
  'batch',
  'other',
  'inner',
  'copy',
  "[parameters('unused')]",
  '[[',
];

function pointAt(text: string, offset: number) {
  const before = text.slice(0, offset);
  const row = before.split('\n').length - 1;
  return { row, column: offset - (before.lastIndexOf('\n') + 1) };
}

function changeOf(text: string, start: number, deleted: number, inserted: string): { change: TextChange; next: string } {
  const end = Math.min(text.length, start + deleted);
  const next = text.slice(0, start) + inserted + text.slice(end);
  return {
    next,
    change: {
      startIndex: start,
      oldEndIndex: end,
      newEndIndex: start + inserted.length,
      startPosition: pointAt(text, start),
      oldEndPosition: pointAt(text, end),
      newEndPosition: pointAt(next, start + inserted.length),
    },
  };
}

async function snapshot(engine: Engine, uri: string, text: string, keep: boolean) {
  const analysis = await engine.analyze({ uri, languageId: 'json', text }, { keepSyntax: keep });
  const result = analysis.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    span: f.span,
    fixes: f.fixes.map((fix) => analysis.edits(fix) ?? null),
  }));
  analysis.release();
  return result;
}

describe('json incremental analysis', () => {
  it('always equals a full analysis of the edited text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DOCUMENTS),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(...INSERTS)), { minLength: 1, maxLength: 6 }),
        async (document, edits) => {
          const incremental = new Engine();
          const uri = 'file:///fuzz.json';
          let text = document;
          await snapshot(incremental, uri, text, true);
          for (const [at, deleted, inserted] of edits) {
            const { change, next } = changeOf(text, at % (text.length + 1), deleted, inserted);
            incremental.recordChange(uri, change);
            text = next;
            const got = await snapshot(incremental, uri, text, true);
            const want = await snapshot(new Engine(), uri, text, false);
            assert.deepEqual(got, want, `after ${JSON.stringify(edits)}:\n${JSON.stringify(got)}\n${JSON.stringify(want)}`);
          }
        },
      ),
      { seed: FUZZ_SEED, numRuns: FUZZ_RUNS },
    );
  });

  it('takes the incremental path for typing inside a value no rule reads', async () => {
    const engine = new Engine();
    const uri = 'file:///typing.json';
    const text = DOCUMENTS[0];
    await engine.analyze({ uri, languageId: 'json', text }, { keepSyntax: true });
    const at = text.indexOf('echo b') + 4;
    const { change, next } = changeOf(text, at, 0, 'x');
    engine.recordChange(uri, change);
    const analysis = await engine.analyze({ uri, languageId: 'json', text: next }, { keepSyntax: true });
    // The carried-over document has no tree: proof that no parse happened.
    assert.equal(
      (engine as unknown as { syntaxByUri: Map<string, { syntax: { root: unknown } }> }).syntaxByUri.get(uri)?.syntax.root,
      undefined,
    );
    assert.equal(analysis.findings.length, 3);
  });
});
