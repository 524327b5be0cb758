/**
 * duplicate-user (Warning): two user accounts with the same name on one pool. The squiggle is on
 * the later account's name; the first is given as related information. No fix: which account to
 * keep, or how to rename, is the author's call.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { duplicateUserRule } from '../../../server/src/rules/duplicateUser';
import { pool, pythonSdkRows, type PythonSdkExpectation } from '../../compile/python/sdkRows';
import { analyze } from '../../helpers/engine';
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
import { DUPLICATE_USER } from './typescriptRows';

/** One real-SDK checker for the Python rows (one python3 process per file); mcs for the C# rows, against the stub SDKs. */
const PYTHON_SDK = pythonSdkRows();

/** What each message says, word for word. */
const SAYS: Says<typeof duplicateUserRule> = [
  [['duplicate', { name: 'ops' }], "Second user account named 'ops' on this pool: tasks select accounts by name, so it is ambiguous."],
  ['firstAccount', 'The first account with this name'],
];

/** The password the Python rows read from the environment, set before they run. */
const PASSWORD = "import os\nos.environ['PW'] = 'from-the-environment'";
const ops = { name: 'ops', password: 'from-the-environment' };

ruleTable(
  duplicateUserRule,
  {
    subject: 'accounts',
    says: SAYS,
    sdk: checkersByLanguage<PythonSdkExpectation | CSharpCompile>({ python: PYTHON_SDK, json: PYTHON_SDK, csharp: csharpStubRows() }),
  },
  [
    // C# -------------------------------------------------------------------------------------------
    {
      name: 'Microsoft.Azure.Batch: a collection initializer assigned to pool.UserAccounts',
      language: 'csharp',
      text: csLegacy(
        'pool.UserAccounts = new List<UserAccount>\n{\n    new UserAccount("ops", secret, ElevationLevel.Admin),\n    new UserAccount("ops", secret, ElevationLevel.NonAdmin),\n};',
      ),
      found: [['warning', '"ops"', ['duplicate', { name: 'ops' }]]],
    },
    {
      name: 'Microsoft.Azure.Batch: three of one name through Add calls and an account variable',
      language: 'csharp',
      text: csLegacy(
        'var first = new UserAccount(name: "ops", password: secret);\npool.UserAccounts.Add(first);\npool.UserAccounts.Add(new UserAccount("ops", secret));\npool.UserAccounts.Add(new UserAccount("ops", secret));',
      ),
      found: [
        ['warning', '"ops"', ['duplicate', { name: 'ops' }]],
        ['warning', '"ops"', ['duplicate', { name: 'ops' }]],
      ],
    },
    {
      name: 'Microsoft.Azure.Batch: a list variable assigned to the pool later',
      language: 'csharp',
      text: csLegacy(
        'var users = new List<UserAccount>();\nusers.Add(new UserAccount("ops", secret));\nusers.Add(new UserAccount("ops", secret));\npool.UserAccounts = users;',
      ),
      found: [['warning', '"ops"', ['duplicate', { name: 'ops' }]]],
    },
    {
      name: 'Azure.Compute.Batch: (name, password) constructors',
      language: 'csharp',
      text: csNew(
        'pool.UserAccounts.Add(new UserAccount("ops", secret) { ElevationLevel = ElevationLevel.Admin });\npool.UserAccounts.Add(new UserAccount("ops", secret));',
      ),
      found: [['warning', '"ops"', ['duplicate', { name: 'ops' }]]],
    },
    {
      name: 'Microsoft.Azure.Batch: one name on two pools; two names on one pool',
      language: 'csharp',
      text: csLegacy(
        'pool.UserAccounts = new List<UserAccount> { new UserAccount("ops", secret), new UserAccount("worker", secret) };\nother.UserAccounts = new List<UserAccount> { new UserAccount("ops", secret) };',
        'CloudPool pool, CloudPool other, string secret',
      ),
      found: [],
      seen: 3,
    },
    {
      name: 'Microsoft.Azure.Batch: names that are not constants are not compared',
      language: 'csharp',
      text: csLegacy('pool.UserAccounts = new List<UserAccount> { new UserAccount(secret, secret), new UserAccount(secret, secret) };'),
      found: [],
      seen: 2,
    },
    {
      name: 'Azure.ResourceManager.Batch: a collection initializer of the get-only UserAccounts',
      language: 'csharp',
      text: csArm(
        'var data = new BatchAccountPoolData\n{\n    VmSize = "STANDARD_D2S_V3",\n    UserAccounts =\n    {\n        new BatchUserAccount("ops", secret),\n        new BatchUserAccount("ops", secret) { ElevationLevel = BatchUserAccountElevationLevel.Admin },\n    },\n};',
      ),
      found: [['warning', '"ops"', ['duplicate', { name: 'ops' }]]],
      sdk: 'compiles',
    },
    {
      name: 'Azure.ResourceManager.Batch: target-typed accounts added one by one',
      language: 'csharp',
      text: csArm('pool.UserAccounts.Add(new("ops", secret));\npool.UserAccounts.Add(new("ops", secret));'),
      found: [['warning', '"ops"', ['duplicate', { name: 'ops' }]]],
      sdk: 'compiles',
    },
    {
      name: 'Microsoft.Azure.Management.Batch: a pool constructor’s userAccounts:',
      language: 'csharp',
      text: csMgmt(
        'var created = new Pool(vmSize: "STANDARD_D2S_V3", userAccounts: new List<UserAccount> { new UserAccount("ops", secret), new UserAccount("ops", secret) });',
      ),
      found: [['warning', '"ops"', ['duplicate', { name: 'ops' }]]],
      sdk: 'compiles',
    },
    {
      name: 'Azure.ResourceManager.Batch: one name on two pools',
      language: 'csharp',
      text: csArm(
        'var a = new BatchAccountPoolData { UserAccounts = { new BatchUserAccount("ops", secret) } };\nvar b = new BatchAccountPoolData { UserAccounts = { new BatchUserAccount("ops", secret) } };',
      ),
      found: [],
      seen: 2,
      sdk: 'compiles',
    },
    {
      name: 'Microsoft.Azure.Management.Batch: two pool constructors, one name each',
      language: 'csharp',
      text: csMgmt(
        'var a = new Pool(userAccounts: new List<UserAccount> { new UserAccount("ops", secret) });\nvar b = new Pool(userAccounts: new List<UserAccount> { new UserAccount("ops", secret) });',
      ),
      found: [],
      seen: 2,
      sdk: 'compiles',
    },

    // Java -----------------------------------------------------------------------------------------
    {
      name: 'legacy: two adds on one list given to the pool',
      language: 'java',
      text: javaLegacy(
        'List<UserAccount> users = new ArrayList<>();\nusers.add(new UserAccount().withName("ops").withPassword(secret).withElevationLevel(ElevationLevel.ADMIN));\nusers.add(new UserAccount().withName("ops").withPassword(secret));\npool.withUserAccounts(users);',
      ),
      found: [['warning', '"ops"', ['duplicate', { name: 'ops' }]]],
    },
    {
      name: 'legacy: Arrays.asList of account variables; the name from a constant',
      language: 'java',
      text:
        'import com.microsoft.azure.batch.protocol.models.*;\nimport java.util.*;\n\nclass PoolSetup {\n    static final String OPS = "ops";\n\n' +
        '    void configure(PoolAddParameter pool, String secret) {\n        UserAccount a = new UserAccount().withName(OPS).withPassword(secret);\n        UserAccount b = new UserAccount().withName("ops").withPassword(secret);\n        pool.withUserAccounts(Arrays.asList(a, b));\n    }\n}\n',
      found: [['warning', '"ops"', ['duplicate', { name: 'ops' }]]],
    },
    {
      name: 'com.azure.compute.batch: (name, password) constructors',
      language: 'java',
      text: javaNew(
        'pool.setUserAccounts(Arrays.asList(new UserAccount("ops", secret), new UserAccount("ops", secret).setElevationLevel(ElevationLevel.ADMIN)));',
      ),
      found: [['warning', '"ops"', ['duplicate', { name: 'ops' }]]],
    },
    {
      name: 'legacy: one name on two pools',
      language: 'java',
      text: javaLegacy(
        'pool.withUserAccounts(Collections.singletonList(new UserAccount().withName("ops").withPassword(secret)));\nother.withUserAccounts(Collections.singletonList(new UserAccount().withName("ops").withPassword(secret)));',
        'PoolAddParameter pool, PoolAddParameter other, String secret',
      ),
      found: [],
      seen: 2,
    },

    {
      name: 'com.azure.resourcemanager.batch: two accounts of one name in a pool definition',
      language: 'java',
      text: javaMgmt(
        'manager.pools()\n' +
          '    .define("render")\n' +
          '    .withExistingBatchAccount("rg", "account")\n' +
          '    .withVmSize("STANDARD_D2S_V3")\n' +
          '    .withUserAccounts(Arrays.asList(\n' +
          '        new UserAccount().withName("ops").withPassword(secret).withElevationLevel(ElevationLevel.ADMIN),\n' +
          '        new UserAccount().withName("ops").withPassword(secret)))\n' +
          '    .create();',
      ),
      found: [['warning', '"ops"', ['duplicate', { name: 'ops' }]]],
    },
    {
      name: 'com.azure.resourcemanager.batch: two names in a pool definition; one name in two definitions',
      language: 'java',
      text: javaMgmt(
        'manager.pools().define("render").withExistingBatchAccount("rg", "account")\n' +
          '    .withUserAccounts(Arrays.asList(new UserAccount().withName("ops").withPassword(secret), new UserAccount().withName("dev").withPassword(secret)))\n' +
          '    .create();\n' +
          'manager.pools().define("mpi").withExistingBatchAccount("rg", "account")\n' +
          '    .withUserAccounts(Arrays.asList(new UserAccount().withName("ops").withPassword(secret)))\n' +
          '    .create();',
      ),
      found: [],
      seen: 3,
    },
    {
      name: 'com.microsoft.azure.management.batch: names given through users.get(i), as the SDK’s own pool test does',
      language: 'java',
      text: javaMgmtLegacy(
        'List<UserAccount> users = new ArrayList<>();\n' +
          'users.add(new UserAccount());\n' +
          'users.add(new UserAccount());\n' +
          'users.get(0).withName("ops").withPassword(secret);\n' +
          'users.get(1).withName("ops").withPassword(secret);\n' +
          'account.update().defineNewPool("render").withVmSize("STANDARD_D4").withUserAccounts(users).attach().apply();',
      ),
      found: [['warning', '"ops"', ['duplicate', { name: 'ops' }]]],
    },
    {
      name: 'com.microsoft.azure.management.batch: two names through users.get(i)',
      language: 'java',
      text: javaMgmtLegacy(
        'List<UserAccount> users = new ArrayList<>();\n' +
          'users.add(new UserAccount());\n' +
          'users.add(new UserAccount());\n' +
          'users.get(0).withName("ops").withPassword(secret);\n' +
          'users.get(1).withName("dev").withPassword(secret);\n' +
          'account.update().defineNewPool("render").withUserAccounts(users).attach().apply();',
      ),
      found: [],
      seen: 2,
    },
    {
      name: 'com.microsoft.azure.management.batch: adds in a loop leave positions unknown',
      language: 'java',
      text: javaMgmtLegacy(
        'List<UserAccount> users = new ArrayList<>();\n' +
          'for (int i = 0; i < 2; i++) {\n' +
          '    users.add(new UserAccount());\n' +
          '}\n' +
          'users.get(0).withName("ops");\n' +
          'users.get(1).withName("ops");',
      ),
      found: [],
      seen: 1,
    },

    // Python ---------------------------------------------------------------------------------------
    {
      name: 'legacy: a list literal given to user_accounts=',
      language: 'python',
      text: pyLegacy(
        "pool = batchmodels.PoolAddParameter(\n    id='p',\n    vm_size='s',\n    user_accounts=[\n        batchmodels.UserAccount(name='ops', password=os.environ['PW']),\n        batchmodels.UserAccount(name='ops', password=os.environ['PW']),\n    ])",
      ),
      found: [['warning', "'ops'", ['duplicate', { name: 'ops' }]]],
    },
    {
      name: 'legacy: a list variable; positional names',
      language: 'python',
      text: pyLegacy(
        "users = [batchmodels.UserAccount('ops', os.environ['PW']), batchmodels.UserAccount('worker', os.environ['PW']), batchmodels.UserAccount('ops', os.environ['PW'])]\npool = batchmodels.PoolAddParameter(id='p', vm_size='s', user_accounts=users)",
      ),
      found: [['warning', "'ops'", ['duplicate', { name: 'ops' }]]],
    },
    {
      name: '15.x: user_accounts of a pool create content',
      language: 'python',
      text: py15(
        "pool = models.BatchPoolCreateContent(id='p', vm_size='s', user_accounts=[models.UserAccount(name='ops', password=os.environ['PW']), models.UserAccount(name='ops', password=os.environ['PW'])])",
      ),
      found: [['warning', "'ops'", ['duplicate', { name: 'ops' }]]],
    },
    {
      name: 'mgmt: a Pool resource',
      language: 'python',
      text: pyMgmt(
        "pool = mgmt.Pool(user_accounts=[mgmt.UserAccount(name='ops', password=os.environ['PW']), mgmt.UserAccount(name='ops', password=os.environ['PW'])])",
      ),
      found: [['warning', "'ops'", ['duplicate', { name: 'ops' }]]],
    },
    {
      name: 'mgmt: an account appended to pool.user_accounts',
      language: 'python',
      text: pyMgmt(
        "pool = mgmt.Pool(vm_size='STANDARD_D2S_V3', user_accounts=[mgmt.UserAccount(name='ops', password=os.environ['PW'])])\npool.user_accounts.append(mgmt.UserAccount(name='ops', password=os.environ['PW']))",
      ),
      found: [['warning', "'ops'", ['duplicate', { name: 'ops' }]]],
      sdk: { runs: [{ given: PASSWORD, tasks: [], pools: [pool('Pool', [ops, ops])] }] },
    },
    {
      name: 'legacy: a list built with append and extend, then given to the pool',
      language: 'python',
      text: pyLegacy(
        "accounts = []\naccounts.append(batchmodels.UserAccount(name='ops', password=os.environ['PW']))\naccounts.extend([batchmodels.UserAccount(name='ops', password=os.environ['PW'])])\npool = batchmodels.PoolAddParameter(id='p', vm_size='s', user_accounts=accounts)",
      ),
      found: [['warning', "'ops'", ['duplicate', { name: 'ops' }]]],
      sdk: { runs: [{ given: PASSWORD, tasks: [], pools: [pool('PoolAddParameter', [ops, ops])] }] },
    },
    {
      name: 'mgmt: one name appended to two pools',
      language: 'python',
      text: pyMgmt(
        "a = mgmt.Pool(vm_size='STANDARD_D2S_V3', user_accounts=[])\nb = mgmt.Pool(vm_size='STANDARD_D2S_V3', user_accounts=[])\na.user_accounts.append(mgmt.UserAccount(name='ops', password=os.environ['PW']))\nb.user_accounts.append(mgmt.UserAccount(name='ops', password=os.environ['PW']))",
      ),
      found: [],
      seen: 2,
    },
    {
      name: 'legacy: one name on two pools',
      language: 'python',
      text: pyLegacy(
        "a = batchmodels.PoolAddParameter(id='a', vm_size='s', user_accounts=[batchmodels.UserAccount(name='ops', password=os.environ['PW'])])\nb = batchmodels.PoolAddParameter(id='b', vm_size='s', user_accounts=[batchmodels.UserAccount(name='ops', password=os.environ['PW'])])",
      ),
      found: [],
      seen: 2,
    },

    // JSON -----------------------------------------------------------------------------------------
    {
      name: 'REST pool',
      language: 'json',
      text: json({
        id: 'p',
        vmSize: 's',
        userAccounts: [
          { name: 'ops', password: '<secret>' },
          { name: 'worker', password: '<secret>' },
          { name: 'ops', password: '<secret>' },
        ],
      }),
      found: [['warning', '"ops"', ['duplicate', { name: 'ops' }]]],
    },
    {
      name: 'CLI template pool',
      language: 'json',
      text: cliTemplate('pool', {
        id: 'p',
        vmSize: 's',
        userAccounts: [
          { name: 'ops', password: "[parameters('pw')]" },
          { name: 'ops', password: "[parameters('pw')]" },
        ],
      }),
      found: [['warning', '"ops"', ['duplicate', { name: 'ops' }]]],
    },
    {
      name: 'ARM pool',
      language: 'json',
      text: armPool({
        userAccounts: [
          { name: 'ops', password: "[parameters('adminPassword')]", elevationLevel: 'Admin' },
          { name: 'ops', password: "[parameters('adminPassword')]" },
        ],
      }),
      found: [['warning', '"ops"', ['duplicate', { name: 'ops' }]]],
    },
    {
      name: 'a pool list response (value[]): one name on two pools',
      language: 'json',
      text: json({
        value: [
          { id: 'a', vmSize: 's', userAccounts: [{ name: 'ops', elevationLevel: 'admin' }] },
          { id: 'b', vmSize: 's', userAccounts: [{ name: 'ops', elevationLevel: 'admin' }] },
        ],
      }),
      found: [],
      seen: 2,
    },
    {
      name: 'not a Batch document: accounts not shaped like Batch accounts',
      language: 'json',
      text: json({
        settings: {
          userAccounts: [
            { name: 'ops', password: 'x' },
            { name: 'ops', password: 'x' },
          ],
        },
      }),
      found: [],
      seen: 0,
    },
    {
      name: 'JSON: Batch-shaped accounts outside a Batch document (weak evidence): one step lower',
      language: 'json',
      text: json({
        settings: {
          userAccounts: [
            { name: 'ops', elevationLevel: 'admin' },
            { name: 'ops', elevationLevel: 'nonadmin' },
          ],
        },
      }),
      found: [['information', '"ops"', ['duplicate', { name: 'ops' }]]],
    },
    ...DUPLICATE_USER,
  ],
);

it('duplicate-user points at the first account of the name', async () => {
  const text = json({
    id: 'p',
    vmSize: 's',
    userAccounts: [
      { name: 'ops', password: '<secret>' },
      { name: 'ops', password: '<secret>' },
    ],
  });
  const analysis = await analyze('json', text);
  analysis.release();
  const [finding] = analysis.findings.filter((f) => f.rule === 'duplicate-user');
  assert.equal(finding.related?.length, 1);
  const related = finding.related![0];
  assert.equal(related.span.start, text.indexOf('"ops"'));
  assert.ok(finding.span.start > related.span.start);
  assert.equal(finding.message, "Second user account named 'ops' on this pool: tasks select accounts by name, so it is ambiguous.");
});
