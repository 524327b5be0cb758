/**
 * The identity facts every rule reads, the same across the four languages and every SDK
 * generation and JSON dialect: the task kind holding each identity, and each user account's
 * fields (name, password, elevation, Linux uid/gid/key, Windows login mode, its pool).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LanguageId, UserAccountFact, Value } from '../../../server/src/engine/facts';
import { analyze } from '../../helpers/engine';
import { armPool, cliTemplate, csLegacy, csNew, javaLegacy, javaNew, json, py15, pyLegacy, pyMgmt } from './table';

const ALL_KINDS = ['task', 'startTask', 'jobManagerTask', 'jobPreparationTask', 'jobReleaseTask'];

describe('facts: the task kind holding each identity', () => {
  const cs = (types: string[], identity: string) =>
    types.map((type, i) => `${type} t${i} = null;\nt${i}.UserIdentity = ${identity};`).join('\n');
  const javaCalls = (types: string[], setter: string, identity: string) =>
    types.map((type, i) => `${type} t${i} = null;\nt${i}.${setter}(${identity});`).join('\n');
  const py = (module: string, types: string[], keyword: string) =>
    types
      .map((type, i) => `t${i} = ${module}.${type}(id='t${i}', command_line='x', user_identity=${module}.UserIdentity(${keyword}='u'))`)
      .join('\n');
  const LEGACY = ['CloudTask', 'StartTask', 'JobManagerTask', 'JobPreparationTask', 'JobReleaseTask'];
  const NEW = ['BatchTaskCreateContent', 'BatchStartTask', 'BatchJobManagerTask', 'BatchJobPreparationTask', 'BatchJobReleaseTask'];

  const cases: [string, LanguageId, string, string[]][] = [
    ['C# Microsoft.Azure.Batch', 'csharp', csLegacy(cs(LEGACY, 'new UserIdentity("u")')), ALL_KINDS],
    ['C# Azure.Compute.Batch', 'csharp', csNew(cs(NEW, 'new UserIdentity { Username = "u" }')), ALL_KINDS],
    [
      'Java legacy',
      'java',
      javaLegacy(javaCalls(['TaskAddParameter', ...LEGACY.slice(1)], 'withUserIdentity', 'new UserIdentity().withUserName("u")')),
      ALL_KINDS,
    ],
    ['Java com.azure.compute.batch', 'java', javaNew(javaCalls(NEW, 'setUserIdentity', 'new UserIdentity().setUsername("u")')), ALL_KINDS],
    ['Python legacy', 'python', pyLegacy(py('batchmodels', ['TaskAddParameter', ...LEGACY.slice(1)], 'user_name')), ALL_KINDS],
    ['Python 15.x', 'python', py15(py('models', NEW, 'username')), ALL_KINDS],
    ['Python mgmt', 'python', pyMgmt(py('mgmt', ['StartTask'], 'user_name')), ['startTask']],
    [
      'REST job with an auto-pool',
      'json',
      json({
        id: 'j',
        poolInfo: { autoPoolSpecification: { pool: { vmSize: 's', startTask: { commandLine: 'x', userIdentity: { username: 'u' } } } } },
        jobManagerTask: { id: 'm', commandLine: 'x', userIdentity: { username: 'u' } },
        jobPreparationTask: { commandLine: 'x', userIdentity: { username: 'u' } },
        jobReleaseTask: { commandLine: 'x', userIdentity: { username: 'u' } },
      }),
      ['startTask', 'jobManagerTask', 'jobPreparationTask', 'jobReleaseTask'],
    ],
    ['REST task', 'json', json({ id: 't', commandLine: 'x', userIdentity: { username: 'u' } }), ['task']],
    [
      'CLI template task factory',
      'json',
      cliTemplate('job', {
        id: 'j',
        taskFactory: {
          type: 'parametricSweep',
          repeatTask: { commandLine: 'x', userIdentity: { username: 'u' } },
          mergeTask: { commandLine: 'x', userIdentity: { username: 'u' } },
        },
      }),
      ['task', 'task'],
    ],
    ['ARM pool', 'json', armPool({ startTask: { commandLine: 'x', userIdentity: { userName: 'u' } } }), ['startTask']],
  ];
  for (const [name, language, text, kinds] of cases) {
    it(`${language}: ${name}`, async () => {
      const analysis = await analyze(language, text);
      analysis.release();
      assert.deepEqual(
        analysis.facts.identities.map((i) => i.holder?.taskKind),
        kinds,
      );
      assert.ok(analysis.facts.identities.every((i) => i.userName?.kind === 'string' && i.userName.value === 'u'));
    });
  }
});

describe('facts: a user account’s fields', () => {
  const brief = (v: Value | undefined): string | undefined => {
    if (!v) return undefined;
    if (v.kind === 'enum') return `${v.enum}.${v.canonical}`;
    if (v.kind === 'string' || v.kind === 'number') return `${v.kind}:${v.value}`;
    return v.kind === 'expr' && v.hint ? `expr(${v.hint})` : v.kind;
  };
  const summary = (a: UserAccountFact) => ({
    name: brief(a.name),
    password: brief(a.password),
    elevation: brief(a.elevation),
    uid: brief(a.linux?.uid),
    gid: brief(a.linux?.gid),
    key: brief(a.linux?.sshPrivateKey),
    loginMode: brief(a.windows?.loginMode),
    onPool: a.pool !== undefined,
  });
  const LINUX = {
    name: 'string:mpi',
    password: 'expr(secret)',
    elevation: 'ElevationLevel.admin',
    uid: 'number:1001',
    gid: 'number:1002',
    key: 'expr(secret)',
    loginMode: undefined,
    onPool: true,
  };
  const WINDOWS = {
    name: 'string:win',
    password: 'expr(secret)',
    elevation: 'ElevationLevel.nonAdmin',
    uid: undefined,
    gid: undefined,
    key: undefined,
    loginMode: 'LoginMode.interactive',
    onPool: true,
  };

  const cases: [string, LanguageId, string][] = [
    [
      'C# Microsoft.Azure.Batch',
      'csharp',
      csLegacy(
        'pool.UserAccounts = new List<UserAccount>\n{\n' +
          '    new UserAccount("mpi", Environment.GetEnvironmentVariable("PW"), ElevationLevel.Admin, new LinuxUserConfiguration(1001, 1002, Environment.GetEnvironmentVariable("KEY"))),\n' +
          '    new UserAccount(name: "win", password: Environment.GetEnvironmentVariable("PW"), elevationLevel: ElevationLevel.NonAdmin, windowsUserConfiguration: new WindowsUserConfiguration(LoginMode.Interactive)),\n' +
          '};',
      ),
    ],
    [
      'C# Azure.Compute.Batch',
      'csharp',
      csNew(
        'pool.UserAccounts.Add(new UserAccount("mpi", Environment.GetEnvironmentVariable("PW")) { ElevationLevel = ElevationLevel.Admin, LinuxUserConfiguration = new LinuxUserConfiguration { Uid = 1001, Gid = 1002, SshPrivateKey = Environment.GetEnvironmentVariable("KEY") } });\n' +
          'pool.UserAccounts.Add(new UserAccount("win", Environment.GetEnvironmentVariable("PW")) { ElevationLevel = ElevationLevel.NonAdmin, WindowsUserConfiguration = new WindowsUserConfiguration { LoginMode = LoginMode.Interactive } });',
      ),
    ],
    [
      'Java legacy',
      'java',
      javaLegacy(
        'pool.withUserAccounts(Arrays.asList(\n' +
          '        new UserAccount().withName("mpi").withPassword(System.getenv("PW")).withElevationLevel(ElevationLevel.ADMIN).withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1001).withGid(1002).withSshPrivateKey(System.getenv("KEY"))),\n' +
          '        new UserAccount().withName("win").withPassword(System.getenv("PW")).withElevationLevel(ElevationLevel.NON_ADMIN).withWindowsUserConfiguration(new WindowsUserConfiguration().withLoginMode(LoginMode.INTERACTIVE))));',
      ),
    ],
    [
      'Java com.azure.compute.batch',
      'java',
      javaNew(
        'pool.setUserAccounts(Arrays.asList(\n' +
          '        new UserAccount("mpi", System.getenv("PW")).setElevationLevel(ElevationLevel.ADMIN).setLinuxUserConfiguration(new LinuxUserConfiguration().setUid(1001).setGid(1002).setSshPrivateKey(System.getenv("KEY"))),\n' +
          '        new UserAccount("win", System.getenv("PW")).setElevationLevel(ElevationLevel.NON_ADMIN).setWindowsUserConfiguration(new WindowsUserConfiguration().setLoginMode(LoginMode.INTERACTIVE))));',
      ),
    ],
    [
      'Python legacy',
      'python',
      pyLegacy(
        "pool = batchmodels.PoolAddParameter(id='p', vm_size='s', user_accounts=[\n" +
          "    batchmodels.UserAccount(name='mpi', password=os.environ['PW'], elevation_level=batchmodels.ElevationLevel.admin, linux_user_configuration=batchmodels.LinuxUserConfiguration(uid=1001, gid=1002, ssh_private_key=os.environ['KEY'])),\n" +
          "    batchmodels.UserAccount(name='win', password=os.environ['PW'], elevation_level=batchmodels.ElevationLevel.non_admin, windows_user_configuration=batchmodels.WindowsUserConfiguration(login_mode=batchmodels.LoginMode.interactive)),\n" +
          '])',
      ),
    ],
    [
      'Python 15.x',
      'python',
      py15(
        "pool = models.BatchPoolCreateContent(id='p', vm_size='s', user_accounts=[\n" +
          "    models.UserAccount(name='mpi', password=os.environ['PW'], elevation_level=models.ElevationLevel.ADMIN, linux_user_configuration=models.LinuxUserConfiguration(uid=1001, gid=1002, ssh_private_key=os.environ['KEY'])),\n" +
          "    models.UserAccount(name='win', password=os.environ['PW'], elevation_level=models.ElevationLevel.NON_ADMIN, windows_user_configuration=models.WindowsUserConfiguration(login_mode=models.LoginMode.INTERACTIVE)),\n" +
          '])',
      ),
    ],
    [
      'Python mgmt',
      'python',
      pyMgmt(
        'pool = mgmt.Pool(user_accounts=[\n' +
          "    mgmt.UserAccount(name='mpi', password=os.environ['PW'], elevation_level=mgmt.ElevationLevel.ADMIN, linux_user_configuration=mgmt.LinuxUserConfiguration(uid=1001, gid=1002, ssh_private_key=os.environ['KEY'])),\n" +
          "    mgmt.UserAccount(name='win', password=os.environ['PW'], elevation_level=mgmt.ElevationLevel.NON_ADMIN, windows_user_configuration=mgmt.WindowsUserConfiguration(login_mode=mgmt.LoginMode.INTERACTIVE)),\n" +
          '])',
      ),
    ],
    [
      'REST pool',
      'json',
      json({
        id: 'p',
        vmSize: 's',
        userAccounts: [
          {
            name: 'mpi',
            password: '$(PW)',
            elevationLevel: 'admin',
            linuxUserConfiguration: { uid: 1001, gid: 1002, sshPrivateKey: '$(KEY)' },
          },
          { name: 'win', password: '$(PW)', elevationLevel: 'nonadmin', windowsUserConfiguration: { loginMode: 'interactive' } },
        ],
      }),
    ],
    [
      'CLI template pool',
      'json',
      cliTemplate('pool', {
        id: 'p',
        vmSize: 's',
        userAccounts: [
          {
            name: 'mpi',
            password: "[parameters('pw')]",
            elevationLevel: 'admin',
            linuxUserConfiguration: { uid: 1001, gid: 1002, sshPrivateKey: "[parameters('key')]" },
          },
          {
            name: 'win',
            password: "[parameters('pw')]",
            elevationLevel: 'nonadmin',
            windowsUserConfiguration: { loginMode: 'interactive' },
          },
        ],
      }),
    ],
    [
      'ARM pool',
      'json',
      armPool({
        userAccounts: [
          {
            name: 'mpi',
            password: "[parameters('pw')]",
            elevationLevel: 'Admin',
            linuxUserConfiguration: { uid: 1001, gid: 1002, sshPrivateKey: "[parameters('key')]" },
          },
          {
            name: 'win',
            password: "[parameters('pw')]",
            elevationLevel: 'NonAdmin',
            windowsUserConfiguration: { loginMode: 'Interactive' },
          },
        ],
      }),
    ],
  ];
  for (const [name, language, text] of cases) {
    it(`${language}: ${name}`, async () => {
      const analysis = await analyze(language, text);
      analysis.release();
      assert.deepEqual(analysis.facts.accounts.map(summary), [LINUX, WINDOWS]);
      const [mpi, win] = analysis.facts.accounts;
      assert.equal(mpi.pool?.key, win.pool?.key, 'one pool');
    });
  }
});
