/**
 * hardcoded-password (Warning): a user account password written as a string literal. Look-ups of
 * the environment, a secret store or configuration, parameters, ARM `[parameters(...)]` expressions
 * and documentation placeholders (`<secret>`, `******`) pass. A literal held in a constant is
 * squiggled where it is written. The message never repeats the value; no fix.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyFacts, type Facts, type UserAccountFact, type Value } from '../../../server/src/engine/facts';
import { hardcodedPasswordRule } from '../../../server/src/rules/hardcodedPassword';
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
import { HARDCODED_PASSWORD } from './typescriptRows';

/** What each message says, word for word. */
const SAYS: Says<typeof hardcodedPasswordRule> = [
  [
    'hardcoded',
    'This user account password is written in the source. Read it from a secret store, the environment or a template parameter.',
  ],
];

ruleTable(hardcodedPasswordRule, { subject: 'accounts', says: SAYS, sdk: csharpStubRows() }, [
  // C# -------------------------------------------------------------------------------------------
  {
    name: 'Microsoft.Azure.Batch: positional and named password: literals',
    language: 'csharp',
    text: csLegacy(
      'pool.UserAccounts = new List<UserAccount>\n{\n    new UserAccount("ops", "Winter2024!", ElevationLevel.Admin),\n    new UserAccount(name: "worker", password: @"p@ss\\word"),\n};',
    ),
    found: [
      ['warning', '"Winter2024!"', 'hardcoded'],
      ['warning', '@"p@ss\\word"', 'hardcoded'],
    ],
  },
  {
    name: 'Microsoft.Azure.Batch: a const field, squiggled where it is written',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\n\nclass Accounts\n{\n    private const string OpsPassword = "Summer2024!";\n\n    UserAccount Ops() => new UserAccount("ops", OpsPassword);\n}\n',
    found: [['warning', '"Summer2024!"', 'hardcoded']],
  },
  {
    name: 'Azure.Compute.Batch: constructor literal; Password property set later',
    language: 'csharp',
    text: csNew('var ops = new UserAccount("ops", "Autumn2024!");\nops.Password = "Spring2025!";\npool.UserAccounts.Add(ops);'),
    found: [['warning', '"Spring2025!"', 'hardcoded']],
  },
  {
    name: 'Microsoft.Azure.Batch: environment, configuration, key vault, parameter, placeholder',
    language: 'csharp',
    text: csLegacy(
      'pool.UserAccounts = new List<UserAccount>\n{\n' +
        '    new UserAccount("a", Environment.GetEnvironmentVariable("BATCH_PW")),\n' +
        '    new UserAccount("b", configuration["Batch:Password"]),\n' +
        '    new UserAccount("c", vault.GetSecret("batch-pw").Value.Value),\n' +
        '    new UserAccount("d", secret),\n' +
        '    new UserAccount("e", "<password>"),\n' +
        '};',
      'CloudPool pool, IConfiguration configuration, SecretClient vault, string secret',
    ),
    found: [],
    seen: 5,
  },
  {
    name: 'Microsoft.Azure.Batch: a target-typed account added to pool.UserAccounts',
    language: 'csharp',
    text: csLegacy('pool.UserAccounts.Add(new("admin", "Winter2024!"));'),
    found: [['warning', '"Winter2024!"', 'hardcoded']],
    sdk: 'compiles',
  },
  {
    name: 'Azure.Compute.Batch: a target-typed account added to pool.UserAccounts',
    language: 'csharp',
    text: csNew('pool.UserAccounts.Add(new("admin", "Winter2024!"));'),
    found: [['warning', '"Winter2024!"', 'hardcoded']],
    sdk: 'compiles',
  },
  {
    name: 'Azure.ResourceManager.Batch: new BatchUserAccount(name, password) with a literal',
    language: 'csharp',
    text: csArm(
      'pool.UserAccounts.Add(new BatchUserAccount("admin", "Winter2024!") { ElevationLevel = BatchUserAccountElevationLevel.Admin });',
    ),
    found: [['warning', '"Winter2024!"', 'hardcoded']],
    sdk: 'compiles',
  },
  {
    name: 'Azure.ResourceManager.Batch: a literal through a local variable, squiggled where it is written',
    language: 'csharp',
    text: csArm('var password = "Winter2024!";\nvar data = new BatchAccountPoolData { UserAccounts = { new("admin", password) } };'),
    found: [['warning', '"Winter2024!"', 'hardcoded']],
    sdk: 'compiles',
  },
  {
    name: 'Microsoft.Azure.Management.Batch: positional literal in a pool constructor',
    language: 'csharp',
    text: csMgmt(
      'var created = new Pool(userAccounts: new List<UserAccount> { new UserAccount("admin", "Winter2024!", ElevationLevel.Admin) });',
    ),
    found: [['warning', '"Winter2024!"', 'hardcoded']],
    sdk: 'compiles',
  },
  {
    name: 'Azure.ResourceManager.Batch: environment, parameter, a reassigned local',
    language: 'csharp',
    text: csArm(
      'pool.UserAccounts.Add(new BatchUserAccount("a", Environment.GetEnvironmentVariable("BATCH_PW")));\n' +
        'pool.UserAccounts.Add(new("b", secret));\n' +
        'var pw = "changeme";\npw = secret;\npool.UserAccounts.Add(new("c", pw));',
    ),
    found: [],
    seen: 3,
    sdk: 'compiles',
  },
  {
    name: 'Microsoft.Azure.Management.Batch: a parameter by position, configuration by name',
    language: 'csharp',
    text: csMgmt(
      'pool.UserAccounts = new List<UserAccount>\n{\n    new UserAccount("a", secret),\n    new UserAccount(name: "b", password: Environment.GetEnvironmentVariable("BATCH_PW")),\n};',
    ),
    found: [],
    seen: 2,
    sdk: 'compiles',
  },

  {
    name: 'Microsoft.Azure.Batch: a literal through a local variable, squiggled where it is written',
    language: 'csharp',
    text: csLegacy('var opsPassword = "Winter2024!";\npool.UserAccounts.Add(new UserAccount("ops", opsPassword));'),
    found: [['warning', '"Winter2024!"', 'hardcoded']],
  },
  {
    name: 'Microsoft.Azure.Batch: placeholders filled in later, in place and through a local variable or constant',
    language: 'csharp',
    text:
      'using System.Collections.Generic;\nusing Microsoft.Azure.Batch;\n\nclass Accounts\n{\n    private const string ArmPassword = "[parameters(\'adminPassword\')]";\n\n' +
      '    void Configure(CloudPool pool)\n    {\n        var pipelinePassword = "$(BatchPassword)";\n' +
      '        pool.UserAccounts = new List<UserAccount>\n        {\n' +
      '            new UserAccount("a", pipelinePassword),\n' +
      '            new UserAccount("b", ArmPassword),\n' +
      '            new UserAccount("c", "${BATCH_PASSWORD}"),\n' +
      '            new UserAccount("d", "%BATCH_PASSWORD%"),\n' +
      '            new UserAccount("e", "{{ batch_password }}"),\n' +
      '            new UserAccount("f", "#{BatchPassword}#"),\n' +
      '        };\n    }\n}\n',
    found: [],
    seen: 6,
  },

  // Java -----------------------------------------------------------------------------------------
  {
    name: 'legacy: withPassword("…")',
    language: 'java',
    text: javaLegacy(
      'pool.withUserAccounts(Arrays.asList(new UserAccount().withName("ops").withPassword("Winter2024!").withElevationLevel(ElevationLevel.ADMIN)));',
    ),
    found: [['warning', '"Winter2024!"', 'hardcoded']],
  },
  {
    name: 'legacy: a static final constant, squiggled where it is written',
    language: 'java',
    text:
      'import com.microsoft.azure.batch.protocol.models.*;\n\nclass Accounts {\n    private static final String OPS_PASSWORD = "Summer2024!";\n\n' +
      '    UserAccount ops() {\n        return new UserAccount().withName("ops").withPassword(OPS_PASSWORD);\n    }\n}\n',
    found: [['warning', '"Summer2024!"', 'hardcoded']],
  },
  {
    name: 'com.azure.compute.batch: the (name, password) constructor',
    language: 'java',
    text: javaNew('pool.setUserAccounts(Arrays.asList(new UserAccount("ops", "Autumn2024!")));'),
    found: [['warning', '"Autumn2024!"', 'hardcoded']],
  },
  {
    name: 'legacy: environment, key vault, parameter, placeholder',
    language: 'java',
    text: javaLegacy(
      'pool.withUserAccounts(Arrays.asList(\n' +
        '        new UserAccount().withName("a").withPassword(System.getenv("BATCH_PW")),\n' +
        '        new UserAccount().withName("b").withPassword(vault.getSecret("batch-pw").getValue()),\n' +
        '        new UserAccount().withName("c").withPassword(secret),\n' +
        '        new UserAccount().withName("d").withPassword("<password>")));',
      'PoolAddParameter pool, SecretClient vault, String secret',
    ),
    found: [],
    seen: 4,
  },

  {
    name: 'com.azure.compute.batch: the constructor given an environment look-up',
    language: 'java',
    text: javaNew('pool.setUserAccounts(Arrays.asList(new UserAccount("ops", System.getenv("BATCH_PW"))));'),
    found: [],
    seen: 1,
  },
  {
    name: 'com.azure.resourcemanager.batch: withPassword("…") in a pool definition',
    language: 'java',
    text: javaMgmt(
      'manager.pools().define("render").withExistingBatchAccount("rg", "account")\n' +
        '    .withUserAccounts(Arrays.asList(new UserAccount().withName("ops").withPassword("Winter2024!")))\n' +
        '    .create();',
    ),
    found: [['warning', '"Winter2024!"', 'hardcoded']],
  },
  {
    name: 'com.azure.resourcemanager.batch: an environment look-up, a parameter, a placeholder',
    language: 'java',
    text: javaMgmt(
      'List<UserAccount> users = Arrays.asList(\n' +
        '    new UserAccount().withName("a").withPassword(System.getenv("BATCH_PW")),\n' +
        '    new UserAccount().withName("b").withPassword(secret),\n' +
        '    new UserAccount().withName("c").withPassword("<password>"));',
    ),
    found: [],
    seen: 3,
  },
  {
    name: 'com.microsoft.azure.management.batch: a local given through users.get(0), as the SDK’s own pool test does',
    language: 'java',
    text: javaMgmtLegacy(
      'String userAccountPassword = "fluentPA$$w0rdForBATCH";\n' +
        'List<UserAccount> userAccounts = new ArrayList<>();\n' +
        'userAccounts.add(new UserAccount());\n' +
        'userAccounts.get(0).withName("username1").withPassword(userAccountPassword).withElevationLevel(ElevationLevel.ADMIN);',
    ),
    found: [['warning', '"fluentPA$$w0rdForBATCH"', 'hardcoded']],
  },
  {
    name: 'legacy: a field read as this.password, a local assigned once after its declaration',
    language: 'java',
    text:
      'import com.microsoft.azure.batch.protocol.models.*;\n\nclass Accounts {\n    private final String password = "Spring2024!";\n\n' +
      '    UserAccount ops() {\n        return new UserAccount().withName("ops").withPassword(this.password);\n    }\n\n' +
      '    UserAccount dev() {\n        String pw;\n        pw = "Summer2024!";\n        return new UserAccount().withName("dev").withPassword(pw);\n    }\n}\n',
    found: [
      ['warning', '"Spring2024!"', 'hardcoded'],
      ['warning', '"Summer2024!"', 'hardcoded'],
    ],
  },
  {
    name: 'com.microsoft.azure.management.batch: environment, parameter, a local assigned twice',
    language: 'java',
    text: javaMgmtLegacy(
      'String pw;\n' +
        'if (secret.isEmpty()) {\n' +
        '    pw = "Winter2024!";\n' +
        '} else {\n' +
        '    pw = secret;\n' +
        '}\n' +
        'List<UserAccount> users = Arrays.asList(\n' +
        '    new UserAccount().withName("a").withPassword(System.getenv("BATCH_PW")),\n' +
        '    new UserAccount().withName("b").withPassword(secret),\n' +
        '    new UserAccount().withName("c").withPassword(pw));',
    ),
    found: [],
    seen: 3,
  },

  {
    name: 'legacy: a literal through a local variable, squiggled where it is written',
    language: 'java',
    text: javaLegacy(
      'String opsPassword = "Winter2024!";\npool.withUserAccounts(Arrays.asList(new UserAccount().withName("ops").withPassword(opsPassword)));',
    ),
    found: [['warning', '"Winter2024!"', 'hardcoded']],
  },
  {
    name: 'com.azure.compute.batch: placeholders filled in later, in place and through a local variable',
    language: 'java',
    text: javaNew(
      'String pipelinePassword = "$(BatchPassword)";\npool.setUserAccounts(Arrays.asList(\n' +
        '        new UserAccount("a", pipelinePassword),\n' +
        '        new UserAccount("b", "${BATCH_PASSWORD}"),\n' +
        '        new UserAccount("c", "%BATCH_PASSWORD%"),\n' +
        '        new UserAccount("d", "<password>")));',
    ),
    found: [],
    seen: 4,
  },

  // Python ---------------------------------------------------------------------------------------
  {
    name: 'legacy: password= literal; positional literal',
    language: 'python',
    text: pyLegacy(
      "users = [batchmodels.UserAccount(name='ops', password='Winter2024!'), batchmodels.UserAccount('worker', 'Summer2024!')]",
    ),
    found: [
      ['warning', "'Winter2024!'", 'hardcoded'],
      ['warning', "'Summer2024!'", 'hardcoded'],
    ],
  },
  {
    name: 'legacy: a module constant, squiggled where it is written',
    language: 'python',
    text: pyLegacy("OPS_PASSWORD = 'Autumn2024!'\n\nops = batchmodels.UserAccount(name='ops', password=OPS_PASSWORD)"),
    found: [['warning', "'Autumn2024!'", 'hardcoded']],
  },
  {
    name: 'legacy: one constant given to two accounts: one finding where it is written',
    language: 'python',
    text: pyLegacy(
      "OPS_PASSWORD = 'Autumn2024!'\n\n" +
        "accounts = [batchmodels.UserAccount(name='a', password=OPS_PASSWORD), batchmodels.UserAccount(name='b', password=OPS_PASSWORD)]",
    ),
    found: [['warning', "'Autumn2024!'", 'hardcoded']],
    seen: 2,
  },
  {
    name: '15.x: password= literal',
    language: 'python',
    text: py15("ops = models.UserAccount(name='ops', password='Spring2025!')"),
    found: [['warning', "'Spring2025!'", 'hardcoded']],
  },
  {
    name: 'mgmt: password= literal',
    language: 'python',
    text: pyMgmt("ops = mgmt.UserAccount(name='ops', password='Spring2025!')"),
    found: [['warning', "'Spring2025!'", 'hardcoded']],
  },
  {
    name: 'mgmt: a literal set by a later statement',
    language: 'python',
    text: pyMgmt("ops = mgmt.UserAccount(name='ops', password=os.environ['PW'])\nops.password = 'Spring2025!'"),
    found: [['warning', "'Spring2025!'", 'hardcoded']],
  },
  {
    name: 'mgmt: a literal through a module constant, squiggled where it is written',
    language: 'python',
    text: pyMgmt("ADMIN_PASSWORD = 'Spring2025!'\nops = mgmt.UserAccount(name='ops', password=ADMIN_PASSWORD)"),
    found: [['warning', "'Spring2025!'", 'hardcoded']],
  },
  {
    name: 'legacy: os.environ, os.getenv, a key vault secret, settings, a constant from the environment, the docs’ ******',
    language: 'python',
    text: pyLegacy(
      "from azure.keyvault.secrets import SecretClient\n\nvault = SecretClient(vault_url='https://v.vault.azure.net', credential=None)\nPASSWORD = os.environ['BATCH_PW']\n\n" +
        'def users(settings):\n    return [\n' +
        "        batchmodels.UserAccount(name='a', password=os.environ['BATCH_PW']),\n" +
        "        batchmodels.UserAccount(name='b', password=os.getenv('BATCH_PW')),\n" +
        "        batchmodels.UserAccount(name='c', password=vault.get_secret('batch-pw').value),\n" +
        "        batchmodels.UserAccount(name='d', password=settings.batch_password),\n" +
        "        batchmodels.UserAccount(name='e', password=PASSWORD),\n" +
        "        batchmodels.UserAccount(name='f', password='******'),\n" +
        '    ]',
    ),
    found: [],
    seen: 6,
  },

  {
    name: "legacy: a literal through a function's local variable, squiggled where it is written",
    language: 'python',
    text: pyLegacy(
      "def users():\n    ops_password = 'Winter2024!'\n    return [batchmodels.UserAccount(name='ops', password=ops_password)]",
    ),
    found: [['warning', "'Winter2024!'", 'hardcoded']],
  },
  {
    name: 'legacy: placeholders filled in later, in place and through a module constant',
    language: 'python',
    text: pyLegacy(
      'ARM_PASSWORD = "[parameters(\'adminPassword\')]"\n\nusers = [\n' +
        "    batchmodels.UserAccount(name='a', password=ARM_PASSWORD),\n" +
        "    batchmodels.UserAccount(name='b', password='{{ batch_password }}'),\n" +
        "    batchmodels.UserAccount(name='c', password='%BATCH_PASSWORD%'),\n" +
        "    batchmodels.UserAccount(name='d', password='${BATCH_PASSWORD}'),\n" +
        ']',
    ),
    found: [],
    seen: 4,
  },

  // JSON -----------------------------------------------------------------------------------------
  {
    name: 'REST pool: a literal',
    language: 'json',
    text: json({ id: 'p', vmSize: 's', userAccounts: [{ name: 'ops', password: 'Winter2024!' }] }),
    found: [['warning', '"Winter2024!"', 'hardcoded']],
  },
  {
    name: 'CLI template: a literal beside a parameter',
    language: 'json',
    text: cliTemplate('pool', {
      id: 'p',
      vmSize: 's',
      userAccounts: [
        { name: 'ops', password: "[parameters('opsPassword')]" },
        { name: 'worker', password: 'Summer2024!' },
      ],
    }),
    found: [['warning', '"Summer2024!"', 'hardcoded']],
  },
  {
    name: 'ARM: a literal',
    language: 'json',
    text: armPool({ userAccounts: [{ name: 'ops', password: 'Autumn2024!', elevationLevel: 'Admin' }] }),
    found: [['warning', '"Autumn2024!"', 'hardcoded']],
  },
  {
    name: 'ARM: [parameters(...)] and other template expressions',
    language: 'json',
    text: armPool({
      userAccounts: [
        { name: 'a', password: "[parameters('adminPassword')]" },
        { name: 'b', password: "[reference(resourceId('Microsoft.KeyVault/vaults/secrets', 'kv', 'pw')).secretValue]" },
      ],
    }),
    found: [],
    seen: 2,
  },
  {
    name: 'REST: pipeline variables and placeholders',
    language: 'json',
    text: json({
      id: 'p',
      vmSize: 's',
      userAccounts: [
        { name: 'a', password: '$(BatchPassword)' },
        { name: 'b', password: '${BATCH_PASSWORD}' },
        { name: 'c', password: '#{BatchPassword}#' },
        { name: 'd', password: '<secret>' },
        { name: 'e', password: '%BATCH_PASSWORD%' },
        { name: 'f', password: '{{ batchPassword }}' },
        { name: 'g', password: '__BatchPassword__' },
      ],
    }),
    found: [],
    seen: 7,
  },
  {
    name: 'Python: an account of a vendored module in a Batch file (weak evidence): one step lower',
    language: 'python',
    text: "import azure.batch.batch_auth\nfrom vendored.models import UserAccount\n\nops = UserAccount(name='ops', password='Winter2024!')\n",
    found: [['information', "'Winter2024!'", 'hardcoded']],
  },
  {
    name: 'JSON: a Batch-shaped account outside a Batch document (weak evidence): one step lower',
    language: 'json',
    text: json({ settings: { userAccounts: [{ name: 'ops', password: 'Winter2024!', elevationLevel: 'admin' }] } }),
    found: [['information', '"Winter2024!"', 'hardcoded']],
  },
  ...HARDCODED_PASSWORD,
]);

it('hardcoded-password never repeats the password', async () => {
  const text = pyLegacy("ops = batchmodels.UserAccount(name='ops', password='Winter2024!')");
  const analysis = await analyze('python', text);
  analysis.release();
  const [finding] = analysis.findings.filter((f) => f.rule === 'hardcoded-password');
  assert.ok(finding);
  assert.ok(!finding.message.includes('Winter2024'));
});

describe('hardcoded-password in a sample document', () => {
  // Hand-made facts as the JSON adapter gives them for a swagger example of a Batch operation
  // (`"password": "examplepassword"`): the rule reads `samples`, whichever adapter sets them.
  const text = '{"userAccounts": [{"name": "ops", "password": "examplepassword"}]}';
  const facts = (sampleDocument: boolean): Facts => {
    const value = '"examplepassword"';
    const start = text.indexOf(value);
    const password: Value = { kind: 'string', value: 'examplepassword', span: { start, end: start + value.length }, text: value };
    const account: UserAccountFact = {
      span: { start: 0, end: text.length },
      nameSpan: { start: 0, end: 1 },
      password,
      confidence: 'strong',
    };
    return { ...emptyFacts(), accounts: [account], ...(sampleDocument && { samples: [{ start: 0, end: text.length }] }) };
  };
  const context = { language: 'json', languageAt: () => 'json' as const, fixScope: 'omit' } as const;

  it('a swagger example: its password is a placeholder by design, not reported', () => {
    assert.deepEqual(hardcodedPasswordRule.check(facts(true), context), []);
  });

  it('the same account in any other document is reported', () => {
    assert.deepEqual(
      hardcodedPasswordRule.check(facts(false), context).map((f) => text.slice(f.span.start, f.span.end)),
      ['"examplepassword"'],
    );
  });
});
