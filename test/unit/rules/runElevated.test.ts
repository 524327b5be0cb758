/**
 * run-elevated (Warning, fix): in each language every form of runElevated and every shape of
 * evidence found, every trap silent (issue 7), the exact message in the file's own spelling, fixes
 * offered and text after a fix, and runElevated beside an existing user identity. The rows are in
 * runElevated/<language>.ts. The Python and JSON fixes also run against the real Azure SDK for
 * Python, all in one python3 process (test/compile/python/sdkRows.ts); the management-plane C#
 * rows compile with mcs against the stub SDKs, or fail to where they write a RunElevated those SDKs
 * never had (test/compile/csharp/stubRows.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIALECTS, type Dialect } from '../../../server/src/batch/sdks';
import { messageText } from '../../../server/src/rules/define';
import { runElevatedRule } from '../../../server/src/rules/runElevated';
import { CSHARP } from './runElevated/csharp';
import { JAVA } from './runElevated/java';
import { JSON_CASES } from './runElevated/json';
import { PYTHON } from './runElevated/python';
import { TYPESCRIPT } from './runElevated/typescript';
import { csharpStubRows, type CSharpCompile } from '../../compile/csharp/stubRows';
import { pythonSdkRows, type PythonSdkExpectation } from '../../compile/python/sdkRows';
import { typescriptRows, type TypeScriptCheck } from '../../compile/typescript/tscRows';
import { checkersByLanguage } from '../../helpers/rowChecks';
import { ruleTable, type Says } from './table';

const REMOVED = '(removed in Batch service version 2017-01-01.4.0).';

/** What each message says, word for word, in the spelling of each dialect. */
const SAYS: Says<typeof runElevatedRule> = [
  [['read', { dialect: 'csharp' }], `Reading RunElevated: read the user identity's elevation level instead ${REMOVED}`],
  [['identityAgrees', { dialect: 'java' }], `withRunElevated repeats this object's user identity: remove it ${REMOVED}`],
  [['identityDiffers', { dialect: 'python' }], `run_elevated beside a user identity: check the identity, then remove it ${REMOVED}`],
  [['useIdentity', { dialect: 'rest' }], `"runElevated" → a user identity; the value does not tell which elevation ${REMOVED}`],
  [['useElevation', { dialect: 'csharp', elevation: 'admin' }], `RunElevated = true → auto-user ElevationLevel.Admin ${REMOVED}`],
  [['useElevation', { dialect: 'java', elevation: 'nonAdmin' }], `withRunElevated(false) → auto-user ElevationLevel.NON_ADMIN ${REMOVED}`],
  [['useElevation', { dialect: 'python', elevation: 'admin' }], `run_elevated=True → auto-user ElevationLevel.admin ${REMOVED}`],
  [['useElevation', { dialect: 'python', elevation: 'nonAdmin' }], `run_elevated=False → auto-user ElevationLevel.non_admin ${REMOVED}`],
  [['useElevation', { dialect: 'python15', elevation: 'nonAdmin' }], `run_elevated=False → auto-user ElevationLevel.NON_ADMIN ${REMOVED}`],
  [
    ['useElevation', { dialect: 'pythonMgmt', elevation: 'admin' }],
    'run_elevated=True → auto-user ElevationLevel.ADMIN (ARM pools never had runElevated).',
  ],
  [
    ['useElevation', { dialect: 'rest', elevation: 'nonAdmin' }],
    `"runElevated": false → auto-user "elevationLevel": "nonadmin" ${REMOVED}`,
  ],
  [
    ['useElevation', { dialect: 'arm', elevation: 'nonAdmin' }],
    '"runElevated": false → auto-user "elevationLevel": "NonAdmin" (ARM pools never had runElevated).',
  ],
  // TypeScript/JavaScript: values in the quote the fix writes them in (the file's).
  [
    ['useElevation', { dialect: 'typescript', elevation: 'admin', quote: "'" }],
    `runElevated: true → auto-user elevationLevel: 'admin' ${REMOVED}`,
  ],
  [
    ['useElevation', { dialect: 'typescriptAzureBatch', elevation: 'nonAdmin', quote: '"' }],
    `runElevated: false → auto-user elevationLevel: "nonAdmin" ${REMOVED}`,
  ],
  [
    ['useSameCondition', { dialect: 'csharp', condition: 'options.RunElevated' }],
    `RunElevated → auto-user whose elevation follows options.RunElevated ${REMOVED}`,
  ],
  [
    ['useSameCondition', { dialect: 'java', condition: 'settings.get("elevated").asBoolean()' }],
    `withRunElevated → auto-user whose elevation follows settings.get("elevated").as… ${REMOVED}`,
  ],
  ['sameObjectIdentity', 'The user identity of the same object'],
  [['replaceFix', { dialect: 'csharp', elevation: 'admin' }], 'Replace RunElevated with auto-user ElevationLevel.Admin'],
  [
    ['replaceFix', { dialect: 'python', elevation: 'nonAdmin', scope: 'pool' }],
    'Replace run_elevated with auto-user ElevationLevel.non_admin, AutoUserScope.pool',
  ],
  [
    ['replaceFix', { dialect: 'rest', elevation: 'sameCondition', scope: 'task' }],
    'Replace "runElevated" with auto-user whose elevation follows the same condition, "scope": "task"',
  ],
  [
    ['replaceTaskScopeFix', { dialect: 'java', elevation: 'admin' }],
    'Replace withRunElevated with auto-user ElevationLevel.ADMIN, AutoUserScope.TASK (on Windows, the default scope before 2019-08-01.10.0)',
  ],
  [
    ['replaceFix', { dialect: 'typescript', elevation: 'nonAdmin', scope: 'pool', quote: '"' }],
    'Replace runElevated with auto-user elevationLevel: "nonadmin", scope: "pool"',
  ],
  [
    ['replaceTaskScopeFix', { dialect: 'typescript', elevation: 'admin', quote: "'" }],
    "Replace runElevated with auto-user elevationLevel: 'admin', scope: 'task' (on Windows, the default scope before 2019-08-01.10.0)",
  ],
  [['removeFix', { dialect: 'arm' }], 'Remove "runElevated" (the user identity already sets this elevation)'],
  [['identityDecidesFix', { dialect: 'python' }], 'Remove run_elevated (the user identity decides)'],
  [['overridden', { dialect: 'rest' }], `"runElevated" is set again later in this object; many JSON readers keep only the last ${REMOVED}`],
  [['removeOverriddenFix', { dialect: 'rest' }], 'Remove this "runElevated" (a later one in the same object replaces it)'],
  [['overridingKey', { dialect: 'rest' }], 'The "runElevated" that replaces it'],
];

describe('run-elevated messages start with what differs', () => {
  const messages = runElevatedRule.messages;
  const headline = (text: string) => text.slice(0, text.lastIndexOf(' ('));
  for (const dialect of Object.keys(DIALECTS) as Dialect[]) {
    it(`${dialect}: at most 80 characters before the detail, and findings of different values differ in their first words`, () => {
      const texts = [
        messageText(messages, ['useElevation', { dialect, elevation: 'admin' }]),
        messageText(messages, ['useElevation', { dialect, elevation: 'nonAdmin' }]),
        messageText(messages, ['useSameCondition', { dialect, condition: 'configuration.Elevated && !dryRun || force' }]),
        messageText(messages, ['useIdentity', { dialect }]),
        messageText(messages, ['read', { dialect }]),
        messageText(messages, ['identityAgrees', { dialect }]),
        messageText(messages, ['identityDiffers', { dialect }]),
      ];
      for (const text of texts) assert.ok(headline(text).length <= 80, `${headline(text).length} characters: ${text}`);
      // The Problems panel cuts rows short: the part that tells findings apart comes within the first 40 characters.
      assert.equal(new Set(texts.map((t) => t.slice(0, 40))).size, texts.length, texts.join('\n'));
    });
  }
});

/** The Python SDK checks the Python and JSON rows; mcs the C# rows, against the stub SDKs. */
const python = pythonSdkRows();
const sdk = checkersByLanguage<PythonSdkExpectation | CSharpCompile | TypeScriptCheck>({
  python,
  json: python,
  csharp: csharpStubRows(),
  typescript: typescriptRows(),
});

ruleTable(runElevatedRule, { subject: 'runElevated', says: SAYS, sdk }, [...CSHARP, ...JAVA, ...PYTHON, ...JSON_CASES, ...TYPESCRIPT]);
