/**
 * linux-uid-gid (Warning): a Linux user configuration sets uid without gid or gid without uid
 * (reference §10 R2: both or neither). The squiggle is on the value that is set; a value held in a
 * constant is squiggled where the constant is written. No fix: the missing id is the author's.
 * Settings completed by later statements count; settings that may be completed out of view (in a
 * branch, by a helper) say nothing of the missing id. The Python rows' pools run against the real
 * azure-batch 13 and azure-mgmt-batch 17: the user accounts listed are what they send.
 */
import { linuxUidGidRule } from '../../../server/src/rules/linuxUidGid';
import { pool, pythonSdkRows, type PythonSdkExpectation } from '../../compile/python/sdkRows';
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
import { LINUX_UID_GID } from './typescriptRows';

/** One real-SDK checker for the Python rows (one python3 process per file); mcs for the C# rows, against the stub SDKs. */
const PYTHON_SDK = pythonSdkRows();

/** What each message says, word for word. */
const SAYS: Says<typeof linuxUidGidRule> = [
  [['onlyOne', { set: 'uid' }], 'uid without gid: the API says uid and gid "must be specified together or not at all".'],
  [['onlyOne', { set: 'gid' }], 'gid without uid: the API says uid and gid "must be specified together or not at all".'],
];

/** The password the Python rows read from the environment, set before they run. */
const PASSWORD = "os.environ['PW'] = 'from-the-environment'";

ruleTable(
  linuxUidGidRule,
  {
    subject: 'accounts',
    says: SAYS,
    sdk: checkersByLanguage<PythonSdkExpectation | CSharpCompile>({ python: PYTHON_SDK, json: PYTHON_SDK, csharp: csharpStubRows() }),
  },
  [
    // C# -------------------------------------------------------------------------------------------
    {
      name: 'Microsoft.Azure.Batch: uid: without gid:',
      language: 'csharp',
      text: csLegacy(
        'pool.UserAccounts = new List<UserAccount>\n{\n    new UserAccount("mpi", secret, ElevationLevel.NonAdmin, new LinuxUserConfiguration(uid: 1001, sshPrivateKey: secret)),\n};',
      ),
      found: [['warning', '1001', ['onlyOne', { set: 'uid' }]]],
    },
    {
      name: 'Microsoft.Azure.Batch: positional uid only, named gid only',
      language: 'csharp',
      text: csLegacy(
        'pool.UserAccounts.Add(new UserAccount("a", secret, linuxUserConfiguration: new LinuxUserConfiguration(1001)));\npool.UserAccounts.Add(new UserAccount("b", secret, linuxUserConfiguration: new LinuxUserConfiguration(gid: 2002)));',
      ),
      found: [
        ['warning', '1001', ['onlyOne', { set: 'uid' }]],
        ['warning', '2002', ['onlyOne', { set: 'gid' }]],
      ],
    },
    {
      name: 'Microsoft.Azure.Batch: uid from a constant is squiggled where the constant is written',
      language: 'csharp',
      text: 'using Microsoft.Azure.Batch;\n\nclass Ids\n{\n    const int MpiUid = 4242;\n    UserAccount Mpi(string secret) => new UserAccount("mpi", secret, linuxUserConfiguration: new LinuxUserConfiguration(uid: MpiUid));\n}\n',
      found: [['warning', '4242', ['onlyOne', { set: 'uid' }]]],
    },
    {
      name: 'Azure.Compute.Batch: Gid alone in an initializer',
      language: 'csharp',
      text: csNew(
        'var account = new UserAccount("mpi", secret) { LinuxUserConfiguration = new LinuxUserConfiguration { Gid = 2002 } };\npool.UserAccounts.Add(account);',
      ),
      found: [['warning', '2002', ['onlyOne', { set: 'gid' }]]],
    },
    {
      name: 'Azure.Compute.Batch: Uid set by a later statement',
      language: 'csharp',
      text: csNew(
        'var linux = new LinuxUserConfiguration();\nlinux.Uid = 1001;\npool.UserAccounts.Add(new UserAccount("mpi", secret) { LinuxUserConfiguration = linux });',
      ),
      found: [['warning', '1001', ['onlyOne', { set: 'uid' }]]],
    },
    {
      name: 'Microsoft.Azure.Batch: both, positional and named; neither',
      language: 'csharp',
      text: csLegacy(
        'pool.UserAccounts = new List<UserAccount>\n{\n    new UserAccount("a", secret, linuxUserConfiguration: new LinuxUserConfiguration(1001, 1001)),\n    new UserAccount("b", secret, linuxUserConfiguration: new LinuxUserConfiguration(gid: 5, uid: 5)),\n    new UserAccount("c", secret, linuxUserConfiguration: new LinuxUserConfiguration(sshPrivateKey: secret)),\n};',
      ),
      found: [],
      seen: 3,
    },
    {
      name: 'Azure.Compute.Batch: a null Uid beside a null Gid counts as neither',
      language: 'csharp',
      text: csNew(
        'pool.UserAccounts.Add(new UserAccount("mpi", secret) { LinuxUserConfiguration = new LinuxUserConfiguration { Uid = null, Gid = null } });',
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'Azure.ResourceManager.Batch: Uid alone on a BatchLinuxUserConfiguration',
      language: 'csharp',
      text: csArm(
        'pool.UserAccounts.Add(new BatchUserAccount("mpi", secret) { LinuxUserConfiguration = new BatchLinuxUserConfiguration { Uid = 1001 } });',
      ),
      found: [['warning', '1001', ['onlyOne', { set: 'uid' }]]],
      sdk: 'compiles',
    },
    {
      name: 'Azure.ResourceManager.Batch: target-typed account and Linux settings, Gid alone',
      language: 'csharp',
      text: csArm('pool.UserAccounts.Add(new("mpi", secret) { LinuxUserConfiguration = new() { Gid = 2002 } });'),
      found: [['warning', '2002', ['onlyOne', { set: 'gid' }]]],
      sdk: 'compiles',
    },
    {
      name: 'Microsoft.Azure.Management.Batch: uid: alone, in a pool constructor',
      language: 'csharp',
      text: csMgmt(
        'var created = new Pool(vmSize: "STANDARD_D2S_V3", userAccounts: new List<UserAccount>\n{\n    new UserAccount("mpi", secret, ElevationLevel.NonAdmin, new LinuxUserConfiguration(uid: 1001)),\n});',
      ),
      found: [['warning', '1001', ['onlyOne', { set: 'uid' }]]],
      sdk: 'compiles',
    },
    {
      name: 'Azure.ResourceManager.Batch: both, or neither',
      language: 'csharp',
      text: csArm(
        'pool.UserAccounts.Add(new BatchUserAccount("a", secret) { LinuxUserConfiguration = new BatchLinuxUserConfiguration { Uid = 5, Gid = 5 } });\n' +
          'pool.UserAccounts.Add(new("b", secret) { LinuxUserConfiguration = new() { SshPrivateKey = secret } });',
      ),
      found: [],
      seen: 2,
      sdk: 'compiles',
    },
    {
      name: 'Microsoft.Azure.Management.Batch: positional uid and gid',
      language: 'csharp',
      text: csMgmt(
        'pool.UserAccounts = new List<UserAccount> { new UserAccount("mpi", secret, linuxUserConfiguration: new LinuxUserConfiguration(1001, 1001)) };',
      ),
      found: [],
      seen: 1,
      sdk: 'compiles',
    },

    // Java -----------------------------------------------------------------------------------------
    {
      name: 'legacy: withUid without withGid',
      language: 'java',
      text: javaLegacy(
        'pool.withUserAccounts(Arrays.asList(new UserAccount().withName("mpi").withPassword(secret)\n        .withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1001))));',
      ),
      found: [['warning', '1001', ['onlyOne', { set: 'uid' }]]],
    },
    {
      name: 'legacy: withGid only, configuration held in a variable',
      language: 'java',
      text: javaLegacy(
        'LinuxUserConfiguration linux = new LinuxUserConfiguration().withGid(2002).withSshPrivateKey(secret);\npool.withUserAccounts(Collections.singletonList(new UserAccount().withName("mpi").withPassword(secret).withLinuxUserConfiguration(linux)));',
      ),
      found: [['warning', '2002', ['onlyOne', { set: 'gid' }]]],
    },
    {
      name: 'com.azure.compute.batch: setGid only',
      language: 'java',
      text: javaNew(
        'pool.setUserAccounts(Arrays.asList(new UserAccount("mpi", secret).setLinuxUserConfiguration(new LinuxUserConfiguration().setGid(2002))));',
      ),
      found: [['warning', '2002', ['onlyOne', { set: 'gid' }]]],
    },
    {
      name: 'legacy: both; neither',
      language: 'java',
      text: javaLegacy(
        'pool.withUserAccounts(Arrays.asList(\n        new UserAccount().withName("a").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1).withGid(1)),\n        new UserAccount().withName("b").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withSshPrivateKey(secret))));',
      ),
      found: [],
      seen: 2,
    },
    {
      name: 'com.azure.compute.batch: both',
      language: 'java',
      text: javaNew(
        'pool.setUserAccounts(Arrays.asList(new UserAccount("mpi", secret).setLinuxUserConfiguration(new LinuxUserConfiguration().setUid(7).setGid(7))));',
      ),
      found: [],
      seen: 1,
    },

    {
      name: 'com.azure.resourcemanager.batch: withUid without withGid',
      language: 'java',
      text: javaMgmt(
        'List<UserAccount> accounts = Arrays.asList(new UserAccount().withName("mpi").withPassword(secret)\n        .withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1001)));',
      ),
      found: [['warning', '1001', ['onlyOne', { set: 'uid' }]]],
    },
    {
      name: 'com.microsoft.azure.management.batch: gid given later through the account’s getter, no uid',
      language: 'java',
      text: javaMgmtLegacy(
        'UserAccount mpi = new UserAccount().withName("mpi").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration());\nmpi.linuxUserConfiguration().withGid(2002);',
      ),
      found: [['warning', '2002', ['onlyOne', { set: 'gid' }]]],
    },
    {
      name: 'com.microsoft.azure.management.batch: uid set in place, gid completed later through users.get(0).linuxUserConfiguration()',
      language: 'java',
      text: javaMgmtLegacy(
        'List<UserAccount> users = new ArrayList<>();\n' +
          'users.add(new UserAccount());\n' +
          'users.get(0).withName("mpi").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1234));\n' +
          'users.get(0).linuxUserConfiguration().withGid(4567);',
      ),
      found: [],
      seen: 1,
    },
    {
      name: 'com.azure.resourcemanager.batch: both',
      language: 'java',
      text: javaMgmt(
        'UserAccount mpi = new UserAccount().withName("mpi").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(7).withGid(7));',
      ),
      found: [],
      seen: 1,
    },

    // Python ---------------------------------------------------------------------------------------
    {
      name: 'legacy: uid= only',
      language: 'python',
      text: pyLegacy(
        "pool = batchmodels.PoolAddParameter(id='p', vm_size='s', user_accounts=[batchmodels.UserAccount(name='mpi', password=os.environ['PW'], linux_user_configuration=batchmodels.LinuxUserConfiguration(uid=1001))])",
      ),
      found: [['warning', '1001', ['onlyOne', { set: 'uid' }]]],
    },
    {
      name: 'legacy (< 5.0): positional uid only',
      language: 'python',
      text: pyLegacy("mpi = batchmodels.UserAccount('mpi', os.environ['PW'], None, batchmodels.LinuxUserConfiguration(1001))"),
      found: [['warning', '1001', ['onlyOne', { set: 'uid' }]]],
    },
    {
      name: '15.x: gid= only',
      language: 'python',
      text: py15(
        "mpi = models.UserAccount(name='mpi', password=os.environ['PW'], linux_user_configuration=models.LinuxUserConfiguration(gid=2002))",
      ),
      found: [['warning', '2002', ['onlyOne', { set: 'gid' }]]],
    },
    {
      name: 'mgmt: uid= only',
      language: 'python',
      text: pyMgmt(
        "mpi = mgmt.UserAccount(name='mpi', password=os.environ['PW'], linux_user_configuration=mgmt.LinuxUserConfiguration(uid=1001))",
      ),
      found: [['warning', '1001', ['onlyOne', { set: 'uid' }]]],
    },
    {
      name: 'mgmt: gid set by a later statement on the account’s Linux settings',
      language: 'python',
      text: pyMgmt(
        "mpi = mgmt.UserAccount(name='mpi', password=os.environ['PW'], linux_user_configuration=mgmt.LinuxUserConfiguration(uid=1001))\nmpi.linux_user_configuration.gid = 1001\npool = mgmt.Pool(vm_size='STANDARD_D2S_V3', user_accounts=[mpi])",
      ),
      found: [],
      seen: 1,
      sdk: {
        runs: [
          {
            given: `import os\n${PASSWORD}`,
            tasks: [],
            pools: [pool('Pool', [{ name: 'mpi', password: 'from-the-environment', linuxUserConfiguration: { uid: 1001, gid: 1001 } }])],
          },
        ],
      },
    },
    {
      name: 'legacy: Linux settings given by a later statement, uid only',
      language: 'python',
      text: pyLegacy(
        "mpi = batchmodels.UserAccount(name='mpi', password=os.environ['PW'])\nmpi.linux_user_configuration = batchmodels.LinuxUserConfiguration(uid=1001)\npool = batchmodels.PoolAddParameter(id='p', vm_size='s', user_accounts=[mpi])",
      ),
      found: [['warning', '1001', ['onlyOne', { set: 'uid' }]]],
      sdk: {
        runs: [
          {
            given: `import os\n${PASSWORD}`,
            tasks: [],
            pools: [pool('PoolAddParameter', [{ name: 'mpi', password: 'from-the-environment', linuxUserConfiguration: { uid: 1001 } }])],
          },
        ],
      },
    },
    {
      name: 'legacy: gid set in a branch, or by a helper: out of view, silent',
      language: 'python',
      text: pyLegacy(
        "linux = batchmodels.LinuxUserConfiguration(uid=1001)\nif shared_group:\n    linux.gid = 1001\nmpi = batchmodels.UserAccount(name='mpi', password=os.environ['PW'], linux_user_configuration=linux)\n" +
          "other = batchmodels.LinuxUserConfiguration(gid=2002)\nassign_uid(other)\nops = batchmodels.UserAccount(name='ops', password=os.environ['PW'], linux_user_configuration=other)",
      ),
      found: [],
      seen: 2,
    },
    {
      name: 'legacy: both; neither; uid=None with gid=None',
      language: 'python',
      text: pyLegacy(
        "users = [\n    batchmodels.UserAccount(name='a', password=os.environ['PW'], linux_user_configuration=batchmodels.LinuxUserConfiguration(uid=1, gid=1)),\n    batchmodels.UserAccount(name='b', password=os.environ['PW'], linux_user_configuration=batchmodels.LinuxUserConfiguration(ssh_private_key=os.environ['KEY'])),\n    batchmodels.UserAccount(name='c', password=os.environ['PW'], linux_user_configuration=batchmodels.LinuxUserConfiguration(uid=None, gid=None)),\n]",
      ),
      found: [],
      seen: 3,
    },

    // JSON -----------------------------------------------------------------------------------------
    {
      name: 'REST pool: uid only',
      language: 'json',
      text: json({
        id: 'p',
        vmSize: 'standard_d2s_v3',
        userAccounts: [{ name: 'mpi', password: '<secret>', linuxUserConfiguration: { uid: 1001 } }],
      }),
      found: [['warning', '1001', ['onlyOne', { set: 'uid' }]]],
    },
    {
      name: 'REST job: auto-pool account with gid only',
      language: 'json',
      text: json({
        id: 'j',
        poolInfo: {
          autoPoolSpecification: {
            pool: { vmSize: 's', userAccounts: [{ name: 'mpi', password: '<secret>', linuxUserConfiguration: { gid: 2002 } }] },
          },
        },
      }),
      found: [['warning', '2002', ['onlyOne', { set: 'gid' }]]],
    },
    {
      name: 'CLI template: uid only',
      language: 'json',
      text: cliTemplate('pool', {
        id: 'p',
        vmSize: 's',
        userAccounts: [{ name: 'mpi', password: "[parameters('pw')]", linuxUserConfiguration: { uid: 1001 } }],
      }),
      found: [['warning', '1001', ['onlyOne', { set: 'uid' }]]],
    },
    {
      name: 'ARM: gid only',
      language: 'json',
      text: armPool({
        vmSize: 's',
        userAccounts: [{ name: 'mpi', password: "[parameters('adminPassword')]", linuxUserConfiguration: { gid: 2002 } }],
      }),
      found: [['warning', '2002', ['onlyOne', { set: 'gid' }]]],
    },
    {
      name: 'REST pool: a null uid beside a gid',
      language: 'json',
      text: json({
        id: 'p',
        vmSize: 's',
        userAccounts: [{ name: 'mpi', password: '<secret>', linuxUserConfiguration: { uid: null, gid: 2002 } }],
      }),
      found: [['warning', '2002', ['onlyOne', { set: 'gid' }]]],
    },
    {
      name: 'ARM: both; neither; ids written as ARM expressions',
      language: 'json',
      text: armPool({
        userAccounts: [
          { name: 'a', password: "[parameters('adminPassword')]", linuxUserConfiguration: { uid: 1001, gid: 1001 } },
          { name: 'b', password: "[parameters('adminPassword')]", linuxUserConfiguration: {} },
          {
            name: 'c',
            password: "[parameters('adminPassword')]",
            linuxUserConfiguration: { uid: "[parameters('uid')]", gid: "[parameters('gid')]" },
          },
        ],
      }),
      found: [],
      seen: 3,
    },
    {
      name: 'JSON: a Batch-shaped account outside a Batch document (weak evidence): one step lower',
      language: 'json',
      text: json({ settings: { userAccounts: [{ name: 'mpi', elevationLevel: 'admin', linuxUserConfiguration: { uid: 1001 } }] } }),
      found: [['information', '1001', ['onlyOne', { set: 'uid' }]]],
    },
    ...LINUX_UID_GID,
  ],
);
