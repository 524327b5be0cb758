/**
 * The TypeScript/JavaScript adapter: which objects are Batch's and how sure (imports of every form,
 * model types, operations, task properties, variables), the holder and task kind of each fact,
 * identities, accounts and pools, the grammar each file is read with (TSX, JSX, JavaScript), and
 * what it leaves alone. The rule tables (test/unit/rules) hold the findings and fixes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GrammarSource } from '../../../common/languages';
import type { Facts } from '../../../server/src/engine/facts';
import { typescriptLanguage } from '../../../server/src/languages/typescript';
import { fixAll, squiggles } from '../../helpers/engine';

async function factsOf(text: string, source: GrammarSource = {}): Promise<Facts> {
  const tree = await typescriptLanguage.parse(text, undefined, source);
  try {
    return typescriptLanguage.analyze({ uri: source.uri ?? 'file:///facts.ts', text }, tree).facts;
  } finally {
    typescriptLanguage.dispose?.(tree);
  }
}

const TASK = "{ id: 't', commandLine: 'x', runElevated: true }";

describe('typescript evidence of Batch', () => {
  const cases: [name: string, text: string, confidence: 'strong' | 'weak' | undefined][] = [
    [
      'ESM named import, a model type',
      `import { BatchServiceModels } from '@azure/batch';\nconst t: BatchServiceModels.TaskAddParameter = ${TASK};`,
      'strong',
    ],
    [
      'import type of a model by name',
      `import type { TaskAddParameter } from '@azure/batch';\nconst t: TaskAddParameter = ${TASK};`,
      'strong',
    ],
    ['an aliased model name', `import type { TaskAddParameter as Task } from '@azure/batch';\nconst t: Task = ${TASK};`, 'strong'],
    [
      'a namespace import of the models module',
      `import * as models from 'azure-batch/lib/models';\nconst t = ${TASK} as models.TaskAddParameter;`,
      'strong',
    ],
    ['import = require', `import batch = require('azure-batch');\nconst t: batch.ServiceModels.TaskAddParameter = ${TASK};`, 'strong'],
    ['CommonJS require into a name, a client operation', `const batch = require('azure-batch');\nclient.task.add('j', ${TASK});`, 'strong'],
    [
      'dynamic import, jobSchedule.add',
      `const { BatchServiceClient } = await import('@azure/batch');\nclient.jobSchedule.add({ id: 's', jobSpecification: { jobManagerTask: ${TASK} } });`,
      'strong',
    ],
    [
      'an array typed with a model, push',
      `import type { BatchServiceModels as M } from '@azure/batch';\nconst tasks: M.TaskAddParameter[] = [];\ntasks.push(${TASK});`,
      'strong',
    ],
    [
      'a variable given to an operation',
      `const batch = require('azure-batch');\nconst t = ${TASK};\nawait client.task.add('j', t);`,
      'strong',
    ],
    ['a start task assigned in a Batch file', `import { BatchServiceClient } from '@azure/batch';\npool.startTask = ${TASK};`, 'strong'],
    [
      'a task-shaped object in a Batch file, nowhere Batch',
      `import { BatchServiceClient } from '@azure/batch';\nconst t = ${TASK};`,
      'weak',
    ],
    ['an operation without an import', `client.task.add('j', ${TASK});`, 'weak'],
    ['the operation, another argument', `import { BatchServiceClient } from '@azure/batch';\nclient.task.add(${TASK}, 'j');`, 'weak'],
    ['no import, no Batch place', `const t = ${TASK};`, undefined],
    ['a start task assigned without an import', `pool.startTask = ${TASK};`, undefined],
    ['another library of the same name', `import batch from 'azure-batch-tools';\nclient.queue.add('j', ${TASK});`, undefined],
    [
      'not task-shaped in a Batch file',
      "import { BatchServiceClient } from '@azure/batch';\nconst options = { runElevated: true };",
      undefined,
    ],
    ['an interface member', "import { BatchServiceClient } from '@azure/batch';\ninterface Options { runElevated: boolean }", undefined],
  ];
  for (const [name, text, confidence] of cases) {
    it(name, async () => {
      const facts = await factsOf(text);
      assert.deepEqual(
        facts.runElevated.map((f) => f.confidence),
        confidence ? [confidence] : [],
      );
    });
  }
});

describe('typescript facts', () => {
  it('holders: task kinds from the property or the model, a start task on its pool', async () => {
    const text =
      "import { BatchServiceModels } from '@azure/batch';\n" +
      'const pool: BatchServiceModels.PoolAddParameter = {\n' +
      "  id: 'p', vmSize: 's',\n" +
      "  userAccounts: [{ name: 'ops', password: process.env.PW!, elevationLevel: 'admin' }],\n" +
      "  startTask: { commandLine: 'x', runElevated: true, userIdentity: { userName: 'ops' } },\n" +
      '};\n' +
      "const manager: BatchServiceModels.JobManagerTask = { id: 'm', commandLine: 'y', runElevated: false };\n";
    const facts = await factsOf(text);
    assert.deepEqual(
      facts.runElevated.map((f) => [f.holder.taskKind, f.holder.typeName, f.generation]),
      [
        ['startTask', undefined, '@azure/batch'],
        ['jobManagerTask', 'JobManagerTask', '@azure/batch'],
      ],
    );
    const [start] = facts.runElevated;
    assert.deepEqual(start.holder.pool, { key: facts.accounts[0].pool!.key });
    assert.equal(facts.identities[0].holder?.key, start.holder.key);
    assert.equal(facts.identities[0].userName?.kind === 'string' && facts.identities[0].userName.value, 'ops');
    assert.equal(facts.pools.length, 1);
    assert.deepEqual(facts.pools[0].id && facts.pools[0].id.kind === 'string' && facts.pools[0].id.value, 'p');
    assert.deepEqual(
      facts.accounts.map((a) => [a.name?.kind === 'string' && a.name.value, a.password?.kind === 'expr' && a.password.hint]),
      [['ops', 'secret']],
    );
  });

  it('enum values: checked against the SDK of the file, weak where the SDK is assumed', async () => {
    const identity = "{ commandLine: 'x', userIdentity: { autoUser: { scope: 'Task', elevationLevel: 'nonAdmin' } } }";
    const azure = await factsOf(`import { BatchServiceModels } from '@azure/batch';\nconst t: BatchServiceModels.StartTask = ${identity};`);
    assert.deepEqual(
      azure.enumRefs.map((r) => [r.value.member, r.value.canonical, r.dialect, r.confidence]),
      [
        ['Task', undefined, '@azure/batch', undefined],
        ['nonAdmin', undefined, '@azure/batch', undefined],
      ],
    );
    const legacy = await factsOf(`import * as models from 'azure-batch/lib/models';\nconst t: models.StartTask = ${identity};`);
    assert.deepEqual(
      legacy.enumRefs.map((r) => [r.value.member, r.value.canonical, r.dialect]),
      [
        ['Task', undefined, 'azure-batch'],
        ['nonAdmin', 'nonAdmin', 'azure-batch'],
      ],
    );
    const assumed = await factsOf(`client.task.add('j', ${identity.replace("commandLine: 'x'", "commandLine: 'x', runElevated: true")});`);
    assert.deepEqual(
      assumed.enumRefs.map((r) => r.confidence),
      ['weak', 'weak'],
    );
  });

  it('assignments and reads on a variable the file shows to be Batch’s share its holder', async () => {
    const text = `import type { TaskAddParameter } from '@azure/batch';\nconst t: TaskAddParameter = { id: 't', commandLine: 'x' };\nt.runElevated = true;\nif (t.runElevated) t.userIdentity = { autoUser: {} };\n`;
    const facts = await factsOf(text);
    assert.deepEqual(
      facts.runElevated.map((f) => f.form),
      ['assign', 'read'],
    );
    assert.equal(facts.identityAssignments.length, 1);
    assert.equal(facts.identityAssignments[0].holder.key, facts.runElevated[0].holder.key);
  });
});

describe('typescript grammars', () => {
  const tsx =
    "import { BatchServiceModels } from '@azure/batch';\nconst view = <Task spec={{ commandLine: 'x' }} />;\nconst t: BatchServiceModels.TaskAddParameter = { id: 't', commandLine: 'x', runElevated: true };\n";
  it('TSX is read by the TSX grammar (TypeScript’s cannot read JSX)', async () => {
    assert.equal((await factsOf(tsx, { uri: 'file:///View.tsx' })).runElevated.length, 1);
    assert.deepEqual(await squiggles('typescript', tsx), await squiggles('typescript', tsx), 'deterministic');
  });
  it('JSX and JavaScript by the JavaScript grammar, by extension or language id', async () => {
    const jsx =
      "const batch = require('azure-batch');\nconst v = <Task />;\nclient.task.add('j', { commandLine: 'x', runElevated: false });\n";
    assert.equal((await factsOf(jsx, { uri: 'file:///View.jsx' })).runElevated.length, 1);
    assert.equal((await factsOf(jsx, { uri: 'untitled:1', languageId: 'javascriptreact' })).runElevated.length, 1);
  });
  it('a TypeScript cast `<T>x` in a .ts file is no JSX', async () => {
    const text =
      "import { BatchServiceModels as M } from '@azure/batch';\nconst t = <M.StartTask>{ commandLine: 'x', runElevated: true };\n";
    assert.deepEqual(
      (await factsOf(text, { uri: 'file:///cast.ts' })).runElevated.map((f) => f.confidence),
      ['strong'],
    );
  });
});

describe('typescript fixes keep the file', () => {
  it('a shorthand runElevated becomes a condition over the same variable', async () => {
    const text =
      "import type { TaskAddParameter } from '@azure/batch';\nexport function make(runElevated: boolean): TaskAddParameter {\n  return { id: 't', commandLine: 'x', runElevated } as TaskAddParameter;\n}\n";
    assert.equal(
      await fixAll('typescript', text),
      "import type { TaskAddParameter } from '@azure/batch';\nexport function make(runElevated: boolean): TaskAddParameter {\n  return { id: 't', commandLine: 'x', userIdentity: { autoUser: { elevationLevel: runElevated ? 'admin' : 'nonadmin' } } } as TaskAddParameter;\n}\n",
    );
  });
  it('a loose condition gets parentheses; CRLF and tabs stay', async () => {
    const text =
      "import type { StartTask } from '@azure/batch';\r\nconst s: StartTask = {\r\n\tcommandLine: 'x',\r\n\trunElevated: a ? b : c,\r\n};\r\n";
    assert.equal(
      await fixAll('typescript', text),
      "import type { StartTask } from '@azure/batch';\r\nconst s: StartTask = {\r\n\tcommandLine: 'x',\r\n\tuserIdentity: { autoUser: { elevationLevel: (a ? b : c) ? 'admin' : 'nonadmin' } },\r\n};\r\n",
    );
  });
});
