/**
 * os-mismatch (Warning): a user account's settings for one OS on a pool of the other: Windows user
 * settings on a Linux pool (the spec allows them only on Windows pools), Linux user settings on a
 * Windows pool (the spec says they are ignored). The pool's OS must be certain: every
 * part of its configuration that tells one agrees. Rows per language in `osMismatch/`.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PoolFact, Value } from '../../../server/src/engine/facts';
import { osMismatchRule, poolOs } from '../../../server/src/rules/osMismatch';
import { ROWS as CSHARP } from './osMismatch/csharp';
import { ROWS as JAVA } from './osMismatch/java';
import { ROWS as JSON_ROWS } from './osMismatch/json';
import { ROWS as PYTHON } from './osMismatch/python';
import { pythonSdkRows, type PythonSdkExpectation } from '../../compile/python/sdkRows';
import { csharpStubRows, type CSharpCompile } from '../../compile/csharp/stubRows';
import { checkersByLanguage } from '../../helpers/rowChecks';
import { ruleTable, type Says } from './table';
import { OS_MISMATCH } from './typescriptRows';

const SAYS: Says<typeof osMismatchRule> = [
  ['windowsOnLinux', 'windowsUserConfiguration on a Linux pool: the spec allows it only on Windows pools.'],
  ['linuxOnWindows', 'linuxUserConfiguration on a Windows pool: the service ignores it there.'],
  [
    ['poolOs', { os: 'linux', because: 'node agent SKU "batch.node.ubuntu 22.04"' }],
    'The pool runs Linux: node agent SKU "batch.node.ubuntu 22.04"',
  ],
  [['poolOs', { os: 'windows', because: 'a Cloud Services configuration' }], 'The pool runs Windows: a Cloud Services configuration'],
];

/** The Python SDK checks the Python rows; mcs the C# rows, against the stub SDKs. */
const python = pythonSdkRows();
const sdk = checkersByLanguage<PythonSdkExpectation | CSharpCompile>({ python, json: python, csharp: csharpStubRows() });
ruleTable<typeof osMismatchRule.messages, PythonSdkExpectation | CSharpCompile>(osMismatchRule, { subject: 'pools', says: SAYS, sdk }, [
  ...CSHARP,
  ...JAVA,
  ...PYTHON,
  ...JSON_ROWS,
  ...OS_MISMATCH,
]);

/** The pool's OS, from its configuration alone (the adapters report raw values). */
describe('os-mismatch: what a pool configuration says of its OS', () => {
  const at = { start: 0, end: 1 };
  const text = (value: string): Value => ({ kind: 'string', value, span: at, text: JSON.stringify(value) });
  const pool = (parts: Partial<PoolFact>): PoolFact => ({ span: at, nameSpan: at, key: 'p', confidence: 'strong', ...parts });
  const cases: [string, Partial<PoolFact>, 'windows' | 'linux' | undefined][] = [
    ['a Cloud Services configuration', { cloudServiceConfiguration: at }, 'windows'],
    ['windowsConfiguration', { windowsConfiguration: at }, 'windows'],
    ['batch.node.windows amd64', { nodeAgentSkuId: text('batch.node.windows amd64') }, 'windows'],
    ['batch.node.ubuntu 22.04', { nodeAgentSkuId: text('batch.node.ubuntu 22.04') }, 'linux'],
    ['batch.node.centos 7', { nodeAgentSkuId: text('batch.node.centos 7') }, 'linux'],
    ['batch.node.el 8 (casing and spaces ignored)', { nodeAgentSkuId: text('  Batch.Node.EL 8') }, 'linux'],
    ['an unknown node agent family', { nodeAgentSkuId: text('batch.node.plan9 4') }, undefined],
    ['a SKU held in a variable', { nodeAgentSkuId: { kind: 'expr', span: at, text: 'sku' } }, undefined],
    ['image publisher MicrosoftWindowsServer', { image: { publisher: text('MicrosoftWindowsServer') } }, 'windows'],
    ['image publisher Canonical', { image: { publisher: text('Canonical') } }, 'linux'],
    ['image publisher microsoft-azure-batch (both OSes)', { image: { publisher: text('microsoft-azure-batch') } }, undefined],
    [
      'a Windows SKU with a Canonical image: disagreeing, unknown',
      { nodeAgentSkuId: text('batch.node.windows amd64'), image: { publisher: text('Canonical') } },
      undefined,
    ],
    ['Ubuntu SKU and image agree', { nodeAgentSkuId: text('batch.node.ubuntu 20.04'), image: { publisher: text('canonical') } }, 'linux'],
    ['nothing that tells', {}, undefined],
  ];
  for (const [name, parts, os] of cases) it(name, () => assert.equal(poolOs(pool(parts))?.os, os));

  it('reports Windows settings on a Linux pool and Linux settings on a Windows pool; other pools and unknown OSes not', () => {
    const account = (key: string, os: 'linux' | 'windows') => ({
      span: at,
      nameSpan: at,
      pool: { key },
      confidence: 'strong' as const,
      ...(os === 'linux'
        ? { linux: { span: at, nameSpan: { start: 5, end: 6 } } }
        : { windows: { span: at, nameSpan: { start: 7, end: 8 } } }),
    });
    const findings = osMismatchRule.check(
      {
        runElevated: [],
        identityAssignments: [],
        identities: [],
        enumRefs: [],
        builderCalls: [],
        samples: [],
        tasks: [],
        pools: [
          pool({ key: 'lin', nodeAgentSkuId: text('batch.node.ubuntu 22.04') }),
          pool({ key: 'win', cloudServiceConfiguration: at }),
          pool({ key: 'unknown' }),
        ],
        accounts: [
          account('lin', 'windows'),
          account('lin', 'linux'),
          account('win', 'linux'),
          account('win', 'windows'),
          account('unknown', 'windows'),
          account('elsewhere', 'linux'),
        ],
      },
      { language: 'json', languageAt: () => 'json', fixScope: 'omit' },
    );
    assert.deepEqual(
      findings.map((f) => [f.severity, f.message, f.span.start, f.related?.[0].message]),
      [
        ['warning', SAYS[0][1], 7, 'The pool runs Linux: node agent SKU "batch.node.ubuntu 22.04"'],
        ['warning', SAYS[1][1], 5, 'The pool runs Windows: a Cloud Services configuration'],
      ],
    );
  });
});
