/**
 * Execution checks: legacy Python inputs fixed by the engine run with python3 against a stub
 * azure.batch.models of the ≥2.0 shape (no run_elevated anywhere), and every task they build
 * carries the elevation the input asked for; the unfixed inputs fail there. The same for the
 * CLI on examples/legacy_tasks.py.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../../server/src/cli/main';
import { fixAll, settingsWith } from '../../helpers/engine';

const ROOT = path.resolve(__dirname, '../../..');
const STUBS = path.join(ROOT, 'test/compile/python/stubs');
const RUNNER = path.join(ROOT, 'test/compile/python/run_models.py');
const EXAMPLE = path.join(ROOT, 'examples/legacy_tasks.py');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'batch-identity-py-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

interface TaskIdentity {
  readonly type: string;
  readonly id: string | null;
  readonly elevation: string | null;
  readonly scope: string | null;
}

/** Runs a file against the stub SDK: the tasks it built, or the error it died of. */
function runAgainstStub(name: string, source: string): { tasks?: TaskIdentity[]; error?: string } {
  const file = path.join(work, name);
  fs.writeFileSync(file, source);
  const result = spawnSync('python3', [RUNNER, file], { env: { ...process.env, PYTHONPATH: STUBS }, encoding: 'utf8' });
  if (result.status !== 0) return { error: result.stderr.trim().split('\n').pop() };
  const report = JSON.parse(result.stdout) as {
    type: string;
    id: string | null;
    identity: { elevationLevel: string | null; scope: string | null } | null;
  }[];
  return {
    tasks: report.map((t) => ({ type: t.type, id: t.id, elevation: t.identity?.elevationLevel ?? null, scope: t.identity?.scope ?? null })),
  };
}

const task = (type: string, id: string | null, elevation: string | null, scope: string | null = null): TaskIdentity => ({
  type,
  id,
  elevation,
  scope,
});

describe('python fixes run against the stub SDK', () => {
  const cases: { name: string; source: string; expected: TaskIdentity[]; scope?: 'task' | 'pool' }[] = [
    {
      name: 'import … as batchmodels: literal, conditional and assignment forms',
      source:
        `import azure.batch.models as batchmodels\n\nNEEDS_ADMIN = False\n\n` +
        `start = batchmodels.StartTask(command_line='setup', run_elevated=True, wait_for_success=True)\n` +
        `plain = batchmodels.TaskAddParameter(\n    id='plain',\n    command_line='x',\n    run_elevated=False,  # was explicit\n)\n` +
        `maybe = batchmodels.TaskAddParameter(id='maybe', command_line='x', run_elevated=NEEDS_ADMIN or len('ab') == 2)\n` +
        `late = batchmodels.JobManagerTask(id='late', command_line='x')\nlate.run_elevated = True\n`,
      expected: [
        task('StartTask', null, 'admin'),
        task('TaskAddParameter', 'plain', 'nonadmin'),
        task('TaskAddParameter', 'maybe', 'admin'),
        task('JobManagerTask', 'late', 'admin'),
      ],
    },
    {
      name: 'parenthesised from-import extended in place',
      source:
        `from azure.batch.models import (\n    JobPreparationTask,\n    JobReleaseTask,\n)\n\n` +
        `prep = JobPreparationTask(id='prep', command_line='x', run_elevated=True)\nrelease = JobReleaseTask(id='release', command_line='y', run_elevated=False)\n`,
      expected: [task('JobPreparationTask', 'prep', 'admin'), task('JobReleaseTask', 'release', 'nonadmin')],
    },
    {
      name: 'from azure.batch import models, with task scope from the setting',
      source: `from azure.batch import models\n\nt = models.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
      expected: [task('TaskAddParameter', 't', 'admin', 'task')],
      scope: 'task',
    },
    {
      name: 'azure.batch.models fully qualified',
      source: `import azure.batch.models\n\nt = azure.batch.models.TaskAddParameter(id='t', command_line='x', run_elevated=False)\n`,
      expected: [task('TaskAddParameter', 't', 'nonadmin')],
    },
    {
      name: 'star import',
      source: `from azure.batch.models import *\n\nt = CloudTask(id='t', command_line='x', run_elevated=True)\n`,
      expected: [task('CloudTask', 't', 'admin')],
    },
    {
      name: 'batch.models. through the service-client module, positional legacy arguments',
      source: `import azure.batch.batch_service_client as batch\n\ntasks = [batch.models.TaskAddParameter('t{}'.format(i), 'x', run_elevated=i == 1) for i in range(2)]\n`,
      expected: [task('TaskAddParameter', 't0', 'nonadmin'), task('TaskAddParameter', 't1', 'admin')],
    },
    {
      name: 'beside an identity that agrees: runElevated removed, a block left empty gets pass',
      source:
        `import azure.batch.models as batchmodels\n\nADMIN = batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin))\n` +
        `t = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=ADMIN, run_elevated=True)\n` +
        `if t.id:\n    t.run_elevated = True\n`,
      expected: [task('TaskAddParameter', 't', 'admin')],
    },
    {
      name: 'unknown receiver in a file that only imports batch_auth: the models import is added',
      source:
        `import importlib\n\nimport azure.batch.batch_auth as batchauth\n\n\ndef elevate(task):\n    task.run_elevated = True\n\n\n` +
        `models = importlib.import_module('azure.batch.models')\nt = models.TaskAddParameter(id='t', command_line='x')\nelevate(t)\n`,
      expected: [task('TaskAddParameter', 't', 'admin')],
    },
  ];
  for (const [index, c] of cases.entries()) {
    it(c.name, async () => {
      const unfixed = runAgainstStub(`unfixed_${index}.py`, c.source);
      assert.match(unfixed.error ?? '', /run_elevated/, 'the unfixed input must fail against the ≥2.0 models');
      const fixed = await fixAll('python', c.source, { settings: settingsWith({ fix: { scope: c.scope ?? 'omit' } }) });
      assert.doesNotMatch(fixed, /\brun_elevated\b/);
      const run = runAgainstStub(`fixed_${index}.py`, fixed);
      assert.equal(run.error, undefined, `${run.error}\n--- fixed source:\n${fixed}`);
      assert.deepEqual(run.tasks, c.expected);
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

  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), version: '0.0.0-test' });
    return { code, stdout, stderr };
  }

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

  it('the unfixed example fails against the stub SDK', () => {
    assert.match(runAgainstStub('example_unfixed.py', fs.readFileSync(EXAMPLE, 'utf8')).error ?? '', /run_elevated/);
  });

  it('after --fix on a copy it runs against the stub with the elevation each task asked for', async () => {
    const copy = path.join(work, 'legacy_tasks.py');
    fs.copyFileSync(EXAMPLE, copy);
    const fixed = await cli(['check', '--fix', copy]);
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
    assert.match(fixed.stderr, /fixed 5 problems \(run-elevated\)/);
    const source = fs.readFileSync(copy, 'utf8');
    const run = runAgainstStub('example_fixed.py', source);
    assert.equal(run.error, undefined, run.error);
    assert.deepEqual(run.tasks, EXAMPLE_TASKS);
    // The helper's own run_elevated stays, and a second --fix changes nothing.
    assert.match(source, /def log_task\(task_id, run_elevated=False\):/);
    const again = await cli(['check', '--fix', copy]);
    assert.equal(again.code, 0);
    assert.equal(fs.readFileSync(copy, 'utf8'), source);
  });
});
