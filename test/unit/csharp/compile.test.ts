/**
 * Compile checks: legacy C# fixed by the engine (and by the CLI's --fix) compiles with mcs against
 * stub SDKs that have no RunElevated anywhere (test/compile/csharp/stubs), and, run with mono,
 * gives every task the identity the old runElevated meant.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../../server/src/cli/main';
import { compileCSharp, skipWithoutMcs } from '../../compile/csharp/mcs';
import { fixAll, settingsWith, squiggles } from '../../helpers/engine';

const skip = skipWithoutMcs();
const EXAMPLE = path.resolve(__dirname, '../../../examples/LegacyTasks.cs');

/** Legacy inputs, each in its own namespace with a `Case.Run()` that builds its tasks. */
const LEGACY_INPUTS: { name: string; text: string; log: string[]; scope?: 'task' | 'pool' }[] = [
  {
    name: 'statements',
    text: `using System.Collections.Generic;
using Microsoft.Azure.Batch;

namespace Statements
{
    public static class Case
    {
        public static void Run()
        {
            CloudTask admin = new CloudTask("a", "cmd");
            admin.RunElevated = true;
            CloudTask plain = new CloudTask("b", "cmd");
            plain.RunElevated = false; // was explicit
            bool flag = false;
            CloudTask conditional = new CloudTask("c", "cmd");
            conditional.RunElevated = flag || plain.Id == "b";
            var job = new CloudJob();
            job.JobReleaseTask = new JobReleaseTask("cleanup");
            job.JobReleaseTask.RunElevated = true;
            var tasks = new List<CloudTask> { new CloudTask("d", "cmd") };
            foreach (var t in tasks) t.RunElevated = flag ? true : false;
        }
    }
}
`,
    log: ['CloudTask:Admin:', 'CloudTask:NonAdmin:', 'CloudTask:Admin:', 'JobReleaseTask:Admin:', 'CloudTask:NonAdmin:'],
  },
  {
    name: 'initializers, CRLF and tabs, usings inside the namespace',
    text: [
      'namespace Initializers',
      '{',
      '\tusing Microsoft.Azure.Batch;',
      '',
      '\tpublic static class Case',
      '\t{',
      '\t\tpublic static void Run()',
      '\t\t{',
      '\t\t\tvar pool = new CloudPool',
      '\t\t\t{',
      '\t\t\t\tId = "p",',
      '\t\t\t\tStartTask = new StartTask',
      '\t\t\t\t{',
      '\t\t\t\t\tCommandLine = "setup",',
      '\t\t\t\t\t// installs drivers',
      '\t\t\t\t\tRunElevated = true,',
      '\t\t\t\t\tWaitForSuccess = true,',
      '\t\t\t\t},',
      '\t\t\t};',
      '\t\t\tvar prep = new JobPreparationTask("prep") { RunElevated = false };',
      '\t\t\tvar manager = new JobManagerTask("m", "x")',
      '\t\t\t{',
      '\t\t\t\tRunElevated = true',
      '\t\t\t};',
      '\t\t}',
      '\t}',
      '}',
      '',
    ].join('\r\n'),
    log: ['StartTask:Admin:', 'JobPreparationTask:NonAdmin:', 'JobManagerTask:Admin:'],
  },
  {
    name: 'fully qualified, no usings',
    text: `namespace Qualified
{
    public static class Case
    {
        public static void Run()
        {
            var task = new Microsoft.Azure.Batch.CloudTask("q", "cmd");
            task.RunElevated = true;
        }
    }
}
`,
    log: ['CloudTask:Admin:'],
  },
  {
    name: 'beside identities that agree',
    text: `using Microsoft.Azure.Batch;
using Microsoft.Azure.Batch.Common;

namespace Agreeing
{
    public static class Case
    {
        public static void Run()
        {
            var task = new CloudTask("x", "cmd");
            task.UserIdentity = new UserIdentity(new AutoUserSpecification(AutoUserScope.Task, ElevationLevel.Admin));
            task.RunElevated = true;
            var start = new StartTask { UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.NonAdmin)), RunElevated = false };
        }
    }
}
`,
    log: ['CloudTask:Admin:Task', 'StartTask:NonAdmin:'],
  },
  {
    name: 'Azure.Compute.Batch',
    text: `using Azure.Compute.Batch;

namespace NewSdk
{
    public static class Case
    {
        public static void Run()
        {
            var task = new BatchTaskCreateContent("t", "cmd") { RunElevated = true };
        }
    }
}
`,
    log: ['BatchTaskCreateContent:admin:'],
  },
  {
    name: 'batchIdentity.fix.scope = task',
    text: `using Microsoft.Azure.Batch;

namespace TaskScope
{
    public static class Case
    {
        public static void Run()
        {
            var task = new CloudTask("s", "cmd");
            task.RunElevated = true;
        }
    }
}
`,
    log: ['CloudTask:Admin:Task'],
    scope: 'task',
  },
];

const HARNESS = (namespaces: string[]) =>
  `public static class Harness\n{\n    public static void Main()\n    {\n${namespaces.map((ns) => `        ${ns}.Case.Run();\n`).join('')}` +
  '        foreach (var line in IdentityLog.Lines) System.Console.WriteLine(line);\n    }\n}\n';

describe('csharp compile check (mcs + mono)', { skip }, () => {
  it('every legacy input, fixed by fix-all, compiles and gives each task the meant identity', async () => {
    const sources: Record<string, string> = {};
    const namespaces: string[] = [];
    for (const input of LEGACY_INPUTS) {
      const fixed = await fixAll('csharp', input.text, { settings: settingsWith({ fix: { scope: input.scope ?? 'omit' } }) });
      assert.deepEqual(await squiggles('csharp', fixed), [], `${input.name}: findings remain in\n${fixed}`);
      assert.ok(!/\bRunElevated\b/.test(fixed), `${input.name}: RunElevated remains`);
      const ns = /namespace (\w+)/.exec(input.text)![1];
      namespaces.push(ns);
      sources[`${ns}.cs`] = fixed;
    }
    sources['Harness.cs'] = HARNESS(namespaces);
    const result = compileCSharp(sources, 'Harness');
    assert.ok(result.ok, result.output);
    assert.deepEqual(
      result.stdout?.trim().split(/\r?\n/),
      LEGACY_INPUTS.flatMap((i) => i.log),
    );
  });

  it('the unfixed inputs do not compile against the stubs (the check can fail)', () => {
    const result = compileCSharp({ 'Statements.cs': LEGACY_INPUTS[0].text });
    assert.equal(result.ok, false);
    assert.match(result.output, /RunElevated/);
  });
});

/** The CLI in-process, on the example a README user tries first. */
describe('csharp CLI on the example', () => {
  it('lists every runElevated of examples/LegacyTasks.cs, and its --fix compiles with the stubs', async (t) => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    // Assignments of RunElevated in code; the options class's own property and the comments are not Batch's.
    const expectedLines = text
      .split('\n')
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => /\bRunElevated\s*=(?!=)/.test(line) && !line.trimStart().startsWith('//'))
      .map(({ index }) => index);
    assert.equal(expectedLines.length, 6);

    const out: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: () => undefined, version: 'test' };
    // --no-cache: the default cache would go into the checkout's node_modules.
    assert.equal(await runCli(['check', '--no-cache', '--format', 'json', EXAMPLE], io), 1);
    const [report] = JSON.parse(out.join('')) as {
      diagnostics: { code: string; severity: string; fixable: boolean; range: { start: { line: number; character: number } } }[];
    }[];
    const runElevated = report.diagnostics.filter((d) => d.code === 'run-elevated');
    assert.deepEqual(
      runElevated.map((d) => d.range.start.line),
      expectedLines,
    );
    assert.ok(runElevated.every((d) => d.severity === 'warning' && d.fixable));
    const lines = text.split('\n');
    for (const d of runElevated)
      assert.equal(lines[d.range.start.line].slice(d.range.start.character, d.range.start.character + 11), 'RunElevated');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bi-cs-example-'));
    try {
      const copy = path.join(dir, 'LegacyTasks.cs');
      fs.copyFileSync(EXAMPLE, copy);
      assert.equal(await runCli(['check', '--no-cache', '--fix', copy], { ...io, stdout: () => undefined }), 0);
      const fixed = fs.readFileSync(copy, 'utf8');
      assert.ok(fixed.includes('using Microsoft.Azure.Batch.Common;'));
      assert.deepEqual(await squiggles('csharp', fixed), []);
      if (skip) {
        t.skip(skip);
        return;
      }
      const result = compileCSharp({ 'LegacyTasks.cs': fixed });
      assert.ok(result.ok, result.output);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
