/**
 * Execution checks against the real SDK: legacy Python inputs and their fixes run in Debian's
 * /usr/bin/python3 with azure-batch 13 (python3-azure), and every task they build is serialized
 * the SDK's way (model.serialize()). Unfixed, the SDK drops run_elevated — msrest logs "run_elevated
 * is not a known attribute of class … and will be ignored" for a keyword and says nothing for an
 * assignment — and no REST body carries a user identity; fixed, every body carries the identity
 * the input asked for. The same for the CLI on examples/legacy_tasks.py.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../../server/src/cli/main';
import {
  assertRanClean,
  ignoredKeywords,
  PythonSdkBatch,
  runInPythonSdk,
  skipWithoutPythonSdk,
  taskIdentities,
  type RunResult,
  type TaskIdentity,
} from '../../compile/python/sdk';
import { fixAll, settingsWith } from '../../helpers/engine';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLE = path.join(ROOT, 'examples/legacy_tasks.py');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'batch-identity-py-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

/** A task's REST user identity as azure-batch 13 serializes it: auto-user, REST enum values. */
const task = (type: string, id: string | null, elevationLevel: 'admin' | 'nonadmin', scope?: 'task' | 'pool'): TaskIdentity => ({
  type,
  id,
  userIdentity: { autoUser: scope ? { scope, elevationLevel } : { elevationLevel } },
});
/** A task whose REST body has no user identity. */
const bare = (type: string, id: string | null): TaskIdentity => ({ type, id, userIdentity: null });

/** `Type id` of the models that were given a run_elevated attribute (msrest keeps it silently, serialize() drops it). */
const runElevatedAttributes = (result: RunResult) =>
  result.models.filter((m) => m.unknownAttributes.includes('run_elevated')).map((m) => `${m.type} ${m.id}`);

/** Memoised: the job and the test share one fix-all of each input. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

interface ExecutionCase {
  readonly name: string;
  readonly source: string;
  readonly scope?: 'task' | 'pool';
  /** After fix-all: every task, in creation order. */
  readonly fixed: readonly TaskIdentity[];
  /** Unfixed: the classes whose constructor got run_elevated (the SDK warns, in order)… */
  readonly keywordIgnoredBy: readonly string[];
  /** …and the tasks given `x.run_elevated = …` (silently kept off the wire). */
  readonly attributeOn?: readonly string[];
  /** Unfixed tasks, when not the fixed ones without identity (an identity was already there). */
  readonly unfixed?: readonly TaskIdentity[];
}

const CASES: readonly ExecutionCase[] = [
  {
    name: 'import … as batchmodels: literal, conditional and assignment forms',
    source:
      `import azure.batch.models as batchmodels\n\nNEEDS_ADMIN = False\n\n` +
      `start = batchmodels.StartTask(command_line='setup', run_elevated=True, wait_for_success=True)\n` +
      `plain = batchmodels.TaskAddParameter(\n    id='plain',\n    command_line='x',\n    run_elevated=False,  # was explicit\n)\n` +
      `maybe = batchmodels.TaskAddParameter(id='maybe', command_line='x', run_elevated=NEEDS_ADMIN or len('ab') == 2)\n` +
      `late = batchmodels.JobManagerTask(id='late', command_line='x')\nlate.run_elevated = True\n`,
    fixed: [
      task('StartTask', null, 'admin'),
      task('TaskAddParameter', 'plain', 'nonadmin'),
      task('TaskAddParameter', 'maybe', 'admin'),
      task('JobManagerTask', 'late', 'admin'),
    ],
    keywordIgnoredBy: ['StartTask', 'TaskAddParameter', 'TaskAddParameter'],
    attributeOn: ['JobManagerTask late'],
  },
  {
    name: 'parenthesised from-import extended in place',
    source:
      `from azure.batch.models import (\n    JobPreparationTask,\n    JobReleaseTask,\n)\n\n` +
      `prep = JobPreparationTask(id='prep', command_line='x', run_elevated=True)\nrelease = JobReleaseTask(id='release', command_line='y', run_elevated=False)\n`,
    fixed: [task('JobPreparationTask', 'prep', 'admin'), task('JobReleaseTask', 'release', 'nonadmin')],
    keywordIgnoredBy: ['JobPreparationTask', 'JobReleaseTask'],
  },
  {
    name: 'from azure.batch import models, with task scope from the setting',
    source: `from azure.batch import models\n\nt = models.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    fixed: [task('TaskAddParameter', 't', 'admin', 'task')],
    keywordIgnoredBy: ['TaskAddParameter'],
    scope: 'task',
  },
  {
    name: 'azure.batch.models fully qualified',
    source: `import azure.batch.models\n\nt = azure.batch.models.TaskAddParameter(id='t', command_line='x', run_elevated=False)\n`,
    fixed: [task('TaskAddParameter', 't', 'nonadmin')],
    keywordIgnoredBy: ['TaskAddParameter'],
  },
  {
    name: 'star import',
    source: `from azure.batch.models import *\n\nt = CloudTask(id='t', command_line='x', run_elevated=True)\n`,
    fixed: [task('CloudTask', 't', 'admin')],
    keywordIgnoredBy: ['CloudTask'],
  },
  {
    // Keyword arguments: azure-batch ≥ 5.0 models take keywords only (its changelog). The fix of a
    // call with positional legacy arguments is checked as text in runElevated.test.ts.
    name: 'batch.models. through the service-client module, in a comprehension',
    source: `import azure.batch.batch_service_client as batch\n\ntasks = [batch.models.TaskAddParameter(id='t{}'.format(i), command_line='x', run_elevated=i == 1) for i in range(2)]\n`,
    fixed: [task('TaskAddParameter', 't0', 'nonadmin'), task('TaskAddParameter', 't1', 'admin')],
    keywordIgnoredBy: ['TaskAddParameter', 'TaskAddParameter'],
  },
  {
    name: 'beside an identity that agrees: runElevated removed, a block left empty gets pass',
    source:
      `import azure.batch.models as batchmodels\n\nADMIN = batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin))\n` +
      `t = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=ADMIN, run_elevated=True)\n` +
      `if t.id:\n    t.run_elevated = True\n`,
    fixed: [task('TaskAddParameter', 't', 'admin')],
    keywordIgnoredBy: ['TaskAddParameter'],
    attributeOn: ['TaskAddParameter t'],
    unfixed: [task('TaskAddParameter', 't', 'admin')],
  },
  {
    name: 'unknown receiver in a file that only imports batch_auth: the models import is added',
    source:
      `import importlib\n\nimport azure.batch.batch_auth as batchauth\n\n\ndef elevate(task):\n    task.run_elevated = True\n\n\n` +
      `models = importlib.import_module('azure.batch.models')\nt = models.TaskAddParameter(id='t', command_line='x')\nelevate(t)\n`,
    fixed: [task('TaskAddParameter', 't', 'admin')],
    keywordIgnoredBy: [],
    attributeOn: ['TaskAddParameter t'],
  },
];

describe('python fixes run against the real SDK (azure-batch 13)', { skip: skipWithoutPythonSdk() }, () => {
  it('the SDKs are the generations the expected outputs are written for', async () => {
    // azure-batch 5–14: msrest models, lower-case members (15 is another SDK); azure-mgmt-batch: upper-case members, ARM values.
    const { versions } = await runInPythonSdk([]);
    assert.ok(
      Number(versions['azure-batch'].split('.')[0]) >= 5 && Number(versions['azure-batch'].split('.')[0]) <= 14,
      versions['azure-batch'],
    );
    assert.ok(Number(versions['azure-mgmt-batch'].split('.')[0]) >= 17, versions['azure-mgmt-batch']);
  });

  const sdk = new PythonSdkBatch();
  for (const [index, c] of CASES.entries()) {
    const fixed = once(() => fixAll('python', c.source, { settings: settingsWith({ fix: { scope: c.scope ?? 'omit' } }) }));
    const unfixedRun = sdk.run({ name: `unfixed_${index}`, source: c.source });
    const fixedRun = sdk.run({ name: `fixed_${index}`, source: fixed });
    it(c.name, async () => {
      const unfixed = await unfixedRun();
      assert.equal(unfixed.error, undefined, unfixed.traceback);
      assert.deepEqual(
        ignoredKeywords(unfixed, 'run_elevated'),
        c.keywordIgnoredBy,
        'the SDK drops each run_elevated keyword with a warning',
      );
      assert.deepEqual(runElevatedAttributes(unfixed), c.attributeOn ?? [], 'run_elevated attributes never reach the body');
      assert.deepEqual(
        taskIdentities(unfixed),
        c.unfixed ?? c.fixed.map((t) => bare(t.type, t.id)),
        'unfixed, no body carries an identity',
      );

      const text = await fixed();
      assert.doesNotMatch(text, /\brun_elevated\b/);
      const run = await fixedRun();
      assertRanClean(run, text);
      assert.deepEqual(taskIdentities(run), c.fixed);
    });
  }
});

describe('python CLI on examples/legacy_tasks.py', () => {
  const EXAMPLE_TASKS = [
    task('StartTask', null, 'admin'),
    task('JobManagerTask', 'manager', 'nonadmin'),
    task('JobPreparationTask', null, 'admin'),
    task('TaskAddParameter', 'convert0', 'admin'),
    task('TaskAddParameter', 'convert1', 'nonadmin'),
    task('TaskAddParameter', 'convert2', 'nonadmin'),
    task('TaskAddParameter', 'cleanup', 'admin'),
  ];

  /** `batch-identity <args>` in process, without the cache (whose default place is the checkout's node_modules). */
  async function cli([command, ...rest]: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runCli([command, '--no-cache', ...rest], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      version: '0.0.0-test',
    });
    return { code, stdout, stderr };
  }

  const copy = path.join(work, 'legacy_tasks.py');
  const fixedByCli = once(async () => {
    fs.copyFileSync(EXAMPLE, copy);
    const result = await cli(['check', '--fix', copy]);
    return { ...result, source: fs.readFileSync(copy, 'utf8') };
  });
  const sdk = new PythonSdkBatch();
  const unfixedRun = sdk.run({ name: 'example_unfixed', source: fs.readFileSync(EXAMPLE, 'utf8') });
  const fixedRun = sdk.run({ name: 'example_fixed', source: async () => (await fixedByCli()).source });

  it('lists every runElevated of the example, and only those', async () => {
    const { code, stdout } = await cli(['check', '--format', 'json', EXAMPLE]);
    assert.equal(code, 1);
    const reports = JSON.parse(stdout) as {
      file: string;
      diagnostics: { code: string; severity: string; range: { start: { line: number } }; fixable: boolean }[];
    }[];
    assert.equal(reports.length, 1);
    const runElevated = reports[0].diagnostics.filter((d) => d.code === 'run-elevated');
    assert.deepEqual(
      runElevated.map((d) => [d.range.start.line, d.severity, d.fixable]),
      [
        [30, 'warning', true],
        [47, 'warning', true],
        [50, 'warning', true],
        [64, 'warning', true],
        [67, 'warning', true],
      ],
    );
    const text = fs.readFileSync(EXAMPLE, 'utf8').split('\n');
    for (const d of runElevated) assert.match(text[d.range.start.line], /\brun_elevated\b/);
  });

  it('unfixed, the real SDK drops every run_elevated: no task body has an identity', { skip: skipWithoutPythonSdk() }, async () => {
    const run = await unfixedRun();
    assert.equal(run.error, undefined, run.traceback);
    assert.deepEqual(ignoredKeywords(run, 'run_elevated'), [
      'StartTask',
      'JobManagerTask',
      'JobPreparationTask',
      'TaskAddParameter',
      'TaskAddParameter',
      'TaskAddParameter',
    ]);
    assert.deepEqual(runElevatedAttributes(run), ['TaskAddParameter cleanup']);
    assert.deepEqual(
      taskIdentities(run),
      EXAMPLE_TASKS.map((t) => bare(t.type, t.id)),
    );
  });

  it('after --fix on a copy every task body carries the elevation it asked for', async () => {
    const fixed = await fixedByCli();
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
    assert.match(fixed.stderr, /fixed 5 problems \(run-elevated\)/);
    // The helper's own run_elevated stays, and a second --fix changes nothing.
    assert.match(fixed.source, /def log_task\(task_id, run_elevated=False\):/);
    const again = await cli(['check', '--fix', copy]);
    assert.equal(again.code, 0);
    assert.equal(fs.readFileSync(copy, 'utf8'), fixed.source);
    if (skipWithoutPythonSdk()) return;
    const run = await fixedRun();
    assertRanClean(run, fixed.source);
    assert.deepEqual(taskIdentities(run), EXAMPLE_TASKS);
    // The pool's body carries its start task's identity too.
    const pool = run.models.find((m) => m.type === 'PoolAddParameter');
    assert.deepEqual((pool?.body?.startTask as { userIdentity?: unknown } | undefined)?.userIdentity, EXAMPLE_TASKS[0].userIdentity);
  });
});
