/**
 * os-mismatch rows in Java: pools given user accounts (`withUserAccounts`, `setUserAccounts`) whose
 * configuration tells their OS — on the pool in the data plane, under `withDeploymentConfiguration`
 * in the management SDKs — with accounts of the other OS.
 */
import type { osMismatchRule } from '../../../../server/src/rules/osMismatch';
import { javaLegacy, javaMgmt, javaMgmtLegacy, javaNew, type CaseOf } from '../table';

const windowsAccount =
  'new UserAccount().withName("worker").withPassword(secret).withWindowsUserConfiguration(new WindowsUserConfiguration().withLoginMode(LoginMode.BATCH))';
const linuxAccount =
  'new UserAccount().withName("mpi").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1001).withGid(1001))';

export const ROWS: readonly CaseOf<typeof osMismatchRule>[] = [
  {
    name: 'legacy: windowsUserConfiguration on an Ubuntu pool (node agent SKU and image publisher agree)',
    language: 'java',
    text: javaLegacy(
      'pool.withVirtualMachineConfiguration(new VirtualMachineConfiguration()\n' +
        '        .withImageReference(new ImageReference().withPublisher("Canonical").withOffer("0001-com-ubuntu-server-jammy").withSku("22_04-lts"))\n' +
        '        .withNodeAgentSKUId("batch.node.ubuntu 22.04"))\n' +
        `    .withUserAccounts(Arrays.asList(${windowsAccount}, ${linuxAccount}));`,
    ),
    found: [['warning', 'WindowsUserConfiguration', 'windowsOnLinux', []]],
    seen: 1,
  },
  {
    name: 'legacy: linuxUserConfiguration on a Cloud Services pool, the configuration and accounts in locals (the documentation’s shape)',
    language: 'java',
    text: javaLegacy(
      'CloudServiceConfiguration configuration = new CloudServiceConfiguration().withOsFamily("6");\n' +
        'List<UserAccount> userList = new ArrayList<>();\n' +
        `userList.add(${linuxAccount});\n` +
        'PoolAddParameter addParameter = new PoolAddParameter()\n' +
        '        .withId("p")\n' +
        '        .withCloudServiceConfiguration(configuration)\n' +
        '        .withUserAccounts(userList);',
    ),
    found: [['warning', 'LinuxUserConfiguration', 'linuxOnWindows', []]],
  },
  {
    name: 'com.azure.compute.batch: linuxUserConfiguration on a Windows image, VirtualMachineConfiguration(image, sku)',
    language: 'java',
    text: javaNew(
      'BatchPoolCreateContent windows = new BatchPoolCreateContent("p", "standard_d2s_v3")\n' +
        '        .setVirtualMachineConfiguration(new VirtualMachineConfiguration(\n' +
        '            new ImageReference().setPublisher("MicrosoftWindowsServer").setOffer("WindowsServer").setSku("2022-datacenter"),\n' +
        '            "batch.node.windows amd64"))\n' +
        '        .setUserAccounts(Arrays.asList(new UserAccount("mpi", secret).setLinuxUserConfiguration(new LinuxUserConfiguration().setUid(1).setGid(1))));',
    ),
    found: [['warning', 'LinuxUserConfiguration', 'linuxOnWindows', []]],
  },
  {
    name: 'com.azure.resourcemanager.batch: windowsUserConfiguration on a Linux pool definition (deploymentConfiguration)',
    language: 'java',
    text: javaMgmt(
      'manager.pools()\n' +
        '    .define("mpi")\n' +
        '    .withExistingBatchAccount("rg", "account")\n' +
        '    .withVmSize("STANDARD_D2S_V3")\n' +
        '    .withDeploymentConfiguration(new DeploymentConfiguration()\n' +
        '        .withVirtualMachineConfiguration(new VirtualMachineConfiguration()\n' +
        '            .withImageReference(new ImageReference().withPublisher("Canonical").withOffer("0001-com-ubuntu-server-jammy").withSku("22_04-lts"))\n' +
        '            .withNodeAgentSkuId("batch.node.ubuntu 22.04")))\n' +
        `    .withUserAccounts(Arrays.asList(${windowsAccount}))\n` +
        '    .create();',
    ),
    found: [['warning', 'WindowsUserConfiguration', 'windowsOnLinux', []]],
  },
  {
    name: 'com.microsoft.azure.management.batch: a Linux account on a Cloud Services pool, everything completed through getters as the SDK’s own pool test does',
    language: 'java',
    text: javaMgmtLegacy(
      'DeploymentConfiguration deployment = new DeploymentConfiguration();\n' +
        'deployment.withCloudServiceConfiguration(new CloudServiceConfiguration());\n' +
        'deployment.cloudServiceConfiguration().withOsFamily("4");\n' +
        'List<UserAccount> userAccounts = new ArrayList<>();\n' +
        'userAccounts.add(new UserAccount());\n' +
        'userAccounts.get(0).withName("username1").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration());\n' +
        'userAccounts.get(0).linuxUserConfiguration().withUid(1234).withGid(4567);\n' +
        'account.update()\n' +
        '    .defineNewPool("testpool")\n' +
        '    .withVmSize("STANDARD_D4")\n' +
        '    .withDeploymentConfiguration(deployment)\n' +
        '    .withUserAccounts(userAccounts)\n' +
        '    .attach()\n' +
        '    .apply();',
    ),
    found: [['warning', 'LinuxUserConfiguration', 'linuxOnWindows', []]],
  },
  {
    name: 'com.azure.resourcemanager.batch: the node agent SKU from a parameter: the OS is not known, silent',
    language: 'java',
    text: javaMgmt(
      'manager.pools().define("p").withExistingBatchAccount("rg", "account")\n' +
        '    .withDeploymentConfiguration(new DeploymentConfiguration().withVirtualMachineConfiguration(new VirtualMachineConfiguration().withNodeAgentSkuId(sku)))\n' +
        `    .withUserAccounts(Arrays.asList(${windowsAccount}))\n` +
        '    .create();',
      'BatchManager manager, String sku, String secret',
    ),
    found: [],
    seen: 1,
  },
  {
    name: 'com.microsoft.azure.management.batch: a Windows login mode on a Cloud Services pool matches: silent',
    language: 'java',
    text: javaMgmtLegacy(
      'account.update()\n' +
        '    .defineNewPool("render")\n' +
        '    .withDeploymentConfiguration(new DeploymentConfiguration().withCloudServiceConfiguration(new CloudServiceConfiguration().withOsFamily("6")))\n' +
        `    .withUserAccounts(Arrays.asList(${windowsAccount}))\n` +
        '    .attach()\n' +
        '    .apply();',
    ),
    found: [],
    seen: 1,
  },
  {
    name: 'legacy: a Windows SKU with an Ubuntu image disagree: silent',
    language: 'java',
    text: javaLegacy(
      'pool.withVirtualMachineConfiguration(new VirtualMachineConfiguration()\n' +
        '        .withImageReference(new ImageReference().withPublisher("Canonical"))\n' +
        '        .withNodeAgentSKUId("batch.node.windows amd64"))\n' +
        `    .withUserAccounts(Arrays.asList(${windowsAccount}, ${linuxAccount}));`,
    ),
    found: [],
    seen: 1,
  },
  {
    name: 'com.azure.compute.batch: settings that match the pool; an account list of another pool',
    language: 'java',
    text: javaNew(
      'pool.setVirtualMachineConfiguration(new VirtualMachineConfiguration(new ImageReference().setPublisher("canonical"), "batch.node.ubuntu 22.04"))\n' +
        '    .setUserAccounts(Arrays.asList(new UserAccount("mpi", secret).setLinuxUserConfiguration(new LinuxUserConfiguration().setUid(1).setGid(1))));\n' +
        'other.setUserAccounts(Arrays.asList(new UserAccount("worker", secret).setWindowsUserConfiguration(new WindowsUserConfiguration().setLoginMode(LoginMode.BATCH))));',
      'BatchPoolCreateContent pool, BatchPoolCreateContent other, String secret',
    ),
    found: [],
    seen: 2,
  },
  {
    name: 'a pool builder of the project’s own, with Batch accounts: not a Batch pool',
    language: 'java',
    text:
      'import com.microsoft.azure.batch.protocol.models.*;\nimport java.util.*;\n\nclass PoolSpec {\n    PoolSpec withCloudServiceConfiguration(Object c) { return this; }\n    PoolSpec withUserAccounts(List<UserAccount> a) { return this; }\n\n' +
      `    PoolSpec build(String secret) {\n        return new PoolSpec().withCloudServiceConfiguration(null).withUserAccounts(Arrays.asList(${linuxAccount}));\n    }\n}\n`,
    found: [],
    seen: 0,
  },
];
