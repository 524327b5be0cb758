/**
 * C# pools (`PoolFact`): what each generation's pool configuration says of the nodes' OS, as
 * written — the node agent SKU, the image, a Cloud Services or Windows configuration — and the key
 * that ties the pool to the accounts defined on it (`UserAccountFact.pool.key`), however the
 * accounts reach it. Which OS that is, is os-mismatch's judgement (test/unit/rules/osMismatch).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Facts, PoolFact, Value } from '../../../server/src/engine/facts';
import { analyze } from '../../helpers/engine';
import { csArm, csLegacy, csMgmt, csNew } from '../rules/table';

async function factsOf(text: string): Promise<Facts> {
  const analysis = await analyze('csharp', text);
  analysis.release();
  return analysis.facts;
}

const said = (value: Value | undefined) => value && (value.kind === 'string' ? value.value : value.text);

/** A pool as (where it is named, what tells its OS), for compact assertions. */
function brief(text: string, pool: PoolFact) {
  const at = (span: { start: number; end: number } | undefined) => span && text.slice(span.start, span.end);
  return {
    name: at(pool.nameSpan),
    ...(pool.nodeAgentSkuId && { sku: said(pool.nodeAgentSkuId) }),
    ...(pool.image?.publisher && { publisher: said(pool.image.publisher) }),
    ...(pool.cloudServiceConfiguration && { cloudService: at(pool.cloudServiceConfiguration) }),
    ...(pool.windowsConfiguration && { windows: at(pool.windowsConfiguration) }),
  };
}

describe('csharp facts: pools', () => {
  const cases: { name: string; text: string; pools: ReturnType<typeof brief>[]; accountsOnPool: number }[] = [
    {
      name: 'Azure.ResourceManager.Batch: deployment configuration, image by name, accounts in the initializer',
      text: csArm(
        'var data = new BatchAccountPoolData\n{\n    DeploymentConfiguration = new BatchDeploymentConfiguration\n    {\n' +
          '        VmConfiguration = new BatchVmConfiguration(new BatchImageReference { Publisher = "Canonical", Sku = "22_04-lts" }, "batch.node.ubuntu 22.04") { IsAutomaticUpdateEnabled = true },\n' +
          '    },\n    UserAccounts = { new BatchUserAccount("a", secret), new("b", secret) },\n};',
      ),
      pools: [
        { name: 'BatchAccountPoolData', sku: 'batch.node.ubuntu 22.04', publisher: 'Canonical', windows: 'IsAutomaticUpdateEnabled' },
      ],
      accountsOnPool: 2,
    },
    {
      name: 'Azure.ResourceManager.Batch: a Cloud Services configuration set by a later statement, accounts added',
      text: csArm(
        'var data = new BatchAccountPoolData();\ndata.DeploymentConfiguration = new() { CloudServiceConfiguration = new BatchCloudServiceConfiguration("6") };\ndata.UserAccounts.Add(new("a", secret));',
      ),
      pools: [{ name: 'BatchAccountPoolData', cloudService: 'CloudServiceConfiguration' }],
      accountsOnPool: 1,
    },
    {
      name: 'Microsoft.Azure.Management.Batch: constructors by name, the SKU from a constant',
      text: csMgmt(
        'const string Sku = "batch.node.windows amd64";\nvar created = new Pool(\n    deploymentConfiguration: new DeploymentConfiguration(virtualMachineConfiguration: new VirtualMachineConfiguration(\n' +
          '        new ImageReference(publisher: "MicrosoftWindowsServer"), Sku, new WindowsConfiguration(enableAutomaticUpdates: false))),\n' +
          '    userAccounts: new List<UserAccount> { new UserAccount("a", secret) });',
      ),
      pools: [
        {
          name: 'Pool',
          sku: 'batch.node.windows amd64',
          publisher: 'MicrosoftWindowsServer',
          windows: 'new WindowsConfiguration(enableAutomaticUpdates: false)',
        },
      ],
      accountsOnPool: 1,
    },
    {
      name: 'Microsoft.Azure.Batch: CreatePool with a configuration held in a variable; a CloudPool with a Cloud Services configuration',
      text: csLegacy(
        'var vm = new VirtualMachineConfiguration(new ImageReference { Publisher = "Canonical" }, "batch.node.ubuntu 20.04");\n' +
          'CloudPool created = client.PoolOperations.CreatePool("p", "STANDARD_D2", vm);\ncreated.UserAccounts = new List<UserAccount> { new UserAccount("a", secret) };\n' +
          'var windows = new CloudPool { CloudServiceConfiguration = new CloudServiceConfiguration("5"), UserAccounts = new List<UserAccount> { new UserAccount("b", secret) } };',
        'BatchClient client, string secret',
      ),
      pools: [
        { name: 'CloudPool', cloudService: 'CloudServiceConfiguration' },
        { name: 'CreatePool', sku: 'batch.node.ubuntu 20.04', publisher: 'Canonical' },
      ],
      accountsOnPool: 2,
    },
    {
      name: 'Azure.Compute.Batch: a target-typed VM configuration; accounts of a parameter pool are on no pool here',
      text: csNew(
        'var created = new BatchPoolCreateContent("p", "s") { VirtualMachineConfiguration = new(new ImageReference { Publisher = "canonical" }, "batch.node.ubuntu 22.04") };\npool.UserAccounts.Add(new("a", secret));',
      ),
      pools: [{ name: 'BatchPoolCreateContent', sku: 'batch.node.ubuntu 22.04', publisher: 'canonical' }],
      accountsOnPool: 0,
    },
    {
      name: 'null, unknown values and another library’s pool tell nothing (a file without accounts is not even parsed)',
      text: csLegacy(
        'var a = new CloudPool { CloudServiceConfiguration = null, VirtualMachineConfiguration = configuration };\nvar b = new Contoso.Pools.CloudPool { CloudServiceConfiguration = new CloudServiceConfiguration("5") };\nother.UserAccounts.Add(new UserAccount("x", secret));',
        'VirtualMachineConfiguration configuration, CloudPool other, string secret',
      ),
      pools: [{ name: 'CloudPool' }],
      accountsOnPool: 0,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const facts = await factsOf(c.text);
      assert.deepEqual(
        facts.pools.map((p) => brief(c.text, p)),
        c.pools,
      );
      const keys = new Set(facts.pools.map((p) => p.key));
      assert.equal(facts.accounts.filter((a) => a.pool && keys.has(a.pool.key)).length, c.accountsOnPool, 'accounts on a pool of the file');
    });
  }
});

describe('csharp facts: a pool’s id (what a job’s PoolId names)', () => {
  const idsOf = async (text: string) => (await factsOf(text)).pools.map((p) => said(p.id));
  // A file is read for pools once it names an identity model.
  const account = '\nvar account = new UserAccount("ops", "x");';

  it('data-plane pools: CreatePool’s and the constructors’ first argument, Id = …, id:', async () => {
    assert.deepEqual(
      await idsOf(
        csLegacy(
          'var a = client.PoolOperations.CreatePool("render", "s", configuration);\nvar b = client.PoolOperations.CreatePool(virtualMachineSize: "s", poolId: "named");' +
            account,
          'BatchClient client, VirtualMachineConfiguration configuration',
        ),
      ),
      ['render', 'named'],
    );
    assert.deepEqual(
      await idsOf(csNew('var a = new BatchPoolCreateContent("render", "s");\nvar b = new BatchPoolSpecification("s");' + account)),
      ['render'],
    );
  });

  it('management pools have none: their Id is the ARM resource id', async () => {
    assert.deepEqual(
      await idsOf(csMgmt('var a = new Pool(id: "/subscriptions/x/pools/render");\nvar b = new Pool { Id = "p" };' + account)),
      [undefined, undefined],
    );
    assert.deepEqual(await idsOf(csArm('var data = new BatchAccountPoolData();\nvar account = new BatchUserAccount("ops", "x");')), [
      undefined,
    ]);
  });
});
