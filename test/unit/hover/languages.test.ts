/**
 * Hovers in all four languages: each topic the issue asks for (runElevated and its replacement,
 * elevation members, scope members, the effective identity of an auto-user or named user with the
 * directory access it has, user accounts, Linux and Windows settings) is proven on a C#, a Java, a
 * Python and a JSON file, with the exact lines the hover must show. No hover anywhere in these
 * files shows a password or key value.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { CodeLanguageId } from '../../../common/languages';
import type { LanguageId } from '../../../server/src/engine/facts';
import { EXPLAIN } from '../../../server/src/batch/model';
import { hoverAt, wrappable } from '../../../server/src/hover/hover';
import { AccountIndex, accountsIn } from '../../../server/src/workspace/accountIndex';
import { engine } from '../../helpers/engine';

const PASSWORD = 'Sup3rSecret!';
const KEY = `-----BEGIN OPENSSH PRIVATE KEY-----${'KEYMATERIAL'.repeat(12)}-----END OPENSSH PRIVATE KEY-----`;

interface Sample {
  readonly language: LanguageId;
  readonly uri: string;
  readonly text: string;
}

const CSHARP: Sample = {
  language: 'csharp',
  uri: 'file:///ws/Jobs.cs',
  text: `using System;
using System.Collections.Generic;
using Microsoft.Azure.Batch;
using Microsoft.Azure.Batch.Common;

class Jobs
{
    void Configure(CloudPool pool, CloudTask legacy, CloudTask isolated, StartTask start, string secret)
    {
        legacy.RunElevated = true;
        start.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));
        isolated.UserIdentity = new UserIdentity(new AutoUserSpecification(AutoUserScope.Task));
        var named = new CloudTask("named", "whoami") { UserIdentity = new UserIdentity("adminUser") };
        pool.UserAccounts = new List<UserAccount>
        {
            new UserAccount("mpi", "${PASSWORD}", ElevationLevel.Admin, new LinuxUserConfiguration(1001, 1002, "${KEY}")),
            new UserAccount("win", secret, ElevationLevel.NonAdmin, windowsUserConfiguration: new WindowsUserConfiguration(LoginMode.Interactive)),
        };
        var shared = AutoUserScope.Pool;
    }
}
`,
};

const JAVA: Sample = {
  language: 'java',
  uri: 'file:///ws/Jobs.java',
  text: `import com.microsoft.azure.batch.protocol.models.*;
import java.util.*;

class Jobs {
    void configure(PoolAddParameter pool, TaskAddParameter legacy, TaskAddParameter isolated, StartTask start, String secret) {
        legacy.withRunElevated(true);
        start.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));
        isolated.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withScope(AutoUserScope.TASK)));
        TaskAddParameter named = new TaskAddParameter().withId("named").withUserIdentity(new UserIdentity().withUserName("adminUser"));
        pool.withUserAccounts(Arrays.asList(
            new UserAccount().withName("mpi").withPassword("${PASSWORD}").withElevationLevel(ElevationLevel.ADMIN)
                .withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1001).withGid(1002).withSshPrivateKey("${KEY}")),
            new UserAccount().withName("win").withPassword(secret).withElevationLevel(ElevationLevel.NON_ADMIN)
                .withWindowsUserConfiguration(new WindowsUserConfiguration().withLoginMode(LoginMode.INTERACTIVE))));
        AutoUserScope shared = AutoUserScope.POOL;
    }
}
`,
};

const PYTHON: Sample = {
  language: 'python',
  uri: 'file:///ws/jobs.py',
  text: `import os

import azure.batch.models as batchmodels

legacy = batchmodels.TaskAddParameter(id='legacy', command_line='hostname', run_elevated=True)
start = batchmodels.StartTask(
    command_line='setup.sh',
    user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin)))
isolated = batchmodels.TaskAddParameter(
    id='isolated',
    command_line='hostname',
    user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(scope=batchmodels.AutoUserScope.task)))
named = batchmodels.TaskAddParameter(id='named', command_line='whoami', user_identity=batchmodels.UserIdentity(user_name='adminUser'))
pool = batchmodels.PoolAddParameter(
    id='mpi',
    vm_size='standard_d2s_v3',
    user_accounts=[
        batchmodels.UserAccount(
            name='mpi',
            password='${PASSWORD}',
            elevation_level=batchmodels.ElevationLevel.admin,
            linux_user_configuration=batchmodels.LinuxUserConfiguration(uid=1001, gid=1002, ssh_private_key='${KEY}')),
        batchmodels.UserAccount(
            name='win',
            password=os.environ['WIN_PASSWORD'],
            elevation_level=batchmodels.ElevationLevel.non_admin,
            windows_user_configuration=batchmodels.WindowsUserConfiguration(login_mode=batchmodels.LoginMode.interactive)),
    ])
shared = batchmodels.AutoUserScope.pool
`,
};

const JSON_SAMPLE: Sample = {
  language: 'json',
  uri: 'file:///ws/job.json',
  text: `{
  "id": "nightly",
  "poolInfo": {
    "autoPoolSpecification": {
      "pool": {
        "vmSize": "standard_d2s_v3",
        "userAccounts": [
          {"name": "mpi", "password": "${PASSWORD}", "elevationLevel": "admin", "linuxUserConfiguration": {"uid": 1001, "gid": 1002, "sshPrivateKey": "${KEY}"}},
          {"name": "win", "password": "<secret>", "elevationLevel": "nonadmin", "windowsUserConfiguration": {"loginMode": "interactive"}}
        ],
        "startTask": {"commandLine": "setup.sh", "userIdentity": {"autoUser": {"elevationLevel": "admin"}}}
      }
    }
  },
  "jobManagerTask": {
    "id": "legacy",
    "commandLine": "hostname",
    "runElevated": true
  },
  "jobPreparationTask": {"commandLine": "prep.sh", "userIdentity": {"autoUser": {"scope": "task"}}},
  "jobReleaseTask": {"commandLine": "release.sh", "userIdentity": {"username": "adminUser"}},
  "metadata": [{"name": "scopes", "value": "pool"}]
}
`,
};

const TYPESCRIPT: Sample = {
  language: 'typescript',
  uri: 'file:///ws/job.ts',
  text: `import { BatchServiceModels } from '@azure/batch';

export const job: BatchServiceModels.JobAddParameter = {
  id: 'nightly',
  poolInfo: {
    autoPoolSpecification: {
      poolLifetimeOption: 'job',
      pool: {
        vmSize: 'standard_d2s_v3',
        userAccounts: [
          { name: 'mpi', password: '${PASSWORD}', elevationLevel: 'admin', linuxUserConfiguration: { uid: 1001, gid: 1002, sshPrivateKey: '${KEY}' } },
          { name: 'win', password: process.env.WIN_PASSWORD!, elevationLevel: 'nonadmin', windowsUserConfiguration: { loginMode: 'interactive' } },
        ],
        startTask: { commandLine: 'setup.sh', userIdentity: { autoUser: { elevationLevel: 'admin' } } },
      },
    },
  },
  jobManagerTask: { id: 'legacy', commandLine: 'hostname', runElevated: true },
  jobPreparationTask: { commandLine: 'prep.sh', userIdentity: { autoUser: { scope: 'task' } } },
  jobReleaseTask: { commandLine: 'release.sh', userIdentity: { userName: 'adminUser' } },
};
`,
};

/** A JSON home for the `pool` scope member, which the job above has no place for. */
const JSON_POOL_SCOPE: Sample = {
  language: 'json',
  uri: 'file:///ws/task.json',
  text: '{"id": "shared", "commandLine": "hostname", "userIdentity": {"autoUser": {"scope": "pool"}}}\n',
};

/** Where each code sample stands in the Markdown sample, and the prefix its lines get there. */
const IN_MARKDOWN: readonly { readonly sample: Sample; readonly fence: string; readonly opener: string; readonly prefix: string }[] = [
  { sample: CSHARP, fence: 'cs', opener: '', prefix: '' },
  { sample: JAVA, fence: 'java', opener: '1. ', prefix: '   ' },
  { sample: PYTHON, fence: 'py', opener: '  ', prefix: '  ' },
  { sample: JSON_SAMPLE, fence: 'json', opener: '> ', prefix: '> ' },
];

/** The four samples in one Markdown document (at the top level, in a list item, indented, in a quote), and where each sample's lines start in it. */
const { MARKDOWN, LINE_STARTS } = (() => {
  let text = '# Nightly jobs on Azure Batch\n\n';
  const starts = new Map<Sample, number[]>();
  for (const { sample, fence, opener, prefix } of IN_MARKDOWN) {
    text += `${opener}\`\`\`${fence}\n`;
    const lines: number[] = [];
    for (const line of sample.text.replace(/\n$/, '').split('\n')) {
      const linePrefix = line === '' ? prefix.trimEnd() : prefix;
      lines.push(text.length + linePrefix.length);
      text += `${linePrefix}${line}\n`;
    }
    lines.push(text.length + prefix.length); // after the sample's last line break: the closing fence's line
    text += `${prefix}\`\`\`\n\n`;
    starts.set(sample, lines);
  }
  return { MARKDOWN: { language: 'markdown', uri: 'file:///ws/jobs.md', text } satisfies Sample, LINE_STARTS: starts };
})();

/** Where an offset of a code sample is in the Markdown sample. */
function inMarkdown(sample: Sample, offset: number): number {
  const before = sample.text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return LINE_STARTS.get(sample)![line] + offset - (before.lastIndexOf('\n') + 1);
}

const SAMPLES: Record<LanguageId, Sample> = {
  csharp: CSHARP,
  java: JAVA,
  python: PYTHON,
  json: JSON_SAMPLE,
  typescript: TYPESCRIPT,
  markdown: MARKDOWN,
};

/** pool.cs, defining `adminUser` (admin, uid 12345) on its line 42, where the hovers' links land: what the named identities resolve to. */
const POOL_CS = `${'// Pools of the nightly jobs.\n'.repeat(34)}using System.Collections.Generic;
using Microsoft.Azure.Batch;
using Microsoft.Azure.Batch.Common;

static class Pools
{
    static void AddUsers(CloudPool pool, string secret) => pool.UserAccounts = new List<UserAccount>
        { new UserAccount("adminUser", secret, ElevationLevel.Admin, new LinuxUserConfiguration(12345, 98765)) };
}
`;
const workspace = new AccountIndex();
before(async () => {
  const analysis = await engine.analyze({ uri: 'file:///ws/pool.cs', languageId: 'csharp', text: POOL_CS });
  analysis.release();
  workspace.update('file:///ws/pool.cs', accountsIn('file:///ws/pool.cs', POOL_CS, analysis.facts));
});

/** The hover at the `nth` occurrence of `needle` (offset just inside it): its lines and the hovered text. */
async function hover(sample: Sample, needle: string, nth = 0): Promise<{ lines: string[]; over: string }> {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = sample.text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `no '${needle}' in the ${sample.language} sample`);
  const analysis = await engine.analyze({ uri: sample.uri, languageId: sample.language, text: sample.text }, { workspace });
  try {
    const result = hoverAt(analysis, at + 1, workspace);
    assert.ok(result, `no hover on '${needle}' in ${sample.language}`);
    return { lines: result.markdown.split('\n'), over: sample.text.slice(result.span.start, result.span.end) };
  } finally {
    analysis.release();
  }
}

function includesLines(lines: readonly string[], expected: readonly string[]): void {
  for (const line of expected) assert.ok(lines.includes(line), `missing line:\n${line}\nin:\n${lines.join('\n')}`);
}

const REFERENCE = '[Batch user accounts](https://learn.microsoft.com/azure/batch/batch-user-accounts)';
/** Each member's line starts with the member as the file spells it (`ElevationLevel.admin`, `"elevationLevel": "admin"`). */
const ADMIN = (member: string) =>
  `**${member}** — the account has elevated access and operates with full Administrator permissions on the node.`;
const NON_ADMIN = (member: string) => `**${member}** — a standard account without elevated access. The default.`;
const TASK_SCOPE = (member: string) =>
  `**${member}** — on Windows nodes, an auto-user account created for this task alone: it has no de facto access to other tasks on the node, ` +
  'though a task with admin elevation can reach other task directories. The documentation says Linux nodes always run under pool scope.';
const POOL_SCOPE = (member: string) =>
  `**${member}** — the task runs as one of the two auto-user accounts created on each node for the pool, one with elevated access and one without; ` +
  'every pool-scope task of the same elevation shares it, and the two accounts cannot share data with each other.';
const SCOPE_DEFAULT =
  'When scope is omitted it is **pool** since service version 2019-08-01.10.0; before that it was task on Windows nodes and pool on Linux nodes.';
/** What an admin account may write differs from a non-admin one's (the user accounts page's note on admin tasks). */
const POOL_ADMIN_ACCESS =
  'Writes its working, shared and multi-instance directories, and the start-task and job-preparation directories when those tasks ran as the pool-scope auto-user of the same elevation; with admin elevation it can also reach other task directories.';
const TASK_ACCESS =
  'Writes its working, shared and multi-instance directories; only reads the start-task and job-preparation directories, which ran under other accounts (task scope gives this task its own).';
const NAMED_ADMIN_ACCESS =
  'Writes its working, shared and multi-instance directories, and the start-task and job-preparation directories when those tasks ran as the same named user; with admin elevation it can also reach other task directories.';
const ELEVATION_ONLY =
  'Equivalent in elevation only: without a scope the auto-user gets the default — pool scope since service version 2019-08-01.10.0; on Windows nodes the default was task scope before that.';
const REQUESTS =
  'Requests that send runElevated to service version 2017-01-01.4.0 or later are documented to fail, and the API versions that accepted it were scheduled for removal on 2020-10-31.';
const RUN_ELEVATED_LINKS =
  '[Rule run-elevated](https://github.com/batch-identity/batch-identity/blob/main/docs/rules/run-elevated.md) · ' +
  `${REFERENCE} · [REST API versions](https://learn.microsoft.com/rest/api/batchservice/batch-service-rest-api-versioning) · ` +
  '[API status](https://learn.microsoft.com/rest/api/batchservice/batch-api-status)';

describe('hover: runElevated shows this file’s replacement first, then why, in the file’s own spelling', () => {
  // [language, needle, the replacement block, the mapping as the file spells it, what the file's SDK does with runElevated]
  const cases: [LanguageId, string, string, string, string][] = [
    [
      'csharp',
      'RunElevated',
      '```csharp\nUserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin))\n```',
      'The documented mapping: `RunElevated = true` → an auto-user with `ElevationLevel.Admin`; `RunElevated = false` → `ElevationLevel.NonAdmin`, the default.',
      '**Microsoft.Azure.Batch** has `RunElevated` up to 5.x (service version 2016-07-01.3.1); from 6.0 it is gone, and this code does not compile.',
    ],
    [
      'java',
      'withRunElevated',
      // Too long a run without spaces for the hover to wrap: broken after its parentheses.
      '```java\nwithUserIdentity(\n    new UserIdentity().withAutoUser(\n        new AutoUserSpecification().withElevationLevel(\n            ElevationLevel.ADMIN)))\n```',
      'The documented mapping: `withRunElevated(true)` → an auto-user with `ElevationLevel.ADMIN`; `withRunElevated(false)` → `ElevationLevel.NON_ADMIN`, the default.',
      '**com.microsoft.azure.batch** has `withRunElevated` up to 1.0.0-beta2; from 1.0.0 it is gone, and this code does not compile.',
    ],
    [
      'python',
      'run_elevated',
      '```python\nuser_identity=batchmodels.UserIdentity(\n    auto_user=batchmodels.AutoUserSpecification(\n        elevation_level=batchmodels.ElevationLevel.admin))\n```',
      'The documented mapping: `run_elevated=True` → an auto-user with `ElevationLevel.admin`; `run_elevated=False` → `ElevationLevel.non_admin`, the default.',
      '**azure-batch** takes `run_elevated` up to 1.1.0; 2.x–4.x raise `TypeError`; 5.0–14.x drop it — as a keyword with the logged warning "run_elevated is not a known attribute … and will be ignored", as an attribute without a word (a task without a user identity runs as a non-administrative user).',
    ],
    [
      'json',
      '"runElevated"',
      // Its task is written one member per line, and so is the identity, indented from the block's margin.
      '```json\n"userIdentity": {\n  "autoUser": {\n    "elevationLevel": "admin"\n  }\n}\n```',
      'The documented mapping: `"runElevated": true` → an auto-user with `"elevationLevel": "admin"`; `"runElevated": false` → `"elevationLevel": "nonadmin"`, the default.',
      '**A REST body** given to `az batch … --json-file`: the CLI was seen (2017) to drop fields it does not know without a word (a task without a user identity runs as a non-administrative user).',
    ],
    [
      'typescript',
      'runElevated',
      "```typescript\nuserIdentity: { autoUser: { elevationLevel: 'admin' } }\n```",
      // In the file's single quotes, as the fix writes them.
      "The documented mapping: `runElevated: true` → an auto-user with `elevationLevel: 'admin'`; `runElevated: false` → `elevationLevel: 'nonadmin'`, the default.",
      '**@azure/batch** never had `runElevated`: TypeScript rejects it in an object literal the models type, and 10.2.0 drops it without a word when it sends the request (a task without a user identity runs as a non-administrative user).',
    ],
  ];
  for (const [language, needle, block, mapping, generation] of cases) {
    it(language, async () => {
      const { lines, over } = await hover(SAMPLES[language], needle);
      assert.equal(over, needle);
      // The replacement comes first: in a small hover it is what shows without scrolling.
      assert.deepEqual(lines.slice(0, 3 + block.split('\n').length), ['In this file it becomes:', '', ...block.split('\n'), '']);
      assert.deepEqual(lines.slice(block.split('\n').length + 3), [
        mapping,
        '',
        ELEVATION_ONLY,
        '',
        generation,
        '',
        REQUESTS,
        '',
        RUN_ELEVATED_LINKS,
      ]);
    });
  }

  it('never repeats the diagnostic, and spells enum members one way (the file’s)', async () => {
    for (const [language, needle] of cases.map(([l, n]) => [l, n] as const)) {
      const sample = SAMPLES[language];
      const analysis = await engine.analyze({ uri: sample.uri, languageId: sample.language, text: sample.text }, { workspace });
      try {
        const at = sample.text.indexOf(needle) + 1;
        const markdown = hoverAt(analysis, at, workspace)!.markdown;
        const diagnostic = analysis.findings.find((f) => f.span.start <= at && at <= f.span.end)!;
        assert.ok(!markdown.includes(diagnostic.message.slice(0, diagnostic.message.indexOf(' ('))), markdown);
        const spellings = new Set(markdown.match(/\b(?:non_?admin|NonAdmin|NON_ADMIN)\b/gi));
        assert.equal(spellings.size, 1, `${language}: ${[...spellings].join(', ')}`);
      } finally {
        analysis.release();
      }
    }
  });

  it('generations the file tells apart: Azure.Compute.Batch, azure-batch 15, azure-mgmt-batch, ARM', async () => {
    const generations: [LanguageId, string, string, string][] = [
      [
        'csharp',
        'using Azure.Compute.Batch;\n\nclass Tasks\n{\n    void Elevate(BatchTaskCreateContent task) { task.RunElevated = true; }\n}\n',
        'RunElevated',
        '**Azure.Compute.Batch** never had `RunElevated`: this code does not compile.',
      ],
      [
        'python',
        "from azure.batch import models\nt = models.BatchTaskCreateContent(id='t', command_line='x', run_elevated=True)\n",
        'run_elevated',
        '**azure-batch 15** models raise `TypeError` for the unknown keyword argument `run_elevated`.',
      ],
      [
        'python',
        "from azure.mgmt.batch import models as mgmt\ns = mgmt.StartTask(command_line='x', run_elevated=True)\n",
        'run_elevated',
        '**azure-mgmt-batch** never had `run_elevated` (ARM pools begin with management API 2017-09-01); 17.0.0 logs a warning and drops it (a task without a user identity runs as a non-administrative user).',
      ],
      [
        'json',
        '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "properties": {"startTask": {"commandLine": "x", "runElevated": true}}}]}',
        '"runElevated"',
        '**An ARM template**: `Microsoft.Batch` pool resources never had `runElevated` (they begin with management API 2017-09-01); what ARM does with it is not documented.',
      ],
    ];
    for (const [language, text, needle, sentence] of generations) {
      const { lines } = await hover({ language, uri: `file:///ws/generation.${language}`, text }, needle);
      assert.equal(lines[0], 'In this file it becomes:');
      includesLines(lines, [sentence, RUN_ELEVATED_LINKS]);
    }
  });
});

describe('hover: runElevated’s replacement follows the file’s form, generation and import style', () => {
  const cases: [string, CodeLanguageId, string, string, string][] = [
    [
      'C# initializer member with a condition',
      'csharp',
      'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n\nclass Tasks\n{\n    bool needsAdmin;\n    StartTask Start() => new StartTask { CommandLine = "setup.cmd", RunElevated = needsAdmin };\n}\n',
      'RunElevated',
      'UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: needsAdmin ? ElevationLevel.Admin : ElevationLevel.NonAdmin))',
    ],
    [
      'C# Azure.Compute.Batch: the initializer form',
      'csharp',
      'using Azure.Compute.Batch;\n\nclass Tasks\n{\n    void Elevate(BatchTaskCreateContent task) { task.RunElevated = true; }\n}\n',
      'RunElevated',
      'UserIdentity = new UserIdentity { AutoUser = new AutoUserSpecification { ElevationLevel = ElevationLevel.Admin } }',
    ],
    [
      'Java job manager task, false',
      'java',
      'import com.microsoft.azure.batch.protocol.models.*;\n\nclass Jobs {\n    JobManagerTask manager() {\n        return new JobManagerTask().withId("m").withCommandLine("run").withRunElevated(false);\n    }\n}\n',
      'withRunElevated',
      'withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.NON_ADMIN)))',
    ],
    [
      'Python attribute assignment, names imported from azure.batch.models',
      'python',
      "from azure.batch.models import TaskAddParameter\n\ntask = TaskAddParameter(id='t', command_line='hostname')\ntask.run_elevated = False\n",
      'run_elevated',
      'task.user_identity = UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.non_admin))',
    ],
    [
      'Python keyword with a condition, models reached as azure.batch.models',
      'python',
      "from azure.batch import models\n\ntask = models.TaskAddParameter(id='t', command_line='hostname', run_elevated=needs_admin)\n",
      'run_elevated',
      'user_identity=models.UserIdentity(auto_user=models.AutoUserSpecification(elevation_level=models.ElevationLevel.admin if needs_admin else models.ElevationLevel.non_admin))',
    ],
    [
      'JSON CLI template repeat task, false',
      'json',
      '{\n  "job": {\n    "type": "Microsoft.Batch/batchAccounts/jobs",\n    "properties": {"taskFactory": {"type": "parametricSweep", "repeatTask": {"commandLine": "x", "runElevated": false}}}\n  }\n}\n',
      '"runElevated"',
      '"userIdentity": {"autoUser": {"elevationLevel": "nonadmin"}}',
    ],
  ];
  for (const [name, language, text, needle, replacement] of cases) {
    it(`${language}: ${name}`, async () => {
      const { lines } = await hover({ language, uri: `file:///ws/form.${language}`, text }, needle);
      const fence = { csharp: 'csharp', java: 'java', python: 'python', json: 'json', typescript: 'typescript' }[language];
      assert.ok(
        lines.join('\n').includes(`In this file it becomes:\n\n\`\`\`${fence}\n${wrappable(replacement)}\n\`\`\`\n`),
        lines.join('\n'),
      );
    });
  }
});

describe('hover: elevation members say what each grants; NonAdmin is the default', () => {
  // [language, admin needle, non-admin needle, the hovers' ranges, the members as the hovers spell them]
  const cases: [LanguageId, string, string, string, string, string, string][] = [
    [
      'csharp',
      'ElevationLevel.Admin',
      'ElevationLevel.NonAdmin',
      'ElevationLevel.Admin',
      'ElevationLevel.NonAdmin',
      'ElevationLevel.Admin',
      'ElevationLevel.NonAdmin',
    ],
    [
      'java',
      'ElevationLevel.ADMIN',
      'ElevationLevel.NON_ADMIN',
      'ElevationLevel.ADMIN',
      'ElevationLevel.NON_ADMIN',
      'ElevationLevel.ADMIN',
      'ElevationLevel.NON_ADMIN',
    ],
    [
      'python',
      'ElevationLevel.admin',
      'ElevationLevel.non_admin',
      'batchmodels.ElevationLevel.admin',
      'batchmodels.ElevationLevel.non_admin',
      'ElevationLevel.admin',
      'ElevationLevel.non_admin',
    ],
    ['json', '"admin"', '"nonadmin"', '"admin"', '"nonadmin"', '"elevationLevel": "admin"', '"elevationLevel": "nonadmin"'],
    ['typescript', "'admin'", "'nonadmin'", "'admin'", "'nonadmin'", "elevationLevel: 'admin'", "elevationLevel: 'nonadmin'"],
  ];
  for (const [language, admin, nonAdmin, adminOver, nonAdminOver, adminSpelled, nonAdminSpelled] of cases) {
    it(language, async () => {
      const a = await hover(SAMPLES[language], admin);
      assert.equal(a.over, adminOver);
      assert.deepEqual(a.lines, [ADMIN(adminSpelled), '', REFERENCE]);
      const n = await hover(SAMPLES[language], nonAdmin);
      assert.equal(n.over, nonAdminOver);
      assert.deepEqual(n.lines, [NON_ADMIN(nonAdminSpelled), '', REFERENCE]);
    });
  }
});

describe('hover: scope members explain task isolation, pool sharing and the default’s history', () => {
  const cases: [LanguageId, string, string, Sample, string, string][] = [
    ['csharp', 'AutoUserScope.Task', 'AutoUserScope.Pool', CSHARP, 'AutoUserScope.Task', 'AutoUserScope.Pool'],
    ['java', 'AutoUserScope.TASK', 'AutoUserScope.POOL', JAVA, 'AutoUserScope.TASK', 'AutoUserScope.POOL'],
    ['python', 'AutoUserScope.task', 'AutoUserScope.pool', PYTHON, 'AutoUserScope.task', 'AutoUserScope.pool'],
    ['json', '"task"', '"pool"', JSON_POOL_SCOPE, '"scope": "task"', '"scope": "pool"'],
  ];
  for (const [language, task, pool, poolSample, taskSpelled, poolSpelled] of cases) {
    it(language, async () => {
      assert.deepEqual((await hover(SAMPLES[language], task)).lines, [TASK_SCOPE(taskSpelled), '', SCOPE_DEFAULT, '', REFERENCE]);
      assert.deepEqual((await hover(poolSample, pool)).lines, [POOL_SCOPE(poolSpelled), '', SCOPE_DEFAULT, '', REFERENCE]);
    });
  }
});

describe('hover: an auto-user identity shows the effective identity and directory access', () => {
  // [language, on the start task's identity, on the task-scope specification, holder of the second]
  const cases: [LanguageId, string, string, string][] = [
    ['csharp', 'UserIdentity(new AutoUserSpecification(elevationLevel', 'AutoUserSpecification(AutoUserScope.Task)', 'task'],
    ['java', 'AutoUserSpecification().withElevationLevel', 'AutoUserSpecification().withScope', 'task'],
    ['python', 'UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level', 'AutoUserSpecification(scope', 'task'],
    ['json', '"userIdentity": {"autoUser": {"elevationLevel"', '"autoUser": {"scope": "task"}', 'job preparation task'],
  ];
  for (const [language, startIdentity, taskSpec, holder] of cases) {
    it(language, async () => {
      const start = await hover(SAMPLES[language], startIdentity);
      assert.deepEqual(start.lines, [
        '**User identity**',
        '',
        'The start task runs as:',
        '',
        '**auto-user · admin · pool scope (default)**',
        '',
        POOL_ADMIN_ACCESS,
        '',
        SCOPE_DEFAULT,
        '',
        REFERENCE,
      ]);
      const isolated = await hover(SAMPLES[language], taskSpec);
      assert.deepEqual(isolated.lines, [
        '**User identity**',
        '',
        `The ${holder} runs as:`,
        '',
        '**auto-user · non-admin (default) · task scope**',
        '',
        TASK_ACCESS,
        '',
        REFERENCE,
      ]);
    });
  }
});

describe('hover: the effective identity in the newer SDK generations, the management plane and ARM', () => {
  const cases: [string, LanguageId, string, string, string, string][] = [
    [
      'C# Azure.Compute.Batch: a specification held in a variable',
      'csharp',
      'using Azure.Compute.Batch;\n\nclass Tasks\n{\n    void Isolate(BatchTaskCreateContent task)\n    {\n        var spec = new AutoUserSpecification { Scope = AutoUserScope.Task, ElevationLevel = ElevationLevel.Admin };\n        task.UserIdentity = new UserIdentity { AutoUser = spec };\n    }\n}\n',
      'UserIdentity {',
      'The task runs as:',
      '**auto-user · admin · task scope**',
    ],
    [
      'Java com.azure.compute.batch: setters, the specification in a variable',
      'java',
      'import com.azure.compute.batch.models.*;\n\nclass Tasks {\n    void share(BatchTaskCreateContent task) {\n        AutoUserSpecification spec = new AutoUserSpecification().setScope(AutoUserScope.POOL).setElevationLevel(ElevationLevel.ADMIN);\n        task.setUserIdentity(new UserIdentity().setAutoUser(spec));\n    }\n}\n',
      'UserIdentity()',
      'The task runs as:',
      '**auto-user · admin · pool scope**',
    ],
    [
      'Python 15.x',
      'python',
      "from azure.batch import models\n\ntask = models.BatchTaskCreateContent(id='t', command_line='x', user_identity=models.UserIdentity(auto_user=models.AutoUserSpecification(scope=models.AutoUserScope.TASK, elevation_level=models.ElevationLevel.ADMIN)))\n",
      'UserIdentity(',
      'The task runs as:',
      '**auto-user · admin · task scope**',
    ],
    [
      'Python mgmt: a pool start task',
      'python',
      "from azure.mgmt.batch import models as mgmt\n\nstart = mgmt.StartTask(command_line='x', user_identity=mgmt.UserIdentity(auto_user=mgmt.AutoUserSpecification(elevation_level=mgmt.ElevationLevel.NON_ADMIN)))\n",
      'UserIdentity(',
      'The start task runs as:',
      '**auto-user · non-admin · pool scope (default)**',
    ],
    [
      'Python: a module constant given to a start task, hovered where it is used',
      'python',
      "import azure.batch.models as batchmodels\n\nPOOL_ADMIN = batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(scope=batchmodels.AutoUserScope.pool, elevation_level=batchmodels.ElevationLevel.admin))\nstart = batchmodels.StartTask(command_line='x', user_identity=POOL_ADMIN)\nmanager = batchmodels.JobManagerTask(id='m', command_line='x', user_identity=POOL_ADMIN)\n",
      'POOL_ADMIN)\nmanager',
      'The start task runs as:',
      '**auto-user · admin · pool scope**',
    ],
    [
      'ARM: a pool start task',
      'json',
      '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "properties": {"startTask": {"commandLine": "x", "userIdentity": {"autoUser": {"scope": "Task", "elevationLevel": "Admin"}}}}}]}',
      '"userIdentity"',
      'The start task runs as:',
      '**auto-user · admin · task scope**',
    ],
  ];
  for (const [name, language, text, needle, holder, effective] of cases) {
    it(`${language}: ${name}`, async () => {
      const { lines } = await hover({ language, uri: `file:///ws/generation.${language}`, text }, needle);
      includesLines(lines, ['**User identity**', holder, effective]);
    });
  }
});

describe('hover: a named identity resolves through the workspace index', () => {
  const cases: [LanguageId, string, string][] = [
    ['csharp', 'UserIdentity("adminUser")', 'task'],
    ['java', 'UserIdentity().withUserName', 'task'],
    ['python', "UserIdentity(user_name='adminUser')", 'task'],
    ['json', '"userIdentity": {"username"', 'job release task'],
  ];
  for (const [language, needle, holder] of cases) {
    it(language, async () => {
      const { lines } = await hover(SAMPLES[language], needle);
      assert.deepEqual(lines, [
        '**User identity**',
        '',
        `The ${holder} runs as:`,
        '',
        '**named user `adminUser` · admin · Linux uid 12345 · defined in [pool.cs:42](file:///ws/pool.cs#L42)**',
        '',
        NAMED_ADMIN_ACCESS,
        '',
        REFERENCE,
      ]);
    });
  }
});

describe('hover: user accounts and their Linux and Windows settings', () => {
  const ACCOUNT =
    'A named user account defined on the pool: a name, a password, an elevation level, and optional Linux (uid/gid, SSH key) or Windows (login mode) settings. A task runs as it when its user identity names it.';
  const LINUX =
    'Linux settings of a user account, ignored on Windows pools: `uid` and `gid` "must be specified together or not at all" (without them the operating system picks the ids). ' +
    "The SSH private key, not password-protected, configures key-based SSH between the pool's nodes when inter-node communication is enabled; it is ignored otherwise.";
  const INTER_NODE =
    "With inter-node communication enabled on a Linux pool, the SSH private key configures key-based SSH between the pool's nodes for this user (the documentation's use: multi-instance tasks).";
  const WINDOWS =
    'Windows settings of a user account: the login mode (batch or interactive). The API says it "can only be specified if the user is on a Windows pool".';
  const INTERACTIVE = (member: string) =>
    `**${member}** — on Windows VM pools UAC is enabled: an elevated identity's session is not elevated unless the program the task runs is configured to always require administrative or maximum privilege.`;

  // [language, on the first account, on its Linux settings, on the Windows settings]
  // [language, on the first account, on its Linux settings, on the Windows settings, its login mode as the file spells it]
  const cases: [LanguageId, string, string, string, string][] = [
    ['csharp', 'UserAccount("mpi"', 'LinuxUserConfiguration(1001', 'WindowsUserConfiguration(LoginMode', 'LoginMode.Interactive'],
    [
      'java',
      'UserAccount().withName("mpi")',
      'LinuxUserConfiguration().withUid',
      'WindowsUserConfiguration().withLoginMode',
      'LoginMode.INTERACTIVE',
    ],
    [
      'python',
      "UserAccount(\n            name='mpi'",
      'LinuxUserConfiguration(uid',
      'WindowsUserConfiguration(login_mode',
      'LoginMode.interactive',
    ],
    ['json', '"name": "mpi"', '"linuxUserConfiguration"', '"windowsUserConfiguration"', '"loginMode": "interactive"'],
    ['typescript', "name: 'mpi'", 'linuxUserConfiguration', 'windowsUserConfiguration', "loginMode: 'interactive'"],
  ];
  for (const [language, account, linux, windows, interactive] of cases) {
    it(language, async () => {
      const sample = SAMPLES[language];
      assert.deepEqual((await hover(sample, account)).lines, [
        '**User account**',
        '',
        ACCOUNT,
        '',
        'name `mpi` · admin · password set · Linux uid/gid 1001/1002 · SSH private key set',
        '',
        REFERENCE,
      ]);
      assert.deepEqual((await hover(sample, linux)).lines, [
        '**Linux user configuration**',
        '',
        LINUX,
        '',
        'uid 1001, gid 1002 · SSH private key set',
        '',
        INTER_NODE,
        '',
        REFERENCE,
      ]);
      assert.deepEqual((await hover(sample, windows)).lines, [
        '**Windows user configuration**',
        '',
        WINDOWS,
        '',
        INTERACTIVE(interactive),
        '',
        REFERENCE,
      ]);
      const win = await hover(
        sample,
        language === 'json' ? '"name": "win"' : language === 'python' ? "name='win'" : language === 'typescript' ? "name: 'win'" : '"win"',
      );
      assert.equal(win.lines[4], 'name `win` · non-admin · password set · Windows login mode interactive');
    });
  }
});

describe('hover: in Markdown, every block hovers as a file of its language', () => {
  // Every offset of each code sample, and the same place in the Markdown sample: the same hover
  // over the same text, its replacement in the block's fence. The document is its own workspace:
  // its named users resolve among its own accounts (pool.cs's adminUser is not one of them).
  for (const { sample } of IN_MARKDOWN) {
    const where = {
      csharp: 'at the top level',
      java: 'in a list item',
      python: 'indented',
      json: 'in a quote',
      typescript: 'at the top level',
    }[sample.language as CodeLanguageId];
    it(`${sample.language} ${where}`, async () => {
      const code = await engine.analyze({ uri: sample.uri, languageId: sample.language, text: sample.text }, { workspace });
      const markdown = await engine.analyze({ uri: MARKDOWN.uri, languageId: 'markdown', text: MARKDOWN.text }, { workspace });
      try {
        let compared = 0;
        for (let offset = 0; offset <= sample.text.length; offset++) {
          const expected = hoverAt(code, offset, workspace);
          const actual = hoverAt(markdown, inMarkdown(sample, offset), workspace);
          if (!expected) {
            assert.equal(actual, undefined, `a hover at ${offset} in the Markdown ${sample.language} only`);
            continue;
          }
          assert.ok(
            actual,
            `no hover at ${offset} (${JSON.stringify(sample.text.slice(offset, offset + 20))}) in the Markdown ${sample.language}`,
          );
          // A page is its own workspace: the user is not found, so its elevation is not known either.
          const standalone = expected.markdown
            .replace(
              '**named user `adminUser` · admin · Linux uid 12345 · defined in [pool.cs:42](file:///ws/pool.cs#L42)**',
              '**named user `adminUser` · not defined on any pool in this workspace**',
            )
            .replace(EXPLAIN.access({ account: 'named', elevation: 'admin' }), EXPLAIN.access({ account: 'named', elevation: 'unknown' }))
            // The hover on the name itself: which account it resolves to, here none.
            .replace(
              /Resolves to the pool user account defined in \[pool\.cs:42\]\(file:\/\/\/ws\/pool\.cs#L42\):\n\n\*\*admin · Linux uid\/gid 12345\/98765\*\*\n\n[^\n]*\n/,
              'Not defined on any pool in this workspace.\n',
            );
          assert.equal(actual.markdown, standalone);
          const prefix = IN_MARKDOWN.find((m) => m.sample === sample)!.prefix;
          assert.equal(
            MARKDOWN.text.slice(actual.span.start, actual.span.end).split(`\n${prefix}`).join('\n'),
            sample.text.slice(expected.span.start, expected.span.end),
          );
          compared++;
        }
        assert.ok(compared > 50, `${compared} hovers compared`);
      } finally {
        code.release();
        markdown.release();
      }
    });
  }
});

describe('hover: no password or key value, anywhere', () => {
  for (const sample of Object.values(SAMPLES)) {
    it(sample.language, async () => {
      const analysis = await engine.analyze({ uri: sample.uri, languageId: sample.language, text: sample.text }, { workspace });
      try {
        let hovers = 0;
        for (let offset = 0; offset <= sample.text.length; offset++) {
          const markdown = hoverAt(analysis, offset, workspace)?.markdown;
          if (!markdown) continue;
          hovers++;
          assert.ok(!markdown.includes(PASSWORD) && !markdown.includes('KEYMATERIAL'), `a secret at offset ${offset}:\n${markdown}`);
        }
        assert.ok(hovers > 0);
      } finally {
        analysis.release();
      }
    });
  }
});
