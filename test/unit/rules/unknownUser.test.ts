/**
 * unknown-user (Warning): a named identity whose user no pool in the workspace defines (reference
 * §10 R14). Pools are found in the same file and, through the workspace index, in any other file
 * of any language: proven here through `AccountIndex` (what the server keeps) and through the CLI's
 * `runCli` (its first pass indexes every file). Quiet when the workspace defines no pools at all;
 * one step lower where the evidence of Batch is weak. No fix.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { runCli } from '../../../server/src/cli/main';
import {
  emptyFacts,
  type Facts,
  type Holder,
  type IdentityFact,
  type LanguageId,
  type PoolFact,
  type UserAccountFact,
  type Value,
} from '../../../server/src/engine/facts';
import type { WorkspaceAccounts } from '../../../server/src/engine/findings';
import { messageText } from '../../../server/src/rules/define';
import { unknownUserRule } from '../../../server/src/rules/unknownUser';
import { AccountIndex, accountsIn, RecordedLookups } from '../../../server/src/workspace/accountIndex';
import { engine, squiggles } from '../../helpers/engine';
import { csharpStubRows } from '../../compile/csharp/stubRows';
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
import { UNKNOWN_USER } from './typescriptRows';
import {
  csharpOwnPoolRows,
  javaOwnPoolRows,
  JSON_POOLS_BY_ID,
  jsonOwnPoolRows,
  POOLS_BY_ID,
  pythonOwnPoolRows,
} from './unknownUserOwnPool';

const POOL_CS = csLegacy(
  'pool.UserAccounts = new List<UserAccount>\n{\n    new UserAccount("adminUser", secret, ElevationLevel.Admin, new LinuxUserConfiguration(12345, 98765)),\n    new UserAccount("nonAdminUser", secret, ElevationLevel.NonAdmin),\n};',
);
const POOL_PY = pyLegacy(
  "pool = batchmodels.PoolAddParameter(id='p', vm_size='s', user_accounts=[batchmodels.UserAccount(name='pyUser', password=os.environ['PW'])])",
);
const POOL_ARM = armPool({ userAccounts: [{ name: 'armUser', password: "[parameters('adminPassword')]", elevationLevel: 'Admin' }] });

/** Feeds an index the way the server and the CLI do: each file analysed, its accounts recorded. */
async function indexOf(files: Record<string, readonly [LanguageId, string]>, index = new AccountIndex()): Promise<AccountIndex> {
  for (const [uri, [languageId, text]] of Object.entries(files)) {
    const analysis = await engine.analyze({ uri, languageId, text });
    analysis.release();
    index.update(uri, accountsIn(uri, text, analysis.facts));
  }
  return index;
}

/** Pools in three other files, three languages; filled before the tests run. */
const workspace = new AccountIndex();
before(() =>
  indexOf(
    { 'file:///ws/pool.cs': ['csharp', POOL_CS], 'file:///ws/pool.py': ['python', POOL_PY], 'file:///ws/pool.json': ['json', POOL_ARM] },
    workspace,
  ),
);

/** Pools named by id in another file: 'render' (account 'renderer') and 'other' (account 'ops'). */
const poolsById = new AccountIndex();
before(() => indexOf({ 'file:///ws/pools.ts': ['typescript', POOLS_BY_ID] }, poolsById));

/** Pools named by id in JSON files (unknownUserOwnPool.ts: JSON_POOLS_BY_ID). */
const jsonPoolsById = new AccountIndex();
before(() =>
  indexOf(Object.fromEntries(Object.entries(JSON_POOLS_BY_ID).map(([uri, text]) => [uri, ['json', text] as const])), jsonPoolsById),
);

/** What each message says, word for word. */
const SAYS: Says<typeof unknownUserRule> = [
  [
    ['unknown', { name: 'opz' }],
    "No pool in this workspace defines a user account named 'opz': a task runs as a named user defined on its pool.",
  ],
  [['notOnItsPool', { name: 'opz' }], "The pool this task runs on has no user account named 'opz'."],
];

ruleTable(unknownUserRule, { subject: 'identities', says: SAYS, sdk: csharpStubRows() }, [
  // In the same file ------------------------------------------------------------------------------
  {
    name: 'Microsoft.Azure.Batch: the pool in the same file',
    language: 'csharp',
    text: csLegacy(
      'pool.UserAccounts = new List<UserAccount> { new UserAccount("ops", secret) };\ntask.UserIdentity = new UserIdentity("opz");\nvar known = new UserIdentity("ops");',
    ),
    found: [['warning', '"opz"', ['unknown', { name: 'opz' }]]],
  },
  {
    name: 'Azure.ResourceManager.Batch: the pool in the same file, its start task naming another user',
    language: 'csharp',
    text: csArm(
      'pool.UserAccounts.Add(new BatchUserAccount("ops", secret));\npool.StartTask = new BatchAccountPoolStartTask { CommandLine = "setup.sh", UserIdentity = new BatchUserIdentity { UserName = "opz" } };\nvar known = new BatchUserIdentity { UserName = "ops" };',
    ),
    found: [['warning', '"opz"', ['unknown', { name: 'opz' }]]],
    sdk: 'compiles',
  },
  {
    name: 'Microsoft.Azure.Management.Batch: a pool constructor with its accounts and start task',
    language: 'csharp',
    text: csMgmt(
      'var created = new Pool(\n    userAccounts: new List<UserAccount> { new UserAccount("ops", secret) },\n    startTask: new StartTask(commandLine: "setup.sh", userIdentity: new UserIdentity("opz")));\nvar known = new UserIdentity(userName: "ops");',
    ),
    // The start task runs on the pool it is given to: judged against that pool's accounts.
    found: [['warning', '"opz"', ['notOnItsPool', { name: 'opz' }]]],
    sdk: 'compiles',
  },
  {
    name: 'Azure.ResourceManager.Batch: target-typed account and identity that agree',
    language: 'csharp',
    text: csArm(
      'pool.UserAccounts.Add(new("ops", secret));\npool.StartTask = new() { CommandLine = "setup.sh", UserIdentity = new() { UserName = "ops" } };',
    ),
    found: [],
    seen: 1,
    sdk: 'compiles',
  },
  {
    name: 'Microsoft.Azure.Management.Batch: the start task runs as an account of its pool',
    language: 'csharp',
    text: csMgmt(
      'var created = new Pool(\n    userAccounts: new List<UserAccount> { new UserAccount("ops", secret) },\n    startTask: new StartTask(commandLine: "setup.sh", userIdentity: new UserIdentity("ops")));',
    ),
    found: [],
    seen: 1,
    sdk: 'compiles',
  },
  {
    name: 'Java legacy: the pool in the same file',
    language: 'java',
    text: javaLegacy(
      'pool.withUserAccounts(Arrays.asList(new UserAccount().withName("ops").withPassword(secret)));\ntask.withUserIdentity(new UserIdentity().withUserName("opz"));\nUserIdentity known = new UserIdentity().withUserName("ops");',
    ),
    found: [['warning', '"opz"', ['unknown', { name: 'opz' }]]],
  },
  {
    name: 'Python legacy: the pool in the same file, the name held in a constant',
    language: 'python',
    text: pyLegacy(
      "RUN_AS = 'opz'\npool = batchmodels.PoolAddParameter(id='p', vm_size='s', user_accounts=[batchmodels.UserAccount(name='ops', password=os.environ['PW'])])\ntask = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=batchmodels.UserIdentity(user_name=RUN_AS))",
    ),
    found: [['warning', "'opz'", ['unknown', { name: 'opz' }]]],
  },
  {
    name: 'REST job: auto-pool accounts and the job manager task in one body',
    language: 'json',
    text: json({
      id: 'j',
      poolInfo: { autoPoolSpecification: { pool: { vmSize: 's', userAccounts: [{ name: 'ops', password: '<secret>' }] } } },
      jobManagerTask: { id: 'm', commandLine: 'run', userIdentity: { username: 'opz' } },
    }),
    // The job manager runs on the job's auto-pool: judged against that pool's accounts.
    found: [['warning', '"opz"', ['notOnItsPool', { name: 'opz' }]]],
  },
  {
    name: 'REST pool: the start task names an account its own pool lacks',
    language: 'json',
    text: json({
      id: 'a',
      vmSize: 's',
      userAccounts: [{ name: 'ops', password: '<secret>' }],
      startTask: { commandLine: 'setup', userIdentity: { username: 'admin' } },
    }),
    // Its pool is the body it is in: judged against that pool's accounts.
    found: [['warning', '"admin"', ['notOnItsPool', { name: 'admin' }]]],
  },
  {
    name: 'REST pool: the start task runs as an account of its own pool',
    language: 'json',
    text: json({
      id: 'a',
      vmSize: 's',
      userAccounts: [{ name: 'ops', password: '<secret>' }],
      startTask: { commandLine: 'setup', userIdentity: { username: 'ops' } },
    }),
    found: [],
  },
  {
    name: 'ARM pool: the start task names a user of an accounts element the template passes in',
    language: 'json',
    text: armPool({
      userAccounts: ["[parameters('extraAccount')]", { name: 'ops', password: "[parameters('pw')]", elevationLevel: 'Admin' }],
      startTask: { commandLine: 'setup', userIdentity: { userName: 'deploy' } },
    }),
    // The parameter's account is not in view: 'deploy' may be it.
    found: [],
    seen: 1,
  },
  {
    name: 'REST pool: the start task names a documentation placeholder for its user',
    language: 'json',
    text: json({
      id: 'a',
      vmSize: 's',
      userAccounts: [{ name: 'ops', password: '<secret>' }],
      startTask: { commandLine: 'setup', userIdentity: { username: '<user-name>' } },
    }),
    found: [],
    seen: 1,
  },
  {
    name: 'REST pool: the account is named by a documentation placeholder',
    language: 'json',
    text: json({
      id: 'a',
      vmSize: 's',
      userAccounts: [{ name: '<admin-user>', password: '<secret>' }],
      startTask: { commandLine: 'setup', userIdentity: { username: 'deploy' } },
    }),
    found: [],
    seen: 1,
  },
  {
    name: 'ARM pool: the start task names a user, the account name is a parameter',
    language: 'json',
    text: armPool({
      userAccounts: [{ name: "[parameters('userName')]", password: "[parameters('pw')]", elevationLevel: 'Admin' }],
      startTask: { commandLine: 'setup', userIdentity: { userName: 'deploy' } },
    }),
    found: [],
    seen: 1,
  },

  {
    name: 'com.azure.resourcemanager.batch: the pool definition in the same file, its start task runs as withUsername("mpiusr")',
    language: 'java',
    text: javaMgmt(
      'manager.pools().define("mpi").withExistingBatchAccount("rg", "account")\n' +
        '    .withUserAccounts(Arrays.asList(new UserAccount().withName("mpiuser").withPassword(secret)))\n' +
        '    .withStartTask(new StartTask().withCommandLine("setup.sh").withUserIdentity(new UserIdentity().withUsername("mpiusr")))\n' +
        '    .create();',
    ),
    found: [['warning', '"mpiusr"', ['unknown', { name: 'mpiusr' }]]],
  },
  {
    name: 'com.microsoft.azure.management.batch: withUserName of an account the pool defines, given through users.get(0)',
    language: 'java',
    text: javaMgmtLegacy(
      'List<UserAccount> users = new ArrayList<>();\n' +
        'users.add(new UserAccount());\n' +
        'users.get(0).withName("winuser").withPassword(secret);\n' +
        'startTask.withUserIdentity(new UserIdentity().withUserName("winuser"));\n' +
        'account.update().defineNewPool("render").withStartTask(startTask).withUserAccounts(users).attach().apply();',
    ),
    found: [],
    seen: 1,
  },
  {
    name: 'com.microsoft.azure.management.batch: withUserName("ghost"), the pool defined in the same file',
    language: 'java',
    text: javaMgmtLegacy(
      'account.update().defineNewPool("render")\n' +
        '    .withUserAccounts(Arrays.asList(new UserAccount().withName("winuser").withPassword(secret)))\n' +
        '    .withStartTask(new StartTask().withCommandLine("setup.cmd").withUserIdentity(new UserIdentity().withUserName("ghost")))\n' +
        '    .attach()\n' +
        '    .apply();',
    ),
    found: [['warning', '"ghost"', ['unknown', { name: 'ghost' }]]],
  },
  {
    name: 'com.azure.resourcemanager.batch: withUsername of an account the pool definition defines',
    language: 'java',
    text: javaMgmt(
      'manager.pools().define("mpi").withExistingBatchAccount("rg", "account")\n' +
        '    .withUserAccounts(Arrays.asList(new UserAccount().withName("mpiuser").withPassword(secret)))\n' +
        '    .withStartTask(new StartTask().withCommandLine("setup.sh").withUserIdentity(new UserIdentity().withUsername("mpiuser")))\n' +
        '    .create();',
    ),
    found: [],
    seen: 1,
  },
  // Through the workspace index --------------------------------------------------------------------
  {
    name: 'Microsoft.Azure.Batch task, pools in pool.cs, pool.py and pool.json',
    language: 'csharp',
    text: csLegacy(
      'task.UserIdentity = new UserIdentity("ghost");\nvar a = new UserIdentity("adminUser");\nvar b = new UserIdentity("pyUser");\nvar c = new UserIdentity("armUser");',
    ),
    found: [['warning', '"ghost"', ['unknown', { name: 'ghost' }]]],
    workspace,
  },
  {
    name: 'Azure.Compute.Batch task, pools elsewhere',
    language: 'csharp',
    text: csNew('task.UserIdentity = new UserIdentity { Username = "ghost" };\nvar a = new UserIdentity { Username = "nonAdminUser" };'),
    found: [['warning', '"ghost"', ['unknown', { name: 'ghost' }]]],
    workspace,
  },
  {
    name: 'Java legacy and new tasks, pools elsewhere',
    language: 'java',
    text: javaLegacy(
      'task.withUserIdentity(new UserIdentity().withUserName("ghost"));\nUserIdentity a = new UserIdentity().withUserName("adminUser");',
    ),
    found: [['warning', '"ghost"', ['unknown', { name: 'ghost' }]]],
    workspace,
  },
  {
    name: 'com.azure.compute.batch task, pools elsewhere',
    language: 'java',
    text: javaNew(
      'task.setUserIdentity(new UserIdentity().setUsername("ghost"));\nUserIdentity a = new UserIdentity().setUsername("armUser");',
    ),
    found: [['warning', '"ghost"', ['unknown', { name: 'ghost' }]]],
    workspace,
  },
  {
    name: 'Python legacy task, pools elsewhere',
    language: 'python',
    text: pyLegacy(
      "a = batchmodels.TaskAddParameter(id='a', command_line='x', user_identity=batchmodels.UserIdentity(user_name='ghost'))\nb = batchmodels.UserIdentity(user_name='adminUser')",
    ),
    found: [['warning', "'ghost'", ['unknown', { name: 'ghost' }]]],
    workspace,
  },
  {
    name: 'Python mgmt: the start task’s user name set by a later statement, not an account of the pool',
    language: 'python',
    text: pyMgmt(
      "pool = mgmt.Pool(\n    vm_size='STANDARD_D2S_V3',\n    user_accounts=[mgmt.UserAccount(name='ops', password=os.environ['PW'])],\n    start_task=mgmt.StartTask(command_line='setup.sh', user_identity=mgmt.UserIdentity()),\n)\npool.start_task.user_identity.user_name = 'ghost'",
    ),
    found: [['warning', "'ghost'", ['notOnItsPool', { name: 'ghost' }]]],
  },
  {
    name: 'Python 15.x task, pools elsewhere',
    language: 'python',
    text: py15(
      "a = models.BatchTaskCreateContent(id='a', command_line='x', user_identity=models.UserIdentity(username='ghost'))\nb = models.UserIdentity(username='pyUser')",
    ),
    found: [['warning', "'ghost'", ['unknown', { name: 'ghost' }]]],
    workspace,
  },
  {
    name: 'Python mgmt start task, pools elsewhere',
    language: 'python',
    text: pyMgmt(
      "start = mgmt.StartTask(command_line='x', user_identity=mgmt.UserIdentity(user_name='ghost'))\nknown = mgmt.UserIdentity(user_name='armUser')",
    ),
    found: [['warning', "'ghost'", ['unknown', { name: 'ghost' }]]],
    workspace,
  },
  {
    name: 'REST task collection, pools elsewhere',
    language: 'json',
    text: json({
      value: [
        { id: 'a', commandLine: 'x', userIdentity: { username: 'ghost' } },
        { id: 'b', commandLine: 'x', userIdentity: { username: 'pyUser' } },
      ],
    }),
    found: [['warning', '"ghost"', ['unknown', { name: 'ghost' }]]],
    workspace,
  },
  {
    name: 'CLI template job, pools elsewhere',
    language: 'json',
    text: cliTemplate('job', {
      id: 'j',
      taskFactory: { type: 'parametricSweep', repeatTask: { commandLine: 'x', userIdentity: { username: 'ghost' } } },
    }),
    found: [['warning', '"ghost"', ['unknown', { name: 'ghost' }]]],
    workspace,
  },
  {
    name: 'ARM start task, pools elsewhere',
    language: 'json',
    text: armPool({ startTask: { commandLine: 'setup.sh', userIdentity: { userName: 'ghost' } } }),
    found: [['warning', '"ghost"', ['unknown', { name: 'ghost' }]]],
    workspace,
  },
  {
    name: 'weak evidence (a task-shaped object in an unknown document): one step lower',
    language: 'json',
    text: json({ steps: [{ commandLine: 'x', userIdentity: { username: 'ghost' } }] }),
    found: [['information', '"ghost"', ['unknown', { name: 'ghost' }]]],
    workspace,
  },

  // Silent -----------------------------------------------------------------------------------------
  {
    name: 'no pool anywhere: the pool may be defined outside the workspace',
    language: 'csharp',
    text: csLegacy('task.UserIdentity = new UserIdentity("ghost");'),
    found: [],
    seen: 1,
  },
  {
    name: 'no pool anywhere (Java)',
    language: 'java',
    text: javaLegacy('task.withUserIdentity(new UserIdentity().withUserName("ghost"));'),
    found: [],
    seen: 1,
  },
  {
    name: 'no pool anywhere (Python)',
    language: 'python',
    text: pyLegacy(
      "task = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=batchmodels.UserIdentity(user_name='ghost'))",
    ),
    found: [],
    seen: 1,
  },
  {
    name: 'no pool anywhere (JSON)',
    language: 'json',
    text: json({ id: 't', commandLine: 'x', userIdentity: { username: 'ghost' } }),
    found: [],
    seen: 1,
  },
  {
    name: 'auto-users, a user name set by an expression, an empty user name',
    language: 'csharp',
    text: csLegacy(
      'task.UserIdentity = new UserIdentity(new AutoUserSpecification(scope: AutoUserScope.Pool));\nvar a = new UserIdentity(secret);\nvar b = new UserIdentity("");',
    ),
    found: [],
    seen: 3,
    workspace,
  },
  ...UNKNOWN_USER,
  // The pool a C# or Python task runs on (unknownUserOwnPool.ts) ------------------------------------
  ...csharpOwnPoolRows(poolsById),
  ...pythonOwnPoolRows(poolsById),
  ...jsonOwnPoolRows(jsonPoolsById),
  ...javaOwnPoolRows(poolsById),
]);

describe('unknown-user follows the workspace index as it changes', () => {
  const task = javaLegacy('task.withUserIdentity(new UserIdentity().withUserName("lateUser"));');
  const found = async (index: AccountIndex) =>
    (await squiggles('java', task, { workspace: index })).filter((s) => s.rule === 'unknown-user').map((s) => s.text);

  it('a pool file gaining, then losing, the account', async () => {
    const index = await indexOf({ 'file:///ws/pool.cs': ['csharp', POOL_CS] });
    assert.deepEqual(await found(index), ['"lateUser"']);
    const edited = POOL_CS.replace('"nonAdminUser"', '"lateUser"');
    const analysis = await engine.analyze({ uri: 'file:///ws/pool.cs', languageId: 'csharp', text: edited });
    analysis.release();
    assert.equal(index.update('file:///ws/pool.cs', accountsIn('file:///ws/pool.cs', edited, analysis.facts)), true);
    assert.deepEqual(await found(index), []);
    index.remove('file:///ws/pool.cs');
    assert.deepEqual(await found(index), [], 'no pools left: quiet again');
  });
});

describe('unknown-user through the CLI', () => {
  async function check(files: Record<string, string>): Promise<[string, string][]> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bi-unknown-user-'));
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(root, name), content);
    let stdout = '';
    // --no-cache: the default cache would go into the checkout's node_modules.
    await runCli(['check', '--no-cache', '--format', 'json', root], {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
      version: '0.0.0-test',
    });
    const reports = JSON.parse(stdout) as {
      file: string;
      diagnostics: { code: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
    }[];
    const found: [string, string][] = [];
    for (const report of reports) {
      const lines = files[path.basename(report.file)].split('\n');
      for (const d of report.diagnostics) {
        if (d.code !== 'unknown-user') continue;
        assert.equal(d.range.start.line, d.range.end.line);
        found.push([path.basename(report.file), lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)]);
      }
    }
    return found.sort();
  }

  it('a pool in one language, tasks in the other three: only the undefined names are reported', async () => {
    const found = await check({
      'Pool.cs': POOL_CS,
      'Tasks.java': javaLegacy(
        'task.withUserIdentity(new UserIdentity().withUserName("adminUser"));\nUserIdentity typo = new UserIdentity().withUserName("admnUser");',
      ),
      'tasks.py': pyLegacy(
        "ok = batchmodels.UserIdentity(user_name='nonAdminUser')\nbad = batchmodels.UserIdentity(user_name='nonadminuser')",
      ),
      'task.json': json({
        value: [
          { id: 'a', commandLine: 'x', userIdentity: { username: 'adminUser' } },
          { id: 'b', commandLine: 'x', userIdentity: { username: 'root' } },
        ],
      }),
    });
    assert.deepEqual(found, [
      ['Tasks.java', '"admnUser"'],
      ['task.json', '"root"'],
      ['tasks.py', "'nonadminuser'"],
    ]);
  });

  it('pools in Python and ARM, a C# task', async () => {
    const found = await check({
      'pool.py': POOL_PY,
      'pool.json': POOL_ARM,
      'Task.cs': csLegacy(
        'task.UserIdentity = new UserIdentity("pyUser");\nvar b = new UserIdentity("armUser");\nvar c = new UserIdentity("adminUser");',
      ),
    });
    assert.deepEqual(found, [['Task.cs', '"adminUser"']]);
  });

  it('no pool in the checked files: no unknown-user', async () => {
    const found = await check({
      'Task.cs': csLegacy('task.UserIdentity = new UserIdentity("ghost");'),
      'task.json': json({ id: 't', commandLine: 'x', userIdentity: { username: 'ghost' } }),
    });
    assert.deepEqual(found, []);
  });
});

describe('unknown-user judges a task against the pool it runs on, when that pool is in view', () => {
  // Hand-made facts: which pool a task runs on (`Holder.pool`) and a pool's id (`PoolFact.id`) are
  // the adapters' to fill; the rule reads them the same whichever language did.
  const TEXT = 'x'.repeat(400);
  let at = 0;
  const span = () => ({ start: at, end: (at += 5) });
  const text = (value: string): Value => ({ kind: 'string', value, span: span(), text: `"${value}"` });
  const account = (name: string, poolKey: string): UserAccountFact => ({
    span: span(),
    nameSpan: span(),
    name: text(name),
    pool: { key: poolKey },
    confidence: 'strong',
  });
  const pool = (key: string, id?: string): PoolFact => ({
    span: span(),
    nameSpan: span(),
    key,
    ...(id && { id: text(id) }),
    confidence: 'strong',
  });
  const task = (userName: string, runsOn?: Holder['pool']): IdentityFact => ({
    span: span(),
    nameSpan: span(),
    holder: { key: `task${at}`, taskKind: runsOn && 'key' in runsOn ? 'startTask' : 'jobManagerTask', ...(runsOn && { pool: runsOn }) },
    userName: text(userName),
    confidence: 'strong',
  });
  const facts = (parts: Partial<Facts>): Facts => ({ ...emptyFacts(), ...parts });
  const found = (f: Facts, workspace?: WorkspaceAccounts) =>
    unknownUserRule
      .check(f, { language: 'json', languageAt: () => 'json' as const, fixScope: 'omit', workspace })
      .map((finding) => [finding.message, f.identities.find((i) => i.userName?.span.start === finding.span.start)?.userName?.text]);
  const message = (id: 'unknown' | 'notOnItsPool', name: string) => messageText(unknownUserRule.messages, [id, { name }]);

  it('a start task naming a user its own pool lacks, though another pool of the file has it: reported as not on its pool', () => {
    const f = facts({
      pools: [pool('p1'), pool('p2')],
      accounts: [account('worker', 'p1'), account('adminUser', 'p2')],
      identities: [task('adminUser', { key: 'p1' }), task('worker', { key: 'p1' })],
    });
    assert.deepEqual(found(f), [[message('notOnItsPool', 'adminUser'), '"adminUser"']]);
  });

  it('a job naming its pool by id: judged against that pool, in this file or through the workspace index', async () => {
    const local = facts({
      pools: [pool('p1', 'render-pool'), pool('p2', 'other-pool')],
      accounts: [account('renderer', 'p1'), account('ops', 'p2')],
      identities: [task('ops', { id: text('render-pool') }), task('renderer', { id: text('render-pool') })],
    });
    assert.deepEqual(found(local), [[message('notOnItsPool', 'ops'), '"ops"']]);

    // The pool is defined in another file (its facts indexed as the server and the CLI index them).
    const poolFile = facts({
      pools: [pool('q', 'render-pool'), pool('r', 'other-pool')],
      accounts: [account('renderer', 'q'), account('ops', 'r')],
    });
    const index = new AccountIndex();
    index.update('file:///ws/pools.json', accountsIn('file:///ws/pools.json', TEXT, poolFile));
    assert.deepEqual(index.poolAccounts('render-pool'), ['renderer']);
    const job = facts({ identities: [task('ops', { id: text('render-pool') }), task('renderer', { id: text('render-pool') })] });
    assert.deepEqual(found(job, index), [[message('notOnItsPool', 'ops'), '"ops"']]);
    // Without the pool's facts in view, 'ops' is defined somewhere in the project: nothing to say.
    assert.deepEqual(
      found(job, { hasPools: true, lookup: (name) => (name === 'ops' || name === 'renderer' ? [{ uri: 'u', line: 0 }] : []) }),
      [],
    );
  });

  it("the pool named is not in view (an id no pool here has, or a pool whose accounts are not literals): the whole project's pools decide", () => {
    const f = facts({
      pools: [pool('p1', 'render-pool')],
      accounts: [account('renderer', 'p1'), { ...account('x', 'p2'), name: { kind: 'expr', span: span(), text: 'name' } }],
      identities: [task('renderer', { id: text('elsewhere') }), task('ghost', { id: text('elsewhere') }), task('renderer', { key: 'p2' })],
    });
    assert.deepEqual(found(f), [[message('unknown', 'ghost'), '"ghost"']]);
  });

  it("the index tells who asked about a pool id when that pool's accounts change", async () => {
    const index = new AccountIndex();
    const changes: string[][] = [];
    index.onChange((change) => changes.push([...change.poolIds]));
    const lookups = new RecordedLookups(index);
    assert.equal(lookups.poolAccounts('render-pool'), undefined);
    const poolFile = (name: string) => facts({ pools: [pool('q', 'render-pool')], accounts: [account(name, 'q')] });
    index.update('file:///ws/a.json', accountsIn('file:///ws/a.json', TEXT, poolFile('renderer')));
    // The same name moving to another pool changes no name, but it changes the pool's accounts.
    const moved = facts({ pools: [pool('q', 'other-pool')], accounts: [account('renderer', 'q')] });
    const change = { uri: 'file:///ws/a.json', names: new Set<string>(), pools: false, poolIds: new Set(['render-pool', 'other-pool']) };
    assert.equal(index.update('file:///ws/a.json', accountsIn('file:///ws/a.json', TEXT, moved)), true);
    assert.deepEqual(changes, [['render-pool'], ['render-pool', 'other-pool']]);
    assert.equal(lookups.concerns(change), true);
    assert.equal(new RecordedLookups(index).concerns(change), false, 'an analysis that asked nothing is not concerned');
  });
});

describe('unknown-user in a sample document', () => {
  // Hand-made facts as the JSON adapter gives them for swagger examples of Batch operations.
  const name = (value: string, start: number): Value => ({ kind: 'string', value, span: { start, end: start + 5 }, text: `"${value}"` });
  const pool = (sampleDocument: boolean): Facts => ({
    ...emptyFacts(),
    accounts: [
      { span: { start: 0, end: 9 }, nameSpan: { start: 0, end: 1 }, name: name('user1', 1), pool: { key: 'p' }, confidence: 'strong' },
    ],
    ...(sampleDocument && { samples: [{ start: 0, end: 20 }] }),
  });
  const task = (sampleDocument: boolean): Facts => ({
    ...emptyFacts(),
    identities: [{ span: { start: 0, end: 9 }, nameSpan: { start: 0, end: 1 }, userName: name('user2', 1), confidence: 'strong' }],
    ...(sampleDocument && { samples: [{ start: 0, end: 20 }] }),
  });
  const context = (workspace: AccountIndex) =>
    ({ language: 'json', languageAt: () => 'json' as const, fixScope: 'omit', workspace }) as const;

  it("a swagger example's task names a placeholder user: not reported", () => {
    const index = new AccountIndex();
    index.update('file:///ws/pool.json', accountsIn('file:///ws/pool.json', 'x'.repeat(20), pool(false)));
    assert.equal(unknownUserRule.check(task(true), context(index)).length, 0);
    assert.equal(unknownUserRule.check(task(false), context(index)).length, 1, 'the same task elsewhere is');
  });

  it("a swagger example's pool accounts resolve no real task's user", () => {
    assert.deepEqual(accountsIn('file:///ws/example.json', 'x'.repeat(20), pool(true)), []);
    assert.equal(accountsIn('file:///ws/pool.json', 'x'.repeat(20), pool(false)).length, 1);
  });
});
