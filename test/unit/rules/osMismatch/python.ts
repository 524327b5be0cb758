/**
 * os-mismatch rows in python: data-plane pools (azure-batch ≤ 14, 15.x) and azure-mgmt-batch's Pool,
 * whose configuration tells their OS in place, through constants or by later statements, with
 * accounts of the other OS. The pools run against the real azure-batch 13 and azure-mgmt-batch 17:
 * each sends the mismatched settings as written (neither SDK checks them), so only the service
 * decides.
 */
import type { osMismatchRule } from '../../../../server/src/rules/osMismatch';
import { pool, type PythonSdkExpectation } from '../../../compile/python/sdkRows';
import { py15, pyLegacy, pyMgmt, type CaseOf } from '../table';

/** The pools the code builds, each with the user accounts it sends; the password comes from the environment. */
const sends = (...pools: ReturnType<typeof pool>[]): PythonSdkExpectation => ({
  runs: [{ given: "import os\nos.environ['PW'] = 'from-the-environment'", tasks: [], pools }],
});
const PASSWORD = 'from-the-environment';

const UBUNTU_MGMT =
  "deployment_configuration=mgmt.DeploymentConfiguration(virtual_machine_configuration=mgmt.VirtualMachineConfiguration(\n        image_reference=mgmt.ImageReference(publisher='Canonical', offer='0001-com-ubuntu-server-jammy', sku='22_04-lts'),\n        node_agent_sku_id='batch.node.ubuntu 22.04'))";

export const ROWS: readonly CaseOf<typeof osMismatchRule, PythonSdkExpectation>[] = [
  {
    name: 'mgmt: windows_user_configuration on an Ubuntu pool (deployment_configuration)',
    language: 'python',
    text: pyMgmt(
      `pool = mgmt.Pool(\n    vm_size='STANDARD_D2S_V3',\n    ${UBUNTU_MGMT},\n    user_accounts=[mgmt.UserAccount(name='worker', password=os.environ['PW'], windows_user_configuration=mgmt.WindowsUserConfiguration(login_mode=mgmt.LoginMode.BATCH))],\n)`,
    ),
    found: [['warning', 'WindowsUserConfiguration', 'windowsOnLinux', []]],
    seen: 1,
    sdk: sends(pool('Pool', [{ name: 'worker', password: PASSWORD, windowsUserConfiguration: { loginMode: 'Batch' } }])),
  },
  {
    name: 'legacy: linux_user_configuration on a Cloud Services pool is ignored (warning)',
    language: 'python',
    text: pyLegacy(
      "pool = batchmodels.PoolAddParameter(\n    id='render',\n    vm_size='small',\n    cloud_service_configuration=batchmodels.CloudServiceConfiguration(os_family='6'),\n    user_accounts=[batchmodels.UserAccount(name='mpi', password=os.environ['PW'], linux_user_configuration=batchmodels.LinuxUserConfiguration(uid=1001, gid=1001))],\n)",
    ),
    found: [['warning', 'LinuxUserConfiguration', 'linuxOnWindows', []]],
    sdk: sends(pool('PoolAddParameter', [{ name: 'mpi', password: PASSWORD, linuxUserConfiguration: { uid: 1001, gid: 1001 } }])),
  },
  {
    name: 'legacy: a Windows Server image and node agent held in constants, the accounts given later',
    language: 'python',
    text: pyLegacy(
      "SKU = 'batch.node.windows amd64'\nIMAGE = batchmodels.ImageReference(publisher='MicrosoftWindowsServer', offer='WindowsServer', sku='2022-datacenter')\n" +
        "pool = batchmodels.PoolAddParameter(id='p', vm_size='standard_d2s_v3', virtual_machine_configuration=batchmodels.VirtualMachineConfiguration(image_reference=IMAGE, node_agent_sku_id=SKU))\n" +
        "accounts = []\naccounts.append(batchmodels.UserAccount(name='mpi', password=os.environ['PW'], linux_user_configuration=batchmodels.LinuxUserConfiguration(uid=1001, gid=1001)))\npool.user_accounts = accounts",
    ),
    found: [['warning', 'LinuxUserConfiguration', 'linuxOnWindows', []]],
    sdk: sends(pool('PoolAddParameter', [{ name: 'mpi', password: PASSWORD, linuxUserConfiguration: { uid: 1001, gid: 1001 } }])),
  },
  {
    name: 'mgmt: the configuration set by a later statement, the account appended',
    language: 'python',
    text: pyMgmt(
      `pool = mgmt.Pool(vm_size='STANDARD_D2S_V3', user_accounts=[])\npool.deployment_configuration = mgmt.DeploymentConfiguration(virtual_machine_configuration=mgmt.VirtualMachineConfiguration(\n    image_reference=mgmt.ImageReference(publisher='Canonical', offer='0001-com-ubuntu-server-jammy', sku='22_04-lts'),\n    node_agent_sku_id='batch.node.ubuntu 22.04'))\n` +
        "pool.user_accounts.append(mgmt.UserAccount(name='worker', password=os.environ['PW'], windows_user_configuration=mgmt.WindowsUserConfiguration(login_mode=mgmt.LoginMode.INTERACTIVE)))",
    ),
    found: [['warning', 'WindowsUserConfiguration', 'windowsOnLinux', []]],
    sdk: sends(pool('Pool', [{ name: 'worker', password: PASSWORD, windowsUserConfiguration: { loginMode: 'Interactive' } }])),
  },
  {
    name: '15.x: Linux settings on a pool with windowsConfiguration',
    language: 'python',
    text: py15(
      "pool = models.BatchPoolCreateContent(\n    id='p',\n    vm_size='standard_d2s_v3',\n    virtual_machine_configuration=models.VirtualMachineConfiguration(\n        image_reference=models.ImageReference(publisher='MicrosoftWindowsServer', offer='WindowsServer', sku='2022-datacenter'),\n        node_agent_sku_id='batch.node.windows amd64',\n        windows_configuration=models.WindowsConfiguration(enable_automatic_updates=False),\n    ),\n    user_accounts=[models.UserAccount(name='mpi', password=os.environ['PW'], linux_user_configuration=models.LinuxUserConfiguration(uid=1001, gid=1001))],\n)",
    ),
    found: [['warning', 'LinuxUserConfiguration', 'linuxOnWindows', []]],
    sdk: { notRunHere: 'azure-batch 15 is not packaged by Debian: its code is checked as text only' },
  },
  {
    name: 'legacy: the node agent SKU from a parameter: the OS is not known, silent',
    language: 'python',
    text: pyLegacy(
      "def make_pool(sku):\n    return batchmodels.PoolAddParameter(\n        id='p',\n        vm_size='s',\n        virtual_machine_configuration=batchmodels.VirtualMachineConfiguration(image_reference=batchmodels.ImageReference(id=os.environ['IMAGE']), node_agent_sku_id=sku),\n        user_accounts=[batchmodels.UserAccount(name='worker', password=os.environ['PW'], windows_user_configuration=batchmodels.WindowsUserConfiguration(login_mode=batchmodels.LoginMode.batch))],\n    )",
    ),
    found: [],
    seen: 1,
  },
  {
    name: 'legacy: an Ubuntu pool whose configuration a branch replaces: the OS is not known, silent',
    language: 'python',
    text: pyLegacy(
      "pool = batchmodels.PoolAddParameter(id='p', vm_size='s', virtual_machine_configuration=batchmodels.VirtualMachineConfiguration(image_reference=batchmodels.ImageReference(publisher='Canonical', offer='x', sku='y'), node_agent_sku_id='batch.node.ubuntu 22.04'))\n" +
        'if windows:\n    pool.virtual_machine_configuration = windows_configuration()\n' +
        "pool.user_accounts = [batchmodels.UserAccount(name='worker', password=os.environ['PW'], windows_user_configuration=batchmodels.WindowsUserConfiguration(login_mode=batchmodels.LoginMode.batch))]",
    ),
    found: [],
    seen: 1,
  },
  {
    name: 'mgmt: a Windows node agent with a Canonical image disagree: silent',
    language: 'python',
    text: pyMgmt(
      "pool = mgmt.Pool(\n    deployment_configuration=mgmt.DeploymentConfiguration(virtual_machine_configuration=mgmt.VirtualMachineConfiguration(\n        image_reference=mgmt.ImageReference(publisher='Canonical', offer='x', sku='y'), node_agent_sku_id='batch.node.windows amd64')),\n" +
        "    user_accounts=[mgmt.UserAccount(name='worker', password=os.environ['PW'], windows_user_configuration=mgmt.WindowsUserConfiguration())],\n)",
    ),
    found: [],
    seen: 1,
  },
  {
    name: 'mgmt: settings that match the pool; a multiprocessing Pool is no Batch pool',
    language: 'python',
    text: pyMgmt(
      `from multiprocessing import Pool\n\nworkers = Pool(4)\npool = mgmt.Pool(\n    ${UBUNTU_MGMT},\n    user_accounts=[mgmt.UserAccount(name='mpi', password=os.environ['PW'], linux_user_configuration=mgmt.LinuxUserConfiguration(uid=1001, gid=1001))],\n)`,
    ),
    found: [],
    seen: 1,
  },
];
