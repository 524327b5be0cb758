/**
 * Completion at positions in each language: what is proposed where, and that accepting a
 * proposal (its defaults) leaves code the engine reads without a syntax error or a finding.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, type ParseError } from 'jsonc-parser';
import type { LanguageId } from '../../../server/src/engine/facts';
import { analyze, squiggles } from '../../helpers/engine';
import { SNIPPETS } from '../../../server/src/batch/snippets';
import { expand } from '../snippets/expand';
import { account, complete, type Completed } from './helpers';

const POOL_URI = 'file:///work/pool.json';
const ACCOUNTS = [
  account('adminUser', POOL_URI, { poolId: 'render', line: 6, windows: true, loginMode: 'batch' }),
  account('mpi', 'file:///work/linux.json', { poolId: 'mpi-pool', line: 9, elevation: 'nonAdmin', linux: true, uid: 1001, gid: 1001 }),
];
/** The workspace the accepted code is checked against: both accounts defined. */
const WORKSPACE = { hasPools: true, lookup: (name: string) => (ACCOUNTS.some((a) => a.name === name) ? [{ uri: POOL_URI, line: 6 }] : []) };

async function clean(language: LanguageId, text: string): Promise<void> {
  assert.deepEqual(await squiggles(language, text, { workspace: WORKSPACE }), [], text);
  const analysis = await analyze(language, text);
  analysis.release();
  assert.equal(analysis.file?.hasSyntaxErrors ?? false, false, `syntax errors in\n${text}`);
}

/** The user names among a list's proposals, in list order. */
function userNamesIn(c: Completed): string[] {
  const users = new Set(c.items.filter((i) => i.kind === 'user').map((i) => i.label));
  return c.labels.filter((label) => users.has(label));
}

function strictJson(text: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  assert.deepEqual(errors, [], text);
  return value;
}

describe('JSON completion', () => {
  const TASK = '{\n  "id": "render",\n  "commandLine": "render.exe"\n  |\n}\n';

  it('in a task object: userIdentity and the identity snippets as that member; the comma the member before lacks is added', async () => {
    const c = await complete('json', TASK, ACCOUNTS);
    assert.deepEqual(c.labels, ['userIdentity', 'batch-autouser-admin', 'batch-autouser-pool', 'batch-task-named-user']);
    const admin = c.accept('batch-autouser-admin');
    assert.deepEqual(strictJson(admin), {
      id: 'render',
      commandLine: 'render.exe',
      userIdentity: { autoUser: { scope: 'task', elevationLevel: 'admin' } },
    });
    assert.match(admin, /\n {2}"userIdentity": \{\n {4}"autoUser": \{\n {6}"scope": "task",/, 'the file’s two-space indentation');
    await clean('json', admin);
    const named = c.accept('batch-task-named-user');
    assert.deepEqual((strictJson(named) as { userIdentity: unknown }).userIdentity, { username: 'adminUser' });
    await clean('json', named);
  });

  it('before another member: the inserted one ends with a comma; a typed key with its quote is replaced', async () => {
    const c = await complete('json', '{\n\t"id": "render",\n\t"us|"\n\t"commandLine": "render.exe"\n}\n', ACCOUNTS);
    const text = c.accept('batch-autouser-pool');
    assert.deepEqual(strictJson(text), {
      id: 'render',
      userIdentity: { autoUser: { scope: 'pool', elevationLevel: 'nonadmin' } },
      commandLine: 'render.exe',
    });
    assert.match(text, /\n\t"userIdentity": \{\n\t\t"autoUser"/, 'tabs, as the file');
  });

  it('a task that has an identity is offered none', async () => {
    const c = await complete('json', '{"id": "t", "commandLine": "c", "userIdentity": {"username": "mpi"}, |}', ACCOUNTS);
    assert.deepEqual(c.labels, []);
  });

  it('in a pool: userAccounts and the pool snippets; the Linux account is the named-user task’s, its secrets placeholders', async () => {
    const c = await complete('json', '{\n    "id": "render",\n    "vmSize": "standard_d2s_v3",\n    |\n}\n', ACCOUNTS);
    assert.deepEqual(c.labels, ['userAccounts', 'batch-pool-users-linux', 'batch-pool-users-windows', 'batch-starttask-admin']);
    const linux = strictJson(c.accept('batch-pool-users-linux')) as { userAccounts: { name: string; password: string }[] };
    assert.equal(linux.userAccounts[0].name, 'adminUser');
    assert.equal(linux.userAccounts[0].password, '<password, from Key Vault>');
    assert.deepEqual(await squiggles('json', c.accept('batch-pool-users-linux')), []);
    assert.deepEqual(await squiggles('json', c.accept('batch-starttask-admin')), []);
  });

  it('in an ARM pool resource: PascalCase members, userName, and secrets as parameter references', async () => {
    const arm =
      '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n' +
      '  "resources": [\n    {\n      "type": "Microsoft.Batch/batchAccounts/pools",\n      "apiVersion": "2024-07-01",\n      "name": "acct/render",\n' +
      '      "properties": {\n        "vmSize": "STANDARD_D2S_V3",\n        |\n      }\n    }\n  ]\n}\n';
    const c = await complete('json', arm, ACCOUNTS);
    const text = c.accept('batch-pool-users-windows');
    const accounts = (strictJson(text) as { resources: { properties: { userAccounts: { password: string; elevationLevel: string }[] } }[] })
      .resources[0].properties.userAccounts;
    assert.deepEqual(
      accounts.map((a) => [a.elevationLevel, a.password]),
      [
        ['Admin', "[parameters('adminUserPassword')]"],
        ['NonAdmin', "[parameters('nonAdminUserPassword')]"],
      ],
    );
    assert.deepEqual(await squiggles('json', text), []);
    const starting = await complete(
      'json',
      text.replace('"vmSize": "STANDARD_D2S_V3",', '"vmSize": "STANDARD_D2S_V3", "startTask": {"commandLine": "x", "userIdentity": {|}},'),
      ACCOUNTS,
    );
    assert.deepEqual(starting.labels, ['autoUser', 'userName']);
  });

  it('enum values in the document’s dialect, with the model’s explanation', async () => {
    const rest = await complete('json', '{"id": "t", "commandLine": "c", "userIdentity": {"autoUser": {"elevationLevel": "|"}}}');
    assert.deepEqual(rest.labels, ['nonadmin', 'admin']);
    assert.match(rest.items.find((i) => i.label === 'admin')!.documentation!, /full Administrator permissions/);
    const unquoted = await complete('json', '{"id": "t", "commandLine": "c", "userIdentity": {"autoUser": {"scope": |}}}');
    assert.deepEqual(unquoted.labels, ['"task"', '"pool"']);
    assert.equal(unquoted.accept('"pool"'), '{"id": "t", "commandLine": "c", "userIdentity": {"autoUser": {"scope": "pool"}}}');
  });

  it('user names: the workspace’s accounts with elevation, OS settings and defining file', async () => {
    const c = await complete('json', '{"id": "t", "commandLine": "c", "userIdentity": {"username": "|"}}', ACCOUNTS);
    assert.deepEqual(c.labels, ['adminUser', 'mpi']);
    assert.equal(c.items.find((i) => i.label === 'mpi')!.detail, 'non-admin · Linux uid 1001, gid 1001 · linux.json:10');
    assert.equal(c.items.find((i) => i.label === 'adminUser')!.detail, 'admin · Windows, batch login · pool.json:7');
  });

  it('an empty file: whole REST bodies, each valid JSON without a finding', async () => {
    const c = await complete('json', '|', ACCOUNTS);
    assert.equal(c.labels.length, 6);
    for (const label of c.labels) {
      const text = c.accept(label);
      strictJson(text);
      await clean('json', text);
    }
  });

  it('an empty file’s task bodies are the REST snippets’ bodies (one source)', async () => {
    const c = await complete('json', '|');
    for (const snippet of SNIPPETS.filter((s) => s.target === 'task'))
      assert.equal(c.accept(snippet.prefix), expand(snippet.bodies.json).replace(/\t/g, '  '), snippet.prefix);
  });

  it('nothing in JSON that is not Batch’s', async () => {
    assert.deepEqual((await complete('json', '{"name": "pkg", "version": "1.0.0", |}')).labels, []);
    assert.deepEqual(
      (await complete('json', '{"$schema": "http://json-schema.org/draft-07/schema#", "definitions": {"t": {"commandLine": "c", |}}}'))
        .labels,
      [],
    );
  });
});

describe('code completion', () => {
  it('C#: the UserIdentity member in a CloudTask initializer, with the using the enums need', async () => {
    const text =
      'using Microsoft.Azure.Batch;\n\nclass C\n{\n    void M()\n    {\n        CloudTask t = new CloudTask("t", "cmd")\n        {\n            DisplayName = "x"\n            |\n        };\n    }\n}\n';
    const c = await complete('csharp', text, ACCOUNTS);
    assert.deepEqual(c.labels, ['UserIdentity (auto-user)', 'UserIdentity (named user)']);
    const auto = c.accept('UserIdentity (auto-user)');
    assert.match(auto, /using Microsoft\.Azure\.Batch;\nusing Microsoft\.Azure\.Batch\.Common;\n/);
    assert.match(
      auto,
      /DisplayName = "x",\n {12}UserIdentity = new UserIdentity\(new AutoUserSpecification\(scope: AutoUserScope\.Pool, elevationLevel: ElevationLevel\.NonAdmin\)\)\n/,
    );
    await clean('csharp', auto);
    await clean('csharp', c.accept('UserIdentity (named user)'));
    assert.deepEqual(
      (await complete('csharp', text.replace('using Microsoft.Azure.Batch;', 'using MyCompany.Tasks;'))).labels,
      [],
      'not Batch’s CloudTask',
    );
  });

  it('Java: withUserIdentity after a dot of a TaskAddParameter chain, importing the classes it names', async () => {
    const text =
      'import com.microsoft.azure.batch.protocol.models.TaskAddParameter;\n\nclass C {\n    void m() {\n        TaskAddParameter t = new TaskAddParameter()\n                .withId("t")\n                .|;\n    }\n}\n';
    const c = await complete('java', text, ACCOUNTS);
    assert.deepEqual(c.labels, ['withUserIdentity (auto-user)', 'withUserIdentity (named user)']);
    const auto = c.accept('withUserIdentity (auto-user)');
    assert.match(auto, /import com\.microsoft\.azure\.batch\.protocol\.models\.ElevationLevel;\n/);
    await clean('java', auto);
    const named = c.accept('withUserIdentity (named user)');
    assert.doesNotMatch(named, /import .*ElevationLevel;/);
    await clean('java', named);
    const given = text.replace('.withId("t")', '.withId("t").withUserIdentity(new UserIdentity().withUserName("mpi"))');
    assert.deepEqual((await complete('java', given)).labels, [], 'the chain gives an identity already');
  });

  it('Python: user_identity= in a TaskAddParameter call, through the call’s module alias and quote', async () => {
    const text = "import azure.batch.models as batchmodels\n\ntask = batchmodels.TaskAddParameter(id='t', |command_line='cmd')\n";
    const c = await complete('python', text, ACCOUNTS);
    assert.deepEqual(c.labels, ['user_identity (auto-user)', 'user_identity (named user)']);
    const named = c.accept('user_identity (named user)');
    assert.equal(
      named,
      "import azure.batch.models as batchmodels\n\ntask = batchmodels.TaskAddParameter(id='t', user_identity=batchmodels.UserIdentity(user_name='adminUser'), command_line='cmd')\n",
    );
    await clean('python', named);
    await clean('python', c.accept('user_identity (auto-user)'));
    assert.deepEqual((await complete('python', "import mylib\n\ntask = mylib.TaskAddParameter(id='t', |)\n")).labels, []);
  });

  it('TypeScript: userIdentity in a task literal passed to the client, in the SDK’s values and the file’s quote; not in a look-alike', async () => {
    const head =
      "import { BatchServiceClient } from '@azure/batch';\n\nexport async function run(client: BatchServiceClient): Promise<void> {\n";
    const c = await complete('typescript', `${head}  await client.task.add('job', { id: 't', commandLine: 'c', us| });\n}\n`, ACCOUNTS);
    assert.deepEqual(c.labels, ['userIdentity (auto-user)', 'userIdentity (named user)']);
    const auto = c.accept('userIdentity (auto-user)');
    assert.equal(
      auto,
      `${head}  await client.task.add('job', { id: 't', commandLine: 'c', userIdentity: { autoUser: { scope: 'pool', elevationLevel: 'nonadmin' } } });\n}\n`,
    );
    await clean('typescript', auto);
    const named = c.accept('userIdentity (named user)');
    assert.match(named, /userIdentity: \{ userName: 'adminUser' \} \}\);/);
    await clean('typescript', named);

    // azure-batch 9.x: its typings' spelling; double quotes as the file writes them; a comma for the member before.
    const legacy = await complete(
      'typescript',
      'const batch = require("azure-batch");\n\nfunction run(client) {\n  return client.task.add("job", {\n    id: "t",\n    commandLine: "c"\n    |\n  });\n}\n',
    );
    assert.match(
      legacy.accept('userIdentity (auto-user)'),
      /commandLine: "c",\n {4}userIdentity: \{ autoUser: \{ scope: "pool", elevationLevel: "nonAdmin" \} \}\n/,
    );

    const given = `${head}  await client.task.add('job', { id: 't', commandLine: 'c', userIdentity: { userName: 'mpi' }, | });\n}\n`;
    assert.deepEqual((await complete('typescript', given)).labels, []);
    assert.deepEqual((await complete('typescript', "import { run } from 'mylib';\n\nrun({ id: 't', commandLine: 'c', | });\n")).labels, []);
  });

  it('the identity member only where a member goes: never inside a value, a string or a comment (it would break the code)', async () => {
    const csharp = (inside: string) =>
      `using Microsoft.Azure.Batch;\n\nclass C\n{\n    void M()\n    {\n        var t = new CloudTask("a", "b") { ${inside} };\n    }\n}\n`;
    const python = (inside: string) => `import azure.batch.models as batchmodels\n\nt = batchmodels.TaskAddParameter(${inside})\n`;
    const typescript = (inside: string) =>
      `import { BatchServiceClient } from '@azure/batch';\n\nasync function f(c: BatchServiceClient) {\n  await c.task.add('j', { ${inside} });\n}\n`;
    const offered: [LanguageId, string][] = [
      ['csharp', csharp('|')],
      ['csharp', csharp('DisplayName = "x", Us|')],
      ['python', python("id='t', |")],
      ['python', python("id='t', us|")],
      ['typescript', typescript("id: 't', |")],
      ['typescript', typescript("id: 't', us|")],
    ];
    for (const [language, text] of offered) assert.equal((await complete(language, text)).labels.length, 2, `${language}: ${text}`);
    const silent: [LanguageId, string][] = [
      ['csharp', csharp('DisplayName = "a|"')],
      ['csharp', csharp('DisplayName = na|')],
      ['csharp', csharp('/* a| */')],
      ['python', python("id='t', command_line='a|'")],
      ['python', python("id='t',  # a|\n    command_line='x'")],
      ['python', python('id=na|')],
      ['typescript', typescript("id: 't', commandLine: 'a|'")],
      ['typescript', typescript('id: x|')],
      ['typescript', typescript("id: 't', /* a| */")],
    ];
    for (const [language, text] of silent) assert.deepEqual((await complete(language, text)).labels, [], `${language}: ${text}`);
    // A named user's string inside a start task's initializer: the user names, nothing else.
    const start =
      'using Microsoft.Azure.Batch;\n\nclass C\n{\n    void M(CloudPool pool)\n    {\n' +
      '        pool.StartTask = new StartTask("setup.sh") { UserIdentity = new UserIdentity("|") };\n    }\n}\n';
    assert.deepEqual([...(await complete('csharp', start, ACCOUNTS)).labels].sort(), ['adminUser', 'mpi']);
  });

  it('user names in every language: the accounts at a named user’s string', async () => {
    const cases: [LanguageId, string][] = [
      [
        'csharp',
        'using Microsoft.Azure.Batch;\n\nclass C\n{\n    void M(CloudTask t)\n    {\n        t.UserIdentity = new UserIdentity("|");\n    }\n}\n',
      ],
      [
        'java',
        'import com.microsoft.azure.batch.protocol.models.*;\n\nclass C {\n    void m(TaskAddParameter t) {\n        t.withUserIdentity(new UserIdentity().withUserName("|"));\n    }\n}\n',
      ],
      [
        'python',
        "import azure.batch.models as batchmodels\n\ntask = batchmodels.TaskAddParameter(id='t', command_line='c', user_identity=batchmodels.UserIdentity(user_name='|'))\n",
      ],
      [
        'typescript',
        "import { BatchServiceClient } from '@azure/batch';\n\nexport async function run(client: BatchServiceClient): Promise<void> {\n  await client.task.add('job', { id: 't', commandLine: 'c', userIdentity: { userName: '|' } });\n}\n",
      ],
    ];
    for (const [language, text] of cases) {
      const c = await complete(language, text, ACCOUNTS);
      assert.deepEqual([...c.labels].sort(), ['adminUser', 'mpi'], language);
      await clean(language, c.accept('mpi'));
    }
  });

  it('C# and Python: a start task’s user names, the accounts of its own pool first', async () => {
    const csharp = (pool: string) =>
      'using System.Collections.Generic;\nusing Microsoft.Azure.Batch;\n\nclass C\n{\n' +
      `    void M(BatchClient client, CloudPool given, VirtualMachineConfiguration configuration, string secret)\n    {\n${pool}` +
      '        pool.UserAccounts = new List<UserAccount> { new UserAccount("mpi", secret) };\n' +
      '        pool.StartTask = new StartTask("setup.sh") { UserIdentity = new UserIdentity("|") };\n    }\n}\n';
    const python = (startTask: string) =>
      'import os\nimport azure.batch.models as batchmodels\n\n' +
      "start = batchmodels.StartTask(command_line='setup.sh', user_identity=batchmodels.UserIdentity(user_name='|'))\n" +
      `pool = batchmodels.PoolAddParameter(id='p', vm_size='s', user_accounts=[batchmodels.UserAccount(name='mpi', password=os.environ['PW'])]${startTask})\n`;
    const own: [LanguageId, string][] = [
      ['csharp', csharp('        var pool = client.PoolOperations.CreatePool("p", "s", configuration);\n')],
      ['python', python(', start_task=start')],
    ];
    for (const [language, text] of own) {
      const c = await complete(language, text, ACCOUNTS);
      assert.deepEqual(userNamesIn(c), ['mpi', 'adminUser'], language);
      const mpi = c.items.find((i) => i.label === 'mpi')!;
      assert.equal(mpi.description, "this task's pool", language);
      assert.equal(mpi.preselect, true, language);
    }
    // Not certain which pool (a pool the file does not build; a start task given to none): no order but the names'.
    const unsure: [LanguageId, string][] = [
      ['csharp', csharp('        var pool = given;\n')],
      ['python', python('')],
    ];
    for (const [language, text] of unsure) {
      const c = await complete(language, text, ACCOUNTS);
      assert.deepEqual(userNamesIn(c), ['adminUser', 'mpi'], language);
      assert.equal(
        c.items.some((i) => i.kind === 'user' && i.description !== undefined),
        false,
        language,
      );
    }
  });

  it('Java: a start task’s user names, the accounts of its own pool first', async () => {
    const java = (poolBuilt: boolean) =>
      'import com.microsoft.azure.batch.protocol.models.*;\nimport java.util.*;\n\nclass C {\n' +
      '    void m(PoolAddParameter given, String secret) {\n' +
      '        StartTask start = new StartTask().withCommandLine("setup.sh").withUserIdentity(new UserIdentity().withUserName("|"));\n' +
      `        ${poolBuilt ? 'PoolAddParameter pool = new PoolAddParameter()' : 'given'}` +
      '.withUserAccounts(Arrays.asList(new UserAccount().withName("mpi").withPassword(secret))).withStartTask(start);\n    }\n}\n';
    const own = await complete('java', java(true), ACCOUNTS);
    assert.deepEqual(userNamesIn(own), ['mpi', 'adminUser']);
    const mpi = own.items.find((i) => i.label === 'mpi')!;
    assert.equal(mpi.description, "this task's pool");
    assert.equal(mpi.preselect, true);
    // A pool the file does not build (a parameter): no order but the names'.
    const unsure = await complete('java', java(false), ACCOUNTS);
    assert.deepEqual(userNamesIn(unsure), ['adminUser', 'mpi']);
    assert.equal(
      unsure.items.some((i) => i.kind === 'user' && i.description !== undefined),
      false,
    );
  });

  it('user names in the management SDKs’ forms', async () => {
    const cases: [LanguageId, string][] = [
      [
        'python',
        "from azure.mgmt.batch import models\n\nstart = models.StartTask(command_line='x', user_identity=models.UserIdentity(user_name='|'))\n",
      ],
      [
        'csharp',
        'using Azure.ResourceManager.Batch.Models;\n\nclass C\n{\n    BatchAccountPoolStartTask S() => new BatchAccountPoolStartTask { UserIdentity = new BatchUserIdentity { UserName = "|" } };\n}\n',
      ],
      [
        'java',
        'import com.azure.resourcemanager.batch.models.*;\n\nclass C {\n    StartTask s = new StartTask().withUserIdentity(new UserIdentity().withUsername("|"));\n}\n',
      ],
    ];
    for (const [language, text] of cases)
      assert.deepEqual([...(await complete(language, text, ACCOUNTS)).labels].sort(), ['adminUser', 'mpi'], language);
  });

  it('enum members in the SDK’s spelling at a written member', async () => {
    const c = await complete(
      'java',
      'import com.microsoft.azure.batch.protocol.models.*;\n\nclass C {\n    AutoUserSpecification a = new AutoUserSpecification().withElevationLevel(ElevationLevel.AD|MIN);\n}\n',
    );
    assert.deepEqual(c.labels, ['NON_ADMIN', 'ADMIN']);
  });

  it('TypeScript: enum members in the spelling the file’s SDK generation types', async () => {
    const at = (sdk: string) =>
      complete(
        'typescript',
        `import { BatchServiceClient } from '${sdk}';\n\nexport async function run(client: BatchServiceClient): Promise<void> {\n  await client.task.add('job', { id: 't', commandLine: 'c', userIdentity: { autoUser: { elevationLevel: 'ad|min' } } });\n}\n`,
      );
    assert.deepEqual([...(await at('@azure/batch')).labels].sort(), ['admin', 'nonadmin']);
    assert.deepEqual([...(await at('azure-batch')).labels].sort(), ['admin', 'nonAdmin']);
  });
});
