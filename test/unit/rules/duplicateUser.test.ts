/**
 * duplicate-user (Error): two user accounts with the same name on one pool. The squiggle is on
 * the later account's name; the first is given as related information. No fix: which account to
 * keep, or how to rename, is the author's call.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { duplicateUserRule } from '../../../server/src/rules/duplicateUser';
import { analyze } from '../../helpers/engine';
import { csharpStubRows } from '../../compile/csharp/stubRows';
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
  type Says,
} from './table';

/** What each message says, word for word. */
const SAYS: Says<typeof duplicateUserRule> = [
  [['duplicate', { name: 'ops' }], "The pool already defines a user account named 'ops'; account names must be unique on a pool."],
  ['firstAccount', 'The first account with this name'],
];

ruleTable(duplicateUserRule, { subject: 'accounts', says: SAYS, sdk: csharpStubRows() }, [
  // C# -------------------------------------------------------------------------------------------
  {
    name: 'Microsoft.Azure.Batch: a collection initializer assigned to pool.UserAccounts',
    language: 'csharp',
    text: csLegacy(
      'pool.UserAccounts = new List<UserAccount>\n{\n    new UserAccount("ops", secret, ElevationLevel.Admin),\n    new UserAccount("ops", secret, ElevationLevel.NonAdmin),\n};',
    ),
    found: [['error', '"ops"', ['duplicate', { name: 'ops' }]]],
  },
  {
    name: 'Microsoft.Azure.Batch: three of one name through Add calls and an account variable',
    language: 'csharp',
    text: csLegacy(
      'var first = new UserAccount(name: "ops", password: secret);\npool.UserAccounts.Add(first);\npool.UserAccounts.Add(new UserAccount("ops", secret));\npool.UserAccounts.Add(new UserAccount("ops", secret));',
    ),
    found: [
      ['error', '"ops"', ['duplicate', { name: 'ops' }]],
      ['error', '"ops"', ['duplicate', { name: 'ops' }]],
    ],
  },
  {
    name: 'Microsoft.Azure.Batch: a list variable assigned to the pool later',
    language: 'csharp',
    text: csLegacy(
      'var users = new List<UserAccount>();\nusers.Add(new UserAccount("ops", secret));\nusers.Add(new UserAccount("ops", secret));\npool.UserAccounts = users;',
    ),
    found: [['error', '"ops"', ['duplicate', { name: 'ops' }]]],
  },
  {
    name: 'Azure.Compute.Batch: (name, password) constructors',
    language: 'csharp',
    text: csNew(
      'pool.UserAccounts.Add(new UserAccount("ops", secret) { ElevationLevel = ElevationLevel.Admin });\npool.UserAccounts.Add(new UserAccount("ops", secret));',
    ),
    found: [['error', '"ops"', ['duplicate', { name: 'ops' }]]],
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
    found: [['error', '"ops"', ['duplicate', { name: 'ops' }]]],
    sdk: 'compiles',
  },
  {
    name: 'Azure.ResourceManager.Batch: target-typed accounts added one by one',
    language: 'csharp',
    text: csArm('pool.UserAccounts.Add(new("ops", secret));\npool.UserAccounts.Add(new("ops", secret));'),
    found: [['error', '"ops"', ['duplicate', { name: 'ops' }]]],
    sdk: 'compiles',
  },
  {
    name: 'Microsoft.Azure.Management.Batch: a pool constructor’s userAccounts:',
    language: 'csharp',
    text: csMgmt(
      'var created = new Pool(vmSize: "STANDARD_D2S_V3", userAccounts: new List<UserAccount> { new UserAccount("ops", secret), new UserAccount("ops", secret) });',
    ),
    found: [['error', '"ops"', ['duplicate', { name: 'ops' }]]],
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
    found: [['error', '"ops"', ['duplicate', { name: 'ops' }]]],
  },
  {
    name: 'legacy: Arrays.asList of account variables; the name from a constant',
    language: 'java',
    text:
      'import com.microsoft.azure.batch.protocol.models.*;\nimport java.util.*;\n\nclass PoolSetup {\n    static final String OPS = "ops";\n\n' +
      '    void configure(PoolAddParameter pool, String secret) {\n        UserAccount a = new UserAccount().withName(OPS).withPassword(secret);\n        UserAccount b = new UserAccount().withName("ops").withPassword(secret);\n        pool.withUserAccounts(Arrays.asList(a, b));\n    }\n}\n',
    found: [['error', '"ops"', ['duplicate', { name: 'ops' }]]],
  },
  {
    name: 'com.azure.compute.batch: (name, password) constructors',
    language: 'java',
    text: javaNew(
      'pool.setUserAccounts(Arrays.asList(new UserAccount("ops", secret), new UserAccount("ops", secret).setElevationLevel(ElevationLevel.ADMIN)));',
    ),
    found: [['error', '"ops"', ['duplicate', { name: 'ops' }]]],
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

  // Python ---------------------------------------------------------------------------------------
  {
    name: 'legacy: a list literal given to user_accounts=',
    language: 'python',
    text: pyLegacy(
      "pool = batchmodels.PoolAddParameter(\n    id='p',\n    vm_size='s',\n    user_accounts=[\n        batchmodels.UserAccount(name='ops', password=os.environ['PW']),\n        batchmodels.UserAccount(name='ops', password=os.environ['PW']),\n    ])",
    ),
    found: [['error', "'ops'", ['duplicate', { name: 'ops' }]]],
  },
  {
    name: 'legacy: a list variable; positional names',
    language: 'python',
    text: pyLegacy(
      "users = [batchmodels.UserAccount('ops', os.environ['PW']), batchmodels.UserAccount('worker', os.environ['PW']), batchmodels.UserAccount('ops', os.environ['PW'])]\npool = batchmodels.PoolAddParameter(id='p', vm_size='s', user_accounts=users)",
    ),
    found: [['error', "'ops'", ['duplicate', { name: 'ops' }]]],
  },
  {
    name: '15.x: user_accounts of a pool create content',
    language: 'python',
    text: py15(
      "pool = models.BatchPoolCreateContent(id='p', vm_size='s', user_accounts=[models.UserAccount(name='ops', password=os.environ['PW']), models.UserAccount(name='ops', password=os.environ['PW'])])",
    ),
    found: [['error', "'ops'", ['duplicate', { name: 'ops' }]]],
  },
  {
    name: 'mgmt: a Pool resource',
    language: 'python',
    text: pyMgmt(
      "pool = mgmt.Pool(user_accounts=[mgmt.UserAccount(name='ops', password=os.environ['PW']), mgmt.UserAccount(name='ops', password=os.environ['PW'])])",
    ),
    found: [['error', "'ops'", ['duplicate', { name: 'ops' }]]],
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
    found: [['error', '"ops"', ['duplicate', { name: 'ops' }]]],
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
    found: [['error', '"ops"', ['duplicate', { name: 'ops' }]]],
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
    found: [['error', '"ops"', ['duplicate', { name: 'ops' }]]],
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
    found: [['warning', '"ops"', ['duplicate', { name: 'ops' }]]],
  },
]);

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
  assert.equal(finding.message, "The pool already defines a user account named 'ops'; account names must be unique on a pool.");
});
