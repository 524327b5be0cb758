/**
 * unknown-enum-member (Error, fix): an elevation level, scope or login mode spelled in a way this
 * SDK or JSON dialect does not have. The squiggle is on the member name (inside the quotes in
 * JSON); the fix writes the valid spelling of the same member, nothing else, and fix-all is
 * idempotent. A member that is no spelling of any member gets no fix.
 *
 * Spellings (reference §5–§7, G2, G4, G6): C# `NonAdmin`; Java `NON_ADMIN` (no `NONADMIN`); Python
 * legacy `non_admin` (no `nonadmin`), 15.x and mgmt `NON_ADMIN` (lower case also resolves there);
 * REST and CLI templates `nonadmin` (older `nonAdmin` accepted), ARM `NonAdmin`.
 *
 * The fixed Python code runs against the real azure-batch 13 and azure-mgmt-batch 17, and the input
 * it replaces dies there of the misspelt member; the members the rule accepts run clean (no other
 * casing resolved); the fixed JSON bodies are read by the SDK as written (test/compile/python/sdkRows.ts).
 */
import { unknownEnumMemberRule } from '../../../server/src/rules/unknownEnumMember';
import type { TaskIdentity } from '../../compile/python/sdk';
import { autoUser, pythonSdkRows, task, type PythonSdkExpectation } from '../../compile/python/sdkRows';
import { csharpStubRows, type CSharpCompile } from '../../compile/csharp/stubRows';
import { checkersByLanguage } from '../../helpers/rowChecks';
import {
  armPool,
  cliTemplate,
  csArm,
  csLegacy,
  csMgmt,
  csNew,
  javaLegacy,
  javaNew,
  json,
  py15,
  pyLegacy,
  pyMgmt,
  ruleTable,
  type Found,
  type Says,
} from './table';

type Entry = Found<typeof unknownEnumMemberRule.messages>;

/** A member in another spelling of a member of this SDK or dialect: the message names it, the fix writes it. */
const misspelled = (enumName: string, member: string, suggestion: string): Entry => [
  'error',
  member,
  ['misspelled', { enum: enumName, member, suggestion }],
  [['changeFix', { suggestion }]],
];

/** A member that is no spelling of any member: the message lists the valid ones; no fix. */
const unknown = (enumName: string, member: string, valid: readonly string[]): Entry => [
  'error',
  member,
  ['unknown', { enum: enumName, member, valid }],
];

const csAuto = (members: string) => `task.UserIdentity = new UserIdentity(new AutoUserSpecification(${members}));`;
const javaAuto = (members: string) => `task.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification()${members}));`;
const pyTask = (models: string, elevation: string) =>
  `task = ${models}.TaskAddParameter(\n    id='t1',\n    command_line='hostname',\n    user_identity=${models}.UserIdentity(auto_user=${models}.AutoUserSpecification(elevation_level=${models}.ElevationLevel.${elevation})))`;
const restTask = (autoUser: unknown) => json({ id: 't1', commandLine: 'hostname', userIdentity: { autoUser } });

/** Python: the code runs clean and builds these tasks; given `misspelt`, the input dies of the missing member. */
const runs = (tasks: readonly TaskIdentity[], misspelt?: string): PythonSdkExpectation => ({
  runs: [{ tasks }],
  ...(misspelt !== undefined && { input: { fails: new RegExp(`^AttributeError: ${misspelt}$`) } }),
});
/** An ARM pool (armPool): its start task, with this identity, and its account, read by azure-mgmt-batch. */
const armPoolReads = (userIdentity: unknown): PythonSdkExpectation => ({
  reads: [
    { sdk: 'mgmt', model: 'StartTask', at: ['resources', 0, 'properties', 'startTask'], userIdentities: [userIdentity] },
    { sdk: 'mgmt', model: 'UserAccount', at: ['resources', 0, 'properties', 'userAccounts', 0] },
  ],
});
const AZURE_BATCH_15: PythonSdkExpectation = { notRunHere: 'azure-batch 15 is not packaged by Debian: its code is checked as text only' };

/** What each message says, word for word. */
const SAYS: Says<typeof unknownEnumMemberRule> = [
  [
    ['misspelled', { enum: 'ElevationLevel', member: 'NONADMIN', suggestion: 'NON_ADMIN' }],
    "ElevationLevel has no member 'NONADMIN' here; it is spelled 'NON_ADMIN'.",
  ],
  [
    ['unknown', { enum: 'ElevationLevel', member: 'Root', valid: ['NonAdmin', 'Admin'] }],
    "ElevationLevel has no member 'Root'; valid here: 'NonAdmin', 'Admin'.",
  ],
  [['changeFix', { suggestion: 'NON_ADMIN' }], "Change to 'NON_ADMIN'"],
];

/** The Python SDK checks the Python and JSON rows; mcs the C# rows, against the stub SDKs. */
const python = pythonSdkRows();
const sdk = checkersByLanguage<PythonSdkExpectation | CSharpCompile>({ python, json: python, csharp: csharpStubRows() });

/** mcs's error for a member the enum does not have. */
const noMember = (member: string): CSharpCompile => ({
  fails: new RegExp(`error CS0117: .* does not contain a definition for \`${member}'`),
});

ruleTable(unknownEnumMemberRule, { subject: 'enumRefs', says: SAYS, sdk }, [
  // C# -------------------------------------------------------------------------------------------
  {
    name: 'Microsoft.Azure.Batch: NONADMIN and task',
    language: 'csharp',
    text: csLegacy(csAuto('elevationLevel: ElevationLevel.NONADMIN, scope: AutoUserScope.task')),
    found: [misspelled('ElevationLevel', 'NONADMIN', 'NonAdmin'), misspelled('AutoUserScope', 'task', 'Task')],
    fixed: csLegacy(csAuto('elevationLevel: ElevationLevel.NonAdmin, scope: AutoUserScope.Task')),
  },
  {
    name: 'Azure.Compute.Batch: Nonadmin in an initializer; LoginMode.batch',
    language: 'csharp',
    text: csNew(
      'task.UserIdentity = new UserIdentity { AutoUser = new AutoUserSpecification { ElevationLevel = ElevationLevel.Nonadmin } };\nvar windows = new WindowsUserConfiguration { LoginMode = LoginMode.batch };',
    ),
    found: [misspelled('ElevationLevel', 'Nonadmin', 'NonAdmin'), misspelled('LoginMode', 'batch', 'Batch')],
    fixed: csNew(
      'task.UserIdentity = new UserIdentity { AutoUser = new AutoUserSpecification { ElevationLevel = ElevationLevel.NonAdmin } };\nvar windows = new WindowsUserConfiguration { LoginMode = LoginMode.Batch };',
    ),
  },
  {
    name: 'Microsoft.Azure.Batch: a member of no spelling (Root) has no fix',
    language: 'csharp',
    text: csLegacy(csAuto('elevationLevel: ElevationLevel.Root')),
    found: [unknown('ElevationLevel', 'Root', ['NonAdmin', 'Admin'])],
    fixed: null,
  },
  {
    name: 'Microsoft.Azure.Batch: Admin, NonAdmin, Task, Pool, Interactive',
    language: 'csharp',
    text: csLegacy(
      `${csAuto('AutoUserScope.Task, ElevationLevel.Admin')}\nvar a = ElevationLevel.NonAdmin;\nvar b = AutoUserScope.Pool;\nvar c = LoginMode.Interactive;`,
    ),
    found: [],
    seen: 5,
  },
  {
    name: 'Azure.ResourceManager.Batch: BatchUserAccountElevationLevel.admin and BatchAutoUserScope.task',
    language: 'csharp',
    text: csArm(
      'pool.StartTask = new BatchAccountPoolStartTask\n{\n    CommandLine = "setup.sh",\n    UserIdentity = new() { AutoUser = new() { ElevationLevel = BatchUserAccountElevationLevel.admin, Scope = BatchAutoUserScope.task } },\n};',
    ),
    found: [misspelled('ElevationLevel', 'admin', 'Admin'), misspelled('AutoUserScope', 'task', 'Task')],
    fixed: csArm(
      'pool.StartTask = new BatchAccountPoolStartTask\n{\n    CommandLine = "setup.sh",\n    UserIdentity = new() { AutoUser = new() { ElevationLevel = BatchUserAccountElevationLevel.Admin, Scope = BatchAutoUserScope.Task } },\n};',
    ),
    sdk: noMember('admin'),
  },
  {
    name: 'Azure.ResourceManager.Batch: BatchWindowsLoginMode.BATCH on an account',
    language: 'csharp',
    text: csArm('pool.UserAccounts.Add(new BatchUserAccount("win", secret) { WindowsUserLoginMode = BatchWindowsLoginMode.BATCH });'),
    found: [misspelled('LoginMode', 'BATCH', 'Batch')],
    fixed: csArm('pool.UserAccounts.Add(new BatchUserAccount("win", secret) { WindowsUserLoginMode = BatchWindowsLoginMode.Batch });'),
    sdk: noMember('BATCH'),
  },
  {
    name: 'Microsoft.Azure.Management.Batch: NONADMIN by position',
    language: 'csharp',
    text: csMgmt('pool.UserAccounts = new List<UserAccount> { new UserAccount("ops", secret, ElevationLevel.NONADMIN) };'),
    found: [misspelled('ElevationLevel', 'NONADMIN', 'NonAdmin')],
    fixed: csMgmt('pool.UserAccounts = new List<UserAccount> { new UserAccount("ops", secret, ElevationLevel.NonAdmin) };'),
    sdk: noMember('NONADMIN'),
  },
  {
    name: 'Azure.ResourceManager.Batch: a member of no spelling (Root) has no fix',
    language: 'csharp',
    text: csArm('var level = BatchUserAccountElevationLevel.Root;'),
    found: [unknown('ElevationLevel', 'Root', ['NonAdmin', 'Admin'])],
    fixed: null,
    sdk: noMember('Root'),
  },
  {
    name: 'Azure.ResourceManager.Batch: every member as the SDK spells it',
    language: 'csharp',
    text: csArm(
      'var a = BatchUserAccountElevationLevel.Admin;\nvar b = BatchUserAccountElevationLevel.NonAdmin;\nvar c = BatchAutoUserScope.Task;\nvar d = BatchAutoUserScope.Pool;\nvar e = BatchWindowsLoginMode.Batch;\nvar f = BatchWindowsLoginMode.Interactive;',
    ),
    found: [],
    seen: 6,
    sdk: 'compiles',
  },
  {
    name: 'Microsoft.Azure.Management.Batch: members by position in the management constructors',
    language: 'csharp',
    text: csMgmt(
      'var spec = new AutoUserSpecification(AutoUserScope.Pool, ElevationLevel.Admin);\nvar windows = new WindowsUserConfiguration(LoginMode.Interactive);',
    ),
    found: [],
    seen: 3,
    sdk: 'compiles',
  },
  {
    name: 'a BatchUserAccountElevationLevel where Azure.ResourceManager.Batch is not in reach',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch.Common;\n\nclass Roles\n{\n    object Default = BatchUserAccountElevationLevel.ADMIN;\n}\n',
    found: [],
    seen: 0,
  },
  {
    name: 'an ElevationLevel enum of the file’s own',
    language: 'csharp',
    text: 'enum ElevationLevel { NONADMIN, ADMIN }\n\nclass Roles\n{\n    ElevationLevel Default = ElevationLevel.NONADMIN;\n}\n',
    found: [],
    seen: 0,
  },

  // Java -----------------------------------------------------------------------------------------
  {
    name: 'legacy: ElevationLevel.NONADMIN → NON_ADMIN (G2)',
    language: 'java',
    text: javaLegacy(javaAuto('.withElevationLevel(ElevationLevel.NONADMIN)')),
    found: [misspelled('ElevationLevel', 'NONADMIN', 'NON_ADMIN')],
    fixed: javaLegacy(javaAuto('.withElevationLevel(ElevationLevel.NON_ADMIN)')),
  },
  {
    name: 'legacy: the pool sample shape, a fully qualified member, Task and Batch',
    language: 'java',
    text: javaLegacy(
      'List<UserAccount> users = new ArrayList<>();\nusers.add(new UserAccount().withName("worker").withPassword(secret).withElevationLevel(ElevationLevel.NONADMIN));\n' +
        'users.add(new UserAccount().withName("ops").withPassword(secret).withElevationLevel(com.microsoft.azure.batch.protocol.models.ElevationLevel.NonAdmin)\n' +
        '        .withWindowsUserConfiguration(new WindowsUserConfiguration().withLoginMode(LoginMode.Batch)));\n' +
        'pool.withUserAccounts(users);\n' +
        javaAuto('.withScope(AutoUserScope.Task)'),
    ),
    found: [
      misspelled('ElevationLevel', 'NONADMIN', 'NON_ADMIN'),
      misspelled('ElevationLevel', 'NonAdmin', 'NON_ADMIN'),
      misspelled('LoginMode', 'Batch', 'BATCH'),
      misspelled('AutoUserScope', 'Task', 'TASK'),
    ],
    fixed: javaLegacy(
      'List<UserAccount> users = new ArrayList<>();\nusers.add(new UserAccount().withName("worker").withPassword(secret).withElevationLevel(ElevationLevel.NON_ADMIN));\n' +
        'users.add(new UserAccount().withName("ops").withPassword(secret).withElevationLevel(com.microsoft.azure.batch.protocol.models.ElevationLevel.NON_ADMIN)\n' +
        '        .withWindowsUserConfiguration(new WindowsUserConfiguration().withLoginMode(LoginMode.BATCH)));\n' +
        'pool.withUserAccounts(users);\n' +
        javaAuto('.withScope(AutoUserScope.TASK)'),
    ),
  },
  {
    name: 'com.azure.compute.batch: NONADMIN → NON_ADMIN',
    language: 'java',
    text: javaNew(
      'task.setUserIdentity(new UserIdentity().setAutoUser(new AutoUserSpecification().setElevationLevel(ElevationLevel.NONADMIN)));',
    ),
    found: [misspelled('ElevationLevel', 'NONADMIN', 'NON_ADMIN')],
    fixed: javaNew(
      'task.setUserIdentity(new UserIdentity().setAutoUser(new AutoUserSpecification().setElevationLevel(ElevationLevel.NON_ADMIN)));',
    ),
  },
  {
    name: 'legacy: ROOT is no spelling of any member: no fix',
    language: 'java',
    text: javaLegacy(javaAuto('.withElevationLevel(ElevationLevel.ROOT)')),
    found: [unknown('ElevationLevel', 'ROOT', ['NON_ADMIN', 'ADMIN'])],
    fixed: null,
  },
  {
    name: 'legacy: NON_ADMIN, ADMIN, TASK, POOL, INTERACTIVE',
    language: 'java',
    text: javaLegacy(
      `${javaAuto('.withElevationLevel(ElevationLevel.ADMIN).withScope(AutoUserScope.POOL)')}\nObject a = ElevationLevel.NON_ADMIN;\nObject b = AutoUserScope.TASK;\nObject c = LoginMode.INTERACTIVE;`,
    ),
    found: [],
    seen: 5,
  },
  {
    name: 'an ElevationLevel of another library',
    language: 'java',
    text: 'import com.contoso.security.ElevationLevel;\n\nclass Roles {\n    Object level = ElevationLevel.NONADMIN;\n}\n',
    found: [],
    seen: 0,
  },

  // Python ---------------------------------------------------------------------------------------
  {
    name: 'legacy: ElevationLevel.nonadmin → non_admin (G4)',
    language: 'python',
    text: pyLegacy(pyTask('batchmodels', 'nonadmin')),
    found: [misspelled('ElevationLevel', 'nonadmin', 'non_admin')],
    fixed: pyLegacy(pyTask('batchmodels', 'non_admin')),
    sdk: runs([task('TaskAddParameter', 't1', autoUser('nonadmin'))], 'nonadmin'),
  },
  {
    name: 'legacy (told by TaskAddParameter): the 15.x upper-case spellings are not members there',
    language: 'python',
    text: pyLegacy(
      "task = batchmodels.TaskAddParameter(id='t1', command_line='hostname')\nscope = batchmodels.AutoUserScope.TASK\nlevel = batchmodels.ElevationLevel.NON_ADMIN\nmode = batchmodels.LoginMode.Interactive",
    ),
    found: [
      misspelled('AutoUserScope', 'TASK', 'task'),
      misspelled('ElevationLevel', 'NON_ADMIN', 'non_admin'),
      misspelled('LoginMode', 'Interactive', 'interactive'),
    ],
    fixed: pyLegacy(
      "task = batchmodels.TaskAddParameter(id='t1', command_line='hostname')\nscope = batchmodels.AutoUserScope.task\nlevel = batchmodels.ElevationLevel.non_admin\nmode = batchmodels.LoginMode.interactive",
    ),
    sdk: runs([task('TaskAddParameter', 't1', null)], 'TASK'),
  },
  {
    name: 'legacy: from azure.batch.models import ElevationLevel',
    language: 'python',
    text: 'from azure.batch.models import ElevationLevel\n\nLEVEL = ElevationLevel.nonadmin\n',
    found: [misspelled('ElevationLevel', 'nonadmin', 'non_admin')],
    fixed: 'from azure.batch.models import ElevationLevel\n\nLEVEL = ElevationLevel.non_admin\n',
    sdk: runs([], 'nonadmin'),
  },
  {
    name: '15.x: ElevationLevel.nonadmin → NON_ADMIN',
    language: 'python',
    text: py15('identity = models.UserIdentity(auto_user=models.AutoUserSpecification(elevation_level=models.ElevationLevel.nonadmin))'),
    found: [misspelled('ElevationLevel', 'nonadmin', 'NON_ADMIN')],
    fixed: py15('identity = models.UserIdentity(auto_user=models.AutoUserSpecification(elevation_level=models.ElevationLevel.NON_ADMIN))'),
    sdk: AZURE_BATCH_15,
  },
  {
    name: 'mgmt: ElevationLevel.nonadmin → NON_ADMIN',
    language: 'python',
    text: pyMgmt('identity = mgmt.UserIdentity(auto_user=mgmt.AutoUserSpecification(elevation_level=mgmt.ElevationLevel.nonadmin))'),
    found: [misspelled('ElevationLevel', 'nonadmin', 'NON_ADMIN')],
    fixed: pyMgmt('identity = mgmt.UserIdentity(auto_user=mgmt.AutoUserSpecification(elevation_level=mgmt.ElevationLevel.NON_ADMIN))'),
    sdk: runs([], 'nonadmin'),
  },
  {
    name: 'legacy: root is no spelling of any member: no fix',
    language: 'python',
    text: pyLegacy('level = batchmodels.ElevationLevel.root'),
    found: [unknown('ElevationLevel', 'root', ['non_admin', 'admin'])],
    fixed: null,
  },
  {
    name: 'legacy: non_admin, admin, task, pool, batch',
    language: 'python',
    text: pyLegacy(
      'a = batchmodels.ElevationLevel.non_admin\nb = batchmodels.ElevationLevel.admin\nc = batchmodels.AutoUserScope.task\nd = batchmodels.AutoUserScope.pool\ne = batchmodels.LoginMode.batch',
    ),
    found: [],
    seen: 5,
    sdk: runs([]),
  },
  {
    name: '15.x: NON_ADMIN, ADMIN, and lower-case admin (case-insensitive enums)',
    language: 'python',
    text: py15(
      'a = models.ElevationLevel.NON_ADMIN\nb = models.ElevationLevel.ADMIN\nc = models.ElevationLevel.admin\nd = models.AutoUserScope.POOL',
    ),
    found: [],
    seen: 4,
    sdk: AZURE_BATCH_15,
  },
  {
    name: 'mgmt: NON_ADMIN and ADMIN',
    language: 'python',
    text: pyMgmt('a = mgmt.ElevationLevel.NON_ADMIN\nb = mgmt.ElevationLevel.ADMIN'),
    found: [],
    seen: 2,
    sdk: runs([]),
  },
  {
    name: 'an ElevationLevel of the file’s own',
    language: 'python',
    text: 'from enum import Enum\n\n\nclass ElevationLevel(Enum):\n    nonadmin = 0\n\n\nLEVEL = ElevationLevel.nonadmin\n',
    found: [],
    seen: 0,
  },

  // JSON -----------------------------------------------------------------------------------------
  {
    name: 'REST task: ARM casing → lower case',
    language: 'json',
    text: restTask({ scope: 'Task', elevationLevel: 'NonAdmin' }),
    found: [misspelled('AutoUserScope', 'Task', 'task'), misspelled('ElevationLevel', 'NonAdmin', 'nonadmin')],
    fixed: restTask({ scope: 'task', elevationLevel: 'nonadmin' }),
    sdk: { reads: [{ sdk: 'batch', model: 'TaskAddParameter', userIdentities: [autoUser('nonadmin', 'task')] }] },
  },
  {
    name: 'REST pool: login mode and elevation of an account',
    language: 'json',
    text: json({
      id: 'p',
      vmSize: 's',
      userAccounts: [
        { name: 'ops', password: '<secret>', elevationLevel: 'ADMIN', windowsUserConfiguration: { loginMode: 'Interactive' } },
      ],
    }),
    found: [misspelled('ElevationLevel', 'ADMIN', 'admin'), misspelled('LoginMode', 'Interactive', 'interactive')],
    fixed: json({
      id: 'p',
      vmSize: 's',
      userAccounts: [
        { name: 'ops', password: '<secret>', elevationLevel: 'admin', windowsUserConfiguration: { loginMode: 'interactive' } },
      ],
    }),
    sdk: { reads: [{ sdk: 'batch', model: 'PoolAddParameter' }] },
  },
  {
    name: 'CLI template (data-plane dialect): Pool and Admin → pool and admin',
    language: 'json',
    text: cliTemplate('pool', {
      id: 'p',
      vmSize: 's',
      startTask: { commandLine: 'setup.sh', userIdentity: { autoUser: { scope: 'Pool', elevationLevel: 'Admin' } } },
    }),
    found: [misspelled('AutoUserScope', 'Pool', 'pool'), misspelled('ElevationLevel', 'Admin', 'admin')],
    fixed: cliTemplate('pool', {
      id: 'p',
      vmSize: 's',
      startTask: { commandLine: 'setup.sh', userIdentity: { autoUser: { scope: 'pool', elevationLevel: 'admin' } } },
    }),
    sdk: { reads: [{ sdk: 'batch', model: 'PoolAddParameter', at: ['pool', 'properties'] }] },
  },
  {
    name: 'ARM: data-plane casing → ARM casing',
    language: 'json',
    text: armPool({
      startTask: { commandLine: 'setup.sh', userIdentity: { autoUser: { scope: 'pool', elevationLevel: 'admin' } } },
      userAccounts: [
        {
          name: 'ops',
          password: "[parameters('adminPassword')]",
          elevationLevel: 'nonadmin',
          windowsUserConfiguration: { loginMode: 'batch' },
        },
      ],
    }),
    found: [
      misspelled('AutoUserScope', 'pool', 'Pool'),
      misspelled('ElevationLevel', 'admin', 'Admin'),
      misspelled('ElevationLevel', 'nonadmin', 'NonAdmin'),
      misspelled('LoginMode', 'batch', 'Batch'),
    ],
    fixed: armPool({
      startTask: { commandLine: 'setup.sh', userIdentity: { autoUser: { scope: 'Pool', elevationLevel: 'Admin' } } },
      userAccounts: [
        {
          name: 'ops',
          password: "[parameters('adminPassword')]",
          elevationLevel: 'NonAdmin',
          windowsUserConfiguration: { loginMode: 'Batch' },
        },
      ],
    }),
    sdk: armPoolReads(autoUser('Admin', 'Pool')),
  },
  {
    name: 'REST: root is no spelling of any member: no fix',
    language: 'json',
    text: restTask({ elevationLevel: 'root' }),
    found: [unknown('ElevationLevel', 'root', ['nonadmin', 'admin'])],
    fixed: null,
  },
  {
    name: 'REST: nonadmin, the older nonAdmin, admin, task, pool',
    language: 'json',
    text: json({
      value: [
        { id: 'a', commandLine: 'x', userIdentity: { autoUser: { scope: 'task', elevationLevel: 'nonadmin' } } },
        { id: 'b', commandLine: 'x', userIdentity: { autoUser: { scope: 'pool', elevationLevel: 'nonAdmin' } } },
        { id: 'c', commandLine: 'x', userIdentity: { autoUser: { elevationLevel: 'admin' } } },
      ],
    }),
    found: [],
    seen: 5,
  },
  {
    name: 'ARM: Admin, NonAdmin, Task, Interactive',
    language: 'json',
    text: armPool({
      startTask: { commandLine: 'setup.sh', userIdentity: { autoUser: { scope: 'Task', elevationLevel: 'Admin' } } },
      userAccounts: [
        {
          name: 'ops',
          password: "[parameters('adminPassword')]",
          elevationLevel: 'NonAdmin',
          windowsUserConfiguration: { loginMode: 'Interactive' },
        },
      ],
    }),
    found: [],
    seen: 4,
    sdk: armPoolReads(autoUser('Admin', 'Task')),
  },
  {
    name: 'an ARM expression as the value',
    language: 'json',
    text: armPool({
      startTask: { commandLine: 'setup.sh', userIdentity: { autoUser: { elevationLevel: "[parameters('elevation')]" } } },
    }),
    found: [],
    seen: 0,
  },
]);
