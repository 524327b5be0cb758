/**
 * run-elevated (Warning, fix): in each language every form of runElevated and every shape of
 * evidence found, every trap silent (issue 7), the exact message, fixes offered and text after a
 * fix, and runElevated beside an existing user identity. The rows are in runElevated/<language>.ts.
 * The Python and JSON fixes also run against the real Azure SDK for Python, all in one python3
 * process (test/compile/python/sdkRows.ts); the management-plane C# rows compile with mcs against
 * the stub SDKs, or fail to where they write a RunElevated those SDKs never had (test/compile/csharp/stubRows.ts).
 */
import { runElevatedRule } from '../../../server/src/rules/runElevated';
import { CSHARP } from './runElevated/csharp';
import { JAVA } from './runElevated/java';
import { JSON_CASES } from './runElevated/json';
import { PYTHON } from './runElevated/python';
import { csharpStubRows, type CSharpCompile } from '../../compile/csharp/stubRows';
import { pythonSdkRows, type PythonSdkExpectation } from '../../compile/python/sdkRows';
import { checkersByLanguage } from '../../helpers/rowChecks';
import { ruleTable, type Says } from './table';

const REMOVED = 'runElevated was removed in Batch service version 2017-01-01.4.0';

/** What each message says, word for word. */
const SAYS: Says<typeof runElevatedRule> = [
  ['read', `${REMOVED}; read the user identity's elevation level instead.`],
  ['identityAgrees', `${REMOVED}; this object already sets a user identity with the same elevation, so runElevated only adds noise.`],
  [
    'identityDiffers',
    `${REMOVED}; this object also sets a user identity, which is what the service uses. Remove runElevated once the identity says what you mean.`,
  ],
  ['useIdentity', `${REMOVED} and newer SDKs drop it silently. Use a user identity instead.`],
  [
    ['useElevation', { elevation: 'admin' }],
    `${REMOVED} and newer SDKs drop it silently. Use a user identity: an auto-user with elevation level Admin.`,
  ],
  [
    ['useElevation', { elevation: 'nonAdmin' }],
    `${REMOVED} and newer SDKs drop it silently. Use a user identity: an auto-user with elevation level NonAdmin.`,
  ],
  [
    'useSameCondition',
    `${REMOVED} and newer SDKs drop it silently. Use a user identity: an auto-user whose elevation level follows the same condition.`,
  ],
  ['sameObjectIdentity', 'The user identity of the same object'],
  [['replaceFix', { elevation: 'admin' }], 'Replace runElevated with an auto-user identity (elevation Admin)'],
  [
    ['replaceFix', { elevation: 'nonAdmin', scope: 'pool' }],
    'Replace runElevated with an auto-user identity (elevation NonAdmin, pool scope)',
  ],
  [
    ['replaceFix', { elevation: 'sameCondition', scope: 'task' }],
    'Replace runElevated with an auto-user identity (elevation Admin or NonAdmin by the same condition, task scope)',
  ],
  [
    ['replaceTaskScopeFix', { elevation: 'admin' }],
    'Replace runElevated with an auto-user identity (elevation Admin, task scope: keeps per-task isolation; the default scope is pool since 2019-08-01.10.0)',
  ],
  ['removeFix', 'Remove runElevated (the user identity already sets this elevation)'],
  ['identityDecidesFix', 'Remove runElevated (the user identity decides)'],
  [
    'overridden',
    'runElevated was removed in Batch service version 2017-01-01.4.0; this object sets runElevated again further on, and with duplicate keys most JSON readers keep only the last.',
  ],
  ['removeOverriddenFix', 'Remove this runElevated (a later one in the same object replaces it)'],
  ['overridingKey', 'The runElevated that replaces it'],
];

/** The Python SDK checks the Python and JSON rows; mcs the C# rows, against the stub SDKs. */
const python = pythonSdkRows();
const sdk = checkersByLanguage<PythonSdkExpectation | CSharpCompile>({ python, json: python, csharp: csharpStubRows() });

ruleTable(runElevatedRule, { subject: 'runElevated', says: SAYS, sdk }, [...CSHARP, ...JAVA, ...PYTHON, ...JSON_CASES]);
