import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFix, fixAll, fixesOf, IDENTITY_DECIDES, settingsWith, squiggles } from '../../helpers/engine';

const rule = 'run-elevated';
const found = async (text: string) => (await squiggles('json', text)).filter((s) => s.rule === rule);

describe('json run-elevated: found', () => {
  const cases: { name: string; text: string; severity?: string; count?: number }[] = [
    { name: 'task body', text: '{"id": "t", "commandLine": "x", "runElevated": true}' },
    {
      name: 'task collection value[*]',
      text: '{"value": [{"id": "a", "commandLine": "x", "runElevated": true}, {"id": "b", "commandLine": "y", "runElevated": false}]}',
      count: 2,
    },
    { name: 'top-level array of tasks', text: '[{"id": "a", "commandLine": "x", "runElevated": true}]' },
    { name: 'pool start task', text: '{"id": "p", "vmSize": "small", "startTask": {"commandLine": "x", "runElevated": true}}' },
    {
      name: 'job manager, preparation and release tasks',
      text: '{"id": "j", "poolInfo": {"poolId": "p"}, "jobManagerTask": {"id": "m", "commandLine": "x", "runElevated": true}, "jobPreparationTask": {"commandLine": "x", "runElevated": true}, "jobReleaseTask": {"commandLine": "x", "runElevated": false}}',
      count: 3,
    },
    {
      name: 'job schedule',
      text: '{"id": "s", "schedule": {}, "jobSpecification": {"poolInfo": {}, "jobManagerTask": {"id": "m", "commandLine": "x", "runElevated": true}}}',
    },
    {
      name: 'Batch CLI template taskFactory',
      text: `{"job": {"type": "Microsoft.Batch/batchAccounts/jobs", "apiVersion": "2018-12-01", "properties": {"id": "j",
        "taskFactory": {"type": "parametricSweep", "repeatTask": {"commandLine": "x", "runElevated": true}, "mergeTask": {"commandLine": "m", "runElevated": true}}}}}`,
      count: 2,
    },
    {
      name: 'Batch CLI template taskCollection',
      text: '{"job": {"type": "Microsoft.Batch/batchAccounts/jobs", "properties": {"taskFactory": {"type": "taskCollection", "tasks": [{"id": "a", "commandLine": "x", "runElevated": true}]}}}}',
    },
    {
      name: 'ARM template Batch pool',
      text: '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "properties": {"startTask": {"commandLine": "x", "runElevated": true}}}]}',
    },
    {
      name: 'ARM nested deployment',
      text: `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Resources/deployments",
        "properties": {"template": {"resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "properties": {"startTask": {"commandLine": "x", "runElevated": true}}}]}}}]}`,
    },
    {
      name: 'swagger example of a Batch operation',
      text: '{"parameters": {"batchUrl": "https://a.b", "api-version": "2016-07-01.3.1", "task": {"id": "t", "commandLine": "x", "runElevated": true}}, "responses": {"201": {}}}',
    },
    { name: 'JSON with comments', text: '{\n  // a task\n  "id": "t", "commandLine": "x",\n  /* yes */ "runElevated": true,\n}' },
    {
      name: 'unknown document, unmistakable shape: weak',
      text: '{"tasks": {"a": {"commandLine": "x", "runElevated": true}}}',
      severity: 'information',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const result = await found(c.text);
      assert.equal(result.length, c.count ?? 1, JSON.stringify(result));
      for (const s of result) {
        assert.equal(s.text, '"runElevated"');
        assert.equal(s.severity, c.severity ?? 'warning');
      }
    });
  }
});

describe('json run-elevated: silent', () => {
  const cases: { name: string; text: string }[] = [
    { name: 'a string value', text: '{"id": "t", "commandLine": "echo runElevated", "description": "runElevated"}' },
    { name: 'a comment', text: '{"id": "t", "commandLine": "x" // "runElevated": true\n}' },
    { name: 'a longer key', text: '{"id": "t", "commandLine": "x", "myRunElevatedFlag": true, "runElevatedX": true}' },
    {
      name: 'Azure Image Builder customizer',
      text: `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.VirtualMachineImages/imageTemplates",
        "properties": {"customize": [{"type": "PowerShell", "name": "x", "runElevated": true, "inline": ["a"]}]}}]}`,
    },
    {
      name: 'JSON Schema defining the property',
      text: '{"$schema": "http://json-schema.org/draft-04/schema#", "definitions": {"Task": {"properties": {"commandLine": {"type": "string"}, "runElevated": {"type": "boolean"}}}}}',
    },
    {
      name: 'swagger document defining the property',
      text: '{"swagger": "2.0", "definitions": {"TaskAddParameter": {"properties": {"commandLine": {"type": "string"}, "runElevated": {"type": "boolean"}}}}}',
    },
    {
      name: 'HTTP recording with the body in an escaped string',
      text: '{"Entries": [{"RequestUri": "https://a/jobs/j/tasks", "RequestBody": "{\\"id\\":\\"t\\",\\"commandLine\\":\\"x\\",\\"runElevated\\":true}"}]}',
    },
    { name: 'unknown document without commandLine', text: '{"settings": {"runElevated": true}}' },
    { name: 'unknown document, non-boolean value', text: '{"config": {"commandLine": "x", "runElevated": "yes"}}' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      assert.deepEqual(await found(c.text), []);
    });
  }
});

describe('json run-elevated: fix', () => {
  const cases: { name: string; before: string; after: string; fixIndex?: number; scope?: 'task' | 'pool' }[] = [
    {
      name: 'true → admin, keeping comments and indentation',
      before: '{\n  "id": "t",\n  "commandLine": "x",\n  // installer needs admin\n  "runElevated": true, // old\n  "constraints": {}\n}\n',
      after:
        '{\n  "id": "t",\n  "commandLine": "x",\n  // installer needs admin\n  "userIdentity": {"autoUser": {"elevationLevel": "admin"}}, // old\n  "constraints": {}\n}\n',
    },
    {
      name: 'false → nonadmin, last property, no space after the colon',
      before: '{"id":"t","commandLine":"x","runElevated":false}',
      after: '{"id":"t","commandLine":"x","userIdentity":{"autoUser":{"elevationLevel":"nonadmin"}}}',
    },
    {
      name: 'CRLF line endings kept',
      before: '{\r\n  "commandLine": "x",\r\n  "runElevated": true\r\n}\r\n',
      after: '{\r\n  "commandLine": "x",\r\n  "userIdentity": {"autoUser": {"elevationLevel": "admin"}}\r\n}\r\n',
    },
    {
      name: 'ARM casing inside a Microsoft.Batch resource',
      before:
        '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "properties": {"startTask": {"commandLine": "x", "runElevated": true}}}]}',
      after:
        '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "properties": {"startTask": {"commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "Admin"}}}}}]}',
    },
    {
      name: 'ARM expression → if()',
      before:
        '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "properties": {"startTask": {"commandLine": "x", "runElevated": "[parameters(\'elevated\')]"}}}]}',
      after:
        '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "properties": {"startTask": {"commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "[if(parameters(\'elevated\'), \'Admin\', \'NonAdmin\')]"}}}}}]}',
    },
    {
      name: 'second fix: explicit task scope',
      before: '{"commandLine": "x", "runElevated": true}',
      after: '{"commandLine": "x", "userIdentity": {"autoUser": {"scope": "task", "elevationLevel": "admin"}}}',
      fixIndex: 1,
    },
    {
      name: 'batchIdentity.fix.scope = pool writes pool scope',
      before: '{"commandLine": "x", "runElevated": true}',
      after: '{"commandLine": "x", "userIdentity": {"autoUser": {"scope": "pool", "elevationLevel": "admin"}}}',
      scope: 'pool',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const settings = settingsWith({ fix: { scope: c.scope ?? 'omit' } });
      assert.equal(await applyFix('json', c.before, rule, { fixIndex: c.fixIndex, settings }), c.after);
    });
  }

  it('a REST value that is not a boolean gets no fix', async () => {
    assert.equal(await applyFix('json', '{"id": "t", "commandLine": "x", "runElevated": null}', rule), undefined);
  });

  it('fix-all rewrites every runElevated and is idempotent', async () => {
    const before =
      '{"value": [\n  {"id": "a", "commandLine": "x", "runElevated": true},\n  {"id": "b", "commandLine": "y", "runElevated": false}\n]}\n';
    const once = await fixAll('json', before);
    assert.equal(
      once,
      '{"value": [\n  {"id": "a", "commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "admin"}}},\n  {"id": "b", "commandLine": "y", "userIdentity": {"autoUser": {"elevationLevel": "nonadmin"}}}\n]}\n',
    );
    assert.equal(await fixAll('json', once), once);
  });
});

describe('json run-elevated beside an existing userIdentity', () => {
  it('agreeing: the fix removes runElevated, the last property, with its comma', async () => {
    const before = '{\n  "commandLine": "x",\n  "userIdentity": {"autoUser": {"elevationLevel": "admin"}},\n  "runElevated": true\n}';
    const findings = await squiggles('json', before);
    assert.equal(findings.length, 1);
    const analysis = await analyze('json', before);
    analysis.release();
    assert.match(analysis.findings.find((f) => f.rule === rule)?.message ?? '', /already sets a user identity/);
    assert.equal(
      await applyFix('json', before, rule),
      '{\n  "commandLine": "x",\n  "userIdentity": {"autoUser": {"elevationLevel": "admin"}}\n}',
    );
  });

  it('agreeing, first property: removes it and its comma, keeping the comment', async () => {
    const before = '{\n  "runElevated": false, // legacy\n  "commandLine": "x",\n  "userIdentity": {"autoUser": {"scope": "task"}}\n}';
    assert.equal(
      await applyFix('json', before, rule),
      '{\n  // legacy\n  "commandLine": "x",\n  "userIdentity": {"autoUser": {"scope": "task"}}\n}',
    );
  });

  it('disagreeing: the message says why; removal in the menu only', async () => {
    const before = '{"commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "nonadmin"}}, "runElevated": true}';
    const analysis = await analyze('json', before);
    analysis.release();
    const finding = analysis.findings.find((f) => f.rule === rule);
    assert.match(finding?.message ?? '', /also sets a user identity/);
    assert.deepEqual(await fixesOf('json', before, rule), IDENTITY_DECIDES);
    assert.equal(
      await applyFix('json', before, rule),
      '{"commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "nonadmin"}} }',
    );
    assert.equal(await fixAll('json', before), before);
  });

  it('named user: no replacement (elevation of the account is unknown here), removal in the menu only', async () => {
    const before = '{"commandLine": "x", "userIdentity": {"username": "admin"}, "runElevated": true}';
    assert.deepEqual(await fixesOf('json', before, rule), IDENTITY_DECIDES);
    assert.equal(await fixAll('json', before), before);
  });
});
