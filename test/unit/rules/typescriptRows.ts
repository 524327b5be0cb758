/**
 * The TypeScript/JavaScript rows of the rule tables other than run-elevated (whose rows are in
 * runElevated/typescript.ts): each rule's finding in a Batch object of the JavaScript SDKs, and a
 * near-miss. The unknown-enum-member rows are compiled with the real typings
 * (test/compile/typescript/tscRows.ts): @azure/batch 10.2.0 types the values as unions, so a
 * misspelling there does not compile and the fix does.
 */
import type { duplicateUserRule } from '../../../server/src/rules/duplicateUser';
import type { hardcodedPasswordRule } from '../../../server/src/rules/hardcodedPassword';
import type { identityConflictRule } from '../../../server/src/rules/identityConflict';
import type { linuxUidGidRule } from '../../../server/src/rules/linuxUidGid';
import type { osMismatchRule } from '../../../server/src/rules/osMismatch';
import type { sshKeyPlaceholderRule } from '../../../server/src/rules/sshKeyPlaceholder';
import type { unknownEnumMemberRule } from '../../../server/src/rules/unknownEnumMember';
import type { unknownUserRule } from '../../../server/src/rules/unknownUser';
import type { TypeScriptCheck } from '../../compile/typescript/tscRows';
import type { CaseOf } from './table';

/** A pool of @azure/batch, typed, with these properties after its id and size. */
const pool = (properties: string) =>
  `import { BatchServiceModels } from '@azure/batch';\n\nexport const pool: BatchServiceModels.PoolAddParameter = {\n  id: 'p',\n  vmSize: 'standard_d2s_v3',\n${properties}};\n`;

export const DUPLICATE_USER: CaseOf<typeof duplicateUserRule>[] = [
  {
    name: '@azure/batch: two accounts named ops on one pool',
    language: 'typescript',
    text: pool(
      "  userAccounts: [\n    { name: 'ops', password: process.env.OPS! },\n    { name: 'ops', password: process.env.OPS! },\n  ],\n",
    ),
    found: [['warning', "'ops'", ['duplicate', { name: 'ops' }]]],
  },
];

export const HARDCODED_PASSWORD: CaseOf<typeof hardcodedPasswordRule>[] = [
  {
    name: '@azure/batch: a literal password',
    language: 'typescript',
    text: pool("  userAccounts: [{ name: 'ops', password: 'Winter2024!' }],\n"),
    found: [['warning', "'Winter2024!'", 'hardcoded']],
  },
  {
    name: 'JavaScript, azure-batch: a password from the environment',
    language: 'typescript',
    file: 'pool.js',
    text: "const batch = require('azure-batch');\n\nmodule.exports = { batch, pool: { id: 'p', userAccounts: [{ name: 'ops', password: process.env.OPS_PASSWORD, elevationLevel: 'admin' }] } };\n",
    found: [],
    seen: 1,
  },
];

export const IDENTITY_CONFLICT: CaseOf<typeof identityConflictRule>[] = [
  {
    name: '@azure/batch: a named user beside an auto-user',
    language: 'typescript',
    text: "import { BatchServiceModels } from '@azure/batch';\n\nexport const task: BatchServiceModels.TaskAddParameter = { id: 't', commandLine: 'x', userIdentity: { userName: 'ops', autoUser: { scope: 'pool' } } };\n",
    found: [['warning', 'userIdentity', 'both']],
  },
];

export const LINUX_UID_GID: CaseOf<typeof linuxUidGidRule>[] = [
  {
    name: '@azure/batch: uid without gid',
    language: 'typescript',
    text: pool("  userAccounts: [{ name: 'mpi', password: process.env.PW!, linuxUserConfiguration: { uid: 1001 } }],\n"),
    found: [['warning', '1001', ['onlyOne', { set: 'uid' }]]],
  },
];

export const SSH_KEY_PLACEHOLDER: CaseOf<typeof sshKeyPlaceholderRule>[] = [
  {
    name: '@azure/batch: an empty SSH key',
    language: 'typescript',
    text: pool(
      "  userAccounts: [{ name: 'mpi', password: process.env.PW!, linuxUserConfiguration: { uid: 1, gid: 1, sshPrivateKey: '' } }],\n",
    ),
    found: [['warning', "''", ['notAKey', { problem: 'empty' }]]],
  },
];

export const UNKNOWN_USER: CaseOf<typeof unknownUserRule>[] = [
  {
    name: "@azure/batch: a job manager task's user, not an account of the job's auto-pool",
    language: 'typescript',
    text:
      "import { BatchServiceModels } from '@azure/batch';\n\nexport const job: BatchServiceModels.JobAddParameter = {\n  id: 'j',\n" +
      "  poolInfo: { autoPoolSpecification: { poolLifetimeOption: 'job', pool: { vmSize: 's', userAccounts: [{ name: 'ops', password: process.env.PW! }] } } },\n" +
      "  jobManagerTask: { id: 'm', commandLine: 'run', userIdentity: { userName: 'opz' } },\n};\n",
    found: [['warning', "'opz'", ['notOnItsPool', { name: 'opz' }]]],
  },
  {
    name: "@azure/batch: a start task's user, an account of its pool",
    language: 'typescript',
    text: pool(
      "  userAccounts: [{ name: 'ops', password: process.env.PW! }],\n  startTask: { commandLine: 'setup.sh', userIdentity: { userName: 'ops' } },\n",
    ),
    found: [],
    seen: 1,
  },
  {
    name: "@azure/batch: a start task's user, among accounts spread into the pool's list",
    language: 'typescript',
    text:
      "import { BatchServiceModels } from '@azure/batch';\n\nconst shared = [{ name: 'ops', password: process.env.PW! }];\n" +
      "export const pool: BatchServiceModels.PoolAddParameter = {\n  id: 'p',\n  vmSize: 's',\n" +
      "  userAccounts: [...shared, { name: 'admin', password: process.env.PW! }],\n  startTask: { commandLine: 'setup.sh', userIdentity: { userName: 'ops' } },\n};\n",
    found: [],
    seen: 1,
  },
  {
    name: "@azure/batch: a start task's user, an account variable in the pool's list",
    language: 'typescript',
    text:
      "import { BatchServiceModels } from '@azure/batch';\n\nconst ops = { name: 'ops', password: process.env.PW! };\n" +
      "export const pool: BatchServiceModels.PoolAddParameter = {\n  id: 'p',\n  vmSize: 's',\n" +
      "  userAccounts: [ops],\n  startTask: { commandLine: 'setup.sh', userIdentity: { userName: 'ops' } },\n};\n",
    found: [],
    seen: 1,
  },
  {
    name: "@azure/batch: a start task's user, an account pushed onto the pool's list later",
    language: 'typescript',
    text:
      pool(
        "  userAccounts: [{ name: 'admin', password: process.env.PW! }],\n  startTask: { commandLine: 'setup.sh', userIdentity: { userName: 'ops' } },\n",
      ) + "pool.userAccounts!.push({ name: 'ops', password: process.env.PW! });\n",
    found: [],
    seen: 1,
  },
];

export const OS_MISMATCH: CaseOf<typeof osMismatchRule>[] = [
  {
    name: '@azure/batch: windowsUserConfiguration on an Ubuntu pool',
    language: 'typescript',
    text: pool(
      "  virtualMachineConfiguration: { imageReference: { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' },\n" +
        "  userAccounts: [{ name: 'worker', password: process.env.PW!, windowsUserConfiguration: { loginMode: 'batch' } }],\n",
    ),
    found: [['warning', 'windowsUserConfiguration', 'windowsOnLinux', []]],
    seen: 1,
  },
];

const V10: TypeScriptCheck = { tsc: { after: ['@azure/batch 10.2.0'] } };

export const UNKNOWN_ENUM_MEMBER: CaseOf<typeof unknownEnumMemberRule, TypeScriptCheck>[] = [
  {
    name: "@azure/batch: 'nonAdmin' and 'Task', which its union types do not hold",
    language: 'typescript',
    text: "import { BatchServiceModels } from '@azure/batch';\n\nexport const task: BatchServiceModels.TaskAddParameter = { id: 't', commandLine: 'x', userIdentity: { autoUser: { scope: 'Task', elevationLevel: 'nonAdmin' } } };\n",
    found: [
      [
        'warning',
        'Task',
        [
          'jsonSpelling',
          {
            enum: 'AutoUserScope',
            member: 'Task',
            suggestion: 'task',
            dialect: "@azure/batch's typings",
            language: 'typescript',
            quote: "'",
          },
        ],
        [['changeFix', { language: 'typescript', enum: 'AutoUserScope', suggestion: 'task', quote: "'" }]],
      ],
      [
        'warning',
        'nonAdmin',
        [
          'jsonSpelling',
          {
            enum: 'ElevationLevel',
            member: 'nonAdmin',
            suggestion: 'nonadmin',
            dialect: "@azure/batch's typings",
            language: 'typescript',
            quote: "'",
          },
        ],
        [['changeFix', { language: 'typescript', enum: 'ElevationLevel', suggestion: 'nonadmin', quote: "'" }]],
      ],
    ],
    fixed:
      "import { BatchServiceModels } from '@azure/batch';\n\nexport const task: BatchServiceModels.TaskAddParameter = { id: 't', commandLine: 'x', userIdentity: { autoUser: { scope: 'task', elevationLevel: 'nonadmin' } } };\n",
    sdk: V10,
  },
  {
    name: "azure-batch: 'nonAdmin', the spelling its typings document, and the REST 'nonadmin' it sends as written",
    language: 'typescript',
    text:
      "import * as models from 'azure-batch/lib/models';\n\nexport const pool: models.PoolAddParameter = {\n  id: 'p',\n  vmSize: 's',\n  userAccounts: [\n" +
      "    { name: 'a', password: process.env.A!, elevationLevel: 'nonAdmin' },\n    { name: 'b', password: process.env.B!, elevationLevel: 'nonadmin' },\n  ],\n};\n",
    found: [],
    seen: 2,
    sdk: { tsc: { after: ['azure-batch 9.0.0'] } },
  },
  {
    name: 'JavaScript, azure-batch: a value of no member',
    language: 'typescript',
    file: 'pool.js',
    text: "const batch = require('azure-batch');\n\nmodule.exports = { batch, pool: { id: 'p', userAccounts: [{ name: 'ops', password: process.env.PW, elevationLevel: 'root' }] } };\n",
    // Nothing but the require says the exported object is Batch's: weak, one step down.
    found: [
      [
        'information',
        'root',
        [
          'jsonUnknown',
          {
            enum: 'ElevationLevel',
            member: 'root',
            valid: ['nonAdmin', 'admin'],
            dialect: "azure-batch's typings",
            language: 'typescript',
            quote: "'",
          },
        ],
      ],
    ],
    sdk: { node: '.js' },
  },
];
