import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFix, fixAll, fixesOf, IDENTITY_DECIDES, settingsWith, squiggles } from '../../helpers/engine';

const rule = 'run-elevated';
const found = async (text: string) => (await squiggles('python', text)).filter((s) => s.rule === rule);
const BM = 'import azure.batch.models as batchmodels\n';

describe('python run-elevated: found', () => {
  const cases: { name: string; text: string; severity?: string; count?: number }[] = [
    { name: 'import … as batchmodels', text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n` },
    {
      name: 'spaces around = are the same',
      text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated = True)\n`,
    },
    {
      name: 'from azure.batch.models import X',
      text: `from azure.batch.models import TaskAddParameter\nt = TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    },
    {
      name: 'from-import with an alias',
      text: `from azure.batch.models import StartTask as ST\ns = ST(command_line='x', run_elevated=True)\n`,
    },
    {
      name: 'from azure.batch import models',
      text: `from azure.batch import models\ns = models.StartTask(command_line='x', run_elevated=False)\n`,
    },
    {
      name: 'azure.batch.models.X fully qualified',
      text: `import azure.batch.models\nm = azure.batch.models.JobManagerTask(id='m', command_line='x', run_elevated=True)\n`,
    },
    {
      name: 'batch.models.X through the service-client module',
      text: `import azure.batch.batch_service_client as batch\nt = batch.models.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    },
    {
      name: 'batch.models.X through azure.batch',
      text: `import azure.batch as batch\np = batch.models.JobPreparationTask(command_line='x', run_elevated=True)\n`,
    },
    { name: 'star import', text: `from azure.batch.models import *\nr = JobReleaseTask(command_line='x', run_elevated=True)\n` },
    {
      name: 'the legacy one-module-per-class path',
      text: `from azure.batch.models.task_add_parameter import TaskAddParameter\nt = TaskAddParameter('t', 'x', run_elevated=True)\n`,
    },
    {
      name: 'a module that re-exports the models (CLI extension)',
      text: `from azext.batch import models as extmodels\nt = extmodels.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    },
    {
      name: 'an alias of the class',
      text: `${BM}Task = batchmodels.TaskAddParameter\nt = Task(id='t', command_line='x', run_elevated=True)\n`,
    },
    {
      name: 'an import inside the function',
      text: `def make():\n    import azure.batch.models as bm\n    return bm.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
    },
    {
      name: 'assignment on a variable made by a Batch call',
      text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x')\nt.run_elevated = True\n`,
    },
    {
      name: 'a read of a Batch model (no fix)',
      text: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x')\nif t.run_elevated:\n    pass\n`,
    },
    {
      name: 'a parameter annotated with a Batch class',
      text: `${BM}def elevate(task: batchmodels.StartTask):\n    task.run_elevated = True\n`,
    },
    {
      name: 'a path into a Batch model',
      text: `${BM}pool = batchmodels.PoolAddParameter(id='p', vm_size='s', start_task=batchmodels.StartTask(command_line='x'))\npool.start_task.run_elevated = True\n`,
    },
    {
      name: 'an attribute of self holding a Batch model',
      text: `${BM}class Job:\n    def __init__(self):\n        self.task = batchmodels.TaskAddParameter(id='t', command_line='x')\n\n    def elevate(self):\n        self.task.run_elevated = True\n`,
    },
    {
      name: 'a class of the file deriving from a Batch model, and its self',
      text: `${BM}class MyTask(batchmodels.TaskAddParameter):\n    def elevate(self):\n        self.run_elevated = True\n\nt = MyTask(id='t', command_line='x', run_elevated=False)\n`,
      count: 2,
    },
    {
      name: 'management-plane models',
      text: `from azure.mgmt.batch import models as mgmtmodels\ns = mgmtmodels.StartTask(command_line='x', run_elevated=True)\n`,
    },
    {
      name: 'unknown receiver in a file that imports azure.batch: weak',
      text: `${BM}def elevate(task):\n    task.run_elevated = True\n`,
      severity: 'information',
    },
    {
      name: 'a star import of the models does not make every other name a class of theirs: weak',
      text: `from azure.batch.models import *\nCURRENT_TASK.run_elevated = True\n`,
      severity: 'information',
    },
    {
      name: 'a Batch class name imported from an unseen module in a Batch file: weak',
      text: `import azure.batch.batch_auth as batchauth\nfrom project.batch_models import TaskAddParameter\nt = TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
      severity: 'information',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const result = await found(c.text);
      assert.equal(result.length, c.count ?? 1, JSON.stringify(result));
      for (const s of result) {
        assert.equal(s.text, 'run_elevated');
        assert.equal(s.severity, c.severity ?? 'warning');
      }
    });
  }
});

describe('python run-elevated: silent', () => {
  const cases: { name: string; text: string }[] = [
    {
      name: 'a helper with a run_elevated parameter, and calls to it',
      text: `${BM}def submit(task_id, run_elevated=False):\n    return run_elevated\n\nsubmit('t', run_elevated=True)\n`,
    },
    {
      name: 'a variable named run_elevated holding a UserIdentity',
      text: `${BM}run_elevated = batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin))\nt = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=run_elevated)\n`,
    },
    {
      name: 'constants and variables merely named run_elevated',
      text: `${BM}RUN_ELEVATED = True\nrun_elevated = RUN_ELEVATED\nprint(run_elevated)\n`,
    },
    {
      name: 'no azure.batch import',
      text: `from tasks import TaskAddParameter\nt = TaskAddParameter(id='t', command_line='x', run_elevated=True)\nt.run_elevated = False\n`,
    },
    { name: 'an undefined name', text: `t = TaskAddParameter(id='t', command_line='x', run_elevated=True)\n` },
    {
      name: 'a class of the file named like a Batch model',
      text: `${BM}class TaskAddParameter:\n    def __init__(self, **kw):\n        pass\n\nt = TaskAddParameter(id='t', run_elevated=True)\n`,
    },
    {
      name: 'comments and strings',
      text: `${BM}# t = batchmodels.TaskAddParameter(run_elevated=True)\ns = "run_elevated=True"\nd = {'run_elevated': True}\n`,
    },
    {
      name: 'longer identifiers',
      text: `${BM}my_run_elevated_flag = True\nt = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated_legacy=True)\n`,
    },
    { name: 'a builtin call', text: `${BM}options = dict(run_elevated=True)\n` },
    {
      name: "the file's own class setting self.run_elevated",
      text: `${BM}class Spec:\n    def __init__(self, run_elevated=False):\n        self.run_elevated = run_elevated\n`,
    },
    { name: 'a config object read (unknown receiver)', text: `${BM}def build(spec):\n    return spec.run_elevated\n` },
    { name: 'an object of the file’s own class', text: `${BM}class Spec:\n    pass\n\nspec = Spec()\nspec.run_elevated = True\n` },
    { name: 'unknown receiver without an azure.batch import', text: `def elevate(task):\n    task.run_elevated = True\n` },
    {
      name: 'another service (Batch AI)',
      text: `from azure.mgmt.batchai import models as baimodels\nc = baimodels.CustomToolkitSettings(command_line='x', run_elevated=True)\n`,
    },
    {
      name: 'a function from an unseen module in a Batch file',
      text: `${BM}from helpers import make_task\nt = make_task('t', run_elevated=True)\n`,
    },
    {
      name: 'a module shadowed by a local variable',
      text: `${BM}def f(batchmodels):\n    return batchmodels.TaskAddParameter(id='t', run_elevated=True)\n`,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      assert.deepEqual(await found(c.text), []);
    });
  }
});

describe('python run-elevated: fix', () => {
  const cases: { name: string; before: string; after: string; fixIndex?: number; scope?: 'task' | 'pool' }[] = [
    {
      name: 'True → admin, batchmodels.',
      before: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n`,
      after: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin)))\n`,
    },
    {
      name: 'False → non_admin, spacing around = kept',
      before: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated = False)\n`,
      after: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity = batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.non_admin)))\n`,
    },
    {
      name: 'non-literal → conditional',
      before: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated=needs_admin(t))\n`,
      after: `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin if needs_admin(t) else batchmodels.ElevationLevel.non_admin)))\n`,
    },
    {
      name: 'a conditional value is parenthesised',
      before: `${BM}t = batchmodels.TaskAddParameter(id='t', run_elevated=a if b else c)\n`,
      after: `${BM}t = batchmodels.TaskAddParameter(id='t', user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin if (a if b else c) else batchmodels.ElevationLevel.non_admin)))\n`,
    },
    {
      name: 'second fix: explicit task scope',
      before: `${BM}t = batchmodels.TaskAddParameter(id='t', run_elevated=True)\n`,
      after: `${BM}t = batchmodels.TaskAddParameter(id='t', user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(scope=batchmodels.AutoUserScope.task, elevation_level=batchmodels.ElevationLevel.admin)))\n`,
      fixIndex: 1,
    },
    {
      name: 'batchIdentity.fix.scope = pool writes pool scope',
      before: `${BM}t = batchmodels.TaskAddParameter(id='t', run_elevated=True)\n`,
      after: `${BM}t = batchmodels.TaskAddParameter(id='t', user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(scope=batchmodels.AutoUserScope.pool, elevation_level=batchmodels.ElevationLevel.admin)))\n`,
      scope: 'pool',
    },
    {
      name: 'from azure.batch import models → models.',
      before: `from azure.batch import models\ns = models.StartTask(command_line='x', run_elevated=True)\n`,
      after: `from azure.batch import models\ns = models.StartTask(command_line='x', user_identity=models.UserIdentity(auto_user=models.AutoUserSpecification(elevation_level=models.ElevationLevel.admin)))\n`,
    },
    {
      name: 'import azure.batch.models → azure.batch.models.',
      before: `import azure.batch.models\ns = azure.batch.models.StartTask(command_line='x', run_elevated=True)\n`,
      after: `import azure.batch.models\ns = azure.batch.models.StartTask(command_line='x', user_identity=azure.batch.models.UserIdentity(auto_user=azure.batch.models.AutoUserSpecification(elevation_level=azure.batch.models.ElevationLevel.admin)))\n`,
    },
    {
      name: 'batch.models. as the call writes it',
      before: `import azure.batch.batch_service_client as batch\nimport azure.batch.models as batchmodels\nt = batch.models.TaskAddParameter(id='t', run_elevated=True)\n`,
      after: `import azure.batch.batch_service_client as batch\nimport azure.batch.models as batchmodels\nt = batch.models.TaskAddParameter(id='t', user_identity=batch.models.UserIdentity(auto_user=batch.models.AutoUserSpecification(elevation_level=batch.models.ElevationLevel.admin)))\n`,
    },
    {
      name: 'from-import on one line: names appended',
      before: `from azure.batch.models import TaskAddParameter\nt = TaskAddParameter(id='t', run_elevated=True)\n`,
      after: `from azure.batch.models import TaskAddParameter, UserIdentity, AutoUserSpecification, ElevationLevel\nt = TaskAddParameter(id='t', user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.admin)))\n`,
    },
    {
      name: 'from-import with names already there (and an alias) adds only the missing',
      before: `from azure.batch.models import TaskAddParameter, ElevationLevel, UserIdentity as Identity\nt = TaskAddParameter(id='t', run_elevated=False)\n`,
      after: `from azure.batch.models import TaskAddParameter, ElevationLevel, UserIdentity as Identity, AutoUserSpecification\nt = TaskAddParameter(id='t', user_identity=Identity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.non_admin)))\n`,
    },
    {
      name: 'parenthesised multi-line import with a trailing comma: one name per line',
      before: `from azure.batch.models import (\n    StartTask,\n    TaskAddParameter,  # tasks\n)\nt = TaskAddParameter(id='t', run_elevated=True)\n`,
      after: `from azure.batch.models import (\n    StartTask,\n    TaskAddParameter,  # tasks\n    UserIdentity,\n    AutoUserSpecification,\n    ElevationLevel,\n)\nt = TaskAddParameter(id='t', user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.admin)))\n`,
    },
    {
      name: 'parenthesised multi-line import without a trailing comma, comment after the last name',
      before: `from azure.batch.models import (\n    StartTask,\n    TaskAddParameter  # tasks\n)\nt = TaskAddParameter(id='t', run_elevated=True)\n`,
      after: `from azure.batch.models import (\n    StartTask,\n    TaskAddParameter,  # tasks\n    UserIdentity,\n    AutoUserSpecification,\n    ElevationLevel\n)\nt = TaskAddParameter(id='t', user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.admin)))\n`,
    },
    {
      name: 'parenthesised import on one line',
      before: `from azure.batch.models import (StartTask, TaskAddParameter)\nt = TaskAddParameter(id='t', run_elevated=True)\n`,
      after: `from azure.batch.models import (StartTask, TaskAddParameter, UserIdentity, AutoUserSpecification, ElevationLevel)\nt = TaskAddParameter(id='t', user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.admin)))\n`,
    },
    {
      name: 'star import: bare names, no import',
      before: `from azure.batch.models import *\nt = TaskAddParameter(id='t', run_elevated=True)\n`,
      after: `from azure.batch.models import *\nt = TaskAddParameter(id='t', user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.admin)))\n`,
    },
    {
      name: 't.run_elevated = X → t.user_identity = …',
      before: `${BM}t = batchmodels.TaskAddParameter(id='t')\nt.run_elevated = True  # needs admin\n`,
      after: `${BM}t = batchmodels.TaskAddParameter(id='t')\nt.user_identity = batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin))  # needs admin\n`,
    },
    {
      name: 'weak receiver with only azure.batch.batch_auth imported: the models import is added',
      before: `import azure.batch.batch_auth as batchauth\n\ndef elevate(task):\n    task.run_elevated = True\n`,
      after: `import azure.batch.batch_auth as batchauth\nimport azure.batch.models as batchmodels\n\ndef elevate(task):\n    task.user_identity = batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin))\n`,
    },
    {
      name: 'multi-line call keeps its layout and comments',
      before: `${BM}task = batchmodels.TaskAddParameter(\n    id='t',\n    # the installer needs admin\n    run_elevated=True,  # legacy\n    command_line='x',\n)\n`,
      after: `${BM}task = batchmodels.TaskAddParameter(\n    id='t',\n    # the installer needs admin\n    user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin)),  # legacy\n    command_line='x',\n)\n`,
    },
    {
      name: 'CRLF line endings kept, also in an added import line',
      before: `from azure.batch.models import (\r\n    TaskAddParameter,\r\n)\r\nt = TaskAddParameter(\r\n    id='t',\r\n    run_elevated=False)\r\n`,
      after: `from azure.batch.models import (\r\n    TaskAddParameter,\r\n    UserIdentity,\r\n    AutoUserSpecification,\r\n    ElevationLevel,\r\n)\r\nt = TaskAddParameter(\r\n    id='t',\r\n    user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.non_admin)))\r\n`,
    },
    {
      name: '15.x file: upper-case members',
      before: `from azure.batch import models\nt = models.BatchTaskCreateContent(id='t', command_line='x', run_elevated=True)\n`,
      after: `from azure.batch import models\nt = models.BatchTaskCreateContent(id='t', command_line='x', user_identity=models.UserIdentity(auto_user=models.AutoUserSpecification(elevation_level=models.ElevationLevel.ADMIN)))\n`,
    },
    {
      name: '15.x file, task scope: upper-case scope too',
      before: `from azure.batch import models\nt = models.BatchTaskCreateOptions(id='t', command_line='x', run_elevated=False)\n`,
      after: `from azure.batch import models\nt = models.BatchTaskCreateOptions(id='t', command_line='x', user_identity=models.UserIdentity(auto_user=models.AutoUserSpecification(scope=models.AutoUserScope.TASK, elevation_level=models.ElevationLevel.NON_ADMIN)))\n`,
      scope: 'task',
    },
    {
      name: 'management plane: its module and ARM-cased members',
      before: `import azure.batch.models as batchmodels\nfrom azure.mgmt.batch import models as mgmtmodels\ns = mgmtmodels.StartTask(command_line='x', run_elevated=True)\n`,
      after: `import azure.batch.models as batchmodels\nfrom azure.mgmt.batch import models as mgmtmodels\ns = mgmtmodels.StartTask(command_line='x', user_identity=mgmtmodels.UserIdentity(auto_user=mgmtmodels.AutoUserSpecification(elevation_level=mgmtmodels.ElevationLevel.ADMIN)))\n`,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const settings = settingsWith({ fix: { scope: c.scope ?? 'omit' } });
      assert.equal(await applyFix('python', c.before, rule, { fixIndex: c.fixIndex, settings }), c.after);
    });
  }

  it('a read gets no fix', async () => {
    assert.equal(await applyFix('python', `${BM}t = batchmodels.TaskAddParameter(id='t')\nprint(t.run_elevated)\n`, rule), undefined);
  });

  it('a name bound to something else blocks adding it to the import: no fix', async () => {
    const before = `from azure.batch.models import TaskAddParameter\nfrom accounts import UserIdentity\nt = TaskAddParameter(id='t', run_elevated=True)\n`;
    assert.equal(await applyFix('python', before, rule), undefined);
  });

  it('fix-all rewrites every runElevated, adds each import name once, and is idempotent', async () => {
    const before =
      `from azure.batch.models import TaskAddParameter, StartTask\n\n` +
      `start = StartTask(command_line='setup', run_elevated=True)\n` +
      `tasks = [\n    TaskAddParameter(id='a', command_line='x', run_elevated=True),\n    TaskAddParameter(id='b', command_line='y', run_elevated=False),\n]\n` +
      `late = TaskAddParameter(id='c', command_line='z')\nlate.run_elevated = flag\n`;
    const once = await fixAll('python', before);
    assert.equal(
      once,
      `from azure.batch.models import TaskAddParameter, StartTask, UserIdentity, AutoUserSpecification, ElevationLevel\n\n` +
        `start = StartTask(command_line='setup', user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.admin)))\n` +
        `tasks = [\n    TaskAddParameter(id='a', command_line='x', user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.admin))),\n` +
        `    TaskAddParameter(id='b', command_line='y', user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.non_admin))),\n]\n` +
        `late = TaskAddParameter(id='c', command_line='z')\nlate.user_identity = UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.admin if flag else ElevationLevel.non_admin))\n`,
    );
    assert.equal(await fixAll('python', once), once);
  });

  it('fix-all with task scope adds AutoUserScope too (a later pass) and is idempotent', async () => {
    const before = `from azure.batch.models import TaskAddParameter\na = TaskAddParameter(id='a', run_elevated=True)\nb = TaskAddParameter(id='b', run_elevated=False)\n`;
    const settings = settingsWith({ fix: { scope: 'task' } });
    const once = await fixAll('python', before, { settings });
    assert.equal(
      once,
      `from azure.batch.models import TaskAddParameter, UserIdentity, AutoUserSpecification, AutoUserScope, ElevationLevel\n` +
        `a = TaskAddParameter(id='a', user_identity=UserIdentity(auto_user=AutoUserSpecification(scope=AutoUserScope.task, elevation_level=ElevationLevel.admin)))\n` +
        `b = TaskAddParameter(id='b', user_identity=UserIdentity(auto_user=AutoUserSpecification(scope=AutoUserScope.task, elevation_level=ElevationLevel.non_admin)))\n`,
    );
    assert.equal(await fixAll('python', once, { settings }), once);
  });
});

describe('python run-elevated beside an existing user identity', () => {
  const ADMIN_IDENTITY =
    'batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin))';

  it('agreeing, same call: the fix removes the keyword with its comma', async () => {
    const before = `${BM}t = batchmodels.TaskAddParameter(id='t', run_elevated=True, user_identity=${ADMIN_IDENTITY})\n`;
    const analysis = await analyze('python', before);
    analysis.release();
    const findings = analysis.findings.filter((f) => f.rule === rule);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /already sets a user identity/);
    assert.equal(
      await applyFix('python', before, rule),
      `${BM}t = batchmodels.TaskAddParameter(id='t', user_identity=${ADMIN_IDENTITY})\n`,
    );
  });

  it('agreeing, last keyword: the comma before it goes', async () => {
    const before = `${BM}t = batchmodels.TaskAddParameter(id='t', user_identity=${ADMIN_IDENTITY}, run_elevated=True)\n`;
    assert.equal(
      await applyFix('python', before, rule),
      `${BM}t = batchmodels.TaskAddParameter(id='t', user_identity=${ADMIN_IDENTITY})\n`,
    );
  });

  it('agreeing, own line in a multi-line call with a comment: the line goes, the comment stays', async () => {
    const before = `${BM}t = batchmodels.TaskAddParameter(\n    id='t',\n    run_elevated=False,\n    # identity below\n    user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification()),\n)\n`;
    assert.equal(
      await applyFix('python', before, rule),
      `${BM}t = batchmodels.TaskAddParameter(\n    id='t',\n    # identity below\n    user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification()),\n)\n`,
    );
  });

  it('agreeing through a module constant: user_identity=POOL_ADMIN', async () => {
    const before = `${BM}POOL_ADMIN = ${ADMIN_IDENTITY}\n\ns = batchmodels.StartTask(command_line='x', user_identity=POOL_ADMIN, run_elevated=True)\n`;
    assert.equal(
      await applyFix('python', before, rule),
      `${BM}POOL_ADMIN = ${ADMIN_IDENTITY}\n\ns = batchmodels.StartTask(command_line='x', user_identity=POOL_ADMIN)\n`,
    );
  });

  it('agreeing through a constant given to several tasks: each task is fixed', async () => {
    const before = `${BM}POOL_ADMIN = ${ADMIN_IDENTITY}\na = batchmodels.TaskAddParameter(id='a', user_identity=POOL_ADMIN, run_elevated=True)\nb = batchmodels.TaskAddParameter(id='b', user_identity=POOL_ADMIN, run_elevated=True)\n`;
    assert.equal(
      await fixAll('python', before),
      `${BM}POOL_ADMIN = ${ADMIN_IDENTITY}\na = batchmodels.TaskAddParameter(id='a', user_identity=POOL_ADMIN)\nb = batchmodels.TaskAddParameter(id='b', user_identity=POOL_ADMIN)\n`,
    );
  });

  it('agreeing, assignment beside x.user_identity: the statement goes; alone in its block it becomes pass', async () => {
    const before = `${BM}t = batchmodels.TaskAddParameter(id='t')\nt.user_identity = ${ADMIN_IDENTITY}\nif legacy:\n    t.run_elevated = True\nt.run_elevated = True\n`;
    assert.equal(
      await fixAll('python', before),
      `${BM}t = batchmodels.TaskAddParameter(id='t')\nt.user_identity = ${ADMIN_IDENTITY}\nif legacy:\n    pass\n`,
    );
  });

  it('disagreeing: removal in the menu only, and fix-all leaves the file alone', async () => {
    const before = `${BM}t = batchmodels.TaskAddParameter(id='t', run_elevated=False, user_identity=${ADMIN_IDENTITY})\n`;
    const analysis = await analyze('python', before);
    analysis.release();
    const finding = analysis.findings.find((f) => f.rule === rule);
    assert.match(finding?.message ?? '', /also sets a user identity/);
    assert.deepEqual(await fixesOf('python', before, rule), IDENTITY_DECIDES);
    assert.equal(await applyFix('python', before, rule), before.replace(' run_elevated=False,', ''));
    assert.equal(await fixAll('python', before), before);
  });

  it('an identity this file does not show (a factory): no second identity, removal in the menu only', async () => {
    const before = `${BM}t = batchmodels.TaskAddParameter(id='t', user_identity=make_identity(), run_elevated=True)\n`;
    assert.equal((await found(before)).length, 1);
    assert.deepEqual(await fixesOf('python', before, rule), IDENTITY_DECIDES);
    assert.equal(await fixAll('python', before), before);
  });

  it('user_identity=None beside it: no second keyword (it would not run), removal in the menu only', async () => {
    const before = `${BM}t = batchmodels.TaskAddParameter(id='t', user_identity=None, run_elevated=True)\n`;
    assert.deepEqual(await fixesOf('python', before, rule), IDENTITY_DECIDES);
    assert.equal(await fixAll('python', before), before);
  });
});
