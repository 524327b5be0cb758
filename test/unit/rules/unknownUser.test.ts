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
import type { LanguageId } from '../../../server/src/engine/facts';
import { unknownUserRule } from '../../../server/src/rules/unknownUser';
import { AccountIndex, accountsIn } from '../../../server/src/workspace/accountIndex';
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
  javaNew,
  json,
  py15,
  pyLegacy,
  pyMgmt,
  ruleTable,
  type Says,
} from './table';

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

/** What each message says, word for word. */
const SAYS: Says<typeof unknownUserRule> = [
  [
    ['unknown', { name: 'opz' }],
    "No pool in this workspace defines a user account named 'opz'; a task can only run as a user account of its pool.",
  ],
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
    found: [['warning', '"opz"', ['unknown', { name: 'opz' }]]],
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
    found: [['warning', '"opz"', ['unknown', { name: 'opz' }]]],
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

describe('unknown-user: the management SDKs’ pools define users for the workspace', () => {
  it('Azure.ResourceManager.Batch and Microsoft.Azure.Management.Batch pool files, a Python task', async () => {
    const index = await indexOf({
      'file:///ws/ArmPool.cs': ['csharp', csArm('pool.UserAccounts.Add(new("armNetUser", secret));')],
      'file:///ws/MgmtPool.cs': [
        'csharp',
        csMgmt('var created = new Pool(userAccounts: new List<UserAccount> { new UserAccount("mgmtNetUser", secret) });'),
      ],
    });
    const task = pyLegacy(
      "a = batchmodels.UserIdentity(user_name='armNetUser')\nb = batchmodels.UserIdentity(user_name='mgmtNetUser')\nc = batchmodels.UserIdentity(user_name='ghost')",
    );
    assert.deepEqual(
      (await squiggles('python', task, { workspace: index })).filter((s) => s.rule === 'unknown-user').map((s) => s.text),
      ["'ghost'"],
    );
  });
});

describe('unknown-user through the CLI', () => {
  async function check(files: Record<string, string>): Promise<[string, string][]> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bi-unknown-user-'));
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(root, name), content);
    let stdout = '';
    await runCli(['check', '--format', 'json', root], { stdout: (t) => (stdout += t), stderr: () => undefined, version: '0.0.0-test' });
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
