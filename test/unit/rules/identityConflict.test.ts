/**
 * identity-conflict (Warning): a user identity sets both a user name and an auto-user (an empty user
 * name counts as set, reference G12), or neither (§10 R1). The squiggle is on the identity's type
 * name or `"userIdentity"` key. No fix: which of the two was meant is the author's call.
 *
 * C# legacy (Microsoft.Azure.Batch) builds identities through one-argument constructors, so it
 * cannot set both; its protocol models (`Microsoft.Azure.Batch.Protocol.Models`) can, and are
 * covered instead.
 *
 * An identity completed by later statements is judged complete; one whose fields may be set out
 * of view (handed to a helper, built from `**kwargs`, completed in a branch) never says "neither".
 * The Python rows run against the real azure-batch 13 and azure-mgmt-batch 17: each sends the
 * identity listed (neither SDK checks the two are exclusive, so "both" reaches the service).
 */
import { identityConflictRule } from '../../../server/src/rules/identityConflict';
import { autoUser, pythonSdkRows, task, type PythonSdkExpectation } from '../../compile/python/sdkRows';
import { csharpStubRows, type CSharpCompile } from '../../compile/csharp/stubRows';
import {
  armPool,
  cliTemplate,
  csArm,
  csLegacy,
  csMgmt,
  csNew,
  javaLegacy,
  javaMgmt,
  javaMgmtLegacy,
  javaNew,
  json,
  py15,
  pyLegacy,
  pyMgmt,
  ruleTable,
  type Says,
} from './table';
import { checkersByLanguage } from '../../helpers/rowChecks';
import { IDENTITY_CONFLICT } from './typescriptRows';

/** One real-SDK checker for the Python rows (one python3 process per file); mcs for the C# rows, against the stub SDKs. */
const PYTHON_SDK = pythonSdkRows();

const PROTOCOL = (body: string) =>
  `using Microsoft.Azure.Batch.Protocol.Models;\n\nclass Tasks\n{\n    TaskAddParameter Build()\n    {\n        return new TaskAddParameter("t1", "hostname", userIdentity: ${body});\n    }\n}\n`;

/** What each message says, word for word. */
const SAYS: Says<typeof identityConflictRule> = [
  [
    'both',
    'Both a user name and an auto-user in this user identity: keep the one you mean (the API: "you must specify one but not both").',
  ],
  [
    'bothWithEmptyName',
    'Empty user name beside an auto-user: it is sent all the same, so remove it (the API: "you must specify one but not both").',
  ],
  ['neither', 'Neither a user name nor an auto-user in this user identity (the API: "you must specify one but not both").'],
];

/** Before the code runs: the secrets and helpers it reads without defining them. */
const MGMT_HELPERS =
  "def complete(identity):\n    identity.auto_user = mgmt.AutoUserSpecification(elevation_level=mgmt.ElevationLevel.ADMIN)\nFIELDS = {'user_name': 'ops'}";

ruleTable(
  identityConflictRule,
  {
    subject: 'identities',
    says: SAYS,
    sdk: checkersByLanguage<PythonSdkExpectation | CSharpCompile>({ python: PYTHON_SDK, json: PYTHON_SDK, csharp: csharpStubRows() }),
  },
  [
    // C# -------------------------------------------------------------------------------------------
    {
      name: 'Azure.Compute.Batch: empty Username beside an AutoUser',
      language: 'csharp',
      text: csNew(
        'task.UserIdentity = new UserIdentity { Username = "", AutoUser = new AutoUserSpecification { ElevationLevel = ElevationLevel.Admin } };',
      ),
      found: [['warning', 'UserIdentity', 'bothWithEmptyName']],
    },
    {
      name: 'Azure.Compute.Batch: neither, built empty',
      language: 'csharp',
      text: csNew('task.UserIdentity = new UserIdentity();'),
      found: [['warning', 'UserIdentity', 'neither']],
    },
    {
      name: 'Azure.Compute.Batch: built empty, both set by later statements',
      language: 'csharp',
      text: csNew(
        'var identity = new UserIdentity();\nidentity.Username = "ops";\nidentity.AutoUser = new AutoUserSpecification();\ntask.UserIdentity = identity;',
      ),
      found: [['warning', 'UserIdentity', 'both']],
    },
    {
      name: 'Microsoft.Azure.Batch.Protocol.Models: userName and autoUser arguments',
      language: 'csharp',
      text: PROTOCOL('new UserIdentity(userName: "ops", autoUser: new AutoUserSpecification(scope: AutoUserScope.Pool))'),
      found: [['warning', 'UserIdentity', 'both']],
    },
    {
      name: 'Microsoft.Azure.Batch: a named user',
      language: 'csharp',
      text: csLegacy('task.UserIdentity = new UserIdentity("ops");'),
      found: [],
      seen: 1,
    },
    {
      name: 'Microsoft.Azure.Batch: an auto-user specification',
      language: 'csharp',
      text: csLegacy('task.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));'),
      found: [],
      seen: 1,
    },
    {
      name: 'Microsoft.Azure.Batch: an auto-user specification held in a variable',
      language: 'csharp',
      text: csLegacy(
        'var spec = new AutoUserSpecification(AutoUserScope.Task, ElevationLevel.Admin);\ntask.UserIdentity = new UserIdentity(spec);',
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'Azure.Compute.Batch: Username alone; a null Username beside an AutoUser',
      language: 'csharp',
      text: csNew(
        'task.UserIdentity = new UserIdentity { Username = "ops" };\nvar other = new UserIdentity { Username = null, AutoUser = new AutoUserSpecification() };',
      ),
      found: [],
      seen: 2,
    },
    {
      name: 'Azure.Compute.Batch: built empty, then completed through the task (task.UserIdentity.AutoUser = …)',
      language: 'csharp',
      text: csNew(
        'task.UserIdentity = new UserIdentity();\ntask.UserIdentity.AutoUser = new AutoUserSpecification { ElevationLevel = ElevationLevel.Admin };',
      ),
      found: [],
      seen: 1,
      sdk: 'compiles',
    },
    {
      name: 'Azure.Compute.Batch: built empty into a variable declared before, completed through it',
      language: 'csharp',
      text: csNew('UserIdentity identity;\nidentity = new UserIdentity();\nidentity.Username = "ops";\ntask.UserIdentity = identity;'),
      found: [],
      seen: 1,
      sdk: 'compiles',
    },
    {
      name: 'Azure.Compute.Batch: built empty and handed to a method that may complete it',
      language: 'csharp',
      text: csNew(
        'task.UserIdentity = new UserIdentity();\ncomplete(task.UserIdentity);\nvar other = new UserIdentity();\ncomplete(other);',
        'BatchTaskCreateContent task, Action<UserIdentity> complete',
      ),
      found: [],
      seen: 0,
      sdk: 'compiles',
    },
    {
      name: 'Azure.ResourceManager.Batch: UserName and AutoUser on the pool start task',
      language: 'csharp',
      text: csArm(
        'pool.StartTask = new BatchAccountPoolStartTask\n{\n    CommandLine = "setup.sh",\n    UserIdentity = new BatchUserIdentity\n    {\n        UserName = "ops",\n        AutoUser = new BatchAutoUserSpecification { ElevationLevel = BatchUserAccountElevationLevel.Admin },\n    },\n};',
      ),
      found: [['warning', 'BatchUserIdentity', 'both']],
      sdk: 'compiles',
    },
    {
      name: 'Azure.ResourceManager.Batch: target-typed new() all the way down, both set',
      language: 'csharp',
      text: csArm(
        'pool.StartTask = new() { CommandLine = "setup.sh", UserIdentity = new() { UserName = "ops", AutoUser = new() { Scope = BatchAutoUserScope.Pool } } };',
      ),
      found: [['warning', 'UserIdentity', 'both']],
      sdk: 'compiles',
    },
    {
      name: 'Azure.ResourceManager.Batch: neither, on a start task built in place',
      language: 'csharp',
      text: csArm('pool.StartTask = new BatchAccountPoolStartTask { CommandLine = "setup.sh", UserIdentity = new BatchUserIdentity() };'),
      found: [['warning', 'BatchUserIdentity', 'neither']],
      sdk: 'compiles',
    },
    {
      name: 'Azure.ResourceManager.Batch: built empty, completed through pool.StartTask.UserIdentity; a named user alone',
      language: 'csharp',
      text: csArm(
        'pool.StartTask = new BatchAccountPoolStartTask { CommandLine = "setup.sh", UserIdentity = new BatchUserIdentity() };\n' +
          'pool.StartTask.UserIdentity.AutoUser = new BatchAutoUserSpecification { Scope = BatchAutoUserScope.Task };\n' +
          'var named = new BatchUserIdentity { UserName = "ops" };',
      ),
      found: [],
      seen: 2,
      sdk: 'compiles',
    },
    {
      name: 'Microsoft.Azure.Management.Batch: (userName, autoUser) positional, on a start task',
      language: 'csharp',
      text: csMgmt(
        'pool.StartTask = new StartTask(commandLine: "setup.sh", userIdentity: new UserIdentity("ops", new AutoUserSpecification(AutoUserScope.Pool, ElevationLevel.Admin)));',
      ),
      found: [['warning', 'UserIdentity', 'both']],
      sdk: 'compiles',
    },
    {
      name: 'Microsoft.Azure.Management.Batch: neither, built empty; UserName and AutoUser set later',
      language: 'csharp',
      text: csMgmt(
        'var start = new StartTask(commandLine: "setup.sh", userIdentity: new UserIdentity());\nvar identity = new UserIdentity();\nidentity.UserName = "ops";\nidentity.AutoUser = new AutoUserSpecification();\npool.StartTask = new StartTask { UserIdentity = identity };',
      ),
      found: [
        ['warning', 'UserIdentity', 'neither'],
        ['warning', 'UserIdentity', 'both'],
      ],
      sdk: 'compiles',
    },
    {
      name: 'Microsoft.Azure.Management.Batch: a named user by position; an auto-user by name',
      language: 'csharp',
      text: csMgmt(
        'var named = new UserIdentity("ops");\nvar auto = new UserIdentity(autoUser: new AutoUserSpecification(elevationLevel: ElevationLevel.NonAdmin));',
      ),
      found: [],
      seen: 2,
      sdk: 'compiles',
    },
    {
      name: 'Azure.ResourceManager.Batch has no UserIdentity: another library’s in a management file',
      language: 'csharp',
      text: 'using Azure.ResourceManager.Batch.Models;\nusing Contoso.Identity;\n\nclass C { object M() => new UserIdentity { UserName = "", AutoUser = new object() }; }\n',
      found: [],
      seen: 0,
    },
    {
      name: 'a BatchUserIdentity where Azure.ResourceManager.Batch is not in reach',
      language: 'csharp',
      text: 'using Microsoft.Azure.Batch;\n\nclass C { object M() => new BatchUserIdentity { UserName = "", AutoUser = new object() }; }\n',
      found: [],
      seen: 0,
    },
    {
      name: 'a UserIdentity of the file’s own, no Batch in reach',
      language: 'csharp',
      text: 'class UserIdentity { public string Username; public object AutoUser; }\nclass C { object M() => new UserIdentity { Username = "", AutoUser = new object() }; }\n',
      found: [],
      seen: 0,
    },

    // Java -----------------------------------------------------------------------------------------
    {
      name: 'legacy: withUserName("") and withAutoUser',
      language: 'java',
      text: javaLegacy(
        'task.withUserIdentity(new UserIdentity().withUserName("").withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));',
      ),
      found: [['warning', 'UserIdentity', 'bothWithEmptyName']],
    },
    {
      name: 'legacy: neither, given to a start task',
      language: 'java',
      text: javaLegacy('StartTask start = new StartTask().withCommandLine("setup.sh").withUserIdentity(new UserIdentity());'),
      found: [['warning', 'UserIdentity', 'neither']],
    },
    {
      name: 'legacy: built empty, both set through later calls on the variable',
      language: 'java',
      text: javaLegacy(
        'UserIdentity identity = new UserIdentity();\nidentity.withUserName("ops");\nidentity.withAutoUser(new AutoUserSpecification());\ntask.withUserIdentity(identity);',
      ),
      found: [['warning', 'UserIdentity', 'both']],
    },
    {
      name: 'com.azure.compute.batch: setUsername and setAutoUser',
      language: 'java',
      text: javaNew(
        'task.setUserIdentity(new UserIdentity().setUsername("ops").setAutoUser(new AutoUserSpecification().setScope(AutoUserScope.POOL)));',
      ),
      found: [['warning', 'UserIdentity', 'both']],
    },
    {
      name: 'com.azure.compute.batch: neither',
      language: 'java',
      text: javaNew('task.setUserIdentity(new UserIdentity());'),
      found: [['warning', 'UserIdentity', 'neither']],
    },
    {
      name: 'legacy: one of the two; a null user name beside an auto-user',
      language: 'java',
      text: javaLegacy(
        'task.withUserIdentity(new UserIdentity().withUserName("ops"));\n' +
          'UserIdentity auto = new UserIdentity().withAutoUser(new AutoUserSpecification());\n' +
          'UserIdentity cleared = new UserIdentity().withUserName(null).withAutoUser(new AutoUserSpecification());',
      ),
      found: [],
      seen: 3,
    },
    {
      name: 'com.azure.compute.batch: setUsername alone',
      language: 'java',
      text: javaNew('task.setUserIdentity(new UserIdentity().setUsername("ops"));'),
      found: [],
      seen: 1,
    },
    {
      name: 'a UserIdentity of another library',
      language: 'java',
      text: 'import com.contoso.auth.UserIdentity;\n\nclass Auth {\n    Object make() {\n        return new UserIdentity().withUserName("").withAutoUser(null);\n    }\n}\n',
      found: [],
      seen: 0,
    },

    {
      name: 'com.azure.resourcemanager.batch: withUsername and withAutoUser on a pool start task',
      language: 'java',
      text: javaMgmt(
        'startTask.withUserIdentity(new UserIdentity().withUsername("mpiuser").withAutoUser(new AutoUserSpecification().withScope(AutoUserScope.POOL)));',
      ),
      found: [['warning', 'UserIdentity', 'both']],
    },
    {
      name: 'com.microsoft.azure.management.batch: withUserName("") and an auto-user given later through the start task’s getter',
      language: 'java',
      text: javaMgmtLegacy(
        'startTask.withUserIdentity(new UserIdentity().withUserName(""));\nstartTask.userIdentity().withAutoUser(new AutoUserSpecification());',
      ),
      found: [['warning', 'UserIdentity', 'bothWithEmptyName']],
    },
    {
      name: 'com.azure.resourcemanager.batch: neither, and nothing completes it',
      language: 'java',
      text: javaMgmt('StartTask setup = new StartTask().withCommandLine("setup.sh").withUserIdentity(new UserIdentity());'),
      found: [['warning', 'UserIdentity', 'neither']],
    },
    {
      name: 'com.azure.resourcemanager.batch: withUsername alone (the management SDK’s spelling)',
      language: 'java',
      text: javaMgmt('startTask.withUserIdentity(new UserIdentity().withUsername("mpiuser"));'),
      found: [],
      seen: 1,
    },
    {
      name: 'com.microsoft.azure.management.batch: completed later through getters, as the SDK’s own pool test does',
      language: 'java',
      text: javaMgmtLegacy(
        'StartTask setup = new StartTask();\n' +
          'setup.withCommandLine("cmd /c SET")\n' +
          '        .withUserIdentity(new UserIdentity())\n' +
          '        .withWaitForSuccess(Boolean.TRUE);\n' +
          'setup.userIdentity().withAutoUser(new AutoUserSpecification());\n' +
          'setup.userIdentity().autoUser().withScope(AutoUserScope.POOL)\n' +
          '        .withElevationLevel(ElevationLevel.ADMIN);',
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'legacy: completed through a local holding the getter’s result',
      language: 'java',
      text: javaLegacy(
        'task.withUserIdentity(new UserIdentity());\nUserIdentity identity = task.userIdentity();\nidentity.withUserName("ops");',
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'com.azure.compute.batch: completed later through getUserIdentity()',
      language: 'java',
      text: javaNew('task.setUserIdentity(new UserIdentity());\ntask.getUserIdentity().setUsername("ops");'),
      found: [],
      seen: 1,
    },
    {
      name: 'legacy: a start task reached through its pool’s getter, completed there',
      language: 'java',
      text: javaLegacy(
        'pool.withStartTask(new StartTask().withCommandLine("setup.sh").withUserIdentity(new UserIdentity()));\n' +
          'pool.startTask().userIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN));',
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'com.azure.resourcemanager.batch: empty identities that escape — handed to a method, returned, stored in a field',
      language: 'java',
      text:
        'import com.azure.resourcemanager.batch.models.*;\n\n' +
        'class Identities {\n' +
        '    private UserIdentity kept;\n\n' +
        '    UserIdentity fresh() {\n' +
        '        return new UserIdentity();\n' +
        '    }\n\n' +
        '    void configure(StartTask startTask) {\n' +
        '        UserIdentity shared = new UserIdentity();\n' +
        '        complete(shared);\n' +
        '        startTask.withUserIdentity(shared);\n' +
        '        this.kept = new UserIdentity();\n' +
        '    }\n\n' +
        '    void complete(UserIdentity identity) {\n' +
        '        identity.withAutoUser(new AutoUserSpecification());\n' +
        '    }\n' +
        '}\n',
      found: [],
      seen: 0,
    },
    {
      name: 'legacy: a holder’s identity changed through a getter the file cannot follow (the pool is a parameter)',
      language: 'java',
      text: javaLegacy(
        'StartTask setup = new StartTask().withCommandLine("setup.sh").withUserIdentity(new UserIdentity());\n' +
          'pool.startTask().userIdentity().withAutoUser(new AutoUserSpecification());',
      ),
      found: [],
      seen: 0,
    },

    // Python ---------------------------------------------------------------------------------------
    {
      name: 'legacy: user_name="" and auto_user',
      language: 'python',
      text: pyLegacy(
        "task = batchmodels.TaskAddParameter(\n    id='t1',\n    command_line='hostname',\n    user_identity=batchmodels.UserIdentity(user_name='', auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin)))",
      ),
      found: [['warning', 'UserIdentity', 'bothWithEmptyName']],
    },
    {
      name: 'legacy: neither',
      language: 'python',
      text: pyLegacy("start = batchmodels.StartTask(command_line='setup.sh', user_identity=batchmodels.UserIdentity())"),
      found: [['warning', 'UserIdentity', 'neither']],
    },
    {
      name: 'legacy: positional arguments in the old order (user_name, auto_user)',
      language: 'python',
      text: pyLegacy("identity = batchmodels.UserIdentity('ops', batchmodels.AutoUserSpecification())"),
      found: [['warning', 'UserIdentity', 'both']],
    },
    {
      name: '15.x: username and auto_user',
      language: 'python',
      text: py15(
        "task = models.BatchTaskCreateContent(id='t1', command_line='hostname', user_identity=models.UserIdentity(username='ops', auto_user=models.AutoUserSpecification()))",
      ),
      found: [['warning', 'UserIdentity', 'both']],
    },
    {
      name: 'mgmt: user_name and auto_user on a pool start task',
      language: 'python',
      text: pyMgmt(
        "start = mgmt.StartTask(command_line='setup.sh', user_identity=mgmt.UserIdentity(user_name='ops', auto_user=mgmt.AutoUserSpecification(scope=mgmt.AutoUserScope.POOL)))",
      ),
      found: [['warning', 'UserIdentity', 'both']],
    },
    {
      name: 'mgmt: completed later on its holder (start.user_identity = UserIdentity(), then start.user_identity.auto_user = …)',
      language: 'python',
      text: pyMgmt(
        "start = mgmt.StartTask(command_line='setup.sh')\nstart.user_identity = mgmt.UserIdentity()\nstart.user_identity.auto_user = mgmt.AutoUserSpecification(elevation_level=mgmt.ElevationLevel.ADMIN)",
      ),
      found: [],
      seen: 1,
      sdk: { runs: [{ tasks: [task('StartTask', null, autoUser('Admin'))] }] },
    },
    {
      name: 'mgmt: built empty, both set by later statements',
      language: 'python',
      text: pyMgmt(
        "identity = mgmt.UserIdentity()\nidentity.user_name = 'ops'\nidentity.auto_user = mgmt.AutoUserSpecification()\nstart = mgmt.StartTask(command_line='setup.sh', user_identity=identity)",
      ),
      found: [['warning', 'UserIdentity', 'both']],
      sdk: { runs: [{ tasks: [task('StartTask', null, { userName: 'ops', autoUser: {} })] }] },
    },
    {
      name: 'mgmt: both in the call, the user name cleared by a later statement',
      language: 'python',
      text: pyMgmt(
        "identity = mgmt.UserIdentity(user_name='ops', auto_user=mgmt.AutoUserSpecification())\nidentity.user_name = None\nstart = mgmt.StartTask(command_line='setup.sh', user_identity=identity)",
      ),
      found: [],
      seen: 1,
      sdk: { runs: [{ tasks: [task('StartTask', null, { autoUser: {} })] }] },
    },
    {
      name: 'mgmt: built empty and only read later: neither',
      language: 'python',
      text: pyMgmt(
        "start = mgmt.StartTask(command_line='setup.sh', user_identity=mgmt.UserIdentity())\nprint(start.user_identity.user_name)",
      ),
      found: [['warning', 'UserIdentity', 'neither']],
      sdk: { runs: [{ tasks: [task('StartTask', null, {})] }] },
    },
    {
      name: 'legacy: built empty, completed in either branch: out of view, silent',
      language: 'python',
      text: pyLegacy(
        "identity = batchmodels.UserIdentity()\nif elevated:\n    identity.auto_user = batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin)\nelse:\n    identity.user_name = 'ops'\ntask = batchmodels.TaskAddParameter(id='t1', command_line='hostname', user_identity=identity)",
      ),
      found: [],
      seen: 0,
      sdk: {
        runs: [
          { given: 'elevated = True', tasks: [task('TaskAddParameter', 't1', autoUser('admin'))] },
          { given: 'elevated = False', tasks: [task('TaskAddParameter', 't1', { username: 'ops' })] },
        ],
      },
    },
    {
      name: 'mgmt: handed to a helper, or built from **fields: out of view, silent',
      language: 'python',
      text: pyMgmt(
        "identity = mgmt.UserIdentity()\ncomplete(identity)\nstart = mgmt.StartTask(command_line='setup.sh', user_identity=identity)\nother = mgmt.StartTask(command_line='run.sh', user_identity=mgmt.UserIdentity(**FIELDS))",
      ),
      found: [],
      seen: 0,
      sdk: {
        runs: [{ given: MGMT_HELPERS, tasks: [task('StartTask', null, autoUser('Admin')), task('StartTask', null, { userName: 'ops' })] }],
      },
    },
    {
      name: 'legacy: completed through its holder by a helper, or in another function: out of view, silent',
      language: 'python',
      text: pyLegacy(
        "task = batchmodels.TaskAddParameter(id='t1', command_line='hostname', user_identity=batchmodels.UserIdentity())\nelevate(task.user_identity)\n\nSHARED = batchmodels.UserIdentity()\n\n\ndef configure():\n    SHARED.user_name = 'ops'",
      ),
      found: [],
      seen: 0,
    },
    {
      name: 'mgmt: positional arguments, which its keyword-only models reject: silent',
      language: 'python',
      text: pyMgmt("identity = mgmt.UserIdentity('ops', mgmt.AutoUserSpecification())"),
      found: [],
      seen: 0,
      sdk: { dies: /^TypeError: UserIdentity\.__init__\(\) takes 1 positional argument but 3 were given$/ },
    },
    {
      name: 'legacy: one of the two; user_name=None beside auto_user',
      language: 'python',
      text: pyLegacy(
        "named = batchmodels.UserIdentity(user_name='ops')\nauto = batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification())\ncleared = batchmodels.UserIdentity(user_name=None, auto_user=batchmodels.AutoUserSpecification())",
      ),
      found: [],
      seen: 3,
    },
    {
      name: 'a UserIdentity class of the file’s own',
      language: 'python',
      text: "class UserIdentity:\n    def __init__(self, user_name=None, auto_user=None):\n        pass\n\n\nidentity = UserIdentity(user_name='', auto_user=object())\n",
      found: [],
      seen: 0,
    },

    // JSON -----------------------------------------------------------------------------------------
    {
      name: 'REST task: empty username beside autoUser',
      language: 'json',
      text: json({ id: 't1', commandLine: 'hostname', userIdentity: { username: '', autoUser: { elevationLevel: 'admin' } } }),
      found: [['warning', '"userIdentity"', 'bothWithEmptyName']],
    },
    {
      name: 'REST task collection: neither',
      language: 'json',
      text: json({ value: [{ id: 't1', commandLine: 'hostname', userIdentity: {} }] }),
      found: [['warning', '"userIdentity"', 'neither']],
    },
    {
      name: 'REST job: job manager task with both',
      language: 'json',
      text: json({
        id: 'j1',
        poolInfo: { poolId: 'p1' },
        jobManagerTask: { id: 'm', commandLine: 'run', userIdentity: { username: 'ops', autoUser: { scope: 'pool' } } },
      }),
      found: [['warning', '"userIdentity"', 'both']],
    },
    {
      name: 'CLI template: a taskFactory task with both',
      language: 'json',
      text: cliTemplate('job', {
        id: 'j1',
        taskFactory: {
          type: 'taskCollection',
          tasks: [{ id: 't1', commandLine: 'hostname', userIdentity: { username: 'ops', autoUser: { scope: 'pool' } } }],
        },
      }),
      found: [['warning', '"userIdentity"', 'both']],
    },
    {
      name: 'ARM: userName beside autoUser on the start task',
      language: 'json',
      text: armPool({
        vmSize: 'STANDARD_D2S_V3',
        startTask: { commandLine: 'setup.sh', userIdentity: { userName: 'ops', autoUser: { scope: 'Pool' } } },
      }),
      found: [['warning', '"userIdentity"', 'both']],
    },
    {
      name: 'no document evidence, but shaped like a task: one step lower',
      language: 'json',
      text: json({ steps: { install: { commandLine: 'setup.sh', userIdentity: {} } } }),
      found: [['information', '"userIdentity"', 'neither']],
    },
    {
      name: 'REST: username alone; autoUser alone; a null username beside autoUser',
      language: 'json',
      text: json({
        value: [
          { id: 'a', commandLine: 'x', userIdentity: { username: 'ops' } },
          { id: 'b', commandLine: 'x', userIdentity: { autoUser: {} } },
          { id: 'c', commandLine: 'x', userIdentity: { username: null, autoUser: { scope: 'task' } } },
        ],
      }),
      found: [],
      seen: 3,
    },
    {
      name: 'ARM: userName alone',
      language: 'json',
      text: armPool({ startTask: { commandLine: 'setup.sh', userIdentity: { userName: 'ops' } } }),
      found: [],
      seen: 1,
    },
    {
      name: 'a JSON Schema defining userIdentity',
      language: 'json',
      text: json({
        $schema: 'http://json-schema.org/draft-07/schema#',
        definitions: { task: { properties: { commandLine: { type: 'string' }, userIdentity: { username: 'x', autoUser: {} } } } },
      }),
      found: [],
      seen: 0,
    },
    {
      name: 'Python: a UserIdentity of a vendored module in a Batch file (weak evidence): one step lower',
      language: 'python',
      text: "import azure.batch.batch_auth\nfrom vendored.models import UserIdentity\n\nidentity = UserIdentity(user_name='', auto_user=spec)\n",
      found: [['information', 'UserIdentity', 'bothWithEmptyName']],
    },
    ...IDENTITY_CONFLICT,
  ],
);
