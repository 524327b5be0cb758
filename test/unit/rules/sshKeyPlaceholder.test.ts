/**
 * ssh-key-placeholder (Warning): an SSH private key that cannot be one — a GUID generator (the
 * documentation's `new Guid().ToString()`, G17), a GUID literal, an empty or very short string. A
 * real key, a file or secret look-up, a parameter and a `<…>` placeholder pass. Also checked on the
 * 2017-01-01.4.0 shape where the key sat on the account itself (G13). No fix.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyFacts, type Facts, type UserAccountFact, type Value } from '../../../server/src/engine/facts';
import { sshKeyPlaceholderRule } from '../../../server/src/rules/sshKeyPlaceholder';
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
import { SSH_KEY_PLACEHOLDER } from './typescriptRows';

const PEM = `-----BEGIN OPENSSH PRIVATE KEY-----\n${'b3BlbnNzaC1rZXktdjEAAAAA'.repeat(12)}\n-----END OPENSSH PRIVATE KEY-----`;
const GUID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

const NOT_A_KEY = (problem: string) =>
  `SSH private key is ${problem}: it cannot set up SSH between the pool's nodes. Pass a real private key (not password-protected), or omit it.`;

/** What each message says, word for word. */
const SAYS: Says<typeof sshKeyPlaceholderRule> = [
  [['notAKey', { problem: 'guid' }], NOT_A_KEY('a GUID, not a key')],
  [['notAKey', { problem: 'empty' }], NOT_A_KEY('empty')],
  [['notAKey', { problem: 'short' }], NOT_A_KEY('far too short to be a key')],
];

ruleTable(sshKeyPlaceholderRule, { subject: 'accounts', says: SAYS, sdk: csharpStubRows() }, [
  // C# -------------------------------------------------------------------------------------------
  {
    name: 'Microsoft.Azure.Batch: new Guid().ToString(), Guid.NewGuid().ToString(), Guid.Empty.ToString()',
    language: 'csharp',
    text: csLegacy(
      'pool.UserAccounts = new List<UserAccount>\n{\n' +
        '    new UserAccount("a", secret, linuxUserConfiguration: new LinuxUserConfiguration(1, 1, sshPrivateKey: new Guid().ToString())),\n' +
        '    new UserAccount("b", secret, linuxUserConfiguration: new LinuxUserConfiguration(2, 2, Guid.NewGuid().ToString())),\n' +
        '    new UserAccount("c", secret, linuxUserConfiguration: new LinuxUserConfiguration(sshPrivateKey: System.Guid.Empty.ToString())),\n' +
        '};',
    ),
    found: [
      ['warning', 'new Guid().ToString()', ['notAKey', { problem: 'guid' }]],
      ['warning', 'Guid.NewGuid().ToString()', ['notAKey', { problem: 'guid' }]],
      ['warning', 'System.Guid.Empty.ToString()', ['notAKey', { problem: 'guid' }]],
    ],
  },
  {
    name: 'Microsoft.Azure.Batch: empty, short and GUID literals',
    language: 'csharp',
    text: csLegacy(
      `pool.UserAccounts.Add(new UserAccount("a", secret, linuxUserConfiguration: new LinuxUserConfiguration(sshPrivateKey: "")));\npool.UserAccounts.Add(new UserAccount("b", secret, linuxUserConfiguration: new LinuxUserConfiguration(sshPrivateKey: "ssh-key")));\npool.UserAccounts.Add(new UserAccount("c", secret, linuxUserConfiguration: new LinuxUserConfiguration(sshPrivateKey: "{${GUID}}")));`,
    ),
    found: [
      ['warning', '""', ['notAKey', { problem: 'empty' }]],
      ['warning', '"ssh-key"', ['notAKey', { problem: 'short' }]],
      ['warning', `"{${GUID}}"`, ['notAKey', { problem: 'guid' }]],
    ],
  },
  {
    name: 'Azure.Compute.Batch: SshPrivateKey = Guid.NewGuid().ToString()',
    language: 'csharp',
    text: csNew(
      'pool.UserAccounts.Add(new UserAccount("mpi", secret) { LinuxUserConfiguration = new LinuxUserConfiguration { Uid = 1, Gid = 1, SshPrivateKey = Guid.NewGuid().ToString() } });',
    ),
    found: [['warning', 'Guid.NewGuid().ToString()', ['notAKey', { problem: 'guid' }]]],
  },
  {
    name: 'Microsoft.Azure.Batch: a PEM literal, a file read, a key vault secret, a parameter',
    language: 'csharp',
    text: csLegacy(
      'pool.UserAccounts = new List<UserAccount>\n{\n' +
        `    new UserAccount("a", secret, linuxUserConfiguration: new LinuxUserConfiguration(sshPrivateKey: ${JSON.stringify(PEM)})),\n` +
        '    new UserAccount("b", secret, linuxUserConfiguration: new LinuxUserConfiguration(sshPrivateKey: System.IO.File.ReadAllText(keyPath))),\n' +
        '    new UserAccount("c", secret, linuxUserConfiguration: new LinuxUserConfiguration(sshPrivateKey: vault.GetSecret("mpi-key").Value.Value)),\n' +
        '    new UserAccount("d", secret, linuxUserConfiguration: new LinuxUserConfiguration(sshPrivateKey: secret)),\n' +
        '};',
      'CloudPool pool, SecretClient vault, string keyPath, string secret',
    ),
    found: [],
    seen: 4,
  },
  {
    name: 'Azure.ResourceManager.Batch: SshPrivateKey = Guid.NewGuid().ToString()',
    language: 'csharp',
    text: csArm(
      'pool.UserAccounts.Add(new BatchUserAccount("mpi", secret) { LinuxUserConfiguration = new BatchLinuxUserConfiguration { Uid = 1, Gid = 1, SshPrivateKey = Guid.NewGuid().ToString() } });',
    ),
    found: [['warning', 'Guid.NewGuid().ToString()', ['notAKey', { problem: 'guid' }]]],
    sdk: 'compiles',
  },
  {
    name: 'Azure.ResourceManager.Batch: an empty key through a local variable, target-typed settings',
    language: 'csharp',
    text: csArm('var key = "";\npool.UserAccounts.Add(new("mpi", secret) { LinuxUserConfiguration = new() { SshPrivateKey = key } });'),
    found: [['warning', '""', ['notAKey', { problem: 'empty' }]]],
    sdk: 'compiles',
  },
  {
    name: 'Microsoft.Azure.Management.Batch: a short key by position',
    language: 'csharp',
    text: csMgmt(
      'pool.UserAccounts = new List<UserAccount> { new UserAccount("mpi", secret, linuxUserConfiguration: new LinuxUserConfiguration(1, 1, "ssh-key")) };',
    ),
    found: [['warning', '"ssh-key"', ['notAKey', { problem: 'short' }]]],
    sdk: 'compiles',
  },
  {
    name: 'Azure.ResourceManager.Batch: a PEM literal, a file read, a parameter',
    language: 'csharp',
    text: csArm(
      `pool.UserAccounts.Add(new("a", secret) { LinuxUserConfiguration = new() { SshPrivateKey = ${JSON.stringify(PEM)} } });\n` +
        'pool.UserAccounts.Add(new("b", secret) { LinuxUserConfiguration = new() { SshPrivateKey = System.IO.File.ReadAllText(secret) } });\n' +
        'pool.UserAccounts.Add(new BatchUserAccount("c", secret) { LinuxUserConfiguration = new BatchLinuxUserConfiguration { SshPrivateKey = secret } });',
    ),
    found: [],
    seen: 3,
    sdk: 'compiles',
  },
  {
    name: 'Microsoft.Azure.Management.Batch: a PEM literal by position, a key read from a file by name',
    language: 'csharp',
    text: csMgmt(
      `pool.UserAccounts = new List<UserAccount>\n{\n    new UserAccount("a", secret, linuxUserConfiguration: new LinuxUserConfiguration(1, 1, ${JSON.stringify(PEM)})),\n` +
        '    new UserAccount("b", secret, linuxUserConfiguration: new LinuxUserConfiguration(sshPrivateKey: System.IO.File.ReadAllText(secret))),\n};',
    ),
    found: [],
    seen: 2,
    sdk: 'compiles',
  },

  {
    name: 'Microsoft.Azure.Batch: a short literal through a local variable, squiggled where it is written',
    language: 'csharp',
    text: csLegacy(
      'var mpiKey = "ssh-key";\npool.UserAccounts.Add(new UserAccount("mpi", secret, linuxUserConfiguration: new LinuxUserConfiguration(1, 1, mpiKey)));',
    ),
    found: [['warning', '"ssh-key"', ['notAKey', { problem: 'short' }]]],
  },
  {
    name: 'Microsoft.Azure.Batch: placeholders filled in later, in place and through a constant',
    language: 'csharp',
    text:
      'using Microsoft.Azure.Batch;\n\nclass Accounts\n{\n    private const string MpiKey = "$(MpiSshKey)";\n\n' +
      '    UserAccount A(string pw) => new UserAccount("a", pw, linuxUserConfiguration: new LinuxUserConfiguration(1, 1, MpiKey));\n' +
      '    UserAccount B(string pw) => new UserAccount("b", pw, linuxUserConfiguration: new LinuxUserConfiguration(1, 1, "%MPI_SSH_KEY%"));\n' +
      '    UserAccount C(string pw) => new UserAccount("c", pw, linuxUserConfiguration: new LinuxUserConfiguration(1, 1, "<private key>"));\n}\n',
    found: [],
    seen: 3,
  },

  // Java -----------------------------------------------------------------------------------------
  {
    name: 'legacy: UUID.randomUUID().toString(), new UUID(0, 0).toString()',
    language: 'java',
    text: javaLegacy(
      'pool.withUserAccounts(Arrays.asList(\n' +
        '        new UserAccount().withName("a").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1).withGid(1).withSshPrivateKey(UUID.randomUUID().toString())),\n' +
        '        new UserAccount().withName("b").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withSshPrivateKey(new UUID(0, 0).toString()))));',
    ),
    found: [
      ['warning', 'UUID.randomUUID().toString()', ['notAKey', { problem: 'guid' }]],
      ['warning', 'new UUID(0, 0).toString()', ['notAKey', { problem: 'guid' }]],
    ],
  },
  {
    name: 'legacy v1.0.0: withSshPrivateKey("") on the account itself',
    language: 'java',
    text: javaLegacy('pool.withUserAccounts(Arrays.asList(new UserAccount().withName("mpi").withPassword(secret).withSshPrivateKey("")));'),
    found: [['warning', '""', ['notAKey', { problem: 'empty' }]]],
  },
  {
    name: 'com.azure.compute.batch: a GUID literal',
    language: 'java',
    text: javaNew(
      `pool.setUserAccounts(Arrays.asList(new UserAccount("mpi", secret).setLinuxUserConfiguration(new LinuxUserConfiguration().setSshPrivateKey("${GUID}"))));`,
    ),
    found: [['warning', `"${GUID}"`, ['notAKey', { problem: 'guid' }]]],
  },
  {
    name: 'legacy: a file read, an environment look-up, a parameter',
    language: 'java',
    text: javaLegacy(
      'pool.withUserAccounts(Arrays.asList(\n' +
        '        new UserAccount().withName("a").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withSshPrivateKey(new String(java.nio.file.Files.readAllBytes(keyPath)))),\n' +
        '        new UserAccount().withName("b").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withSshPrivateKey(System.getenv("MPI_KEY"))),\n' +
        '        new UserAccount().withName("c").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withSshPrivateKey(secret))));',
      'PoolAddParameter pool, java.nio.file.Path keyPath, String secret',
    ),
    found: [],
    seen: 3,
  },
  {
    name: 'com.azure.resourcemanager.batch: a GUID literal',
    language: 'java',
    text: javaMgmt(
      `UserAccount mpi = new UserAccount().withName("mpi").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withSshPrivateKey("${GUID}"));`,
    ),
    found: [['warning', `"${GUID}"`, ['notAKey', { problem: 'guid' }]]],
  },
  {
    name: 'com.microsoft.azure.management.batch: a key in a local, given through users.get(0).linuxUserConfiguration()',
    language: 'java',
    text: javaMgmtLegacy(
      `String sshPrivateKey = "${GUID}";\n` +
        'List<UserAccount> users = new ArrayList<>();\n' +
        'users.add(new UserAccount());\n' +
        'users.get(0).withName("mpi").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration());\n' +
        'users.get(0).linuxUserConfiguration().withUid(1234).withGid(4567).withSshPrivateKey(sshPrivateKey);',
    ),
    found: [['warning', `"${GUID}"`, ['notAKey', { problem: 'guid' }]]],
  },
  {
    name: 'com.microsoft.azure.management.batch: a key from the environment, given through users.get(0).linuxUserConfiguration()',
    language: 'java',
    text: javaMgmtLegacy(
      'String sshPrivateKey = System.getenv("MPI_KEY");\n' +
        'List<UserAccount> users = new ArrayList<>();\n' +
        'users.add(new UserAccount());\n' +
        'users.get(0).withName("mpi").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration());\n' +
        'users.get(0).linuxUserConfiguration().withSshPrivateKey(sshPrivateKey);',
    ),
    found: [],
    seen: 1,
  },
  {
    name: 'legacy: keys in a field read as this.key and in the class’s own constant',
    language: 'java',
    text:
      'import com.microsoft.azure.batch.protocol.models.*;\n\nclass Keys {\n    static final String DEFAULT_KEY = "";\n    private final String key = "todo";\n\n' +
      '    UserAccount mpi() {\n        return new UserAccount().withName("mpi").withLinuxUserConfiguration(new LinuxUserConfiguration().withSshPrivateKey(this.key));\n    }\n\n' +
      '    UserAccount ops() {\n        return new UserAccount().withName("ops").withLinuxUserConfiguration(new LinuxUserConfiguration().withSshPrivateKey(Keys.DEFAULT_KEY));\n    }\n}\n',
    found: [
      ['warning', '""', ['notAKey', { problem: 'empty' }]],
      ['warning', '"todo"', ['notAKey', { problem: 'short' }]],
    ],
  },
  {
    name: 'com.azure.resourcemanager.batch: a file read, an environment look-up, a PEM in a local',
    language: 'java',
    text: javaMgmt(
      `String pem = ${JSON.stringify(PEM)};\n` +
        'List<UserAccount> users = Arrays.asList(\n' +
        '    new UserAccount().withName("a").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withSshPrivateKey(new String(java.nio.file.Files.readAllBytes(keyPath)))),\n' +
        '    new UserAccount().withName("b").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withSshPrivateKey(System.getenv("MPI_KEY"))),\n' +
        '    new UserAccount().withName("c").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withSshPrivateKey(pem)));',
      'java.nio.file.Path keyPath, String secret',
    ),
    found: [],
    seen: 3,
  },

  {
    name: 'legacy: a short literal through a local variable, squiggled where it is written',
    language: 'java',
    text: javaLegacy(
      'String mpiKey = "ssh-key";\npool.withUserAccounts(Arrays.asList(new UserAccount().withName("mpi").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1).withGid(1).withSshPrivateKey(mpiKey))));',
    ),
    found: [['warning', '"ssh-key"', ['notAKey', { problem: 'short' }]]],
  },
  {
    name: 'com.azure.compute.batch: placeholders filled in later, in place and through a local variable',
    language: 'java',
    text: javaNew(
      'String mpiKey = "${MPI_SSH_KEY}";\npool.setUserAccounts(Arrays.asList(\n' +
        '        new UserAccount("a", secret).setLinuxUserConfiguration(new LinuxUserConfiguration().setSshPrivateKey(mpiKey)),\n' +
        '        new UserAccount("b", secret).setLinuxUserConfiguration(new LinuxUserConfiguration().setSshPrivateKey("{{ mpi_ssh_key }}"))));',
    ),
    found: [],
    seen: 2,
  },

  // Python ---------------------------------------------------------------------------------------
  {
    name: 'legacy: str(uuid.uuid4()), uuid.uuid4().hex, an empty string',
    language: 'python',
    text: pyLegacy(
      'users = [\n' +
        "    batchmodels.UserAccount(name='a', password=os.environ['PW'], linux_user_configuration=batchmodels.LinuxUserConfiguration(uid=1, gid=1, ssh_private_key=str(uuid.uuid4()))),\n" +
        "    batchmodels.UserAccount(name='b', password=os.environ['PW'], linux_user_configuration=batchmodels.LinuxUserConfiguration(ssh_private_key=uuid.uuid4().hex)),\n" +
        "    batchmodels.UserAccount(name='c', password=os.environ['PW'], linux_user_configuration=batchmodels.LinuxUserConfiguration(ssh_private_key='')),\n" +
        ']',
    ),
    found: [
      ['warning', 'str(uuid.uuid4())', ['notAKey', { problem: 'guid' }]],
      ['warning', 'uuid.uuid4().hex', ['notAKey', { problem: 'guid' }]],
      ['warning', "''", ['notAKey', { problem: 'empty' }]],
    ],
  },
  {
    name: 'legacy 2.x: ssh_private_key= on the account itself',
    language: 'python',
    text: pyLegacy("mpi = batchmodels.UserAccount(name='mpi', password=os.environ['PW'], ssh_private_key='key')"),
    found: [['warning', "'key'", ['notAKey', { problem: 'short' }]]],
  },
  {
    name: '15.x: a GUID literal',
    language: 'python',
    text: py15(
      `mpi = models.UserAccount(name='mpi', password=os.environ['PW'], linux_user_configuration=models.LinuxUserConfiguration(ssh_private_key='${GUID}'))`,
    ),
    found: [['warning', `'${GUID}'`, ['notAKey', { problem: 'guid' }]]],
  },
  {
    name: 'mgmt: str(uuid.uuid4())',
    language: 'python',
    text: pyMgmt(
      `import uuid\n\nmpi = mgmt.UserAccount(name='mpi', password=os.environ['PW'], linux_user_configuration=mgmt.LinuxUserConfiguration(ssh_private_key=str(uuid.uuid4())))`,
    ),
    found: [['warning', 'str(uuid.uuid4())', ['notAKey', { problem: 'guid' }]]],
  },
  {
    name: 'mgmt: an empty key through a constant, set by a later statement',
    language: 'python',
    text: pyMgmt(
      "MPI_KEY = ''\nmpi = mgmt.UserAccount(name='mpi', password=os.environ['PW'], linux_user_configuration=mgmt.LinuxUserConfiguration(uid=1001, gid=1001))\nmpi.linux_user_configuration.ssh_private_key = MPI_KEY",
    ),
    found: [['warning', "''", ['notAKey', { problem: 'empty' }]]],
  },
  {
    name: 'legacy: a file read, an environment look-up, a PEM literal',
    language: 'python',
    text: pyLegacy(
      'users = [\n' +
        "    batchmodels.UserAccount(name='a', password=os.environ['PW'], linux_user_configuration=batchmodels.LinuxUserConfiguration(ssh_private_key=open('id_rsa').read())),\n" +
        "    batchmodels.UserAccount(name='b', password=os.environ['PW'], linux_user_configuration=batchmodels.LinuxUserConfiguration(ssh_private_key=os.environ['MPI_KEY'])),\n" +
        `    batchmodels.UserAccount(name='c', password=os.environ['PW'], linux_user_configuration=batchmodels.LinuxUserConfiguration(ssh_private_key=${JSON.stringify(PEM)})),\n` +
        ']',
    ),
    found: [],
    seen: 3,
  },

  {
    name: 'legacy: a short literal through a local variable, squiggled where it is written',
    language: 'python',
    text: pyLegacy(
      "def users():\n    mpi_key = 'ssh-key'\n    return [batchmodels.UserAccount(name='mpi', password=os.environ['PW'], linux_user_configuration=batchmodels.LinuxUserConfiguration(ssh_private_key=mpi_key))]",
    ),
    found: [['warning', "'ssh-key'", ['notAKey', { problem: 'short' }]]],
  },
  {
    name: 'legacy: placeholders filled in later, in place and through a module constant',
    language: 'python',
    text: pyLegacy(
      "MPI_KEY = '{{ mpi_ssh_key }}'\n\nusers = [\n" +
        "    batchmodels.UserAccount(name='a', password=os.environ['PW'], linux_user_configuration=batchmodels.LinuxUserConfiguration(ssh_private_key=MPI_KEY)),\n" +
        "    batchmodels.UserAccount(name='b', password=os.environ['PW'], linux_user_configuration=batchmodels.LinuxUserConfiguration(ssh_private_key='$(MpiSshKey)')),\n" +
        ']',
    ),
    found: [],
    seen: 2,
  },

  // JSON -----------------------------------------------------------------------------------------
  {
    name: 'REST pool: a GUID, an empty string, a short string',
    language: 'json',
    text: json({
      id: 'p',
      vmSize: 's',
      userAccounts: [
        { name: 'a', password: '<secret>', linuxUserConfiguration: { uid: 1, gid: 1, sshPrivateKey: GUID } },
        { name: 'b', password: '<secret>', linuxUserConfiguration: { sshPrivateKey: '' } },
        { name: 'c', password: '<secret>', linuxUserConfiguration: { sshPrivateKey: 'todo' } },
      ],
    }),
    found: [
      ['warning', `"${GUID}"`, ['notAKey', { problem: 'guid' }]],
      ['warning', '""', ['notAKey', { problem: 'empty' }]],
      ['warning', '"todo"', ['notAKey', { problem: 'short' }]],
    ],
  },
  {
    name: 'REST 2017-01-01.4.0: sshPrivateKey on the account itself',
    language: 'json',
    text: json({
      id: 'p',
      vmSize: 's',
      userAccounts: [{ name: 'mpi', password: '<secret>', sshPrivateKey: '00000000-0000-0000-0000-000000000000' }],
    }),
    found: [['warning', '"00000000-0000-0000-0000-000000000000"', ['notAKey', { problem: 'guid' }]]],
  },
  {
    name: 'CLI template: an empty key',
    language: 'json',
    text: cliTemplate('pool', {
      id: 'p',
      vmSize: 's',
      userAccounts: [{ name: 'mpi', password: "[parameters('pw')]", linuxUserConfiguration: { sshPrivateKey: '' } }],
    }),
    found: [['warning', '""', ['notAKey', { problem: 'empty' }]]],
  },
  {
    name: 'ARM: a GUID',
    language: 'json',
    text: armPool({
      userAccounts: [
        { name: 'mpi', password: "[parameters('adminPassword')]", linuxUserConfiguration: { uid: 1, gid: 1, sshPrivateKey: GUID } },
      ],
    }),
    found: [['warning', `"${GUID}"`, ['notAKey', { problem: 'guid' }]]],
  },
  {
    name: 'ARM: a parameter, a PEM, the reference’s <PEM, not password-protected> placeholder',
    language: 'json',
    text: armPool({
      userAccounts: [
        { name: 'a', password: "[parameters('adminPassword')]", linuxUserConfiguration: { sshPrivateKey: "[parameters('mpiKey')]" } },
        { name: 'b', password: "[parameters('adminPassword')]", linuxUserConfiguration: { sshPrivateKey: PEM } },
        {
          name: 'c',
          password: "[parameters('adminPassword')]",
          linuxUserConfiguration: { sshPrivateKey: '<PEM, not password-protected>' },
        },
      ],
    }),
    found: [],
    seen: 3,
  },
  {
    name: 'REST pool: placeholders filled in later (Windows environment, Handlebars, token replacement, pipeline)',
    language: 'json',
    text: json({
      id: 'p',
      vmSize: 's',
      userAccounts: [
        { name: 'a', password: '<secret>', linuxUserConfiguration: { sshPrivateKey: '%MPI_SSH_KEY%' } },
        { name: 'b', password: '<secret>', linuxUserConfiguration: { sshPrivateKey: '{{ mpiSshKey }}' } },
        { name: 'c', password: '<secret>', linuxUserConfiguration: { sshPrivateKey: '__MpiSshKey__' } },
        { name: 'd', password: '<secret>', linuxUserConfiguration: { sshPrivateKey: '$(MpiSshKey)' } },
      ],
    }),
    found: [],
    seen: 4,
  },
  {
    name: 'JSON: a Batch-shaped account outside a Batch document (weak evidence): one step lower',
    language: 'json',
    text: json({ settings: { userAccounts: [{ name: 'mpi', elevationLevel: 'admin', linuxUserConfiguration: { sshPrivateKey: '' } }] } }),
    found: [['information', '""', ['notAKey', { problem: 'empty' }]]],
  },
  ...SSH_KEY_PLACEHOLDER,
]);

describe('ssh-key-placeholder in a sample document', () => {
  // Hand-made facts as the JSON adapter gives them for a swagger example of a Batch operation
  // (`"sshPrivateKey": "sshprivatekeyvalue"`): the rule reads `samples`, whichever adapter sets them.
  const text = '{"userAccounts": [{"name": "mpi", "linuxUserConfiguration": {"sshPrivateKey": "sshprivatekeyvalue"}}]}';
  const facts = (sampleDocument: boolean): Facts => {
    const value = '"sshprivatekeyvalue"';
    const start = text.indexOf(value);
    const sshPrivateKey: Value = { kind: 'string', value: 'sshprivatekeyvalue', span: { start, end: start + value.length }, text: value };
    const linux = { span: { start: 0, end: 1 }, nameSpan: { start: 0, end: 1 }, sshPrivateKey };
    const account: UserAccountFact = { span: { start: 0, end: text.length }, nameSpan: { start: 0, end: 1 }, linux, confidence: 'strong' };
    return { ...emptyFacts(), accounts: [account], ...(sampleDocument && { samples: [{ start: 0, end: text.length }] }) };
  };
  const context = { language: 'json', languageAt: () => 'json' as const, fixScope: 'omit' } as const;

  it('a swagger example: its key is a placeholder by design, not reported', () => {
    assert.deepEqual(sshKeyPlaceholderRule.check(facts(true), context), []);
  });

  it('the same account in any other document is reported', () => {
    assert.deepEqual(
      sshKeyPlaceholderRule.check(facts(false), context).map((f) => text.slice(f.span.start, f.span.end)),
      ['"sshprivatekeyvalue"'],
    );
  });
});
