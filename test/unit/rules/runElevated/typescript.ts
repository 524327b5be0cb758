/**
 * run-elevated in TypeScript and JavaScript: objects of azure-batch and @azure/batch found from
 * their model types, the client's operations, task properties and assignments (ESM, CommonJS,
 * `import type`, aliases), look-alikes silent (options objects of one's own, other libraries,
 * interfaces), and the exact text after each fix in the file's quotes, key quotes and brace
 * spacing, with the values the typings of the file's SDK declare. Each TypeScript row is compiled
 * with the real typings (test/compile/typescript/tscRows.ts): before the fix against azure-batch
 * 0.5.3, which had runElevated, after it against 9.0.0 or @azure/batch 10.2.0, which reject the
 * unfixed text; each JavaScript row passes `node --check` before and after.
 */
import type { TypeScriptCheck } from '../../../compile/typescript/tscRows';
import { UNCHANGED } from '../table';
import { expectIn, type RunElevatedCase } from './expect';

/** Messages and fix titles quote values as the fix writes them: in single quotes in a file of single quotes… */
const AZURE = expectIn('typescript', "'");
const LEGACY = expectIn('typescriptAzureBatch', "'");
/** …and in double quotes in a file of double quotes. */
const AZURE_DOUBLE = expectIn('typescript', '"');
const LEGACY_DOUBLE = expectIn('typescriptAzureBatch', '"');

/** Compiled against @azure/batch 10.2.0 after the fix (and not before). */
const V10: TypeScriptCheck = { tsc: { after: ['@azure/batch 10.2.0'] } };
/** azure-batch: before the fix against 0.5.3, after it against 9.0.0 (and not before). */
const V0_V9: TypeScriptCheck = { tsc: { before: 'azure-batch 0.5.3', after: ['azure-batch 9.0.0'] } };
const NODE: TypeScriptCheck = { node: '.js' };

export const TYPESCRIPT: RunElevatedCase[] = [
  // found -----------------------------------------------------------------------------------------
  {
    name: '@azure/batch: a TaskAddParameter typed through BatchServiceModels',
    language: 'typescript',
    text: "import { BatchServiceModels } from '@azure/batch';\n\nexport const task: BatchServiceModels.TaskAddParameter = { id: 't', commandLine: 'hostname', runElevated: true };\n",
    found: [['warning', 'runElevated', ...AZURE.ADMIN]],
    fixed:
      "import { BatchServiceModels } from '@azure/batch';\n\nexport const task: BatchServiceModels.TaskAddParameter = { id: 't', commandLine: 'hostname', userIdentity: { autoUser: { elevationLevel: 'admin' } } };\n",
    sdk: V10,
  },
  {
    name: 'azure-batch: a StartTask of the models module, double quotes, no semicolons, false',
    language: 'typescript',
    text: 'import * as models from "azure-batch/lib/models"\n\nexport const start: models.StartTask = {\n  commandLine: "setup.sh",\n  runElevated: false,\n}\n',
    found: [['warning', 'runElevated', ...LEGACY_DOUBLE.NON_ADMIN]],
    fixed:
      'import * as models from "azure-batch/lib/models"\n\nexport const start: models.StartTask = {\n  commandLine: "setup.sh",\n  userIdentity: { autoUser: { elevationLevel: "nonAdmin" } },\n}\n',
    sdk: V0_V9,
  },
  {
    name: '@azure/batch: import type with an alias, satisfies, a quoted key',
    language: 'typescript',
    text: "import type { BatchServiceModels as M } from '@azure/batch';\n\nexport const spec = { commandLine: 'x', 'runElevated': true } satisfies M.StartTask;\n",
    found: [['warning', "'runElevated'", ...AZURE.ADMIN]],
    fixed:
      "import type { BatchServiceModels as M } from '@azure/batch';\n\nexport const spec = { commandLine: 'x', 'userIdentity': { 'autoUser': { 'elevationLevel': 'admin' } } } satisfies M.StartTask;\n",
    sdk: V10,
  },
  {
    name: '@azure/batch: client.task.add with a condition',
    language: 'typescript',
    text:
      "import { BatchServiceClient } from '@azure/batch';\n\nexport async function submit(client: BatchServiceClient, jobId: string, needsAdmin: boolean) {\n" +
      "  await client.task.add(jobId, { id: 'a', commandLine: 'x', runElevated: needsAdmin });\n}\n",
    found: [['warning', 'runElevated', ...AZURE.sameCondition('needsAdmin')]],
    fixed:
      "import { BatchServiceClient } from '@azure/batch';\n\nexport async function submit(client: BatchServiceClient, jobId: string, needsAdmin: boolean) {\n" +
      "  await client.task.add(jobId, { id: 'a', commandLine: 'x', userIdentity: { autoUser: { elevationLevel: needsAdmin ? 'admin' : 'nonadmin' } } });\n}\n",
    sdk: V10,
  },
  {
    name: '@azure/batch: task scope from the settings, a pool start task nested in the pool',
    language: 'typescript',
    settings: { fix: { scope: 'task' } },
    text:
      "import { BatchServiceModels } from '@azure/batch';\n\nexport const pool: BatchServiceModels.PoolAddParameter = {\n  id: 'p',\n  vmSize: 'standard_d2s_v3',\n" +
      "  startTask: { commandLine: 'setup.sh', runElevated: true },\n};\n",
    found: [['warning', 'runElevated', ...AZURE.replaced('admin', 'task')]],
    fixed:
      "import { BatchServiceModels } from '@azure/batch';\n\nexport const pool: BatchServiceModels.PoolAddParameter = {\n  id: 'p',\n  vmSize: 'standard_d2s_v3',\n" +
      "  startTask: { commandLine: 'setup.sh', userIdentity: { autoUser: { scope: 'task', elevationLevel: 'admin' } } },\n};\n",
    sdk: V10,
  },
  {
    name: 'azure-batch: an assignment to a typed parameter',
    language: 'typescript',
    text: "import * as models from 'azure-batch/lib/models';\n\nexport function elevate(task: models.TaskAddParameter): void {\n  task.runElevated = true;\n}\n",
    found: [['warning', 'runElevated', ...LEGACY.ADMIN]],
    fixed:
      "import * as models from 'azure-batch/lib/models';\n\nexport function elevate(task: models.TaskAddParameter): void {\n  task.userIdentity = { autoUser: { elevationLevel: 'admin' } };\n}\n",
    sdk: V0_V9,
  },
  {
    name: 'azure-batch: a read of a typed task',
    language: 'typescript',
    text: "import * as models from 'azure-batch/lib/models';\n\nexport function isAdmin(task: models.CloudTask): boolean {\n  return task.runElevated === true;\n}\n",
    found: [['warning', 'runElevated', ...LEGACY.READ]],
    fixed: null,
    sdk: { tsc: { before: 'azure-batch 0.5.3', after: [] } },
  },
  {
    name: '@azure/batch: beside an identity with the same elevation, removed with its comma',
    language: 'typescript',
    text:
      "import { BatchServiceModels } from '@azure/batch';\n\nexport const task: BatchServiceModels.TaskAddParameter = {\n  id: 't',\n  commandLine: 'x',\n" +
      "  runElevated: true, // legacy\n  userIdentity: { autoUser: { elevationLevel: 'admin' } },\n};\n",
    found: [['warning', 'runElevated', ...AZURE.AGREES]],
    fixed:
      "import { BatchServiceModels } from '@azure/batch';\n\nexport const task: BatchServiceModels.TaskAddParameter = {\n  id: 't',\n  commandLine: 'x',\n" +
      "  // legacy\n  userIdentity: { autoUser: { elevationLevel: 'admin' } },\n};\n",
    sdk: V10,
  },
  {
    name: '@azure/batch: beside an identity that says otherwise',
    language: 'typescript',
    text: "import { BatchServiceModels } from '@azure/batch';\n\nexport const task: BatchServiceModels.TaskAddParameter = { id: 't', commandLine: 'x', runElevated: true, userIdentity: { userName: 'render' } };\n",
    found: [['warning', 'runElevated', ...AZURE.DIFFERS]],
    fixed: UNCHANGED,
  },
  {
    name: 'JavaScript, CommonJS azure-batch: task.addCollection of an array',
    language: 'typescript',
    file: 'submit.js',
    text:
      "const batch = require('azure-batch');\n\nfunction submit(client, jobId) {\n  return client.task.addCollection(jobId, [\n" +
      "    { id: 'a', commandLine: 'x', runElevated: true },\n    { id: 'b', commandLine: 'y', runElevated: false },\n  ]);\n}\n\nmodule.exports = { batch, submit };\n",
    found: [
      ['warning', 'runElevated', ...LEGACY.ADMIN],
      ['warning', 'runElevated', ...LEGACY.NON_ADMIN],
    ],
    fixed:
      "const batch = require('azure-batch');\n\nfunction submit(client, jobId) {\n  return client.task.addCollection(jobId, [\n" +
      "    { id: 'a', commandLine: 'x', userIdentity: { autoUser: { elevationLevel: 'admin' } } },\n" +
      "    { id: 'b', commandLine: 'y', userIdentity: { autoUser: { elevationLevel: 'nonAdmin' } } },\n  ]);\n}\n\nmodule.exports = { batch, submit };\n",
    sdk: NODE,
  },
  {
    name: 'JavaScript module, @azure/batch: a start task assigned, tight braces, double quotes',
    language: 'typescript',
    file: 'pool.mjs',
    text: 'import { BatchServiceClient } from "@azure/batch";\n\nexport function configure(pool) {\n  pool.startTask = {commandLine: "setup.sh", runElevated: true};\n}\nexport { BatchServiceClient };\n',
    found: [['warning', 'runElevated', ...AZURE_DOUBLE.ADMIN]],
    fixed:
      'import { BatchServiceClient } from "@azure/batch";\n\nexport function configure(pool) {\n  pool.startTask = {commandLine: "setup.sh", userIdentity: {autoUser: {elevationLevel: "admin"}}};\n}\nexport { BatchServiceClient };\n',
    sdk: { node: '.mjs' },
  },
  {
    name: 'JavaScript, destructured require: a variable passed to task.add',
    language: 'typescript',
    file: 'submit.js',
    text:
      "const { BatchServiceClient } = require('@azure/batch');\n\nasync function submit(client, jobId) {\n  const task = { id: 't', commandLine: 'x', runElevated: true };\n" +
      '  await client.task.add(jobId, task);\n}\n\nmodule.exports = { BatchServiceClient, submit };\n',
    found: [['warning', 'runElevated', ...AZURE.ADMIN]],
    fixed:
      "const { BatchServiceClient } = require('@azure/batch');\n\nasync function submit(client, jobId) {\n  const task = { id: 't', commandLine: 'x', userIdentity: { autoUser: { elevationLevel: 'admin' } } };\n" +
      '  await client.task.add(jobId, task);\n}\n\nmodule.exports = { BatchServiceClient, submit };\n',
    sdk: NODE,
  },
  {
    name: 'JavaScript without an import: task.add of a task-shaped object is weak',
    language: 'typescript',
    file: 'submit.js',
    text: "function submit(client, jobId) {\n  return client.task.add(jobId, { id: 't', commandLine: 'x', runElevated: false });\n}\n\nmodule.exports = { submit };\n",
    found: [['information', 'runElevated', ...AZURE.NON_ADMIN]],
    fixed:
      "function submit(client, jobId) {\n  return client.task.add(jobId, { id: 't', commandLine: 'x', userIdentity: { autoUser: { elevationLevel: 'nonadmin' } } });\n}\n\nmodule.exports = { submit };\n",
    sdk: NODE,
  },
  // silent ----------------------------------------------------------------------------------------
  {
    name: 'an options object of its own in a Batch file',
    language: 'typescript',
    text: "import { BatchServiceModels } from '@azure/batch';\n\ninterface RenderOptions {\n  runElevated: boolean;\n}\nexport const options: RenderOptions = { runElevated: true };\nexport type Task = BatchServiceModels.TaskAddParameter;\n",
    found: [],
    seen: 0,
    sdk: V10,
  },
  {
    name: "another library's task type",
    language: 'typescript',
    text: "import type { Task } from './queue';\n\nexport const job: Task = { commandLine: 'x', runElevated: true };\n",
    found: [],
    seen: 0,
  },
  {
    name: 'JavaScript without Batch: an object given to another library',
    language: 'typescript',
    file: 'jobs.js',
    text: "const queue = require('job-queue');\n\nqueue.schedule({ commandLine: 'x', runElevated: true });\npool.startTask = { commandLine: 'y', runElevated: true };\n",
    found: [],
    seen: 0,
    sdk: NODE,
  },
  {
    name: "JavaScript without Batch: another library's client, required, whose task.add takes a command line",
    language: 'typescript',
    file: 'jobs.js',
    text: "const scheduler = require('node-scheduler');\n\nscheduler.task.add('nightly', { commandLine: 'backup.sh', runElevated: true });\n",
    found: [],
    seen: 0,
    sdk: NODE,
  },
  {
    name: "TypeScript without Batch: another library's client, constructed, whose pool.add takes a start task",
    language: 'typescript',
    text: "import { Ci } from 'ci-tool';\n\nconst ci = new Ci();\nci.pool.add({ name: 'p', startTask: { commandLine: 'setup', runElevated: true } });\n",
    found: [],
    seen: 0,
  },
  {
    name: 'a string and a comment that say runElevated',
    language: 'typescript',
    text: "import { BatchServiceClient } from '@azure/batch';\n\n// runElevated: true was removed\nexport const note = 'runElevated: true';\nexport { BatchServiceClient };\n",
    found: [],
    seen: 0,
    sdk: V10,
  },
];
