/**
 * run-elevated in Python: every import style of azure-batch ≤ 14, 15.x and azure-mgmt-batch found,
 * every trap silent, and the exact text after each fix, in the file's own import style. Every fix
 * the real SDK can run (azure-batch 13, azure-mgmt-batch 17: test/compile/python/sdkRows.ts) runs
 * there too, with its input: the fixed code sends exactly the identity listed for each task, and
 * the input's run_elevated is dropped with msrest's warning (a keyword) or silently (an attribute).
 */
import { autoUser, task, type PythonRun, type PythonSdkExpectation } from '../../../compile/python/sdkRows';
import type { TaskIdentity } from '../../../compile/python/sdk';
import { UNCHANGED } from '../table';
import { expectIn, type RunElevatedCase } from './expect';

const { ADMIN, AGREES, DIFFERS, NON_ADMIN, READ, replaced, sameCondition } = expectIn('python');
/** azure-batch 15.x spells members in upper case, azure-mgmt-batch too. */
const PY15 = expectIn('python15');
const MGMT = expectIn('pythonMgmt');

const BM = 'import azure.batch.models as batchmodels\n';
const ADMIN_IDENTITY =
  'batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin))';

/** The SDK drops the input's run_elevated from every task: their bodies carry no identity. */
const DROPPED = { drops: 'run_elevated', identities: 'none' } as const;
/** The SDK drops the input's run_elevated, and the identity the task already had is what it sends. */
const KEPT = { drops: 'run_elevated', identities: 'kept' } as const;

/** The fixed code builds these tasks, with these identities. */
const builds = (...tasks: TaskIdentity[]): PythonSdkExpectation => ({ runs: [{ tasks }], input: DROPPED });
/** A fix that keeps the value's condition: one run per branch, each given the names that decide it. */
const branches = (...runs: [given: string, ...tasks: TaskIdentity[]][]): PythonSdkExpectation => ({
  runs: runs.map(([given, ...tasks]): PythonRun => ({ given, tasks })),
  input: DROPPED,
});
/** Beside an identity that agrees: the fix removes run_elevated, the tasks keep the identity they had. */
const keeps = (...tasks: TaskIdentity[]): PythonSdkExpectation => ({ runs: [{ tasks }], input: KEPT });

const AZURE_BATCH_15: PythonSdkExpectation = { notRunHere: 'azure-batch 15 is not packaged by Debian: its fixes are checked as text only' };

export const PYTHON: RunElevatedCase[] = [
  // found -----------------------------------------------------------------------------------------
  {
    name: 'import … as batchmodels',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
  },
  {
    name: 'spaces around = are the same',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated = True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
  },
  {
    name: 'from azure.batch.models import X',
    language: 'python',
    text: `from azure.batch.models import TaskAddParameter\nt = TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
  },
  {
    name: 'from-import with an alias',
    language: 'python',
    text: `from azure.batch.models import StartTask as ST\ns = ST(command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
  },
  {
    name: 'from azure.batch import models',
    language: 'python',
    text: `from azure.batch import models\ns = models.StartTask(command_line='x', run_elevated=False)\n`,
    found: [['warning', 'run_elevated', ...NON_ADMIN]],
  },
  {
    name: 'azure.batch.models.X fully qualified',
    language: 'python',
    text: `import azure.batch.models\nm = azure.batch.models.JobManagerTask(id='m', command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
  },
  {
    name: 'batch.models.X through the service-client module',
    language: 'python',
    text: `import azure.batch.batch_service_client as batch\nt = batch.models.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
  },
  {
    name: 'batch.models.X through azure.batch',
    language: 'python',
    text: `import azure.batch as batch\np = batch.models.JobPreparationTask(command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
  },
  {
    name: 'star import',
    language: 'python',
    text: `from azure.batch.models import *\nr = JobReleaseTask(command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
  },
  {
    name: 'the legacy one-module-per-class path',
    language: 'python',
    text: `from azure.batch.models.task_add_parameter import TaskAddParameter\nt = TaskAddParameter('t', 'x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
  },
  {
    name: 'a module that re-exports the models (CLI extension)',
    language: 'python',
    text: `from azext.batch import models as extmodels\nt = extmodels.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
  },
  {
    name: 'an alias of the class',
    language: 'python',
    text: `${BM}Task = batchmodels.TaskAddParameter\nt = Task(id='t', command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
  },
  {
    name: 'an import inside the function',
    language: 'python',
    text: `def make():\n    import azure.batch.models as bm\n    return bm.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
  },
  {
    name: 'assignment on a variable made by a Batch call',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x')\nt.run_elevated = True\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
  },
  {
    name: 'a read of a Batch model (no fix)',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x')\nif t.run_elevated:\n    pass\n`,
    found: [['warning', 'run_elevated', ...READ]],
  },
  {
    name: 'a parameter annotated with a Batch class',
    language: 'python',
    text: `${BM}def elevate(task: batchmodels.StartTask):\n    task.run_elevated = True\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
  },
  {
    name: 'a path into a Batch model',
    language: 'python',
    text: `${BM}pool = batchmodels.PoolAddParameter(id='p', vm_size='s', start_task=batchmodels.StartTask(command_line='x'))\npool.start_task.run_elevated = True\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
  },
  {
    name: 'an attribute of self holding a Batch model',
    language: 'python',
    text: `${BM}class Job:\n    def __init__(self):\n        self.task = batchmodels.TaskAddParameter(id='t', command_line='x')\n\n    def elevate(self):\n        self.task.run_elevated = True\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
  },
  {
    name: 'a class of the file deriving from a Batch model, and its self',
    language: 'python',
    text: `${BM}class MyTask(batchmodels.TaskAddParameter):\n    def elevate(self):\n        self.run_elevated = True\n\nt = MyTask(id='t', command_line='x', run_elevated=False)\n`,
    found: [
      ['warning', 'run_elevated', ...ADMIN],
      ['warning', 'run_elevated', ...NON_ADMIN],
    ],
  },
  {
    name: 'management-plane models',
    language: 'python',
    text: `from azure.mgmt.batch import models as mgmtmodels\ns = mgmtmodels.StartTask(command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...MGMT.ADMIN]],
  },
  {
    name: 'unknown receiver in a file that imports azure.batch: weak',
    language: 'python',
    text: `${BM}def elevate(task):\n    task.run_elevated = True\n`,
    found: [['information', 'run_elevated', ...ADMIN]],
  },
  {
    name: 'a star import of the models does not make every other name a class of theirs: weak',
    language: 'python',
    text: `from azure.batch.models import *\nCURRENT_TASK.run_elevated = True\n`,
    found: [['information', 'run_elevated', ...ADMIN]],
  },
  {
    name: 'a Batch class name imported from an unseen module in a Batch file: weak',
    language: 'python',
    text: `import azure.batch.batch_auth as batchauth\nfrom project.batch_models import TaskAddParameter\nt = TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    found: [['information', 'run_elevated', ...ADMIN]],
  },
  // silent ----------------------------------------------------------------------------------------
  {
    name: 'a helper with a run_elevated parameter, and calls to it',
    language: 'python',
    text: `${BM}def submit(task_id, run_elevated=False):\n    return run_elevated\n\nsubmit('t', run_elevated=True)\n`,
    found: [],
  },
  {
    name: 'a variable named run_elevated holding a UserIdentity',
    language: 'python',
    text: `${BM}run_elevated = batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin))\nt = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=run_elevated)\n`,
    found: [],
  },
  {
    name: 'constants and variables merely named run_elevated',
    language: 'python',
    text: `${BM}RUN_ELEVATED = True\nrun_elevated = RUN_ELEVATED\nprint(run_elevated)\n`,
    found: [],
  },
  {
    name: 'no azure.batch import',
    language: 'python',
    text: `from tasks import TaskAddParameter\nt = TaskAddParameter(id='t', command_line='x', run_elevated=True)\nt.run_elevated = False\n`,
    found: [],
  },
  {
    name: 'an undefined name',
    language: 'python',
    text: `t = TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    found: [],
  },
  {
    name: 'a class of the file named like a Batch model',
    language: 'python',
    text: `${BM}class TaskAddParameter:\n    def __init__(self, **kw):\n        pass\n\nt = TaskAddParameter(id='t', run_elevated=True)\n`,
    found: [],
  },
  {
    name: 'comments and strings',
    language: 'python',
    text: `${BM}# t = batchmodels.TaskAddParameter(run_elevated=True)\ns = "run_elevated=True"\nd = {'run_elevated': True}\n`,
    found: [],
  },
  {
    name: 'longer identifiers',
    language: 'python',
    text: `${BM}my_run_elevated_flag = True\nt = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated_legacy=True)\n`,
    found: [],
  },
  {
    name: 'a builtin call',
    language: 'python',
    text: `${BM}options = dict(run_elevated=True)\n`,
    found: [],
  },
  {
    name: "the file's own class setting self.run_elevated",
    language: 'python',
    text: `${BM}class Spec:\n    def __init__(self, run_elevated=False):\n        self.run_elevated = run_elevated\n`,
    found: [],
  },
  {
    name: 'a config object read (unknown receiver)',
    language: 'python',
    text: `${BM}def build(spec):\n    return spec.run_elevated\n`,
    found: [],
  },
  {
    name: 'an object of the file’s own class',
    language: 'python',
    text: `${BM}class Spec:\n    pass\n\nspec = Spec()\nspec.run_elevated = True\n`,
    found: [],
  },
  {
    name: 'unknown receiver without an azure.batch import',
    language: 'python',
    text: `def elevate(task):\n    task.run_elevated = True\n`,
    found: [],
  },
  {
    name: 'another service (Batch AI)',
    language: 'python',
    text: `from azure.mgmt.batchai import models as baimodels\nc = baimodels.CustomToolkitSettings(command_line='x', run_elevated=True)\n`,
    found: [],
  },
  {
    name: 'a function from an unseen module in a Batch file',
    language: 'python',
    text: `${BM}from helpers import make_task\nt = make_task('t', run_elevated=True)\n`,
    found: [],
  },
  {
    name: 'a module shadowed by a local variable',
    language: 'python',
    text: `${BM}def f(batchmodels):\n    return batchmodels.TaskAddParameter(id='t', run_elevated=True)\n`,
    found: [],
  },
  // fix -------------------------------------------------------------------------------------------
  {
    name: 'True → admin, batchmodels.',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
    quickFix: {
      text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin)))\n`,
    },
    sdk: builds(task('TaskAddParameter', 't', autoUser('admin'))),
  },
  {
    name: 'False → non_admin, spacing around = kept',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated = False)\n`,
    found: [['warning', 'run_elevated', ...NON_ADMIN]],
    quickFix: {
      text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity = batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.non_admin)))\n`,
    },
    sdk: builds(task('TaskAddParameter', 't', autoUser('nonadmin'))),
  },
  {
    name: 'non-literal → conditional',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated=needs_admin(t))\n`,
    found: [['warning', 'run_elevated', ...sameCondition('needs_admin(t)')]],
    quickFix: {
      text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin if needs_admin(t) else batchmodels.ElevationLevel.non_admin)))\n`,
    },
    sdk: branches(
      ['t = None\nneeds_admin = lambda task: True', task('TaskAddParameter', 't', autoUser('admin'))],
      ['t = None\nneeds_admin = lambda task: False', task('TaskAddParameter', 't', autoUser('nonadmin'))],
    ),
  },
  {
    name: 'a conditional value is parenthesised',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated=a if b else c)\n`,
    found: [['warning', 'run_elevated', ...sameCondition('a if b else c')]],
    quickFix: {
      text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin if (a if b else c) else batchmodels.ElevationLevel.non_admin)))\n`,
    },
    sdk: branches(
      ['a, b, c = True, True, False', task('TaskAddParameter', 't', autoUser('admin'))],
      ['a, b, c = True, False, False', task('TaskAddParameter', 't', autoUser('nonadmin'))],
    ),
  },
  {
    name: 'positional legacy arguments: only the keyword changes',
    language: 'python',
    text: `${BM}tasks = [batchmodels.TaskAddParameter('t{}'.format(i), 'x', run_elevated=i == 1) for i in range(2)]\n`,
    found: [['warning', 'run_elevated', ...sameCondition('i == 1')]],
    quickFix: {
      text: `${BM}tasks = [batchmodels.TaskAddParameter('t{}'.format(i), 'x', user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin if i == 1 else batchmodels.ElevationLevel.non_admin))) for i in range(2)]\n`,
    },
    sdk: {
      notRunHere: 'positional arguments: azure-batch ≥ 5.0 models take keywords only (its CHANGELOG); 13 rejects the input’s own call',
    },
  },
  {
    name: 'second fix: explicit task scope',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
    quickFix: {
      fix: 1,
      text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(scope=batchmodels.AutoUserScope.task, elevation_level=batchmodels.ElevationLevel.admin)))\n`,
    },
    sdk: builds(task('TaskAddParameter', 't', autoUser('admin', 'task'))),
  },
  {
    name: 'batchIdentity.fix.scope = pool writes pool scope',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...replaced('admin', 'pool')]],
    settings: { fix: { scope: 'pool' } },
    quickFix: {
      text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(scope=batchmodels.AutoUserScope.pool, elevation_level=batchmodels.ElevationLevel.admin)))\n`,
    },
    sdk: builds(task('TaskAddParameter', 't', autoUser('admin', 'pool'))),
  },
  {
    name: 'from azure.batch import models → models.',
    language: 'python',
    text: `from azure.batch import models\ns = models.StartTask(command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
    quickFix: {
      text: `from azure.batch import models\ns = models.StartTask(command_line='x', user_identity=models.UserIdentity(auto_user=models.AutoUserSpecification(elevation_level=models.ElevationLevel.admin)))\n`,
    },
    sdk: builds(task('StartTask', null, autoUser('admin'))),
  },
  {
    name: 'import azure.batch.models → azure.batch.models.',
    language: 'python',
    text: `import azure.batch.models\ns = azure.batch.models.StartTask(command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
    quickFix: {
      text: `import azure.batch.models\ns = azure.batch.models.StartTask(command_line='x', user_identity=azure.batch.models.UserIdentity(auto_user=azure.batch.models.AutoUserSpecification(elevation_level=azure.batch.models.ElevationLevel.admin)))\n`,
    },
    sdk: builds(task('StartTask', null, autoUser('admin'))),
  },
  {
    name: 'batch.models. as the call writes it',
    language: 'python',
    text: `import azure.batch.batch_service_client as batch\nimport azure.batch.models as batchmodels\nt = batch.models.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
    quickFix: {
      text: `import azure.batch.batch_service_client as batch\nimport azure.batch.models as batchmodels\nt = batch.models.TaskAddParameter(id='t', command_line='x', user_identity=batch.models.UserIdentity(auto_user=batch.models.AutoUserSpecification(elevation_level=batch.models.ElevationLevel.admin)))\n`,
    },
    sdk: builds(task('TaskAddParameter', 't', autoUser('admin'))),
  },
  {
    name: 'from-import on one line: names appended',
    language: 'python',
    text: `from azure.batch.models import TaskAddParameter\nt = TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
    quickFix: {
      text: `from azure.batch.models import TaskAddParameter, UserIdentity, AutoUserSpecification, ElevationLevel\nt = TaskAddParameter(id='t', command_line='x', user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.admin)))\n`,
    },
    sdk: builds(task('TaskAddParameter', 't', autoUser('admin'))),
  },
  {
    name: 'from-import with names already there (and an alias) adds only the missing',
    language: 'python',
    text: `from azure.batch.models import TaskAddParameter, ElevationLevel, UserIdentity as Identity\nt = TaskAddParameter(id='t', command_line='x', run_elevated=False)\n`,
    found: [['warning', 'run_elevated', ...NON_ADMIN]],
    quickFix: {
      text: `from azure.batch.models import TaskAddParameter, ElevationLevel, UserIdentity as Identity, AutoUserSpecification\nt = TaskAddParameter(id='t', command_line='x', user_identity=Identity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.non_admin)))\n`,
    },
    sdk: builds(task('TaskAddParameter', 't', autoUser('nonadmin'))),
  },
  {
    name: 'parenthesised multi-line import with a trailing comma: one name per line',
    language: 'python',
    text: `from azure.batch.models import (\n    StartTask,\n    TaskAddParameter,  # tasks\n)\nt = TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
    quickFix: {
      text: `from azure.batch.models import (\n    StartTask,\n    TaskAddParameter,  # tasks\n    UserIdentity,\n    AutoUserSpecification,\n    ElevationLevel,\n)\nt = TaskAddParameter(id='t', command_line='x', user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.admin)))\n`,
    },
    sdk: builds(task('TaskAddParameter', 't', autoUser('admin'))),
  },
  {
    name: 'parenthesised multi-line import without a trailing comma, comment after the last name',
    language: 'python',
    text: `from azure.batch.models import (\n    StartTask,\n    TaskAddParameter  # tasks\n)\nt = TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
    quickFix: {
      text: `from azure.batch.models import (\n    StartTask,\n    TaskAddParameter,  # tasks\n    UserIdentity,\n    AutoUserSpecification,\n    ElevationLevel\n)\nt = TaskAddParameter(id='t', command_line='x', user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.admin)))\n`,
    },
    sdk: builds(task('TaskAddParameter', 't', autoUser('admin'))),
  },
  {
    name: 'parenthesised import on one line',
    language: 'python',
    text: `from azure.batch.models import (StartTask, TaskAddParameter)\nt = TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
    quickFix: {
      text: `from azure.batch.models import (StartTask, TaskAddParameter, UserIdentity, AutoUserSpecification, ElevationLevel)\nt = TaskAddParameter(id='t', command_line='x', user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.admin)))\n`,
    },
    sdk: builds(task('TaskAddParameter', 't', autoUser('admin'))),
  },
  {
    name: 'star import: bare names, no import',
    language: 'python',
    text: `from azure.batch.models import *\nt = TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
    quickFix: {
      text: `from azure.batch.models import *\nt = TaskAddParameter(id='t', command_line='x', user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.admin)))\n`,
    },
    sdk: builds(task('TaskAddParameter', 't', autoUser('admin'))),
  },
  {
    name: 't.run_elevated = X → t.user_identity = …',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x')\nt.run_elevated = True  # needs admin\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
    quickFix: {
      text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x')\nt.user_identity = batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin))  # needs admin\n`,
    },
    sdk: builds(task('TaskAddParameter', 't', autoUser('admin'))),
  },
  {
    name: 'weak receiver with only azure.batch.batch_auth imported: the models import is added',
    language: 'python',
    text: `import azure.batch.batch_auth as batchauth\n\ndef elevate(task):\n    task.run_elevated = True\n`,
    found: [['information', 'run_elevated', ...ADMIN]],
    quickFix: {
      text: `import azure.batch.batch_auth as batchauth\nimport azure.batch.models as batchmodels\n\ndef elevate(task):\n    task.user_identity = batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin))\n`,
    },
    sdk: {
      runs: [
        {
          then: "from azure.batch.models import TaskAddParameter as _Task\nelevate(_Task(id='t', command_line='x'))",
          tasks: [task('TaskAddParameter', 't', autoUser('admin'))],
        },
      ],
      input: DROPPED,
    },
  },
  {
    name: 'multi-line call keeps its layout and comments',
    language: 'python',
    text: `${BM}task = batchmodels.TaskAddParameter(\n    id='t',\n    # the installer needs admin\n    run_elevated=True,  # legacy\n    command_line='x',\n)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
    quickFix: {
      text: `${BM}task = batchmodels.TaskAddParameter(\n    id='t',\n    # the installer needs admin\n    user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin)),  # legacy\n    command_line='x',\n)\n`,
    },
    sdk: builds(task('TaskAddParameter', 't', autoUser('admin'))),
  },
  {
    name: 'CRLF line endings kept, also in an added import line',
    language: 'python',
    text: `from azure.batch.models import (\r\n    TaskAddParameter,\r\n)\r\nt = TaskAddParameter(\r\n    id='t',\r\n    command_line='x',\r\n    run_elevated=False)\r\n`,
    found: [['warning', 'run_elevated', ...NON_ADMIN]],
    quickFix: {
      text: `from azure.batch.models import (\r\n    TaskAddParameter,\r\n    UserIdentity,\r\n    AutoUserSpecification,\r\n    ElevationLevel,\r\n)\r\nt = TaskAddParameter(\r\n    id='t',\r\n    command_line='x',\r\n    user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.non_admin)))\r\n`,
    },
    sdk: builds(task('TaskAddParameter', 't', autoUser('nonadmin'))),
  },
  {
    name: '15.x file: upper-case members',
    language: 'python',
    text: `from azure.batch import models\nt = models.BatchTaskCreateContent(id='t', command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...PY15.ADMIN]],
    quickFix: {
      text: `from azure.batch import models\nt = models.BatchTaskCreateContent(id='t', command_line='x', user_identity=models.UserIdentity(auto_user=models.AutoUserSpecification(elevation_level=models.ElevationLevel.ADMIN)))\n`,
    },
    sdk: AZURE_BATCH_15,
  },
  {
    name: '15.x file, task scope: upper-case scope too',
    language: 'python',
    text: `from azure.batch import models\nt = models.BatchTaskCreateOptions(id='t', command_line='x', run_elevated=False)\n`,
    found: [['warning', 'run_elevated', ...PY15.replaced('nonAdmin', 'task')]],
    settings: { fix: { scope: 'task' } },
    quickFix: {
      text: `from azure.batch import models\nt = models.BatchTaskCreateOptions(id='t', command_line='x', user_identity=models.UserIdentity(auto_user=models.AutoUserSpecification(scope=models.AutoUserScope.TASK, elevation_level=models.ElevationLevel.NON_ADMIN)))\n`,
    },
    sdk: AZURE_BATCH_15,
  },
  {
    name: 'management plane: its module and ARM-cased members',
    language: 'python',
    text: `import azure.batch.models as batchmodels\nfrom azure.mgmt.batch import models as mgmtmodels\ns = mgmtmodels.StartTask(command_line='x', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...MGMT.ADMIN]],
    quickFix: {
      text: `import azure.batch.models as batchmodels\nfrom azure.mgmt.batch import models as mgmtmodels\ns = mgmtmodels.StartTask(command_line='x', user_identity=mgmtmodels.UserIdentity(auto_user=mgmtmodels.AutoUserSpecification(elevation_level=mgmtmodels.ElevationLevel.ADMIN)))\n`,
    },
    sdk: builds(task('StartTask', null, autoUser('Admin'))),
  },
  {
    name: 'management plane: from azure.mgmt.batch.models import StartTask: the names join that import',
    language: 'python',
    text: `from azure.mgmt.batch.models import StartTask\ns = StartTask(command_line='x', run_elevated=False)\n`,
    found: [['warning', 'run_elevated', ...MGMT.NON_ADMIN]],
    fixed: `from azure.mgmt.batch.models import StartTask, UserIdentity, AutoUserSpecification, ElevationLevel\ns = StartTask(command_line='x', user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.NON_ADMIN)))\n`,
    sdk: builds(task('StartTask', null, autoUser('NonAdmin'))),
  },
  {
    name: 'management plane: an attribute set from a condition, on a pool’s start task',
    language: 'python',
    text: `from azure.mgmt.batch import models\npool = models.Pool(vm_size='STANDARD_D2S_V3', start_task=models.StartTask(command_line='x'))\npool.start_task.run_elevated = elevated\n`,
    found: [['warning', 'run_elevated', ...MGMT.sameCondition('elevated')]],
    fixed: `from azure.mgmt.batch import models\npool = models.Pool(vm_size='STANDARD_D2S_V3', start_task=models.StartTask(command_line='x'))\npool.start_task.user_identity = models.UserIdentity(auto_user=models.AutoUserSpecification(elevation_level=models.ElevationLevel.ADMIN if elevated else models.ElevationLevel.NON_ADMIN))\n`,
    sdk: branches(
      ['elevated = True', task('StartTask', null, autoUser('Admin'))],
      ['elevated = False', task('StartTask', null, autoUser('NonAdmin'))],
    ),
  },
  {
    name: 'management plane: beside an identity completed by later statements, with the same elevation',
    language: 'python',
    text:
      `from azure.mgmt.batch.models import AutoUserSpecification, ElevationLevel, StartTask, UserIdentity\n\n` +
      `s = StartTask(command_line='setup.sh')\ns.user_identity = UserIdentity()\n` +
      `s.user_identity.auto_user = AutoUserSpecification(elevation_level=ElevationLevel.ADMIN)\ns.run_elevated = True\n`,
    found: [['warning', 'run_elevated', ...MGMT.AGREES]],
    quickFix: {
      text:
        `from azure.mgmt.batch.models import AutoUserSpecification, ElevationLevel, StartTask, UserIdentity\n\n` +
        `s = StartTask(command_line='setup.sh')\ns.user_identity = UserIdentity()\n` +
        `s.user_identity.auto_user = AutoUserSpecification(elevation_level=ElevationLevel.ADMIN)\n`,
    },
    sdk: keeps(task('StartTask', null, autoUser('Admin'))),
  },
  {
    name: 'a read gets no fix',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(id='t')\nprint(t.run_elevated)\n`,
    found: [['warning', 'run_elevated', ...READ]],
    fixed: null,
  },
  {
    name: 'a name bound to something else blocks adding it to the import: no fix',
    language: 'python',
    text: `from azure.batch.models import TaskAddParameter\nfrom accounts import UserIdentity\nt = TaskAddParameter(id='t', run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...ADMIN]],
    fixed: null,
  },
  {
    name: 'fix-all rewrites every runElevated, adds each import name once, and is idempotent',
    language: 'python',
    text:
      `from azure.batch.models import TaskAddParameter, StartTask\n\n` +
      `start = StartTask(command_line='setup', run_elevated=True)\n` +
      `tasks = [\n    TaskAddParameter(id='a', command_line='x', run_elevated=True),\n    TaskAddParameter(id='b', command_line='y', run_elevated=False),\n]\n` +
      `late = TaskAddParameter(id='c', command_line='z')\nlate.run_elevated = flag\n`,
    found: [
      ['warning', 'run_elevated', ...ADMIN],
      ['warning', 'run_elevated', ...ADMIN],
      ['warning', 'run_elevated', ...NON_ADMIN],
      ['warning', 'run_elevated', ...sameCondition('flag')],
    ],
    fixed:
      `from azure.batch.models import TaskAddParameter, StartTask, UserIdentity, AutoUserSpecification, ElevationLevel\n\n` +
      `start = StartTask(command_line='setup', user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.admin)))\n` +
      `tasks = [\n    TaskAddParameter(id='a', command_line='x', user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.admin))),\n` +
      `    TaskAddParameter(id='b', command_line='y', user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.non_admin))),\n]\n` +
      `late = TaskAddParameter(id='c', command_line='z')\nlate.user_identity = UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.admin if flag else ElevationLevel.non_admin))\n`,
    sdk: {
      // One run per value of flag, the condition the last fix keeps.
      runs: [true, false].map((flag) => ({
        given: `flag = ${flag ? 'True' : 'False'}`,
        tasks: [
          task('StartTask', null, autoUser('admin')),
          task('TaskAddParameter', 'a', autoUser('admin')),
          task('TaskAddParameter', 'b', autoUser('nonadmin')),
          task('TaskAddParameter', 'c', autoUser(flag ? 'admin' : 'nonadmin')),
        ],
      })),
      input: DROPPED,
    },
  },
  {
    name: 'fix-all with task scope adds AutoUserScope too (a later pass) and is idempotent',
    language: 'python',
    text: `from azure.batch.models import TaskAddParameter\na = TaskAddParameter(id='a', command_line='x', run_elevated=True)\nb = TaskAddParameter(id='b', command_line='x', run_elevated=False)\n`,
    found: [
      ['warning', 'run_elevated', ...replaced('admin', 'task')],
      ['warning', 'run_elevated', ...replaced('nonAdmin', 'task')],
    ],
    settings: { fix: { scope: 'task' } },
    fixed:
      `from azure.batch.models import TaskAddParameter, UserIdentity, AutoUserSpecification, AutoUserScope, ElevationLevel\n` +
      `a = TaskAddParameter(id='a', command_line='x', user_identity=UserIdentity(auto_user=AutoUserSpecification(scope=AutoUserScope.task, elevation_level=ElevationLevel.admin)))\n` +
      `b = TaskAddParameter(id='b', command_line='x', user_identity=UserIdentity(auto_user=AutoUserSpecification(scope=AutoUserScope.task, elevation_level=ElevationLevel.non_admin)))\n`,
    sdk: builds(task('TaskAddParameter', 'a', autoUser('admin', 'task')), task('TaskAddParameter', 'b', autoUser('nonadmin', 'task'))),
  },

  // beside an existing user identity -------------------------------------------------------------
  {
    name: 'agreeing, same call: the fix removes the keyword with its comma',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated=True, user_identity=${ADMIN_IDENTITY})\n`,
    found: [['warning', 'run_elevated', ...AGREES]],
    quickFix: { text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=${ADMIN_IDENTITY})\n` },
    sdk: keeps(task('TaskAddParameter', 't', autoUser('admin'))),
  },
  {
    name: 'agreeing, last keyword: the comma before it goes',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=${ADMIN_IDENTITY}, run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...AGREES]],
    quickFix: { text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=${ADMIN_IDENTITY})\n` },
    sdk: keeps(task('TaskAddParameter', 't', autoUser('admin'))),
  },
  {
    name: 'agreeing, own line in a multi-line call with a comment: the line goes, the comment stays',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(\n    id='t',\n    command_line='x',\n    run_elevated=False,\n    # identity below\n    user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification()),\n)\n`,
    found: [['warning', 'run_elevated', ...AGREES]],
    quickFix: {
      text: `${BM}t = batchmodels.TaskAddParameter(\n    id='t',\n    command_line='x',\n    # identity below\n    user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification()),\n)\n`,
    },
    // An auto-user without elevation runs as non-admin, as run_elevated=False meant.
    sdk: keeps(task('TaskAddParameter', 't', { autoUser: {} })),
  },
  {
    name: 'agreeing through a module constant: user_identity=POOL_ADMIN',
    language: 'python',
    text: `${BM}POOL_ADMIN = ${ADMIN_IDENTITY}\n\ns = batchmodels.StartTask(command_line='x', user_identity=POOL_ADMIN, run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...AGREES]],
    quickFix: { text: `${BM}POOL_ADMIN = ${ADMIN_IDENTITY}\n\ns = batchmodels.StartTask(command_line='x', user_identity=POOL_ADMIN)\n` },
    sdk: keeps(task('StartTask', null, autoUser('admin'))),
  },
  {
    name: 'agreeing through a constant given to several tasks: each task is fixed',
    language: 'python',
    text: `${BM}POOL_ADMIN = ${ADMIN_IDENTITY}\na = batchmodels.TaskAddParameter(id='a', command_line='x', user_identity=POOL_ADMIN, run_elevated=True)\nb = batchmodels.TaskAddParameter(id='b', command_line='x', user_identity=POOL_ADMIN, run_elevated=True)\n`,
    found: [
      ['warning', 'run_elevated', ...AGREES],
      ['warning', 'run_elevated', ...AGREES],
    ],
    fixed: `${BM}POOL_ADMIN = ${ADMIN_IDENTITY}\na = batchmodels.TaskAddParameter(id='a', command_line='x', user_identity=POOL_ADMIN)\nb = batchmodels.TaskAddParameter(id='b', command_line='x', user_identity=POOL_ADMIN)\n`,
    sdk: keeps(task('TaskAddParameter', 'a', autoUser('admin')), task('TaskAddParameter', 'b', autoUser('admin'))),
  },
  {
    name: 'agreeing, assignment beside x.user_identity: the statement goes; alone in its block it becomes pass',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x')\nt.user_identity = ${ADMIN_IDENTITY}\nif legacy:\n    t.run_elevated = True\nt.run_elevated = True\n`,
    found: [
      ['warning', 'run_elevated', ...AGREES],
      ['warning', 'run_elevated', ...AGREES],
    ],
    fixed: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x')\nt.user_identity = ${ADMIN_IDENTITY}\nif legacy:\n    pass\n`,
    sdk: { runs: [{ given: 'legacy = True', tasks: [task('TaskAddParameter', 't', autoUser('admin'))] }], input: KEPT },
  },
  {
    name: 'disagreeing: the removal is offered, not applied on save; fix-all leaves the file alone',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(id='t', run_elevated=False, user_identity=${ADMIN_IDENTITY})\n`,
    found: [['warning', 'run_elevated', ...DIFFERS]],
    fixed: UNCHANGED,
  },
  {
    name: 'an identity this file does not show (a factory): no fix, no second identity',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(id='t', user_identity=make_identity(), run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...DIFFERS]],
    fixed: UNCHANGED,
  },
  {
    name: 'user_identity=None beside it: it decides; the removal is offered (a second keyword would not run)',
    language: 'python',
    text: `${BM}t = batchmodels.TaskAddParameter(id='t', user_identity=None, run_elevated=True)\n`,
    found: [['warning', 'run_elevated', ...DIFFERS]],
    fixed: UNCHANGED,
  },
];
