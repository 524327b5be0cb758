import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EnumRefFact, Facts, IdentityFact, Value } from '../../../server/src/engine/facts';
import { pythonLanguage } from '../../../server/src/languages/python';
import { squiggles } from '../../helpers/engine';

const BM = 'import azure.batch.models as batchmodels\n';

async function factsOf(text: string): Promise<Facts> {
  const tree = await pythonLanguage.parse(text);
  try {
    return pythonLanguage.analyze({ uri: 'file:///facts.py', text }, tree).facts;
  } finally {
    pythonLanguage.dispose?.(tree);
  }
}

/** A Value as (kind, text, extra) for compact assertions. */
function brief(value: Value | undefined): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case 'enum':
      return { enum: value.enum, member: value.member, canonical: value.canonical };
    case 'expr':
      return value.hint ? { expr: value.text, hint: value.hint } : { expr: value.text };
    case 'null':
      return null;
    default:
      return value.value;
  }
}

function autoUserOf(identity: IdentityFact): unknown {
  const a = identity.autoUser;
  if (!a) return undefined;
  if ('reference' in a) return { reference: brief(a.reference) };
  return { scope: brief(a.scope), elevation: brief(a.elevation) };
}

describe('python identity facts', () => {
  it('a legacy auto-user identity given to a task: holder, task kind, scope and elevation', async () => {
    const text = `${BM}t = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(scope=batchmodels.AutoUserScope.task, elevation_level=batchmodels.ElevationLevel.admin)))\n`;
    const facts = await factsOf(text);
    assert.equal(facts.identities.length, 1);
    const identity = facts.identities[0];
    assert.equal(text.slice(identity.nameSpan.start, identity.nameSpan.end), 'UserIdentity');
    assert.equal(identity.holder?.taskKind, 'task');
    assert.equal(identity.holder?.typeName, 'TaskAddParameter');
    assert.equal(identity.confidence, 'strong');
    assert.deepEqual(autoUserOf(identity), {
      scope: { enum: 'AutoUserScope', member: 'task', canonical: 'task' },
      elevation: { enum: 'ElevationLevel', member: 'admin', canonical: 'admin' },
    });
  });

  it('named users: legacy user_name= and 15.x username=', async () => {
    const legacy = await factsOf(
      `${BM}s = batchmodels.StartTask(command_line='x', user_identity=batchmodels.UserIdentity(user_name='pool-admin'))\n`,
    );
    assert.equal(brief(legacy.identities[0].userName), 'pool-admin');
    assert.equal(legacy.identities[0].holder?.taskKind, 'startTask');
    const v15 = await factsOf(
      `from azure.batch import models\nm = models.BatchJobManagerTask(id='m', command_line='x', user_identity=models.UserIdentity(username=''))\n`,
    );
    assert.equal(brief(v15.identities[0].userName), '', 'an empty user name counts as set');
    assert.equal(v15.identities[0].holder?.taskKind, 'jobManagerTask');
  });

  it('positional arguments in the old SDK order: UserIdentity(user_name, auto_user), AutoUserSpecification(scope, elevation_level)', async () => {
    const facts = await factsOf(
      `${BM}i = batchmodels.UserIdentity(None, batchmodels.AutoUserSpecification(batchmodels.AutoUserScope.pool, batchmodels.ElevationLevel.non_admin))\n`,
    );
    assert.equal(facts.identities[0].userName, undefined);
    assert.deepEqual(autoUserOf(facts.identities[0]), {
      scope: { enum: 'AutoUserScope', member: 'pool', canonical: 'pool' },
      elevation: { enum: 'ElevationLevel', member: 'non_admin', canonical: 'nonAdmin' },
    });
  });

  it('an identity held in a module constant and passed later: the holder is the call it is given to', async () => {
    const text = `${BM}POOL_ADMIN = batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(scope=batchmodels.AutoUserScope.pool, elevation_level=batchmodels.ElevationLevel.admin))\n\ndef start_task():\n    return batchmodels.StartTask(command_line='x', user_identity=POOL_ADMIN)\n`;
    const facts = await factsOf(text);
    assert.equal(facts.identities.length, 1);
    assert.equal(facts.identities[0].holder?.typeName, 'StartTask');
    assert.equal(text.slice(facts.identities[0].span.start, facts.identities[0].span.start + 24), 'batchmodels.UserIdentity');
  });

  it('one constant given to two tasks: the construction once, and a fact per task at its use', async () => {
    const text = `${BM}ADMIN = batchmodels.UserIdentity(user_name='admin')\na = batchmodels.TaskAddParameter(id='a', user_identity=ADMIN)\nb = batchmodels.TaskAddParameter(id='b', user_identity=ADMIN)\n`;
    const facts = await factsOf(text);
    assert.deepEqual(
      facts.identities.map((i) => [text.slice(i.span.start, i.span.end).slice(0, 24), i.holder?.key !== undefined, brief(i.userName)]),
      [
        ['batchmodels.UserIdentity', false, 'admin'],
        ['ADMIN', true, 'admin'],
        ['ADMIN', true, 'admin'],
      ],
    );
  });

  it('x.user_identity = … shares its holder with x.run_elevated and with the call that made x', async () => {
    const text = `${BM}t = batchmodels.TaskAddParameter(id='t')\nt.user_identity = batchmodels.UserIdentity(user_name='u')\nt.run_elevated = True\n`;
    const facts = await factsOf(text);
    assert.equal(facts.identities[0].holder?.key, facts.runElevated[0].holder.key);
    assert.equal(facts.identities[0].holder?.typeName, 'TaskAddParameter');
  });

  it('an identity the file does not show is recorded as a reference, so no second identity is written', async () => {
    const facts = await factsOf(`${BM}t = batchmodels.TaskAddParameter(id='t', user_identity=identity_for(user))\n`);
    assert.deepEqual(autoUserOf(facts.identities[0]), { reference: { expr: 'identity_for(user)' } });
  });

  it('an identity built by a helper that is not Batch is no fact; a foreign UserIdentity in a Batch file is weak', async () => {
    assert.deepEqual((await factsOf(`class UserIdentity:\n    pass\n\ni = UserIdentity()\n`)).identities, []);
    const weak = await factsOf(
      `import azure.batch.batch_auth\nfrom vendored.models import UserIdentity\ni = UserIdentity(user_name='u')\n`,
    );
    assert.equal(weak.identities[0].confidence, 'weak');
  });
});

describe('python user account facts', () => {
  const text =
    `import os\nimport uuid\n${BM}from azure.keyvault.secrets import SecretClient\n\n` +
    `ADMIN_PASSWORD = os.environ['ADMIN_PASSWORD']\nsecrets = SecretClient(vault_url='https://v', credential=None)\n` +
    `admin = batchmodels.UserAccount(\n    name='pool-admin',\n    password=ADMIN_PASSWORD,\n    elevation_level=batchmodels.ElevationLevel.admin,\n` +
    `    linux_user_configuration=batchmodels.LinuxUserConfiguration(uid=1001, gid=1001, ssh_private_key=secrets.get_secret('key').value))\n` +
    `worker = batchmodels.UserAccount('worker', 'hunter2', batchmodels.ElevationLevel.non_admin)\n` +
    `users = [admin, worker, batchmodels.UserAccount(name='win', password=os.getenv('P'), windows_user_configuration=batchmodels.WindowsUserConfiguration(login_mode=batchmodels.LoginMode.batch))]\n` +
    `pool = batchmodels.PoolAddParameter(id='p', vm_size='s', user_accounts=users)\n` +
    `other = batchmodels.PoolAddParameter(id='q', vm_size='s')\n` +
    `other.user_accounts = [batchmodels.UserAccount(name='k', password='x', linux_user_configuration=batchmodels.LinuxUserConfiguration(ssh_private_key=str(uuid.uuid4())))]\n` +
    `old = [batchmodels.UserAccount(name='o', password='y', ssh_private_key='')]\n`;

  it('fields, positional arguments, Linux and Windows settings, value kinds', async () => {
    const facts = await factsOf(text);
    assert.deepEqual(
      facts.accounts.map((a) => ({
        name: brief(a.name),
        password: brief(a.password),
        elevation: brief(a.elevation),
        uid: brief(a.linux?.uid),
        gid: brief(a.linux?.gid),
        key: brief(a.linux?.sshPrivateKey),
        loginMode: brief(a.windows?.loginMode),
      })),
      [
        {
          name: 'pool-admin',
          password: { expr: "os.environ['ADMIN_PASSWORD']", hint: 'secret' },
          elevation: { enum: 'ElevationLevel', member: 'admin', canonical: 'admin' },
          uid: 1001,
          gid: 1001,
          key: { expr: "secrets.get_secret('key').value", hint: 'secret' },
          loginMode: undefined,
        },
        {
          name: 'worker',
          password: 'hunter2',
          elevation: { enum: 'ElevationLevel', member: 'non_admin', canonical: 'nonAdmin' },
          uid: undefined,
          gid: undefined,
          key: undefined,
          loginMode: undefined,
        },
        {
          name: 'win',
          password: { expr: "os.getenv('P')", hint: 'secret' },
          elevation: undefined,
          uid: undefined,
          gid: undefined,
          key: undefined,
          loginMode: { enum: 'LoginMode', member: 'batch', canonical: 'batch' },
        },
        {
          name: 'k',
          password: 'x',
          elevation: undefined,
          uid: undefined,
          gid: undefined,
          key: { expr: 'str(uuid.uuid4())', hint: 'guid' },
          loginMode: undefined,
        },
        { name: 'o', password: 'y', elevation: undefined, uid: undefined, gid: undefined, key: '', loginMode: undefined },
      ],
    );
  });

  it('a password held in a constant spans its definition', async () => {
    const facts = await factsOf(text);
    const password = facts.accounts[0].password!;
    assert.equal(text.slice(password.span.start, password.span.end), "os.environ['ADMIN_PASSWORD']");
  });

  it('pool keys: accounts of one pool (even through a variable list) share a key; other pools have their own', async () => {
    const facts = await factsOf(text);
    const keys = facts.accounts.map((a) => a.pool?.key);
    assert.equal(keys[0], keys[1]);
    assert.equal(keys[1], keys[2]);
    assert.notEqual(keys[3], keys[0]);
    assert.notEqual(keys[4], keys[3]);
    assert.ok(keys.every((k) => k !== undefined));
    const pool = facts.accounts[0].pool!;
    assert.equal(text.slice(pool.span!.start, pool.span!.start + 28), 'batchmodels.PoolAddParameter');
  });
});

describe('python models completed later', () => {
  it('statements after the construction in its block complete it, the last write of a field wins', async () => {
    const facts = await factsOf(
      `${BM}t = batchmodels.TaskAddParameter(id='t')\nt.user_identity = batchmodels.UserIdentity(user_name='first')\n` +
        `t.user_identity.user_name = 'ops'\nt.user_identity.user_name = 'last'\nt.user_identity.auto_user = batchmodels.AutoUserSpecification()\n` +
        `t.user_identity.auto_user.elevation_level = batchmodels.ElevationLevel.admin\n`,
    );
    assert.equal(facts.identities.length, 1);
    assert.equal(brief(facts.identities[0].userName), 'last');
    assert.deepEqual(autoUserOf(facts.identities[0]), {
      scope: undefined,
      elevation: { enum: 'ElevationLevel', member: 'admin', canonical: 'admin' },
    });
    assert.equal(facts.identities[0].holder?.typeName, 'TaskAddParameter');
  });

  it('writes in a branch, a loop, another function or before the construction do not complete it: an empty identity says nothing', async () => {
    for (const later of [
      'if x:\n    i.auto_user = batchmodels.AutoUserSpecification()\n',
      'for _ in range(2):\n    i.user_name = "ops"\n',
      'def later():\n    i.user_name = "ops"\n',
      'finish(i)\n',
      'identities = [i]\n',
      'alias = i\nfinish(alias)\n',
      'i.__dict__.update(user_name="ops")\n',
      'setattr(i, "user_name", "ops")\n',
    ]) {
      const facts = await factsOf(
        `${BM}i = batchmodels.UserIdentity()\n${later}t = batchmodels.TaskAddParameter(id='t', user_identity=i)\n`,
      );
      assert.deepEqual(facts.identities, [], later);
      assert.equal(facts.identityAssignments.length, 1, `the task still has a user identity: ${later}`);
    }
  });

  it('an identity that shows a field keeps it when it is open; reads, builtins that look and Batch models that take it leave it closed', async () => {
    const open = await factsOf(`${BM}i = batchmodels.UserIdentity(user_name='ops')\nfinish(i)\n`);
    assert.equal(brief(open.identities[0].userName), 'ops');
    const closedText =
      `${BM}i = batchmodels.UserIdentity()\nprint(i.user_name, i)\nif i is None or not isinstance(i, object):\n    pass\nt = batchmodels.TaskAddParameter(id='t', user_identity=i)\n` +
      `u = batchmodels.TaskAddParameter(id='u', user_identity=batchmodels.UserIdentity() if named else fallback)\n`;
    const constructions = (await factsOf(closedText)).identities.filter(
      (i) => closedText.slice(i.nameSpan.start, i.nameSpan.end) === 'UserIdentity',
    );
    assert.deepEqual(
      constructions.map((i) => [i.userName, i.autoUser]),
      [
        [undefined, undefined],
        [undefined, undefined],
      ],
    );
    const passed = await factsOf(
      `${BM}finish(batchmodels.UserIdentity() if named else None)\nother = fallback or batchmodels.UserIdentity()\nreturn_it(other)\n`,
    );
    assert.deepEqual(passed.identities, []);
  });

  it('management models take keywords only: positional arguments name no field, and leave the identity open', async () => {
    const facts = await factsOf(
      `from azure.mgmt.batch import models\ni = models.UserIdentity('ops')\nlinux = models.LinuxUserConfiguration(1001)\na = models.UserAccount(name='a', password='p', linux_user_configuration=linux)\n`,
    );
    assert.deepEqual(facts.identities, []);
    assert.equal(facts.accounts[0].linux?.uid, undefined);
  });
});

describe('python pool facts', () => {
  const text =
    `import os\n${BM}from azure.mgmt.batch import models as mgmt\n\n` +
    `arm = mgmt.Pool(\n    vm_size='STANDARD_D2S_V3',\n    deployment_configuration=mgmt.DeploymentConfiguration(virtual_machine_configuration=mgmt.VirtualMachineConfiguration(\n` +
    `        image_reference=mgmt.ImageReference(publisher='Canonical', offer='0001-com-ubuntu-server-jammy', sku='22_04-lts'),\n        node_agent_sku_id=SKU)),\n` +
    `    user_accounts=[mgmt.UserAccount(name='a', password=os.environ['PW'])],\n)\n` +
    `SKU = 'batch.node.ubuntu 22.04'\n` +
    `cloud = batchmodels.PoolAddParameter(id='c', vm_size='small', cloud_service_configuration=batchmodels.CloudServiceConfiguration(os_family='6'))\n` +
    `cloud.user_accounts = [batchmodels.UserAccount(name='b', password=os.environ['PW'])]\n` +
    `win = batchmodels.PoolAddParameter(id='w', vm_size='s')\n` +
    `win.virtual_machine_configuration = batchmodels.VirtualMachineConfiguration(node_agent_sku_id=os.environ['SKU'], windows_configuration=batchmodels.WindowsConfiguration())\n` +
    `win.user_accounts.append(batchmodels.UserAccount(name='c', password=os.environ['PW']))\n` +
    `none = batchmodels.PoolAddParameter(id='n', vm_size='s', cloud_service_configuration=None, virtual_machine_configuration=configuration)\n` +
    `maybe = batchmodels.PoolAddParameter(id='m', vm_size='s', cloud_service_configuration=batchmodels.CloudServiceConfiguration(os_family='6'))\n` +
    `if late:\n    maybe.virtual_machine_configuration = batchmodels.VirtualMachineConfiguration(node_agent_sku_id='batch.node.ubuntu 22.04')\n`;
  const slice = (span: { start: number; end: number } | undefined) => span && text.slice(span.start, span.end);

  it('each pool in document order with its raw OS values, written in place, through constants, or by later statements of its block', async () => {
    const facts = await factsOf(text);
    assert.deepEqual(
      facts.pools.map((p) => ({
        name: slice(p.nameSpan),
        cloudService: slice(p.cloudServiceConfiguration),
        sku: brief(p.nodeAgentSkuId),
        image: p.image && [brief(p.image.publisher), brief(p.image.offer), brief(p.image.sku)],
        windows: slice(p.windowsConfiguration),
        confidence: p.confidence,
      })),
      [
        {
          name: 'Pool',
          cloudService: undefined,
          sku: 'batch.node.ubuntu 22.04',
          image: ['Canonical', '0001-com-ubuntu-server-jammy', '22_04-lts'],
          windows: undefined,
          confidence: 'strong',
        },
        {
          name: 'PoolAddParameter',
          cloudService: 'cloud_service_configuration',
          sku: undefined,
          image: undefined,
          windows: undefined,
          confidence: 'strong',
        },
        {
          name: 'PoolAddParameter',
          cloudService: undefined,
          sku: { expr: "os.environ['SKU']", hint: 'secret' },
          image: undefined,
          windows: 'windows_configuration',
          confidence: 'strong',
        },
        // A parameter and None tell nothing; a configuration changed in a branch makes the OS unknown.
        { name: 'PoolAddParameter', cloudService: undefined, sku: undefined, image: undefined, windows: undefined, confidence: 'strong' },
        { name: 'PoolAddParameter', cloudService: undefined, sku: undefined, image: undefined, windows: undefined, confidence: 'strong' },
      ],
    );
  });

  it('a pool’s key is its accounts’ pool key, whether they are given in the call, assigned or appended later', async () => {
    const facts = await factsOf(text);
    const poolOf = (name: string) => facts.pools.find((p) => slice(p.span)!.startsWith(name))!.key;
    assert.deepEqual(
      facts.accounts.map((a) => a.pool?.key),
      [poolOf('mgmt.Pool'), poolOf("batchmodels.PoolAddParameter(id='c'"), poolOf("batchmodels.PoolAddParameter(id='w'")],
    );
  });
});

describe('python enum member facts', () => {
  const refs = async (text: string) =>
    (await factsOf(text)).enumRefs.map(
      (r: EnumRefFact) => [r.value.member, r.value.canonical ?? null, r.valid[r.value.canonical ?? 'admin'] ?? null] as const,
    );

  it('legacy: lower-case members are canonical, upper-case and nonadmin are not', async () => {
    assert.deepEqual(
      await refs(
        `${BM}a = batchmodels.ElevationLevel.admin\nb = batchmodels.ElevationLevel.non_admin\nc = batchmodels.ElevationLevel.nonadmin\nd = batchmodels.AutoUserScope.task\n`,
      ),
      [
        ['admin', 'admin', 'admin'],
        ['non_admin', 'nonAdmin', 'non_admin'],
        ['nonadmin', null, 'admin'],
        ['task', 'task', 'task'],
      ],
    );
  });

  it('legacy file with one upper-case member: not canonical there', async () => {
    const facts = await factsOf(`${BM}t = batchmodels.TaskAddParameter(id='t')\nx = batchmodels.ElevationLevel.NON_ADMIN\n`);
    assert.equal(facts.enumRefs[0].value.canonical, undefined);
    assert.deepEqual(facts.enumRefs[0].valid, { nonAdmin: 'non_admin', admin: 'admin' });
  });

  it('15.x (told by its classes): upper case valid, lower case resolves too (case-insensitive enums), nonadmin never', async () => {
    const facts = await factsOf(
      `from azure.batch import models\nt = models.BatchTaskCreateOptions(id='t')\na = models.ElevationLevel.NON_ADMIN\nb = models.ElevationLevel.admin\nc = models.ElevationLevel.nonadmin\nd = models.LoginMode.INTERACTIVE\n`,
    );
    assert.deepEqual(
      facts.enumRefs.map((r) => [r.value.member, r.value.canonical]),
      [
        ['NON_ADMIN', 'nonAdmin'],
        ['admin', 'admin'],
        ['nonadmin', undefined],
        ['INTERACTIVE', 'interactive'],
      ],
    );
    assert.deepEqual(facts.enumRefs[0].valid, { nonAdmin: 'NON_ADMIN', admin: 'ADMIN' });
  });

  it('15.x told by username= or by upper-case members alone; legacy by default', async () => {
    const byKeyword = await factsOf(
      `from azure.batch import models\ni = models.UserIdentity(username='u')\nx = models.ElevationLevel.admin\n`,
    );
    assert.deepEqual(byKeyword.enumRefs[0].valid, { nonAdmin: 'NON_ADMIN', admin: 'ADMIN' });
    const byMembers = await factsOf(
      `from azure.batch.models import ElevationLevel, AutoUserScope\nx = ElevationLevel.ADMIN\ny = AutoUserScope.POOL\n`,
    );
    assert.equal(byMembers.enumRefs[0].value.canonical, 'admin');
    const nothing = await factsOf(`from azure.batch.models import ElevationLevel\nx = ElevationLevel.admin\n`);
    assert.deepEqual(nothing.enumRefs[0].valid, { nonAdmin: 'non_admin', admin: 'admin' });
  });

  it('management and data plane in one file: each member judged by where its name resolves', async () => {
    const facts = await factsOf(
      `${BM}from azure.mgmt.batch.models import ElevationLevel\nt = batchmodels.TaskAddParameter(id='t')\na = ElevationLevel.ADMIN\nb = batchmodels.ElevationLevel.admin\nc = batchmodels.ElevationLevel.ADMIN\n`,
    );
    assert.deepEqual(
      facts.enumRefs.map((r) => [r.value.text, r.value.canonical, r.valid.admin]),
      [
        ['ElevationLevel.ADMIN', 'admin', 'ADMIN'],
        ['batchmodels.ElevationLevel.admin', 'admin', 'admin'],
        ['batchmodels.ElevationLevel.ADMIN', undefined, 'admin'],
      ],
    );
  });

  it('unknown-enum-member: silent on the management ADMIN, flags the data-plane ADMIN of a legacy file', async () => {
    const text = `${BM}from azure.mgmt.batch import models as mgmtmodels\nt = batchmodels.TaskAddParameter(id='t')\na = mgmtmodels.ElevationLevel.NON_ADMIN\nb = batchmodels.ElevationLevel.ADMIN\n`;
    const found = (await squiggles('python', text)).filter((s) => s.rule === 'unknown-enum-member');
    assert.deepEqual(
      found.map((s) => s.text),
      ['ADMIN'],
    );
  });

  it('an enum of the file’s own, or from an unseen module, is no Batch member', async () => {
    assert.deepEqual(
      await refs(`from enum import Enum\n\nclass ElevationLevel(Enum):\n    admin = 1\n\nx = ElevationLevel.nonadmin\n`),
      [],
    );
    assert.deepEqual(await refs(`from security import ElevationLevel\nx = ElevationLevel.nonadmin\n`), []);
  });
});

describe('python big files', () => {
  it('a 10,000-line file with 200 Batch tasks: every use found (speed is measured by npm run bench)', async () => {
    let text = BM;
    for (let i = 0; i < 200; i++) {
      text += `t${i} = batchmodels.TaskAddParameter(id='t${i}', command_line='x', run_elevated=${i % 2 ? 'True' : 'False'})\n`;
      text += `t${i}.user_identity = batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin))\n\n`;
      for (let j = 0; j < 12; j++) {
        text += `def helper_${i}_${j}(task, value=${j}):\n    result = [x * 2 for x in range(value) if x % 3]\n    return {'id': 'task%d' % value, 'items': result}\n\n`;
      }
      text += '\n';
    }
    assert.ok(text.split('\n').length >= 10_000, `${text.split('\n').length} lines`);
    const tree = await pythonLanguage.parse(text);
    try {
      const facts = pythonLanguage.analyze({ uri: 'file:///big.py', text }, tree).facts;
      assert.equal(facts.runElevated.length, 200);
    } finally {
      pythonLanguage.dispose?.(tree);
    }
  });
});

describe('python facts: a pool’s id (what a job’s pool_id names)', () => {
  const idsOf = async (text: string) => (await factsOf(text)).pools.map((p) => (p.id?.kind === 'string' ? p.id.value : p.id?.text));

  it('data-plane pools: id=, or set later; azure-mgmt-batch’s Pool has none (its id is the ARM resource id)', async () => {
    assert.deepEqual(
      await idsOf(
        `${BM}from azure.mgmt.batch import models as mgmt\n\n` +
          "a = batchmodels.PoolAddParameter(id='render', vm_size='s')\nb = batchmodels.PoolAddParameter(vm_size='s')\nb.id = 'later'\n" +
          "c = mgmt.Pool(vm_size='s')\n",
      ),
      ['render', 'later', undefined],
    );
  });
});
