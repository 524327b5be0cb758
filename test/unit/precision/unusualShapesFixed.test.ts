/**
 * Issue 7, "a fixture per unusual true shape asserting the finding and its fix": the shapes whose
 * finding the run-elevated rule table asserts (test/unit/rules/runElevated/<language>.ts) get here the
 * exact text of the preferred fix and of fix-all, checked against the mapping of issue 2, and fix-all
 * applied twice equals once. The C# and Java outputs that the stub SDKs can hold are compiled too;
 * the Python and JSON outputs go through the real Azure SDK for Python where it can hold them
 * (test/compile/python/sdkRows.ts: the fixed code builds its tasks with the identity listed, the
 * fixed bodies read as written, and the input's runElevated is dropped), the others say why not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileCSharp, skipWithoutMcs } from '../../compile/csharp/mcs';
import { compileJava, skipWithoutJavac } from '../../compile/java/javac';
import type { TaskIdentity } from '../../compile/python/sdk';
import { autoUser, pythonSdkRows, task, type PythonSdkExpectation } from '../../compile/python/sdkRows';
import type { LanguageId } from '../../../server/src/engine/facts';
import { applyFix, engine, fixAll, squiggles } from '../../helpers/engine';
import { fixAllProblems } from '../../helpers/fixAllSweep';
import { declareRowChecks } from '../../helpers/rowChecks';

const rule = 'run-elevated';

interface Shape {
  readonly name: string;
  readonly text: string;
  /** Findings of the rule, all warnings. */
  readonly count?: number;
  /** The preferred fix of the first finding. */
  readonly fixed: string;
  /** Fix-all, when it differs from `fixed` (more than one finding). */
  readonly all?: string;
  /** What the real SDK for Python makes of the text after fix-all, and of the text before it. */
  readonly sdk?: PythonSdkExpectation;
}

/** One python3 process for the file's SDK checks. */
const realSdk = pythonSdkRows();

function check(language: LanguageId, shapes: readonly Shape[]): void {
  for (const s of shapes) {
    it(s.name, async () => {
      const found = (await squiggles(language, s.text)).filter((f) => f.rule === rule);
      assert.equal(found.length, s.count ?? 1, JSON.stringify(found));
      for (const f of found) assert.equal(f.severity, 'warning');
      assert.equal(await applyFix(language, s.text, rule), s.fixed);
      const all = await fixAll(language, s.text);
      assert.equal(all, s.all ?? s.fixed);
      assert.equal(await fixAll(language, all), all, 'fix-all twice differs from once');
      assert.deepEqual(
        (await squiggles(language, all)).filter((f) => f.rule === rule),
        [],
      );
    });
    if (s.sdk) declareRowChecks(realSdk, { name: s.name, language, input: s.text, output: s.all ?? s.fixed, expect: s.sdk });
  }
  it('fix-all of every shape: no duplicate key, no value changed outside a finding, no new syntax error (issue 12)', async () => {
    const problems: string[] = [];
    for (const s of shapes)
      for (const problem of await fixAllProblems(engine, { source: s.name, language, text: s.text }))
        problems.push(`${s.name}: ${problem}`);
    assert.deepEqual(problems, []);
  });
}

// ---------------------------------------------------------------- C#

const CS_ADMIN = 'new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin))';
const CS_USINGS = 'using Microsoft.Azure.Batch;';
const CS_USINGS_FIXED = 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;';

/** As rules/runElevated/csharp.ts: a method body in a class, under the given usings. */
function csMethod(body: string, usings = CS_USINGS): string {
  return `${usings}\n\nclass Program\n{\n    void Run(CloudPool pool, CloudJob job, object o)\n    {\n${body}\n    }\n}\n`;
}
const csShape = (name: string, body: string, fixedBody: string): Shape => ({
  name,
  text: csMethod(body),
  fixed: csMethod(fixedBody, CS_USINGS_FIXED),
});

const CSHARP: Shape[] = [
  {
    name: 'a task of the oldest SDK reached through its interface (IStartTask)',
    text: 'using Microsoft.Azure.Batch;\nclass C { void M(IStartTask s) { s.RunElevated = true; } }',
    fixed: `${CS_USINGS_FIXED}\nclass C { void M(IStartTask s) { s.UserIdentity = ${CS_ADMIN}; } }`,
  },
  csShape('pattern variable', 'if (o is CloudTask t) t.RunElevated = true;', `if (o is CloudTask t) t.UserIdentity = ${CS_ADMIN};`),
  csShape('cast', '((CloudTask)o).RunElevated = true;', `((CloudTask)o).UserIdentity = ${CS_ADMIN};`),
  csShape(
    'lambda parameter with a Batch type',
    'tasks.ForEach((CloudTask t) => t.RunElevated = true);',
    `tasks.ForEach((CloudTask t) => t.UserIdentity = ${CS_ADMIN});`,
  ),
  csShape(
    'target-typed new with a declared type',
    'StartTask s = new() { CommandLine = "x", RunElevated = true };',
    `StartTask s = new() { CommandLine = "x", UserIdentity = ${CS_ADMIN} };`,
  ),
  csShape(
    'nested initializer without new',
    'var p = new CloudPool { StartTask = { RunElevated = true } };',
    `var p = new CloudPool { StartTask = { UserIdentity = ${CS_ADMIN} } };`,
  ),
  {
    name: 'a class of the file deriving from a Batch task',
    text: 'using Microsoft.Azure.Batch;\nclass MyStart : StartTask { }\nclass C { void M(MyStart s) { s.RunElevated = true; } }',
    fixed: `${CS_USINGS_FIXED}\nclass MyStart : StartTask { }\nclass C { void M(MyStart s) { s.UserIdentity = ${CS_ADMIN}; } }`,
  },
];

describe('csharp run-elevated: unusual shapes, fixed', () => check('csharp', CSHARP));

/**
 * The stubs have no IStartTask and seal their task classes, so the interface and subclass shapes
 * cannot compile there; mcs does not know C# 9 target-typed new(); the lambda shape needs its
 * `tasks` declared.
 */
describe('csharp run-elevated: unusual shapes, fixed, compile (mcs)', { skip: skipWithoutMcs() }, () => {
  const compilable = [
    ...CSHARP.filter((s) => /^(pattern|cast|nested)/.test(s.name)).map((s) => ({ name: s.name, text: s.text })),
    {
      name: 'lambda, tasks declared',
      text: csMethod(
        'var tasks = new System.Collections.Generic.List<CloudTask>();\ntasks.ForEach((CloudTask t) => t.RunElevated = true);',
      ),
    },
  ];
  for (const c of compilable) {
    it(c.name, async () => {
      const fixed = await fixAll('csharp', c.text);
      const result = compileCSharp({ 'Case.cs': fixed });
      assert.ok(result.ok, `${result.output}\n${fixed}`);
    });
  }
});

// ---------------------------------------------------------------- Java

const JAVA_ADMIN =
  'withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)))';
const LEGACY = 'import com.microsoft.azure.batch.protocol.models.*;\n';

/** As rules/runElevated/java.ts: a class around the statements of one method. */
function javaMethod(header: string, body: string, params = ''): string {
  return `${header}\nclass Jobs {\n  void run(${params}) {\n${body}\n  }\n}\n`;
}

const JAVA: Shape[] = [
  {
    name: 'double-brace initialisation (an anonymous subclass)',
    text: javaMethod(LEGACY, '    CloudTask t = new CloudTask() {{\n      setRunElevated(true);\n    }};'),
    fixed: javaMethod(LEGACY, `    CloudTask t = new CloudTask() {{\n      ${JAVA_ADMIN};\n    }};`),
  },
  {
    name: 'unqualified call in a subclass of a Batch task (wildcard import: no import added)',
    text: `${LEGACY}class ElevatedTask extends CloudTask {\n  ElevatedTask() {\n    setRunElevated(true);\n  }\n}\n`,
    fixed: `${LEGACY}class ElevatedTask extends CloudTask {\n  ElevatedTask() {\n    ${JAVA_ADMIN};\n  }\n}\n`,
  },
  {
    name: 'subclass with a single-type import (java/compile.test.ts): the used classes are imported',
    text: `import com.microsoft.azure.batch.protocol.models.CloudTask;

class Case extends CloudTask {
    Case() {
        setRunElevated(true);
    }
}
`,
    fixed: `import com.microsoft.azure.batch.protocol.models.AutoUserSpecification;
import com.microsoft.azure.batch.protocol.models.CloudTask;
import com.microsoft.azure.batch.protocol.models.ElevationLevel;
import com.microsoft.azure.batch.protocol.models.UserIdentity;

class Case extends CloudTask {
    Case() {
        ${JAVA_ADMIN};
    }
}
`,
  },
  {
    name: 'a cast to a task type',
    text: javaMethod(LEGACY, '    ((CloudTask) o).withRunElevated(true);', 'Object o'),
    fixed: javaMethod(LEGACY, `    ((CloudTask) o).${JAVA_ADMIN};`, 'Object o'),
  },
  {
    name: 'a task read from its job (legacy getter chain)',
    text: javaMethod(LEGACY, '    job.jobManagerTask().withRunElevated(true);', 'JobAddParameter job'),
    fixed: javaMethod(LEGACY, `    job.jobManagerTask().${JAVA_ADMIN};`, 'JobAddParameter job'),
  },
];

describe('java run-elevated: unusual shapes, fixed', () => check('java', JAVA));

describe('java run-elevated: unusual shapes, fixed, compile (javac)', { skip: skipWithoutJavac() }, () => {
  it('every fixed shape compiles against the stub SDK', async () => {
    const sources: Record<string, string> = {};
    for (const [i, s] of JAVA.entries()) sources[`shape${i}/Case.java`] = `package shape${i};\n\n${await fixAll('java', s.text)}`;
    const result = compileJava(sources);
    assert.ok(result.ok, `${result.output}\n${Object.values(sources).join('\n---\n')}`);
  });
});

// ---------------------------------------------------------------- Python

const BM = 'import azure.batch.models as batchmodels\n';
const pyIdentity = (m: string, level = 'admin') =>
  `${m}.UserIdentity(auto_user=${m}.AutoUserSpecification(elevation_level=${m}.ElevationLevel.${level}))`;
/** The SDK drops the input's run_elevated (JSON: runElevated) from every task: their bodies carry no identity. */
const PY_DROPPED = { drops: 'run_elevated', identities: 'none' } as const;
const JSON_DROPPED = { drops: 'runElevated', identities: 'none' } as const;
/** The fixed code, with `then` run after it, builds these tasks. */
const pyBuilds = (then: string | undefined, ...tasks: TaskIdentity[]): PythonSdkExpectation => ({
  runs: [{ then, tasks }],
  input: PY_DROPPED,
});

const PYTHON: Shape[] = [
  {
    name: 'a module that re-exports the models (CLI extension): its alias is kept',
    text: `from azext.batch import models as extmodels\nt = extmodels.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    fixed: `from azext.batch import models as extmodels\nt = extmodels.TaskAddParameter(id='t', command_line='x', user_identity=${pyIdentity('extmodels')})\n`,
    sdk: { notRunHere: 'azext.batch is the Batch CLI extension (azure-batch-cli-extensions), which Debian does not package' },
  },
  {
    name: 'an alias of the class',
    text: `${BM}Task = batchmodels.TaskAddParameter\nt = Task(id='t', command_line='x', run_elevated=True)\n`,
    fixed: `${BM}Task = batchmodels.TaskAddParameter\nt = Task(id='t', command_line='x', user_identity=${pyIdentity('batchmodels')})\n`,
    sdk: pyBuilds(undefined, task('TaskAddParameter', 't', autoUser('admin'))),
  },
  {
    name: 'an import inside the function: its local alias is used',
    text: `def make():\n    import azure.batch.models as bm\n    return bm.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    fixed: `def make():\n    import azure.batch.models as bm\n    return bm.TaskAddParameter(id='t', command_line='x', user_identity=${pyIdentity('bm')})\n`,
    sdk: pyBuilds('make()', task('TaskAddParameter', 't', autoUser('admin'))),
  },
  {
    name: 'the legacy one-module-per-class path: the models package is imported (not added to the class module import)',
    text: `from azure.batch.models.task_add_parameter import TaskAddParameter\nt = TaskAddParameter('t', 'x', run_elevated=True)\n`,
    fixed: `from azure.batch.models.task_add_parameter import TaskAddParameter\n${BM}t = TaskAddParameter('t', 'x', user_identity=${pyIdentity('batchmodels')})\n`,
    sdk: {
      notRunHere:
        'azure-batch 13 has no azure.batch.models.task_add_parameter (one module per class is the layout of older releases) and takes keywords only',
    },
  },
  {
    name: 'an attribute of self holding a Batch model',
    text: `${BM}class Job:\n    def __init__(self):\n        self.task = batchmodels.TaskAddParameter(id='t', command_line='x')\n\n    def elevate(self):\n        self.task.run_elevated = True\n`,
    fixed: `${BM}class Job:\n    def __init__(self):\n        self.task = batchmodels.TaskAddParameter(id='t', command_line='x')\n\n    def elevate(self):\n        self.task.user_identity = ${pyIdentity('batchmodels')}\n`,
    sdk: pyBuilds('Job().elevate()', task('TaskAddParameter', 't', autoUser('admin'))),
  },
  {
    name: 'a class of the file deriving from a Batch model, and its self',
    text: `${BM}class MyTask(batchmodels.TaskAddParameter):\n    def elevate(self):\n        self.run_elevated = True\n\nt = MyTask(id='t', command_line='x', run_elevated=False)\n`,
    count: 2,
    fixed: `${BM}class MyTask(batchmodels.TaskAddParameter):\n    def elevate(self):\n        self.user_identity = ${pyIdentity('batchmodels')}\n\nt = MyTask(id='t', command_line='x', run_elevated=False)\n`,
    all: `${BM}class MyTask(batchmodels.TaskAddParameter):\n    def elevate(self):\n        self.user_identity = ${pyIdentity('batchmodels')}\n\nt = MyTask(id='t', command_line='x', user_identity=${pyIdentity('batchmodels', 'non_admin')})\n`,
    sdk: pyBuilds(
      "u = MyTask(id='u', command_line='y')\nu.elevate()",
      task('MyTask', 't', autoUser('nonadmin')),
      task('MyTask', 'u', autoUser('admin')),
    ),
  },
];

describe('python run-elevated: unusual shapes, fixed', () => check('python', PYTHON));

// ---------------------------------------------------------------- JSON

const JSON_ADMIN = '"userIdentity": {"autoUser": {"elevationLevel": "admin"}}';
const ARM_ADMIN = '"userIdentity": {"autoUser": {"elevationLevel": "Admin"}}';
const FACTORY_HEAD =
  '{"job": {"type": "Microsoft.Batch/batchAccounts/jobs", "apiVersion": "2018-12-01", "properties": {"id": "j",\n        "taskFactory": {"type": "parametricSweep", ';
const ARM_HEAD =
  '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Resources/deployments",\n' +
  '        "properties": {"template": {"resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "properties": {"startTask": {"commandLine": "x", ';
/** The body at `at` of the fixed document is a REST task (azure-batch's TaskAddParameter) running as admin. */
const restTaskAt = (...at: (string | number)[]): PythonSdkExpectation => ({
  reads: [{ sdk: 'batch', model: 'TaskAddParameter', at, userIdentities: [autoUser('admin')] }],
  input: JSON_DROPPED,
});
const SWAGGER_HEAD = '{"parameters": {"batchUrl": "https://a.b", "api-version": "2016-07-01.3.1", "task": {"id": "t", "commandLine": "x", ';

const JSONS: Shape[] = [
  {
    name: 'top-level array of tasks',
    text: '[{"id": "a", "commandLine": "x", "runElevated": true}]',
    fixed: `[{"id": "a", "commandLine": "x", ${JSON_ADMIN}}]`,
    sdk: restTaskAt(0),
  },
  {
    name: 'Batch CLI template taskFactory (parametricSweep): data-plane casing',
    text: `${FACTORY_HEAD}"repeatTask": {"commandLine": "x", "runElevated": true}, "mergeTask": {"commandLine": "m", "runElevated": true}}}}}`,
    count: 2,
    fixed: `${FACTORY_HEAD}"repeatTask": {"commandLine": "x", ${JSON_ADMIN}}, "mergeTask": {"commandLine": "m", "runElevated": true}}}}}`,
    all: `${FACTORY_HEAD}"repeatTask": {"commandLine": "x", ${JSON_ADMIN}}, "mergeTask": {"commandLine": "m", ${JSON_ADMIN}}}}}}`,
    sdk: {
      notRunHere:
        'repeatTask and mergeTask are models of the Batch CLI extension (azext.batch: RepeatTask, MergeTask), which Debian does not package',
    },
  },
  {
    name: 'Batch CLI template taskFactory (taskCollection)',
    text: '{"job": {"type": "Microsoft.Batch/batchAccounts/jobs", "properties": {"taskFactory": {"type": "taskCollection", "tasks": [{"id": "a", "commandLine": "x", "runElevated": true}]}}}}',
    fixed: `{"job": {"type": "Microsoft.Batch/batchAccounts/jobs", "properties": {"taskFactory": {"type": "taskCollection", "tasks": [{"id": "a", "commandLine": "x", ${JSON_ADMIN}}]}}}}`,
    sdk: restTaskAt('job', 'properties', 'taskFactory', 'tasks', 0),
  },
  {
    name: 'ARM nested deployment template: ARM casing',
    text: `${ARM_HEAD}"runElevated": true}}}]}}}]}`,
    fixed: `${ARM_HEAD}${ARM_ADMIN}}}}]}}}]}`,
    sdk: {
      reads: [
        {
          sdk: 'mgmt',
          model: 'StartTask',
          at: ['resources', 0, 'properties', 'template', 'resources', 0, 'properties', 'startTask'],
          userIdentities: [autoUser('Admin')],
        },
      ],
      input: JSON_DROPPED,
    },
  },
  {
    name: 'swagger example of a Batch operation',
    text: `${SWAGGER_HEAD}"runElevated": true}}, "responses": {"201": {}}}`,
    fixed: `${SWAGGER_HEAD}${JSON_ADMIN}}}, "responses": {"201": {}}}`,
    sdk: restTaskAt('parameters', 'task'),
  },
];

describe('json run-elevated: unusual shapes, fixed', () => {
  check('json', JSONS);
  it('every fixed document parses and holds no runElevated', async () => {
    for (const s of JSONS) {
      const all = await fixAll('json', s.text);
      assert.doesNotThrow(() => JSON.parse(all), s.name);
      assert.doesNotMatch(all, /runElevated/, s.name);
    }
  });
});
