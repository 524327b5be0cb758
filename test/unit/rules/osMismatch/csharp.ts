/**
 * os-mismatch rows in C#: pools whose configuration tells their OS, with accounts of the other OS,
 * in the two data-plane SDKs and the two management SDKs (Azure.ResourceManager.Batch flattens the
 * account's Windows settings into `WindowsUserLoginMode` and the VM's into `IsAutomaticUpdateEnabled`).
 * Each row compiles with mcs against the stub SDKs.
 */
import type { osMismatchRule } from '../../../../server/src/rules/osMismatch';
import type { CSharpCompile } from '../../../compile/csharp/stubRows';
import { csArm, csLegacy, csMgmt, csNew, type CaseOf } from '../table';

/** An Azure.ResourceManager.Batch pool on this image and node agent, with these accounts (initializer members). */
const armPool = (publisher: string, sku: string, accounts: string, vm = '') =>
  csArm(
    'var data = new BatchAccountPoolData\n{\n    VmSize = "STANDARD_D2S_V3",\n' +
      '    DeploymentConfiguration = new BatchDeploymentConfiguration\n    {\n' +
      `        VmConfiguration = new BatchVmConfiguration(new BatchImageReference { Publisher = "${publisher}", Offer = "offer", Sku = "sku" }, "${sku}")${vm},\n` +
      `    },\n    UserAccounts =\n    {\n${accounts}\n    },\n};`,
  );

export const ROWS: readonly CaseOf<typeof osMismatchRule, CSharpCompile>[] = [
  {
    name: 'Azure.ResourceManager.Batch: WindowsUserLoginMode on an Ubuntu pool',
    language: 'csharp',
    text: armPool(
      'Canonical',
      'batch.node.ubuntu 22.04',
      '        new BatchUserAccount("worker", secret) { WindowsUserLoginMode = BatchWindowsLoginMode.Batch },\n' +
        '        new BatchUserAccount("mpi", secret) { LinuxUserConfiguration = new BatchLinuxUserConfiguration { Uid = 1001, Gid = 1001 } },',
    ),
    found: [['warning', 'WindowsUserLoginMode', 'windowsOnLinux', []]],
    seen: 1,
    sdk: 'compiles',
  },
  {
    name: 'Azure.ResourceManager.Batch: target-typed Linux settings on a Windows Server pool (ignored: warning)',
    language: 'csharp',
    text: armPool(
      'MicrosoftWindowsServer',
      'batch.node.windows amd64',
      '        new("mpi", secret) { LinuxUserConfiguration = new() { Uid = 1001, Gid = 1001 } },',
    ),
    found: [['warning', 'LinuxUserConfiguration', 'linuxOnWindows', []]],
    sdk: 'compiles',
  },
  {
    name: 'Azure.ResourceManager.Batch: IsAutomaticUpdateEnabled set later makes a Windows configuration; the node agent from a parameter',
    language: 'csharp',
    text: csArm(
      'var vm = new BatchVmConfiguration(new BatchImageReference { Offer = "custom" }, nodeAgentSku);\nvm.IsAutomaticUpdateEnabled = false;\n' +
        'var data = new BatchAccountPoolData { DeploymentConfiguration = new BatchDeploymentConfiguration { VmConfiguration = vm } };\n' +
        'data.UserAccounts.Add(new("mpi", secret) { LinuxUserConfiguration = new() { Uid = 1001, Gid = 1001 } });',
      'string nodeAgentSku, string secret',
    ),
    found: [['warning', 'LinuxUserConfiguration', 'linuxOnWindows', []]],
    seen: 1,
    sdk: 'compiles',
  },
  {
    name: 'Azure.ResourceManager.Batch: a Cloud Services pool built in a variable, Linux settings on it',
    language: 'csharp',
    text: csArm(
      'var data = new BatchAccountPoolData();\n' +
        'data.DeploymentConfiguration = new BatchDeploymentConfiguration { CloudServiceConfiguration = new BatchCloudServiceConfiguration("6") };\n' +
        'data.UserAccounts.Add(new BatchUserAccount("mpi", secret) { LinuxUserConfiguration = new BatchLinuxUserConfiguration { Uid = 1, Gid = 1 } });',
    ),
    found: [['warning', 'BatchLinuxUserConfiguration', 'linuxOnWindows', []]],
    seen: 1,
    sdk: 'compiles',
  },
  {
    name: 'Azure.ResourceManager.Batch: an Ubuntu image with a Windows configuration: the parts disagree, silent',
    language: 'csharp',
    text: armPool(
      'Canonical',
      'batch.node.ubuntu 22.04',
      '        new BatchUserAccount("worker", secret) { WindowsUserLoginMode = BatchWindowsLoginMode.Batch },',
      ' { IsAutomaticUpdateEnabled = false }',
    ),
    found: [],
    seen: 1,
    sdk: 'compiles',
  },
  {
    name: 'Microsoft.Azure.Management.Batch: a WindowsUserConfiguration on an Ubuntu pool, all by constructor',
    language: 'csharp',
    text: csMgmt(
      'var created = new Pool(\n' +
        '    vmSize: "STANDARD_D2S_V3",\n' +
        '    deploymentConfiguration: new DeploymentConfiguration(virtualMachineConfiguration: new VirtualMachineConfiguration(\n' +
        '        new ImageReference(publisher: "Canonical", offer: "0001-com-ubuntu-server-jammy", sku: "22_04-lts"), "batch.node.ubuntu 22.04")),\n' +
        '    userAccounts: new List<UserAccount> { new UserAccount("worker", secret, windowsUserConfiguration: new WindowsUserConfiguration(LoginMode.Batch)) });',
    ),
    found: [['warning', 'WindowsUserConfiguration', 'windowsOnLinux', []]],
    seen: 1,
    sdk: 'compiles',
  },
  {
    name: 'Microsoft.Azure.Batch: CreatePool with an Ubuntu VM configuration, a Windows account added later',
    language: 'csharp',
    text: csLegacy(
      'var image = new ImageReference { Publisher = "Canonical", Offer = "UbuntuServer", Sku = "18.04-LTS" };\n' +
        'CloudPool created = client.PoolOperations.CreatePool("p", "STANDARD_D2", new VirtualMachineConfiguration(image, "batch.node.ubuntu 18.04"));\n' +
        'created.UserAccounts = new List<UserAccount> { new UserAccount("worker", secret, windowsUserConfiguration: new WindowsUserConfiguration(LoginMode.Batch)) };',
      'BatchClient client, string secret',
    ),
    found: [['warning', 'WindowsUserConfiguration', 'windowsOnLinux', []]],
    seen: 1,
    sdk: 'compiles',
  },
  {
    name: 'Microsoft.Azure.Batch: a CloudPool with a Cloud Services configuration, Linux settings (warning)',
    language: 'csharp',
    text: csLegacy(
      'var created = new CloudPool { CloudServiceConfiguration = new CloudServiceConfiguration("5") };\n' +
        'created.UserAccounts = new List<UserAccount> { new UserAccount("mpi", secret, linuxUserConfiguration: new LinuxUserConfiguration(1, 1)) };',
    ),
    found: [['warning', 'LinuxUserConfiguration', 'linuxOnWindows', []]],
    sdk: 'compiles',
  },
  {
    name: 'Azure.Compute.Batch: a target-typed Windows account on an Ubuntu pool',
    language: 'csharp',
    text: csNew(
      'var created = new BatchPoolCreateContent("p", "STANDARD_D2S_V3")\n{\n' +
        '    VirtualMachineConfiguration = new VirtualMachineConfiguration(new ImageReference { Publisher = "canonical" }, "batch.node.ubuntu 22.04"),\n};\n' +
        'created.UserAccounts.Add(new("worker", secret) { WindowsUserConfiguration = new() { LoginMode = LoginMode.Batch } });',
    ),
    found: [['warning', 'WindowsUserConfiguration', 'windowsOnLinux', []]],
    sdk: 'compiles',
  },
  {
    name: 'settings that match the pool; a pool whose node agent comes from a parameter',
    language: 'csharp',
    text: csArm(
      'var linux = new BatchAccountPoolData\n{\n' +
        '    DeploymentConfiguration = new BatchDeploymentConfiguration { VmConfiguration = new BatchVmConfiguration(new BatchImageReference { Publisher = "Canonical" }, "batch.node.ubuntu 22.04") },\n' +
        '    UserAccounts = { new BatchUserAccount("mpi", secret) { LinuxUserConfiguration = new BatchLinuxUserConfiguration { Uid = 1, Gid = 1 } } },\n};\n' +
        'var unknown = new BatchAccountPoolData\n{\n' +
        '    DeploymentConfiguration = new BatchDeploymentConfiguration { VmConfiguration = new BatchVmConfiguration(new BatchImageReference { Offer = "custom" }, nodeAgentSku) },\n' +
        '    UserAccounts = { new BatchUserAccount("worker", secret) { WindowsUserLoginMode = BatchWindowsLoginMode.Batch } },\n};',
      'string nodeAgentSku, string secret',
    ),
    found: [],
    seen: 2,
    sdk: 'compiles',
  },
  {
    name: 'Microsoft.Azure.Management.Batch: Linux settings on an Ubuntu pool; a Windows account on a pool whose image comes from a variable',
    language: 'csharp',
    text: csMgmt(
      'var linux = new Pool(\n' +
        '    deploymentConfiguration: new DeploymentConfiguration(virtualMachineConfiguration: new VirtualMachineConfiguration(new ImageReference(publisher: "Canonical"), "batch.node.ubuntu 22.04")),\n' +
        '    userAccounts: new List<UserAccount> { new UserAccount("mpi", secret, linuxUserConfiguration: new LinuxUserConfiguration(1001, 1001)) });\n' +
        'var custom = new Pool(\n' +
        '    deploymentConfiguration: new DeploymentConfiguration(virtualMachineConfiguration: vm),\n' +
        '    userAccounts: new List<UserAccount> { new UserAccount("worker", secret, windowsUserConfiguration: new WindowsUserConfiguration(LoginMode.Batch)) });',
      'VirtualMachineConfiguration vm, string secret',
    ),
    found: [],
    seen: 2,
    sdk: 'compiles',
  },
  {
    name: 'Microsoft.Azure.Batch: an account on another pool than the Linux one',
    language: 'csharp',
    text: csLegacy(
      'var linux = new CloudPool { VirtualMachineConfiguration = new VirtualMachineConfiguration(new ImageReference { Publisher = "Canonical" }, "batch.node.ubuntu 20.04") };\n' +
        'other.UserAccounts = new List<UserAccount> { new UserAccount("worker", secret, windowsUserConfiguration: new WindowsUserConfiguration(LoginMode.Batch)) };',
      'CloudPool other, string secret',
    ),
    found: [],
    seen: 1,
    sdk: 'compiles',
  },
];
