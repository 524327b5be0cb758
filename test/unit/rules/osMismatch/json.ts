/** os-mismatch rows in JSON: REST bodies, Batch CLI templates and ARM pools whose configuration tells their OS. */
import type { osMismatchRule } from '../../../../server/src/rules/osMismatch';
import { armPool, cliTemplate, json, type CaseOf } from '../table';

const ubuntu = {
  imageReference: { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts' },
  nodeAgentSKUId: 'batch.node.ubuntu 22.04',
};
const windowsAccount = { name: 'worker', password: "[parameters('adminPassword')]", windowsUserConfiguration: { loginMode: 'batch' } };
const linuxAccount = { name: 'mpi', password: "[parameters('adminPassword')]", linuxUserConfiguration: { uid: 1001, gid: 1001 } };

export const ROWS: readonly CaseOf<typeof osMismatchRule>[] = [
  {
    name: 'REST: windowsUserConfiguration on an Ubuntu pool (SKU and publisher agree)',
    language: 'json',
    text: json({ id: 'p', vmSize: 'standard_d2s_v3', virtualMachineConfiguration: ubuntu, userAccounts: [windowsAccount, linuxAccount] }),
    found: [['warning', '"windowsUserConfiguration"', 'windowsOnLinux', []]],
    seen: 1,
  },
  {
    name: 'Batch CLI template: linuxUserConfiguration on a Cloud Services pool is ignored (warning)',
    language: 'json',
    text: cliTemplate('pool', {
      id: 'p',
      vmSize: 'small',
      cloudServiceConfiguration: { osFamily: '6' },
      userAccounts: [linuxAccount, windowsAccount],
    }),
    found: [['warning', '"linuxUserConfiguration"', 'linuxOnWindows', []]],
  },
  {
    name: 'ARM: linuxUserConfiguration on a Windows Server image (nodeAgentSkuId, ARM casing)',
    language: 'json',
    text: armPool({
      vmSize: 'STANDARD_D2S_V3',
      deploymentConfiguration: {
        virtualMachineConfiguration: {
          imageReference: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter' },
          nodeAgentSkuId: 'batch.node.windows amd64',
        },
      },
      userAccounts: [linuxAccount],
    }),
    found: [['warning', '"linuxUserConfiguration"', 'linuxOnWindows', []]],
  },
  {
    name: 'ARM: the node agent SKU from a parameter: the OS is not known, silent',
    language: 'json',
    text: armPool({
      vmSize: 'STANDARD_D2S_V3',
      deploymentConfiguration: { virtualMachineConfiguration: { nodeAgentSkuId: "[parameters('sku')]" } },
      userAccounts: [windowsAccount],
    }),
    found: [],
    seen: 1,
  },
  {
    name: 'REST: a Windows SKU with an Ubuntu image disagree: silent',
    language: 'json',
    text: json({
      id: 'p',
      vmSize: 'standard_d2s_v3',
      virtualMachineConfiguration: { ...ubuntu, nodeAgentSKUId: 'batch.node.windows amd64' },
      userAccounts: [windowsAccount, linuxAccount],
    }),
    found: [],
  },
  {
    name: 'REST: settings that match the pool: silent',
    language: 'json',
    text: json({ id: 'p', vmSize: 'standard_d2s_v3', virtualMachineConfiguration: ubuntu, userAccounts: [linuxAccount] }),
    found: [],
  },
];
