/**
 * unknown-user's C# and Python rows for the pool a task runs on (`Holder.pool`): a start task of a
 * pool the file builds, a job's own tasks on the pool its pool information names by id or on its
 * auto-pool. A name missing from that pool is reported as not on it, even where another pool of the
 * file defines it; a pool whose list may hold accounts the file does not show says nothing; and
 * where the link between task and pool is not certain, the whole project's pools decide as before.
 */
import type { unknownUserRule } from '../../../server/src/rules/unknownUser';
import type { AccountIndex } from '../../../server/src/workspace/accountIndex';
import { cliTemplate, csLegacy, csMgmt, csNew, javaLegacy, javaNew, json, py15, pyLegacy, pyMgmt, type CaseOf } from './table';

/**
 * Pools with ids in a TypeScript file of the workspace (the TypeScript adapter gives a pool's id):
 * 'render' defines 'renderer', 'other' defines 'ops'; 'tmixed' defines 'renderer' and accounts the
 * file does not show (a spread), so it gets no id.
 */
export const POOLS_BY_ID =
  "import { BatchServiceModels } from '@azure/batch';\nimport { extraAccounts } from './accounts';\n\n" +
  "export const render: BatchServiceModels.PoolAddParameter = { id: 'render', vmSize: 's', userAccounts: [{ name: 'renderer', password: process.env.PW! }] };\n" +
  "export const other: BatchServiceModels.PoolAddParameter = { id: 'other', vmSize: 's', userAccounts: [{ name: 'ops', password: process.env.PW! }] };\n" +
  "export const mixed: BatchServiceModels.PoolAddParameter = { id: 'tmixed', vmSize: 's', userAccounts: [{ name: 'renderer', password: process.env.PW! }, ...extraAccounts] };\n";

/**
 * Pools with ids in JSON files of the workspace (the JSON adapter gives a data-plane pool's id):
 * REST bodies in a `value` array, 'jrender' with 'renderer' and 'jother' with 'ops'; 'jmixed', whose
 * list holds an account the file does not show (an ARM expression), with 'renderer'; and a Batch CLI
 * template pool whose id is a parameter, with 'builder'; a sample pool whose id is a placeholder, with 'renderer'.
 */
export const JSON_POOLS_BY_ID: Readonly<Record<string, string>> = {
  'file:///ws/pools.json': json({
    value: [
      { id: 'jrender', vmSize: 's', userAccounts: [{ name: 'renderer', password: '<secret>' }] },
      { id: 'jother', vmSize: 's', userAccounts: [{ name: 'ops', password: '<secret>' }] },
    ],
  }),
  'file:///ws/mixed.json': json({
    id: 'jmixed',
    vmSize: 's',
    userAccounts: [{ name: 'renderer', password: '<secret>' }, "[parameters('extraAccount')]"],
  }),
  'file:///ws/sample.json': json({ id: '<pool-id>', vmSize: 's', userAccounts: [{ name: 'renderer', password: '<secret>' }] }),
  'file:///ws/template.json': cliTemplate('pool', {
    id: "[parameters('poolId')]",
    vmSize: 's',
    userAccounts: [{ name: 'builder', password: '<secret>' }],
  }),
};

const CLIENT = 'BatchClient client, VirtualMachineConfiguration configuration, string secret';
const PW = "password=os.environ['PW']";

type Row = CaseOf<typeof unknownUserRule>;

/** C#: `byId` indexes POOLS_BY_ID. */
export function csharpOwnPoolRows(byId: AccountIndex): Row[] {
  return [
    {
      name: 'Microsoft.Azure.Batch: CreatePool, its start task names a user its accounts lack',
      language: 'csharp',
      text: csLegacy(
        'var pool = client.PoolOperations.CreatePool("render", "STANDARD_D2S_V3", configuration);\n' +
          'pool.UserAccounts = new List<UserAccount> { new UserAccount("ops", secret) };\n' +
          'pool.StartTask = new StartTask { CommandLine = "setup.sh", UserIdentity = new UserIdentity("opz") };',
        CLIENT,
      ),
      found: [['warning', '"opz"', ['notOnItsPool', { name: 'opz' }]]],
    },
    {
      name: 'Microsoft.Azure.Batch: the start task names a user only another pool of the file defines',
      language: 'csharp',
      text: csLegacy(
        'var render = client.PoolOperations.CreatePool("render", "s", configuration);\n' +
          'render.UserAccounts = new List<UserAccount> { new UserAccount("renderer", secret) };\n' +
          'render.StartTask = new StartTask("setup.sh");\n' +
          'render.StartTask.UserIdentity = new UserIdentity("ops");\n' +
          'var admin = client.PoolOperations.CreatePool("admin", "s", configuration);\n' +
          'admin.UserAccounts = new List<UserAccount> { new UserAccount("ops", secret) };\n' +
          'admin.StartTask = new StartTask("setup.sh") { UserIdentity = new UserIdentity("ops") };',
        CLIENT,
      ),
      // The first start task runs on 'render', which has no 'ops'; the second on 'admin', which has.
      found: [['warning', '"ops"', ['notOnItsPool', { name: 'ops' }]]],
    },
    {
      name: 'Microsoft.Azure.Batch: the same, an account added to the pool’s list later',
      language: 'csharp',
      text: csLegacy(
        'var render = client.PoolOperations.CreatePool("render", "s", configuration);\n' +
          'render.UserAccounts = new List<UserAccount> { new UserAccount("renderer", secret) };\n' +
          'render.UserAccounts.Add(LoadAccount());\n' +
          'render.StartTask = new StartTask("setup.sh") { UserIdentity = new UserIdentity("ops") };\n' +
          'var admin = client.PoolOperations.CreatePool("admin", "s", configuration);\n' +
          'admin.UserAccounts = new List<UserAccount> { new UserAccount("ops", secret) };',
        CLIENT,
      ),
      // The account added may be 'ops'.
      found: [],
      seen: 1,
    },
    {
      name: 'Microsoft.Azure.Batch: the pool’s list is built elsewhere',
      language: 'csharp',
      text: csLegacy(
        'var pool = client.PoolOperations.CreatePool("render", "s", configuration);\n' +
          'pool.UserAccounts = LoadAccounts();\n' +
          'pool.StartTask = new StartTask("setup.sh") { UserIdentity = new UserIdentity("deploy") };\n' +
          'var known = new UserAccount("ops", secret);',
        CLIENT,
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'Microsoft.Azure.Batch: the pool’s list is a variable that gains an account elsewhere',
      language: 'csharp',
      text: csLegacy(
        'var users = new List<UserAccount> { new UserAccount("ops", secret) };\n' +
          'users.Add(LoadAccount());\n' +
          'var pool = client.PoolOperations.CreatePool("render", "s", configuration);\n' +
          'pool.UserAccounts = users;\n' +
          'pool.StartTask = new StartTask("setup.sh") { UserIdentity = new UserIdentity("deploy") };',
        CLIENT,
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'Microsoft.Azure.Batch: the list and the start task in variables of their own',
      language: 'csharp',
      text: csLegacy(
        'var users = new List<UserAccount> { new UserAccount("ops", secret) };\n' +
          'var start = new StartTask("setup.sh") { UserIdentity = new UserIdentity("opz") };\n' +
          'var pool = client.PoolOperations.CreatePool("render", "s", configuration);\n' +
          'pool.UserAccounts = users;\n' +
          'pool.StartTask = start;\n' +
          'var admin = new UserAccount("opz", secret);',
        CLIENT,
      ),
      // 'opz' is an account of the file, but not of the start task's pool.
      found: [['warning', '"opz"', ['notOnItsPool', { name: 'opz' }]]],
    },
    {
      name: 'Azure.Compute.Batch: the pool’s object initializer holds its accounts and its start task',
      language: 'csharp',
      text: csNew(
        'var created = new BatchPoolCreateContent("render", "s")\n{\n' +
          '    UserAccounts = { new UserAccount("ops", secret) },\n' +
          '    StartTask = new BatchStartTask("setup.sh") { UserIdentity = new UserIdentity { Username = "opz" } },\n};',
      ),
      found: [['warning', '"opz"', ['notOnItsPool', { name: 'opz' }]]],
    },
    {
      name: 'Microsoft.Azure.Management.Batch: the start task runs as an account another pool constructor defines',
      language: 'csharp',
      text: csMgmt(
        'var render = new Pool(\n    userAccounts: new List<UserAccount> { new UserAccount("renderer", secret) },\n' +
          '    startTask: new StartTask(commandLine: "setup.sh", userIdentity: new UserIdentity("ops")));\n' +
          'var admin = new Pool(userAccounts: new List<UserAccount> { new UserAccount("ops", secret) });',
      ),
      found: [['warning', '"ops"', ['notOnItsPool', { name: 'ops' }]]],
    },
    {
      name: 'Microsoft.Azure.Batch: a job names its pool by id; its job manager runs as an account of another pool',
      language: 'csharp',
      text: csLegacy(
        'CloudJob job = client.JobOperations.CreateJob();\n' +
          'job.PoolInformation = new PoolInformation { PoolId = "render" };\n' +
          'job.JobManagerTask = new JobManagerTask("manager", "run.exe") { UserIdentity = new UserIdentity("ops") };\n' +
          'job.JobReleaseTask = new JobReleaseTask("cleanup.exe") { UserIdentity = new UserIdentity("renderer") };',
        CLIENT,
      ),
      // Pool 'render' (in the workspace's TypeScript file) defines only 'renderer'.
      found: [['warning', '"ops"', ['notOnItsPool', { name: 'ops' }]]],
      workspace: byId,
    },
    {
      name: 'Microsoft.Azure.Batch: a job names by id a pool of the same file (CreatePool’s first argument)',
      language: 'csharp',
      text: csLegacy(
        'var render = client.PoolOperations.CreatePool("render", "s", configuration);\n' +
          'render.UserAccounts = new List<UserAccount> { new UserAccount("renderer", secret) };\n' +
          'var other = client.PoolOperations.CreatePool("other", "s", configuration);\n' +
          'other.UserAccounts = new List<UserAccount> { new UserAccount("ops", secret) };\n' +
          'CloudJob job = client.JobOperations.CreateJob("j", new PoolInformation { PoolId = "render" });\n' +
          'job.JobManagerTask = new JobManagerTask("manager", "run.exe") { UserIdentity = new UserIdentity("ops") };',
        CLIENT,
      ),
      found: [['warning', '"ops"', ['notOnItsPool', { name: 'ops' }]]],
    },
    {
      name: 'Microsoft.Azure.Batch: a job names by id a TypeScript pool whose accounts include a spread: silent',
      language: 'csharp',
      text: csLegacy(
        'CloudJob job = client.JobOperations.CreateJob("j", new PoolInformation { PoolId = "tmixed" });\n' +
          'job.JobManagerTask = new JobManagerTask("manager", "run.exe") { UserIdentity = new UserIdentity("ops") };',
        CLIENT,
      ),
      found: [],
      workspace: byId,
    },
    {
      name: 'Microsoft.Azure.Batch: a job names by id a pool given an account the file does not show (.Add(extra)): silent',
      language: 'csharp',
      text: csLegacy(
        'var render = client.PoolOperations.CreatePool("render", "s", configuration);\n' +
          'render.UserAccounts = new List<UserAccount> { new UserAccount("renderer", secret) };\n' +
          'render.UserAccounts.Add(extra);\n' +
          'var other = client.PoolOperations.CreatePool("other", "s", configuration);\n' +
          'other.UserAccounts = new List<UserAccount> { new UserAccount("ops", secret) };\n' +
          'CloudJob job = client.JobOperations.CreateJob("j", new PoolInformation { PoolId = "render" });\n' +
          'job.JobManagerTask = new JobManagerTask("manager", "run.exe") { UserIdentity = new UserIdentity("ops") };',
        `${CLIENT}, UserAccount extra`,
      ),
      found: [],
    },
    {
      name: 'Microsoft.Azure.Batch: CreateJob with an auto-pool; its job manager names a user the auto-pool lacks',
      language: 'csharp',
      text: csLegacy(
        'CloudJob job = client.JobOperations.CreateJob("j", new PoolInformation\n{\n' +
          '    AutoPoolSpecification = new AutoPoolSpecification\n    {\n' +
          '        PoolSpecification = new PoolSpecification { UserAccounts = new List<UserAccount> { new UserAccount("ops", secret) } },\n    },\n});\n' +
          'job.JobManagerTask = new JobManagerTask("manager", "run.exe");\n' +
          'job.JobManagerTask.UserIdentity = new UserIdentity("renderer");',
        CLIENT,
      ),
      found: [['warning', '"renderer"', ['notOnItsPool', { name: 'renderer' }]]],
      workspace: byId,
    },
    // Not certain which pool: the whole project decides, as before.
    {
      name: 'Microsoft.Azure.Batch: a start task on a pool the file does not build (a parameter): the whole project decides',
      language: 'csharp',
      text: csLegacy(
        'pool.UserAccounts = new List<UserAccount> { new UserAccount("ops", secret) };\n' +
          'pool.StartTask = new StartTask { CommandLine = "setup.sh", UserIdentity = new UserIdentity("admin") };\n' +
          'other.UserAccounts = new List<UserAccount> { new UserAccount("admin", secret) };\n' +
          'task.UserIdentity = new UserIdentity("ghost");',
        'CloudPool pool, CloudPool other, CloudTask task, string secret',
      ),
      found: [['warning', '"ghost"', ['unknown', { name: 'ghost' }]]],
    },
    {
      name: 'Microsoft.Azure.Batch: one start task given to two pools: the whole project decides',
      language: 'csharp',
      text: csLegacy(
        'var start = new StartTask("setup.sh") { UserIdentity = new UserIdentity("admin") };\n' +
          'var a = client.PoolOperations.CreatePool("a", "s", configuration);\n' +
          'a.UserAccounts = new List<UserAccount> { new UserAccount("ops", secret) };\n' +
          'a.StartTask = start;\n' +
          'var b = client.PoolOperations.CreatePool("b", "s", configuration);\n' +
          'b.UserAccounts = new List<UserAccount> { new UserAccount("admin", secret) };\n' +
          'b.StartTask = start;',
        CLIENT,
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'Microsoft.Azure.Batch: a job task added to a job (not the job’s own): the whole project decides',
      language: 'csharp',
      text: csLegacy(
        'CloudJob job = client.JobOperations.CreateJob("j", new PoolInformation { PoolId = "render" });\n' +
          'var task = new CloudTask("t", "run.exe") { UserIdentity = new UserIdentity("ops") };\n' +
          'job.AddTask(task);',
        CLIENT,
      ),
      found: [],
      seen: 1,
      workspace: byId,
    },
  ];
}

/** Python: `byId` indexes POOLS_BY_ID. */
export function pythonOwnPoolRows(byId: AccountIndex): Row[] {
  return [
    {
      name: 'Python legacy: PoolAddParameter with its accounts and start task; the start task names a user they lack',
      language: 'python',
      text: pyLegacy(
        `pool = batchmodels.PoolAddParameter(\n    id='render',\n    vm_size='s',\n    user_accounts=[batchmodels.UserAccount(name='ops', ${PW})],\n` +
          "    start_task=batchmodels.StartTask(command_line='setup.sh', user_identity=batchmodels.UserIdentity(user_name='opz')),\n)",
      ),
      found: [['warning', "'opz'", ['notOnItsPool', { name: 'opz' }]]],
    },
    {
      name: 'Python legacy: the start task and the list bound to names first; the name only another pool defines',
      language: 'python',
      text: pyLegacy(
        "start = batchmodels.StartTask(command_line='setup.sh', user_identity=batchmodels.UserIdentity(user_name='ops'))\n" +
          `users = [batchmodels.UserAccount(name='renderer', ${PW})]\n` +
          "render = batchmodels.PoolAddParameter(id='render', vm_size='s', user_accounts=users, start_task=start)\n" +
          `admin = batchmodels.PoolAddParameter(id='admin', vm_size='s', user_accounts=[batchmodels.UserAccount(name='ops', ${PW})])`,
      ),
      found: [['warning', "'ops'", ['notOnItsPool', { name: 'ops' }]]],
    },
    {
      name: 'Python legacy: the pool’s accounts and start task set by attribute after the construction',
      language: 'python',
      text: pyLegacy(
        "pool = batchmodels.PoolAddParameter(id='render', vm_size='s')\n" +
          `pool.user_accounts = [batchmodels.UserAccount(name='ops', ${PW})]\n` +
          "pool.start_task = batchmodels.StartTask(command_line='setup.sh')\n" +
          "pool.start_task.user_identity = batchmodels.UserIdentity(user_name='opz')",
      ),
      found: [['warning', "'opz'", ['notOnItsPool', { name: 'opz' }]]],
    },
    {
      name: 'Python legacy: the same, an account appended to the pool’s list',
      language: 'python',
      text: pyLegacy(
        "pool = batchmodels.PoolAddParameter(id='render', vm_size='s')\n" +
          `pool.user_accounts = [batchmodels.UserAccount(name='ops', ${PW})]\n` +
          'pool.user_accounts.append(load_account())\n' +
          "pool.start_task = batchmodels.StartTask(command_line='setup.sh')\n" +
          "pool.start_task.user_identity = batchmodels.UserIdentity(user_name='opz')",
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'Python legacy: the list is a name extended elsewhere',
      language: 'python',
      text: pyLegacy(
        `users = [batchmodels.UserAccount(name='ops', ${PW})]\n` +
          'users.extend(more_users())\n' +
          "pool = batchmodels.PoolAddParameter(id='render', vm_size='s', user_accounts=users,\n" +
          "    start_task=batchmodels.StartTask(command_line='setup.sh', user_identity=batchmodels.UserIdentity(user_name='opz')))",
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'Python legacy: the list spreads another list',
      language: 'python',
      text: pyLegacy(
        `pool = batchmodels.PoolAddParameter(id='render', vm_size='s', user_accounts=[*SHARED, batchmodels.UserAccount(name='ops', ${PW})],\n` +
          "    start_task=batchmodels.StartTask(command_line='setup.sh', user_identity=batchmodels.UserIdentity(user_name='opz')))",
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'azure-mgmt-batch: Pool with its accounts and start task; the start task names a user another pool defines',
      language: 'python',
      text: pyMgmt(
        `render = mgmt.Pool(\n    vm_size='s',\n    user_accounts=[mgmt.UserAccount(name='renderer', ${PW})],\n` +
          "    start_task=mgmt.StartTask(command_line='setup.sh', user_identity=mgmt.UserIdentity(user_name='ops')),\n)\n" +
          `admin = mgmt.Pool(vm_size='s', user_accounts=[mgmt.UserAccount(name='ops', ${PW})])`,
      ),
      found: [['warning', "'ops'", ['notOnItsPool', { name: 'ops' }]]],
    },
    {
      name: 'Python legacy: a job names its pool by id; its job manager runs as an account of another pool',
      language: 'python',
      text: pyLegacy(
        "job = batchmodels.JobAddParameter(\n    id='j',\n    pool_info=batchmodels.PoolInformation(pool_id='render'),\n" +
          "    job_manager_task=batchmodels.JobManagerTask(id='m', command_line='run', user_identity=batchmodels.UserIdentity(user_name='ops')),\n" +
          "    job_release_task=batchmodels.JobReleaseTask(command_line='clean', user_identity=batchmodels.UserIdentity(user_name='renderer')),\n)",
      ),
      found: [['warning', "'ops'", ['notOnItsPool', { name: 'ops' }]]],
      workspace: byId,
    },
    {
      name: 'Python legacy: a job names by id a pool of the same file',
      language: 'python',
      text: pyLegacy(
        `render = batchmodels.PoolAddParameter(id='render', vm_size='s', user_accounts=[batchmodels.UserAccount(name='renderer', ${PW})])\n` +
          `other = batchmodels.PoolAddParameter(id='other', vm_size='s', user_accounts=[batchmodels.UserAccount(name='ops', ${PW})])\n` +
          "job = batchmodels.JobAddParameter(id='j', pool_info=batchmodels.PoolInformation(pool_id='render'))\n" +
          "job.job_manager_task = batchmodels.JobManagerTask(id='m', command_line='run', user_identity=batchmodels.UserIdentity(user_name='ops'))",
      ),
      found: [['warning', "'ops'", ['notOnItsPool', { name: 'ops' }]]],
    },
    {
      name: 'Python legacy: a job names by id a pool given an account the file does not show (append): silent',
      language: 'python',
      text: pyLegacy(
        `render = batchmodels.PoolAddParameter(id='render', vm_size='s', user_accounts=[batchmodels.UserAccount(name='renderer', ${PW})])\n` +
          'render.user_accounts.append(load_account())\n' +
          `other = batchmodels.PoolAddParameter(id='other', vm_size='s', user_accounts=[batchmodels.UserAccount(name='ops', ${PW})])\n` +
          "job = batchmodels.JobAddParameter(id='j', pool_info=batchmodels.PoolInformation(pool_id='render'))\n" +
          "job.job_manager_task = batchmodels.JobManagerTask(id='m', command_line='run', user_identity=batchmodels.UserIdentity(user_name='ops'))",
      ),
      found: [],
    },
    {
      name: 'azure-batch 15.x: a job with an auto-pool; its preparation task, set later, names a user the auto-pool lacks',
      language: 'python',
      text: py15(
        "job = models.BatchJobCreateContent(\n    id='j',\n    pool_info=models.BatchPoolInfo(\n" +
          "        auto_pool_specification=models.BatchAutoPoolSpecification(\n            pool_lifetime_option='job',\n" +
          `            pool=models.BatchPoolSpecification(vm_size='s', user_accounts=[models.UserAccount(name='ops', ${PW})]),\n        ),\n    ),\n)\n` +
          "job.job_preparation_task = models.BatchJobPreparationTask(command_line='prep', user_identity=models.UserIdentity(username='renderer'))",
      ),
      found: [['warning', "'renderer'", ['notOnItsPool', { name: 'renderer' }]]],
      workspace: byId,
    },
    // Not certain which pool: the whole project decides, as before.
    {
      name: 'Python legacy: a start task on a pool given as a parameter: the whole project decides',
      language: 'python',
      text: pyLegacy(
        'def configure(pool):\n' +
          `    pool.user_accounts = [batchmodels.UserAccount(name='ops', ${PW})]\n` +
          "    pool.start_task = batchmodels.StartTask(command_line='setup.sh', user_identity=batchmodels.UserIdentity(user_name='admin'))\n\n\n" +
          `other = batchmodels.PoolAddParameter(id='other', vm_size='s', user_accounts=[batchmodels.UserAccount(name='admin', ${PW})])`,
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'Python legacy: a start task name bound twice: the whole project decides',
      language: 'python',
      text: pyLegacy(
        "start = batchmodels.StartTask(command_line='setup.sh', user_identity=batchmodels.UserIdentity(user_name='admin'))\n" +
          'if os.environ.get("FAST"):\n' +
          "    start = batchmodels.StartTask(command_line='fast.sh')\n" +
          `render = batchmodels.PoolAddParameter(id='render', vm_size='s', user_accounts=[batchmodels.UserAccount(name='ops', ${PW})], start_task=start)\n` +
          `admin = batchmodels.PoolAddParameter(id='admin', vm_size='s', user_accounts=[batchmodels.UserAccount(name='admin', ${PW})])`,
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'Python legacy: a task added to a job (not the job’s own): the whole project decides',
      language: 'python',
      text: pyLegacy(
        "job = batchmodels.JobAddParameter(id='j', pool_info=batchmodels.PoolInformation(pool_id='render'))\n" +
          "task = batchmodels.TaskAddParameter(id='t', command_line='run', user_identity=batchmodels.UserIdentity(user_name='ops'))",
      ),
      found: [],
      seen: 1,
      workspace: byId,
    },
  ];
}

/** JSON, and a job in another language naming a JSON pool: `byId` indexes JSON_POOLS_BY_ID. */
export function jsonOwnPoolRows(byId: AccountIndex): Row[] {
  const job = (poolInfo: unknown, user: string) =>
    json({ id: 'j', poolInfo, jobManagerTask: { id: 'm', commandLine: 'run', userIdentity: { username: user } } });
  return [
    {
      name: 'JSON: a job names by id a pool of another JSON file; its job manager runs as an account only another pool has',
      language: 'json',
      text: job({ poolId: 'jrender' }, 'ops'),
      found: [['warning', '"ops"', ['notOnItsPool', { name: 'ops' }]]],
      workspace: byId,
    },
    {
      name: 'JSON: the same, an account the pool has',
      language: 'json',
      text: job({ poolId: 'jrender' }, 'renderer'),
      found: [],
      seen: 1,
      workspace: byId,
    },
    {
      name: 'JSON: the pool named holds an account the file does not show (an ARM expression): silent',
      language: 'json',
      text: job({ poolId: 'jmixed' }, 'ops'),
      found: [],
      seen: 1,
      workspace: byId,
    },
    {
      name: 'JSON: a CLI template job whose poolId is a parameter, as the template pool’s id is: the whole project decides',
      language: 'json',
      text: cliTemplate('job', {
        id: 'j',
        poolInfo: { poolId: "[parameters('poolId')]" },
        jobManagerTask: { id: 'm', commandLine: 'run', userIdentity: { username: 'ops' } },
      }),
      found: [],
      seen: 1,
      workspace: byId,
    },
    {
      name: 'JSON: a job names a placeholder pool id, as a sample pool does: the whole project decides',
      language: 'json',
      text: job({ poolId: '<pool-id>' }, 'ops'),
      found: [],
      seen: 1,
      workspace: byId,
    },
    {
      name: 'JSON: a job names a pool id no file defines: the whole project decides',
      language: 'json',
      text: job({ poolId: 'elsewhere' }, 'ops'),
      found: [],
      seen: 1,
      workspace: byId,
    },
    {
      name: 'Python legacy: a job names by id a pool of a JSON file',
      language: 'python',
      text: pyLegacy(
        "job = batchmodels.JobAddParameter(id='j', pool_info=batchmodels.PoolInformation(pool_id='jother'))\n" +
          "job.job_manager_task = batchmodels.JobManagerTask(id='m', command_line='run', user_identity=batchmodels.UserIdentity(user_name='renderer'))",
      ),
      found: [['warning', "'renderer'", ['notOnItsPool', { name: 'renderer' }]]],
      workspace: byId,
    },
  ];
}

const JAVA_PARAMS = 'BatchClient client, String secret';
const legacyAccount = (name: string) => `new UserAccount().withName("${name}").withPassword(secret)`;
const legacyStart = (user: string) =>
  `new StartTask().withCommandLine("setup.sh").withUserIdentity(new UserIdentity().withUserName("${user}"))`;

/** Java: `byId` indexes POOLS_BY_ID. */
export function javaOwnPoolRows(byId: AccountIndex): Row[] {
  return [
    {
      name: 'Java legacy: PoolAddParameter with its accounts and start task; the start task names a user only another pool has',
      language: 'java',
      text: javaLegacy(
        `PoolAddParameter render = new PoolAddParameter().withId("render")\n    .withUserAccounts(Arrays.asList(${legacyAccount('renderer')}))\n` +
          `    .withStartTask(${legacyStart('ops')});\n` +
          `PoolAddParameter admin = new PoolAddParameter().withId("admin").withUserAccounts(Arrays.asList(${legacyAccount('ops')}));`,
        JAVA_PARAMS,
      ),
      found: [['warning', '"ops"', ['notOnItsPool', { name: 'ops' }]]],
    },
    {
      name: 'Java legacy: the start task in a variable given once; the account it names is on its pool',
      language: 'java',
      text: javaLegacy(
        `StartTask start = ${legacyStart('renderer')};\n` +
          `PoolAddParameter render = new PoolAddParameter().withUserAccounts(Arrays.asList(${legacyAccount('renderer')})).withStartTask(start);\n` +
          `PoolAddParameter admin = new PoolAddParameter().withUserAccounts(Arrays.asList(${legacyAccount('ops')}));`,
        JAVA_PARAMS,
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'Java legacy: the pool’s list is a variable (accounts may be added to it): silent',
      language: 'java',
      text: javaLegacy(
        `List<UserAccount> users = new ArrayList<>();\nusers.add(${legacyAccount('renderer')});\nusers.addAll(loadUsers());\n` +
          `PoolAddParameter render = new PoolAddParameter().withUserAccounts(users).withStartTask(${legacyStart('ops')});\n` +
          `PoolAddParameter admin = new PoolAddParameter().withUserAccounts(Arrays.asList(${legacyAccount('ops')}));`,
        JAVA_PARAMS,
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'Java legacy: the pool’s account list is read and added to elsewhere: silent',
      language: 'java',
      text: javaLegacy(
        `PoolAddParameter render = new PoolAddParameter().withUserAccounts(Arrays.asList(${legacyAccount('renderer')})).withStartTask(${legacyStart('ops')});\n` +
          'render.userAccounts().add(loadUser());\n' +
          `PoolAddParameter admin = new PoolAddParameter().withUserAccounts(Arrays.asList(${legacyAccount('ops')}));`,
        JAVA_PARAMS,
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'Java legacy: one start task given to two pools: the whole project decides',
      language: 'java',
      text: javaLegacy(
        `StartTask start = ${legacyStart('ops')};\n` +
          `PoolAddParameter a = new PoolAddParameter().withUserAccounts(Arrays.asList(${legacyAccount('renderer')})).withStartTask(start);\n` +
          `PoolAddParameter b = new PoolAddParameter().withUserAccounts(Arrays.asList(${legacyAccount('ops')})).withStartTask(start);`,
        JAVA_PARAMS,
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'Java legacy: a start task on a pool given as a parameter: the whole project decides',
      language: 'java',
      text: javaLegacy(
        `pool.withUserAccounts(Arrays.asList(${legacyAccount('renderer')})).withStartTask(${legacyStart('ops')});\n` +
          `PoolAddParameter admin = new PoolAddParameter().withUserAccounts(Arrays.asList(${legacyAccount('ops')}));`,
        'PoolAddParameter pool, String secret',
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'Java legacy: a job names its pool by id; its job manager runs as an account of another pool',
      language: 'java',
      text: javaLegacy(
        'JobAddParameter job = new JobAddParameter().withId("j")\n    .withPoolInfo(new PoolInformation().withPoolId("render"))\n' +
          '    .withJobManagerTask(new JobManagerTask().withId("m").withCommandLine("run").withUserIdentity(new UserIdentity().withUserName("ops")));',
        JAVA_PARAMS,
      ),
      found: [['warning', '"ops"', ['notOnItsPool', { name: 'ops' }]]],
      workspace: byId,
    },
    {
      name: 'Java legacy: the job’s pool id is a variable: the whole project decides',
      language: 'java',
      text: javaLegacy(
        'JobAddParameter job = new JobAddParameter().withId("j")\n    .withPoolInfo(new PoolInformation().withPoolId(poolId))\n' +
          '    .withJobManagerTask(new JobManagerTask().withId("m").withCommandLine("run").withUserIdentity(new UserIdentity().withUserName("ops")));',
        'BatchClient client, String poolId',
      ),
      found: [],
      seen: 1,
      workspace: byId,
    },
    {
      name: 'Java legacy: a task added to a job (not the job’s own): the whole project decides',
      language: 'java',
      text: javaLegacy(
        'JobAddParameter job = new JobAddParameter().withId("j").withPoolInfo(new PoolInformation().withPoolId("render"));\n' +
          'TaskAddParameter task = new TaskAddParameter().withId("t").withCommandLine("run").withUserIdentity(new UserIdentity().withUserName("ops"));',
        JAVA_PARAMS,
      ),
      found: [],
      seen: 1,
      workspace: byId,
    },
    {
      name: 'com.azure.compute.batch: a job’s BatchPoolInfo names its pool; its preparation task, set later, names a user it lacks',
      language: 'java',
      text: javaNew(
        'BatchJobCreateContent job = new BatchJobCreateContent("j", new BatchPoolInfo());\n' +
          'BatchPoolInfo info = new BatchPoolInfo().setPoolId("other");\n' +
          'job.setPoolInfo(info);\n' +
          'BatchJobPreparationTask prep = new BatchJobPreparationTask("prep");\n' +
          'prep.setUserIdentity(new UserIdentity().setUsername("renderer"));\n' +
          'job.setJobPreparationTask(prep);',
        'BatchClient client',
      ),
      found: [['warning', '"renderer"', ['notOnItsPool', { name: 'renderer' }]]],
      workspace: byId,
    },
  ];
}
