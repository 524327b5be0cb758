/**
 * Java objects completed after they are built (server/src/languages/java/paths.ts): calls made
 * through a getter on the object that was given them (`startTask.userIdentity().withAutoUser(…)`),
 * through a list's element (`users.get(0).withName(…)`) and through locals holding either, count for
 * the identity or account they reach; where the file cannot tell which object a call reaches, or an
 * object escapes, nothing is made up. And the pools those accounts are given, with what their
 * configuration says of the OS, keyed like the accounts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Facts, Span, Value } from '../../../server/src/engine/facts';
import { analyze } from '../../helpers/engine';

const MGMT =
  'import com.azure.resourcemanager.batch.BatchManager;\nimport com.azure.resourcemanager.batch.models.*;\nimport java.util.*;\n';
const MGMT_LEGACY = 'import com.microsoft.azure.management.batch.*;\nimport java.util.*;\n';
const LEGACY = 'import com.microsoft.azure.batch.protocol.models.*;\nimport java.util.*;\n';
const NEW = 'import com.azure.compute.batch.models.*;\nimport java.util.*;\n';

function inMethod(header: string, body: string, params = ''): string {
  return `${header}\nclass Pools {\n  void run(${params}) {\n${body}\n  }\n}\n`;
}

async function factsOf(text: string): Promise<Facts> {
  const analysis = await analyze('java', text);
  analysis.release();
  return analysis.facts;
}

const at = (text: string, span: Span | undefined) => span && text.slice(span.start, span.end);
const written = (text: string, value: Value | undefined) => value && at(text, value.span);

describe('java: identities completed later', () => {
  it('a start task’s getter and its auto-user’s getter complete the identity given to it (the SDK’s own pool test)', async () => {
    const text = inMethod(
      MGMT_LEGACY,
      [
        '    StartTask startTask = new StartTask();',
        '    startTask.withCommandLine("cmd /c SET").withUserIdentity(new UserIdentity()).withWaitForSuccess(Boolean.TRUE);',
        '    startTask.userIdentity().withAutoUser(new AutoUserSpecification());',
        '    startTask.userIdentity().autoUser().withScope(AutoUserScope.POOL).withElevationLevel(ElevationLevel.ADMIN);',
      ].join('\n'),
    );
    const [identity] = (await factsOf(text)).identities;
    assert.equal(at(text, identity.span), 'new UserIdentity()');
    assert.equal(identity.holder?.taskKind, 'startTask');
    assert.ok(identity.autoUser && !('reference' in identity.autoUser));
    assert.equal(at(text, identity.autoUser.span), 'new AutoUserSpecification()');
    assert.equal(written(text, identity.autoUser.scope), 'AutoUserScope.POOL');
    assert.equal(written(text, identity.autoUser.elevation), 'ElevationLevel.ADMIN');
  });

  it('the last value given wins, in document order, wherever it is given', async () => {
    const text = inMethod(
      MGMT,
      '    startTask.withUserIdentity(new UserIdentity().withUsername("first"));\n    UserIdentity same = startTask.userIdentity();\n    same.withUsername("second");',
      'StartTask startTask',
    );
    const [identity] = (await factsOf(text)).identities;
    assert.equal(written(text, identity.userName), '"second"');
  });

  it('com.azure.compute.batch getters (getUserIdentity) and the legacy data plane’s (userIdentity) alike', async () => {
    for (const [header, body] of [
      [NEW, '    task.setUserIdentity(new UserIdentity());\n    task.getUserIdentity().setUsername("ops");'],
      [LEGACY, '    task.withUserIdentity(new UserIdentity());\n    task.userIdentity().withUserName("ops");'],
    ]) {
      const text = inMethod(header, body, 'Object task');
      const [identity] = (await factsOf(text)).identities;
      assert.equal(written(text, identity?.userName), '"ops"', header);
    }
  });

  it('two identities given to one holder: its getter reaches neither for sure, so neither is completed by it', async () => {
    const text = inMethod(
      LEGACY,
      '    task.withUserIdentity(new UserIdentity().withUserName("a"));\n    task.withUserIdentity(new UserIdentity().withUserName("b"));\n    task.userIdentity().withAutoUser(new AutoUserSpecification());',
      'TaskAddParameter task',
    );
    const identities = (await factsOf(text)).identities;
    assert.deepEqual(
      identities.map((i) => [written(text, i.userName), i.autoUser !== undefined]),
      [
        ['"a"', false],
        ['"b"', false],
      ],
    );
  });

  it('an empty identity is kept when it stays in sight, dropped when it escapes or an unfollowed getter may complete it', async () => {
    const kept = inMethod(LEGACY, '    UserIdentity id = new UserIdentity();\n    task.withUserIdentity(id);', 'TaskAddParameter task');
    assert.equal((await factsOf(kept)).identities.length, 1);
    for (const body of [
      '    UserIdentity id = new UserIdentity();\n    helper.complete(id);\n    task.withUserIdentity(id);',
      '    task.withUserIdentity(new UserIdentity());\n    helper.complete(task.userIdentity());',
      '    task.withUserIdentity(new UserIdentity());\n    job.jobManagerTask().userIdentity().withUserName("ops");',
      '    List<UserIdentity> ids = new ArrayList<>();\n    ids.add(new UserIdentity());',
    ]) {
      const text = inMethod(LEGACY, body, 'TaskAddParameter task, JobAddParameter job, Helper helper');
      assert.deepEqual((await factsOf(text)).identities, [], body);
    }
  });

  it('an identity that names its user is kept even when it escapes: what it sets is seen', async () => {
    const text = `${MGMT}\nclass Identities {\n  UserIdentity make() {\n    return new UserIdentity().withUsername("ops");\n  }\n}\n`;
    const [identity] = (await factsOf(text)).identities;
    assert.equal(written(text, identity.userName), '"ops"');
  });
});

describe('java: accounts completed later through a list', () => {
  it('users.get(i) reaches the i-th add, its linuxUserConfiguration() the configuration given to it', async () => {
    const text = inMethod(
      MGMT_LEGACY,
      [
        '    String key = "sshprivatekeyvalue";',
        '    List<UserAccount> users = new ArrayList<>();',
        '    users.add(new UserAccount());',
        '    users.add(new UserAccount().withName("second"));',
        '    users.get(0).withName("first").withPassword(pw).withLinuxUserConfiguration(new LinuxUserConfiguration());',
        '    users.get(0).linuxUserConfiguration().withUid(1).withGid(2).withSshPrivateKey(key);',
        '    users.get(1).withPassword("literal");',
      ].join('\n'),
      'String pw',
    );
    const accounts = (await factsOf(text)).accounts;
    assert.deepEqual(
      accounts.map((a) => [
        written(text, a.name),
        written(text, a.password),
        written(text, a.linux?.uid),
        written(text, a.linux?.gid),
        written(text, a.linux?.sshPrivateKey),
      ]),
      [
        ['"first"', 'pw', '1', '2', '"sshprivatekeyvalue"'],
        ['"second"', '"literal"', undefined, undefined, undefined],
      ],
    );
    assert.equal(accounts[0].pool?.key, accounts[1].pool?.key, 'one list, one pool');
  });

  it('positions are not guessed: an add in a branch, an insertion at an index, a list from elsewhere', async () => {
    for (const body of [
      '    List<UserAccount> users = new ArrayList<>();\n    if (flag) users.add(new UserAccount());\n    users.get(0).withName("ops");',
      '    List<UserAccount> users = new ArrayList<>();\n    users.add(new UserAccount());\n    users.add(0, other);\n    users.get(0).withName("ops");',
      '    List<UserAccount> users = existing;\n    users.add(new UserAccount());\n    users.get(0).withName("ops");',
    ]) {
      const text = inMethod(MGMT, body, 'boolean flag, UserAccount other, List<UserAccount> existing');
      const accounts = (await factsOf(text)).accounts;
      assert.deepEqual(
        accounts.map((a) => a.name),
        [undefined],
        body,
      );
    }
  });

  it('Arrays.asList(a, b).get(1) is b', async () => {
    const text = inMethod(
      MGMT,
      '    List<UserAccount> users = Arrays.asList(new UserAccount(), new UserAccount());\n    users.get(1).withName("b");',
    );
    const accounts = (await factsOf(text)).accounts;
    assert.deepEqual(
      accounts.map((a) => written(text, a.name)),
      [undefined, '"b"'],
    );
  });
});

describe('java: pools and what their configuration says of the OS', () => {
  it('every generation: raw values where they are written, keyed like the accounts given to the pool', async () => {
    const cases: [string, string, Record<string, string | undefined>][] = [
      [
        LEGACY,
        '    pool.withVirtualMachineConfiguration(new VirtualMachineConfiguration().withImageReference(new ImageReference().withPublisher("Canonical")).withNodeAgentSKUId("batch.node.ubuntu 22.04").withWindowsConfiguration(null))\n' +
          '        .withUserAccounts(Arrays.asList(new UserAccount().withName("a")));',
        { sku: '"batch.node.ubuntu 22.04"', publisher: '"Canonical"', windows: undefined, cloud: undefined },
      ],
      [
        NEW,
        '    BatchPoolCreateContent p = new BatchPoolCreateContent("p", "s").setVirtualMachineConfiguration(new VirtualMachineConfiguration(new ImageReference().setPublisher("MicrosoftWindowsServer"), "batch.node.windows amd64").setWindowsConfiguration(new WindowsConfiguration()));\n' +
          '    p.setUserAccounts(Arrays.asList(new UserAccount("a", "x")));',
        { sku: '"batch.node.windows amd64"', publisher: '"MicrosoftWindowsServer"', windows: 'setWindowsConfiguration', cloud: undefined },
      ],
      [
        MGMT,
        '    manager.pools().define("p").withExistingBatchAccount("rg", "a")\n' +
          '        .withDeploymentConfiguration(new DeploymentConfiguration().withVirtualMachineConfiguration(new VirtualMachineConfiguration().withNodeAgentSkuId(sku)))\n' +
          '        .withUserAccounts(Arrays.asList(new UserAccount().withName("a")))\n' +
          '        .create();',
        { sku: 'sku', publisher: undefined, windows: undefined, cloud: undefined },
      ],
      [
        MGMT_LEGACY,
        '    DeploymentConfiguration d = new DeploymentConfiguration();\n    d.withCloudServiceConfiguration(new CloudServiceConfiguration());\n' +
          '    List<UserAccount> users = new ArrayList<>();\n    users.add(new UserAccount().withName("a"));\n' +
          '    account.update().defineNewPool("p").withDeploymentConfiguration(d).withUserAccounts(users).attach().apply();',
        { sku: undefined, publisher: undefined, windows: undefined, cloud: 'withCloudServiceConfiguration' },
      ],
    ];
    for (const [header, body, expected] of cases) {
      const text = inMethod(header, body, 'PoolAddParameter pool, BatchManager manager, BatchAccount account, String sku');
      const facts = await factsOf(text);
      assert.equal(facts.pools.length, 1, body);
      const [pool] = facts.pools;
      assert.deepEqual(
        {
          sku: written(text, pool.nodeAgentSkuId),
          publisher: written(text, pool.image?.publisher),
          windows: at(text, pool.windowsConfiguration),
          cloud: at(text, pool.cloudServiceConfiguration),
        },
        expected,
        body,
      );
      assert.deepEqual(
        facts.accounts.map((a) => a.pool?.key),
        [pool.key],
        `the account carries the pool's key: ${body}`,
      );
    }
  });

  it('a look-alike pool builder of the project is no Batch pool', async () => {
    const text =
      'import com.microsoft.azure.batch.protocol.models.UserAccount;\nimport java.util.*;\n\nclass Spec {\n  Spec withCloudServiceConfiguration(Object c) { return this; }\n  Spec withUserAccounts(List<UserAccount> a) { return this; }\n  Spec make() { return new Spec().withCloudServiceConfiguration(null).withUserAccounts(new ArrayList<>()); }\n}\n';
    assert.deepEqual((await factsOf(text)).pools, []);
  });
});

describe('java: a pool held in a parameter', () => {
  it('its configuration set in one statement, its accounts in another', async () => {
    const text = inMethod(
      LEGACY,
      '    pool.withCloudServiceConfiguration(new CloudServiceConfiguration().withOsFamily("6"));\n    pool.withUserAccounts(Arrays.asList(new UserAccount().withName("a")));',
      'PoolAddParameter pool',
    );
    const [pool] = (await factsOf(text)).pools;
    assert.equal(at(text, pool.cloudServiceConfiguration), 'withCloudServiceConfiguration');
  });
});
