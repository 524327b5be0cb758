/**
 * unknown-enum-member (Error in code, Warning in JSON, fix): an elevation level, scope or login
 * mode spelled in a way this SDK or JSON dialect does not have. The squiggle is on the member name
 * (inside the quotes in JSON); the fix writes the valid spelling of the same member, nothing else,
 * and fix-all is idempotent. A member that is no spelling of any member gets no fix.
 *
 * Spellings (reference §5–§7, G2, G4, G6): C# `NonAdmin`; Java `NON_ADMIN` (no `NONADMIN`); Python
 * legacy `non_admin` (no `nonadmin`), 15.x and mgmt `NON_ADMIN` (lower case also resolves there);
 * REST and CLI templates `nonadmin` (older `nonAdmin` accepted), ARM `NonAdmin`.
 *
 * JSON (issue 12): a finding names the dialect it read the value in, as a warning. An ARM value is
 * in ARM casing when every expression that reads it (a parameter's default, a variable, a copy loop,
 * a nested deployment's parameter) takes it to Microsoft.Batch resources; where that cannot be told
 * from the file (a linked template, an output, a deployment parameters file, nothing reads it), no
 * casing is checked. In a document with no evidence of its kind the REST reading is assumed: the
 * finding is weaker and its fix is not applied on save.
 *
 * The fixed Python code runs against the real azure-batch 13 and azure-mgmt-batch 17, and the input
 * it replaces dies there of the misspelt member; the members the rule accepts run clean (no other
 * casing resolved); the fixed JSON bodies are read by the SDK as written (test/compile/python/sdkRows.ts).
 */
import type { EnumName } from '../../../server/src/batch/model';
import type { CodeLanguageId as LanguageId } from '../../../common/languages';
import { unknownEnumMemberRule } from '../../../server/src/rules/unknownEnumMember';
import type { TaskIdentity } from '../../compile/python/sdk';
import { autoUser, pythonSdkRows, task, type PythonSdkExpectation } from '../../compile/python/sdkRows';
import { csharpStubRows, type CSharpCompile } from '../../compile/csharp/stubRows';
import { typescriptRows, type TypeScriptCheck } from '../../compile/typescript/tscRows';
import { checkersByLanguage } from '../../helpers/rowChecks';
import {
  armPool,
  armTemplate,
  armTemplateValue,
  batchPoolResource,
  cliTemplate,
  csArm,
  csLegacy,
  csMgmt,
  csNew,
  deployment,
  javaLegacy,
  javaMgmt,
  javaMgmtLegacy,
  javaNew,
  json,
  py15,
  pyLegacy,
  pyMgmt,
  ruleTable,
  UNCHANGED,
  type Found,
  type Says,
} from './table';
import { UNKNOWN_ENUM_MEMBER } from './typescriptRows';

type Entry = Found<typeof unknownEnumMemberRule.messages>;

/** A member in another spelling of a member of this SDK or dialect: the message names it, the fix writes it. */
const misspelled = (language: LanguageId, enumName: EnumName, member: string, suggestion: string): Entry => [
  'error',
  member,
  ['misspelled', { enum: enumName, member, suggestion, language }],
  [['changeFix', { language, enum: enumName, suggestion }]],
];

/** A member that is no spelling of any member: the message lists the valid ones; no fix. */
const unknown = (language: LanguageId, enumName: EnumName, member: string, valid: readonly string[]): Entry => [
  'error',
  member,
  ['unknown', { enum: enumName, member, valid, language }],
];

const REST_BODIES = 'REST bodies';
const ARM_TEMPLATES = 'ARM templates';

/** JSON: a warning naming the dialect it read the value in; the fix writes that dialect's spelling. */
const spelledIn =
  (dialect: string) =>
  (enumName: EnumName, member: string, suggestion: string, severity: 'warning' | 'information' = 'warning'): Entry => [
    severity,
    member,
    ['jsonSpelling', { enum: enumName, member, suggestion, dialect }],
    [['changeFix', { language: 'json', enum: enumName, suggestion }]],
  ];
const restSpelling = spelledIn(REST_BODIES);
const armSpelling = spelledIn(ARM_TEMPLATES);

/** JSON: a value that is no spelling of any member, in the dialect named; no fix. */
const jsonUnknown = (enumName: EnumName, member: string, valid: readonly string[], dialect: string): Entry => [
  'warning',
  member,
  ['jsonUnknown', { enum: enumName, member, valid, dialect }],
];

/** A pool start task whose auto-user has this scope and elevation. */
const startTask = (scope: string, elevationLevel: string) => ({
  commandLine: 'setup.sh',
  userIdentity: { autoUser: { scope, elevationLevel } },
});
/** An ARM template parameter of type object with this default. */
const objectParameter = (defaultValue: unknown) => ({ type: 'object', defaultValue });

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
/** azure-mgmt-batch reads the start task at `at` of the document as written, with this identity. */
const mgmtStartTask = (at: readonly (string | number)[], userIdentity: unknown): PythonSdkExpectation => ({
  reads: [{ sdk: 'mgmt', model: 'StartTask', at, userIdentities: [userIdentity] }],
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
    ['misspelled', { enum: 'ElevationLevel', member: 'NONADMIN', suggestion: 'NON_ADMIN', language: 'java' }],
    'ElevationLevel.NONADMIN is not a member in this SDK: write ElevationLevel.NON_ADMIN.',
  ],
  [
    ['misspelled', { enum: 'AutoUserScope', member: 'Pool', suggestion: 'pool', language: 'json' }],
    '"scope": "Pool" is not the schema spelling here: write "pool".',
  ],
  [
    ['unknown', { enum: 'ElevationLevel', member: 'Root', valid: ['NonAdmin', 'Admin'], language: 'csharp' }],
    'ElevationLevel.Root is not a member in this SDK; its members: ElevationLevel.NonAdmin, ElevationLevel.Admin.',
  ],
  [
    ['unknown', { enum: 'ElevationLevel', member: 'root', valid: ['nonadmin', 'admin'], language: 'json' }],
    '"elevationLevel": "root" is not a value the schema defines here; its values: "nonadmin", "admin".',
  ],
  [['changeFix', { language: 'java', enum: 'ElevationLevel', suggestion: 'NON_ADMIN' }], 'Change to ElevationLevel.NON_ADMIN'],
  [['changeFix', { language: 'json', enum: 'LoginMode', suggestion: 'batch' }], 'Change to "batch"'],
  // TypeScript/JavaScript: values in the quote they are written in (which the fix keeps).
  [
    [
      'jsonSpelling',
      { enum: 'AutoUserScope', member: 'Task', suggestion: 'task', dialect: "@azure/batch's typings", language: 'typescript', quote: "'" },
    ],
    "scope: 'Task': @azure/batch's typings spell it 'task'.",
  ],
  [
    [
      'jsonUnknown',
      {
        enum: 'ElevationLevel',
        member: 'root',
        valid: ['nonAdmin', 'admin'],
        dialect: "azure-batch's typings",
        language: 'typescript',
        quote: '"',
      },
    ],
    'elevationLevel: "root": azure-batch\'s typings take "nonAdmin", "admin".',
  ],
  [['changeFix', { language: 'typescript', enum: 'ElevationLevel', suggestion: 'nonadmin', quote: "'" }], "Change to 'nonadmin'"],
  [
    ['jsonSpelling', { enum: 'ElevationLevel', member: 'Admin', suggestion: 'admin', dialect: 'REST bodies' }],
    '"elevationLevel": "Admin": REST bodies spell it "admin".',
  ],
  [
    ['jsonUnknown', { enum: 'ElevationLevel', member: 'root', valid: ['NonAdmin', 'Admin'], dialect: 'ARM templates' }],
    '"elevationLevel": "root": ARM templates take "NonAdmin", "Admin".',
  ],
];

/** The Python SDK checks the Python and JSON rows; mcs the C# rows, against the stub SDKs. */
const python = pythonSdkRows();
const sdk = checkersByLanguage<PythonSdkExpectation | CSharpCompile | TypeScriptCheck>({
  python,
  json: python,
  csharp: csharpStubRows(),
  typescript: typescriptRows(),
});

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
    found: [misspelled('csharp', 'ElevationLevel', 'NONADMIN', 'NonAdmin'), misspelled('csharp', 'AutoUserScope', 'task', 'Task')],
    fixed: csLegacy(csAuto('elevationLevel: ElevationLevel.NonAdmin, scope: AutoUserScope.Task')),
  },
  {
    name: 'Azure.Compute.Batch: Nonadmin in an initializer; LoginMode.batch',
    language: 'csharp',
    text: csNew(
      'task.UserIdentity = new UserIdentity { AutoUser = new AutoUserSpecification { ElevationLevel = ElevationLevel.Nonadmin } };\nvar windows = new WindowsUserConfiguration { LoginMode = LoginMode.batch };',
    ),
    found: [misspelled('csharp', 'ElevationLevel', 'Nonadmin', 'NonAdmin'), misspelled('csharp', 'LoginMode', 'batch', 'Batch')],
    fixed: csNew(
      'task.UserIdentity = new UserIdentity { AutoUser = new AutoUserSpecification { ElevationLevel = ElevationLevel.NonAdmin } };\nvar windows = new WindowsUserConfiguration { LoginMode = LoginMode.Batch };',
    ),
  },
  {
    name: 'Microsoft.Azure.Batch: a member of no spelling (Root) has no fix',
    language: 'csharp',
    text: csLegacy(csAuto('elevationLevel: ElevationLevel.Root')),
    found: [unknown('csharp', 'ElevationLevel', 'Root', ['NonAdmin', 'Admin'])],
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
    found: [misspelled('csharp', 'ElevationLevel', 'admin', 'Admin'), misspelled('csharp', 'AutoUserScope', 'task', 'Task')],
    fixed: csArm(
      'pool.StartTask = new BatchAccountPoolStartTask\n{\n    CommandLine = "setup.sh",\n    UserIdentity = new() { AutoUser = new() { ElevationLevel = BatchUserAccountElevationLevel.Admin, Scope = BatchAutoUserScope.Task } },\n};',
    ),
    sdk: noMember('admin'),
  },
  {
    name: 'Azure.ResourceManager.Batch: BatchWindowsLoginMode.BATCH on an account',
    language: 'csharp',
    text: csArm('pool.UserAccounts.Add(new BatchUserAccount("win", secret) { WindowsUserLoginMode = BatchWindowsLoginMode.BATCH });'),
    found: [misspelled('csharp', 'LoginMode', 'BATCH', 'Batch')],
    fixed: csArm('pool.UserAccounts.Add(new BatchUserAccount("win", secret) { WindowsUserLoginMode = BatchWindowsLoginMode.Batch });'),
    sdk: noMember('BATCH'),
  },
  {
    name: 'Microsoft.Azure.Management.Batch: NONADMIN by position',
    language: 'csharp',
    text: csMgmt('pool.UserAccounts = new List<UserAccount> { new UserAccount("ops", secret, ElevationLevel.NONADMIN) };'),
    found: [misspelled('csharp', 'ElevationLevel', 'NONADMIN', 'NonAdmin')],
    fixed: csMgmt('pool.UserAccounts = new List<UserAccount> { new UserAccount("ops", secret, ElevationLevel.NonAdmin) };'),
    sdk: noMember('NONADMIN'),
  },
  {
    name: 'Azure.ResourceManager.Batch: a member of no spelling (Root) has no fix',
    language: 'csharp',
    text: csArm('var level = BatchUserAccountElevationLevel.Root;'),
    found: [unknown('csharp', 'ElevationLevel', 'Root', ['NonAdmin', 'Admin'])],
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
    found: [misspelled('java', 'ElevationLevel', 'NONADMIN', 'NON_ADMIN')],
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
      misspelled('java', 'ElevationLevel', 'NONADMIN', 'NON_ADMIN'),
      misspelled('java', 'ElevationLevel', 'NonAdmin', 'NON_ADMIN'),
      misspelled('java', 'LoginMode', 'Batch', 'BATCH'),
      misspelled('java', 'AutoUserScope', 'Task', 'TASK'),
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
    found: [misspelled('java', 'ElevationLevel', 'NONADMIN', 'NON_ADMIN')],
    fixed: javaNew(
      'task.setUserIdentity(new UserIdentity().setAutoUser(new AutoUserSpecification().setElevationLevel(ElevationLevel.NON_ADMIN)));',
    ),
  },
  {
    name: 'legacy: ROOT is no spelling of any member: no fix',
    language: 'java',
    text: javaLegacy(javaAuto('.withElevationLevel(ElevationLevel.ROOT)')),
    found: [unknown('java', 'ElevationLevel', 'ROOT', ['NON_ADMIN', 'ADMIN'])],
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

  {
    name: 'com.azure.resourcemanager.batch: ElevationLevel.NONADMIN on a pool account → NON_ADMIN',
    language: 'java',
    text: javaMgmt(
      'UserAccount worker = new UserAccount().withName("worker").withPassword(secret).withElevationLevel(ElevationLevel.NONADMIN);',
    ),
    found: [misspelled('java', 'ElevationLevel', 'NONADMIN', 'NON_ADMIN')],
    fixed: javaMgmt(
      'UserAccount worker = new UserAccount().withName("worker").withPassword(secret).withElevationLevel(ElevationLevel.NON_ADMIN);',
    ),
  },
  {
    name: 'com.microsoft.azure.management.batch: the ARM casing written as Java members (Pool, Interactive)',
    language: 'java',
    text: javaMgmtLegacy(
      'startTask.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withScope(AutoUserScope.Pool)));\n' +
        'UserAccount ops = new UserAccount().withName("ops").withPassword(secret).withWindowsUserConfiguration(new WindowsUserConfiguration().withLoginMode(LoginMode.Interactive));',
    ),
    found: [misspelled('java', 'AutoUserScope', 'Pool', 'POOL'), misspelled('java', 'LoginMode', 'Interactive', 'INTERACTIVE')],
    fixed: javaMgmtLegacy(
      'startTask.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withScope(AutoUserScope.POOL)));\n' +
        'UserAccount ops = new UserAccount().withName("ops").withPassword(secret).withWindowsUserConfiguration(new WindowsUserConfiguration().withLoginMode(LoginMode.INTERACTIVE));',
    ),
  },
  {
    name: 'com.azure.resourcemanager.batch: NON_ADMIN, ADMIN, TASK, POOL, BATCH',
    language: 'java',
    text: javaMgmt(
      'startTask.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withScope(AutoUserScope.POOL).withElevationLevel(ElevationLevel.ADMIN)));\n' +
        'Object a = ElevationLevel.NON_ADMIN;\nObject b = AutoUserScope.TASK;\nObject c = LoginMode.BATCH;',
    ),
    found: [],
    seen: 5,
  },
  {
    name: 'com.microsoft.azure.management.batch: NON_ADMIN, POOL, INTERACTIVE',
    language: 'java',
    text: javaMgmtLegacy(
      'startTask.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withScope(AutoUserScope.POOL)));\n' +
        'UserAccount ops = new UserAccount().withName("ops").withPassword(secret).withElevationLevel(ElevationLevel.NON_ADMIN)\n' +
        '    .withWindowsUserConfiguration(new WindowsUserConfiguration().withLoginMode(LoginMode.INTERACTIVE));',
    ),
    found: [],
    seen: 3,
  },

  // Python ---------------------------------------------------------------------------------------
  {
    name: 'legacy: ElevationLevel.nonadmin → non_admin (G4)',
    language: 'python',
    text: pyLegacy(pyTask('batchmodels', 'nonadmin')),
    found: [misspelled('python', 'ElevationLevel', 'nonadmin', 'non_admin')],
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
      misspelled('python', 'AutoUserScope', 'TASK', 'task'),
      misspelled('python', 'ElevationLevel', 'NON_ADMIN', 'non_admin'),
      misspelled('python', 'LoginMode', 'Interactive', 'interactive'),
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
    found: [misspelled('python', 'ElevationLevel', 'nonadmin', 'non_admin')],
    fixed: 'from azure.batch.models import ElevationLevel\n\nLEVEL = ElevationLevel.non_admin\n',
    sdk: runs([], 'nonadmin'),
  },
  {
    name: '15.x: ElevationLevel.nonadmin → NON_ADMIN',
    language: 'python',
    text: py15('identity = models.UserIdentity(auto_user=models.AutoUserSpecification(elevation_level=models.ElevationLevel.nonadmin))'),
    found: [misspelled('python', 'ElevationLevel', 'nonadmin', 'NON_ADMIN')],
    fixed: py15('identity = models.UserIdentity(auto_user=models.AutoUserSpecification(elevation_level=models.ElevationLevel.NON_ADMIN))'),
    sdk: AZURE_BATCH_15,
  },
  {
    name: 'mgmt: ElevationLevel.nonadmin → NON_ADMIN',
    language: 'python',
    text: pyMgmt('identity = mgmt.UserIdentity(auto_user=mgmt.AutoUserSpecification(elevation_level=mgmt.ElevationLevel.nonadmin))'),
    found: [misspelled('python', 'ElevationLevel', 'nonadmin', 'NON_ADMIN')],
    fixed: pyMgmt('identity = mgmt.UserIdentity(auto_user=mgmt.AutoUserSpecification(elevation_level=mgmt.ElevationLevel.NON_ADMIN))'),
    sdk: runs([], 'nonadmin'),
  },
  {
    name: 'mgmt: NonAdmin and NONADMIN, which no casing resolves, through a from-import → NON_ADMIN',
    language: 'python',
    text: 'from azure.mgmt.batch.models import ElevationLevel\n\nDEFAULT = ElevationLevel.NonAdmin\nFALLBACK = ElevationLevel.NONADMIN\n',
    found: [
      misspelled('python', 'ElevationLevel', 'NonAdmin', 'NON_ADMIN'),
      misspelled('python', 'ElevationLevel', 'NONADMIN', 'NON_ADMIN'),
    ],
    fixed:
      'from azure.mgmt.batch.models import ElevationLevel\n\nDEFAULT = ElevationLevel.NON_ADMIN\nFALLBACK = ElevationLevel.NON_ADMIN\n',
    sdk: runs([], 'NonAdmin'),
  },
  {
    name: 'legacy: root is no spelling of any member: no fix',
    language: 'python',
    text: pyLegacy('level = batchmodels.ElevationLevel.root'),
    found: [unknown('python', 'ElevationLevel', 'root', ['non_admin', 'admin'])],
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
    name: 'mgmt: admin, Admin, Non_Admin, Task, Batch: other casings its case-insensitive enums resolve',
    language: 'python',
    text: pyMgmt(
      "start = mgmt.StartTask(command_line='setup.sh', user_identity=mgmt.UserIdentity(auto_user=mgmt.AutoUserSpecification(scope=mgmt.AutoUserScope.Task, elevation_level=mgmt.ElevationLevel.admin)))\n" +
        'b = mgmt.ElevationLevel.Admin\nc = mgmt.ElevationLevel.Non_Admin\nd = mgmt.LoginMode.Batch',
    ),
    found: [],
    seen: 5,
    sdk: {
      runs: [{ tasks: [task('StartTask', null, autoUser('Admin', 'Task'))] }],
      resolves: [
        'AutoUserScope.Task resolves to AutoUserScope.TASK',
        'ElevationLevel.admin resolves to ElevationLevel.ADMIN',
        'ElevationLevel.Admin resolves to ElevationLevel.ADMIN',
        'ElevationLevel.Non_Admin resolves to ElevationLevel.NON_ADMIN',
        'LoginMode.Batch resolves to LoginMode.BATCH',
      ],
    },
  },
  {
    name: 'an ElevationLevel of the file’s own',
    language: 'python',
    text: 'from enum import Enum\n\n\nclass ElevationLevel(Enum):\n    nonadmin = 0\n\n\nLEVEL = ElevationLevel.nonadmin\n',
    found: [],
    seen: 0,
  },

  // JSON -------------------------------------------------------------------------------------------
  {
    name: 'REST task: ARM casing → lower case',
    language: 'json',
    text: restTask({ scope: 'Task', elevationLevel: 'NonAdmin' }),
    found: [restSpelling('AutoUserScope', 'Task', 'task'), restSpelling('ElevationLevel', 'NonAdmin', 'nonadmin')],
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
    found: [restSpelling('ElevationLevel', 'ADMIN', 'admin'), restSpelling('LoginMode', 'Interactive', 'interactive')],
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
    found: [restSpelling('AutoUserScope', 'Pool', 'pool'), restSpelling('ElevationLevel', 'Admin', 'admin')],
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
      armSpelling('AutoUserScope', 'pool', 'Pool'),
      armSpelling('ElevationLevel', 'admin', 'Admin'),
      armSpelling('ElevationLevel', 'nonadmin', 'NonAdmin'),
      armSpelling('LoginMode', 'batch', 'Batch'),
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
    found: [jsonUnknown('ElevationLevel', 'root', ['nonadmin', 'admin'], REST_BODIES)],
    fixed: null,
  },
  {
    name: 'ARM: root is no spelling of any member: no fix',
    language: 'json',
    text: armPool({ startTask: startTask('Pool', 'root') }),
    found: [jsonUnknown('ElevationLevel', 'root', ['NonAdmin', 'Admin'], ARM_TEMPLATES)],
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
  {
    name: 'a document of no known kind: the REST reading is assumed, weaker, and its fix waits for the author',
    language: 'json',
    text: json({ tasks: { install: startTask('Pool', 'Admin') } }),
    found: [restSpelling('AutoUserScope', 'Pool', 'pool', 'information'), restSpelling('ElevationLevel', 'Admin', 'admin', 'information')],
    fixed: UNCHANGED,
  },

  // JSON: ARM indirection (issue 12) ---------------------------------------------------------------
  {
    name: 'ARM: a parameter’s defaultValue read by a Batch pool is in ARM casing (Pool, Admin)',
    language: 'json',
    text: armTemplate({ parameters: { startTask: objectParameter(startTask('Pool', 'Admin')) } }, [
      batchPoolResource({ vmSize: 's', startTask: "[parameters('startTask')]" }),
    ]),
    found: [],
    seen: 2,
    sdk: mgmtStartTask(['parameters', 'startTask', 'defaultValue'], autoUser('Admin', 'Pool')),
  },
  {
    name: 'ARM: a parameter’s defaultValue read by a Batch pool: data-plane casing → ARM casing',
    language: 'json',
    text: armTemplate({ parameters: { startTask: objectParameter(startTask('pool', 'admin')) } }, [
      batchPoolResource({ vmSize: 's', startTask: "[parameters('startTask')]" }),
    ]),
    found: [armSpelling('AutoUserScope', 'pool', 'Pool'), armSpelling('ElevationLevel', 'admin', 'Admin')],
    fixed: armTemplate({ parameters: { startTask: objectParameter(startTask('Pool', 'Admin')) } }, [
      batchPoolResource({ vmSize: 's', startTask: "[parameters('startTask')]" }),
    ]),
    sdk: mgmtStartTask(['parameters', 'startTask', 'defaultValue'], autoUser('Admin', 'Pool')),
  },
  {
    name: 'ARM: a variable holding the pool’s properties, accounts included',
    language: 'json',
    text: armTemplate(
      {
        variables: {
          poolProperties: {
            vmSize: 's',
            startTask: startTask('Pool', 'Admin'),
            userAccounts: [{ name: 'ops', password: "[parameters('password')]", elevationLevel: 'NonAdmin' }],
          },
        },
      },
      [batchPoolResource("[variables('poolProperties')]")],
    ),
    found: [],
    seen: 3,
  },
  {
    name: 'ARM: a resource copy loop over a variable’s pools',
    language: 'json',
    text: armTemplate({ variables: { pools: [{ startTask: startTask('Task', 'Admin') }, { startTask: startTask('Pool', 'NonAdmin') }] } }, [
      batchPoolResource(
        { vmSize: 's', startTask: "[variables('pools')[copyIndex()].startTask]" },
        { copy: { name: 'poolLoop', count: "[length(variables('pools'))]" } },
      ),
    ]),
    found: [],
    seen: 4,
  },
  {
    name: 'ARM: a variable copy loop of start tasks',
    language: 'json',
    text: armTemplate({ variables: { copy: [{ name: 'startTasks', count: 2, input: startTask('Pool', 'Admin') }] } }, [
      batchPoolResource({ vmSize: 's', startTask: "[variables('startTasks')[copyIndex()]]" }, { copy: { name: 'poolLoop', count: 2 } }),
    ]),
    found: [],
    seen: 2,
  },
  {
    name: 'ARM: a property copy loop of user accounts in a Batch pool (data-plane casing → ARM)',
    language: 'json',
    text: armTemplate({}, [
      batchPoolResource({
        vmSize: 's',
        copy: [
          {
            name: 'userAccounts',
            count: "[length(parameters('users'))]",
            input: {
              name: "[parameters('users')[copyIndex('userAccounts')]]",
              password: "[parameters('password')]",
              elevationLevel: 'admin',
            },
          },
        ],
      }),
    ]),
    found: [armSpelling('ElevationLevel', 'admin', 'Admin')],
    fixed: armTemplate({}, [
      batchPoolResource({
        vmSize: 's',
        copy: [
          {
            name: 'userAccounts',
            count: "[length(parameters('users'))]",
            input: {
              name: "[parameters('users')[copyIndex('userAccounts')]]",
              password: "[parameters('password')]",
              elevationLevel: 'Admin',
            },
          },
        ],
      }),
    ]),
    sdk: { reads: [{ sdk: 'mgmt', model: 'UserAccount', at: ['resources', 0, 'properties', 'copy', 0, 'input'] }] },
  },
  {
    name: 'ARM: a nested deployment with inner scope (a Bicep module) given the start task by parameter',
    language: 'json',
    text: armTemplate({ parameters: { startTask: objectParameter(startTask('Pool', 'Admin')) } }, [
      deployment(
        {
          template: armTemplateValue(
            { metadata: { _generator: { name: 'bicep', version: '0.30.23.60470' } }, parameters: { startTask: { type: 'object' } } },
            [batchPoolResource({ vmSize: 's', startTask: "[parameters('startTask')]" })],
          ),
        },
        { startTask: "[parameters('startTask')]" },
      ),
    ]),
    found: [],
    seen: 2,
  },
  {
    name: 'ARM: a nested deployment’s parameter value written in place: data-plane casing → ARM casing',
    language: 'json',
    text: armTemplate({}, [
      deployment(
        {
          template: armTemplateValue({ parameters: { startTask: { type: 'object' } } }, [
            batchPoolResource({ vmSize: 's', startTask: "[parameters('startTask')]" }),
          ]),
        },
        { startTask: startTask('pool', 'admin') },
      ),
    ]),
    found: [armSpelling('AutoUserScope', 'pool', 'Pool'), armSpelling('ElevationLevel', 'admin', 'Admin')],
    fixed: armTemplate({}, [
      deployment(
        {
          template: armTemplateValue({ parameters: { startTask: { type: 'object' } } }, [
            batchPoolResource({ vmSize: 's', startTask: "[parameters('startTask')]" }),
          ]),
        },
        { startTask: startTask('Pool', 'Admin') },
      ),
    ]),
    sdk: mgmtStartTask(['resources', 0, 'properties', 'parameters', 'startTask', 'value'], autoUser('Admin', 'Pool')),
  },
  {
    name: 'ARM: a nested deployment with outer scope reads the parent’s variable',
    language: 'json',
    text: armTemplate({ variables: { startTask: startTask('Pool', 'Admin') } }, [
      deployment({
        scope: 'outer',
        template: armTemplateValue({}, [batchPoolResource({ vmSize: 's', startTask: "[variables('startTask')]" })]),
      }),
    ]),
    found: [],
    seen: 2,
  },
  {
    name: 'ARM languageVersion 2.0 (Bicep): resources keyed by symbolic name',
    language: 'json',
    text: armTemplate(
      {
        languageVersion: '2.0',
        metadata: { _generator: { name: 'bicep', version: '0.30.23.60470' } },
        parameters: { startTask: objectParameter(startTask('Pool', 'Admin')) },
      },
      { pool: batchPoolResource({ vmSize: 's', startTask: "[parameters('startTask')]" }) },
    ),
    found: [],
    seen: 2,
  },
  {
    name: 'ARM: a part of an object parameter read by a Batch pool, another part by a storage account',
    language: 'json',
    text: armTemplate(
      { parameters: { config: objectParameter({ batch: { startTask: startTask('pool', 'Admin') }, storage: { sku: 'Standard_LRS' } }) } },
      [
        batchPoolResource({ vmSize: 's', startTask: "[parameters('config').batch.startTask]" }),
        {
          type: 'Microsoft.Storage/storageAccounts',
          apiVersion: '2023-01-01',
          name: 'st',
          sku: { name: "[parameters('config').storage.sku]" },
        },
      ],
    ),
    found: [armSpelling('AutoUserScope', 'pool', 'Pool')],
    fixed: armTemplate(
      { parameters: { config: objectParameter({ batch: { startTask: startTask('Pool', 'Admin') }, storage: { sku: 'Standard_LRS' } }) } },
      [
        batchPoolResource({ vmSize: 's', startTask: "[parameters('config').batch.startTask]" }),
        {
          type: 'Microsoft.Storage/storageAccounts',
          apiVersion: '2023-01-01',
          name: 'st',
          sku: { name: "[parameters('config').storage.sku]" },
        },
      ],
    ),
    sdk: mgmtStartTask(['parameters', 'config', 'defaultValue', 'batch', 'startTask'], autoUser('Admin', 'Pool')),
  },
  {
    name: 'ARM: a linked template’s parameter value: where it goes is not in this file, no casing checked',
    language: 'json',
    text: armTemplate({}, [deployment({ templateLink: 'https://example.com/pool.json' }, { startTask: startTask('Pool', 'Admin') })]),
    found: [],
    seen: 0,
  },
  {
    name: 'ARM: a parameter read by a Batch pool and by an output: no casing checked',
    language: 'json',
    text: armTemplate(
      {
        parameters: { startTask: objectParameter(startTask('Pool', 'admin')) },
        outputs: { startTask: { type: 'object', value: "[parameters('startTask')]" } },
      },
      [batchPoolResource({ vmSize: 's', startTask: "[parameters('startTask')]" })],
    ),
    found: [],
    seen: 0,
  },
  {
    name: 'ARM: a variable no expression reads: no casing checked',
    language: 'json',
    text: armTemplate({ variables: { setupTask: startTask('Pool', 'Admin') } }, [batchPoolResource({ vmSize: 's' })]),
    found: [],
    seen: 0,
  },
  {
    name: 'a deployment parameters file: the template is elsewhere, no casing checked',
    language: 'json',
    text: json({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
      contentVersion: '1.0.0.0',
      parameters: { startTask: { value: startTask('Pool', 'Admin') }, account: { value: 'batch' } },
    }),
    found: [],
    seen: 0,
  },
  ...UNKNOWN_ENUM_MEMBER,
]);
