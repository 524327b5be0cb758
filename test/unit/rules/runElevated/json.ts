/**
 * run-elevated in JSON: REST bodies, Batch CLI templates, ARM templates and swagger examples found,
 * look-alikes (Azure Image Builder, JSON Schemas, HTTP recordings) silent, and the exact text after
 * each fix in the document's dialect. Each fixed body is read by the real Azure SDK for Python
 * (test/compile/python/sdkRows.ts): REST bodies by azure-batch 13, ARM resources by azure-mgmt-batch
 * 17, as written and with the identity listed; the body before the fix has a runElevated key the
 * SDK drops.
 */
import { autoUser, type JsonBodies, type JsonRead, type PythonSdkExpectation } from '../../../compile/python/sdkRows';
import { armTemplate, deployment, json, UNCHANGED } from '../table';
import { expectIn, type RunElevatedCase } from './expect';
/** The SDK drops the body's runElevated before the fix: it sends no identity (or, beside an identity, the one it had). */
const DROPPED = { drops: 'runElevated', identities: 'none' } as const;
const KEPT = { drops: 'runElevated', identities: 'kept' } as const;
/** The fixed document is a REST task body (azure-batch's TaskAddParameter) with this identity. */
const restTask = (userIdentity: unknown, input: JsonBodies['input'] = DROPPED): PythonSdkExpectation => ({
  reads: [{ sdk: 'batch', model: 'TaskAddParameter', userIdentities: [userIdentity] }],
  input,
});
/** The body at `at` of the fixed document, read by `model`. */
const reads = (...bodies: JsonRead[]): PythonSdkExpectation => ({ reads: bodies, input: DROPPED });

const { ADMIN, AGREES, DIFFERS, NON_ADMIN, replaced, UNKNOWN_VALUE } = expectIn('rest');
/** ARM templates spell members their own way (`"Admin"`), and never had runElevated. */
const ARM = expectIn('arm');

export const JSON_CASES: RunElevatedCase[] = [
  // found -----------------------------------------------------------------------------------------
  {
    name: 'task body',
    language: 'json',
    text: '{"id": "t", "commandLine": "x", "runElevated": true}',
    found: [['warning', '"runElevated"', ...ADMIN]],
  },
  {
    name: 'task collection value[*]',
    language: 'json',
    text: '{"value": [{"id": "a", "commandLine": "x", "runElevated": true}, {"id": "b", "commandLine": "y", "runElevated": false}]}',
    found: [
      ['warning', '"runElevated"', ...ADMIN],
      ['warning', '"runElevated"', ...NON_ADMIN],
    ],
  },
  {
    name: 'top-level array of tasks',
    language: 'json',
    text: '[{"id": "a", "commandLine": "x", "runElevated": true}]',
    found: [['warning', '"runElevated"', ...ADMIN]],
  },
  {
    name: 'pool start task',
    language: 'json',
    text: '{"id": "p", "vmSize": "small", "startTask": {"commandLine": "x", "runElevated": true}}',
    found: [['warning', '"runElevated"', ...ADMIN]],
  },
  {
    name: 'job manager, preparation and release tasks',
    language: 'json',
    text: '{"id": "j", "poolInfo": {"poolId": "p"}, "jobManagerTask": {"id": "m", "commandLine": "x", "runElevated": true}, "jobPreparationTask": {"commandLine": "x", "runElevated": true}, "jobReleaseTask": {"commandLine": "x", "runElevated": false}}',
    found: [
      ['warning', '"runElevated"', ...ADMIN],
      ['warning', '"runElevated"', ...ADMIN],
      ['warning', '"runElevated"', ...NON_ADMIN],
    ],
  },
  {
    name: 'job schedule',
    language: 'json',
    text: '{"id": "s", "schedule": {}, "jobSpecification": {"poolInfo": {}, "jobManagerTask": {"id": "m", "commandLine": "x", "runElevated": true}}}',
    found: [['warning', '"runElevated"', ...ADMIN]],
  },
  {
    name: 'Batch CLI template taskFactory',
    language: 'json',
    text: `{"job": {"type": "Microsoft.Batch/batchAccounts/jobs", "apiVersion": "2018-12-01", "properties": {"id": "j",
        "taskFactory": {"type": "parametricSweep", "repeatTask": {"commandLine": "x", "runElevated": true}, "mergeTask": {"commandLine": "m", "runElevated": true}}}}}`,
    found: [
      ['warning', '"runElevated"', ...ADMIN],
      ['warning', '"runElevated"', ...ADMIN],
    ],
  },
  {
    name: 'Batch CLI template taskCollection',
    language: 'json',
    text: '{"job": {"type": "Microsoft.Batch/batchAccounts/jobs", "properties": {"taskFactory": {"type": "taskCollection", "tasks": [{"id": "a", "commandLine": "x", "runElevated": true}]}}}}',
    found: [['warning', '"runElevated"', ...ADMIN]],
  },
  {
    name: 'ARM template Batch pool',
    language: 'json',
    text: '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "properties": {"startTask": {"commandLine": "x", "runElevated": true}}}]}',
    found: [['warning', '"runElevated"', ...ARM.ADMIN]],
  },
  {
    name: 'ARM nested deployment',
    language: 'json',
    text: `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Resources/deployments",
        "properties": {"template": {"resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "properties": {"startTask": {"commandLine": "x", "runElevated": true}}}]}}}]}`,
    found: [['warning', '"runElevated"', ...ARM.ADMIN]],
  },
  {
    name: 'swagger example of a Batch operation',
    language: 'json',
    text: '{"parameters": {"batchUrl": "https://a.b", "api-version": "2016-07-01.3.1", "task": {"id": "t", "commandLine": "x", "runElevated": true}}, "responses": {"201": {}}}',
    found: [['warning', '"runElevated"', ...ADMIN]],
  },
  {
    name: 'JSON with comments',
    language: 'json',
    text: '{\n  // a task\n  "id": "t", "commandLine": "x",\n  /* yes */ "runElevated": true,\n}',
    found: [['warning', '"runElevated"', ...ADMIN]],
  },
  {
    name: 'unknown document, unmistakable shape: weak',
    language: 'json',
    text: '{"tasks": {"a": {"commandLine": "x", "runElevated": true}}}',
    found: [['information', '"runElevated"', ...ADMIN]],
  },
  {
    name: 'Batch CLI application template: templateMetadata beside jobManagerTask (a Batch document: warning, not information)',
    language: 'json',
    text: `{"templateMetadata": {"description": "Renders a scene"}, "parameters": {"scene": {"type": "string"}},
  "jobManagerTask": {"id": "render", "commandLine": "[parameters('scene')]", "runElevated": true}, "onAllTasksComplete": "terminateJob"}`,
    found: [['warning', '"runElevated"', ...ADMIN]],
    fixed: `{"templateMetadata": {"description": "Renders a scene"}, "parameters": {"scene": {"type": "string"}},
  "jobManagerTask": {"id": "render", "commandLine": "[parameters('scene')]", "userIdentity": {"autoUser": {"elevationLevel": "admin"}}}, "onAllTasksComplete": "terminateJob"}`,
    sdk: reads({ sdk: 'batch', model: 'JobManagerTask', at: ['jobManagerTask'], userIdentities: [autoUser('admin')] }),
  },
  {
    name: 'Batch CLI application template: parameters beside jobPreparationTask, no templateMetadata',
    language: 'json',
    text: '{"parameters": {"n": {"type": "int"}}, "jobPreparationTask": {"commandLine": "setup.sh", "runElevated": false}}',
    found: [['warning', '"runElevated"', ...NON_ADMIN]],
  },
  {
    name: 'ARM: a start task in a variable read by a Batch pool: the fix writes ARM casing',
    language: 'json',
    text: `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
  "variables": {"setupTask": {"commandLine": "setup.sh", "runElevated": true}},
  "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "name": "a/p", "properties": {"vmSize": "s", "startTask": "[variables('setupTask')]"}}]}`,
    found: [['warning', '"runElevated"', ...ARM.ADMIN]],
    fixed: `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
  "variables": {"setupTask": {"commandLine": "setup.sh", "userIdentity": {"autoUser": {"elevationLevel": "Admin"}}}},
  "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "name": "a/p", "properties": {"vmSize": "s", "startTask": "[variables('setupTask')]"}}]}`,
    sdk: reads({ sdk: 'mgmt', model: 'StartTask', at: ['variables', 'setupTask'], userIdentities: [autoUser('Admin')] }),
  },
  {
    name: 'ARM: a start task passed to a linked template: the casing it needs cannot be told, no fix',
    language: 'json',
    text: armTemplate({}, [
      deployment({ templateLink: 'https://example.com/pool.json' }, { startTask: { commandLine: 'setup.sh', runElevated: true } }),
    ]),
    found: [['information', '"runElevated"', ...ADMIN]],
    fixed: null,
  },
  {
    name: 'a deployment parameters file: the casing it needs cannot be told, no fix',
    language: 'json',
    text: json({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
      contentVersion: '1.0.0.0',
      parameters: { startTask: { value: { commandLine: 'setup.sh', runElevated: true } } },
    }),
    found: [['information', '"runElevated"', ...ADMIN]],
    fixed: null,
  },
  // silent ----------------------------------------------------------------------------------------
  {
    name: 'a string value',
    language: 'json',
    text: '{"id": "t", "commandLine": "echo runElevated", "description": "runElevated"}',
    found: [],
  },
  {
    name: 'a comment',
    language: 'json',
    text: '{"id": "t", "commandLine": "x" // "runElevated": true\n}',
    found: [],
  },
  {
    name: 'a longer key',
    language: 'json',
    text: '{"id": "t", "commandLine": "x", "myRunElevatedFlag": true, "runElevatedX": true}',
    found: [],
  },
  {
    name: 'Azure Image Builder customizer',
    language: 'json',
    text: `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.VirtualMachineImages/imageTemplates",
        "properties": {"customize": [{"type": "PowerShell", "name": "x", "runElevated": true, "inline": ["a"]}]}}]}`,
    found: [],
  },
  {
    name: 'JSON Schema defining the property',
    language: 'json',
    text: '{"$schema": "http://json-schema.org/draft-04/schema#", "definitions": {"Task": {"properties": {"commandLine": {"type": "string"}, "runElevated": {"type": "boolean"}}}}}',
    found: [],
  },
  {
    name: 'swagger document defining the property',
    language: 'json',
    text: '{"swagger": "2.0", "definitions": {"TaskAddParameter": {"properties": {"commandLine": {"type": "string"}, "runElevated": {"type": "boolean"}}}}}',
    found: [],
  },
  {
    name: 'HTTP recording with the body in an escaped string',
    language: 'json',
    text: '{"Entries": [{"RequestUri": "https://a/jobs/j/tasks", "RequestBody": "{\\"id\\":\\"t\\",\\"commandLine\\":\\"x\\",\\"runElevated\\":true}"}]}',
    found: [],
  },
  {
    name: 'unknown document without commandLine',
    language: 'json',
    text: '{"settings": {"runElevated": true}}',
    found: [],
  },
  {
    name: 'unknown document, non-boolean value',
    language: 'json',
    text: '{"config": {"commandLine": "x", "runElevated": "yes"}}',
    found: [],
  },
  // fix -------------------------------------------------------------------------------------------
  {
    name: 'true → admin, keeping comments and indentation',
    language: 'json',
    text: '{\n  "id": "t",\n  "commandLine": "x",\n  // installer needs admin\n  "runElevated": true, // old\n  "constraints": {}\n}\n',
    found: [['warning', '"runElevated"', ...ADMIN]],
    quickFix: {
      text:
        '{\n  "id": "t",\n  "commandLine": "x",\n  // installer needs admin\n' +
        '  "userIdentity": {\n    "autoUser": {\n      "elevationLevel": "admin"\n    }\n  }, // old\n  "constraints": {}\n}\n',
    },
    sdk: restTask(autoUser('admin')),
  },
  {
    name: 'false → nonadmin, last property, no space after the colon',
    language: 'json',
    text: '{"id":"t","commandLine":"x","runElevated":false}',
    found: [['warning', '"runElevated"', ...NON_ADMIN]],
    quickFix: { text: '{"id":"t","commandLine":"x","userIdentity":{"autoUser":{"elevationLevel":"nonadmin"}}}' },
    sdk: restTask(autoUser('nonadmin')),
  },
  {
    name: 'CRLF line endings kept',
    language: 'json',
    text: '{\r\n  "commandLine": "x",\r\n  "runElevated": true\r\n}\r\n',
    found: [['warning', '"runElevated"', ...ADMIN]],
    quickFix: {
      text: '{\r\n  "commandLine": "x",\r\n  "userIdentity": {\r\n    "autoUser": {\r\n      "elevationLevel": "admin"\r\n    }\r\n  }\r\n}\r\n',
    },
    sdk: restTask(autoUser('admin')),
  },
  {
    name: 'ARM casing inside a Microsoft.Batch resource',
    language: 'json',
    text: '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "properties": {"startTask": {"commandLine": "x", "runElevated": true}}}]}',
    found: [['warning', '"runElevated"', ...ARM.ADMIN]],
    quickFix: {
      text: '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "properties": {"startTask": {"commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "Admin"}}}}}]}',
    },
    sdk: reads({ sdk: 'mgmt', model: 'StartTask', at: ['resources', 0, 'properties', 'startTask'], userIdentities: [autoUser('Admin')] }),
  },
  {
    name: 'ARM expression → if()',
    language: 'json',
    text: '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "properties": {"startTask": {"commandLine": "x", "runElevated": "[parameters(\'elevated\')]"}}}]}',
    found: [['warning', '"runElevated"', ...ARM.sameCondition(`"[parameters('elevated')]"`)]],
    quickFix: {
      text: '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "properties": {"startTask": {"commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "[if(parameters(\'elevated\'), \'Admin\', \'NonAdmin\')]"}}}}}]}',
    },
    sdk: { notRunHere: 'an ARM template expression, evaluated at deployment: no SDK model reads it' },
  },
  {
    name: 'second fix: explicit task scope',
    language: 'json',
    text: '{"commandLine": "x", "runElevated": true}',
    found: [['warning', '"runElevated"', ...ADMIN]],
    quickFix: { fix: 1, text: '{"commandLine": "x", "userIdentity": {"autoUser": {"scope": "task", "elevationLevel": "admin"}}}' },
    sdk: restTask(autoUser('admin', 'task')),
  },
  {
    name: 'batchIdentity.fix.scope = pool writes pool scope',
    language: 'json',
    text: '{"commandLine": "x", "runElevated": true}',
    found: [['warning', '"runElevated"', ...replaced('admin', 'pool')]],
    settings: { fix: { scope: 'pool' } },
    quickFix: { text: '{"commandLine": "x", "userIdentity": {"autoUser": {"scope": "pool", "elevationLevel": "admin"}}}' },
    sdk: restTask(autoUser('admin', 'pool')),
  },
  {
    name: 'a REST value that is not a boolean gets no fix',
    language: 'json',
    text: '{"id": "t", "commandLine": "x", "runElevated": null}',
    found: [['warning', '"runElevated"', ...UNKNOWN_VALUE]],
    fixed: null,
  },
  {
    name: 'fix-all rewrites every runElevated and is idempotent',
    language: 'json',
    text: '{"value": [\n  {"id": "a", "commandLine": "x", "runElevated": true},\n  {"id": "b", "commandLine": "y", "runElevated": false}\n]}\n',
    found: [
      ['warning', '"runElevated"', ...ADMIN],
      ['warning', '"runElevated"', ...NON_ADMIN],
    ],
    fixed:
      '{"value": [\n  {"id": "a", "commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "admin"}}},\n  {"id": "b", "commandLine": "y", "userIdentity": {"autoUser": {"elevationLevel": "nonadmin"}}}\n]}\n',
    sdk: reads({ sdk: 'batch', model: 'TaskAddCollectionParameter', userIdentities: [autoUser('admin'), autoUser('nonadmin')] }),
  },

  // beside an existing userIdentity --------------------------------------------------------------
  {
    name: 'agreeing: the fix removes runElevated, the last property, with its comma',
    language: 'json',
    text: '{\n  "commandLine": "x",\n  "userIdentity": {"autoUser": {"elevationLevel": "admin"}},\n  "runElevated": true\n}',
    found: [['warning', '"runElevated"', ...AGREES]],
    alone: true,
    quickFix: { text: '{\n  "commandLine": "x",\n  "userIdentity": {"autoUser": {"elevationLevel": "admin"}}\n}' },
    sdk: restTask(autoUser('admin'), KEPT),
  },
  {
    name: 'agreeing, first property: removes it and its comma, keeping the comment',
    language: 'json',
    text: '{\n  "runElevated": false, // legacy\n  "commandLine": "x",\n  "userIdentity": {"autoUser": {"scope": "task"}}\n}',
    found: [['warning', '"runElevated"', ...AGREES]],
    quickFix: { text: '{\n  // legacy\n  "commandLine": "x",\n  "userIdentity": {"autoUser": {"scope": "task"}}\n}' },
    sdk: restTask({ autoUser: { scope: 'task' } }, KEPT),
  },
  {
    name: 'disagreeing: the removal is offered, not applied on save, and the message says why',
    language: 'json',
    text: '{"commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "nonadmin"}}, "runElevated": true}',
    found: [['warning', '"runElevated"', ...DIFFERS]],
    fixed: UNCHANGED,
  },
  {
    name: 'named user: no fix (elevation of the account is unknown here)',
    language: 'json',
    text: '{"commandLine": "x", "userIdentity": {"username": "admin"}, "runElevated": true}',
    found: [['warning', '"runElevated"', ...DIFFERS]],
    fixed: UNCHANGED,
  },
];
